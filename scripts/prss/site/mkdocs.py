"""Run `mkdocs build --strict` on the generated docs/, in one process, and say what went wrong in our terms.

One process, not one per core: splitting the pages over several MkDocs processes (the former shards)
saved at most half of MkDocs' wall time on two cores, relied on MkDocs' and Material's internals, and
broke MkDocs' own `validation: anchors`; see Performance in README.md for the figures.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from prss.site.sources import name_sources
from prss.site.staging import unstoppable

KEPT = ("WARNING", "ERROR", "Aborted", "Error")  # MkDocs' own problem lines; its INFO lines are progress


def run_mkdocs(root: Path, site_dir: Path, log: TextIO | None = None) -> int:
    """Build root/docs into site_dir; print MkDocs' problems to `log` (stderr), naming content files. Exit code."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml"),
               "--site-dir", str(site_dir)]
    with unstoppable():  # a stop between starting MkDocs and holding its handle would leave it writing
        process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, errors="replace")
    try:
        output = process.communicate()[0]
    finally:  # interrupted: MkDocs must not go on writing once this build has given up
        if process.poll() is None:
            process.kill()
            process.wait()
    for line in problem_lines(root, output, process.returncode):
        print(line, file=log or sys.stderr)
    return process.returncode


def problem_lines(root: Path, output: str, code: int) -> list[str]:
    """MkDocs' warnings and errors (each docs/ page named by its content file); after a failure that printed
    none, its last line, which is the real error (a traceback ends with it)."""
    lines = [name_sources(root, line) for line in output.splitlines() if line.startswith(KEPT)]
    if code and not lines:
        last = next((line for line in reversed(output.splitlines()) if line.strip()), "(no output)")
        lines = [f"mkdocs: {name_sources(root, last.strip())}"]
    return lines
