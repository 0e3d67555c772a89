"""Each attack of the golden cases in other spellings: the rule refuses the general form, not one payload.

The golden cases (tests/cases/) show each problem once with its exact message; these tables feed the
same rules many variants of the same attack, and the harmless look-alikes they must let through.
"""
import shutil

import pytest

from conftest import make_root
from prss.content.body import check_body, check_page_body
from prss.content.frontmatter import Document
from prss.content.library import load_library
from prss.content.text import is_web_url, text_faults

TEXT_ATTACKS = [
    ("attribute-list", v) for v in ("Peer {: onclick=alert(1) }", "Peer {onclick=alert(1)}", "Peer {:#x}",
                                    "{ .x onfocus=y } Peer", "Peer {:.a}{: b}", "Peer {{ config }}")
] + [
    ("line-break-in-text", v) for v in ("Line\nbreak", "Line\rbreak", "Line\r\nbreak", "Line\x85break",
                                        "Line\u2028break", "Line\u2029break", "Line\n")
] + [
    ("control-character", v) for v in ("Peer\x00", "Peer \x1b[31m", "Peer\v", "Peer\x0c", "Peer\x7f", "Peer\x9b",
                                       "Peer\ufffe", "Peer\uffff", "Peer\ufdd0", "Peer\tsupport", "\x01Peer")
] + [
    ("bidi-control", v) for v in ("Peer \u202eefas", "Peer \u202a", "Peer \u202b", "Peer \u202c", "Peer \u202d",
                                  "Peer \u2066x\u2069", "Peer \u2067", "Peer \u2068", "Peer \u200e", "Peer \u200f",
                                  "Peer \u061c")
] + [
    ("html-in-text", v) for v in ("<https://b/onfocus=x>", "Peer <b>", "a < b", "Peer <", "</title>", "<!-- x",
                                  "&amp;", "&#60;", "&#x3C;", "&lt;script&gt;", "<mailto:x@y>")
] + [
    ("markdown-in-text", v) for v in ("# Title", "#Title", "## x", "> quote", ">quote", "- item", "* item", "+ item",
                                      "1. one", "12. twelve", "    code", "\tcode", "```x", "~~~", ": definition",
                                      "!!! note", "[a]: https://evil.example", "***", "- - -", "___", "===", "  # x")
]
PLAIN_TEXT = ["Peer support (PRSS): what works", "Ages 18+ and 65 plus", "R&D", "5 > 3", "50% of people",
              'It\'s "quoted"', "Café naïve façade", "Step 1. Then step 2.", "Peer-run: yes", "C# and F#",
              "Costs $5-$10 [1]", "e-mail", "-2 dash", "+1 call line", "=HYPERLINK(1)", "@SUM(1)", "a] b[ c"]


@pytest.mark.parametrize("code,value", TEXT_ATTACKS, ids=repr)
def test_text_fields_refuse_every_spelling(code, value):
    assert code in [found for found, _, _ in text_faults(value, "title")]


@pytest.mark.parametrize("value", PLAIN_TEXT)
def test_plain_text_passes(value):
    assert list(text_faults(value, "title")) == []


@pytest.mark.parametrize("url", ["https://example.org/>{:onfocus=1}", "https://example.org/\"x", "https://x.org/ a",
                                 "https://x.org/<b>", "https://x.org/{x}", "https://x.org/\u202e", "https://x.org/\x00",
                                 "javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "file:///etc/passwd",
                                 "https://[x.org/", "https:///path", "//x.org/", "https://x.org/`", "https://x.org/\n"])
def test_addresses_refuse_every_spelling(url):
    assert not is_web_url(url)


BODY_ATTACKS = [
    ("attribute-list", b) for b in (
        "Text [1].\n{: onclick=x }", "Text [1].\n{onclick=x}", "Text [1].\n{:onclick=x}",
        "[a](https://x){: style=\"x\"}", "![a](https://x/a.png){onerror=x}", "### H {: autofocus }", "### H {#a #b}",
        "```{ onclick=x }\ncode\n```",
        "| a {: onclick=x} |\n|---|\n| b |", "`x`{: onclick=y }", "Text  \n{: onclick=x } more", "**b**{: onclick=x }",
        "[a][r]{: onclick=x}\n\n[r]: https://x", "Text {: .ok } and {: onclick=x }", "- item\n{: hidden }")
] + [
    ("raw-html", b) for b in (
        "```\n<svg onload=x>", "``` words\n<svg onload=x>\n```", "~~~\n<svg/onload=x>\n~~~", "```\n<b>\n```",
        "    <script>x</script>", "x `\n`<svg onload=x>`", "`x\n### <b>` y", "<a href=x href=y>", "\\<svg onload=x>",
        "<!-- x -->", "<?php x ?>", "<SCRIPT>", "a <b onmouseover=x", "`a` <i>x</i> `b`", "<https://x>y<b>")
] + [
    ("control-character", b) for b in ("a\x00b", "a\x1b[2Jb", "a\x7fb", "a\ufffeb", "a\x08b", "a\x9bb")
] + [
    ("body-heading-level", b) for b in ("# x", "#x", "## x", "- # x", "> # x", "1. ## x", "x\n===", "x\n---",
                                        "x\n=-=", "  ## x", "* > # x")
] + [
    ("unknown-citation", b) for b in ("[١]", "[１]", "[٣٢]", "[9]", "[0]", "[4]")
] + [
    ("bad-url", b) for b in ("[a](javascript:x)", "[a](\njavascript:x)", "[a]: \n  data:text/html,x",
                             "[a](JaVaScRiPt:x)", "[a](java&#x73;cript:x)", "[a](<vbscript:x>)", "![a](data:image/png;base64,x)",
                             "[a](java\tscript:x)", "[a]:  file:///etc/passwd")
] + [
    ("too-complex", b) for b in ("[" * 3000, "![" * 2000, "[a](" * 2000, "- " * 30 + "x", ">" * 30 + " x",
                                 "".join("    " * i + "- x\n" for i in range(25)), "*" * 200, "_" * 200,
                                 "line\n" * 250, "word " * 5000, "x\n\n" * 2600, ("_a_ " * 1000 + "\n\n") * 11,
                                 "### x\n\n" * 501, "x\n---\n\n" * 501)
]
SAFE_BODIES = ["Use `<script>` tags with care [1].", "### H {: #id .c }\n\nText [1].", "Text [1].\n{: .lead }",
               "a < b and c > d [1]", "x\n\n---\n\ny [1]", "[1][2][3]", "``<b>`` and `` `<i>` `` [1]",
               "See [the guide](https://example.org/g) and <https://example.org/> [1].", "### Level three\n\n[1]",
               "| a | b |\n|---|---|\n| 1 | 2 |", "- one\n    - two\n        - three [1]", "Costs $5 {per visit [1].",
               ("word " * 3990 + "[1]\n\n") * 10, "### x [1]\n\n" * 400,
               ("[a](https://example.org/x) " * 300 + "\n\n") * 20]


def body_codes(body: str, references: int = 3) -> list[str]:
    return [p.code for p in check_body(Document("x.md", {}, body + "\n", 1), references)]


@pytest.mark.parametrize("code,body", BODY_ATTACKS, ids=lambda v: repr(v)[:40])
def test_bodies_refuse_every_spelling(code, body):
    assert code in body_codes(body)


@pytest.mark.parametrize("body", SAFE_BODIES)
def test_safe_bodies_pass(body):
    assert body_codes(body) == []


def test_site_pages_get_the_safety_rules_too():
    page = Document("p.md", {}, "# Any heading\n\n```\n<svg onload=x>\n{: onclick=x }\n", 1)
    assert [p.code for p in check_page_body(page)] == ["raw-html", "attribute-list"]


def test_a_content_folder_linked_outside_the_repository_is_refused(tmp_path):
    root, outside = make_root(tmp_path / "repo"), tmp_path / "elsewhere"
    shutil.copytree(root / "content/mentors", outside)
    shutil.rmtree(root / "content/mentors")
    (root / "content/mentors").symlink_to(outside)
    assert [p.code for p in load_library(root).problems if p.path == "content/mentors"] == ["symlink-outside"]
