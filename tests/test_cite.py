"""Citations: the box on every page, and BibTeX and RIS files that parse back to the right values."""
import dataclasses
import re

import pybtex.database
import pybtex.errors
import pytest
import rispy
from pybtex.backends.plaintext import Backend
from pybtex.style.formatting.unsrt import Style

from conftest import REPO
from prss.config import read_site
from prss.content.library import load_library
from prss.render.cite import bibtex, citation, ris

LIBRARY = load_library(REPO).library
SITE = read_site(REPO)
pybtex.errors.set_strict_mode(True)
ITEMS = [("practices", p) for p in LIBRARY.practices + LIBRARY.retired] + [("mentors", m) for m in LIBRARY.mentors]


def parse_bibtex(text: str) -> tuple[str, str, dict]:
    """One entry, read by pybtex: (type, key, fields as written, braces kept)."""
    (key, entry), = pybtex.database.parse_string(text, "bibtex").entries.items()
    return entry.type, key, {**entry.fields, **{role: " and ".join(map(str, people))
                                                 for role, people in entry.persons.items()}}


def render_bibtex(path) -> list[str]:
    """Every entry of a .bib file as pybtex's unsrt style prints it, in strict mode (an error raises)."""
    entries = pybtex.database.parse_file(path).entries.values()
    return [e.text.render(Backend()) for e in Style().format_entries(entries)]


def parse_ris(text: str) -> list[tuple[str, str]]:
    lines = text.split("\r\n")
    assert lines.pop() == ""
    tags = [re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line).groups() for line in lines]
    assert tags[0] == ("TY", "ELEC") and tags[-1] == ("ER", "")
    return tags


@pytest.mark.parametrize("section,item", ITEMS, ids=lambda v: getattr(v, "slug", v))
def test_bibtex_file_parses_to_the_page(repo_site, section, item):
    kind, key, fields = parse_bibtex((repo_site / f"cite/{section}-{item.slug}.bib").read_text(encoding="utf-8"))
    assert (kind, key) == ("misc", f"prss-{section}-{item.slug}")
    assert fields["url"] == SITE.permalink(f"{section}/{item.slug}/")
    assert fields["date"] == item.last_reviewed.isoformat() and fields["author"] == "{" + SITE.name + "}"
    assert fields["month"] == f"{item.last_reviewed:%B}"  # a month name, from the `month = nov` macro


def test_every_bibtex_file_renders_through_pybtex(repo_site):
    """The page's citation and its references' files: one URL each, no literal \\url, no numeric month."""
    for path in sorted((repo_site / "cite").glob("*.bib")):
        for text in render_bibtex(path):
            assert "\\url" not in text and text.count("URL: ") == 1, (path.name, text)
            assert not re.search(r"\b\d{1,2} \d{4}\b", text), (path.name, text)


def test_every_ris_file_parses_with_rispy(repo_site):
    for path in sorted((repo_site / "cite").glob("*.ris")):
        records = rispy.loads(path.read_bytes().decode("utf-8"))
        assert records and all(r["title"] and r["urls"] for r in records), path.name


@pytest.mark.parametrize("section,item", ITEMS, ids=lambda v: getattr(v, "slug", v))
def test_ris_file_parses_to_the_page(repo_site, section, item):
    tags = dict(parse_ris((repo_site / f"cite/{section}-{item.slug}.ris").read_bytes().decode("utf-8")))
    assert tags["TI"] == " ".join(item.title.split()) and tags["UR"] == SITE.permalink(f"{section}/{item.slug}/")
    assert tags["DA"] == item.last_reviewed.strftime("%Y/%m/%d") and tags["T2"] == SITE.name


def test_bibtex_escapes_special_characters():
    practice = dataclasses.replace(LIBRARY.practices[0], title="Peers & courts_2 {x} 100% #1 $5 ~ ^ \\ end")
    assert r"title = {{Peers \& courts\_2 \{x\} 100\% \#1 \$5 \textasciitilde{} \textasciicircum{} " \
        r"\textbackslash{} end}}" in bibtex(citation(practice, SITE))
    assert parse_bibtex(bibtex(citation(practice, SITE)))[2]["title"].startswith(r"{Peers \& courts")


def test_ris_keeps_one_line_per_value():
    practice = dataclasses.replace(LIBRARY.practices[0], summary="Two\nlines\r\nhere")
    assert ("AB", "Two lines here") in parse_ris(ris(citation(practice, SITE)))


def test_practice_page_shows_apa_citation_and_downloads(repo_site):
    p = LIBRARY.practices[0]
    page = (repo_site / f"practices/{p.slug}/index.html").read_text(encoding="utf-8")
    box = page.split('id="cite"')[1].split('id="references"')[0]
    c = citation(p, SITE)
    day = p.last_reviewed
    assert f"{SITE.name}. ({day.year}, {day:%B} {day.day}). <em>" in box and f"</em>. {c.url}</p>" in box
    assert f'href="../../cite/practices-{p.slug}.bib"' in box and f'href="../../cite/practices-{p.slug}.ris"' in box
    assert f'data-copy="{c.url}"' in box


def test_copy_link_button_copies_the_permanent_url(site_url, page):
    m = LIBRARY.mentors[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + f"mentors/{m.slug}/")
    page.get_by_role("button", name="Copy link").click()
    page.get_by_role("button", name="Link copied").wait_for(timeout=5000)  # the clipboard answers asynchronously
    assert page.evaluate("navigator.clipboard.readText()") == SITE.permalink(f"mentors/{m.slug}/")
