"""The accessibility gate: axe-core finds no WCAG 2.0/2.1 A or AA violation on any page type of the built site."""
from __future__ import annotations

import pytest

from accessibility import AXE_SCRIPT, PAGE_TYPES, describe, installed_version, pages_of, pinned_version, run_axe

CATALOG_FILTERED = "practices/?setting=jails&level=promising"
# Styles that pages may use but do not today: each kind of admonition, code, a search highlight, a keyboard
# key and our evidence-level badge, each with a link in running text.
STYLES = "".join(
    f'<div class="admonition {kind}"><p class="admonition-title">{kind}</p>'
    f'<p>Text with <code>code</code>, <mark>a highlight</mark>, <kbd>Tab</kbd>, <a href="#">a link</a> and '
    f'<span class="prss-level">Promising</span>.</p></div>'
    for kind in ("note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug",
                 "example", "quote"))


@pytest.fixture(scope="session")
def axe_installed():
    if installed_version() != pinned_version():
        pytest.fail(f"axe-core {pinned_version()} is not installed in {AXE_SCRIPT.parents[2]}; run `make axe`")


def violations_at(page, url: str) -> list[dict]:
    page.goto(url)
    return run_axe(page)["violations"]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_wcag_violations(kind, axe_installed, repo_site, site_url, page):
    pages = pages_of(repo_site, kind)
    assert pages, f"no built page of type {kind!r}: {PAGE_TYPES[kind]}"
    reports = [describe(rel, found) for rel in pages if (found := violations_at(page, site_url + rel))]
    assert not reports, f"{len(reports)} of {len(pages)} {kind} page(s) fail:\n" + "\n".join(reports)


def test_catalog_with_filters_active_has_no_wcag_violations(axe_installed, site_url, page):
    page.goto(site_url + CATALOG_FILTERED)
    page.wait_for_selector("#prss-catalog[data-ready=ready]")
    assert page.locator("#prss-catalog input[type=checkbox]:checked").count() == 2
    found = run_axe(page)["violations"]
    assert not found, describe(CATALOG_FILTERED, found)


def test_open_search_results_have_no_wcag_violations(axe_installed, site_url, page):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("peer")
    page.wait_for_selector(".md-search-result__item")
    found = run_axe(page)["violations"]
    assert not found, describe("search results for 'peer'", found)


def test_styles_pages_may_use_have_no_wcag_violations(axe_installed, site_url, page):
    page.goto(site_url)
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", STYLES)
    found = run_axe(page)["violations"]
    assert not found, describe("home with every admonition, code, mark, kbd and badge added", found)


def test_axe_catches_a_violation(axe_installed, site_url, page):
    """The gate can fail: an image without a text alternative, added to a real page, is reported."""
    page.goto(site_url)
    page.evaluate("document.querySelector('article').append(Object.assign(new Image(), {src: 'x.png'}))")
    assert [v["id"] for v in run_axe(page)["violations"]] == ["image-alt"]


def test_our_css_is_what_passes(axe_installed, site_url, page):
    """Without overrides/assets/prss.css, Material's own styles fail: links differ from text by colour alone."""
    page.goto(site_url)
    page.evaluate("document.querySelector('link[href$=\"assets/prss.css\"]').remove()")
    assert "link-in-text-block" in [v["id"] for v in run_axe(page)["violations"]]


def test_accessibility_page_names_the_axe_version_and_rule_count(axe_installed, site_url, page):
    page.goto(site_url + "accessibility/")
    results = run_axe(page)
    rules = {r["id"] for kind in ("passes", "violations", "incomplete", "inapplicable") for r in results[kind]}
    text = page.inner_text("article")
    assert f"axe-core {pinned_version()}" in text and f"all {len(rules)} of its rules" in text


def test_failure_report_names_rule_criterion_and_element():
    rule = {"id": "color-contrast", "impact": "serious", "tags": ["cat.color", "wcag2aa", "wcag143"],
            "help": "Elements must meet minimum color contrast ratio thresholds",
            "nodes": [{"target": [".md-search-result__meta"], "failureSummary": "Fix any of the following:\n  4.41:1"}]}
    assert describe("search", [rule]).splitlines() == [
        "search: 1 rule(s) violated",
        "  color-contrast (serious; WCAG 1.4.3): Elements must meet minimum color contrast ratio thresholds",
        "    .md-search-result__meta: Fix any of the following: 4.41:1"]
