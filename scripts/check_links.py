"""Check a built site's internal links: `python scripts/check_links.py SITE [--site-url URL] [--pdf FILE]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.links import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
