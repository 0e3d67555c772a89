"""The mentor map on /mentors/ in Chromium, on a desktop (1366x900) and a phone (390x844): numbered marks that are
links big enough to touch, the setting filter (map and list narrow, the URL keeps the choice, Back restores it),
the full map and list without JavaScript, no layout shift, and no axe violation."""
import pytest

from accessibility import describe, installed_version, pinned_version, run_axe
from browser import wait_steady
from conftest import REPO
from prss.content.library import load_library

LIBRARY = load_library(REPO).library
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
MIN_TARGET = 24  # CSS px, WCAG 2.2 SC 2.5.8 Target Size (Minimum)
# Shown marks and list items as (link path, number shown), in page order.
SHOWN_MARKS = """els => els.filter(a => a.getBoundingClientRect().width > 0).map(a =>
  [new URL(a.href.baseVal, location.href).pathname, a.querySelector('text').textContent])"""
SHOWN_ITEMS = """els => els.filter(li => li.getBoundingClientRect().height > 0).map(li =>
  [li.querySelector('a').pathname, (li.querySelector('.prss-map-key') || {}).textContent])"""
# The filter's value, and what the map and the list show (as SHOWN_MARKS and SHOWN_ITEMS list them).
FILTERED = f"""[document.querySelector('#prss-map-setting').value,
  ({SHOWN_ITEMS})(Array.from(document.querySelectorAll('#prss-map-list > ul > li'))),
  ({SHOWN_MARKS})(Array.from(document.querySelectorAll('.prss-map-mark')))]"""
# Each mark's circle: its size, and whether a tap at its centre lands on that mark rather than another.
TARGETS = """els => els.map(c => { const r = c.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return [r.width, r.height, hit !== null && hit.closest('a') === c.closest('a')]; })"""
CLS = """window.prssShift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.prssShift += e.value; }).observe({type: 'layout-shift', buffered: true});"""
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(prssShift))))"


@pytest.fixture(params=VIEWPORTS.values(), ids=VIEWPORTS.keys())
def tab(browser, request):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


def open_map(tab, site_url: str, query: str = ""):
    tab.goto(site_url + "mentors/" + query)
    tab.wait_for_selector("#prss-map-setting:enabled")


def expected(setting: str = "") -> list[list[str]]:
    return [[f"/mentors/{m.slug}/", str(n)] for n, m in enumerate(LIBRARY.mentors, start=1)
            if not setting or setting in m.settings]


def test_each_mark_shows_the_number_its_site_has_in_the_list(tab, site_url):
    open_map(tab, site_url)
    assert tab.locator(".prss-map-mark").evaluate_all(SHOWN_MARKS) == expected()
    assert tab.locator("#prss-map-list > ul > li").evaluate_all(SHOWN_ITEMS) == expected()
    assert all(number.bounding_box()["width"] > 0 for number in tab.locator(".prss-map-mark text").all())


def test_every_mark_is_a_target_of_at_least_24_px_that_no_other_covers(tab, site_url):
    open_map(tab, site_url)
    targets = tab.locator(".prss-map-mark circle").evaluate_all(TARGETS)
    assert len(targets) == len(LIBRARY.mentors)
    assert all(w >= MIN_TARGET and h >= MIN_TARGET and own for w, h, own in targets), targets


def test_each_mark_is_a_link_named_for_its_site(page, site_url):
    """As Chromium's accessibility tree exposes it to screen readers (an SVG link is no link to get_by_role)."""
    page.goto(site_url + "mentors/")
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    links = [(n["name"]["value"], {p["name"]: p["value"].get("value") for p in n.get("properties", [])}.get("url"))
             for n in tree if n.get("role", {}).get("value") == "link"]
    wanted = [(f"{m.name}, {m.city}, {m.state}", f"{site_url}mentors/{m.slug}/") for m in LIBRARY.mentors]
    assert [link for link in links if link in wanted] == wanted


def test_the_marks_are_in_the_tab_order_and_one_opens_its_profile_with_enter(page, site_url):
    mentor = LIBRARY.mentors[-1]
    page.goto(site_url + "mentors/")
    assert page.locator(".prss-map-mark").evaluate_all("els => els.map(a => a.tabIndex)") == [0] * len(LIBRARY.mentors)
    page.focus(f".prss-map-mark[aria-label^='{mentor.name[:20]}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/mentors/{mentor.slug}/")
    assert page.title().startswith(mentor.name)


def test_a_setting_narrows_map_and_list_and_back_restores_each_view(tab, site_url):
    open_map(tab, site_url)
    for setting in ("prisons", "jails"):
        tab.select_option("#prss-map-setting", setting)
        tab.wait_for_url(f"**/mentors/?setting={setting}")
        assert tab.locator(".prss-map-mark").evaluate_all(SHOWN_MARKS) == expected(setting) != expected()
        assert tab.locator("#prss-map-list > ul > li").evaluate_all(SHOWN_ITEMS) == expected(setting)
    tab.go_back()  # Material's instant navigation may re-render the page first: wait for the list, then compare
    wait_steady(tab, FILTERED, ["prisons", expected("prisons"), expected("prisons")])
    tab.go_back()
    wait_steady(tab, FILTERED, ["", expected(), expected()])


def test_a_shared_link_opens_the_filtered_view(page, site_url):
    open_map(page, site_url, "?setting=reentry")
    assert page.input_value("#prss-map-setting") == "reentry"
    assert page.locator("#prss-map-list > ul > li").evaluate_all(SHOWN_ITEMS) == expected("reentry")
    shown = len(expected("reentry"))
    assert page.inner_text("#prss-map-status") == f"Showing {shown} of {len(LIBRARY.mentors)} mentor sites."


def test_without_javascript_the_whole_map_and_list_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "mentors/?setting=prisons")
    assert tab.locator(".prss-map-mark").evaluate_all(SHOWN_MARKS) == expected()
    assert tab.locator("#prss-map-list > ul > li").evaluate_all(SHOWN_ITEMS) == expected()
    assert tab.locator("#prss-map-list li li").count() == sum(len(LIBRARY.practices_where("mentors", m.slug))
                                                                for m in LIBRARY.mentors)
    assert tab.is_disabled("#prss-map-setting")
    context.close()


@pytest.mark.parametrize("query", ["", "?setting=prisons"])
def test_the_page_does_not_shift_as_the_filter_starts(tab, site_url, query):
    tab.add_init_script(CLS)
    open_map(tab, site_url, query)
    assert tab.evaluate(SETTLED) < 0.1


@pytest.mark.parametrize("query", ["", "?setting=jails"])
def test_the_map_page_has_no_wcag_violations(tab, site_url, query):
    assert installed_version() == pinned_version(), f"axe-core {pinned_version()} is not installed; run `make axe`"
    open_map(tab, site_url, query)
    found = run_axe(tab)["violations"]
    assert not found, describe("mentors/" + query, found)
