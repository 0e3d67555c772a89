"""The permanence gate compares with the base branch's ledger, so a change cannot hide a lost URL by editing it."""
import subprocess

import pytest

from conftest import make_root
from prss.cli.build import main as build
from prss.content.permalinks import LEDGER
from prss.verify.ledger import Base, base_ledger, ledger_errors, refusal

BUILT = {"/practices/a/", "/practices/b/", "/downloads/practices/a.pdf"}
BASE = Base("# ledger\n/practices/a/\n/practices/gone/\n", "main")
LOST = (f"{LEDGER}: the published URL /practices/gone/ (line 3 on main) was removed from the ledger and nothing is "
        "built at it; restore the line, and add an alias to the file that replaced it or retire it")


def git(root, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


def with_ledger(tmp_path, text):
    (tmp_path / "content").mkdir()
    if text is not None:
        (tmp_path / LEDGER).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("url, refused", [
    ("/practices/a/", False), ("/downloads/practices/a.pdf", False), ("/", False),
    ("/../../etc/passwd", True), ("/practices/%2e%2e/%2E%2E/x/", True), ("/practices/./a/", True),
    ("/a/%2F/b", True), ("practices/a/", True), ("/a//b", True), ("/a\\b", True), ("/a b/", True),
])
def test_only_paths_inside_the_site_are_ledger_lines(url, refused):
    assert bool(refusal(url)) == refused


@pytest.mark.parametrize("ledger, errors", [
    ("# ledger\n/practices/a/\n/practices/gone/\n", [  # unchanged: the lost URL is named at its line
        f"{LEDGER}:3: the published URL /practices/gone/ no longer resolves (nothing was built at it); add an alias "
        "to the file that replaced it or retire it; never remove a published URL"]),
    ("# ledger\n/practices/a/\n", [LOST]),  # its line removed
    ("", [LOST]),  # emptied
    (None, [f"{LEDGER} was deleted, but main has one; restore it (`git checkout main -- {LEDGER}`)", LOST]),
    ("# ledger\n/practices/a/\n/practices/gone/../a/\n", [
        f"{LEDGER}:3: '/practices/gone/../a/' has a '.', '..' or encoded '/' segment, which would point outside the "
        "site", LOST]),
])
def test_the_base_ledger_keeps_every_url(tmp_path, ledger, errors):
    assert ledger_errors(with_ledger(tmp_path, ledger), BUILT, BASE) == errors


def test_a_removed_line_whose_url_is_still_built_is_no_error(tmp_path):
    base = Base("/practices/a/\n/practices/b/\n", "main")  # b is still served, e.g. from an alias
    assert ledger_errors(with_ledger(tmp_path, "/practices/a/\n"), BUILT, base) == []


def test_a_ledger_replaced_by_a_folder_is_an_error(tmp_path):
    (with_ledger(tmp_path, None) / LEDGER).mkdir()
    assert ledger_errors(tmp_path, BUILT, BASE)[0] == (
        f"{LEDGER} is not a file; restore the ledger as a text file, one URL path per line")


def test_outside_a_git_checkout_the_gate_says_it_compared_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("PRSS_LEDGER_BASE", "main")
    assert base_ledger(tmp_path) == Base(None, "main", "not a git checkout, so the ledger was not compared with a "
                                                       "base branch")


def test_the_base_comes_from_git(tmp_path, monkeypatch):
    root = with_ledger(tmp_path, "/practices/a/\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "ledger")
    assert base_ledger(root).note.startswith("no origin/main, so the ledger was not compared")
    monkeypatch.setenv("PRSS_LEDGER_BASE", "main")
    assert base_ledger(root) == Base("/practices/a/\n", "main")
    monkeypatch.setenv("PRSS_LEDGER_BASE", "no-such-branch")
    assert base_ledger(root).error.startswith("PRSS_LEDGER_BASE=no-such-branch names no commit")


def test_a_build_that_deletes_a_practice_and_its_ledger_lines_fails(tmp_path, monkeypatch, capsys):
    root = make_root(tmp_path, {LEDGER: "/practices/quick-response-teams/\n/practices/ed-peer-recovery-coaching/\n"})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "published")
    (root / "content/practices/quick-response-teams.md").unlink()
    (root / LEDGER).write_text("/practices/ed-peer-recovery-coaching/\n", encoding="utf-8")
    monkeypatch.setenv("PRSS_LEDGER_BASE", "main")
    monkeypatch.setenv("PRSS_PDF", "0")
    assert build([str(root)]) == 1
    assert ("the published URL /practices/quick-response-teams/ (line 1 on main) was removed from the ledger"
            in capsys.readouterr().err)
