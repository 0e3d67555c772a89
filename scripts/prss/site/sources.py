"""Which content file a generated file comes from, so that build messages name the file a person edits.

docs/practices/<slug>.md and the built practices/<slug>/index.html come from content/practices/<slug>.md;
a browse page such as docs/settings/jails.md from content/settings.yml; a section's index from its intro
in content/pages/ when there is one. Pages made from the whole library (the catalog, the contributor
guide) have no one source: they are named as generated.
"""
from __future__ import annotations

import re
from pathlib import Path

from prss.model import EvidenceLevel, Intercept, Objective, Setting

SECTIONS = ("practices", "mentors")
VOCABULARIES = {"objectives": "objectives.yml", "intercepts": "intercepts.yml", "settings": "settings.yml",
                "evidence": "evidence-levels.yml"}
RECORDS = {Objective: "objectives", Intercept: "intercepts", Setting: "settings", EvidenceLevel: "evidence"}
# How MkDocs names a page in its messages: "Doc file 'practices/x.md' contains ...", "Error reading page 'x.md': ..."
MKDOCS_PAGE = re.compile(r"(Doc file|page) '([^']+\.md)'")


def docs_source(root: Path, rel: str) -> str | None:
    """The content file a docs/ path was made from, relative to root; None when none exists."""
    parts = rel.removesuffix(".md").split("/")
    if len(parts) == 2 and parts[1] == "index":
        candidate = f"content/pages/{parts[0]}.md"
    elif len(parts) == 2 and parts[0] in SECTIONS:
        candidate = f"content/{parts[0]}/{parts[1]}.md"
    elif len(parts) == 2 and parts[0] in VOCABULARIES:
        candidate = f"content/{VOCABULARIES[parts[0]]}"
    elif len(parts) == 1:
        candidate = f"content/pages/{parts[0]}.md"
    else:
        return None
    return candidate if (root / candidate).is_file() else None


def page_source(root: Path, rel: str) -> str | None:
    """The content file a built page (practices/x/index.html, or index.html) was made from."""
    if rel == "index.html":
        return docs_source(root, "index.md")
    if not rel.endswith("/index.html"):
        return None
    return docs_source(root, rel.removesuffix("/index.html") + ".md")


def source_of(root: Path, record) -> str:
    """The content file a loaded record (a practice, mentor site, page or vocabulary entry) came from."""
    if hasattr(record, "path"):
        return record.path
    if type(record) in RECORDS:
        return f"content/{VOCABULARIES[RECORDS[type(record)]]}"
    return docs_source(root, f"{record.name}.md") or f"content/pages/{record.name}.md"


def name_sources(root: Path, line: str) -> str:
    """An MkDocs message with each docs/ page it names replaced by its content file (or marked generated)."""
    def named(match: re.Match) -> str:
        source = docs_source(root, match.group(2))
        return f"{match.group(1)} '{source or 'docs/' + match.group(2) + ' (generated)'}'"
    return MKDOCS_PAGE.sub(named, line)
