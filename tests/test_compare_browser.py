"""The compare view (/compare/?p=<slug>&p=<slug>) in Chromium, over the real library: the table, the messages, the
picker, Back, the page without JavaScript, print on A4 and Letter, layout shift and axe."""
import io
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

from accessibility import describe, run_axe
from browser import wait_steady
from prss.content.library import load_library

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
NOT_REPORTED = "Not reported in our sources"
# Layout shifts without recent input since the page started, as Chromium reports them.
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(total), 300)));
})"""


@pytest.fixture(scope="module")
def library(repo_site):
    return load_library(repo_site.parent).library


@pytest.fixture(scope="module")
def pair(library):
    """Two practices that differ where it shows: one with mentor sites, one without; some What it takes unreported."""
    first = next(p for p in library.practices if p.mentors and len(p.implementation) < 9)
    second = next(p for p in library.practices if not p.mentors and p is not first)
    return first, second


@pytest.fixture(params=SIZES)
def sized(request, browser):
    context = browser.new_context(viewport=SIZES[request.param])
    yield context.new_page()
    context.close()

# The practices' titles heading the compare table, in order (what Back must restore).
HEADINGS = "Array.from(document.querySelectorAll('#prss-compare[data-ready=ready] thead th a'), a => a.innerText)"

def open_compare(page, site_url, *slugs):
    page.goto(site_url + "compare/" + ("?" + "&".join(f"p={s}" for s in slugs) if slugs else ""))
    page.wait_for_selector("#prss-compare[data-ready=ready]")


def expected(library, p) -> dict[str, list[str]]:
    """What each row shows for p, from its content file (worded as its practice page words it)."""
    intercepts = {i.id: i.name for i in library.intercepts}
    settings = {s.id: s.name for s in library.settings}
    mentors = {m.slug: m.name for m in library.mentors}
    given = dict(p.implementation)
    rows = {"evidence": [{lv.id: lv.name for lv in library.levels}[p.evidence.level], p.evidence.basis],
            "populations": list(p.populations) or [NOT_REPORTED],
            "intercepts": [f"Intercept {n}: {intercepts[n]}" for n in p.intercepts] or ["Cross-cutting"],
            "settings": [settings[s] for s in p.settings], "components": list(p.components),
            "mentors": [mentors[m] for m in p.mentors] or ["No PRSSMI mentor site runs it"],
            "reviewed": [p.last_reviewed.isoformat(), p.updated.isoformat()], "page": [p.title]}
    for part in ("staffing", "training", "supervision", "duration", "cost", "funding", "tools", "measures", "partners"):
        rows[f"what-it-takes-{part}"] = list(given.get(part, [NOT_REPORTED]))
    return rows


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_table_shows_each_rows_values_from_the_content(sized, site_url, library, pair):
    open_compare(sized, site_url, pair[0].slug, pair[1].slug)
    heads = sized.locator("thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in heads] == [pair[0].title, pair[1].title]  # columns in URL order
    for row, values in expected(library, pair[0]).items():
        cells = [flat(c) for c in sized.locator(f"tr[data-row={row}] td").all_inner_texts()]
        assert all(flat(v) in cells[0] for v in values), (row, values, cells[0])
        assert all(flat(v) in cells[1] for v in expected(library, pair[1])[row]), (row, cells[1])
    page_links = sized.locator("tr[data-row=page] a").evaluate_all("els => els.map(a => a.pathname)")
    assert page_links == [f"/practices/{p.slug}/" for p in pair]
    assert sized.inner_text("[role=status]") == "Comparing 2 practices."


def test_an_unknown_practice_is_named_and_one_alone_asks_for_more(page, site_url, pair):
    open_compare(page, site_url, pair[0].slug, "no-such-practice")
    assert page.inner_text(".prss-compare-problems") == "No practice called 'no-such-practice'."
    assert "add at least one more" in page.inner_text("[role=status]")
    assert page.locator("thead th").count() == 1
    open_compare(page, site_url, "../data/catalog")
    assert page.inner_text(".prss-compare-problems") == "No practice called '../data/catalog'."
    assert page.locator(".prss-compare-scroll").is_hidden()


def test_the_picker_finds_a_title_by_a_synonym(page, site_url, library, pair):
    title_word, other, practice = synonym_case(library)
    open_compare(page, site_url, pair[1].slug)
    page.fill("#prss-compare-add", other)
    page.click(f"#prss-compare-matches button[data-slug={practice.slug}]")
    page.wait_for_selector(f"thead th >> text={practice.title}")
    assert parse_qs(urlsplit(page.url).query) == {"p": [pair[1].slug, practice.slug]}, title_word


def synonym_case(library):
    """A word of a synonym group that a practice title holds, another word of that group, and the practice."""
    for group in (s.group() for s in library.synonyms):
        for p in library.practices:
            title = f" {re.sub(r'[^a-z0-9]+', ' ', p.title.lower())} "
            inside = [w for w in group if f" {w} " in title]
            others = [w for w in group if w not in title and re.fullmatch(r"[a-z]+", w)]
            if inside and others:
                return inside[0], others[0], p
    pytest.fail("no practice title holds a synonym")


def test_adding_and_removing_are_history_entries_that_back_restores(page, site_url, library, pair):
    third = next(p for p in library.practices if p not in pair)
    open_compare(page, site_url, *(p.slug for p in pair))
    page.fill("#prss-compare-add", third.title)
    page.click(f"#prss-compare-matches button[data-slug={third.slug}]")
    page.wait_for_selector("#prss-compare[data-ready=ready] table[data-columns='3']")
    page.click(f"button[data-slug={pair[0].slug}]")  # Remove
    page.wait_for_selector("#prss-compare[data-ready=ready] table[data-columns='2']")
    assert parse_qs(urlsplit(page.url).query) == {"p": [pair[1].slug, third.slug]}
    page.go_back()
    wait_steady(page, HEADINGS, [pair[0].title, pair[1].title, third.title])
    page.go_back()
    wait_steady(page, HEADINGS, [pair[0].title, pair[1].title])


def test_without_javascript_the_page_says_how_to_compare(browser, site_url, pair):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + f"compare/?p={pair[0].slug}&p={pair[1].slug}")
    text = page.locator(".prss-compare-nojs")
    assert text.is_visible() and "Without JavaScript" in text.inner_text()
    links = text.locator("a").evaluate_all("els => els.map(a => a.pathname)")
    assert "/data/" in links and "/practices/" in links
    assert page.locator("#prss-compare").is_hidden()
    context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_table_prints_whole_on_a4_and_letter(page, site_url, library, paper):
    four = library.practices[:4]
    open_compare(page, site_url, *(p.slug for p in four))
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    printed = "".join("".join(pg.extract_text() or "" for pg in pdf.pages).split())
    assert all("".join(p.title.split()) in printed for p in four)  # every column's title
    assert all(f"Pagelastupdated{p.updated.isoformat()}" in printed for p in four)  # the right end of every cell
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794 if paper == "A4" else 816, "height": 1100})  # the paper's width
    overflow = page.evaluate("""() => [...document.querySelectorAll('.prss-compare-table :is(th, td)')]
        .filter(c => c.scrollWidth > c.clientWidth + 1).length + (document.querySelector('.prss-compare-table')
        .getBoundingClientRect().right > document.querySelector('article').getBoundingClientRect().right + 1)""")
    assert overflow == 0


def test_filling_the_table_shifts_no_layout(sized, site_url, pair):
    open_compare(sized, site_url, pair[0].slug, pair[1].slug)
    shift = sized.evaluate(CLS)
    assert shift < 0.1, shift


def test_the_compare_view_has_no_wcag_violations(page, site_url, pair):
    open_compare(page, site_url, pair[0].slug, pair[1].slug, "no-such-practice")
    page.fill("#prss-compare-add", "peer")
    page.wait_for_selector("#prss-compare-matches button")
    found = run_axe(page)["violations"]
    assert not found, describe("compare with two practices, an unknown one and open matches", found)


def test_the_page_is_in_neither_the_nav_nor_search(repo_site):
    index = json.loads((repo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("compare/")]
    assert 'href="compare/"' not in (repo_site / "index.html").read_text(encoding="utf-8")



def test_in_the_offline_copy_the_view_steps_aside_for_the_text(page, offline_bundle):
    """The offline copy opens pages from file://, where the browser refuses fetch(): the text says what to do."""
    page.goto((offline_bundle / "compare" / "index.html").as_uri() + "?p=ed-peer-recovery-coaching&p=quick-response-teams")
    page.wait_for_selector("#prss-compare[data-ready=offline]", state="attached")
    assert page.locator("#prss-compare").is_hidden() and page.locator(".prss-compare-nojs").is_visible()
    assert "offline copy" in page.inner_text(".prss-compare-nojs")
