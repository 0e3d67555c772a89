"""Build the offline bundle: `python scripts/offline.py [ROOT] [--out DIR]` writes dist/prss-resource-library-offline.zip."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.site.offline import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
