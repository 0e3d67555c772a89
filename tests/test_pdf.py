"""The print edition: the library PDF's outline, text, links, fonts and tags; per-page PDFs in the built site."""
import dataclasses
import datetime as dt
import io
import re

import pydyf
import pytest
from pypdf import PdfReader

from conftest import make_root
from prss.config import read_site
from prss.content.library import load_library
from prss.model import Retired
from prss.pdf.edition import FULL_PDF, Edition, cover_date, relink
from prss.pdf.render import documents, render_downloads, render_pdf

SITE = "https://prss-library.example.org/"
PAGE_REFERENCES = pydyf.PDF.page_references


@pytest.fixture(scope="module")
def fixture_library(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("pdf"))
    return load_library(root).library, read_site(root)


@pytest.fixture(scope="module")
def book(fixture_library):
    data, warnings = render_pdf(Edition(*fixture_library).library_html())
    assert warnings == []  # WeasyPrint warns about any link to a missing anchor
    return PdfReader(io.BytesIO(data))


def outline(reader, items=None) -> dict:
    """{top-level title: [child titles]}."""
    items, tree, last = reader.outline if items is None else items, {}, None
    for item in items:
        if isinstance(item, list):
            tree[last] = [child.title for child in item if not isinstance(child, list)]
        else:
            last = item.title
            tree[last] = []
    return tree


def text(reader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def links(reader):
    """(page index, annotation) for every link annotation."""
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation["/Subtype"] == "/Link":
                yield index, annotation


def test_outline_mirrors_the_parts_with_one_entry_per_practice(book, fixture_library):
    tree = outline(book)
    assert list(tree)[:3] == ["Contents", "About the fixture", "PRSSMI objectives"]
    assert tree["Practices"] == [p.title for p in fixture_library[0].practices]
    assert tree["Mentor sites"] == ["Project FORT"]


def test_every_practice_title_and_permanent_url_is_in_the_text(book, fixture_library):
    words = text(book)
    for p in fixture_library[0].practices:
        assert p.title in words and f"Permanent URL: {SITE}practices/{p.slug}/" in words


def destination_pages(reader) -> dict[str, int]:
    return {name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()}


def test_internal_links_land_on_pages_of_the_document(book):
    pages = destination_pages(book)
    internal = [str(a["/Dest"]) for _, a in links(book) if "/Dest" in a]
    assert len(internal) > 50 and all(0 <= pages[name] < len(book.pages) for name in internal)


def test_practice_links_to_its_mentor_and_objective_to_its_practice(book):
    pages, pairs = destination_pages(book), {(index, str(a["/Dest"])) for index, a in links(book) if "/Dest" in a}
    assert "Project FORT" in book.pages[pages["mentors-project-fort"]].extract_text()
    practice, objective = pages["practices-quick-response-teams"], pages["objectives-diversion-capacity"]
    assert any((practice + n, "mentors-project-fort") in pairs for n in range(3))
    assert any((objective + n, "practices-quick-response-teams") in pairs for n in range(2))


def test_browse_sections_list_titles_with_page_numbers_not_summaries(book, fixture_library):
    pages, practice = destination_pages(book), fixture_library[0].practices[1]
    assert practice.slug == "quick-response-teams"
    words = " ".join(book.pages[pages["objectives-diversion-capacity"]].extract_text().split())
    assert re.search(rf"{re.escape(practice.title)}[ .]+{pages['practices-quick-response-teams'] + 1}\b", words)
    assert practice.summary[:40] not in words


def test_named_destinations_are_the_link_targets(book):
    """Ids no link points at are dropped (edition.drop_unused_ids): each would be a named destination."""
    assert set(book.named_destinations) == {str(a["/Dest"]) for _, a in links(book) if "/Dest" in a}


def test_external_links_are_clickable(book, fixture_library):
    uris = {str(a["/A"]["/URI"]) for _, a in links(book) if "/A" in a}
    assert {r.url for p in fixture_library[0].practices for r in p.references} <= uris
    assert f"{SITE}practices/quick-response-teams/" in uris


def test_fonts_are_embedded(book):
    fonts = [f.get_object() for page in book.pages for f in page["/Resources"]["/Font"].values()]
    assert {"Liberation-Serif", "Liberation-Sans-Bold"} <= {str(f["/BaseFont"]).split("+")[-1] for f in fonts}
    descriptors = [f["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object() for f in fonts]
    assert all("/FontFile2" in d for d in descriptors)


def test_pdf_is_tagged_for_accessibility(book):
    root = book.trailer["/Root"]
    assert root["/Lang"] == "en" and bool(root["/MarkInfo"]["/Marked"])
    tags = {str(element["/S"]) for element in structure_elements(root["/StructTreeRoot"]["/K"])}
    assert {"/Document", "/H1", "/H2", "/P", "/L", "/LI", "/Link", "/Table", "/TH", "/TD"} <= tags


def test_tagged_elements_name_pages_of_the_document(book):
    """pdf.py caches pydyf's page references while tagging; every /Pg must still be one of the pages."""
    elements = list(structure_elements(book.trailer["/Root"]["/StructTreeRoot"]["/K"]))
    named = {element.raw_get("/Pg").idnum for element in elements if "/Pg" in element}
    assert named == {page.indirect_reference.idnum for page in book.pages}
    assert pydyf.PDF.page_references is PAGE_REFERENCES  # put back: baseline_pdf stays plain WeasyPrint


def structure_elements(node):
    """Every structure element under node, depth first."""
    node = node.get_object()
    for child in node if isinstance(node, list) else [node]:
        child = child.get_object()
        if isinstance(child, dict) and "/S" in child:
            yield child
            if "/K" in child:
                yield from structure_elements(child["/K"])


def test_a_practice_pdf_holds_only_its_page_and_links_out(fixture_library):
    edition = Edition(*fixture_library)
    reader = PdfReader(io.BytesIO(render_pdf(edition.page_html("practices/quick-response-teams.md"))[0]))
    words, other = text(reader), fixture_library[0].practices[0]
    assert "Post-overdose outreach and Quick Response Teams" in words and other.summary[:40] not in words
    uris = {str(a["/A"]["/URI"]) for _, a in links(reader) if "/A" in a}
    assert f"{SITE}mentors/project-fort/" in uris


def test_html_in_a_fenced_block_prints_as_code(fixture_library):
    """MkDocs converts with its built-in fenced_code; so must the print edition, or the fence's HTML is live."""
    library, site = fixture_library
    body = "### Example\n\nText [1].\n\n```\n<span style=\"color:red\">live</span>\n```\n"
    practice = dataclasses.replace(library.practices[0], body=body)
    library = dataclasses.replace(library, practices=(practice, *library.practices[1:]))
    page = Edition(library, site).page_html(f"practices/{practice.slug}.md")
    assert "<code>&lt;span style=&quot;color:red&quot;&gt;live&lt;/span&gt;" in page and "<span style" not in page


def test_pdfs_follow_aliases_and_retirements(fixture_library):
    """A renamed page's PDF stays at its old slug, and a retired practice keeps a PDF of its tombstone."""
    library, site = fixture_library
    renamed = dataclasses.replace(library.practices[0], aliases=("old-name",))
    retired = dataclasses.replace(library.practices[1], retired=Retired(dt.date(2026, 5, 1), "", "Merged away."))
    docs = documents(dataclasses.replace(library, practices=(renamed,), retired=(retired,)), site)
    assert docs["downloads/practices/old-name.pdf"] == docs[f"downloads/practices/{renamed.slug}.pdf"]
    words = text(PdfReader(io.BytesIO(render_pdf(docs[f"downloads/practices/{retired.slug}.pdf"])[0])))
    assert f"{retired.title} (retired)" in words and "Merged away." in words


@pytest.mark.parametrize("href, inside, expected", [
    ("../mentors/b.md", {"mentors/b.md"}, "#mentors-b"),
    ("../mentors/b.md", set(), f"{SITE}mentors/b/"),
    ("../evidence/index.md#scale", {"evidence/index.md"}, "#evidence--scale"),
    ("../evidence/index.md#scale", set(), f"{SITE}evidence/#scale"),
    ("#ref-1", set(), "#practices-a--ref-1"),
    ("https://example.org/x?a=1&amp;b=2", set(), "https://example.org/x?a=1&amp;b=2"),
    ("../downloads/practices/a.pdf", set(), f"{SITE}downloads/practices/a.pdf"),
])
def test_relink(href, inside, expected, fixture_library):
    html = f'<p id="x"><a href="{href}">link</a></p>'
    assert relink(html, "practices/a.md", inside, fixture_library[1]) == \
        f'<p id="practices-a--x"><a href="{expected}">link</a></p>'


def test_cover_date_comes_from_source_date_epoch(fixture_library, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert cover_date(fixture_library[0]).isoformat() == "2026-01-01"


def test_built_site_has_a_pdf_per_practice_and_mentor(repo_site):
    library = load_library(repo_site.parent).library
    for section, items in (("practices", library.practices), ("mentors", library.mentors)):
        for item in items:
            reader = PdfReader(repo_site / "downloads" / section / f"{item.slug}.pdf")
            assert " ".join(item.title.split()[:4]) in text(reader)


def test_pages_link_their_pdf_and_the_library_pdf(repo_site):
    html = (repo_site / "practices" / "quick-response-teams" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/practices/quick-response-teams.pdf"' in html
    assert 'href="../../downloads/prss-resource-library.pdf"' in html
    assert (repo_site / "downloads" / "prss-resource-library.pdf").is_file()


def test_library_pdf_of_the_real_library_lists_every_practice_and_mentor(repo_site):
    library = load_library(repo_site.parent).library
    tree = outline(PdfReader(repo_site / "downloads" / "prss-resource-library.pdf"))
    assert tree["Practices"] == [p.title for p in library.practices]
    assert tree["Mentor sites"] == [m.name for m in library.mentors]


def test_without_pdfs_every_pdf_path_gets_a_stand_in(fixture_library, monkeypatch, tmp_path):
    monkeypatch.setenv("PRSS_PDF", "0")
    monkeypatch.setenv("PRSS_PDF_CACHE", str(tmp_path))
    files = render_downloads(*fixture_library)
    assert sorted(files) == ["downloads/mentors/project-fort.pdf", "downloads/practices/ed-peer-recovery-coaching.pdf",
                             "downloads/practices/quick-response-teams.pdf", FULL_PDF]
    assert "built without its PDFs (PRSS_PDF=0)" in text(PdfReader(io.BytesIO(files[FULL_PDF])))
