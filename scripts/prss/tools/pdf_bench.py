"""What `make bench` times for the PDFs: the library PDF as the build makes it, and plain WeasyPrint on the
same pages. Each takes a content root and returns PDF bytes, uncached."""
from __future__ import annotations

from pathlib import Path

import weasyprint

from prss.config import read_site
from prss.content.library import load_library
from prss.pdf.edition import Edition
from prss.pdf.fetcher import LocalFetcher
from prss.pdf.render import render_pdf


def library_pdf(root: Path) -> bytes:
    """The full library PDF for a content root."""
    return render_pdf(Edition(load_library(root).library, read_site(root)).library_html())[0]


def baseline_pdf(root: Path) -> bytes:
    """Plain WeasyPrint on the same bodies: the pages the library PDF holds, converted the same way, in one
    bare HTML file: no print template, CSS, cover, contents, links between pages or tags. These are the web
    pages as they are, so the browse lists keep each practice's summary, where the library PDF prints an
    index of titles and page numbers (edition.index_cards). It reads no file either (pdf/fetcher.py)."""
    edition = Edition(load_library(root).library, read_site(root))
    body = "\n".join(edition.pages[path][1] for path in edition.book)
    page = f"<!DOCTYPE html><html lang='en'><body>{body}</body></html>"
    return weasyprint.HTML(string=page, url_fetcher=LocalFetcher()).write_pdf()
