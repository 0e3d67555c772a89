"""Append a built site's new URLs to content/published-urls.txt: `python scripts/ledger.py [ROOT] [--site-dir DIR]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.ledger import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
