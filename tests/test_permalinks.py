"""Permanent URLs end to end: a renamed, a retired and a hostile practice in one fixture build."""
import re
from html.parser import HTMLParser

import pytest

from conftest import FIXTURE, make_root
from prss.cli.build import main as build
from prss.cli.ledger import append_new
from prss.config import read_site
from prss.content.library import load_library
from prss.content.permalinks import LEDGER
from prss.render.jinja import environment
from prss.render.jsonld import jsonld
from prss.verify.gates import unbuilt_urls

SITE_URL = "https://links.example.test/library/"
QRT = (FIXTURE / "content/practices/quick-response-teams.md").read_text(encoding="utf-8")
OLD = "content/practices/quick-response-teams.md"
NEW = "content/practices/post-overdose-outreach.md"
HOSTILE_SUMMARY = '=HYPERLINK("https://evil.example") & "quotes" > /script and -- never closed ]]>'
RETIRED = QRT.replace("title: Post-overdose outreach and Quick Response Teams", "title: Old outreach model").replace(
    "last_reviewed: 2026-11-29", "last_reviewed: 2026-01-05\nupdated: 2026-02-01\nretired:\n  date: 2026-03-01\n"
    "  replaced_by: post-overdose-outreach\n  reason: Merged into post-overdose outreach.")
HOSTILE = QRT.replace("title: Post-overdose outreach and Quick Response Teams",
                      "title: 'Peer \"quote\" & ampersand practice'").replace(
    QRT.split("summary: ")[1].split("\nobjectives")[0], "'" + HOSTILE_SUMMARY.replace("'", "''") + "'")


def renamed(extra: str = "") -> dict:
    return {OLD: None, NEW: QRT.replace("last_reviewed:", extra + "last_reviewed:"),
            LEDGER: "# ledger\n/practices/quick-response-teams/\n/practices/ed-peer-recovery-coaching/\n"}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    files = renamed("aliases: [quick-response-teams]\n") | {
        "content/practices/old-outreach.md": RETIRED, "content/practices/hostile-text.md": HOSTILE}
    root = make_root(tmp_path_factory.mktemp("permalinks"), files)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", SITE_URL)
        assert build([str(root)]) == 0
    return root


def html(root, rel):
    return (root / "site" / rel / "index.html").read_text(encoding="utf-8")


def test_rename_without_alias_names_the_lost_url(tmp_path, capsys):
    root = make_root(tmp_path, renamed())
    assert [str(p).split("\n")[0] for p in load_library(root).problems] == [
        f"{LEDGER}:2:1: error: the published URL /practices/quick-response-teams/ no longer resolves [lost-url]"]
    assert build([str(root)]) == 1
    assert "/practices/quick-response-teams/ no longer resolves" in capsys.readouterr().err


def test_old_url_redirects_to_the_new_page(root):
    page = html(root, "practices/quick-response-teams")
    new = SITE_URL + "practices/post-overdose-outreach/"
    assert f'<link rel="canonical" href="{new}">' in page
    assert '<meta http-equiv="refresh" content="0; url=../post-overdose-outreach/">' in page
    assert f'<a href="../post-overdose-outreach/">{new}</a>' in page
    assert "Post-overdose outreach" in html(root, "practices/post-overdose-outreach")


def test_redirect_keeps_the_anchor_in_a_browser(root, page):
    from browser import serve
    with serve(root / "site") as url:
        page.goto(url + "practices/quick-response-teams/#evidence")
        page.wait_for_url("**/practices/post-overdose-outreach/#evidence")
        assert page.locator("h1").inner_text().startswith("Post-overdose outreach")


def test_retired_practice_leaves_a_tombstone(root):
    page = html(root, "practices/old-outreach")
    assert "This practice was retired on 2026-03-01" in page and "Merged into post-overdose outreach." in page
    assert 'href="../post-overdose-outreach/"' in page and 'id="cite"' in page


def test_retired_practice_is_in_no_list(root):
    for rel in ("practices", "objectives/spread-practice", "mentors/project-fort"):
        assert "old-outreach/" not in html(root, rel), rel
    assert "post-overdose-outreach/" in html(root, "practices")
    assert "old-outreach" not in (root / "site/search/search_index.json").read_text(encoding="utf-8")


def test_ledger_url_missing_from_the_build_is_named(root, tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / LEDGER).write_text("# ledger\n/practices/\n/data/gone.json\n", encoding="utf-8")
    assert unbuilt_urls(tmp_path, root / "site") == [
        f"{LEDGER}:3: the published URL /data/gone.json no longer resolves (nothing was built at it); add an "
        "alias to the file that replaced it or retire it; never remove a published URL"]


def test_ledger_grows_sorted_and_only_once(root, tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / LEDGER).write_text("# ledger\n/practices/quick-response-teams/\n", encoding="utf-8")
    added = append_new(tmp_path, root / "site")
    assert {"/practices/old-outreach/", "/feed.xml", "/data/practices.csv", "/"} <= set(added)
    urls = [u for u in (tmp_path / LEDGER).read_text().split("\n") if u.startswith("/")]
    assert urls == sorted(urls) and "/practices/quick-response-teams/" in urls
    assert append_new(tmp_path, root / "site") == []


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ld, self._open = [], False

    def handle_starttag(self, tag, attrs):
        self._open = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag):
        self._open = False

    def handle_data(self, data):
        if self._open:
            self.ld.append(data)


def test_jsonld_holds_hostile_text_safely(root):
    import json
    parser = _Scripts()
    parser.feed(html(root, "practices/hostile-text"))
    (data,) = [json.loads(text) for text in parser.ld]
    assert data["description"] == HOSTILE_SUMMARY and data["name"] == 'Peer "quote" & ampersand practice'
    assert data["url"] == SITE_URL + "practices/hostile-text/" and data["@type"] == "WebPage"


@pytest.mark.parametrize("field", ["title", "summary", "references"])
def test_jsonld_cannot_be_closed_by_any_field(root, field):
    import dataclasses
    import json

    import yaml
    hostile = '</script><script>alert("x")</script><!-- \u2028 & "'
    practice = load_library(root).library.practices[0]
    value = (dataclasses.replace(practice.references[0], title=hostile, authors=hostile),) \
        if field == "references" else hostile
    practice = dataclasses.replace(practice, **{field: value})
    front_matter = yaml.safe_load("jsonld: " + environment().filters["yaml_text"](jsonld(practice, read_site(root))))
    parser = _Scripts()
    parser.feed(f'<script type="application/ld+json">{front_matter["jsonld"]}</script><p>after</p>')
    (data,) = [json.loads(text) for text in parser.ld]
    assert hostile in (data["name"], data["description"], data["citation"][0]["name"])


def test_link_preview_tags_are_escaped(root):
    page = html(root, "practices/hostile-text")
    assert '<meta property="og:title" content="Peer &#34;quote&#34; &amp; ampersand practice">' in page
    assert '<meta property="og:description" content="=HYPERLINK(&#34;https://evil.example&#34;) &amp; ' in page
    assert f'<meta property="og:url" content="{SITE_URL}practices/hostile-text/">' in page


def test_every_page_links_the_feed(root):
    pages = [p for p in (root / "site").rglob("*.html") if "http-equiv=\"refresh\"" not in p.read_text()]
    assert len(pages) > 20
    for path in pages:
        assert 'type="application/atom+xml"' in path.read_text(encoding="utf-8"), path


def test_sitemap_lists_canonical_pages_only(root):
    locs = re.findall(r"<loc>(.*?)</loc>", (root / "site/sitemap.xml").read_text(encoding="utf-8"))
    assert all(loc.startswith(SITE_URL) for loc in locs)
    assert SITE_URL + "practices/post-overdose-outreach/" in locs and SITE_URL + "data/" in locs
    assert SITE_URL + "practices/quick-response-teams/" not in locs
