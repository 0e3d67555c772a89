"""`offline.py [ROOT] [--out DIR]`: write dist/prss-resource-library-offline.zip. Exit 0, 1 failed, 2 usage."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from prss.cli.args import add_root, parse_args
from prss.site.generate import generate
from prss.site.offline import ZIP_NAME, build_offline


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="offline.py", description=f"Write dist/{ZIP_NAME}: the site for file://.")
    add_root(parser)
    parser.add_argument("--out", type=Path, help="where to write the zip (default: ROOT/dist)")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    root = args.root.resolve()
    if generate(root):
        return 1
    try:
        target = build_offline(root, (args.out or root / "dist").resolve())
    except subprocess.CalledProcessError as error:
        print(f"offline.py: error: mkdocs build --strict failed (exit {error.returncode}); its messages are above",
              file=sys.stderr)
        return 1
    print(f"offline.py: wrote {target} ({target.stat().st_size:,} bytes)")
    return 0
