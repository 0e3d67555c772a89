"""The PDF cache: a PDF is reused only for the same input, options, WeasyPrint, pydyf and code; tests keep
their own cache; the pydyf patch applies only to the pydyf it was written for."""
from pathlib import Path

import pydyf
import pytest
import weasyprint

from prss.pdf import cache, render
from prss.pdf.pydyf_patch import cached_page_references

DOCUMENT = "<!DOCTYPE html><html lang='en'><head><title>T</title></head><body><p>One page.</p></body></html>"
PAGE_REFERENCES = pydyf.PDF.page_references


@pytest.fixture
def stale(tmp_path, monkeypatch):
    """A cache whose only PDF, the DOCUMENT's, has been replaced by b"stale", so a cache hit shows."""
    monkeypatch.setenv("PRSS_PDF_CACHE", str(tmp_path))
    render.render_all({"a.pdf": DOCUMENT})
    (kept,) = tmp_path.glob("*.pdf")
    kept.write_bytes(b"stale")
    assert render.render_all({"a.pdf": DOCUMENT}) == {"a.pdf": b"stale"}


@pytest.mark.parametrize("module", [pydyf, weasyprint], ids=["pydyf", "weasyprint"])
def test_another_version_renders_again(stale, module, monkeypatch):
    monkeypatch.setattr(module, "__version__", "99.0")
    assert render.render_all({"a.pdf": DOCUMENT})["a.pdf"].startswith(b"%PDF")


def test_other_options_render_again(stale, monkeypatch):
    monkeypatch.setitem(render.OPTIONS, "uncompressed_pdf", True)
    assert render.render_all({"a.pdf": DOCUMENT})["a.pdf"].startswith(b"%PDF")


def test_changed_code_renders_again(stale, monkeypatch):
    monkeypatch.setattr(cache, "code_digest", lambda: "another version of pdf/render.py")
    assert render.render_all({"a.pdf": DOCUMENT})["a.pdf"].startswith(b"%PDF")


def test_the_same_document_at_two_paths_is_rendered_once(tmp_path, monkeypatch):
    monkeypatch.setenv("PRSS_PDF_CACHE", str(tmp_path))
    files = render.render_all({"a.pdf": DOCUMENT, "b.pdf": DOCUMENT})
    assert files["a.pdf"] == files["b.pdf"] and len(list(tmp_path.glob("*.pdf"))) == 1


def test_tests_keep_their_pdfs_out_of_the_users_cache(pdf_cache):
    assert cache.cache_dir() == pdf_cache and not cache.cache_dir().is_relative_to(Path.home() / ".cache")


def test_the_pydyf_patch_applies_to_the_pydyf_it_was_written_for():
    with cached_page_references():
        assert pydyf.PDF.page_references is not PAGE_REFERENCES
    assert pydyf.PDF.page_references is PAGE_REFERENCES


def test_another_pydyf_keeps_its_own_page_references(monkeypatch):
    monkeypatch.setattr(pydyf, "__version__", "0.14.0")
    with cached_page_references():
        assert pydyf.PDF.page_references is PAGE_REFERENCES
