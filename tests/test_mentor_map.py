"""The offline mentor map on /mentors/: decoding TopoJSON, one linked mark per mentor, keyboard use."""
import dataclasses

import pytest

from conftest import make_root
from prss.content.library import load_library
from prss.render.mentor_map import _ring, decode_arcs, mentor_map, path_data

TOPOLOGY = {"transform": {"scale": [0.5, 2], "translate": [10, 20]}, "arcs": [[[0, 0], [2, 0], [0, 3]], [[4, 3], [-4, -3]]]}


@pytest.fixture(scope="module")
def library(repo_site):
    return load_library(repo_site.parent).library


@pytest.mark.parametrize("indexes, ring", [
    ([0], [(10, 20), (11, 20), (11, 26)]),
    ([0, 1], [(10, 20), (11, 20), (11, 26), (10, 20)]),
    ([~1], [(10, 20), (12, 26)]),
])
def test_arcs_decode_and_join_into_rings(indexes, ring):
    assert _ring(decode_arcs(TOPOLOGY), indexes) == ring


def test_path_data_is_compact_and_relative():
    assert path_data([[(10, 20), (11, 20), (11, 26)], [(5, 5), (3, 9)]]) == "M10 20l1 0 0 6zM5 5l-2 4z"


def test_a_site_outside_the_map_is_listed_not_marked(tmp_path):
    fixture = load_library(make_root(tmp_path)).library
    mentor = dataclasses.replace(fixture.mentors[0], slug="island-recovery", state="PR")
    drawn = mentor_map(dataclasses.replace(fixture, mentors=fixture.mentors + (mentor,)))
    assert [k.slug for k in drawn.marks] == [fixture.mentors[0].slug] and drawn.off_map == ("island-recovery",)


def test_each_mark_links_to_its_mentor_profile(page, site_url, library):
    page.goto(site_url + "mentors/")
    marks = page.locator(".prss-map-mark").evaluate_all(
        "els => els.map(a => [a.getAttribute('aria-label'), new URL(a.href.baseVal, location.href).pathname])")
    expected = [[f"{m.name}, {m.city}, {m.state}", f"/mentors/{m.slug}/"] for m in library.mentors]
    assert marks == expected


def test_a_mark_opens_its_profile_from_the_keyboard(page, site_url, library):
    mentor = library.mentors[-1]
    page.goto(site_url + "mentors/")
    page.focus(f".prss-map-mark[aria-label^='{mentor.name[:20]}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/mentors/{mentor.slug}/")
    assert page.title().startswith(mentor.name)


def test_the_marks_are_in_the_tab_order_and_the_list_is_the_text_alternative(page, site_url, library):
    page.goto(site_url + "mentors/")
    assert page.locator(".prss-map-mark").evaluate_all("els => els.map(a => a.tabIndex)") == [0] * len(library.mentors)
    listed = page.locator("#list ~ ul a").evaluate_all("els => els.map(a => a.pathname)")
    assert listed == [f"/mentors/{m.slug}/" for m in library.mentors]
