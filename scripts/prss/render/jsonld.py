"""Metadata for machines: schema.org JSON-LD for practice and mentor pages.

The JSON travels in the page's front matter (`jsonld:`) and overrides/main.html writes it into a
<script> element unchanged, so it is made safe here: <, > and & become \\u escapes, which no HTML
parser reads as markup, so no field can close the element.
"""
from __future__ import annotations

import json

from prss.config import Site
from prss.model import Library, Mentor, Practice

HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_HTML_SAFE_TABLE = str.maketrans(HTML_SAFE)  # one pass in C (bench: 1,300 pages' JSON-LD)


def script_json(data) -> str:
    """JSON that can sit inside <script type="application/ld+json"> whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_HTML_SAFE_TABLE)


def _identifiers(r) -> dict:
    """A source's DOI and PubMed id: as identifiers, and their addresses as the same work's other addresses."""
    ids = [("DOI", r.doi, r.doi_url), ("PMID", r.pmid, r.pmid_url)]
    found = [(name, value, url) for name, value, url in ids if value]
    if not found:
        return {}
    same = [url for _, _, url in found if url != r.url]
    return {"identifier": [{"@type": "PropertyValue", "propertyID": name, "value": value} for name, value, _ in found],
            **({"sameAs": same} if same else {})}


def _references(item) -> list[dict]:
    return [{"@type": "CreativeWork", "name": r.title, "url": r.url,
             **({"author": r.authors} if r.authors else {}), **({"publisher": r.publisher} if r.publisher else {}),
             **({"datePublished": str(r.year)} if r.year != "n.d." else {}), **_identifiers(r)} for r in item.references]


def _page(item, site: Site, section: str, kind: str) -> dict:
    url = site.permalink(f"{section}/{item.slug}/")
    return {"@context": "https://schema.org", "@type": kind, "@id": url, "url": url, "name": item.title,
            "description": item.summary, "dateModified": item.updated.isoformat(),
            "lastReviewed": item.last_reviewed.isoformat(), "inLanguage": "en",
            "isPartOf": {"@type": "WebSite", "name": site.name, "url": site.url},
            "publisher": {"@type": "Organization", "name": site.name, "url": site.url},
            "citation": _references(item)}


def keywords(p: Practice, library: Library) -> tuple[str, ...]:
    """A practice's keywords for machines: the names of its objectives and settings, as readers know them."""
    names = {o.id: o.name for o in library.objectives} | {s.id: s.name for s in library.settings}
    return tuple(names[key] for key in p.objectives + p.settings)


def practice_jsonld(p: Practice, site: Site, words: tuple[str, ...] = ()) -> dict:
    data = _page(p, site, "practices", "WebPage")  # no `about`: a Thing with the page's own name and description
    if words:
        data["keywords"] = list(words)
    if p.retired:
        data["expires"] = p.retired.date.isoformat()
    return data


def mentor_jsonld(m: Mentor, site: Site) -> dict:
    data = _page(m, site, "mentors", "ProfilePage")
    data["mainEntity"] = {"@type": "Organization", "name": m.name, "url": m.website, "description": m.summary,
                          "address": {"@type": "PostalAddress", "addressLocality": m.city,
                                      "addressRegion": m.state, "addressCountry": "US"}}
    return data


def jsonld(item: Practice | Mentor, site: Site, words: tuple[str, ...] = ()) -> str:
    """The template filter: `jsonld: {{ p|jsonld(site, keywords)|yaml_text }}` in a page's front matter;
    `words` are the practice's `keywords`."""
    return script_json(practice_jsonld(item, site, words) if isinstance(item, Practice) else mentor_jsonld(item, site))
