"""Link integrity: the checker on hand-made sites and PDFs, then the gate on the real library."""
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject, NumberObject, TextStringObject
from weasyprint import HTML

from conftest import make_root
from prss.cli.build import main as build
from prss.cli.links import main
from prss.verify.links import build_errors, check_site
from prss.verify.pdflinks import check_pdf

SITE_URL = "https://prss.example.org/library/"
TARGET = '<h2 id="overview">Overview</h2><a name="old-anchor"></a>'


def make_site(tmp_path, markup: str):
    """A three-file site: page/index.html holds `markup`; other/index.html has anchors; img.png exists."""
    for rel, text in {"page/index.html": markup, "other/index.html": TARGET, "img.png": "png"}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return tmp_path


@pytest.mark.parametrize("markup, reason", [
    ('<a href="../other/">', ""),
    ('<a href="../other">', ""),
    ('<a href="../other/index.html#overview">', ""),
    ('<a href="../other/#old-anchor">', ""),
    ('<a href="/library/other/">', ""),
    (f'<a href="{SITE_URL}other/#overview">', ""),
    ('<a href="https://example.org/elsewhere">', ""),
    ('<img src="../img.png" srcset="../img.png 2x">', ""),
    ('<a href="#here"><span id="here">', ""),
    ('<a href="../missing/">', "no file 'missing/index.html' in the site"),
    ('<a href="../other/#summary">', "'other/index.html' has no element with id 'summary'"),
    ('<a href="#nowhere">', "'page/index.html' has no element with id 'nowhere'"),
    ('<img src="../logo.png">', "no file 'logo.png' in the site"),
    ('<img srcset="../img.png 1x, ../big.png 2x">', "no file 'big.png' in the site"),
    ('<script src="../app.js"></script>', "no file 'app.js' in the site"),
    ('<link rel="stylesheet" href="../site.css">', "no file 'site.css' in the site"),
    ('<a href="../files/guide.pdf">', "no file 'files/guide.pdf' in the site"),
    ('<meta http-equiv="refresh" content="0; url=../gone/">', "no file 'gone/index.html' in the site"),
    ('<a href="javascript:alert(1)">', "the 'javascript:' scheme is not allowed"),
    ('<a href="/other/">', "a root-relative link must start with the site's path /library/"),
    ('<a href="../../../etc/passwd">', "no file 'etc/passwd' in the site"),
])
def test_link_resolution(tmp_path, markup, reason):
    report = check_site(make_site(tmp_path, markup), SITE_URL)
    assert [b.reason for b in report.broken] == ([reason] if reason else [])


@pytest.mark.parametrize("markup, found", [  # read as a browser reads them (HTML5)
    ('<!-- <a href="../nope/"> -->', []),
    ('<script>s = "<a href=\'../nope/\'>"</script >', []),
    ('<STYLE>p::after { content: "<a href=../nope/>" }</style>', []),
    ('<script src="../app.js"/><a href="../nope/">', ["../app.js"]),  # no self-closing <script>: the rest is its text
    ('<script src="../app.js"></script><a href="../nope/">', ["../app.js", "../nope/"]),
    ('<A HREF=../nope/>', ["../nope/"]),
    ('<a href="../nope/?a=1&amp;b=2">', ["../nope/?a=1&b=2"]),
    ('<p\n class="x">\n<a\n href="../nope/">', ["../nope/"]),
    ('<a href="#gone" ID="gone"><a href="#Gone">', ["#Gone"]),
    ('<![CDATA[ <a href="../cdata/"> ]]>\n<a href="../nope/" <b>', ["../nope/"]),  # a bogus comment, then a link
    ('<a href="../other/" href="../nope/">', []),  # the first of two values counts, as in a browser
    ('<a href="../nope/" href="../other/">', ["../nope/"]),
    ('<svg><a href="../nope/"><text>x</text></a></svg>', ["../nope/"]),
])
def test_what_counts_as_a_link(tmp_path, markup, found):
    report = check_site(make_site(tmp_path, markup), SITE_URL)
    assert [b.link for b in report.broken] == found


def test_report_names_file_and_link(tmp_path):
    site = make_site(tmp_path, '<p>intro</p>\n<p><a href="../other/#nope">x</a></p>')
    assert [str(b) for b in check_site(site).broken] == [
        "page/index.html: broken link '../other/#nope': 'other/index.html' has no element with id 'nope'"]


def test_stylesheet_urls_are_checked(tmp_path):
    site = make_site(tmp_path, "")
    (site / "site.css").write_text("a { background: url('img.png') }\nb { background: url(none.png) }")
    assert [(b.path, b.line, b.link) for b in check_site(site).broken] == [("site.css", 2, "none.png")]


def test_cli_exit_codes(tmp_path, capsys):
    assert main([str(make_site(tmp_path / "good", '<a href="../other/">'))]) == 0
    assert main([str(make_site(tmp_path / "bad", '<a href="../nope/">'))]) == 1
    assert "page/index.html: broken link '../nope/'" in capsys.readouterr().out
    assert main([str(tmp_path / "absent")]) == 2


def test_repo_site_and_its_pdfs_have_no_broken_links(repo_site):
    assert build_errors(repo_site, "https://prss-library.example.org/") == []
    report = check_site(repo_site, "https://prss-library.example.org/")
    assert report.files > 50 and report.links > 3000 and len(list(repo_site.rglob("*.pdf"))) > 20


def test_build_fails_on_a_broken_link(tmp_path, capsys):
    page = (make_root(tmp_path / "a") / "content/practices/quick-response-teams.md").read_text()
    root = make_root(tmp_path / "b", {"content/practices/quick-response-teams.md":
                                      page + "\nSee [the old guide](../../downloads/old-guide/).\n"})
    assert build([str(root)]) == 1
    assert ("practices/quick-response-teams/index.html (from content/practices/quick-response-teams.md): broken link "
            "'../../downloads/old-guide/'") in capsys.readouterr().err


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "two-pages.pdf"
    HTML(string='<h1 id="a">A</h1><a href="#b">to B</a><h1 id="b" style="break-before: page">B</h1>').write_pdf(path)
    return path


def test_pdf_internal_links_resolve(pdf):
    assert check_pdf(pdf) == []


def test_pdf_link_to_a_missing_destination_is_reported(pdf, tmp_path):
    def link_to_gone(root):
        root["/Pages"]["/Kids"][0]["/Annots"][0].get_object()[NameObject("/Dest")] = TextStringObject("gone")
    assert check_pdf(broken_copy(pdf, tmp_path, link_to_gone)) == [
        "broken.pdf: page 1: internal link to 'gone' resolves to no page"]


def test_pdf_named_destination_on_no_page_is_reported(pdf, tmp_path):
    def destination_b_to_page_number(root):  # a number instead of a page reference: no page of this file
        root["/Names"]["/Dests"]["/Names"][3][0] = NumberObject(7)
    assert check_pdf(broken_copy(pdf, tmp_path, destination_b_to_page_number)) == [
        "broken.pdf: named destination 'b' points at no page",
        "broken.pdf: page 1: internal link to 'b' resolves to no page"]


def test_pdf_bookmark_on_no_page_is_reported(pdf, tmp_path):
    def first_bookmark_to_page_number(root):
        root["/Outlines"]["/First"]["/Dest"][0] = NumberObject(7)
    assert check_pdf(broken_copy(pdf, tmp_path, first_bookmark_to_page_number)) == [
        "broken.pdf: bookmark 'A' resolves to no page"]


def broken_copy(pdf, tmp_path, damage):
    """A copy of `pdf` with `damage(its root object)` applied."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    damage(writer.root_object)
    writer.write(tmp_path / "broken.pdf")
    return tmp_path / "broken.pdf"


def test_a_pdf_larger_than_pypdfs_default_guards_is_still_checked(pdf, tmp_path):
    """A 1,000-practice library PDF holds arrays of over 100,000 entries (pypdf's default limit)."""
    def big_array(root):
        root[NameObject("/PRSSMany")] = ArrayObject([NumberObject(0)] * 150_000)
    assert check_pdf(broken_copy(pdf, tmp_path, big_array)) == []


def test_an_unreadable_pdf_is_reported_not_raised(tmp_path):
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.7\n% cut short by a failed upload\n")
    assert check_pdf(tmp_path / "cut.pdf") == [
        "cut.pdf: cannot be read as a PDF (Stream has ended unexpectedly); build it again with `make pdf`"]
