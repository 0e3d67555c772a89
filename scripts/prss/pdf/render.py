"""The PDFs: the whole library in one, and one per practice and mentor site, rendered by WeasyPrint.

`render_downloads` is a producer (see site/build.PRODUCERS): it puts the PDFs under docs/downloads/ so
MkDocs copies them and checks the pages' links to them. Every per-page PDF is also written at each alias
and for retired practices, as the citation files are: a published PDF URL never stops working.
PRSS_PDF=0 puts a one-page stand-in at each path, for previews.
"""
from __future__ import annotations

import html
import logging
import multiprocessing
import sys
from pathlib import Path

import weasyprint

from prss import cores
from prss.config import Site, pdf_enabled
from prss.model import Library
from prss.pdf import cache
from prss.pdf.edition import FULL_PDF, PRINT_CSS, Edition
from prss.pdf.fetcher import LocalFetcher
from prss.pdf.pydyf_patch import cached_page_references

OPTIONS = {"pdf_variant": "pdf/ua-1"}  # tagged PDF: structure tree, /Lang, title shown in the viewer's title bar
STUB = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{name}: PDF not built</title></head>"
        "<body style='font-family: \"Liberation Sans\", sans-serif'><h1>{name}</h1><p>This preview was built "
        "without its PDFs (PRSS_PDF=0). Run <code>make site</code> or <code>make pdf</code>, or get the PDFs "
        "from the published library: <a href='{url}'>{url}</a>.</p></body></html>")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def readable(site: Site) -> tuple[Path, ...]:
    """The folders a print document may read files from: the generated docs/ and our print assets."""
    return tuple(folder for folder in (site.docs, PRINT_CSS.parent) if folder)


def render_pdf(html: str, roots: tuple[Path, ...] = ()) -> tuple[bytes, list[str]]:
    """One print document -> (PDF bytes, WeasyPrint's warnings, such as a link to a missing anchor or a URL
    refused). `roots`: the folders whose files it may read (pdf/fetcher.py); none by default."""
    data, warnings, _ = _layout(html, roots)
    return data, warnings


def _layout(html: str, roots: tuple[Path, ...]) -> tuple[bytes, list[str], list[str]]:
    """(PDF bytes, warnings, URLs read)."""
    collect, logger, fetcher = _Collect(), logging.getLogger("weasyprint"), LocalFetcher(roots)
    logger.addHandler(collect)
    try:
        with cached_page_references():
            data = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(**OPTIONS)
    finally:
        logger.removeHandler(collect)
    return data, collect.messages, fetcher.fetched


def _render_and_cache(task: tuple[str, str, tuple[Path, ...]]) -> tuple[str, bytes, list[str]]:
    path, html, roots = task
    data, warnings, fetched = _layout(html, roots)
    if not warnings and not fetched:  # a PDF that read a file depends on that file too: not kept
        cache.store(html, OPTIONS, data)
    return path, data, warnings


def page_pdfs(library: Library) -> dict[str, str]:
    """{PDF path under docs/: the page it prints} for every practice (retired ones too) and mentor site,
    at its slug and again at each alias."""
    pdfs = {}
    for section, items in (("practices", library.practices + library.retired), ("mentors", library.mentors)):
        for item in items:
            for slug in (item.slug, *item.aliases):
                pdfs[f"downloads/{section}/{slug}.pdf"] = f"{section}/{item.slug}.md"
    return pdfs


def documents(library: Library, site: Site) -> dict[str, str]:
    """Every PDF as print HTML, keyed by its path under docs/ (and site/); an alias has its page's HTML."""
    edition, pdfs = Edition(library, site), page_pdfs(library)
    pages = {page: edition.page_html(page) for page in dict.fromkeys(pdfs.values())}
    return {FULL_PDF: edition.library_html(), **{pdf: pages[page] for pdf, page in pdfs.items()}}


def render_all(docs: dict[str, str], processes: int | None = None, roots: tuple[Path, ...] = ()) -> dict[str, bytes]:
    """Reuse cached PDFs; render each other distinct document once, across the machine's cores, largest first,
    so the library PDF does not finish last on its own."""
    paths: dict[str, list[str]] = {}
    for path, text in docs.items():
        paths.setdefault(text, []).append(path)
    made = {text: cache.load(text, OPTIONS) for text in paths}
    tasks = sorted(((same[0], text, roots) for text, same in paths.items() if made[text] is None),
                   key=lambda task: -len(task[1]))
    processes = min(processes or cores.usable(), len(tasks))
    if processes > 1:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            results = pool.map(_render_and_cache, tasks, chunksize=1)
    else:
        results = [_render_and_cache(task) for task in tasks]
    for path, data, warnings in results:
        made[docs[path]] = data
        for message in dict.fromkeys(warnings):
            print(f"pdf: warning: {path}: {message}", file=sys.stderr)
    return {path: made[docs[path]] or b"" for path in sorted(docs)}


def render_downloads(library: Library, site: Site) -> dict[str, bytes]:
    """Producer: docs/downloads/prss-resource-library.pdf plus downloads/{practices,mentors}/<slug>.pdf.

    With PRSS_PDF=0 every path gets the same one-page stand-in, so pages and content that link the PDFs
    still build under --strict while a preview skips the layout work.
    """
    if pdf_enabled():
        return render_all(documents(library, site), roots=readable(site))
    stub = render_all({"stub": STUB.format(name=html.escape(site.name), url=html.escape(site.url))})["stub"]
    return dict.fromkeys([FULL_PDF, *page_pdfs(library)], stub)
