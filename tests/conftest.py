"""Shared fixtures: a library root made from the fixture content plus one golden case's files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "library"
CASES = Path(__file__).parent / "cases"


def make_root(tmp: Path, files: dict[str, str] | None = None, encoding: str = "utf-8", repeat=None) -> Path:
    """A library root: the real vocabularies, the fixture's content, mkdocs.yml, then `files` on top.

    `repeat` maps a path to [text, times], appended to that file: large inputs without large case files.
    """
    shutil.copytree(FIXTURE / "content", tmp / "content")
    for vocabulary in (REPO / "content").glob("*.yml"):
        shutil.copy(vocabulary, tmp / "content" / vocabulary.name)
    shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", tmp / "overrides")
    for rel, text in (files or {}).items():
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            path.unlink()
        else:
            path.write_bytes(text.encode(encoding))
    for rel, (text, times) in (repeat or {}).items():
        with open(tmp / rel, "a", encoding=encoding) as handle:
            handle.write(text * times)
    return tmp


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session", autouse=True)
def pdf_cache(tmp_path_factory):
    """Rendered PDFs are kept in a folder of this test run, never in the user's ~/.cache: a test sees what
    this code renders, whatever an earlier run (or version) left behind. Builds in subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("pdf-cache")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF_CACHE", str(folder))
        yield folder


@pytest.fixture
def library_root(tmp_path):
    return make_root(tmp_path)


def copy_repo(tmp: Path) -> Path:
    """A copy of this repository's library (content, mkdocs.yml, overrides) to build without touching site/."""
    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, tmp / name)
    shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    """The real library, built once per test run; returns its site/ folder."""
    from prss.cli.build import main as build
    root = copy_repo(tmp_path_factory.mktemp("repo"))
    assert build([str(root)]) == 0, "the repository's own library does not build"
    return root / "site"


@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory) -> Path:
    """The fixture library's offline zip (scripts/offline.py), unpacked; PDFs are stand-ins (test_pdf covers them)."""
    import zipfile

    from prss.site.generate import generate
    from prss.site.offline import ZIP_NAME, build_offline
    root = make_root(tmp_path_factory.mktemp("offline"))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF", "0")
        assert generate(root) == 0
        target = build_offline(root, root / "dist")
    assert target == root / "dist" / ZIP_NAME
    with zipfile.ZipFile(target) as archive:
        archive.extractall(root / "unpacked")
    return root / "unpacked" / target.stem


@pytest.fixture(scope="session")
def site_url(repo_site):
    """repo_site served over HTTP on 127.0.0.1; yields the base URL ending in '/'."""
    from browser import serve
    with serve(repo_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from browser import launch
    with launch() as chromium:
        yield chromium


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
