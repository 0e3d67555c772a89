"""Link integrity for a built site/ and its PDFs (prss/pdflinks.py): every internal link, fragment and asset resolves.

Internal means relative, root-relative, or absolute under the site's own URL. A URL ending in '/'
or naming a folder means its index.html, as MkDocs writes with use_directory_urls. A fragment must
match an id (or an <a name>) in the target page. External links are not fetched: tests stay offline.
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import re
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from prss import cores
from prss.cli.args import parse_args
from prss.config import read_site
from prss.verify.html import Link, parse_page
from prss.verify.pdflinks import check_pdf

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")
# Below this many pages a second process costs more (start-up, sending the results back) than it saves.
PARALLEL_FROM = 200
_PLAIN_PATH = re.compile(r"[\w.~%!$&'()*+,=@/-]+")


@dataclass(frozen=True)
class Broken:
    path: str
    line: int
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: broken link '{self.link}': {self.reason}"


@dataclass(frozen=True)
class Report:
    files: int
    links: int
    broken: list[Broken]


def check_site(site: Path, site_url: str = "", processes: int | None = None) -> Report:
    """Check every HTML page, stylesheet and sitemap in site/. site_url makes its own absolute URLs internal.

    Pages are read and their links located in `processes` forked workers (default: one per core from
    PARALLEL_FROM pages on); only fragments that point into other pages wait for every page's anchors.
    """
    site = site.resolve()
    rels = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]
    base = urlsplit(site_url) if site_url else None
    pages = dict(zip(rels, _in_workers(partial(_check_pages, site, base), rels, processes)))
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
    ones, and those to a fragment of another page (few: sending every link back would cost more than this)."""
    targets, found = _Targets(site), []
    for rel in rels:
        page = parse_page((site / rel).read_text(encoding="utf-8", errors="replace"))
        located = [(link, _locate(targets, rel, link.url, base)) for link in page.links]
        own = {rel: page.anchors}
        found.append((page.anchors, len(located), [(link, target) for link, target in located
                                                   if _why(target, own) or (target.fragment and target.file != rel)]))
    return found


def _in_workers(work, items: list, processes: int | None) -> list:
    """work(items), with items dealt out to `processes` forked workers when it pays; results in items' order."""
    if processes is None:
        processes = cores.usable() if len(items) >= PARALLEL_FROM else 1
    processes = min(processes, len(items))
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return work(items)
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        dealt = pool.map(work, [items[i::processes] for i in range(processes)], chunksize=1)
    results = [None] * len(items)
    for i, chunk in enumerate(dealt):
        results[i::processes] = chunk
    return results


def _other_links(site: Path):
    """URLs in our own stylesheets (url(...)) and the sitemap's <loc> entries."""
    for path in sorted(site.rglob("*.css")):
        yield path.relative_to(site).as_posix(), _matches(path, CSS_URL, 2)
    for path in sorted(site.glob("sitemap.xml")):
        yield path.relative_to(site).as_posix(), _matches(path, SITEMAP_LOC, 1)


def _matches(path: Path, pattern: re.Pattern, group: int) -> list[Link]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [Link(text.count("\n", 0, m.start()) + 1, m.group(group).strip()) for m in pattern.finditer(text)]


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
        target_path = _join(rel, parts.path).lstrip("/") if parts.path else rel
    wanted = unquote(target_path)
    target = targets[wanted]
    if target is None:
        return Target(f"no file '{wanted + 'index.html' if wanted.endswith('/') or not wanted else wanted}' in the site")
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


def _join(rel: str, path: str) -> str:
    """The path of urljoin('/' + rel, path). For plain characters (no ':', ';', spaces or controls, which
    urljoin's parsing treats specially) this runs urljoin's own segment algorithm without the parsing."""
    if not (_PLAIN_PATH.fullmatch(path) and _PLAIN_PATH.fullmatch(rel)):
        return urlsplit(urljoin("/" + rel, path)).path
    segments = ("/" + rel).split("/")[:-1] + path.split("/")
    segments[1:-1] = filter(None, segments[1:-1])
    resolved = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return "/".join(resolved) or "/"


def build_errors(site: Path, site_url: str) -> list[str]:
    """The build's gate: every broken link in the site's pages, stylesheets and sitemap, and in its PDFs."""
    return _errors(check_site(site, site_url), site)


def _errors(report: Report, site: Path) -> list[str]:
    return [str(b) for b in report.broken] + _pdf_errors(site)


def _pdf_errors(site: Path) -> list[str]:
    """Check each PDF once per distinct content: identical files (such as PRSS_PDF=0 stand-ins) share a result."""
    paths = sorted(site.rglob("*.pdf"))
    shown = [path.relative_to(site).as_posix() for path in paths]
    first: dict[str, int] = {}  # content digest -> the first path with that content
    digests = [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]
    for i, digest in enumerate(digests):
        first.setdefault(digest, i)
    found = dict(zip(first, _check_pdfs([(paths[i], shown[i]) for i in first.values()])))
    return [name + problem[len(shown[first[digest]]):]
            for name, digest in zip(shown, digests) for problem in found[digest]]


def _check_pdfs(tasks: list[tuple[Path, str]]) -> list[list[str]]:
    """check_pdf on each (path, shown), on every core when there are several: largest first, as workers free up."""
    if len(tasks) < 2 or cores.usable() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [check_pdf(*task) for task in tasks]
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i][0].stat().st_size)
    with multiprocessing.get_context("fork").Pool(min(cores.usable(), len(tasks))) as pool:
        results = pool.starmap(check_pdf, [tasks[i] for i in order], chunksize=1)
    return [found for _, found in sorted(zip(order, results))]


def main(argv=None) -> int:
    """`check_links.py SITE [--site-url URL] [--pdf FILE]...`: exit 0 all resolve, 1 broken links, 2 usage."""
    parser = argparse.ArgumentParser(prog="check_links.py", description="Check a built site's internal links, "
                                     "fragments and assets, and the internal links of every PDF in it.")
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site/")
    parser.add_argument("--site-url", help="the site's own URL, whose absolute links are internal "
                        "(default: site_url of the mkdocs.yml next to SITE)")
    parser.add_argument("--pdf", type=Path, action="append", default=[], help="also check a PDF outside SITE")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    missing = [p for p in [args.site, *args.pdf] if not p.exists()]
    if missing or not args.site.is_dir():
        print(f"check_links.py: error: {missing[0] if missing else args.site} is not a built site or PDF",
              file=sys.stderr)
        return 2
    config = args.site.resolve().parent
    site_url = args.site_url or (read_site(config).url if (config / "mkdocs.yml").is_file() else "")
    report = check_site(args.site, site_url)
    problems = _errors(report, args.site) + [p for pdf in args.pdf for p in check_pdf(pdf)]
    for line in problems:
        print(line)
    pdfs = len(list(args.site.rglob("*.pdf"))) + len(args.pdf)
    print(f"{report.links} links checked in {report.files} pages and {pdfs} PDFs; {len(problems)} broken")
    return 1 if problems else 0
