"""The practice catalog's layout and tools in Chromium, on the real library: results first on a desktop and after the
filter sheet on a phone, chips, sort, table view, minimum evidence, the text box, compare, and a page that holds
still while the script starts."""
from urllib.parse import parse_qs, urlsplit

import pytest

from accessibility import describe, installed_version, pinned_version, run_axe
from browser import CATALOG_CARDS, open_catalog, shown_cards
from prss.content.library import load_library

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
WATCH_SHIFTS = """window.prssShift = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.prssShift += e.value; })
  .observe({type: "layout-shift", buffered: true});"""
# The area a pointer can hit for each visible control: its label when it has one.
TARGETS = """() => Array.from(document.querySelectorAll(
    "#prss-catalog :is(input, select, button, summary, a.md-button)")).filter(el => el.getClientRects().length)
  .map(el => { const r = (el.closest("label") || el).getBoundingClientRect();
               return [el.outerHTML.slice(0, 80), Math.round(r.width), Math.round(r.height)]; })"""


@pytest.fixture(scope="module")
def library(repo_site):
    return load_library(repo_site.parent).library


@pytest.fixture(scope="module")
def axe_installed():
    if installed_version() != pinned_version():
        pytest.fail(f"axe-core {pinned_version()} is not installed; run `make axe`")


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()




def query(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def words_at_start(text: str, words) -> bool:
    padded = " " + "".join(c if c.isalnum() else " " for c in text.lower())
    return any(" " + w in padded for w in words)


def test_first_result_is_visible_without_scrolling_on_a_desktop(desktop, site_url):
    open_catalog(desktop, site_url)
    assert in_view(desktop, desktop.locator(f"{CATALOG_CARDS} .prss-card-link").first)
    assert desktop.locator(".prss-catalog-filters").is_visible() and not desktop.locator(".prss-catalog-open").is_visible()


def test_phone_filters_open_in_a_sheet_and_show_n_returns_to_the_first_result(phone, site_url, library):
    open_catalog(phone, site_url)
    assert not phone.locator(".prss-catalog-filters").is_visible()
    phone.tap(".prss-catalog-open")
    jails = {p.slug for p in library.practices_where("settings", "jails")}
    phone.tap("label:has(input[name=setting][value=jails])")
    show = phone.locator(".prss-catalog-show")
    assert show.inner_text() == f"Show {len(jails)} practices" and in_view(phone, show)
    show.tap()
    assert not phone.locator(".prss-catalog-filters").is_visible() and set(shown_cards(phone)) == jails
    assert in_view(phone, phone.locator(f"{CATALOG_CARDS}:visible .prss-card-link").first)
    assert phone.inner_text(".prss-catalog-open") == "Filters (1)"


def test_escape_closes_the_sheet_and_returns_to_the_filters_button(phone, site_url):
    open_catalog(phone, site_url)
    phone.tap(".prss-catalog-open")
    assert phone.evaluate("document.activeElement.matches('.prss-catalog-close')")
    phone.keyboard.press("Escape")
    assert not phone.locator(".prss-catalog-filters").is_visible()
    assert phone.evaluate("document.activeElement.matches('.prss-catalog-open')")


def test_a_chip_removes_its_filter(desktop, site_url):
    open_catalog(desktop, site_url, "?setting=jails&min_level=promising")
    chips = desktop.locator(".prss-catalog-chips li button")
    assert chips.all_inner_texts() == ["Setting: Jails ×", "At least: Promising ×"]
    chips.first.click()
    assert query(desktop) == {"min_level": ["promising"]} and not desktop.is_checked("input[name=setting][value=jails]")
    assert desktop.locator(".prss-catalog-chips li button").all_inner_texts() == ["At least: Promising ×"]


def test_minimum_evidence_shows_that_level_and_stronger(desktop, site_url, library):
    open_catalog(desktop, site_url, "?min_level=promising")
    strong = {lv.id for lv in library.levels[:[lv.id for lv in library.levels].index("promising") + 1]}
    assert set(shown_cards(desktop)) == {p.slug for p in library.practices if p.evidence.level in strong}
    assert desktop.input_value("#prss-catalog-min") == "promising"


def test_sort_by_title_and_by_review_date(desktop, site_url, library):
    titles = {p.slug: p.title for p in library.practices}
    open_catalog(desktop, site_url, "?sort=title")
    assert [titles[s] for s in shown_cards(desktop)] == sorted(titles.values(), key=str.casefold)
    desktop.select_option("#prss-catalog-sort", "reviewed")
    reviewed = {p.slug: p.last_reviewed for p in library.practices}
    dates = [reviewed[s] for s in shown_cards(desktop)]
    assert dates == sorted(dates, reverse=True) and query(desktop) == {"sort": ["reviewed"]}


def test_table_view_shows_columns_and_hides_summaries(desktop, site_url):
    open_catalog(desktop, site_url, "?view=table")
    assert desktop.is_checked("input[name=view][value=table]") and desktop.locator(".prss-table-head").is_visible()
    assert not desktop.locator(".prss-card-summary").first.is_visible()
    desktop.check("input[name=view][value=list]")
    assert desktop.locator(".prss-card-summary").first.is_visible() and query(desktop) == {}


def test_back_restores_sort_view_minimum_and_words(desktop, site_url):
    open_catalog(desktop, site_url, "?q=peer")
    desktop.select_option("#prss-catalog-sort", "title")
    desktop.select_option("#prss-catalog-min", "supported")
    desktop.check("input[name=view][value=table]")
    assert query(desktop) == {"q": ["peer"], "sort": ["title"], "min_level": ["supported"], "view": ["table"]}
    desktop.go_back()
    desktop.wait_for_selector("#prss-catalog[data-ready=ready][data-view=list]")
    desktop.go_back()
    desktop.wait_for_function("document.getElementById('prss-catalog-min').value === ''")
    assert desktop.input_value("#prss-catalog-sort") == "title" and desktop.input_value("#prss-catalog-text") == "peer"
    desktop.go_back()
    desktop.wait_for_function("document.getElementById('prss-catalog-sort').value === 'evidence'")
    assert query(desktop) == {"q": ["peer"]}


def test_text_box_finds_any_word_with_title_matches_first(desktop, site_url, library):
    words = ("recovery", "coach", "jail")
    open_catalog(desktop, site_url)
    desktop.fill("#prss-catalog-text", " ".join(words))
    in_title = {p.slug for p in library.practices if words_at_start(p.title, words)}
    groups = [s.group() for s in library.synonyms if any(" " + w in " " + " ".join(words) for w in s.group())]
    first = [p for p in library.practices if words_at_start(p.title, words + tuple(w for g in groups for w in g))]
    found = shown_cards(desktop)
    assert in_title and in_title <= set(found[:len(first)])
    assert {p.slug for p in library.practices if words_at_start(p.summary, words)} <= set(found)
    assert query(desktop) == {"q": ["recovery coach jail"]}


def test_text_box_uses_the_synonyms(desktop, site_url, library):
    open_catalog(desktop, site_url, "?q=Narcan")
    naloxone = {p.slug for p in library.practices if "naloxone" in (p.title + " " + p.summary).lower()}
    assert naloxone and naloxone <= set(shown_cards(desktop))


def test_q_in_the_address_fills_the_text_box_not_materials_search(desktop, site_url):
    open_catalog(desktop, site_url, "?q=jail")
    assert desktop.input_value("#prss-catalog-text") == "jail" and query(desktop) == {"q": ["jail"]}
    assert not desktop.is_checked("[data-md-toggle=search]")


def test_compare_boxes_build_the_compare_address(desktop, site_url):
    open_catalog(desktop, site_url)
    slugs = shown_cards(desktop)[:5]
    for slug in slugs[:4]:
        desktop.check(f".prss-catalog-compare-box[value={slug}]")
    desktop.click(f".prss-catalog-compare-box[value={slugs[4]}]")  # a fifth is refused
    link = desktop.locator(".prss-catalog-compare-link")
    assert link.inner_text() == "Compare 4 practices" and not desktop.is_checked(f".prss-catalog-compare-box[value={slugs[4]}]")
    href = urlsplit(link.get_attribute("href"))
    assert href.path == "/compare/" and parse_qs(href.query) == {"p": slugs[:4]}


@pytest.mark.parametrize("path", ["practices/", "", "practices/peer-worker-supervision/"])
def test_the_page_holds_still_while_it_loads(desktop, site_url, path):
    desktop.add_init_script(WATCH_SHIFTS)
    desktop.goto(site_url + path)
    if path == "practices/":
        desktop.wait_for_selector("#prss-catalog[data-ready=ready]")
    desktop.wait_for_timeout(500)
    assert desktop.evaluate("window.prssShift") < 0.1


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_control_is_at_least_24_pixels_square(request, site_url, size):
    page = request.getfixturevalue(size)
    open_catalog(page, site_url)
    if size == "phone":
        page.tap(".prss-catalog-open")
    small = [t for t in page.evaluate(TARGETS) if t[1] < 24 or t[2] < 24]
    assert not small, small


def test_no_wcag_violations_with_the_sheet_open(axe_installed, phone, site_url):
    open_catalog(phone, site_url, "?setting=jails")
    phone.tap(".prss-catalog-open")
    found = run_axe(phone)["violations"]
    assert not found, describe("catalog, filter sheet open", found)


def test_no_wcag_violations_in_table_view(axe_installed, desktop, site_url):
    open_catalog(desktop, site_url, "?view=table")
    desktop.check(".prss-catalog-compare-box >> nth=0")
    found = run_axe(desktop)["violations"]
    assert not found, describe("catalog, table view", found)
