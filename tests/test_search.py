"""Material's search over the real library: practices' fields are searchable, setting words rank tagged
practices first, results show the summary, and boilerplate stays out of the index."""
import html
import re

import pytest

from prss.content.library import load_library
from prss.render.search import index_entries
from prss.tools.figures import index_figures

SETTING_WORDS = ["jail", "probation", "emergency department", "reentry"]
EXCLUDED = ("#references", "#cite", "#related", "#evidence")


@pytest.fixture(scope="module")
def library(repo_site):
    return load_library(repo_site.parent).library


def search(page, site_url, words: str) -> list[str]:
    """Type into Material's search box; return the result pages' paths, best first."""
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_text("Type to start searching").wait_for()  # the index is loaded
    page.fill(".md-search__input", words)
    page.keyboard.press("End")  # Material searches on key events; one key, so the results are for all the words
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.pathname)")
    return [h.strip("/") for h in hrefs]


def tagged_with(library, word: str) -> set[str]:
    settings = {s.id for s in library.settings if word in [k.lower() for k in s.keywords] + [s.name.lower()]}
    return {p.slug for p in library.practices if settings & set(p.settings)}


def test_typing_a_title_finds_the_practice_with_its_summary(page, site_url, library):
    practice = library.practices[-1]
    assert search(page, site_url, practice.title.split("(")[0].strip())[0] == f"practices/{practice.slug}"
    teaser = " ".join(page.locator(".md-search-result__item").first.inner_text().split())
    assert " ".join(practice.summary.split())[:80] in teaser


@pytest.mark.parametrize("word", SETTING_WORDS)
def test_setting_word_ranks_tagged_practices_first(page, site_url, library, word):
    tagged = tagged_with(library, word)
    found = [path.split("/")[1] for path in search(page, site_url, word) if path.startswith("practices/")]
    top = found[:len(tagged)]
    assert tagged and top and set(top) <= tagged, f"{word}: {top} should all be tagged {sorted(tagged)}"


def field_values(library, p) -> list[str]:
    """What a practice's search entries must hold besides its title and summary: every field's display value."""
    values = [o.name for o in library.objectives if o.id in p.objectives]
    values += [f"Intercept {i.id}: {i.name}" for i in library.intercepts if i.id in p.intercepts]
    values += [word for s in library.settings if s.id in p.settings for word in (s.name, *s.keywords)]
    values += [lv.name for lv in library.levels if lv.id == p.evidence.level]
    return values + [m.name for m in library.mentors if m.slug in p.mentors]


def test_practice_fields_are_indexed_on_its_page(repo_site, library):
    entries = index_entries(repo_site)
    for p in library.practices:
        text = html.unescape(" ".join(e["text"] for e in entries if e["location"].startswith(f"practices/{p.slug}/")))
        assert [v for v in field_values(library, p) if v not in text] == [], p.slug


def test_boilerplate_stays_out_of_the_index(repo_site, library):
    locations = [e["location"] for e in index_entries(repo_site)]
    assert not [loc for loc in locations if loc.startswith("practices/") and loc.endswith(EXCLUDED)]
    assert index_figures(repo_site)["practices_indexed"] == len(library.practices)


def paragraphs(page_html: str, pattern: str) -> list[str]:
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", p)).split()) for p in re.findall(pattern, page_html, re.S)]


def test_later_paragraphs_of_a_section_stay_on_the_page_but_out_of_the_index(repo_site):
    """Each text section is indexed by its lead paragraph, its headings and lists; the page keeps all."""
    later = {page: paragraphs((repo_site / page).read_text(encoding="utf-8"), r"<p data-search-exclude>(.*?)</p>")
             for page in ("mentors/butler-county-mhars/index.html", "practices/peer-mentored-reentry/index.html")}
    index = " ".join(" ".join(html.unescape(re.sub(r"<[^>]+>", "", e["text"])).split())
                     for e in index_entries(repo_site))
    assert all(later.values()) and [p for ps in later.values() for p in ps if p[:60] in index] == []
    leads = paragraphs((repo_site / "mentors/butler-county-mhars/index.html").read_text(encoding="utf-8"),
                       r"</h3>\s*<p>(.*?)</p>")  # the first paragraph under each text heading
    assert leads and all(p[:60] in index for p in leads)
