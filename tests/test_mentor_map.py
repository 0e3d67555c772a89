"""The offline mentor map on /mentors/, as rendered into docs/: decoding TopoJSON, numbered marks that never
overlap, the setting filter's choices, and the list of sites with the practices derived from the practices'
`mentors` lists. tests/test_map_browser.py checks the same page in Chromium."""
import dataclasses
import html
import itertools
import math
import re

import pytest

from conftest import REPO, make_root
from prss.config import read_site
from prss.content.library import load_library
from prss.pdf.edition import Edition
from prss.render.mentor_map import _ring, decode_arcs, mentor_map, path_data, place_marks
from prss.render.pages import render_pages

TOPOLOGY = {"transform": {"scale": [0.5, 2], "translate": [10, 20]}, "arcs": [[[0, 0], [2, 0], [0, 3]], [[4, 3], [-4, -3]]]}
LIBRARY = load_library(REPO).library
MAP = mentor_map(LIBRARY)


@pytest.fixture(scope="module")
def index_page() -> str:
    return render_pages(LIBRARY, read_site(REPO))["mentors/index.md"]


@pytest.mark.parametrize("indexes, ring", [
    ([0], [(10, 20), (11, 20), (11, 26)]),
    ([0, 1], [(10, 20), (11, 20), (11, 26), (10, 20)]),
    ([~1], [(10, 20), (12, 26)]),
])
def test_arcs_decode_and_join_into_rings(indexes, ring):
    assert _ring(decode_arcs(TOPOLOGY), indexes) == ring


def test_path_data_is_compact_and_relative():
    assert path_data([[(10, 20), (11, 20), (11, 26)], [(5, 5), (3, 9)]]) == "M10 20l1 0 0 6zM5 5l-2 4z"


BOUNDS = (5, 5, 195, 195)


@pytest.mark.parametrize("homes, bounds, placed", [
    ([(100, 100)], BOUNDS, [(100, 100)]),  # a lone mark stays in its state
    ([(100, 100), (150, 100)], BOUNDS, [(100, 100), (150, 100)]),  # far enough apart: both stay
    ([(100, 100), (100, 100)], BOUNDS, [(100, 100), (111, 100)]),  # one state, two sites: the second moves east
    ([(195, 100), (195, 100)], BOUNDS, [(195, 100), (195, 111)]),  # not east, outside the bounds: south
    ([(5, 5), (5, 5)], (5, 5, 5, 5), [(5, 5), (5, 5)]),  # no room at all: left where it overlaps, not dropped
])
def test_marks_that_would_overlap_move_aside(homes, bounds, placed):
    assert place_marks(homes, 10, bounds) == placed


def test_no_two_marks_of_the_library_overlap_and_each_stays_on_the_map():
    apart = [math.dist((a.x, a.y), (b.x, b.y)) for a, b in itertools.combinations(MAP.marks, 2)]
    assert min(apart) >= 2 * MAP.radius
    assert all(MAP.radius <= k.x <= MAP.width - MAP.radius and MAP.radius <= k.y <= MAP.height - MAP.radius
               for k in MAP.marks)


def test_marks_are_numbered_in_the_order_of_the_list():
    assert [(k.number, k.slug) for k in MAP.marks] == [(n, m.slug) for n, m in enumerate(LIBRARY.mentors, start=1)]
    assert [s.number for s in MAP.sites] == [k.number for k in MAP.marks]


def test_a_site_outside_the_map_is_listed_not_marked(tmp_path):
    fixture = load_library(make_root(tmp_path)).library
    mentor = dataclasses.replace(fixture.mentors[0], slug="island-recovery", state="PR")
    drawn = mentor_map(dataclasses.replace(fixture, mentors=(mentor,) + fixture.mentors))
    assert [k.slug for k in drawn.marks] == [fixture.mentors[0].slug] and drawn.off_map == ("island-recovery",)
    assert [(s.mentor.slug, s.number) for s in drawn.sites] == [("island-recovery", None), (fixture.mentors[0].slug, 1)]


def test_filter_offers_each_setting_some_site_works_in_with_its_count():
    expected = [(s.id, sum(s.id in m.settings for m in LIBRARY.mentors)) for s in LIBRARY.settings]
    assert [(s.id, n) for s, n in MAP.choices] == [(i, n) for i, n in expected if n]


def test_each_site_lists_the_practices_that_name_it_with_their_badge():
    for site in MAP.sites:
        named = [p for p in LIBRARY.practices if site.mentor.slug in p.mentors]
        assert [(p, b.level) for p, b in site.practices] == [(p, p.evidence.level) for p in named]


def test_filter_is_rendered_disabled_with_one_option_per_setting(index_page):
    select = re.search(r'<select id="prss-map-setting" name="setting"[^>]*>(.*?)</select>', index_page, re.S)
    assert select and select.group(0).split(">")[0].endswith("disabled")
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', select.group(1))
    assert options == [("", f"All settings ({len(LIBRARY.mentors)} sites)")] + [
        (s.id, f"{s.name} ({n} site{'s' if n != 1 else ''})") for s, n in MAP.choices]


def test_each_mark_shows_its_number_and_carries_its_settings(index_page):
    marks = re.findall(r'<a class="prss-map-mark" xlink:href="([^"]+)/" aria-label="[^"]+" data-settings="([^"]*)">'
                       r'.*?<text [^>]*>(\d+)</text></a>', index_page)
    assert marks == [(m.slug, " ".join(m.settings), str(n)) for n, m in enumerate(LIBRARY.mentors, start=1)]


def test_each_listed_site_shows_its_number_settings_and_practices_with_badges(index_page):
    items = index_page[index_page.index('<div id="prss-map-list"'):].split("\n- ")[1:]
    assert len(items) == len(MAP.sites)
    for site, item in zip(MAP.sites, items, strict=True):
        assert item.startswith(f'<span class="prss-map-key" aria-hidden="true">{site.number}</span> [')
        assert f'](../mentors/{site.mentor.slug}.md){{ data-settings="{" ".join(site.mentor.settings)}" }}' in item
        badged = re.findall(r'\]\(\.\./practices/([^)]+)\.md\) <span class="prss-badge prss-badge-compact '
                            r'prss-level-([a-z-]+)">', item)
        assert badged == [(p.slug, b.level) for p, b in site.practices]


def test_print_leaves_out_the_filter_and_the_map_but_lists_each_site_with_its_practices():
    printed = Edition(LIBRARY, read_site(REPO)).section("mentors/index.md", set(), 0).html
    assert "<form" not in printed and "<svg" not in printed
    assert all(html.escape(m.name, quote=False) in printed for m in LIBRARY.mentors)
    assert printed.count("prss-badge-compact") == sum(len(s.practices) for s in MAP.sites)
