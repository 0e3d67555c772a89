"""The offline bundle: the zipped site, unpacked, works from file:// in Chromium, search and filters included."""
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from prss.site.offline import file_link, link_pages_not_folders

# home, catalog, a practice: the pages a reader opens first
PAGES = ["index.html", "practices/index.html", "practices/quick-response-teams.html"]


@pytest.fixture
def bundle(offline_bundle):
    return offline_bundle


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("href", "xlink:href") and value]


def broken_file_links(bundle: Path) -> list[str]:
    """Every relative link that, from file://, names a folder (a folder listing) or nothing at all."""
    broken = []
    for page in sorted(bundle.rglob("*.html")):
        if page.name == "404.html":  # a server shows it at any depth, so its links are root-absolute
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if not (page.parent / unquote(parts.path)).is_file():
                broken.append(f"{page.relative_to(bundle)}: {link}")
    return broken


def console_errors(page) -> list[str]:
    """Collects the page's console errors and uncaught exceptions from now on."""
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_bundle_uses_file_urls_not_directory_urls(bundle):
    assert (bundle / "practices" / "quick-response-teams.html").is_file()
    html = (bundle / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and 'src="assets/javascripts/iframe-worker-shim.js"' in html


def test_no_link_opens_a_folder_listing(bundle):
    assert broken_file_links(bundle) == []
    footer = (bundle / "practices" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../data/index.html">Open data</a>' in footer


@pytest.mark.parametrize("href, page, expected", [
    ("../data/", "practices/index.html", "../data/index.html"),
    ("data/#formats", "index.html", "data/index.html#formats"),
    ("./", "data/index.html", "./index.html"),
    ("../data", "mentors/index.html", "../data/index.html"),
    ("project-fort/", "mentors/index.html", "project-fort.html"),
    ("../feed.xml", "mentors/index.html", "../feed.xml"),
    ("https://example.org/data/", "index.html", "https://example.org/data/"),
    ("/data/", "404.html", "/data/"),
    ("#top", "index.html", "#top"),
    ("../../", "data/index.html", "../../"),  # leaves the bundle: not ours to change
    ("nowhere/", "index.html", "nowhere/"),
])
def test_file_link(tmp_path, href, page, expected):
    for rel in ("index.html", "data/index.html", "mentors/index.html", "mentors/project-fort.html", "feed.xml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert file_link(href, tmp_path / page, tmp_path) == expected


def test_links_are_rewritten_in_tags_only(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "index.html").write_text("x", encoding="utf-8")
    page = tmp_path / "index.html"
    before = "<p title='href=data/'>\n<pre>&lt;a href=\"data/\"&gt;</pre> <a class=x\nHREF=data/?a=1&amp;b=2 hidden>"
    page.write_text(before, encoding="utf-8")
    link_pages_not_folders(tmp_path)
    after = before.replace("HREF=data/?a=1&amp;b=2", 'HREF="data/index.html?a=1&amp;b=2"')
    assert page.read_text(encoding="utf-8") == after


def test_search_works_from_file_urls(bundle, page):
    page.goto((bundle / "index.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("overdose")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href.split('?')[0])")
    assert (bundle / "practices" / "quick-response-teams.html").as_uri() in hrefs


def test_no_console_errors_from_file_urls(bundle, page):
    errors = console_errors(page)
    for rel in PAGES:
        page.goto((bundle / rel).as_uri(), wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("overdose")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    page.wait_for_load_state("networkidle")
    assert errors == []


def test_catalog_filters_work_from_file_urls(bundle, page):
    page.goto((bundle / "practices" / "index.html").as_uri())
    page.wait_for_selector('#prss-catalog[data-ready="ready"]', timeout=30_000)
    shown = page.locator("#prss-catalog .prss-cards > li:visible")
    assert shown.count() == 2
    page.check('input[name="mentor"][value="project-fort"]')
    assert shown.count() == 1
    assert "Post-overdose outreach" in shown.inner_text()
