"""The catalog's filter data: docs/data/catalog.json.

The script (overrides/assets/prss-catalog.js) enhances the server-rendered list on /practices/: it reads the JSON,
never the HTML, for each practice's field values. catalog.json holds:

    {"facets": [{"key": URL parameter, "label": legend, "values": [{"id", "name", "words"?}]}, ...],
     "practices": [[slug, [value indexes of facet 0], [... of facet 1], ...], ...],
     "synonyms": [[term, word, ...], ...]}   (content/synonyms.yml, lower case: any word of a group matches all)

Indexes instead of repeated ids keep the file small at a thousand practices.
"""
from __future__ import annotations

import json

from prss.model import Library, Practice

DATA_PATH = "data/catalog.json"
SCRIPT_PATH = "assets/prss-catalog.js"  # from overrides/assets/
CROSS_CUTTING = "cross-cutting"  # the intercept value of practices with `intercepts: []`


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
