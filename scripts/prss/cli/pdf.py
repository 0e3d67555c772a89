"""`pdf.py [ROOT] [--site-dir DIR] [--only-library]`: write the PDFs into site/downloads/.

Exit 0 written, 1 content problems, 2 usage.
"""
from __future__ import annotations

import argparse
import sys

from prss.cli.args import add_root, parse_args
from prss.config import read_site
from prss.content.library import load_library
from prss.pdf.edition import FULL_PDF
from prss.pdf.render import documents, render_all
from prss.problems import has_errors, summary_line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="pdf.py", description="Write the PDFs to SITE/downloads/.")
    add_root(parser, site_dir="where to write downloads/")
    parser.add_argument("--only-library", action="store_true", help="skip the per-page PDFs")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    loaded = load_library(args.root)
    if has_errors(loaded.problems):
        print(*loaded.problems, summary_line(loaded.problems, loaded.files), sep="\n", file=sys.stderr)
        return 1
    docs = documents(loaded.library, read_site(args.root))
    files = render_all({FULL_PDF: docs[FULL_PDF]} if args.only_library else docs)
    out = (args.site_dir or args.root / "site").resolve()
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    print(f"pdf: wrote {len(files)} PDFs under {out / 'downloads'}")
    return 0
