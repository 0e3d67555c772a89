"""The print edition as HTML: the web pages' Markdown, converted like MkDocs does, relinked and wrapped for print.

The PDF reuses the web fragments: `render_pages` writes the same Markdown MkDocs receives, Python-Markdown
converts it with mkdocs.yml's extensions, and `relink` turns links between pages into jumps inside the
document (or, for pages left out, into permanent URLs on the site).
"""
from __future__ import annotations

import datetime as dt
import html as entities
import os
import posixpath
import re
from dataclasses import dataclass

import markdown
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from prss.config import REPO, Config, Site, read_config
from prss.model import Library
from prss.render.jinja import TEMPLATES
from prss.render.pages import render_pages
from prss.render.redirects import render_tombstones

PRINT_CSS = TEMPLATES / "print" / "print.css"
FULL_PDF = "downloads/prss-resource-library.pdf"
TAG = re.compile(r"<[a-zA-Z][^>]*>")
ATTRIBUTE = re.compile(r'\s(id|href)="([^"]*)"')
HEADING = re.compile(r"<(/?)h([1-6])\b")
FIRST_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>\s*", re.S)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# A practice card in a web list (templates/_practice_list.md.j2): its link, then the summary and level badge.
CARD = re.compile(r'<li><a class="prss-card-link" href="([^"]*)">(.*?)</a>.*?</li>', re.S)
# Web-only blocks print.css hides: dropped before layout, so WeasyPrint does not parse and style them per page.
WEB_ONLY = re.compile(r'<(p|figure|form|sup) class="prss-(?:downloads|map|map-filter|search-words)"[^>]*>.*?</\1>\s*', re.S)
ID = re.compile(r'\sid="([^"]*)"')
HREF = re.compile(r'\shref="#([^"]*)"')
BROWSE = ("objectives/", "intercepts/", "settings/", "evidence/", "practices/index.md")


@dataclass(frozen=True)
class Section:
    """One page in the print document: its anchor, title, body HTML, permanent URL (or None) and children."""
    anchor: str
    title: str
    html: Markup
    permalink: str | None = None
    children: tuple[Section, ...] = ()


def plan(library: Library) -> list[tuple[str, list[str]]]:
    """The book's order: (part page, [entry pages]), as docs/ paths that `render_pages` writes."""
    return [
        ("about.md", []),
        ("objectives/index.md", [f"objectives/{o.id}.md" for o in library.objectives]),
        ("intercepts/index.md", [f"intercepts/{i.id}.md" for i in library.intercepts]),
        ("settings/index.md", [f"settings/{s.id}.md" for s in library.settings]),
        ("evidence/index.md", [f"evidence/{lv.id}.md" for lv in library.levels]),
        ("practices/index.md", [f"practices/{p.slug}.md" for p in library.practices]),
        ("mentors/index.md", [f"mentors/{m.slug}.md" for m in library.mentors]),
    ]


def anchor(path: str) -> str:
    """A page's id in a print document: 'practices/x.md' -> 'practices-x', 'evidence/index.md' -> 'evidence'."""
    return path.removesuffix(".md").removesuffix("/index").replace("/", "-")


def web_path(path: str) -> str:
    """A docs/ path's permanent URL path with directory URLs: 'practices/x.md' -> 'practices/x/'."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def relink(html: str, path: str, inside: set[str], site: Site) -> str:
    """Prefix the page's ids with its anchor; point links at pages `inside` the document, others at the site."""
    prefix = anchor(path)

    def target(href: str) -> str:
        if href.startswith("#"):
            return f"#{prefix}--{href[1:]}"
        if SCHEME.match(href):
            return href
        rel, _, fragment = href.partition("#")
        dest = posixpath.normpath(posixpath.join(posixpath.dirname(path), rel))
        if dest in inside:
            return "#" + anchor(dest) + (f"--{fragment}" if fragment else "")
        return site.permalink(web_path(dest)) + (f"#{fragment}" if fragment else "")

    def attribute(m: re.Match) -> str:
        name, value = m.groups()
        return f' id="{prefix}--{value}"' if name == "id" else f' href="{target(value)}"'

    return TAG.sub(lambda tag: ATTRIBUTE.sub(attribute, tag.group(0)), html)


def index_cards(html: str) -> str:
    """A browse list's practice cards -> print index entries: the linked title, and print.css adds the page
    number. Every practice's summary is printed once, on its own page, not again in every list it is in."""
    return CARD.sub(r'<li class="prss-index-entry"><a href="\1">\2</a></li>', html)


def drop_unused_ids(html: str) -> str:
    """Remove ids no link in the document points at: WeasyPrint makes each id a named destination and
    checks it on every later page, so unused ones cost time and bytes for nothing."""
    wanted = set(HREF.findall(html))

    def keep(m: re.Match) -> str:
        return m.group(0) if m.group(1) in wanted else ""

    return TAG.sub(lambda tag: ID.sub(keep, tag.group(0)), html)


def demote(html: str, levels: int) -> str:
    """Shift headings down so a page's h2 sits under the print document's own h1 or h2 (h6 at most)."""
    return HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + levels, 6)}", html) if levels else html


class Converter:
    """Markdown to HTML as MkDocs converts it: the extensions MkDocs itself loads (its built-in toc, tables and
    fenced_code, then mkdocs.yml's), with their options. Print drops the toc's ¶ permalinks."""

    def __init__(self, config: Config):
        options = {name: dict(values) for name, values in config.mdx_configs.items()}
        options["toc"] = {**options.get("toc", {}), "permalink": False}
        self.md = markdown.Markdown(extensions=list(config.markdown_extensions), extension_configs=options)

    def page(self, source: str) -> tuple[str, str]:
        """A generated page -> (its title as plain text, its body as HTML without the leading h1)."""
        _, front, body = source.split("---\n", 2) if source.startswith("---\n") else ("", "", source)
        html = self.md.reset().convert(body)
        title = (yaml.safe_load(front) or {}).get("title")  # HTML-escaped for Material (render/jinja.front_text)
        return entities.unescape(title) if isinstance(title, str) else "", FIRST_H1.sub("", html, count=1)


def cover_date(library: Library) -> dt.date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the newest content date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    dates = [p.updated for p in library.practices] + [m.updated for m in library.mentors]
    return max(dates, default=dt.date(1970, 1, 1))


def permalinks(library: Library, site: Site) -> dict[str, str]:
    """Each practice and mentor page's permanent URL, printed under its title. The citation itself is the
    web page's own "Cite this page" box, which the print edition keeps."""
    paths = [f"practices/{p.slug}.md" for p in library.practices + library.retired] + \
        [f"mentors/{m.slug}.md" for m in library.mentors]
    return {path: site.permalink(web_path(path)) for path in paths}


class Edition:
    """The library's pages converted once, then assembled into any number of print documents."""

    def __init__(self, library: Library, site: Site, config: Config | None = None):
        self.library, self.site = library, site
        sources = {**render_pages(library, site), **render_tombstones(library, site)}
        converter = Converter(config or read_config(site.root or REPO))
        self.book = [path for part, entries in plan(library) for path in (part, *entries) if path in sources]
        retired = [f"practices/{p.slug}.md" for p in library.retired]  # a PDF of their own, not in the book
        self.pages = {path: converter.page(sources[path]) for path in self.book + retired}  # the web's pages
        self.permalinks = permalinks(library, site)
        env = Environment(loader=FileSystemLoader(TEMPLATES / "print"), autoescape=True,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.template = env.get_template("document.html.j2")
        self.css = PRINT_CSS.read_text(encoding="utf-8")

    def section(self, path: str, inside: set[str], levels: int, children=()) -> Section:
        title, html = self.pages[path]
        html = WEB_ONLY.sub("", index_cards(html) if path.startswith(BROWSE) else html)
        body = Markup(demote(relink(html, path, inside, self.site), levels))
        return Section(anchor(path), title or path, body, self.permalinks.get(path), tuple(children))

    def library_html(self) -> str:
        """The whole library as one print document: cover, contents, then every part and its entries."""
        inside = set(self.book)
        parts = [(part, [e for e in entries if e in inside]) for part, entries in plan(self.library) if part in inside]
        sections = [self.section(part, inside, 0, [self.section(e, inside, 1) for e in entries])
                    for part, entries in parts]
        return drop_unused_ids(self.template.render(
            title=self.site.name, sections=sections, book=True, site=self.site,
            date=cover_date(self.library).isoformat(),
            css=Markup(self.css), practices=len(self.library.practices), mentors=len(self.library.mentors)))

    def page_html(self, path: str) -> str:
        """One practice or mentor page as its own print document, linking out to the site for everything else."""
        section = self.section(path, {path}, 0)
        return drop_unused_ids(self.template.render(
            title=f"{section.title} | {self.site.name}", sections=[section], book=False, site=self.site, date="",
            css=Markup(self.css), practices=0, mentors=0))
