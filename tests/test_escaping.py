"""Text from content is escaped for every output: HTML, JSON-LD, the feed, JSON, CSV and the PDF.

One practice carries the characters the checker allows but every format treats specially
(& " ' * _ ` | > ]]>, a backslash, and a leading = + - @ in text fields; < and {{ }} in the body), through a real
build of the fixture library. Text fields take no '<' and no braces at all (prss/content/text.py).
"""
import csv
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
import yaml
from pypdf import PdfReader

from conftest import make_root
from prss.cli.build import main as build

SLUG = "escaping-test"
TITLE = 'Peers & "courts" *now* _x_ `y` |z| ]]> 2>1 \\'
SUMMARY = "Costs 5% & saves >2x; 'single', \"double\", ]]> and #hash."
BASIS = "+2 trials & 1 review >3"
COMPONENTS = ['=HYPERLINK("https://evil.example","x")', "+1 call line", "-2 dash", "@SUM(1)"]
POPULATIONS = ["@risk adults & youth"]
BODY = "A body with a < b & c, 5 * 3 * 2, and `{{ 7*7 }}` [1].\n"


def practice_file() -> str:
    meta = {"title": TITLE, "summary": SUMMARY, "objectives": ["peer-learning"], "intercepts": [3],
            "settings": ["jails"], "evidence": {"level": "descriptive", "basis": BASIS}, "components": COMPONENTS,
            "populations": POPULATIONS, "references": [{"title": "A & B > C", "publisher": "C & D", "year": 2020,
                                                        "url": "https://example.org/a?b=1&c=2"}]}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "last_reviewed: 2026-01-01\n---\n" + BODY


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("escaping"), {f"content/practices/{SLUG}.md": practice_file()})
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF", "1")  # the PDF is one of the outputs under test, whatever an earlier test left set
        assert build([str(root)]) == 0
    return root / "site"


class _Text(HTMLParser):
    """The page's visible text, and the raw text of each JSON-LD script."""

    def __init__(self):
        super().__init__()
        self.text, self.jsonld, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        self._in = "jsonld" if tag == "script" and ("type", "application/ld+json") in attrs else tag

    def handle_data(self, data):
        (self.jsonld if self._in == "jsonld" else self.text).append(data) if self._in != "script" else None


def parsed(site) -> _Text:
    parser = _Text()
    parser.feed((site / "practices" / SLUG / "index.html").read_text(encoding="utf-8"))
    return parser


def test_html_shows_the_text_literally(site):
    text = " ".join(" ".join(parsed(site).text).split())
    for value in (TITLE, SUMMARY, BASIS, COMPONENTS[0], "a < b & c, 5 * 3 * 2, and {{ 7*7 }}"):
        assert value in text


def test_html_source_escapes_the_markup_characters(site):
    raw = (site / "practices" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "Peers &amp; &#34;courts&#34;" in raw or "Peers &amp; \"courts\"" in raw
    assert "<em>now</em>" not in raw and "<code>y</code>" not in raw


def test_jsonld_keeps_the_text_and_cannot_close_its_script(site):
    scripts = parsed(site).jsonld
    data = json.loads(scripts[0])
    assert (data["name"], data["description"]) == (TITLE, SUMMARY)
    assert "<" not in scripts[0] and ">" not in scripts[0]


def test_feed_entry_title_is_the_exact_text(site):
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("atom:title", namespaces=ns) for e in ET.parse(site / "feed.xml").getroot()
              .findall("atom:entry", ns)]
    assert TITLE in titles


def test_json_export_keeps_the_exact_text(site):
    record = next(p for p in json.loads((site / "data/practices.json").read_text())["practices"] if p["slug"] == SLUG)
    assert (record["title"], record["summary"], record["components"]) == (TITLE, SUMMARY, COMPONENTS)


def test_csv_neutralises_formula_cells(site):
    with open(site / "data/practices.csv", newline="", encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["slug"] == SLUG)
    assert row["title"] == TITLE
    assert [row[c][:2] for c in ("components", "populations", "evidence_basis")] == ["'=", "'@", "'+"]


def test_pdf_shows_the_text_literally(site):
    text = " ".join(page.extract_text() for page in PdfReader(site / f"downloads/practices/{SLUG}.pdf").pages)
    assert TITLE in " ".join(text.split())


@pytest.fixture(scope="module")
def served(site):
    from browser import serve
    with serve(site) as url:
        yield url


def test_browser_shows_the_text_literally_in_title_heading_and_search(page, served):
    page.goto(served + f"practices/{SLUG}/")
    assert page.title().startswith(TITLE) and page.locator("h1").first.inner_text().rstrip("¶").strip() == TITLE  # ¶: the permalink
    page.keyboard.press("/")
    page.get_by_text("Type to start searching").wait_for()
    page.fill(".md-search__input", "Peers courts")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    assert TITLE in [t.strip() for t in page.locator(".md-search-result__item h1").all_inner_texts()]


class _Meta(HTMLParser):
    """The content of each <meta name|property=...> tag, as a browser would read it."""

    def __init__(self):
        super().__init__()
        self.meta = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.meta[attrs.get("name") or attrs.get("property")] = attrs["content"]


def test_meta_description_keeps_quotes_inside_its_attribute(site):
    parser = _Meta()
    parser.feed((site / "practices" / SLUG / "index.html").read_text(encoding="utf-8"))
    assert parser.meta["description"] == parser.meta["og:description"] == SUMMARY
