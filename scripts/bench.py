"""Benchmark the build against bare Material: `python scripts/bench.py [--sizes 100,1000,3000] [--skip-pdf]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.bench import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
