"""Practice and mentor pages as profiles, in the built HTML: the evidence badge first, At a glance, What it takes with
every part, who can help, a mentor site's contact block, references with DOI and PubMed links, the home page, the
link-preview image, and the site's address (never the placeholder once SITE_URL is set)."""
import html
import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import REPO, make_root
from prss.cli.build import main as build
from prss.config import PLACEHOLDER_HOST, read_site
from prss.content.library import load_library
from prss.model import Reference
from prss.pdf.edition import Edition
from prss.pdf.render import render_pdf
from prss.profile_fields import IMPLEMENTATION_FIELDS
from prss.render.references import entry
from prss.render.social import PATH as OG_IMAGE
from prss.render.social import render_image

SITE_URL = "https://library.example.net/peer/"
LIBRARY = load_library(REPO).library


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory, monkeypatch_module):
    """The fixture library, whose ED practice has What it takes and contacts and whose mentor site a contact."""
    monkeypatch_module.setenv("SITE_URL", SITE_URL)
    monkeypatch_module.setenv("PRSS_PDF", "0")
    root = make_root(tmp_path_factory.mktemp("profiles"))
    assert build([str(root)]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def html_of(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def section(page: str, anchor: str) -> str:
    """The HTML from the element with id=anchor to the next <h2>."""
    start = page.index(f'id="{anchor}"')
    end = page.find("<h2", start + 1)
    return page[start:end if end > 0 else None]


@pytest.mark.parametrize("p", LIBRARY.practices, ids=lambda p: p.slug)
def test_practice_page_opens_with_title_badge_and_summary(repo_site, p):
    page = html_of(repo_site, f"practices/{p.slug}")
    page = page[page.index("<h1"):]
    badge = page.index('class="prss-badge prss-level-')
    summary = page.index(html.escape(" ".join(p.summary.split())[:30], quote=False), badge)
    assert badge < summary < page.index("<h2")
    assert re.search(r"</strong> · [1-6] of 6 on our evidence scale</p>", page[badge:summary])


@pytest.mark.parametrize("p", LIBRARY.practices, ids=lambda p: p.slug)
def test_what_it_takes_shows_every_part(repo_site, p):
    takes = section(html_of(repo_site, f"practices/{p.slug}"), "what-it-takes")
    given = dict(p.implementation)
    for part in IMPLEMENTATION_FIELDS:
        text = takes.split(f'id="what-it-takes-{part.name}"')[1].split("<h3")[0]
        assert ("Not reported in our sources." in text) != bool(given.get(part.name)), part.name


def working(site: Path, base: str, href: str) -> bool:
    """An http(s) address, or a page of the built site (the link gate has checked the fragments)."""
    if href.startswith(("https://", "http://")):
        return True
    target = (site / base / href.split("#")[0]).resolve()
    return (target / "index.html").is_file() or target.is_file()


@pytest.mark.parametrize("p", LIBRARY.practices, ids=lambda p: p.slug)
def test_every_practice_links_a_mentor_site_or_who_can_help(repo_site, p):
    page = html_of(repo_site, f"practices/{p.slug}")
    if p.mentors:
        assert all(f'href="../../mentors/{slug}/"' in section(page, "mentor-sites") for slug in p.mentors)
        return
    helps = page[page.index('id="who-can-help"'):page.index('id="related"')]
    links = re.findall(r'<a href="([^"#][^"]*)"', helps)
    assert [href for href in links if working(repo_site, f"practices/{p.slug}", href)], p.slug


def test_what_it_takes_items_link_their_references(fixture_site):
    takes = section(html_of(fixture_site, "practices/ed-peer-recovery-coaching"), "what-it-takes")
    assert 'emergency department <a href="#ref-1">[1]</a>.</li>' in takes
    assert '<a href="#ref-1">[1]</a>, <a href="#ref-2">[2]</a>.</li>' in takes  # cost: two sources
    duration = takes.split('id="what-it-takes-duration"')[1].split("<h3")[0]
    assert "Not reported in our sources." in duration  # `duration: []` is reported as not reported


def test_who_can_help_names_contacts_and_labels_other_mentor_sites_honestly(fixture_site):
    page = html_of(fixture_site, "practices/ed-peer-recovery-coaching")
    helps = page[page.index('id="who-can-help"'):page.index('id="related"')]
    assert ('<a href="https://example.org/ta-centre">A technical-assistance centre</a>: training &amp; technical '
            'assistance <a href="#ref-2">[2]</a>') in helps
    nearby = section(page, "mentor-sites")
    assert "our sources do not show that they run this practice" in nearby
    assert 'href="../../mentors/project-fort/">Project FORT</a>, Lancaster, OH: Hospital / emergency department' \
        in nearby


def test_mentor_page_has_a_cited_contact_block_and_how_to_ask_for_mentoring(fixture_site):
    contact = section(html_of(fixture_site, "mentors/project-fort"), "contact")
    assert '<a href="tel:7405550100;ext=2">(740) 555-0100 ext. 2</a>' in contact
    assert '<a href="mailto:info@example.org">info@example.org</a>' in contact
    assert 'as published in <a href="#ref-1">[1]</a>' in contact
    assert 'href="../../about/#how-to-ask-for-prssmi-mentoring"' in contact


def test_references_link_doi_and_pubmed(fixture_site):
    refs = section(html_of(fixture_site, "practices/quick-response-teams"), "references")
    assert '<a href="https://doi.org/10.1001/jamapsychiatry.2023.0109">https://doi.org/10.1001/jamapsychiatry' in refs
    assert '<a href="https://pubmed.ncbi.nlm.nih.gov/36920385/">PMID 36920385</a>' in refs


BJA = "Bureau of Justice Assistance"


@pytest.mark.parametrize("ref, lead", [
    (Reference("T", "Waye KM, et al.", "J", "2019", "https://x.org/"), ("Waye KM, et al", "J")),
    (Reference("T", "", BJA, "2019", "https://x.org/"), (BJA, "")),
    (Reference("T", "", "Psychiatric Services", "2024", "https://x.org/", doi="10.1/x"), ("", "Psychiatric Services")),
])
def test_apa_puts_the_title_first_without_an_author_or_a_group_author(ref, lead):
    """An organization's page has it as group author; an article without authors starts with its title."""
    assert (entry(ref).author, entry(ref).source) == lead


def test_jsonld_citations_carry_doi_and_pmid(fixture_site):
    page = html_of(fixture_site, "practices/quick-response-teams")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["citation"][0]["identifier"] == [{"@type": "PropertyValue", "propertyID": "DOI",
                                                  "value": "10.1001/jamapsychiatry.2023.0109"},
                                                 {"@type": "PropertyValue", "propertyID": "PMID", "value": "36920385"}]


def test_open_data_carries_what_it_takes_and_contacts(fixture_site):
    record = next(r for r in json.loads((fixture_site / "data/practices.json").read_text(encoding="utf-8"))["practices"]
                  if r["slug"] == "ed-peer-recovery-coaching")
    assert set(record["implementation"]) == {"staffing", "cost"}  # `duration: []` says nothing
    assert record["contacts"][0] == {"name": "A technical-assistance centre", "role": "training & technical assistance",
                                     "url": "https://example.org/ta-centre", "ref": 2}
    assert "implementation_staffing" in (fixture_site / "data/practices.csv").read_text(encoding="utf-8")


def test_home_tab_title_names_the_site_once(fixture_site):
    title = re.search(r"<title>(.*?)</title>", html_of(fixture_site, "")).group(1)
    assert title == read_site(REPO).name


def test_one_shared_preview_image_is_drawn_at_build_time(fixture_site):
    with Image.open(fixture_site / OG_IMAGE) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    for rel in ("", "practices/quick-response-teams", "mentors/project-fort"):
        assert f'<meta property="og:image" content="{SITE_URL}{OG_IMAGE}">' in html_of(fixture_site, rel)


def test_preview_image_is_the_same_from_one_build_to_the_next():
    site = read_site(REPO)
    assert render_image(LIBRARY, site) == render_image(LIBRARY, site)


def test_no_file_names_the_placeholder_host_when_site_url_is_set(fixture_site):
    named = [p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*")
             if p.is_file() and PLACEHOLDER_HOST.encode() in p.read_bytes()]
    assert named == []


def test_build_without_site_url_warns_once_naming_site_url(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert build([str(make_root(tmp_path)), "--generate-only"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "SITE_URL" in warnings[0] and PLACEHOLDER_HOST in warnings[0]


def test_practice_pdf_shows_the_badge_and_what_it_takes(tmp_path):
    root = make_root(tmp_path)
    html = Edition(load_library(root).library, read_site(root)).page_html("practices/ed-peer-recovery-coaching.md")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(html)[0])).pages)
    assert "Tested, no difference found · 3 of 6 on our evidence scale" in " ".join(text.split())
    assert "What it takes" in text and "Not reported in our sources." in text
