"""The practice catalog (/practices/): the page's filter form and result cards, and its data, docs/data/catalog.json.

The page is complete without JavaScript: `catalog_view` works out every facet value, count, label and card, in
the default order (strongest evidence first, then title), and the templates (practices_index.md.j2,
_catalog_filters.md.j2, _catalog_cards.md.j2) only print them. The script (overrides/assets/prss-catalog.js)
enhances that markup: it filters, sorts and switches the view by toggling and reordering the cards it finds, and
reads each practice's field values from catalog.json, never from the HTML. catalog.json holds:

    {"facets": [{"key": URL parameter, "label": legend, "values": [{"id", "name", "words"?}]}, ...],
     "practices": [[slug, [value indexes of facet 0], [... of facet 1], ...], ...],
     "synonyms": [[term, word, ...], ...]}   (content/synonyms.yml, lower case: any word of a group matches all)

Indexes instead of repeated ids keep the file small at a thousand practices.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from prss.model import ALL_SETTINGS, Library, Practice

DATA_PATH = "data/catalog.json"
SCRIPT_PATHS = tuple(f"assets/prss-catalog{part}.js" for part in ("-text", "-state", "-sheet", "-compare", ""))  # overrides/assets/
CROSS_CUTTING = "cross-cutting"  # the intercept value of practices with `intercepts: []`
LONG = 12  # a facet with more values than this starts collapsed (mentor sites, in a large library)
SORTS = (("evidence", "Evidence strength"), ("title", "Title (A to Z)"), ("reviewed", "Last reviewed (newest first)"))
VIEWS = (("list", "List"), ("table", "Table"))


@dataclass(frozen=True)
class Option:
    """One value of a facet: its id in the URL, its name and how many practices have it."""
    id: str
    name: str
    count: int


@dataclass(frozen=True)
class Facet:
    """A group of check-boxes; choosing several values of one group shows practices with any of them."""
    key: str  # its URL parameter
    label: str
    options: tuple[Option, ...]
    open: bool  # the group starts expanded
    note: str = ""  # a line under the legend, when a value needs explaining


@dataclass(frozen=True)
class Card:
    """One practice as the catalog lists it (a card, or a row of the table view)."""
    slug: str
    title: str
    summary: str
    level: str  # its evidence level id, the key of the `badges` lookup
    reviewed: str  # last_reviewed, YYYY-MM-DD
    settings: str  # names, comma-separated
    intercepts: str
    mentors: str  # "" when no mentor site runs it


@dataclass(frozen=True)
class Catalog:
    """Everything the catalog page prints."""
    total: int
    facets: tuple[Facet, ...]
    levels: tuple[Option, ...]  # the minimum-evidence choices, strongest first; count = practices at or above
    sorts: tuple[tuple[str, str], ...]
    views: tuple[tuple[str, str], ...]
    cards: tuple[Card, ...]  # in the default order


def produce_catalog(library: Library, site) -> dict[str, str]:
    data = json.dumps(catalog_data(library), ensure_ascii=False, separators=(",", ":"))
    return {DATA_PATH: data + "\n"}


def catalog_data(library: Library) -> dict:
    facets = _facets(library)
    index = [{value["id"]: n for n, value in enumerate(facet["values"])} for facet in facets]
    practices = [[p.slug] + [sorted(lookup[v] for v in _values(p, facet["key"]))
                             for facet, lookup in zip(facets, index, strict=True)]
                 for p in library.practices]
    return {"facets": facets, "practices": practices, "synonyms": [list(s.group()) for s in library.synonyms]}


def catalog_view(library: Library) -> Catalog:
    facets = tuple(_facet(library, facet) for facet in _facets(library))
    rank = {lv.id: n for n, lv in enumerate(library.levels)}  # content/evidence-levels.yml: strongest first
    at_least, levels = 0, []
    for lv in library.levels:
        at_least += len(library.practices_at_level(lv.id))
        levels.append(Option(lv.id, lv.name, at_least))
    ordered = sorted(library.practices, key=lambda p: (rank[p.evidence.level], p.title.casefold(), p.slug))
    settings, mentors = {s.id: s.name for s in library.settings}, {m.slug: m.name for m in library.mentors}
    return Catalog(len(library.practices), facets, tuple(levels), SORTS, VIEWS,
                   tuple(_card(p, settings, mentors) for p in ordered))


def _facet(library: Library, facet: dict) -> Facet:
    counts: dict[str, int] = {}
    for p in library.practices:
        for v in _values(p, facet["key"]):
            counts[v] = counts.get(v, 0) + 1
    options = tuple(Option(v["id"], v["name"], counts.get(v["id"], 0)) for v in facet["values"])
    note = ""
    if facet["key"] == "setting" and any(o.id == ALL_SETTINGS for o in options):
        name = next(o.name for o in options if o.id == ALL_SETTINGS)
        note = f"Practices for every setting are listed only under “{name}”, not under each setting."
    return Facet(facet["key"], facet["label"], options, len(options) <= LONG, note)


def _card(p: Practice, settings: dict[str, str], mentors: dict[str, str]) -> Card:
    intercepts = ", ".join(str(i) for i in p.intercepts) if p.intercepts else "Cross-cutting"
    return Card(p.slug, p.title, p.summary, p.evidence.level, p.last_reviewed.isoformat(),
                ", ".join(settings[s] for s in p.settings), intercepts, ", ".join(mentors[m] for m in p.mentors))


def _facets(library: Library) -> list[dict]:
    intercepts = [{"id": str(i.id), "name": f"{i.id}: {i.name}"} for i in library.intercepts]
    return [
        {"key": "objective", "label": "Objective", "values": [{"id": o.id, "name": o.name} for o in library.objectives]},
        {"key": "intercept", "label": "Sequential Intercept Model",
         "values": intercepts + [{"id": CROSS_CUTTING, "name": "Cross-cutting (every intercept)"}]},
        {"key": "setting", "label": "Setting",
         "values": [{"id": s.id, "name": s.name, "words": " ".join(s.keywords)} for s in library.settings]},
        {"key": "level", "label": "Evidence level", "values": [{"id": lv.id, "name": lv.name} for lv in library.levels]},
        {"key": "mentor", "label": "Mentor site",
         "values": [{"id": m.slug, "name": f"{m.name} ({m.state})"} for m in library.mentors]},
    ]


def _values(p: Practice, key: str) -> tuple[str, ...]:
    if key == "intercept":
        return tuple(str(i) for i in p.intercepts) or (CROSS_CUTTING,)
    if key == "level":
        return (p.evidence.level,)
    return {"objective": p.objectives, "setting": p.settings, "mentor": p.mentors}[key]
