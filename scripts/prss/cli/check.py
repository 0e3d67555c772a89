"""`check_content.py`: report every content problem, as text or JSON. Exit 0 clean, 1 problems, 2 usage."""
from __future__ import annotations

import argparse
import json
import sys

from prss.cli.args import add_root, parse_args
from prss.content.library import load_library
from prss.problems import has_errors, summary_line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="check_content.py", description="Report every content problem, as text "
                                     "or JSON. Exit 0 clean, 1 problems, 2 usage.")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_root(parser)
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    if not (args.root / "content").is_dir():
        print(f"check_content.py: error: {args.root} has no content/ folder", file=sys.stderr)
        return 2
    loaded = load_library(args.root.resolve())
    if args.format == "json":
        print(json.dumps([p.as_dict() for p in loaded.problems], indent=2))
    else:
        for p in loaded.problems:
            print(p)
        print(summary_line(loaded.problems, loaded.files))
    return 1 if has_errors(loaded.problems) else 0
