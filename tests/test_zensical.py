"""The exit path from Material's end of life: the same generated docs/ build with the pinned Zensical.

Zensical reads mkdocs.yml but no MkDocs plugins or hooks, which is why all our logic runs before MkDocs.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_repo
from prss.cli.build import main as build
from prss.verify.links import check_site

ZENSICAL = Path(sys.executable).with_name("zensical")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    root = copy_repo(tmp_path_factory.mktemp("zensical"))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF", "1")  # the same docs/ as `make site`, PDFs included
        assert build([str(root), "--generate-only"]) == 0
    result = subprocess.run([str(ZENSICAL), "build", "--strict", "--config-file", "mkdocs.yml"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.mark.parametrize("section", ["practices", "mentors"])
def test_every_content_file_has_a_zensical_page(zensical_site, section):
    sources = sorted(p.stem for p in (zensical_site / "content" / section).glob("*.md"))
    built = sorted(p.parent.name for p in (zensical_site / "site" / section).glob("*/index.html"))
    assert sources and built == sources


def test_zensical_practice_page_shows_the_generated_content(zensical_site):
    html = (zensical_site / "site/practices/quick-response-teams/index.html").read_text(encoding="utf-8")
    assert 'id="ref-1"' in html and 'href="#ref-1"' in html and "application/ld+json" in html


def test_zensical_site_has_no_broken_links(zensical_site):
    report = check_site(zensical_site / "site", "https://prss-library.example.org/")
    assert [str(b) for b in report.broken] == []
