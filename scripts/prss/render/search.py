"""What Material's search indexes of a page's body, and where the built index is.

What goes into the index is decided here and in the templates. A practice page carries `search: boost` in its
front matter; its first search entry is the badge's words and the summary, then `search_words`, hidden on the
page and in search results (prss.css). Reference lists, citation boxes, "At a glance", related-practice lists,
"Not reported" parts and the browse pages' practice lists carry `data-search-exclude`, so each practice's text
is indexed once, on its own page. `search_leads` leaves out the later paragraphs of each body section.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from prss.model import CODE_FENCE as FENCE
from prss.model import Library, Practice
from prss.synonym_fields import Synonym

INDEX = Path("search") / "search_index.json"  # where Material's search plugin writes the index in site/
# A block that starts like a paragraph: not a list item, quote, table, definition, attribute list or indented code.
LEAD_PARAGRAPH = re.compile(r"^ {0,3}(?![-*+] |\d+[.)] |[>|:{]|#)\S")
SETEXT_OR_RULE = re.compile(r"^ {0,3}([-=_*])(\s*\1)*\s*$")
EXCLUDE = "{ data-search-exclude }"
SEPARATOR = re.compile(r"[\s\-]+")  # Material's default search separator: where search splits words
STOP_WORDS = frozenset(("a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"))  # lunr drops these


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


def search_words(p: Practice, library: Library) -> str:
    """A practice's hidden search words: its facts (who it serves, its intercepts, its settings and their search
    words, its mentor sites), then the words of every synonym group its page uses, so "Narcan" finds a page that
    says naloxone.

    Search matches single words (lunr has no phrases), so a group adds each of its words once, and none that the
    title, summary or facts already say. A group the title or summary uses is added twice: lunr counts repeats, so
    a practice about the term ranks above one that mentions it in passing.
    """
    settings = [s for s in library.settings if s.id in p.settings]
    facts = list(dict.fromkeys([*p.populations, *(f"Intercept {i}" for i in p.intercepts),
                                *(word for s in settings for word in (s.name, *s.keywords)),
                                *(m.name for m in library.mentors if m.slug in p.mentors)]))
    lead = f"{p.title} {p.summary}"
    page = " ".join([lead, p.body, p.evidence.basis, *p.components, *facts,
                     *(item for _, items in p.implementation for item in items)])
    said = set(_tokens(" ".join([lead, *facts])))
    central = _groups(library.synonyms, lead)
    added: list[str] = []
    for group in _groups(library.synonyms, page):
        new = [t for t in dict.fromkeys(_tokens(" ".join(group))) if t not in said]
        said.update(new)
        added += new * (2 if group in central else 1)
    return ", ".join(facts) + (" · " + " ".join(added) if added else "")


def _tokens(text: str) -> list[str]:
    """Words as Material's search splits them (its default separator), lower case, without punctuation."""
    return [w for w in (t.strip(",.;:()\"'") for t in SEPARATOR.split(text.lower())) if w and w not in STOP_WORDS]


def _groups(synonyms: tuple[Synonym, ...], text: str) -> list[tuple[str, ...]]:
    """The synonym groups that have a word in text, in the vocabulary's order."""
    found = {m.lower() for m in _finder(tuple(w for s in synonyms for w in (s.term, *s.words))).findall(text)}
    return [s.group() for s in synonyms if found & set(s.group())]


@functools.lru_cache(maxsize=8)  # one vocabulary per build; a preview reloads it on each save
def _finder(words: tuple[str, ...]) -> re.Pattern:
    """One pattern for any of the words, found where a word starts, overlaps included; a word in capitals
    (LEAD, ED) only in capitals, so the verb "lead" is not the LEAD program."""
    parts = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})" for w in parts)
    return re.compile(rf"(?=(?<!\w)({alternatives})(?!\w))")
