"""The PDFs: the whole library in one, and one per practice and mentor site, rendered by WeasyPrint.

`render_downloads` is a producer (see build.PRODUCERS): it puts the PDFs under docs/downloads/ so MkDocs
copies them and checks the pages' links to them. PRSS_PDF=0 puts a one-page stand-in at each path, for previews.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import logging
import multiprocessing
import os
import sys
from pathlib import Path

import pydyf
import weasyprint

from prss import cores
from prss.cli.args import parse_args
from prss.config import REPO, Site, pdf_enabled, read_site
from prss.content.library import load_library
from prss.model import Library
from prss.pdf.edition import FULL_PDF, Edition
from prss.problems import has_errors, summary_line

VARIANT = "pdf/ua-1"  # tagged PDF: structure tree, /Lang, title shown in the viewer's title bar
STUB = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{name}: PDF not built</title></head>"
        "<body style='font-family: \"Liberation Sans\", sans-serif'><h1>{name}</h1><p>This preview was built "
        "without its PDFs (PRSS_PDF=0). Run <code>make site</code> or <code>make pdf</code>, or get the PDFs "
        "from the published library: <a href='{url}'>{url}</a>.</p></body></html>")


def cache_dir() -> Path:
    """Rendered PDFs by input hash: an unchanged page is not laid out again. PRSS_PDF_CACHE moves it."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "prss-resource-library" / "pdf"
    return Path(os.environ.get("PRSS_PDF_CACHE") or base)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf.PDF.page_references, built again only when a page was added since the last call."""
    kids = pdf.pages["Kids"]
    count, references = getattr(pdf, "_prss_page_references", (-1, ()))
    if count != len(kids):
        references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
        pdf._prss_page_references = (len(kids), references)
    return references


@contextlib.contextmanager
def _cached_page_references():
    """pydyf 0.13 builds the tuple of every page's reference each time WeasyPrint's PDF/UA tagger asks for one
    page's, so tagging costs structure elements x pages: 37 million tuple items at 100 practices, a hundred
    times that at 1,000. Same output; undone afterwards, so baseline_pdf stays plain WeasyPrint."""
    original = pydyf.PDF.page_references
    pydyf.PDF.page_references = property(_page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


def render_pdf(html: str) -> tuple[bytes, list[str]]:
    """One print document -> (PDF bytes, WeasyPrint's warnings, such as a link to a missing anchor)."""
    collect, logger = _Collect(), logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        with _cached_page_references():
            data = weasyprint.HTML(string=html).write_pdf(pdf_variant=VARIANT)
    finally:
        logger.removeHandler(collect)
    return data, collect.messages


def _key(html: str) -> Path:
    """Where the PDF of this exact input is cached: the key covers the HTML, its inline CSS and WeasyPrint."""
    digest = hashlib.sha256(f"{weasyprint.__version__}\0{VARIANT}\0{html}".encode()).hexdigest()
    return cache_dir() / f"{digest}.pdf"


def _render_and_cache(task: tuple[str, str]) -> tuple[str, bytes, list[str]]:
    path, html = task
    data, warnings = render_pdf(html)
    if not warnings:
        hit = _key(html)
        hit.parent.mkdir(parents=True, exist_ok=True)
        tmp = hit.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(hit)
    return path, data, warnings


def documents(library: Library, site: Site) -> dict[str, str]:
    """Every PDF as print HTML, keyed by its path under docs/ (and site/)."""
    edition = Edition(library, site)
    docs = {FULL_PDF: edition.library_html()}
    for path in edition.page_paths():
        docs["downloads/" + path.removesuffix(".md") + ".pdf"] = edition.page_html(path)
    return docs


def render_all(docs: dict[str, str], processes: int | None = None) -> dict[str, bytes]:
    """Reuse cached PDFs; render the rest across the machine's cores, largest first, so the library PDF
    does not finish last on its own."""
    cached = {path: _key(html) for path, html in docs.items()}
    files = {path: hit.read_bytes() for path, hit in cached.items() if hit.is_file()}
    tasks = sorted(((p, html) for p, html in docs.items() if p not in files), key=lambda task: -len(task[1]))
    processes = min(processes or cores.usable(), len(tasks))
    if processes > 1:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            results = pool.map(_render_and_cache, tasks, chunksize=1)
    else:
        results = [_render_and_cache(task) for task in tasks]
    for path, data, warnings in results:
        files[path] = data
        for message in dict.fromkeys(warnings):
            print(f"pdf: warning: {path}: {message}", file=sys.stderr)
    return dict(sorted(files.items()))


def render_downloads(library: Library, site: Site) -> dict[str, bytes]:
    """Producer: docs/downloads/prss-resource-library.pdf plus downloads/{practices,mentors}/<slug>.pdf.

    With PRSS_PDF=0 every path gets the same one-page stand-in, so pages and content that link the PDFs
    still build under --strict while a preview skips the layout work.
    """
    if pdf_enabled():
        return render_all(documents(library, site))
    paths = [FULL_PDF] + [f"downloads/practices/{p.slug}.pdf" for p in library.practices] + \
        [f"downloads/mentors/{m.slug}.pdf" for m in library.mentors]
    stub = render_all({"stub": STUB.format(name=html.escape(site.name), url=html.escape(site.url))})["stub"]
    return dict.fromkeys(paths, stub)


def library_pdf(root: Path) -> bytes:
    """The full library PDF for a content root, uncached: what `make bench` times."""
    loaded = load_library(root)
    return render_pdf(Edition(loaded.library, read_site(root)).library_html())[0]


def baseline_pdf(root: Path) -> bytes:
    """Plain WeasyPrint on the same bodies: the pages the library PDF holds, converted the same way, in one
    bare HTML file: no print template, CSS, cover, contents, links between pages or tags. `make bench` compares.
    These are the web pages as they are, so the browse lists keep each practice's summary, where the library
    PDF prints an index of titles and page numbers (edition.index_cards)."""
    edition = Edition(load_library(root).library, read_site(root))
    body = "\n".join(fragment for _, fragment in edition.pages.values())
    return weasyprint.HTML(string=f"<!DOCTYPE html><html lang='en'><body>{body}</body></html>").write_pdf()
