"""site/feed.xml: an Atom feed of practices added, re-reviewed or retired, dated from front matter only.

Each review is its own entry (its id names the review date), so a feed reader shows a re-reviewed
practice again. No build-time clock is read: the same content always gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from prss.config import Site
from prss.model import Library, Practice

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: dt.date
    url: str
    summary: str


def _tag(site: Site, day: dt.date, specific: str) -> str:
    """A tag: URI (RFC 4151), permanent and unique for one event on one page."""
    return f"tag:{urlsplit(site.url).hostname or 'localhost'},{day.isoformat()}:{specific}"


def entry(p: Practice, site: Site) -> Entry:
    url = site.permalink(f"practices/{p.slug}/")
    if p.retired:
        reason = f"Retired {p.retired.date.isoformat()}: {p.retired.reason}"
        return Entry(_tag(site, p.retired.date, f"practices/{p.slug}/retired"), f"Retired: {p.title}",
                     p.retired.date, url, reason)
    dates = f"Evidence last reviewed {p.last_reviewed.isoformat()}; page last updated {p.updated.isoformat()}."
    return Entry(_tag(site, p.last_reviewed, f"practices/{p.slug}/reviewed"), p.title,
                 max(p.last_reviewed, p.updated), url, f"{p.summary} {dates}")


def entries(library: Library, site: Site) -> list[Entry]:
    """The newest LIMIT entries, newest first; ties in slug order so the output never varies."""
    found = [entry(p, site) for p in library.practices + library.retired]
    return sorted(found, key=lambda e: (-e.updated.toordinal(), e.url))[:LIMIT]


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, name: str, text: str = "", **attrs) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
    child.text = text or None
    return child


def atom(library: Library, site: Site) -> str:
    items = entries(library, site)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", site.permalink("feed.xml"))
    _add(feed, "title", f"{site.name}: practices added, re-reviewed or retired")
    _add(feed, "updated", _timestamp(items[0].updated if items else dt.date(1970, 1, 1)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=site.permalink("feed.xml"))
    _add(feed, "link", rel="alternate", type="text/html", href=site.permalink("practices/"))
    _add(_add(feed, "author"), "name", site.name)
    for e in items:
        node = _add(feed, "entry")
        _add(node, "id", e.id)
        _add(node, "title", e.title)
        _add(node, "updated", _timestamp(e.updated))
        _add(node, "link", rel="alternate", type="text/html", href=e.url)
        _add(node, "summary", e.summary)
    ET.indent(feed)
    ET.register_namespace("", ATOM)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def render_feed(library: Library, site: Site) -> dict[str, str]:
    return {"feed.xml": atom(library, site)}
