"""What Material's search indexes of a page's body, and where the built index is.

What goes into the index is decided in the templates: practice pages carry `search: boost` in their
front matter and list their fields, settings' search words included, in the facts block, while
reference lists, citation boxes, related-practice lists and the browse pages' practice lists carry
`data-search-exclude`, so each practice's text is indexed once, on its own page. `search_leads` leaves
out the later paragraphs of each body section.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from prss.model import CODE_FENCE as FENCE

INDEX = Path("search") / "search_index.json"  # where Material's search plugin writes the index in site/
# A block that starts like a paragraph: not a list item, quote, table, definition, attribute list or indented code.
LEAD_PARAGRAPH = re.compile(r"^ {0,3}(?![-*+] |\d+[.)] |[>|:{]|#)\S")
SETEXT_OR_RULE = re.compile(r"^ {0,3}([-=_*])(\s*\1)*\s*$")
EXCLUDE = "{ data-search-exclude }"


def search_leads(body: str) -> str:
    """Leave each section's later paragraphs out of the search index: its first paragraph, headings and lists stay.

    The index is what a phone downloads before the first search (at most 0.6 MB gzipped for 1,000
    practices). A section's lead paragraph says what it is about; later paragraphs stay on the page,
    and the page's fields, components and lists stay searchable. Fenced code is left alone.
    """
    out: list[str] = []
    block: list[str] = []
    fenced = seen = False
    for line in body.split("\n"):
        fence = FENCE.match(line)  # a fence as model.CODE_FENCE reads one
        heading = not fenced and line.lstrip(" ").startswith("#")  # Python-Markdown lets a heading end a paragraph
        if fenced or fence or heading or not line.strip():
            seen = _close(block, out, seen) and not heading
            fenced ^= bool(fence)
            out.append(line)
        else:
            block.append(line)
    _close(block, out, seen)
    return "\n".join(out)


def _close(block: list[str], out: list[str], seen: bool) -> bool:
    """End a block; a paragraph after its section's first gets the attribute that keeps it out of the index.
    Returns whether the section has had its lead paragraph."""
    if block and LEAD_PARAGRAPH.match(block[0]) and not SETEXT_OR_RULE.match(block[-1]):
        if seen:
            block.append(EXCLUDE)
        seen = True
    out.extend(block)
    block.clear()
    return seen


def index_entries(site_dir: Path) -> list[dict]:
    """The built index's entries: {location, title, text}."""
    return json.loads((site_dir / INDEX).read_text(encoding="utf-8"))["docs"]
