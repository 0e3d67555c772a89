"""Load the whole library from a content root: vocabularies, practices, mentors and pages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import rules
from .frontmatter import Document, parse_yaml, read_document
from .model import (MENTOR_FIELDS, PAGE_FIELDS, PRACTICE_FIELDS, Evidence, EvidenceLevel, Intercept, Library,
                    Mentor, Objective, Page, Practice, Reference, Retired, Setting)
from .permalinks import check_permalinks
from .problems import Problem, has_errors

VOCABULARIES = {
    "objectives": ("objectives.yml", ("id", "name", "description")),
    "intercepts": ("intercepts.yml", ("id", "name", "definition", "source")),
    "settings": ("settings.yml", ("id", "name", "keywords")),
    "levels": ("evidence-levels.yml", ("id", "name", "requires", "crosswalk")),
}


@dataclass(frozen=True)
class Loaded:
    library: Optional[Library]
    problems: list[Problem]
    files: int


def load_library(root: Path, today: Optional[dt.date] = None) -> Loaded:
    content = root / "content"
    vocab, problems = _load_vocabularies(content, root)
    practice_docs, mentor_docs, page_docs = (_read_folder(content / name, root, problems)
                                             for name in ("practices", "mentors", "pages"))
    ctx = rules.Context(
        objectives=tuple(o["id"] for o in vocab["objectives"]), settings=tuple(s["id"] for s in vocab["settings"]),
        levels=tuple(lv["id"] for lv in vocab["levels"]), mentors=tuple(_slug(d) for d in mentor_docs),
        practices=tuple(_slug(d) for d in practice_docs), today=today or dt.date.today())
    for docs, fields in ((practice_docs, PRACTICE_FIELDS), (mentor_docs, MENTOR_FIELDS)):
        problems += _check_slugs(docs)
        for doc in docs:
            problems += doc.problems or list(rules.check_fields(doc, fields, ctx))
            if not doc.problems:
                problems += rules.check_body(doc, _count(doc.meta.get("references")))
    for doc in page_docs:
        problems += doc.problems or list(rules.check_fields(doc, PAGE_FIELDS, ctx))
        problems += [] if doc.problems else list(rules.check_page_body(doc))
    problems += check_permalinks(root, {"practices": practice_docs, "mentors": mentor_docs}, {  # issue 5
        "objectives": ctx.objectives, "settings": ctx.settings, "evidence": ctx.levels,
        "intercepts": [i.get("id") for i in vocab["intercepts"]]})
    files = len(practice_docs) + len(mentor_docs) + len(page_docs) + len(VOCABULARIES)
    if has_errors(problems):
        return Loaded(None, problems, files)
    practices = [_practice(d) for d in practice_docs]
    library = Library(
        objectives=tuple(Objective(**o) for o in vocab["objectives"]),
        intercepts=tuple(Intercept(**i) for i in vocab["intercepts"]),
        settings=tuple(Setting(s["id"], s["name"], tuple(s["keywords"])) for s in vocab["settings"]),
        levels=tuple(EvidenceLevel(lv["id"], lv["name"], lv["requires"], tuple(lv["crosswalk"].items()))
                     for lv in vocab["levels"]),
        practices=tuple(p for p in practices if not p.retired), retired=tuple(p for p in practices if p.retired),
        mentors=tuple(_mentor(d) for d in mentor_docs),
        pages=tuple(Page(_slug(d), d.meta["title"], d.meta["summary"], d.body) for d in page_docs))
    return Loaded(library, problems, files)


def _load_vocabularies(content: Path, root: Path):
    vocab, problems = {}, []
    for name, (filename, keys) in VOCABULARIES.items():
        path = content / filename
        display = str(path.relative_to(root))
        if not path.is_file():
            problems.append(Problem(display, 1, 1, "bad-vocabulary", f"{filename} is missing",
                                    f"restore content/{filename} from git"))
            vocab[name] = []
            continue
        data, positions, found = parse_yaml(path.read_text(encoding="utf-8", errors="replace"), display)
        problems += found
        entries = data if isinstance(data, list) else []
        bad = [i for i, e in enumerate(entries) if not isinstance(e, dict) or set(e) != set(keys)]
        if found or not entries or bad:
            line = positions.get((bad[0],), (1, 1))[0] if bad else 1
            problems.append(Problem(display, line, 1, "bad-vocabulary", f"{filename} is not a list of entries",
                                    "each entry needs exactly these fields: " + ", ".join(keys)))
            entries = [e for e in entries if isinstance(e, dict) and "id" in e]
        vocab[name] = entries
    return vocab, problems


def _read_folder(folder: Path, root: Path, problems: list[Problem]) -> list[Document]:
    docs = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = str(path.relative_to(root))
        if path.name.startswith(".") and path.suffix != ".md":
            continue  # editor and system files (.DS_Store, .gitkeep); a hidden .md is reported as a bad slug
        if path.suffix == ".md" and not path.is_file():
            problems.append(Problem(display, 1, 1, "unreadable-file", f"'{path.name}' is not a regular file "
                                    f"({'a folder' if path.is_dir() else 'a broken link or a device'})",
                                    "replace it with the Markdown file itself, or move it out of content/"))
            continue
        if path.suffix != ".md":
            kind = "a folder; content folders hold no subfolders" if path.is_dir() else "not a .md file"
            problems.append(Problem(display, 1, 1, "not-markdown", f"'{path.name}' is {kind}",
                                    "content files must be Markdown files ending in '.md'; move other files elsewhere"))
            continue
        docs.append(read_document(path, display))
    return docs


def _slug(doc: Document) -> str:
    return Path(doc.path).stem


def _check_slugs(docs: list[Document]) -> list[Problem]:
    found, seen = [], {}
    for doc in docs:
        slug = _slug(doc)
        if not rules.SLUG.match(slug):
            suggestion = "-".join(rules.re.findall(r"[a-z0-9]+", slug.lower())) or "practice-name"
            found.append(Problem(doc.path, 1, 1, "bad-slug", f"the file name '{slug}' is not a valid slug",
                                 f"rename the file to '{suggestion}.md': lowercase letters, digits and hyphens"))
        elif slug == "index":  # docs/<section>/index.md is the section's list page: it would replace this one
            found.append(Problem(doc.path, 1, 1, "bad-slug", "the file name 'index' is reserved for the list page",
                                 "rename the file after what it describes, e.g. 'jail-peer-navigation.md'"))
        if slug.lower() in seen:
            found.append(Problem(doc.path, 1, 1, "duplicate-slug", f"the slug '{slug}' is already used by "
                                 f"{seen[slug.lower()]}", "rename one of the files; slugs ignore case"))
        seen.setdefault(slug.lower(), doc.path)
    return found


def _count(value) -> int:
    return len(value) if isinstance(value, list) else 0


def _references(items) -> tuple[Reference, ...]:
    return tuple(Reference(r["title"], r.get("authors", ""), r.get("publisher", ""), str(r["year"]), r["url"])
                 for r in items)


def _practice(doc: Document) -> Practice:
    m = doc.meta
    retired = m.get("retired")
    return Practice(
        slug=_slug(doc), path=doc.path, title=m["title"], summary=m["summary"], objectives=tuple(m["objectives"]),
        intercepts=tuple(m["intercepts"]), settings=tuple(m["settings"]),
        evidence=Evidence(m["evidence"]["level"], m["evidence"]["basis"]), components=tuple(m["components"]),
        populations=tuple(m.get("populations", ())), mentors=tuple(m.get("mentors", ())),
        references=_references(m["references"]), last_reviewed=m["last_reviewed"],
        updated=m.get("updated", m["last_reviewed"]), aliases=tuple(m.get("aliases", ())),
        retired=Retired(retired["date"], retired.get("replaced_by") or "", retired["reason"]) if retired else None,
        body=doc.body)


def _mentor(doc: Document) -> Mentor:
    m = doc.meta
    return Mentor(
        slug=_slug(doc), path=doc.path, name=m["name"], city=m["city"], state=m["state"],
        service_area=m["service_area"], summary=m["summary"], settings=tuple(m["settings"]), website=m["website"],
        cohort=str(m["cohort"]), references=_references(m["references"]), last_reviewed=m["last_reviewed"],
        updated=m.get("updated", m["last_reviewed"]), aliases=tuple(m.get("aliases", ())), body=doc.body)
