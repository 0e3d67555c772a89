"""Body rules: what the Markdown text below the front matter may hold.

Every line is checked, fenced code included: Python-Markdown reads an unclosed fence, or a line like
"``` words", as text, so no rule trusts a fence. Text inside a code span is exempt from the HTML and
attribute-list rules only where Markdown is certain to read it as code (prss.content.syntax).
"""
from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Iterator

from prss.content import syntax
from prss.content.frontmatter import Document
from prss.content.text import HTML_TAG, NONCHARACTERS
from prss.problems import Problem

# An ATX heading of level 1 or 2, also inside a list item or quote: Markdown needs no space after the '#'.
HEADING = re.compile(r"[ \t]*(?:(?:[-*+]|[0-9]+\.)[ \t]+|>[ \t]*)*(#{1,2})(?!#)")
HEADING_ANYWHERE = re.compile(r"\n[ \t>*+\-0-9.]*#{1,2}(?!#)")  # finds at least what HEADING finds after line 1
SETEXT = re.compile(r"[=-]+ *")  # under a line of text: a '#' (===) or '##' (---) heading
SETEXT_ANYWHERE = re.compile(r"\n[=-]+ *$", re.M)  # an underline-like line; the line rule looks above it
ANY_DIGITS = re.compile(r"\[(?<!\\\[)(\d+)\](?![(:])")  # CITATION with any Unicode digit, to catch [١]
PLACEHOLDER = re.compile(r"\bTODO:")  # what the scaffold writes where the text is still to be written
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]*>")
CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{NONCHARACTERS}]")  # tab and line breaks aside
URL_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https", "mailto")
DEEP = re.compile(r"[ \t>*+\-0-9.]{21,}")  # .match: a line that might open more than MAX_NESTING levels
DEEP_ANYWHERE = re.compile(r"\n" + DEEP.pattern)


def check_body(doc: Document, reference_count: int) -> Iterator[Problem]:
    """Practice and mentor text: no #/## headings, [n] cites a listed reference, no TODO, plus the page rules.

    Passes: '### How it works' then 'Peers meet weekly [1].'  Fails: '# How it works', '[7]' with two
    references, 'TODO: write this'.
    """
    yield from _check(doc, reference_count)


def check_page_body(doc: Document) -> Iterator[Problem]:
    """A site page's text may use any heading and has no references, but gets the same HTML and link rules."""
    yield from _check(doc, None)


def _check(doc: Document, references: int | None) -> Iterator[Problem]:
    body = doc.body
    if _clean(body, references):
        return
    lines = body.split("\n")
    spans: dict[int, list] = {}
    for block in syntax.blocks(lines) if "`" in body else ():
        if any("<" in line or "{" in line for line in block.lines):  # the only rules code spans change
            spans.update(syntax.code_spans(block))
    for i, line in enumerate(lines):
        yield from _line(doc, doc.body_line + i, line, spans.get(i, []))
        if references is not None:
            yield from _text_rules(doc, doc.body_line + i, line, lines[i - 1] if i else "", references)
    yield from _link_schemes(doc, body)
    yield from _complexity(doc, lines)


def _clean(body: str, references: int | None) -> bool:
    """One pass over the whole text: True when no line can break a rule, so the line scan is skipped.

    Each search finds at least what the line rules find, so a False only costs the slower scan.
    """
    if "<" in body or "{" in body or "*" * 101 in body or "_" * 101 in body or CONTROL.search(body):
        return False
    if len(body) > syntax.MAX_BLOCK_CHARS or body.count("\n") >= syntax.MAX_BLOCK_LINES:
        return False
    if DEEP.match(body) or DEEP_ANYWHERE.search(body):
        return False
    if body.count("[") * len(body) > syntax.MAX_PAIRING:
        return False
    if references is not None:
        if HEADING.match(body) or HEADING_ANYWHERE.search(body) or SETEXT_ANYWHERE.search(body) or "TODO:" in body:
            return False
        cited = set(ANY_DIGITS.findall(body))
        if any(not n.isascii() or not 1 <= int(n) <= references for n in cited):
            return False
    return not any(_unsafe_scheme(url) for _, url in syntax.link_targets(body))


def _line(doc: Document, lineno: int, line: str, spans: list) -> Iterator[Problem]:
    """The rules for every body: control characters, raw HTML, attribute lists.

    Passes: 'Use `<b>` for bold {: .note }'.  Fails: '<b>bold</b>', 'Text {: onclick=x }', a NUL byte.
    """
    control = CONTROL.search(line)
    if control:
        yield Problem(doc.path, lineno, control.start() + 1, "control-character",
                      f"the text contains the invisible control character U+{ord(control.group(0)):04X}",
                      "delete it (retype the text around it); it often comes from copying out of a PDF or a terminal")
    if "<" in line:
        masked = AUTOLINK.sub(lambda m: " " * len(m.group(0)), line)  # <https://...> is a link, kept in place
        tag = next((m for m in HTML_TAG.finditer(masked) if not syntax.in_span(spans, m.start())), None)
        if tag:
            yield Problem(doc.path, lineno, tag.start() + 1, "raw-html",
                          f"the text contains HTML '{tag.group(0)[:40]}'",
                          "write Markdown instead: **bold**, [link text](https://...), lists with '-'; "
                          "to show code, put it between backticks on one line")
    for column, token in syntax.attribute_lists(line, spans) if "{" in line else ():
        yield Problem(doc.path, lineno, column + 1, "attribute-list",
                      f"the attribute list sets '{token[:40]}'; only '#id' (one) and '.class' are allowed",
                      "remove it, or write only e.g. '{: #my-anchor .class-name }'; attributes such as onclick, "
                      "style or autofocus are refused")


def _text_rules(doc: Document, lineno: int, line: str, above: str, references: int) -> Iterator[Problem]:
    """The rules for practice and mentor text: heading levels, citations and placeholders.

    Passes: '### Steps', 'as one study found [2]'.  Fails: '## Steps', 'Steps' over '=====', '[٢]'.
    """
    heading = HEADING.match(line)
    if heading:
        yield Problem(doc.path, lineno, heading.start(1) + 1, "body-heading-level",
                      "the text uses a '#' or '##' heading",
                      "use '###' for headings in the text; the page supplies the top levels")
    elif above.strip() and SETEXT.fullmatch(line):
        yield Problem(doc.path, lineno, 1, "body-heading-level",
                      f"the line above is underlined with '{line.strip()[:3]}', which makes it a '#' or '##' heading",
                      "use '###' for headings in the text; to draw a line, leave a blank line above '---'")
    todo = PLACEHOLDER.search(line)
    if todo:
        yield Problem(doc.path, lineno, todo.start() + 1, "placeholder-text",
                      "the text still has a 'TODO:' placeholder from the template",
                      "replace the whole 'TODO:' line with your own text, or delete the section")
    for match in ANY_DIGITS.finditer(line) if "[" in line else ():
        number = match.group(1)
        if not number.isascii():
            yield Problem(doc.path, lineno, match.start() + 1, "unknown-citation",
                          f"the text cites [{number}], written with other digits than 0-9",
                          "write the reference's number with the digits 0-9, e.g. [1]")
        elif not 1 <= int(number) <= references:
            listed = f"{references} reference" + ("s" if references != 1 else "")
            yield Problem(doc.path, lineno, match.start() + 1, "unknown-citation",
                          f"the text cites [{number}], but the file lists {listed}",
                          "cite a reference by its number in the 'references' list, starting at [1]")


def _link_schemes(doc: Document, body: str) -> Iterator[Problem]:
    """Links whose scheme a browser would run or open locally (javascript:, data:, file:).

    Passes: 'See [the guide](https://example.org/guide).'  Fails: 'See [this](javascript:alert(1)).'
    """
    for offset, url in syntax.link_targets(body):
        scheme = _unsafe_scheme(url)
        if scheme:
            yield Problem(doc.path, *position(doc, offset), "bad-url",
                          f"the link '{' '.join(url.split())[:60]}' uses the '{scheme}:' scheme",
                          "link to an http(s) address, or to another page with a relative link like ../other-page/")


def position(doc: Document, offset: int) -> tuple[int, int]:
    """The file's line and column of a character of the body, given by its offset."""
    starts = _line_starts(doc.body)
    line = bisect.bisect_right(starts, offset) - 1
    return doc.body_line + line, offset - starts[line] + 1


@functools.lru_cache(maxsize=4)  # one body's problems are placed one after another
def _line_starts(body: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", body)]


def _unsafe_scheme(url: str) -> str:
    """The scheme of a link a browser would run or open locally (javascript:, data:, file:), else ''."""
    scheme = URL_SCHEME.match(re.sub(r"[\x00-\x20]", "", html.unescape(url)))
    return scheme.group(1) if scheme and scheme.group(1).lower() not in SAFE_SCHEMES else ""


def _complexity(doc: Document, lines: list[str]) -> Iterator[Problem]:
    """Limits that keep Python-Markdown fast and within its stack (see prss.content.syntax).

    Passes: a 20 KB practice of paragraphs, lists and links. Fails: 16 KB of '[', a list nested 600 deep.
    """
    def too(line: int, message: str, hint: str) -> Problem:
        return Problem(doc.path, doc.body_line + line, 1, "too-complex", message, hint)

    yield from _file_limits(doc, lines, too)
    cost, budget = 0, syntax.MAX_PAIRING + 4 * len(doc.body)
    for block in syntax.blocks(lines):
        if len(block.lines) > syntax.MAX_BLOCK_LINES or sum(map(len, block.lines)) > syntax.MAX_BLOCK_CHARS:
            yield too(block.first, f"a paragraph, list or table runs for {len(block.lines):,} lines and "
                      f"{sum(map(len, block.lines)):,} characters without a blank line; the limits are "
                      f"{syntax.MAX_BLOCK_LINES} lines and {syntax.MAX_BLOCK_CHARS:,} characters",
                      "put a blank line between paragraphs, and split a long list or table in two")
        before, cost = cost, cost + syntax.pairing_cost(block)
        if before <= budget < cost:
            yield too(block.first, "the text has so many unclosed '[' or '](' that Markdown would take "
                      "minutes to read it", "close every '[' with ']' and every '](' with ')'; write a lone "
                      "bracket as '\\['")
    for i, line in enumerate(lines):
        depth = syntax.nesting(line) if DEEP.match(line) else 0
        run = syntax.EMPHASIS_RUN.search(line) if "**" in line or "__" in line else None
        if depth > syntax.MAX_NESTING:
            yield too(i, f"the line is nested {depth} levels deep in lists, quotes or indents; the limit is "
                      f"{syntax.MAX_NESTING}", "flatten the list or quote: a few levels are enough")
        if run:
            yield too(i, f"the line has a run of {len(run.group(0)):,} '{run.group(0)[0]}' characters; the limit "
                      "is 100", "shorten the run; for a dividing line write '---' on a line of its own")


def _file_limits(doc: Document, lines: list[str], too) -> Iterator[Problem]:
    """How many lines, headings and markup characters one text may have."""
    split = "split the text, or move long material to a linked reference"
    if len(lines) > syntax.MAX_LINES:
        yield too(syntax.MAX_LINES, f"the text has {len(lines):,} lines; the limit is {syntax.MAX_LINES:,}", split)
    markup = sum(doc.body.count(c) for c in syntax.MARKUP)
    if markup > syntax.MAX_MARKUP:
        yield too(0, f"the text has {markup:,} Markdown markup characters (* _ ` [ ] & < | \\); the limit is "
                  f"{syntax.MAX_MARKUP:,}", split)
    headings = sum(1 for line in lines if syntax.HEADING_LINE.match(line))
    if headings > syntax.MAX_HEADINGS:
        yield too(0, f"the text has {headings:,} headings; the limit is {syntax.MAX_HEADINGS}", split)
