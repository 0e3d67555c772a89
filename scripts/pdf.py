"""Write the PDFs into site/downloads/: `python scripts/pdf.py [ROOT] [--site-dir DIR] [--only-library]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.pdf import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
