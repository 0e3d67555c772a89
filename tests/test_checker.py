"""Golden cases: tests/cases/<code>*.yml hold files to add and the exact problems they must produce."""
import json

import pytest

from conftest import CASES, load_case, make_root
from prss.cli.check import main
from prss.content.library import load_library
from prss.problems import CODES

CASE_FILES = sorted(CASES.glob("*.yml"))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case(path, tmp_path):
    case = load_case(path)
    root = make_root(tmp_path, case.get("files"), case.get("encoding", "utf-8"), case.get("repeat"))
    found = [f"{p.path}:{p.line}:{p.col} {p.code}" for p in load_library(root).problems]
    assert found == case["expect"]


def test_every_code_has_a_golden_case():
    covered = {line.split()[-1] for p in CASE_FILES for line in load_case(p)["expect"]}
    assert sorted(set(CODES) - covered) == []


def test_text_output_has_hint_and_count(tmp_path, capsys):
    root = make_root(tmp_path, {"content/practices/quick-response-teams.md": None,
                                "content/practices/x.md": "---\ntitle: X\n---\nBody\n"})
    assert main([str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "content/practices/x.md:1:1: error: the required field 'summary' is missing [missing-field]"
    assert out[1].startswith("  hint: add 'summary:'")
    files = len(list((root / "content").rglob("*.md"))) + 4  # plus the four vocabularies
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
