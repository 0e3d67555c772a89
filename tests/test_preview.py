"""A live preview (scripts/serve.py) regenerates from what it kept, and must write what a fresh build writes."""
import shutil

import pytest

from conftest import copy_repo
from prss.site.build import Preview, generate

EDITS = [  # (file, old text, new text): a body, a title that other pages list, a mentor every page may read
    ("content/practices/law-enforcement-assisted-diversion.md", "\n### Where", "\nAn edited sentence.\n\n### Where"),
    ("content/practices/law-enforcement-assisted-diversion.md", "title: ", "title: Renamed "),
    ("content/mentors/favor-greenville.md", "name: ", "name: Renamed "),
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
    assert "An edited sentence." in docs["docs/practices/law-enforcement-assisted-diversion.md"]
    assert sum("Renamed " in text for text in docs.values()) > 5  # the renamed practice and mentor, where listed
