"""The offline bundle: the zipped site, unpacked, works from file:// in Chromium, search included."""
import zipfile

import pytest

from conftest import make_root
from prss.site.generate import generate
from prss.site.offline import ZIP_NAME, build_offline


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The fixture library's offline zip, unpacked; PDFs are left out here (test_pdf covers them)."""
    root = make_root(tmp_path_factory.mktemp("offline"))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF", "0")
        assert generate(root) == 0
        target = build_offline(root, root / "dist")
    assert target == root / "dist" / ZIP_NAME
    with zipfile.ZipFile(target) as archive:
        archive.extractall(root / "unpacked")
    return root / "unpacked" / target.stem


def test_bundle_uses_file_urls_not_directory_urls(bundle):
    assert (bundle / "practices" / "quick-response-teams.html").is_file()
    html = (bundle / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and 'src="assets/javascripts/iframe-worker-shim.js"' in html


def test_search_works_from_file_urls(bundle, page):
    page.goto((bundle / "index.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("overdose")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href.split('?')[0])")
    assert (bundle / "practices" / "quick-response-teams.html").as_uri() in hrefs
