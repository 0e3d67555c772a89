"""Golden cases: tests/cases/<code>*.yml hold files to add and the exact problems they must produce.

A case's `expect` is the checker's own output for those files, `str(problem)` for each problem (the
message and the hint included), so the wording people read is under test too. The cases run on a fixed
date, since some hints name today's date or year.
"""
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import CASES, load_case, make_root
from prss.cli.check import main
from prss.content.library import load_library
from prss.problems import CODES

CASE_FILES = sorted(CASES.glob("*.yml"))
TODAY = dt.date(2026, 12, 1)


def codes(expect: str) -> list[str]:
    """The problem codes of a case's expected output: the [code] that ends each problem's first line."""
    return re.findall(r"^\S.*\[([a-z0-9-]+)\]$", expect, re.M)


def case_root(tmp_path: Path, case: dict) -> Path:
    """The fixture library with the case's files on top, and its `links` made as symbolic links."""
    root = make_root(tmp_path, case.get("files"), case.get("encoding", "utf-8"), case.get("repeat"))
    for rel, target in (case.get("links") or {}).items():
        (root / rel).symlink_to(target)
    return root


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case(path, tmp_path):
    root = case_root(tmp_path, case := load_case(path))
    assert "".join(f"{p}\n" for p in load_library(root, TODAY).problems) == case["expect"]


def test_every_code_has_a_golden_case():
    covered = {code for p in CASE_FILES for code in codes(load_case(p)["expect"])}
    assert sorted(set(CODES) - covered) == []


def test_text_output_has_hint_and_count(tmp_path, capsys):
    root = make_root(tmp_path, {"content/practices/quick-response-teams.md": None,
                                "content/practices/x.md": "---\ntitle: X\n---\nBody\n"})
    assert main([str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "content/practices/x.md:1:1: error: the required field 'summary' is missing [missing-field]"
    assert out[1].startswith("  hint: add 'summary:'")
    files = len(list((root / "content").rglob("*.md"))) + len(list((root / "content").glob("*.yml")))  # and the vocabularies
    assert out[-1].endswith(f"in {files} files")


def test_json_output_lists_objects(tmp_path, capsys):
    root = make_root(tmp_path, {"content/practices/x.md": "---\ntitle: X\n---\nBody\n"})
    assert main(["--format", "json", str(root)]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert set(problems[0]) == {"path", "line", "col", "level", "code", "message", "hint"}


def test_clean_library_exits_zero(library_root, capsys):
    assert main([str(library_root)]) == 0
    assert capsys.readouterr().out.startswith("0 problems")


@pytest.mark.parametrize("argv", [["--format", "xml"], ["--nope"], ["/no/such/root"]])
def test_usage_errors_exit_two(argv, capsys):
    assert main(argv) == 2
