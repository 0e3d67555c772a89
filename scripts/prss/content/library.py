"""Load the whole library from a content root: vocabularies, practices, mentors and pages."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from prss.content.files import check_files, outside
from prss.content.frontmatter import Document
from prss.content.urls import check_urls
from prss.content.values import Context
from prss.content.vocabulary import Vocabulary, load_mirrors, load_synonyms, load_vocabularies
from prss.model import (
    RESERVED_PAGES,
    SLUG,
    VOCABULARIES,
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
from prss.profile_fields import IMPLEMENTATION_FIELDS
from prss.synonym_fields import Synonym

SECTIONS = ("practices", "mentors", "pages")
WORDS = re.compile(r"[a-z0-9]+")


class ContentErrors(Exception):
    """Raised by Loaded.library when the content has errors: there is no library to build from."""


@dataclass(frozen=True)
class Loaded:
    problems: list[Problem]
    files: int
    built: Library | None = field(default=None, repr=False)  # None when any problem is an error

    @property
    def library(self) -> Library:
        """The library; check `problems` (or `ok`) first, as this raises ContentErrors when there were errors."""
        if self.built is None:
            raise ContentErrors(f"the content has {sum(p.level == 'error' for p in self.problems)} errors")
        return self.built

    @property
    def ok(self) -> bool:
        return self.built is not None


def load_library(root: Path, today: dt.date | None = None, *, cache: dict | None = None) -> Loaded:
    """Read and check every content file; `library` is there only when no problem is an error.

    `cache`: pass the same dict (start with {}) to every load of one root, as a live preview does. A
    file whose stamp (mtime and ctime in ns, size, inode) is unchanged and over two seconds old, or whose
    bytes are unchanged when it was read newer than that, keeps its parsed Document, and its own problems
    too while the vocabularies' ids, the file names and `today` are unchanged. So the result always
    equals an uncached load, and reloading 1,300 files after one edit reads one file (about 0.1 s in
    all). The dict is the loader's: do not read or change it.
    """
    vocab, problems = load_vocabularies(root)
    mirrors, found = load_mirrors(root)
    synonyms, more = load_synonyms(root)
    problems += found + more
    tasks = [(path, display, name) for name in SECTIONS
             for path, display in _list_folder(root, name, problems)]
    slugs = {name: tuple(_stem(display) for _, display, section in tasks if section == name) for name in SECTIONS}
    ctx = Context(
        objectives=_ids(vocab["objectives"]), settings=_ids(vocab["settings"]), levels=_ids(vocab["levels"]),
        mentors=slugs["mentors"], practices=slugs["practices"], today=today or dt.date.today(), mirrors=mirrors)
    checked = check_files(tasks, ctx, cache)
    docs = {name: [doc for (doc, _), task in zip(checked, tasks, strict=True) if task[2] == name] for name in SECTIONS}
    for name in SECTIONS:
        problems += _check_names(docs[name], name)
        problems += [p for (_, found), task in zip(checked, tasks, strict=True) if task[2] == name for p in found]
    problems += check_urls(root, docs, {"objectives": ctx.objectives, "settings": ctx.settings,
                                        "evidence": ctx.levels, "intercepts": _ids(vocab["intercepts"])})
    files = len(tasks) + len(VOCABULARIES) + 2  # and mirror-hosts.yml, synonyms.yml
    return Loaded(problems, files, None if has_errors(problems) else _library(vocab, docs, synonyms))


def _ids(entries: list[dict]) -> tuple:
    return tuple(e["id"] for e in entries)


def _library(vocab: Vocabulary, docs: dict[str, list[Document]], synonyms: tuple[Synonym, ...]) -> Library:
    practices = [_practice(d) for d in docs["practices"]]
    return Library(
        objectives=tuple(Objective(**o) for o in vocab["objectives"]),
        intercepts=tuple(Intercept(**i) for i in vocab["intercepts"]),
        settings=tuple(Setting(s["id"], s["name"], tuple(s.get("keywords", ()))) for s in vocab["settings"]),
        levels=tuple(EvidenceLevel(lv["id"], lv["name"], lv["requires"], tuple(lv["crosswalk"].items()))
                     for lv in vocab["levels"]),
        practices=tuple(p for p in practices if not p.retired), retired=tuple(p for p in practices if p.retired),
        mentors=tuple(_mentor(d) for d in docs["mentors"]),
        pages=tuple(Page(_stem(d.path), d.meta["title"], d.meta["summary"], d.body) for d in docs["pages"]),
        synonyms=synonyms)


def _list_folder(root: Path, name: str, problems: list[Problem]) -> list[tuple[Path, str]]:
    """(path, display path) of each Markdown file to read; anything else in the folder is a problem."""
    folder, prefix, found = root / "content" / name, f"content/{name}", []
    if outside(folder, root):
        problems.append(_linked_out(prefix, name))
        return []
    for path in sorted(folder.iterdir(), key=lambda p: p.name) if folder.is_dir() else []:  # as Path order
        display = f"{prefix}/{path.name}"
        if path.name.startswith(".") and path.suffix != ".md":
            continue  # editor and system files (.DS_Store, .gitkeep); a hidden .md is reported as a bad slug
        if path.is_symlink() and outside(path, root):
            problems.append(_linked_out(display, path.name))
        elif path.suffix == ".md" and not path.is_file():
            problems.append(Problem(display, 1, 1, "unreadable-file", f"'{path.name}' is not a regular file "
                                    f"({'a folder' if path.is_dir() else 'a broken link or a device'})",
                                    "replace it with the Markdown file itself, or move it out of content/"))
        elif path.suffix != ".md":
            kind = "a folder; content folders hold no subfolders" if path.is_dir() else "not a .md file"
            problems.append(Problem(display, 1, 1, "not-markdown", f"'{path.name}' is {kind}",
                                    "content files must be Markdown files ending in '.md'; move other files elsewhere"))
        else:
            found.append((path, display))
    return found


def _linked_out(display: str, name: str) -> Problem:
    return Problem(display, 1, 1, "symlink-outside", f"'{name}' is a link to a place outside the repository",
                   "put the file itself in content/; the library publishes only what the repository holds")


@cache
def _stem(path: str) -> str:
    return Path(path).stem


def _check_names(docs: list[Document], section: str) -> list[Problem]:
    """File names: valid slugs, none reserved for a page the build writes, none twice in any letter case.

    Passes: practices/jail-peer-navigation.md, pages/about.md.  Fails: practices/Jail Peer.md,
    practices/index.md, pages/data.md, practices/QRT.md beside practices/qrt.md.
    """
    found: list[Problem] = []
    seen: dict[str, str] = {}
    for doc in docs:
        slug = _stem(doc.path)
        if not SLUG.fullmatch(slug):
            suggestion = "-".join(WORDS.findall(slug.lower())) or "practice-name"
            found.append(Problem(doc.path, 1, 1, "bad-slug", f"the file name '{slug}' is not a valid slug",
                                 f"rename the file to '{suggestion}.md': lowercase letters, digits and hyphens"))
        elif slug == "index" and section != "pages":  # docs/<section>/index.md is the section's list page
            found.append(Problem(doc.path, 1, 1, "bad-slug", "the file name 'index' is reserved for the list page",
                                 "rename the file after what it describes, e.g. 'jail-peer-navigation.md'"))
        elif slug in RESERVED_PAGES and section == "pages":
            found.append(Problem(doc.path, 1, 1, "reserved-name", f"the page name '{slug}' is taken by a page the "
                                 f"build writes (/{slug}/)", "rename the file, e.g. 'about-our-data.md'"))
        if slug.lower() in seen:
            found.append(Problem(doc.path, 1, 1, "duplicate-slug", f"the slug '{slug}' is already used by "
                                 f"{seen[slug.lower()]}", "rename one of the files; slugs ignore case"))
        seen.setdefault(slug.lower(), doc.path)
    return found


def _references(items) -> tuple[Reference, ...]:
    return tuple(Reference(r["title"], r.get("authors", ""), r.get("publisher", ""), r["year"], r["url"],
                           r.get("doi", ""), str(r.get("pmid", ""))) for r in items)


def _implementation(value) -> tuple:
    value = value or {}
    return tuple((f.name, tuple(value[f.name])) for f in IMPLEMENTATION_FIELDS if value.get(f.name))


def _site_contact(value) -> SiteContact | None:
    if not value:
        return None
    return SiteContact(value.get("address", ""), value.get("phone", ""), value.get("email", ""), value["ref"])


def _practice(doc: Document) -> Practice:
    m = doc.meta
    retired = m.get("retired")
    return Practice(
        slug=_stem(doc.path), path=doc.path, title=m["title"], summary=m["summary"],
        objectives=tuple(m["objectives"]), intercepts=tuple(m["intercepts"]), settings=tuple(m["settings"]),
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
        slug=_stem(doc.path), path=doc.path, name=m["name"], city=m["city"], state=m["state"],
        service_area=m["service_area"], summary=m["summary"], settings=tuple(m["settings"]), website=m["website"],
        cohort=m["cohort"], references=_references(m["references"]), last_reviewed=m["last_reviewed"],
        updated=m.get("updated", m["last_reviewed"]), aliases=tuple(m.get("aliases", ())), body=doc.body,
        contact=_site_contact(m.get("contact")))
