"""Profiles in Chromium: the badge in every list and in search results at desktop and phone sizes, title, badge and
summary on a phone's first screen, one-click copies of APA, BibTeX and RIS, the home search box, and axe on the new
page parts and states."""
import re

import pytest

from accessibility import AXE_SCRIPT, describe, installed_version, pinned_version, run_axe
from browser import serve
from conftest import REPO, make_root
from prss.cli.build import main as build
from prss.config import read_site
from prss.content.library import load_library
from prss.render.cite import citation

LIBRARY = load_library(REPO).library
SITE = read_site(REPO)
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
BADGE = re.compile(r"^(Evidence: )?\S.* · [1-6] of 6$")
MENTOR = next(m for m in LIBRARY.mentors if LIBRARY.practices_where("mentors", m.slug))
# Each list the badge must appear on: a page, and the list's items on it.
LISTS = {"catalog": ("practices/", "#prss-catalog li"), "browse": ("settings/jails/", "#practices + ul li"),
         "mentor": (f"mentors/{MENTOR.slug}/", "#practices + ul li"),
         "related": (f"practices/{LIBRARY.practices[0].slug}/", "#related + ul li")}


@pytest.fixture(params=VIEWPORTS, ids=list(VIEWPORTS))
def sized(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", LISTS)
def test_every_list_item_shows_its_badge(kind, site_url, sized):
    path, items = LISTS[kind]
    sized.goto(site_url + path)
    rows = sized.locator(items)
    assert rows.count() > 0
    for n in range(rows.count()):
        badge = rows.nth(n).locator(".prss-badge-compact")
        assert BADGE.match(" ".join(badge.text_content().split())), f"{kind} item {n}"  # off-screen: not laid out
    box, width = rows.first.locator(".prss-badge-compact").bounding_box(), sized.viewport_size["width"]
    assert box["width"] > 0 and box["x"] + box["width"] <= width  # seen, not cut off


def test_search_result_opens_with_the_badge(site_url, sized):
    practice = LIBRARY.practices[-1]
    sized.goto(site_url + "?q=" + practice.title.split("(")[0].strip())  # Material opens its search with ?q=
    first = sized.locator(".md-search-result__item").first
    first.wait_for()
    assert re.search(r"[1-6] of 6 on our evidence scale", first.inner_text())


@pytest.mark.parametrize("p", LIBRARY.practices, ids=lambda p: p.slug)
def test_title_badge_and_summary_fit_a_phone_screen(p, site_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    tab = context.new_page()
    tab.goto(site_url + f"practices/{p.slug}/")
    summary = tab.locator("article .prss-badge + p").bounding_box()  # the summary
    context.close()
    assert summary["y"] + summary["height"] <= VIEWPORTS["phone"]["height"]


@pytest.mark.parametrize("tab, expected", [
    ("APA", lambda c, files: c.apa),
    ("BibTeX", lambda c, files: (files / c.bib).read_text(encoding="utf-8")),
    ("RIS", lambda c, files: (files / c.ris).read_bytes().decode("utf-8")),
])
def test_copy_button_puts_the_full_text_on_the_clipboard(tab, expected, repo_site, site_url, page):
    p = LIBRARY.practices[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + f"practices/{p.slug}/")
    page.get_by_role("tab", name=tab).click()
    page.get_by_role("button", name=f"Copy {tab}").click()
    page.get_by_role("tabpanel").get_by_role("button", name="Copied").wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == expected(citation(p, SITE), repo_site)


def test_cite_tabs_follow_the_arrow_keys(site_url, page):
    page.goto(site_url + f"practices/{LIBRARY.practices[0].slug}/")
    page.get_by_role("tab", name="APA").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent") == "BibTeX"
    assert page.get_by_role("tabpanel").locator("code").inner_text().startswith("@misc{")


def test_home_search_box_opens_search_with_results(site_url, page):
    page.goto(site_url)
    page.get_by_label("Search practices, settings and mentor sites").fill("naloxone")
    page.keyboard.press("Enter")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search__input").input_value() == "naloxone"


@pytest.fixture(scope="session")
def axe_installed():
    if installed_version() != pinned_version():
        pytest.fail(f"axe-core {pinned_version()} is not installed in {AXE_SCRIPT.parents[2]}; run `make axe`")


@pytest.fixture(scope="module")
def profile_url(tmp_path_factory):
    """The fixture library, whose pages have every profile part (contacts, a contact block), served."""
    root = make_root(tmp_path_factory.mktemp("profile-site"))
    assert build([str(root)]) == 0
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize("path, state", [
    ("practices/ed-peer-recovery-coaching/", "RIS"), ("practices/ed-peer-recovery-coaching/", "BibTeX"),
    ("practices/quick-response-teams/", ""), ("mentors/project-fort/", ""), ("?q=peer", "")])
def test_new_page_parts_have_no_wcag_violations(path, state, axe_installed, profile_url, sized):
    sized.goto(profile_url + path)
    if state:
        sized.get_by_role("tab", name=state).click()
    if "?q=" in path:
        sized.locator(".md-search-result__item").first.wait_for()
    found = run_axe(sized)["violations"]
    assert not found, describe(f"{path} {state}", found)
