"""Nothing lost: a content file without a page fails the build, and the checker reports every file it cannot read."""

import pytest

from conftest import make_root
from prss.cli import build
from prss.content.frontmatter import read_document
from prss.content.library import load_library
from prss.verify.gates import count_pages


def test_count_pages_names_the_missing_page(tmp_path):
    for rel in ("content/practices/a.md", "content/practices/b.md", "content/mentors/m.md",
                "site/practices/a/index.html", "site/mentors/m/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert count_pages(tmp_path, tmp_path / "site") == [
        "practices: 2 files but 1 pages; no page for content/practices/b.md"]


def test_build_fails_when_a_page_is_lost_after_mkdocs(tmp_path, monkeypatch, capsys):
    def lossy_mkdocs(root, site_dir, real=build.run_mkdocs):
        code = real(root, site_dir)
        (site_dir / "practices/quick-response-teams/index.html").unlink()
        return code
    monkeypatch.setattr(build, "run_mkdocs", lossy_mkdocs)
    assert build.main([str(make_root(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert "practices: 2 files but 1 pages; no page for content/practices/quick-response-teams.md" in err


@pytest.mark.parametrize("name, make, code", [
    ("NOTES.MD", lambda p: p.write_text("---\n"), "not-markdown"),
    ("drafts", lambda p: p.mkdir(), "not-markdown"),
    ("old.md", lambda p: p.mkdir(), "unreadable-file"),
    ("gone.md", lambda p: p.symlink_to(p.parent / "nowhere.md"), "unreadable-file"),
    (".hidden.md", lambda p: p.write_text("---\n"), "bad-slug"),
])
def test_checker_reports_every_entry_it_cannot_use(tmp_path, name, make, code):
    root = make_root(tmp_path)
    make(root / "content/practices" / name)
    found = [(p.path, p.code) for p in load_library(root).problems]
    assert (f"content/practices/{name}", code) in found


def test_read_error_becomes_a_problem_not_a_traceback(tmp_path):
    (tmp_path / "folder.md").mkdir()
    problems = read_document(tmp_path / "folder.md", "folder.md").problems
    assert [(p.code, p.message) for p in problems] == [("unreadable-file", "the file cannot be read: Is a directory")]


def test_two_steps_writing_one_file_fail_the_build(tmp_path, capsys):
    root = make_root(tmp_path, {"content/pages/contributing.md": "---\ntitle: Mine\nsummary: Mine.\n---\nText.\n"})
    assert build.main([str(root), "--generate-only"]) == 1
    assert "[reserved-name]" in capsys.readouterr().err  # the checker refuses the name before any step writes
