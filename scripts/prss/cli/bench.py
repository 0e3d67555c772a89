"""`bench.py [--sizes 100,1000,3000] [--seed N] [--skip-pdf] [--skip-serve] [--output FILE]`: time the build.

Builds seeded synthetic libraries and measures the checker, the build and its phases, the search index,
the PDF and the preview against bare Material (prss/tools/bench.py). Exit 0 measured, 2 usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from prss.cli.args import parse_args
from prss.config import REPO
from prss.tools.bench import run, table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py", description="Build seeded synthetic libraries, measure our "
                                     "build against bare Material, check the targets.")
    parser.add_argument("--sizes", default="100,1000,3000", help="practice counts (default: 100,1000,3000)")
    parser.add_argument("--seed", type=int, default=1, help="the synthetic content's random seed (default: 1)")
    parser.add_argument("--skip-pdf", action="store_true", help="skip the library PDF timings")
    parser.add_argument("--skip-serve", action="store_true", help="skip the `make serve` rebuild timing")
    parser.add_argument("--output", type=Path, default=REPO / "bench-results.json", help="where to write the JSON")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    try:
        sizes = [int(s) for s in args.sizes.split(",")]
    except ValueError:
        print(f"bench.py: error: --sizes takes numbers separated by commas, not {args.sizes!r}", file=sys.stderr)
        return 2
    skip = {name for name, flag in (("pdf", args.skip_pdf), ("serve", args.skip_serve)) if flag}
    previous = os.environ.get("PRSS_PDF")
    os.environ["PRSS_PDF"] = "0"  # the site build is measured without PDFs; the library PDF is timed on its own
    try:
        report, results = run(sizes, args.seed, args.output, skip)
    finally:  # a caller in the same process (the smoke test) keeps its own setting
        if previous is None:
            del os.environ["PRSS_PDF"]
        else:
            os.environ["PRSS_PDF"] = previous
    print(table(results))
    print(f"total {report['total_s']:.0f} s on {report['cpus']} CPUs; "
          f"load average {report['load_average_before'][0]:.1f} before, {report['load_average_after'][0]:.1f} after; "
          f"wrote {args.output}")
    return 0
