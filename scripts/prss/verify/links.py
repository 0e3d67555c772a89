"""Link integrity for a built site/ and its PDFs (verify/pdflinks.py): every internal link, fragment and asset resolves.

Internal means relative, root-relative, or absolute under the site's own URL. A URL ending in '/'
or naming a folder means its index.html, as MkDocs writes with use_directory_urls. A fragment must
match an id (or an <a name>) in the target page. External links are not fetched: tests stay offline.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from prss import cores
from prss.verify.html import parse_page
from prss.verify.pdflinks import check_pdf

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")


class Link(NamedTuple):
    url: str
    line: int | None = None  # known in stylesheets and the sitemap; an HTML reader gives none


@dataclass(frozen=True)
class Broken:
    path: str
    line: int | None
    link: str
    reason: str
    source: str = ""  # the content file the page was made from, when the build knows it

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "") + (f" (from {self.source})" if self.source else "")
        return f"{where}: broken link '{self.link}': {self.reason}"


@dataclass(frozen=True)
class Report:
    files: int
    links: int
    broken: list[Broken]


def check_site(site: Path, site_url: str = "") -> Report:
    """Check every HTML page, stylesheet and sitemap in site/. site_url makes its own absolute URLs internal.

    Pages are read one after another (1,338 pages of a 1,000-practice library: about 2.5 s of CPU);
    only fragments that point into other pages wait for every page's anchors.
    """
    site = site.resolve()
    rels = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]
    base = urlsplit(site_url) if site_url else None
    pages = dict(zip(rels, _check_pages(site, base, rels), strict=True))
    targets = _Targets(site)
    others = [(rel, len(links), [(link, _locate(targets, rel, link.url, base)) for link in links])
              for rel, links in _other_links(site)]
    sources = [(rel, count, unsettled) for rel, (_, count, unsettled) in pages.items()] + others
    anchors = {rel: page[0] for rel, page in pages.items()}
    broken = [Broken(rel, link.line, link.url, reason) for rel, _, located in sources for link, target in located
              if (reason := _why(target, anchors))]
    return Report(len(pages), sum(count for _, count, _ in sources), broken)


class Target(NamedTuple):
    """Where a link leads: why it leads nowhere (reason), or the file it names and the fragment it wants there."""
    reason: str
    file: str | None = None
    fragment: str = ""


def _check_pages(site: Path, base, rels: list[str]) -> list[tuple[set[str], int, list[tuple[Link, Target]]]]:
    """Each page's anchors, its number of links, and the links it cannot settle on its own: the broken
    ones, and those to a fragment of another page, which wait until every page's anchors are known."""
    targets, found = _Targets(site), []
    for rel in rels:
        page = parse_page((site / rel).read_text(encoding="utf-8", errors="replace"))
        located = [(Link(url), _locate(targets, rel, url, base)) for url in page.links]
        own = {rel: page.anchors}
        found.append((page.anchors, len(located), [(link, target) for link, target in located
                                                   if _why(target, own) or (target.fragment and target.file != rel)]))
    return found


def _other_links(site: Path):
    """URLs in our own stylesheets (url(...)) and the sitemap's <loc> entries."""
    for path in sorted(site.rglob("*.css")):
        yield path.relative_to(site).as_posix(), _matches(path, CSS_URL, 2)
    for path in sorted(site.glob("sitemap.xml")):
        yield path.relative_to(site).as_posix(), _matches(path, SITEMAP_LOC, 1)


def _matches(path: Path, pattern: re.Pattern, group: int) -> list[Link]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [Link(m.group(group).strip(), text.count("\n", 0, m.start()) + 1) for m in pattern.finditer(text)]


def _locate(targets: dict, rel: str, url: str, base) -> Target:
    """The file inside site/ that url (on page or stylesheet rel) names, or why it names none."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if not base or (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return Target("" if parts.scheme in ("http", "https", "mailto", "tel", "data", "") else
                          f"the '{parts.scheme}:' scheme is not allowed")
        if not parts.path.startswith(base.path):
            return Target(f"it is on this site's host but outside its path {base.path}")
        target_path = parts.path[len(base.path):]
    elif parts.path.startswith("/"):
        prefix = base.path if base else "/"
        if not parts.path.startswith(prefix):
            return Target(f"a root-relative link must start with the site's path {prefix}")
        target_path = parts.path[len(prefix):]
    else:
        target_path = urlsplit(urljoin("/" + rel, parts.path)).path.lstrip("/") if parts.path else rel
    wanted = unquote(target_path)
    target = targets[wanted]
    if target is None:
        named = wanted + "index.html" if wanted.endswith("/") or not wanted else wanted
        return Target(f"no file '{named}' in the site")
    return Target("", target, unquote(parts.fragment))


def _why(target: Target, anchors: dict[str, set[str]]) -> str:
    """'' when the link resolves inside site/, else why it does not. anchors: each page's ids and names."""
    if target.reason or not target.fragment or target.file not in anchors:
        return target.reason
    if target.fragment not in anchors[target.file]:
        return f"'{target.file}' has no element with id '{target.fragment}'"
    return ""


class _Targets(dict):
    """URL path -> the site-relative file it serves, or None; each distinct path is looked up on disk once."""

    def __init__(self, site: Path):
        super().__init__()
        self.site = site

    def __missing__(self, path: str) -> str | None:
        self[path] = found = _target_file(self.site, path)
        return found


def _target_file(site: Path, path: str) -> str | None:
    """The site-relative file a URL path serves, or None. 'x/' and a folder 'x' both serve x/index.html."""
    clean = PurePosixPath(path.rstrip("/")) if path.strip("/") else PurePosixPath("")
    if ".." in clean.parts:
        return None
    candidate = site / clean
    if path.endswith("/") or path == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate.relative_to(site).as_posix() if candidate.is_file() else None


def build_errors(site: Path, site_url: str) -> list[str]:
    """Every broken link in the site's pages, stylesheets and sitemap, and in its PDFs."""
    return [str(b) for b in check_site(site, site_url).broken] + pdf_errors(site)


def pdf_errors(site: Path) -> list[str]:
    """Check each PDF once per distinct content: identical files (such as PRSS_PDF=0 stand-ins) share a result."""
    paths = sorted(site.rglob("*.pdf"))
    shown = [path.relative_to(site).as_posix() for path in paths]
    first: dict[str, int] = {}  # content digest -> the first path with that content
    digests = [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]
    for i, digest in enumerate(digests):
        first.setdefault(digest, i)
    found = dict(zip(first, check_pdfs([(paths[i], shown[i]) for i in first.values()]), strict=True))
    return [name + problem[len(shown[first[digest]]):]
            for name, digest in zip(shown, digests, strict=True) for problem in found[digest]]


def check_pdfs(tasks: list[tuple[Path, str]]) -> list[list[str]]:
    """check_pdf on each (path, shown), on every core when there are several, largest first as workers free up.

    The workers start from a fresh forkserver, never by forking this process: a fork copies whatever locks
    other threads (a browser driver, a preview's watcher) hold, and the worker may wait on them for ever.
    """
    if len(tasks) < 2 or cores.usable() < 2:
        return [check_pdf(*task) for task in tasks]
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i][0].stat().st_size)
    with multiprocessing.get_context("forkserver").Pool(min(cores.usable(), len(tasks))) as pool:
        results = pool.starmap(check_pdf, [tasks[i] for i in order], chunksize=1)
    return [found for _, found in sorted(zip(order, results, strict=True))]
