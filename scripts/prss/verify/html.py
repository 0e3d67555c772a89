"""The anchors and URLs of one HTML page, with their lines, for the link check (prss/linkcheck.py).

A regular-expression scanner reads the markup MkDocs and Material write the way Python 3.11's html.parser
reads it (comments, <script> and <style> raw text, <!DOCTYPE> and <?...?>, quoted and bare attribute
values with entities decoded, names in any case) at about five times its speed: the regex engine passes
over text and the tags nobody needs, and Python sees only the tags that can hold a URL or an anchor. Its
grammar is a strict subset of html.parser's; a page with anything outside it (a tag cut short, a quote in
a bare value, a <![CDATA[ section) is read by html.parser itself, so a page's links never depend on which
of the two read it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

# Which attributes of which tags hold a URL the site must serve.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"), "script": ("src",),
    "iframe": ("src",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "embed": ("src",), "object": ("data",), "form": ("action",),
}
# <link rel> values that name another site (or the page itself) rather than a file we must have.
EXTERNAL_RELS = {"preconnect", "dns-prefetch"}
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
RAW_TEXT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in HTMLParser.CDATA_CONTENT_ELEMENTS}

# The tags whose attributes matter whatever they are: URLs, <a name>/<map name>, <meta> refresh, raw text.
_TAGS = "|".join(sorted({*URL_ATTRIBUTES, "map", "meta", *RAW_TEXT_END}, key=len, reverse=True))
_SPACE = r"[ \t\n\r\f]"
_NAME = r"[a-zA-Z][a-zA-Z0-9-]*+(?=[ \t\n\r\f/>])"
_ATTRIBUTE_NAME = r"""[^\s"'<>/=]++"""
_VALUE = r"""(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++)"""
_EQUALS_VALUE = rf"(?:{_SPACE}*+={_SPACE}*+{_VALUE})?"
_ATTRIBUTES = rf"(?:{_SPACE}++{_ATTRIBUTE_NAME}{_EQUALS_VALUE})*+{_SPACE}*+"
# A start tag nobody needs: not one of _TAGS, and no attribute named id.
_PLAIN_TAG = (rf"<(?!(?i:{_TAGS})(?![a-zA-Z0-9-])){_NAME}"
              rf"(?:{_SPACE}++(?!(?i:id)(?![^\s\"'<>/=])){_ATTRIBUTE_NAME}{_EQUALS_VALUE})*+{_SPACE}*+/?>")
# What html.parser passes over without a start tag: text, end tags, plain tags, comments, <!...>, <?...>, a lone '<'.
_SKIP = rf"(?:[^<]++|</[^>]*+>|{_PLAIN_TAG}|<!--.*?--\s*>|<!(?!--|\[)[^>]*+>|<\?[^>]*+>|<(?![a-zA-Z/!?]))*+"
_NEXT_TAG = re.compile(rf"{_SKIP}(?:(?P<tag><(?P<name>{_NAME})(?P<attrs>{_ATTRIBUTES})(?P<close>/?)>)|(?P<odd><)|\Z)",
                       re.DOTALL)
_ATTRIBUTE = re.compile(rf"({_ATTRIBUTE_NAME})(?:{_SPACE}*+={_SPACE}*+({_VALUE}))?")  # within _ATTRIBUTES


class Link(NamedTuple):
    line: int
    url: str


@dataclass
class Page:
    """A page's anchors (ids, and names of <a> and <map>) and the URLs it refers to, with their lines."""
    anchors: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)

    def add_tag(self, tag: str, values: dict, line: int) -> None:
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if values.get(key):
                self.anchors.add(values[key])
        if tag == "link" and set((values.get("rel") or "").split()) & EXTERNAL_RELS:
            return
        for attr in URL_ATTRIBUTES.get(tag, ()):
            value = values.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                self.links += [Link(line, c.split()[0].strip()) for c in value.split(",") if c.strip()]
            else:
                self.links.append(Link(line, value.strip()))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH_URL.search(values.get("content") or "")
            if match:
                self.links.append(Link(line, match.group(1).strip()))


def parse_page(text: str) -> Page:
    """A page's anchors and links: from the scanner, or from html.parser when the scanner cannot read it."""
    page = _scan(text)
    return page if page is not None else _parse(text)


def _scan(text: str) -> Page | None:
    """The page from the fast scanner, or None at the first markup it does not recognise."""
    page, position, line, counted = Page(), 0, 1, 0
    while True:
        match = _NEXT_TAG.match(text, position)
        if match.group("tag") is None:
            return None if match.group("odd") else page
        start, position = match.start("tag"), match.end()
        line += text.count("\n", counted, start)
        counted, tag = start, match.group("name").lower()
        page.add_tag(tag, _attributes(match.group("attrs")), line)
        if tag in RAW_TEXT_END and not match.group("close"):
            end = RAW_TEXT_END[tag].search(text, position)
            if end is None:  # html.parser drops the rest of the page, and so do we
                return page
            position = end.end()


def _attributes(source: str) -> dict:
    """Attribute values as html.parser gives them: None without '=', quotes removed, entities decoded; last wins."""
    values = {}
    for name, raw in _ATTRIBUTE.findall(source):
        value = (raw[1:-1] if raw[0] in "\"'" else raw) if raw else None
        values[name.lower()] = unescape(value) if value and "&" in value else value
    return values


class _Parser(HTMLParser):
    """The reference reading: the scanner above must agree with it on every page it reads."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        self.page.add_tag(tag, dict(attrs), self.getpos()[0])


def _parse(text: str) -> Page:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page
