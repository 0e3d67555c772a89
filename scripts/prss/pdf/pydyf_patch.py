"""A faster `pydyf.PDF.page_references` while a PDF is written, for the pydyf version it was measured on.

pydyf 0.13 builds the tuple of every page's reference each time WeasyPrint's PDF/UA tagger asks for one
page's, so tagging costs structure elements x pages: 37 million tuple items at 100 practices, a hundred
times that at 1,000. The patch keeps the tuple until a page is added: the same output. It reads pydyf's
internals (`pages['Kids'][::3]`), so any other pydyf version gets pydyf's own property.
"""
from __future__ import annotations

import contextlib

import pydyf

PATCHED_VERSIONS = ("0.13.0",)


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf.PDF.page_references, built again only when a page was added since the last call."""
    kids = pdf.pages["Kids"]
    count, references = getattr(pdf, "_prss_page_references", (-1, ()))
    if count != len(kids):
        references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
        pdf._prss_page_references = (len(kids), references)
    return references


@contextlib.contextmanager
def cached_page_references():
    """The patch, for the duration of one PDF; undone afterwards, so plain WeasyPrint stays plain."""
    if pydyf.__version__ not in PATCHED_VERSIONS:
        yield
        return
    original = pydyf.PDF.page_references
    pydyf.PDF.page_references = property(_page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original
