"""A live preview (site/preview.py) regenerates from what it kept, and must write what a fresh build writes."""
import dataclasses
import os
import shutil

import jinja2
import pytest

from conftest import copy_repo
from prss.content.library import load_library
from prss.site import preview as preview_module
from prss.site.generate import generate, unencodable
from prss.site.preview import PROBLEMS_TITLE, Preview, refresh, snapshot

EDITS = [  # (file, old text, new text): a body, a title that other pages list, a mentor every page may read,
    # then text alone again (only the edited page is rendered), in a mentor site and in the same practice
    ("content/practices/law-enforcement-assisted-diversion.md", "\n### Where", "\nAn edited sentence.\n\n### Where"),
    ("content/practices/law-enforcement-assisted-diversion.md", "title: ", "title: Renamed "),
    ("content/mentors/favor-greenville.md", "name: ", "name: Renamed "),
    ("content/mentors/favor-greenville.md", "\n### Service area", "\nA mentor's edited sentence.\n\n### Service area"),
    ("content/practices/law-enforcement-assisted-diversion.md", "An edited sentence.", "A sentence edited twice."),
]


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previewed(tmp_path_factory):
    """The docs/ of one preview after each edit, and of a fresh generation of the same content."""
    root, preview, results = copy_repo(tmp_path_factory.mktemp("preview")), Preview(), []
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF", "0")
        assert generate(root, preview) == 0
        for rel, old, new in EDITS:
            path = root / rel
            path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            assert generate(root, preview) == 0
            fresh = tmp_path_factory.mktemp("fresh")
            shutil.copytree(root / "content", fresh / "content")
            shutil.copy(root / "mkdocs.yml", fresh / "mkdocs.yml")
            shutil.copytree(root / "overrides", fresh / "overrides")  # mkdocs.yml's theme.custom_dir
            assert generate(fresh) == 0
            results.append((tree(root), tree(fresh)))
    return results


@pytest.mark.parametrize("step", range(len(EDITS)))
def test_each_edit_writes_what_a_fresh_generation_writes(previewed, step):
    kept, fresh = previewed[step]
    assert sorted(kept) == sorted(fresh) and [rel for rel in kept if kept[rel] != fresh[rel]] == []


def test_the_edits_reach_the_pages(previewed):
    docs = {rel: data.decode("utf-8", "replace") for rel, data in previewed[-1][0].items()}
    assert "A sentence edited twice." in docs["docs/practices/law-enforcement-assisted-diversion.md"]
    assert "A mentor's edited sentence." in docs["docs/mentors/favor-greenville.md"]
    assert sum("Renamed " in text for text in docs.values()) > 5  # the renamed practice and mentor, where listed


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """A previewed copy of the library, then a save that names an unknown field: (root, preview, practice, text)."""
    monkeypatch.setenv("PRSS_PDF", "0")
    root, preview = copy_repo(tmp_path), Preview()
    assert refresh(root, preview)
    practice = root / EDITS[0][0]
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("---\n", "---\ncolour: blue\n", 1), encoding="utf-8")
    return root, preview, practice, text


def test_a_bad_save_puts_its_problems_on_every_page(broken, capsys):
    root, preview, practice, _ = broken
    assert not refresh(root, preview)
    pages = {rel: text for rel, text in tree(root).items() if rel.endswith(".md")}
    assert len(pages) > 50 and all(PROBLEMS_TITLE.encode() in text for text in pages.values())
    assert b"    content/practices/law-enforcement-assisted-diversion.md:2:1: error: " in pages["docs/index.md"]
    assert "law-enforcement-assisted-diversion.md:2:1" in capsys.readouterr().err  # and in the terminal


def test_the_next_good_save_brings_the_pages_back(broken, tmp_path_factory):
    root, preview, practice, text = broken
    assert not refresh(root, preview)
    practice.write_text(text, encoding="utf-8")
    assert refresh(root, preview)
    fresh = tmp_path_factory.mktemp("fresh")
    shutil.copytree(root / "content", fresh / "content")
    shutil.copy(root / "mkdocs.yml", fresh / "mkdocs.yml")
    shutil.copytree(root / "overrides", fresh / "overrides")  # mkdocs.yml's theme.custom_dir
    assert generate(fresh) == 0 and tree(root) == tree(fresh)


def test_a_save_that_breaks_the_generation_itself_is_shown_and_outlived(broken, monkeypatch):
    root, preview, practice, text = broken
    practice.write_text(text, encoding="utf-8")

    def crash(*args, **kwargs):
        raise TypeError("'int' object is not iterable")
    monkeypatch.setattr(preview_module, "generate", crash)
    assert not refresh(root, preview)
    assert b"TypeError: 'int' object is not iterable" in tree(root)["docs/index.md"]
    monkeypatch.undo()
    monkeypatch.setenv("PRSS_PDF", "0")
    assert refresh(root, preview) and PROBLEMS_TITLE.encode() not in tree(root)["docs/index.md"]


def test_a_file_that_vanishes_while_the_watcher_looks_is_left_out(tmp_path, monkeypatch):
    (tmp_path / "kept.md").write_text("x")
    (tmp_path / ".#swap.md").write_text("x")
    real = os.stat

    def stat(path, *args, **kwargs):  # the editor removes its swap file between the listing and the stat
        if "swap" in str(path):
            raise FileNotFoundError(path)
        return real(path, *args, **kwargs)
    monkeypatch.setattr(os, "stat", stat)
    assert list(snapshot(tmp_path)) == [str(tmp_path / "kept.md")]


def test_an_edit_of_text_alone_renders_only_the_page_that_shows_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PRSS_PDF", "0")
    root, preview, rendered = copy_repo(tmp_path), Preview(), []
    assert generate(root, preview) == 0
    real = jinja2.Template.render
    monkeypatch.setattr(jinja2.Template, "render", lambda self, *a, **kw: rendered.append(self.name) or real(self, *a, **kw))
    path = root / EDITS[0][0]
    path.write_text(path.read_text(encoding="utf-8").replace(EDITS[0][1], EDITS[0][2], 1), encoding="utf-8")
    assert generate(root, preview) == 0
    assert rendered == ["practice.md.j2"]


def test_a_lone_surrogate_saved_into_a_checked_practice_is_still_found(broken, capsys):
    root, preview, practice, text = broken
    practice.write_text(text.replace("title: Law", 'title: "\\uD800 Law', 1).replace("(LEAD)\n", '(LEAD)"\n', 1),
                        encoding="utf-8")
    assert not refresh(root, preview)
    err, name = capsys.readouterr().err, "content/practices/law-enforcement-assisted-diversion.md"
    assert f"{name} holds the character U+D800" in err or f"{name}:2:" in err  # the checker may see it first


def test_a_record_changed_since_it_was_found_clean_is_looked_through_again(tmp_path):
    root, clean = copy_repo(tmp_path), {}
    library = load_library(root).library
    assert unencodable(root, library, clean) == "" and len(clean) == len(library.practices) + len(library.mentors)
    changed = dataclasses.replace(library.practices[0], title="Post\ud800 overdose outreach")
    library = dataclasses.replace(library, practices=(changed, *library.practices[1:]))
    assert f"{changed.path} holds the character U+D800" in unencodable(root, library, clean)
