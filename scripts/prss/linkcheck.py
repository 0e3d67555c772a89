"""Link integrity for a built site/ and its PDFs (prss/pdflinks.py): every internal link, fragment and asset resolves.

Internal means relative, root-relative, or absolute under the site's own URL. A URL ending in '/'
or naming a folder means its index.html, as MkDocs writes with use_directory_urls. A fragment must
match an id (or an <a name>) in the target page. External links are not fetched: tests stay offline.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from .config import read_site
from .pdflinks import check_pdf
from .usage import parse_args

# Which attributes of which tags hold a URL the site must serve.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"), "script": ("src",),
    "iframe": ("src",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "embed": ("src",), "object": ("data",), "form": ("action",),
}
# <link rel> values that name another site (or the page itself) rather than a file we must have.
EXTERNAL_RELS = {"preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")


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


@dataclass(frozen=True)
class Link:
    line: int
    url: str


class _PageParser(HTMLParser):
    """Collects a page's anchors (ids and names) and the URLs it refers to, with their lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if values.get(key):
                self.anchors.add(values[key])
        line = self.getpos()[0]
        if tag == "link" and set((values.get("rel") or "").split()) & EXTERNAL_RELS:
            return
        for attr in URL_ATTRIBUTES.get(tag, ()):
            value = values.get(attr)
            if value is None:
                continue
            urls = [c.split()[0] for c in value.split(",") if c.strip()] if attr == "srcset" else [value]
            self.links += [Link(line, url.strip()) for url in urls]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH_URL.search(values.get("content") or "")
            if match:
                self.links.append(Link(line, match.group(1).strip()))


def parse_page(text: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return parser


def check_site(site: Path, site_url: str = "") -> Report:
    """Check every HTML page, stylesheet and sitemap in site/. site_url makes its own absolute URLs internal."""
    site = site.resolve()
    pages = {p.relative_to(site).as_posix(): parse_page(p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(site.rglob("*.html"))}
    base = urlsplit(site_url) if site_url else None
    sources = [(rel, parsed.links) for rel, parsed in pages.items()] + list(_other_links(site))
    broken = [Broken(rel, link.line, link.url, reason) for rel, links in sources for link in links
              if (reason := _resolve(site, pages, rel, link.url, base))]
    return Report(len(pages), sum(len(links) for _, links in sources), broken)


def _other_links(site: Path):
    """URLs in our own stylesheets (url(...)) and the sitemap's <loc> entries."""
    for path in sorted(site.rglob("*.css")):
        yield path.relative_to(site).as_posix(), _matches(path, CSS_URL, 2)
    for path in sorted(site.glob("sitemap.xml")):
        yield path.relative_to(site).as_posix(), _matches(path, SITEMAP_LOC, 1)


def _matches(path: Path, pattern: re.Pattern, group: int) -> list[Link]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [Link(text.count("\n", 0, m.start()) + 1, m.group(group).strip()) for m in pattern.finditer(text)]


def _resolve(site: Path, pages: dict, rel: str, url: str, base) -> str:
    """'' when url resolves inside site/, else why it does not."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if not base or (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return "" if parts.scheme in ("http", "https", "mailto", "tel", "data", "") else \
                f"the '{parts.scheme}:' scheme is not allowed"
        if not parts.path.startswith(base.path):
            return f"it is on this site's host but outside its path {base.path}"
        target_path = parts.path[len(base.path):]
    elif parts.path.startswith("/"):
        prefix = base.path if base else "/"
        if not parts.path.startswith(prefix):
            return f"a root-relative link must start with the site's path {prefix}"
        target_path = parts.path[len(prefix):]
    else:
        target_path = urlsplit(urljoin("/" + rel, parts.path)).path.lstrip("/") if parts.path else rel
    wanted = unquote(target_path)
    target = _target_file(site, wanted)
    if target is None:
        return f"no file '{wanted + 'index.html' if wanted.endswith('/') or not wanted else wanted}' in the site"
    fragment = unquote(parts.fragment)
    if not fragment or target not in pages:
        return ""
    if fragment not in pages[target].anchors:
        return f"'{target}' has no element with id '{fragment}'"
    return ""


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
    """The build's gate: every broken link in the site's pages, stylesheets and sitemap, and in its PDFs."""
    return _errors(check_site(site, site_url), site)


def _errors(report: Report, site: Path) -> list[str]:
    return [str(b) for b in report.broken] + _pdf_errors(site)


def _pdf_errors(site: Path) -> list[str]:
    """Check each PDF once per distinct content: identical files (such as PRSS_PDF=0 stand-ins) share a result."""
    checked: dict[str, tuple[str, list[str]]] = {}
    problems = []
    for path in sorted(site.rglob("*.pdf")):
        shown = path.relative_to(site).as_posix()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in checked:
            checked[digest] = (shown, check_pdf(path, shown))
        first, found = checked[digest]
        problems += [shown + problem[len(first):] for problem in found]
    return problems


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
