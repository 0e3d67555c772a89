"""`new_content.py practice|mentor TITLE [--slug SLUG] [--root ROOT]`: start a content file with every field stubbed.

Exit 0 created, 1 the file exists, 2 usage.
"""
from __future__ import annotations

import argparse
import sys

from prss.cli.args import add_root, parse_args
from prss.tools.scaffold import KINDS, create


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="new_content.py", description="Start a new practice or mentor file.")
    parser.add_argument("kind", choices=tuple(KINDS), help="what to start")
    parser.add_argument("title", help="the practice's title or the mentor site's name")
    parser.add_argument("--slug", default="", help="the file name without .md (default: made from the title)")
    add_root(parser, option=True)
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    if not args.title.strip():
        example = 'TITLE="Jail peer navigation"' if args.kind == "practice" else 'NAME="Recovery Point"'
        print(f"new_content.py: error: the {args.kind} needs a title, e.g. make new-{args.kind} {example}",
              file=sys.stderr)
        return 2
    try:
        path = create(args.root.resolve(), args.kind, args.title.strip(), args.slug)
    except ValueError as err:
        print(f"new_content.py: error: {err}", file=sys.stderr)
        return 2
    except FileExistsError as err:
        print(f"new_content.py: error: {err} already exists; nothing was changed.\n"
              f"  hint: edit that file, or choose another file name with SLUG=...", file=sys.stderr)
        return 1
    print(f"created {path.relative_to(args.root.resolve())}\n"
          "  next: fill in the empty fields and the TODO: lines, then run 'make check' and 'make serve'")
    return 0
