"""What a text field may hold: one line of plain text that every template, theme and format can print.

Templates put text fields into Markdown headings, lists, tables and attribute values, and the theme
prints a page's title without escaping it. So a text field holds no line break, no Markdown block syntax
at its start, no attribute list `{...}`, no '<' (tags and autolinks alike), no HTML entity, and no
invisible control or bidirectional character. Each fault is (code, message about the field, hint).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

Fault = tuple[str, str, str]

LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"  # the other planes' U+nFFFE are legal even in XML: left alone
# C0 and C1 controls (tab included, line breaks apart), DEL and Unicode's noncharacters such as U+FFFE.
CONTROL = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f{NONCHARACTERS}]")
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A tag, comment or declaration, closed or not: where an HTML parser starts one ('< b' stays text).
HTML_TAG = re.compile(r"<[a-zA-Z/!?][^>]*>?")
ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
ATTRIBUTE_LIST = re.compile(r"\{[^}]*\}")
# The start of a Markdown block: heading, quote, list item, code, fence, definition, note box, link definition, rule.
BLOCK_START = re.compile(r"(?P<code> {4}|\t)|\s*(?:(?P<heading>#)|(?P<quote>>)|(?P<item>[-*+]|[0-9]+\.)(?:\s|\Z)"
                         r"|(?P<fence>```|~~~)|(?P<definition>:)(?:\s|\Z)|(?P<note>!!!)|(?P<link>\[[^\]]*\]:)"
                         r"|(?P<rule>(?:[-*_=]\s*){3,}\Z))")
_BLOCKS = {"code": "a code block", "heading": "a heading", "quote": "a quotation", "item": "a list",
           "fence": "a code block", "definition": "a definition", "note": "a note box", "link": "a link definition",
           "rule": "a horizontal line"}
_MAYBE_BLOCK = frozenset(" \t#>-*+0123456789`~:![_=")
_SUSPECT = re.compile(f"[<&{{\n\r\x85\u2028\u2029\x00-\x1f\x7f-\x9f{NONCHARACTERS}"
                      "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Characters RFC 3986 never allows in an address (besides spaces and controls): they would end an autolink,
# open an attribute list or a tag wherever the address is printed.
URL_EXCLUDED = re.compile(r'[\s<>{}"\\^`|]')
# Most reference urls: certainly http(s) with a host, without asking urlsplit (a tenth of the field rules' time).
PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?")


def looks_plain(value: str) -> bool:
    """True for most text, decided by one search: then text_faults would find nothing."""
    return not _SUSPECT.search(value) and value[:1] not in _MAYBE_BLOCK


def text_faults(value: str, name: str) -> Iterator[Fault]:
    """Why `value` is not one line of plain text; `name` is how messages call the field.

    Passes: 'Jail peer navigation (MOUD)'.  Fails: 'Peer {: onfocus=x }', a line break, '# Title', 'Ages <18'.
    """
    if looks_plain(value):
        return
    yield from _character_faults(value, name)
    block = BLOCK_START.match(value)
    if block:
        kind = block.lastgroup or "code"
        yield ("markdown-in-text", f"'{name}' starts with '{block.group(0).strip() or block.group(0)}', which "
               f"Markdown turns into {_BLOCKS[kind]}", "start it with a word: text fields are plain text")
    attributes = ATTRIBUTE_LIST.search(value)
    if attributes:
        yield ("attribute-list", f"'{name}' contains '{attributes.group(0)[:40]}', which Markdown reads as an "
               "attribute list", "remove the curly braces: text fields cannot set HTML attributes")
    yield from _markup_faults(value, name)


def _character_faults(value: str, name: str) -> Iterator[Fault]:
    if LINE_BREAK.search(value):
        yield ("line-break-in-text", f"'{name}' runs over more than one line",
               "write it as one line; a long value may continue on indented lines after 'field: >-'")
    for pattern, code, what, why in (
            (CONTROL, "control-character", "the invisible control character", "it often comes from copying "
             "out of a PDF, or from a YAML escape such as \\0, \\e or \\v"),
            (BIDI, "bidi-control", "the bidirectional control character", "it can make the text show in another "
             "order than it is written")):
        found = pattern.search(value)
        if found:
            yield (code, f"'{name}' contains {what} U+{ord(found.group(0)):04X}", f"delete it; {why}")


def _markup_faults(value: str, name: str) -> Iterator[Fault]:
    tag = HTML_TAG.search(value) if "<" in value else None
    if tag:
        yield ("html-in-text", f"'{name}' contains HTML markup '{tag.group(0)[:40]}'",
               "write plain text: no tags or '<...>' links (write 'less than' for '<'), no entities like '&amp;'")
    elif "<" in value:
        yield ("html-in-text", f"'{name}' contains '<', which could start HTML markup or a link",
               "write 'less than' or 'under' instead of '<'")
    entity = ENTITY.search(value) if "&" in value else None
    if entity:
        yield ("html-in-text", f"'{name}' contains the HTML entity '{entity.group(0)}'",
               "type the character itself, e.g. '&' for '&amp;'")


def is_web_url(value) -> bool:
    """An http(s) address with a host, and nothing that could end it, hide in it or break out of it.

    Passes: 'https://example.org/a?b=1'.  Fails: 'javascript:alert(1)', 'https://example.org/>{:x}', 'www.x.org'.
    """
    if not isinstance(value, str):
        return False
    if PLAIN_WEB_URL.fullmatch(value):
        return True
    if URL_EXCLUDED.search(value) or CONTROL.search(value) or BIDI.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:  # 'https://[broken' is no address: "Invalid IPv6 URL"
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
