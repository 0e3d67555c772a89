"""Load the whole library from a content root: vocabularies, practices, mentors and pages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from prss.content import profile, rules
from prss.content.files import check_files
from prss.content.frontmatter import Document, parse_yaml
from prss.content.permalinks import check_permalinks
from prss.model import (
    IMPLEMENTATION_FIELDS,
    Contact,
    Evidence,
    EvidenceLevel,
    Intercept,
    Library,
    Mentor,
    Objective,
    Page,
    Practice,
    Reference,
    Retired,
    Setting,
    SiteContact,
)
from prss.problems import Problem, has_errors

VOCABULARIES = {
    "objectives": ("objectives.yml", ("id", "name", "description")),
    "intercepts": ("intercepts.yml", ("id", "name", "definition", "source")),
    "settings": ("settings.yml", ("id", "name", "keywords")),
    "levels": ("evidence-levels.yml", ("id", "name", "requires", "crosswalk")),
}
SECTIONS = ("practices", "mentors", "pages")


@dataclass(frozen=True)
class Loaded:
    library: Optional[Library]
    problems: list[Problem]
    files: int


def load_library(root: Path, today: Optional[dt.date] = None, *, cache: Optional[dict] = None) -> Loaded:
    """Read and check every content file; the Library is None when there is any error.

    `cache`: pass the same dict (start with {}) to every load of one root, as a live preview does. A
    file whose stamp (mtime and ctime in ns, size, inode) is unchanged and over two seconds old keeps
    its parsed Document, and its own problems too while the vocabularies' ids, the file names and
    `today` are unchanged. So the result always equals an uncached load, and reloading 1,300 files
    after one edit reads one file (about 0.1 s in all). The dict is the loader's: do not read or change
    it. With 200 or more files to read and no other thread running, a forked second process reads and
    checks half of them (prss/filecheck.py).
    """
    content = root / "content"
    vocab, problems = _load_vocabularies(content, root)
    mirrors, found = profile.load_mirrors(content, root)
    problems += found
    tasks = [(path, display, name) for name in SECTIONS
             for path, display in _list_folder(content / name, root, problems)]
    slugs = {name: tuple(_stem(display) for _, display, section in tasks if section == name) for name in SECTIONS}
    ctx = rules.Context(
        objectives=tuple(o["id"] for o in vocab["objectives"]), settings=tuple(s["id"] for s in vocab["settings"]),
        levels=tuple(lv["id"] for lv in vocab["levels"]), mentors=slugs["mentors"], practices=slugs["practices"],
        today=today or dt.date.today(), mirrors=mirrors)
    checked = check_files(tasks, ctx, cache)
    docs = {name: [doc for (doc, _), task in zip(checked, tasks) if task[2] == name] for name in SECTIONS}
    for name in SECTIONS:
        problems += _check_slugs(docs[name]) if name != "pages" else []
        problems += [p for (_, found), task in zip(checked, tasks) if task[2] == name for p in found]
    problems += check_permalinks(root, {"practices": docs["practices"], "mentors": docs["mentors"]}, {  # issue 5
        "objectives": ctx.objectives, "settings": ctx.settings, "evidence": ctx.levels,
        "intercepts": [i.get("id") for i in vocab["intercepts"]]})
    files = len(tasks) + len(VOCABULARIES)
    if has_errors(problems):
        return Loaded(None, problems, files)
    return Loaded(_library(vocab, docs), problems, files)


def _library(vocab: dict, docs: dict[str, list[Document]]) -> Library:
    practices = [_practice(d) for d in docs["practices"]]
    return Library(
        objectives=tuple(Objective(**o) for o in vocab["objectives"]),
        intercepts=tuple(Intercept(**i) for i in vocab["intercepts"]),
        settings=tuple(Setting(s["id"], s["name"], tuple(s["keywords"])) for s in vocab["settings"]),
        levels=tuple(EvidenceLevel(lv["id"], lv["name"], lv["requires"], tuple(lv["crosswalk"].items()))
                     for lv in vocab["levels"]),
        practices=tuple(p for p in practices if not p.retired), retired=tuple(p for p in practices if p.retired),
        mentors=tuple(_mentor(d) for d in docs["mentors"]),
        pages=tuple(Page(_slug(d), d.meta["title"], d.meta["summary"], d.body) for d in docs["pages"]))


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


def _list_folder(folder: Path, root: Path, problems: list[Problem]) -> list[tuple[Path, str]]:
    """(path, display path) of each Markdown file to read; anything else in the folder is a problem."""
    found, prefix = [], str(folder.relative_to(root))
    for path in sorted(folder.iterdir(), key=lambda p: p.name) if folder.is_dir() else []:  # as Path order
        display = f"{prefix}/{path.name}"
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
        found.append((path, display))
    return found


def _slug(doc: Document) -> str:
    return _stem(doc.path)


@lru_cache(maxsize=None)
def _stem(path: str) -> str:
    return Path(path).stem


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


def _references(items) -> tuple[Reference, ...]:
    return tuple(Reference(r["title"], r.get("authors", ""), r.get("publisher", ""), str(r["year"]), r["url"],
                           r.get("doi", ""), str(r.get("pmid", ""))) for r in items)


def _implementation(value) -> tuple:
    value = value or {}
    return tuple((f.name, tuple(value[f.name])) for f in IMPLEMENTATION_FIELDS if value.get(f.name))


def _site_contact(value) -> SiteContact | None:
    return SiteContact(*(value.get(k, "") for k in ("address", "phone", "email")), value["ref"]) if value else None


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
        body=doc.body, implementation=_implementation(m.get("implementation")),
        contacts=tuple(Contact(c["name"], c["role"], c["url"], c["ref"]) for c in m.get("contacts") or ()))


def _mentor(doc: Document) -> Mentor:
    m = doc.meta
    return Mentor(
        slug=_slug(doc), path=doc.path, name=m["name"], city=m["city"], state=m["state"],
        service_area=m["service_area"], summary=m["summary"], settings=tuple(m["settings"]), website=m["website"],
        cohort=str(m["cohort"]), references=_references(m["references"]), last_reviewed=m["last_reviewed"],
        updated=m.get("updated", m["last_reviewed"]), aliases=tuple(m.get("aliases", ())), body=doc.body,
        contact=_site_contact(m.get("contact")))
