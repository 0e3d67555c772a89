"""Check every content file: `python scripts/check_content.py [--format text|json] [ROOT]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.check import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
