"""What every command line here shares: the library root argument, and the exits (usage error 2, --help 0)."""
from __future__ import annotations

import argparse
from pathlib import Path

from prss.config import REPO


def add_root(parser: argparse.ArgumentParser, option: bool = False, site_dir: str = "") -> None:
    """The library root, ROOT (optional) or, with `option`, --root; with `site_dir`, the help of --site-dir too."""
    parser.add_argument("--root" if option else "root", nargs=None if option else "?", type=Path, default=REPO,
                        help="the library root (default: this repository)")
    if site_dir:
        parser.add_argument("--site-dir", type=Path, help=f"{site_dir} (default: ROOT/site)")


def parse_args(parser: argparse.ArgumentParser, argv, known: bool = False):
    """The parsed arguments, or the exit code to return: 0 after --help, 2 after a usage error.

    With `known`, (arguments, the rest) as parse_known_args gives them, for a command that passes the rest on.
    """
    try:
        return parser.parse_known_args(argv) if known else parser.parse_args(argv)
    except SystemExit as exit:
        return 2 if exit.code else 0
