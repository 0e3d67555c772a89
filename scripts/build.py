"""Build the site: `python scripts/build.py [ROOT] [--site-dir DIR] [--generate-only]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.build import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
