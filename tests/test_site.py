"""The one end-to-end build: the fixture library through build.py and MkDocs, checked in the HTML."""
import json
import re

import pytest

from conftest import make_root
from prss.cli.build import main


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("fixture"))
    assert main([str(root)]) == 0
    return root / "site"


def page(site, rel):
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_practice_page_names_objectives_and_links_mentor(site):
    html = page(site, "practices/quick-response-teams")
    assert 'href="../../objectives/spread-practice/">Spread evidence-supported practice</a> (primary)' in html
    assert 'href="../../mentors/project-fort/">Project FORT</a>' in html
    assert 'href="../../intercepts/1/">Intercept 1: Law Enforcement</a>' in html


def test_mentor_page_lists_its_practice(site):
    html = page(site, "mentors/project-fort")
    practices = html.split('id="practices"')[1].split('id="references"')[0]
    assert "quick-response-teams/" in practices and "ed-peer-recovery-coaching" not in practices


def test_objective_page_lists_tagged_practices(site):
    html = page(site, "objectives/diversion-capacity")
    assert "quick-response-teams/" in html and "ed-peer-recovery-coaching/" not in html


def test_every_content_file_produced_one_page(site):
    built = sorted(p.parent.name for p in (site / "practices").glob("*/index.html"))
    assert built == ["ed-peer-recovery-coaching", "quick-response-teams"]
    assert sorted(p.parent.name for p in (site / "mentors").glob("*/index.html")) == ["project-fort"]


def test_citations_link_to_references(site):
    html = page(site, "practices/ed-peer-recovery-coaching")
    assert re.search(r'<a href="#ref-1">\[1\]</a>', html)
    assert 'id="ref-1"' in html


def test_our_version_stays_out_of_materials_version_selector(site):
    """extra.version is Material's (mike's version selector and "outdated" banner); ours is extra.library_version."""
    html = page(site, "practices/quick-response-teams")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    assert config["version"] is None and 'data-md-component="outdated"' not in html
    assert "(Version 1.0) [Data set]" in page(site, "data")


def test_bad_content_fails_the_build_with_file_and_line(tmp_path, capsys):
    text = (make_root(tmp_path / "a") / "content/practices/quick-response-teams.md").read_text()
    root = make_root(tmp_path / "b", {"content/practices/quick-response-teams.md":
                                      text.replace("objectives: [spread-practice, diversion-capacity]\n", "")})
    assert main([str(root)]) == 1
    assert "content/practices/quick-response-teams.md:1:1: error: the practice has no 'objectives' field" \
        in capsys.readouterr().err
    assert not (root / "site").exists()
