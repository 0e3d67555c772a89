"""The practice catalog (/practices/): its page and data from the library, and its facet filters over the real
library in Chromium, state in the URL. (Layout, sort, views, text, compare: test_catalog_browser.py.)"""
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from browser import open_catalog, shown_cards
from prss.config import read_site
from prss.content.library import load_library
from prss.render.catalog import catalog_view


@pytest.fixture(scope="module")
def library(repo_site):
    return load_library(repo_site.parent).library


@pytest.fixture(scope="module")
def choice(library):
    """A setting, and an intercept that narrows it further without emptying it, chosen from the data."""
    for s in sorted(library.settings, key=lambda s: -len(library.practices_where("settings", s.id))):
        in_setting = slugs(library.practices_where("settings", s.id))
        for i in library.intercepts:
            both = in_setting & slugs(library.practices_where("intercepts", i.id))
            if both and both != in_setting:
                return s.id, str(i.id), in_setting, both
    pytest.fail("the library has no setting and intercept that narrow each other")


def slugs(practices) -> set[str]:
    return {p.slug for p in practices}


def shown(page) -> set[str]:
    return set(shown_cards(page))


def query(page) -> dict:
    return parse_qs(urlsplit(page.evaluate("location.href")).query)


def test_choosing_filters_narrows_the_list_and_updates_the_url(page, site_url, choice, library):
    setting, intercept, in_setting, both = choice
    open_catalog(page, site_url)
    page.check(f"input[name=setting][value={setting}]")
    assert shown(page) == in_setting
    page.check(f"input[name=intercept][value='{intercept}']")
    assert shown(page) == both and query(page) == {"setting": [setting], "intercept": [intercept]}
    assert page.inner_text(".prss-catalog-status") == f"Showing {len(both)} of {len(library.practices)} practices"


def test_a_filter_url_restores_the_same_list(page, site_url, choice):
    setting, intercept, _, both = choice
    open_catalog(page, site_url, f"?setting={setting}&intercept={intercept}")
    assert shown(page) == both
    assert page.is_checked(f"input[name=setting][value={setting}]")


def test_clearing_filters_restores_everything(page, site_url, choice, library):
    open_catalog(page, site_url, f"?setting={choice[0]}&q=peer")
    page.click("text=Clear filters")
    assert shown(page) == slugs(library.practices) and query(page) == {}
    assert page.input_value("#prss-catalog-text") == ""


def test_back_restores_the_previous_filters(page, site_url, choice, library):
    setting, intercept, in_setting, _ = choice
    open_catalog(page, site_url)
    page.check(f"input[name=setting][value={setting}]")
    page.check(f"input[name=intercept][value='{intercept}']")
    page.wait_for_url(f"**intercept={intercept}*")
    page.evaluate("document.getElementById('prss-catalog').dataset.before = 'back'")
    page.go_back()  # the first Back after a full load: Material re-renders the page, the script re-attaches
    page.wait_for_selector("#prss-catalog[data-ready=ready]:not([data-before])")
    assert shown(page) == in_setting and query(page) == {"setting": [setting]}
    page.go_back()
    expect(page.locator("#prss-catalog .prss-cards > li:visible")).to_have_count(len(library.practices))
    assert shown(page) == slugs(library.practices) and query(page) == {}


def test_text_filter_matches_setting_search_words(page, site_url, library):
    setting = max(library.settings, key=lambda s: len(library.practices_where("settings", s.id)))
    open_catalog(page, site_url)
    page.fill("#prss-catalog-text", setting.keywords[0])
    assert slugs(library.practices_where("settings", setting.id)) <= shown(page)
    assert query(page) == {"q": [setting.keywords[0]]}


def label_text(page, name: str, value: str) -> str:
    return " ".join(page.locator("label", has=page.locator(f"input[name={name}][value='{value}']")).text_content().split())


@pytest.mark.parametrize("javascript", [True, False])
def test_each_facet_value_shows_its_count(browser, site_url, library, javascript):
    """The counts are in the page itself, and the script, once ready, writes the same ones."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + "practices/")
    if javascript:
        page.wait_for_selector("#prss-catalog[data-ready=ready]")
    for o in library.objectives:
        assert label_text(page, "objective", o.id) == f"{o.name} ({len(library.practices_where('objectives', o.id))})"
    for m in library.mentors:
        assert label_text(page, "mentor", m.slug).endswith(f"({len(library.practices_where('mentors', m.slug))})")
    context.close()


def local_sitemap(page, repo_site, site_url):
    """Material navigates instantly only to its sitemap's URLs; point them at the test server (it has a port)."""
    published = read_site(repo_site.parent).url
    page.route("**/sitemap.xml", lambda route: route.fulfill(
        response=route.fetch(), body=route.fetch().text().replace(published, site_url)))


def test_filters_work_after_instant_navigation(page, repo_site, site_url, choice):
    local_sitemap(page, repo_site, site_url)
    page.goto(site_url, wait_until="networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("window.notReloaded = true")
    page.click(".md-nav__link[href$='practices/']")
    page.wait_for_selector("#prss-catalog[data-ready=ready]")
    page.check(f"input[name=setting][value={choice[0]}]")
    assert shown(page) == choice[2] and page.evaluate("window.notReloaded") is True


def test_without_javascript_the_full_list_shows(browser, site_url, library):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "practices/")
    assert shown(page) == slugs(library.practices) and not page.locator(".prss-catalog-filters").is_visible()
    assert not page.locator(".prss-catalog-bar").is_visible() and not page.locator(".prss-catalog-compare-box").first.is_visible()
    assert all(page.get_by_text(p.summary.split(".")[0]).count() for p in library.practices)
    context.close()


def test_filter_data_matches_every_practice_field(repo_site, library):
    data = json.loads((repo_site / "data" / "catalog.json").read_text(encoding="utf-8"))
    rows = {row[0]: row[1:] for row in data["practices"]}
    assert set(rows) == slugs(library.practices)
    for p in library.practices:
        found = [{facet["values"][v]["id"] for v in row} for facet, row in zip(data["facets"], rows[p.slug], strict=False)]
        assert found == [set(p.objectives), {str(i) for i in p.intercepts} or {"cross-cutting"}, set(p.settings),
                         {p.evidence.level}, set(p.mentors)], p.slug


def test_the_page_lists_strongest_evidence_first_then_title(library):
    rank = {lv.id: n for n, lv in enumerate(library.levels)}
    cards = catalog_view(library).cards
    assert {c.slug for c in cards} == slugs(library.practices)
    keys = [(rank[c.level], c.title.casefold()) for c in cards]
    assert keys == sorted(keys)


def test_minimum_evidence_counts_practices_at_or_above_each_level(library):
    levels = catalog_view(library).levels
    assert [o.id for o in levels] == [lv.id for lv in library.levels]
    for n, option in enumerate(levels):
        assert option.count == sum(len(library.practices_at_level(lv.id)) for lv in library.levels[:n + 1])
