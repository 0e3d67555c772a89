"""The compare view: /compare/?p=<slug>&p=<slug> shows two to four practices side by side.

The page (docs/compare/index.md) holds the table's row headings, one evidence badge per level for the script to
clone, and how to compare without JavaScript. overrides/assets/prss-compare.js fills the columns from one small
file per practice, so a phone downloads only what it compares:

    data/compare/<slug>.json   {"slug", "title", "href", "level", "cells": {row key: [item, ...]}}
                               or, for a retired practice, {"slug", "title", "retired": item}
    data/compare/index.json    {"practices": [[slug, title], ...]}: the picker's titles, current practices only

An item is a list of runs; a run is text, or [text, href] with href relative to the site root. Every word the
table shows is chosen here: the script only lays the runs out. A renamed practice's file is written at each
old slug too (holding the current slug), so a shared compare address keeps working.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from prss.model import CITATION, Library, Practice
from prss.profile_fields import IMPLEMENTATION_FIELDS
from prss.render.jinja import environment
from prss.render.profile import badges

PAGE_PATH = "compare/index.md"
DATA_DIR = "data/compare"
MOST = 4  # columns that fit side by side on a page, and on paper
MOST_WORD = "four"
NOT_REPORTED = "Not reported in our sources"

Run = str | list[str]  # text, or [text, href]
Item = list[Run]


@dataclass(frozen=True)
class Row:
    key: str  # the cells' key in the JSON files
    label: str  # the row heading


ROWS = (
    Row("evidence", "Evidence"),
    Row("populations", "Who it serves"),
    Row("intercepts", "Intercepts"),
    Row("settings", "Settings"),
    Row("components", "Key components"),
    *(Row(f"what-it-takes-{f.name}", f"What it takes: {f.label}") for f in IMPLEMENTATION_FIELDS),
    Row("mentors", "Mentor sites"),
    Row("reviewed", "Last reviewed"),
    Row("page", "Practice page"),
)


def produce_compare(library: Library, site) -> dict[str, str]:
    """The compare page, the picker's index and one JSON file per practice slug (aliases and retired ones too)."""
    files = {PAGE_PATH: compare_page(library),
             f"{DATA_DIR}/index.json": _json({"practices": [[p.slug, p.title] for p in
                                                            sorted(library.practices, key=lambda p: p.title.lower())]})}
    names = Names(library)
    for p in library.practices + library.retired:
        data = _json(retired_record(library, p) if p.retired else practice_record(names, p))
        for slug in (p.slug,) + p.aliases:
            files[f"{DATA_DIR}/{slug}.json"] = data
    return files


def compare_page(library: Library) -> str:
    levels = badges(library)
    return environment().get_template("compare.md.j2").render(
        rows=ROWS, badges=[levels[lv.id] for lv in library.levels], most=MOST, most_word=MOST_WORD)


class Names:
    """The library's intercept and setting names and mentor sites by id, looked up once for every practice."""

    def __init__(self, library: Library):
        self.intercepts = {i.id: i.name for i in library.intercepts}
        self.settings = {s.id: s.name for s in library.settings}
        self.mentors = {m.slug: m for m in library.mentors}


def practice_record(names: Names, p: Practice) -> dict:
    return {"slug": p.slug, "title": p.title, "href": f"practices/{p.slug}/", "level": p.evidence.level,
            "cells": practice_cells(names, p)}


def practice_cells(names: Names, p: Practice) -> dict[str, list[Item]]:
    """Each row's items for one practice, worded as its page words them."""
    intercepts, settings, mentors = names.intercepts, names.settings, names.mentors
    given = dict(p.implementation)
    cells: dict[str, list[Item]] = {
        "evidence": [[p.evidence.basis]],
        "populations": [[c] for c in p.populations] or [[NOT_REPORTED]],
        "intercepts": [[[f"Intercept {n}: {intercepts[n]}", f"intercepts/{n}/"]] for n in p.intercepts]
        or [["Cross-cutting: applies at every intercept"]],
        "settings": [[[settings[s], f"settings/{s}/"]] for s in p.settings],
        "components": [[c] for c in p.components],
    }
    for f in IMPLEMENTATION_FIELDS:
        cells[f"what-it-takes-{f.name}"] = [cited(item, p.slug) for item in given.get(f.name, ())] or [[NOT_REPORTED]]
    cells["mentors"] = [[[mentors[m].name, f"mentors/{m}/"], f", {mentors[m].city}, {mentors[m].state}"]
                        for m in p.mentors] or [["No PRSSMI mentor site runs it in our sources"]]
    cells["reviewed"] = [[f"Evidence last reviewed {p.last_reviewed.isoformat()}"],
                         [f"Page last updated {p.updated.isoformat()}"]]
    cells["page"] = [[[p.title, f"practices/{p.slug}/"]]]
    return cells


def cited(text: str, slug: str) -> Item:
    """An item of "What it takes" as runs, each [n] linked to the n-th reference on the practice's page."""
    parts = CITATION.split(text)  # text, number, text, number, ..., text
    return [[f"[{part}]", f"practices/{slug}/#ref-{part}"] if n % 2 else part for n, part in enumerate(parts) if part]


def retired_record(library: Library, p: Practice) -> dict:
    """What the page says of a retired practice instead of showing a column: when, why, and what replaced it."""
    assert p.retired is not None
    titles = {q.slug: q.title for q in library.practices}
    note: Item = [[p.title, f"practices/{p.slug}/"], f" was retired on {p.retired.date.isoformat()}: {p.retired.reason}"]
    if p.retired.replaced_by in titles:
        note += [" Replaced by ", [titles[p.retired.replaced_by], f"practices/{p.retired.replaced_by}/"], "."]
    return {"slug": p.slug, "title": p.title, "retired": note}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
