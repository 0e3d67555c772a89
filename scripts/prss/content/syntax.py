"""How Python-Markdown will read a body: which text is code, which braces are attribute lists, and what costs it.

The body rules ask this module where code spans are (text inside them is shown, never run), what an
attribute list sets, and how much work a block gives Markdown: its inline parser pairs every '[' and
'](' by scanning ahead, so unclosed ones cost time in proportion to the text after them, and nested
lists and quotes cost stack depth. Limits were measured with the extensions of mkdocs.yml: at these
values no block takes Python-Markdown more than about 0.1 s, so a 1 MB file converts in seconds.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Python-Markdown's own code-span pattern (markdown.inlinepatterns.BACKTICK_RE).
BACKTICK = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))")
# attr_list reads '{' (or '{:'), then everything to the last '}' of the line, as its tokens.
ATTRIBUTES = re.compile(r"\{:?[ ]*([^\}\n ][^\n]*)[ ]*\}")
SAFE_TOKEN = re.compile(r"#[A-Za-z][\w-]*|\.[A-Za-z_-][\w-]*")
NESTING = re.compile(r"(?:[ ]{4}|\t|>[ ]?|(?:[-*+]|[0-9]+\.)[ ]+)")
EMPHASIS_RUN = re.compile(r"\*{101,}|_{101,}")

MAX_BLOCK_LINES = 200
MAX_BLOCK_CHARS = 20_000
MAX_NESTING = 20
# Characters the inline parser may scan for a ']' or ')' in one file, beyond 4 per character of text (ordinary
# links cost about 1): at most a second or two.
MAX_PAIRING = 500_000
# Markdown spends 20 to 50 microseconds on each element, and splits a text into blocks with list.pop(0) and
# names duplicate headings in a loop, both quadratic: a page of 300,000 one-word paragraphs took 48 s.
MAX_LINES = 5_000
MAX_HEADINGS = 500
MAX_MARKUP = 20_000  # inline markup characters: * _ ` [ ] & < | and backslash
MARKUP = "*_`[]&<|\\"
HEADING_LINE = re.compile(r"[ \t>*+\-0-9.]*#|[=-]+ *$")


@dataclass(frozen=True)
class Block:
    """Lines between blank lines: the unit Python-Markdown parses a paragraph, list or table from."""
    first: int  # index of its first line in the body
    lines: list[str]


def blocks(lines: list[str]) -> Iterator[Block]:
    start = None
    for i, line in enumerate(lines + [""]):
        if line.strip() and start is None:
            start = i
        elif not line.strip() and start is not None:
            yield Block(start, lines[start:i])
            start = None


def code_spans(block: Block) -> dict[int, list[tuple[int, int]]]:
    """{line index in the body: [(start, end) of each code span, backticks included]}, where Markdown must agree.

    Markdown pairs backticks across the lines of a paragraph, and a heading or list marker can cut a
    block into several paragraphs. When every line pairs all of its own backticks, each line pairs
    them the same way whatever the cut; otherwise no span of the block is trusted.
    """
    spans: dict[int, list[tuple[int, int]]] = {}
    for offset, line in enumerate(block.lines):
        if "`" not in line:
            continue
        found = [m.span() for m in BACKTICK.finditer(line) if m.group(2)]
        gaps = zip([0] + [end for _, end in found], [start for start, _ in found] + [len(line)], strict=True)
        if any("`" in line[start:end] for start, end in gaps):
            return {}
        spans[block.first + offset] = found
    return spans


def in_span(spans: list[tuple[int, int]], column: int) -> bool:
    """Whether a column lies inside one of the spans (sorted, not overlapping)."""
    at = bisect.bisect_right(spans, (column, len(spans) and spans[-1][1] + 1)) - 1
    return at >= 0 and spans[at][0] <= column < spans[at][1]


def attribute_lists(line: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    """(column, token) for every token of an attribute list that is not an #id or a .class."""
    last = line.rfind("}")
    for brace in (i for i, c in enumerate(line) if c == "{" and i < last and not in_span(spans, i)):
        found = ATTRIBUTES.match(line, brace)
        if not found:
            continue
        tokens = found.group(1).rstrip()
        ids = 0
        for token in re.finditer(r"\S+", tokens):
            ids += token.group(0).startswith("#")
            if not SAFE_TOKEN.fullmatch(token.group(0)) or (ids > 1 and token.group(0).startswith("#")):
                yield found.start(1) + token.start(), token.group(0)
        return  # the first brace's list runs to the last '}' of the line, so it holds every later one


def nesting(line: str) -> int:
    """How many lists, quotes and indented blocks a line opens: 4 spaces, '>', '- ' or '1. ' at its start."""
    depth, at = 0, 0
    while True:
        found = NESTING.match(line, at)
        if not found:
            return depth
        depth, at = depth + 1, found.end()


def pairing_cost(block: Block) -> int:
    """Characters the inline parser scans to pair each '[' with its ']', and each '](' with its ')'.

    It scans from each opening character to the one that closes it, or to the end of the block when
    none does: quadratic in unclosed ones (16 KB of '[' took MkDocs 40 s), linear in ordinary links.
    """
    text = "\n".join(block.lines)
    if "[" not in text:
        return 0
    cost = 0
    for opening, closing, counts in (("[", "]", lambda at: True), ("(", ")", lambda at: text[at - 1:at] == "]")):
        open_at = []
        for match in re.finditer(f"[{re.escape(opening)}{re.escape(closing)}]", text):
            if match.group(0) == opening:
                open_at.append(match.start())
            elif open_at:
                at = open_at.pop()
                cost += match.start() - at if counts(at) else 0
        cost += sum(len(text) - at for at in open_at if counts(at))
    return cost


# What `[text](...)` holds up to its ')': the URL, maybe an optional title, and any tab or line break, which
# Python-Markdown keeps in the href and a browser then drops ('java<newline>script:' runs). A reference
# definition `[id]: url` may have its URL on the line below, as Python-Markdown's reference processor allows.
INLINE_TARGET = re.compile(r"\]\(\s*<?([^()<>]*(?:\([^()]*\)[^()<>]*)*)")
DEFINITION_TARGET = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.M)


def link_targets(body: str) -> Iterator[tuple[int, str]]:
    """(offset in the body, target) of every link, image and reference definition: the URL, for an inline
    link with whatever follows it before the ')' (a title, or the rest of a URL split by a line break)."""
    if "](" in body:
        yield from ((m.start(1), m.group(1)) for m in INLINE_TARGET.finditer(body))
    if "]:" in body:
        yield from ((m.start(1), m.group(1)) for m in DEFINITION_TARGET.finditer(body))
