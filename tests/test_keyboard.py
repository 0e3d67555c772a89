"""Keyboard use in the browser: the skip link, search, every catalog filter and the mentor map work without a mouse."""
from __future__ import annotations

import pytest

from accessibility import pages_of, reached, tab_through, tab_to
from browser import open_catalog

# The catalog's controls a desktop shows: the text box, sort, the chosen view, minimum evidence, each group's summary
# and the check-boxes of the open groups, and each card's compare box (the sheet's buttons are for phones).
FILTERS = ("#prss-catalog-text, #prss-catalog-sort, #prss-catalog input[name=view]:checked, #prss-catalog-min, "
           "#prss-catalog summary, #prss-catalog details[open] input, #prss-catalog .prss-catalog-compare-box")
MAP_LINKS = ".prss-map a"
# An SVG link may name its target in xlink:href.
HREF = """() => { const a = document.activeElement;
  const href = a.getAttribute("href") ?? a.getAttributeNS("http://www.w3.org/1999/xlink", "href");
  return new URL(href, location.href).href; }"""


def not_working(controls: list[dict]) -> list[str]:
    """The controls that Tab never reached or whose focus did not show."""
    return [f"{c['control']} reached={c['reached']} focus shown={c['shown']}"
            for c in controls if not (c["reached"] and c["shown"])]


@pytest.mark.parametrize("kind", ["home", "catalog", "practice", "mentor", "objective", "browse", "mentor map"])
def test_first_tab_shows_skip_link_to_the_page_title(kind, repo_site, site_url, page):
    page.goto(site_url + pages_of(repo_site, kind)[0])
    page.keyboard.press("Tab")
    assert page.locator("a.md-skip:focus").inner_text().strip() == "Skip to content"
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")  # hidden until focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#" + page.locator("article h1").get_attribute("id")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null"), "Tab after the skip left the content"


def test_search_opens_with_slash_and_a_result_opens_with_enter(site_url, page):
    page.goto(site_url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("jail")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


@pytest.mark.parametrize("path", ["", "practices/", "practices/ed-peer-recovery-coaching/"])
def test_the_search_dialog_has_a_name_a_screen_reader_announces(site_url, page, path):
    page.goto(site_url + path)
    page.wait_for_function("document.querySelector('.md-search').getAttribute('aria-label')")
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    dialogs = [n.get("name", {}).get("value") for n in tree if n.get("role", {}).get("value") == "dialog"]
    assert dialogs == ["Search the library"]


def test_search_box_is_reached_by_tab(site_url, page):
    page.goto(site_url)
    assert tab_to(page, ".md-search__input", limit=5)




def test_every_catalog_filter_is_reached_by_tab_with_visible_focus(site_url, page):
    open_catalog(page, site_url)
    tab_through(page)
    controls = reached(page, FILTERS)
    assert len(controls) > 10 and not not_working(controls), "\n".join(not_working(controls))


def test_catalog_filters_work_with_space_and_enter(site_url, page):
    open_catalog(page, site_url)
    assert tab_to(page, "#prss-catalog input[name=setting][value=jails]")
    page.keyboard.press("Space")
    page.wait_for_url("**/practices/?setting=jails")
    assert "Showing" in page.inner_text(".prss-catalog-status") and " of " in page.inner_text(".prss-catalog-status")
    assert tab_to(page, ".prss-catalog-clear")
    page.keyboard.press("Enter")
    assert page.locator("#prss-catalog input[type=checkbox]:checked").count() == 0 and "?" not in page.url


def test_catalog_words_filter_works_by_typing(site_url, page):
    open_catalog(page, site_url)
    assert tab_to(page, "#prss-catalog-text")
    page.keyboard.type("jail")
    page.wait_for_url("**/practices/?q=jail")
    assert " of " in page.inner_text(".prss-catalog-status")


def test_every_map_link_is_reached_by_tab_with_visible_focus(repo_site, site_url, page):
    page.goto(site_url + pages_of(repo_site, "mentor map")[0])
    tab_through(page)
    links = reached(page, MAP_LINKS)
    assert page.locator(".prss-map-mark").count() > 0 and not not_working(links), "\n".join(not_working(links))


def test_map_link_opens_its_mentor_page_with_enter(site_url, page):
    page.goto(site_url + "mentors/")
    assert tab_to(page, ".prss-map-mark")
    target = page.evaluate(HREF)
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("article h1").count() == 1
