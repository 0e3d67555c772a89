"""`serve.py [--root ROOT] [mkdocs serve options]`: the live preview at http://127.0.0.1:8000/.

Previews skip the PDFs unless PRSS_PDF=1. Exit with MkDocs' code; Ctrl-C stops it.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading

from prss.cli.args import add_root, parse_args
from prss.site.preview import Preview, refresh, watch


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="serve.py", description="Preview the library, regenerating docs/ whenever content/ changes.",
        epilog="Other options go to `mkdocs serve`, e.g. --dev-addr 127.0.0.1:8001 or --clean.")
    add_root(parser, option=True)
    parsed = parse_args(parser, argv, known=True)
    if isinstance(parsed, int):
        return parsed
    args, rest = parsed
    root = args.root.resolve()
    os.environ.setdefault("PRSS_PDF", "0")
    if "--clean" not in rest:  # rebuild only the pages whose Markdown changed: docs/ holds every relation already
        rest[:0] = ["--dirty", "--no-strict"]  # a dirty build always warns; `make site` stays strict
    preview = Preview()
    refresh(root, preview)  # with problems, the browser shows them until a save fixes them
    threading.Thread(target=watch, args=(root, preview), daemon=True).start()
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(root / "mkdocs.yml"), *rest]
    try:
        return subprocess.call(command, cwd=root)
    except KeyboardInterrupt:  # MkDocs got the same Ctrl-C and has stopped
        return 130
