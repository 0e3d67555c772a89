"""Start a new content file: `new_content.py practice|mentor TITLE [--slug SLUG]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.new import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
