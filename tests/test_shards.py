"""Sharded MkDocs builds (prss/shards.py) give what one build gives, and fail as one build fails.

The real library, built whole and in three shards, is compared byte for byte in tests/test_reproducible.py.
"""
from pathlib import Path

import pytest

from prss.site import shards

MKDOCS = "site_name: Shards\ntheme:\n  name: material\nplugins:\n  - search\nstrict: true\n"
PAGES = {
    "index.md": "# Home\n\n[A](a.md) [B](sub/b.md#part)\n",
    "a.md": "# A\n\n## One\n\nalpha words\n\n## Two\n\nmore alpha\n",
    "sub/b.md": "# B\n\n## Part\n\nbeta words, see [A](../a.md#one)\n",
    "sub/index.md": "# Sub\n\ngamma\n",
    "hidden.md": "---\nsearch:\n  exclude: true\n---\n# Hidden\n\ndelta\n",
    "c.md": "# C\n\nepsilon\n",
    "titled.md": "---\ntitle: From front matter\n---\nNo heading: the nav and links take the title above\n",
    "untitled.md": "Neither a title nor a heading: the title comes from the file name\n",
}


def make(tmp: Path, pages: dict, custom_dir: bool = False) -> Path:
    """A small site; with custom_dir, stubs get the empty template written into a copy of it."""
    theme = "  custom_dir: overrides\n" if custom_dir else ""
    (tmp / "mkdocs.yml").write_text(MKDOCS.replace("  name: material\n", "  name: material\n" + theme), encoding="utf-8")
    (tmp / "overrides").mkdir()
    (tmp / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    for rel, text in pages.items():
        (tmp / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "docs" / rel).write_text(text, encoding="utf-8")
    return tmp


def files(site: Path) -> dict:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def one_and_three(root: Path, tmp_path: Path, monkeypatch) -> dict:
    """{"1": files of a one-process build, "3": files of a build in three shards}, at a fixed date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    builds = {}
    for jobs in ("1", "3"):
        monkeypatch.setenv("PRSS_JOBS", jobs)
        assert shards.build(root, tmp_path / f"site-{jobs}")[0] == 0
        builds[jobs] = files(tmp_path / f"site-{jobs}")
    return builds


@pytest.mark.parametrize("rel, url", [("index.md", ""), ("a.md", "a/"), ("sub/index.md", "sub/"),
                                      ("sub/b.md", "sub/b/")])
def test_page_url_follows_directory_urls(rel, url):
    assert shards.page_url(rel) == url


def test_every_page_goes_to_exactly_one_shard(tmp_path):
    owned = shards.deal(make(tmp_path, PAGES) / "docs", list(PAGES), 4)
    assert sorted(rel for pages in owned for rel in pages) == sorted(PAGES) and all(owned)


@pytest.mark.parametrize("custom_dir", [False, True])
def test_three_shards_build_what_one_build_builds(tmp_path, monkeypatch, custom_dir):
    root = make(tmp_path, PAGES, custom_dir)
    builds = one_and_three(root, tmp_path, monkeypatch)
    assert builds["1"] == builds["3"] and b"delta" not in builds["3"]["search/search_index.json"]


def test_a_broken_link_fails_a_sharded_build_and_is_reported_once(tmp_path, monkeypatch):
    root = make(tmp_path, PAGES | {"c.md": "# C\n\n[gone](missing.md)\n"})
    monkeypatch.setenv("PRSS_JOBS", "3")
    code, output = shards.build(root, tmp_path / "site")
    assert code == 1 and output.count("'missing.md'") == 1 and "c.md" in output


@pytest.mark.parametrize("config, pages", [("", {"guide/README.md": "# Guide\n"}),
                                           ("use_directory_urls: false\n", {})])
def test_where_shards_could_not_name_a_page_s_file_one_process_builds(tmp_path, monkeypatch, config, pages):
    """README.md pages and plain .html URLs: the site still equals one build, nothing lost."""
    root = make(tmp_path, PAGES | pages)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + config, encoding="utf-8")
    builds = one_and_three(root, tmp_path, monkeypatch)
    assert builds["1"] == builds["3"] and ("guide/index.html" in builds["3"] or "a.html" in builds["3"])
