"""The convention every command line here shares: a usage error exits 2, --help exits 0."""
from __future__ import annotations

import argparse


def parse_args(parser: argparse.ArgumentParser, argv, known: bool = False):
    """The parsed arguments, or the exit code to return: 0 after --help, 2 after a usage error.

    With `known`, (arguments, the rest) as parse_known_args gives them, for a command that passes the rest on.
    """
    try:
        return parser.parse_known_args(argv) if known else parser.parse_args(argv)
    except SystemExit as exit:
        return 2 if exit.code else 0
