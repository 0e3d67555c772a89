"""Reproducible: two builds of the library from two folders, same SOURCE_DATE_EPOCH, give a byte-identical site/.

Each build has its own empty PDF cache, so the PDFs are laid out twice rather than copied from a cache, and
the two roots have different absolute paths, so a path that leaks into any file shows up as a difference.
"""
import gzip
import shutil

import pytest

from conftest import copy_repo
from prss.cli.build import main as build

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    first = copy_repo(tmp_path_factory.mktemp("first"))
    second = shutil.copytree(first, tmp_path_factory.mktemp("second") / "library")  # the same sources, elsewhere
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", EPOCH)
        env.setenv("PRSS_PDF", "1")  # as `make site`: the PDFs are part of the site
        for root in (first, second):
            env.setenv("PRSS_PDF_CACHE", str(tmp_path_factory.mktemp("pdf-cache")))
            assert build([str(root)]) == 0
    return [first / "site", second / "site"]


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_both_builds_hold_the_same_files(sites):
    first, second = (sorted(files(s)) for s in sites)
    assert first == second and len(first) > 150


def test_every_file_is_byte_identical(sites):
    first, second = (files(s) for s in sites)
    assert [rel for rel in first if first[rel] != second.get(rel)] == []


def test_no_absolute_build_path_leaks(sites):
    root = str(sites[0].parent).encode()
    assert [rel for rel, data in files(sites[0]).items() if root in data] == []


def test_sitemap_dates_come_from_source_date_epoch(sites):
    gz = (sites[0] / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(gz[4:8], "little") == int(EPOCH)  # the gzip header's mtime
    assert "<lastmod>2026-01-01</lastmod>" in gzip.decompress(gz).decode()
