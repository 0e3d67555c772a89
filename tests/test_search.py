"""Material's search over the real library: practitioners' queries find the practices they want (synonyms
included), practices' fields are searchable, setting words rank tagged practices first, results show the badge
and summary but never the search words, and boilerplate and contributor pages stay out of the index."""
import dataclasses
import html
import re
from pathlib import Path

import pytest
import yaml

from prss.content.library import load_library
from prss.render.search import index_entries, search_words
from prss.tools.figures import index_figures

SETTING_WORDS = ["jail", "probation", "emergency department", "reentry"]
EXCLUDED = ("#references", "#cite", "#related", "#evidence", "#at-a-glance")
QUERIES = yaml.safe_load((Path(__file__).parent / "search-queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def library(repo_site):
    return load_library(repo_site.parent).library


def search(page, site_url, words: str) -> list[str]:
    """Type into Material's search box; return the result pages' paths, one per result, best first."""
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_text("Type to start searching").wait_for()  # the index is loaded
    page.fill(".md-search__input", words)
    page.keyboard.press("End")  # Material searches on key events; one key, so the results are for all the words
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.locator(".md-search-result__item").evaluate_all("els => els.map(li => li.querySelector('a').pathname)")
    return [h.strip("/") for h in hrefs]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q["q"])
def test_practitioners_words_find_the_practices_they_want(page, site_url, query):
    top = [path.removeprefix("practices/") for path in search(page, site_url, query["q"])[:5]]
    assert [slug for slug in query["top5"] if slug not in top] == [], f"{query['q']!r}: top 5 were {top}"


def test_query_table_names_real_practices_and_enough_queries(library):
    slugs = {p.slug for p in library.practices}
    assert len(QUERIES) >= 20 and [s for q in QUERIES for s in q["top5"] if s not in slugs] == []


def test_a_synonym_finds_the_page_but_the_result_shows_the_summary_not_the_search_words(page, site_url, library):
    assert search(page, site_url, "Narcan")[:5].count("practices/naloxone-education-distribution") == 1
    result = page.locator(".md-search-result__item", has=page.locator('a[href*="naloxone-education-distribution"]'))
    shown = " ".join(result.first.locator("article").first.inner_text().split())
    practice = next(p for p in library.practices if p.slug == "naloxone-education-distribution")
    assert "Evidence: Promising · 4 of 6 on our evidence scale. " + practice.summary[:60] in shown
    assert not [w for w in ("narcan", "kloxxado", "zimhi", "Intercept 0", "bystanders,") if w in shown.lower()]


def test_search_words_add_synonyms_and_capitals_mark_abbreviations(library):
    practice = dataclasses.replace(library.practices[0], title="Peer groups", summary="Peers lead groups.",
                                   body="They hand out naloxone in the ED.", populations=(), intercepts=(), mentors=(),
                                   settings=(), components=(), implementation=())
    words = search_words(practice, library).split()
    assert {"narcan", "er", "emergency", "department"} <= set(words) and "lead" not in words[2:]


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
    values += [f"Intercept {i}" for i in p.intercepts]  # the intercept's own page carries its name
    values += [word for s in library.settings if s.id in p.settings for word in (s.name, *s.keywords)]
    values += [lv.name for lv in library.levels if lv.id == p.evidence.level]
    return values + [m.name for m in library.mentors if m.slug in p.mentors]


def test_practice_fields_are_indexed_on_its_page(repo_site, library):
    entries = index_entries(repo_site)
    for p in library.practices:
        text = html.unescape(" ".join(e["text"] for e in entries if e["location"].startswith(f"practices/{p.slug}/")))
        assert [v for v in field_values(library, p) if v not in text] == [], p.slug


def test_boilerplate_stays_out_of_the_index(repo_site, library):
    entries = index_entries(repo_site)
    locations = [e["location"] for e in entries]
    assert not [loc for loc in locations if loc.startswith("practices/") and loc.endswith(EXCLUDED)]
    assert not [e["location"] for e in entries if e["location"].startswith("practices/") and "Not reported in our sources" in e["text"]]
    assert index_figures(repo_site)["practices_indexed"] == len(library.practices)


def test_contributor_pages_are_out_of_search_and_nav_but_linked_from_the_footer(repo_site):
    assert not [e["location"] for e in index_entries(repo_site) if e["location"].startswith(("contributing", "review-queue"))]
    home = (repo_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):home.index("</nav>", home.index("md-nav--primary"))]
    footer = home[home.index('<footer class="md-footer"'):]
    assert "contributing/" not in nav and "review-queue/" not in nav
    assert 'href="contributing/">Contributor guide</a>' in footer and 'href="review-queue/">Review queue</a>' in footer


def test_cross_cutting_practices_are_not_found_by_one_settings_words(page, site_url, library):
    cross = {f"practices/{p.slug}" for p in library.practices if p.settings == ("all-settings",)}
    assert len(cross) >= 4 and not cross & set(search(page, site_url, "probation")[:5])


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
