"""`ledger.py [ROOT] [--site-dir DIR]`: append the URLs of the built site/ to content/published-urls.txt.

Exit 0 done, 2 usage. The ledger only grows: a URL once listed stays, sorted among the others.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prss.cli.args import add_root, parse_args
from prss.content.permalinks import HEADER, LEDGER, built_urls, read_ledger


def append_new(root: Path, site_dir: Path) -> list[str]:
    """Add the built site's new URLs to the ledger, keeping it sorted; returns the added paths."""
    entries, _ = read_ledger(root)
    known = {url for _, url in entries}
    added = [url for url in built_urls(site_dir) if url not in known]
    (root / LEDGER).write_text(HEADER + "".join(f"{u}\n" for u in sorted(known | set(added))), encoding="utf-8")
    return added


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="ledger.py", description=f"Append the URLs of the built site to {LEDGER}.")
    add_root(parser, site_dir="the built site")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    site_dir = args.site_dir or args.root / "site"
    if not (site_dir / "index.html").is_file():
        print(f"ledger.py: error: {site_dir} holds no built site; run 'make site' first", file=sys.stderr)
        return 2
    added = append_new(args.root, site_dir)
    print(f"{len(added)} new URL{'s' if len(added) != 1 else ''} added to {LEDGER}")
    return 0
