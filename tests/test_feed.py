"""The Atom feed: well-formed, one entry per practice review or retirement, dated from front matter."""
import xml.etree.ElementTree as ET

from conftest import FIXTURE, REPO, make_root
from prss.config import read_site
from prss.content.library import load_library
from prss.render.feed import LIMIT, atom

NS = {"a": "http://www.w3.org/2005/Atom"}
LIBRARY = load_library(REPO).library
SITE = read_site(REPO)


def entries(xml: str) -> list[tuple[str, str, str]]:
    feed = ET.fromstring(xml.encode("utf-8"))
    return [(e.find("a:title", NS).text, e.find("a:updated", NS).text, e.find("a:link", NS).get("href"))
            for e in feed.findall("a:entry", NS)]


def test_feed_has_an_entry_per_practice_newest_first(repo_site):
    found = entries((repo_site / "feed.xml").read_text(encoding="utf-8"))
    practices = sorted(LIBRARY.practices, key=lambda p: (-max(p.last_reviewed, p.updated).toordinal(), p.slug))
    assert found == [(p.title, f"{max(p.last_reviewed, p.updated)}T00:00:00Z",
                      SITE.permalink(f"practices/{p.slug}/")) for p in practices][:LIMIT]


def test_feed_is_dated_by_its_newest_entry(repo_site):
    feed = ET.fromstring((repo_site / "feed.xml").read_bytes())
    assert feed.find("a:updated", NS).text == max(e[1] for e in entries(ET.tostring(feed, encoding="unicode")))


def test_retirement_and_special_characters(tmp_path):
    text = (FIXTURE / "content/practices/quick-response-teams.md").read_text(encoding="utf-8")
    retired = text.replace("title: Post-overdose", "title: R&D 'old' > new Post-overdose").replace(
        "last_reviewed: 2026-11-29", "last_reviewed: 2026-01-05\nretired:\n  date: 2026-03-01\n"
        "  replaced_by: quick-response-teams\n  reason: Merged & renamed.")
    root = make_root(tmp_path, {"content/practices/old-outreach.md": retired})
    found = entries(atom(load_library(root).library, read_site(root)))
    assert ("Retired: R&D 'old' > new Post-overdose outreach and Quick Response Teams", "2026-03-01T00:00:00Z",
            read_site(root).permalink("practices/old-outreach/")) in found
    assert len(found) == 3
