"""The anchors and URLs of one HTML page, read as a browser reads it, for the link check (verify/links.py).

selectolax's HTML5 parser (lexbor) does the reading: comments, <script> and <style> raw text, entities,
names in any case, and a repeated attribute keeping its first value, all as in a browser. It gives no
line numbers, so a broken link is reported by its page and URL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

# Which attributes of which tags hold a URL the site must serve.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"), "script": ("src",),
    "iframe": ("src",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "embed": ("src",), "object": ("data",), "form": ("action",),
}
# <link rel> values that name another site (or the page itself) rather than a file we must have.
EXTERNAL_RELS = {"preconnect", "dns-prefetch"}
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
# Every element that can hold an anchor or a URL: the parser finds them, Python reads only these.
WANTED = ", ".join(["[id]", "a[name]", "map[name]", "meta[http-equiv]",
                    *(f"{tag}[{attr}]" for tag, attrs in URL_ATTRIBUTES.items() for attr in attrs)])


@dataclass
class Page:
    """A page's anchors (ids, and names of <a> and <map>) and the URLs it refers to, in document order."""
    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)

    def add_tag(self, tag: str, values: dict) -> None:
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
                self.links += [c.split()[0].strip() for c in value.split(",") if c.strip()]
            else:
                self.links.append(value.strip())
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH_URL.search(values.get("content") or "")
            if match:
                self.links.append(match.group(1).strip())


def parse_page(text: str) -> Page:
    """A page's anchors and links."""
    page, seen = Page(), set()
    for node in LexborHTMLParser(text).css(WANTED):
        if node.mem_id not in seen:  # an element matching two of the selectors comes twice
            seen.add(node.mem_id)
            page.add_tag(node.tag or "", node.attributes)
    return page
