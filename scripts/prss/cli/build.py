"""`build.py [ROOT] [--site-dir DIR] [--generate-only]`: check the content, generate docs/, build site/.

Exit 0 built, 1 failed (site/ is then left as it was), 2 usage.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from prss.cli.args import add_root, parse_args
from prss.config import placeholder_warning, read_site
from prss.site.compact import compact_pages
from prss.site.generate import generate, unwritable
from prss.site.mkdocs import run_mkdocs
from prss.site.staging import Busy, Interrupted, lock, publish, staged, stoppable
from prss.verify.gates import gate_errors


def main(argv=None, phases: dict | None = None) -> int:
    """`phases`, when given, receives each step's wall seconds: generate, mkdocs, gates (for `make bench`)."""
    parser = argparse.ArgumentParser(prog="build.py", description="Check the content, generate docs/ and build "
                                     "site/ with MkDocs; site/ is replaced only when every gate passed.")
    add_root(parser, site_dir="where to build")
    parser.add_argument("--generate-only", action="store_true", help="write docs/ and stop before MkDocs")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    root = args.root.resolve()
    site_dir = (args.site_dir or root / "site").resolve()
    if not (root / "content").is_dir():
        print(f"build.py: error: {root} has no content/ folder", file=sys.stderr)
        return 2
    try:
        with stoppable(), lock(root):
            return build(root, site_dir, args.generate_only, {} if phases is None else phases)
    except Busy as busy:
        print(f"build.py: error: {busy}", file=sys.stderr)
        return 1
    except Interrupted as stop:
        print(f"build.py: stopped by {stop}; {site_dir.name}/ was left as it was", file=sys.stderr)
        return 128 + stop.signum
    except OSError as error:  # site/ or the folder beside it cannot be written
        print(f"build.py: {unwritable(root, error)}", file=sys.stderr)
        return 1


def build(root: Path, site_dir: Path, generate_only: bool, phases: dict) -> int:
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        phases[name], clock = time.perf_counter() - clock, time.perf_counter()

    if generate(root):
        return 1
    lap("generate")
    if warning := placeholder_warning(read_site(root)):
        print(warning, file=sys.stderr)
    if generate_only:
        return 0
    with staged(site_dir) as staging:
        if code := run_mkdocs(root, staging):
            print(f"build.py: error: mkdocs build --strict failed (exit {code})", file=sys.stderr)
            return 1
        compact_pages(staging)  # the theme's indentation and blank lines, a tenth of a practice page
        lap("mkdocs")
        errors = gate_errors(root, staging, read_site(root).url)
        lap("gates")
        for error in errors:
            print(f"build.py: error: {error}", file=sys.stderr)
        if errors:
            return 1
        publish(staging, site_dir)
    return 0
