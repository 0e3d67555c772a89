"""Build the offline bundle, dist/prss-resource-library-offline.zip: `python scripts/offline.py [ROOT] [--out DIR]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.cli.offline import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
