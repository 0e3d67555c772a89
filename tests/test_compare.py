"""The compare view's files (render/compare.py): the page, the picker's index, and one JSON file per practice slug
whose cells say what the practice's own page says."""
import dataclasses
import datetime as dt
import json

import pytest

from conftest import REPO
from prss.content.library import load_library
from prss.model import Retired
from prss.render.compare import NOT_REPORTED, ROWS, produce_compare


@pytest.fixture(scope="module")
def library():
    return load_library(REPO).library


def text(item) -> str:
    """An item's runs as the reader sees them."""
    return "".join(run if isinstance(run, str) else run[0] for run in item)


def record(library, slug) -> dict:
    return json.loads(produce_compare(library, None)[f"data/compare/{slug}.json"])


def test_every_practice_has_its_file_and_the_index_lists_every_title(library):
    files = produce_compare(library, None)
    index = json.loads(files["data/compare/index.json"])["practices"]
    assert sorted(index) == sorted([p.slug, p.title] for p in library.practices)
    assert all(f"data/compare/{p.slug}.json" in files for p in library.practices)


def test_cells_hold_the_practice_fields(library):
    p = next(p for p in library.practices if p.mentors and p.populations and p.implementation)
    cells = record(library, p.slug)["cells"]
    assert [text(i) for i in cells["evidence"]] == [p.evidence.basis]
    assert [text(i) for i in cells["populations"]] == list(p.populations)
    assert [text(i) for i in cells["components"]] == list(p.components)
    names = {s.id: s.name for s in library.settings}
    assert [text(i) for i in cells["settings"]] == [names[s] for s in p.settings]
    for part, items in p.implementation:
        assert [text(i) for i in cells[f"what-it-takes-{part}"]] == list(items)
    assert [i[0][1] for i in cells["mentors"]] == [f"mentors/{m}/" for m in p.mentors]
    assert [text(i) for i in cells["reviewed"]][0] == f"Evidence last reviewed {p.last_reviewed.isoformat()}"


def test_every_row_has_a_cell_and_unreported_parts_say_so(library):
    p = next(p for p in library.practices if len(p.implementation) < 9)
    cells = record(library, p.slug)["cells"]
    assert set(cells) == {row.key for row in ROWS}
    given = dict(p.implementation)
    missing = [row.key for row in ROWS if row.key.startswith("what-it-takes-") and row.key[14:] not in given]
    assert missing and all(cells[key] == [[NOT_REPORTED]] for key in missing)


def test_citations_link_the_reference_on_the_practice_page(library):
    p = next(p for p in library.practices if p.implementation)
    items = record(library, p.slug)["cells"][f"what-it-takes-{p.implementation[0][0]}"]
    links = [run for item in items for run in item if not isinstance(run, str)]
    assert links and all(href.startswith(f"practices/{p.slug}/#ref-") and text == f"[{href.rsplit('-', 1)[1]}]"
                         for text, href in links)


def test_an_old_slug_holds_the_current_practice(library):
    p = library.practices[0]
    renamed = dataclasses.replace(library, practices=(dataclasses.replace(p, aliases=("an-old-name",)),
                                                      *library.practices[1:]))
    assert record(renamed, "an-old-name") == record(renamed, p.slug) and record(renamed, "an-old-name")["slug"] == p.slug


def test_a_retired_practice_says_when_why_and_what_replaced_it(library):
    gone, kept = library.practices[0], library.practices[1]
    retired = dataclasses.replace(gone, retired=Retired(dt.date(2026, 5, 1), kept.slug, "Merged."))
    changed = dataclasses.replace(library, practices=library.practices[1:], retired=(retired,))
    assert text(record(changed, gone.slug)["retired"]) == (
        f"{gone.title} was retired on 2026-05-01: Merged. Replaced by {kept.title}.")
    assert gone.slug not in [slug for slug, _ in json.loads(produce_compare(changed, None)["data/compare/index.json"])["practices"]]


def test_the_page_has_each_row_heading_each_badge_and_the_way_without_javascript(library):
    page = produce_compare(library, None)["compare/index.md"]
    assert all(f'<tr data-row="{row.key}"><th scope="row">{row.label}</th></tr>' in page for row in ROWS)
    assert all(f"prss-level-{lv.id}" in page for lv in library.levels)
    assert "exclude: true" in page and "[Open data](../data/index.md)" in page and "practices.csv" in page
