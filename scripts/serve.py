"""Live preview: `python scripts/serve.py [--root ROOT] [mkdocs serve options]` (see prss/site/preview.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.serve import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
