"""URL rules the content alone can prove: aliases, the ledger's URLs, and the links between content files.

A practice renamed with `aliases: [old]` keeps its old URL; these rules make sure no alias is claimed
twice or shadows a page, that every ledger URL of a practice, mentor or vocabulary page still resolves,
and that no body links to a file that is gone or renamed (the build would refuse a link to `old.md`).
"""
from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from prss.content.body import position
from prss.content.frontmatter import Document
from prss.content.permalinks import LEDGER, read_ledger
from prss.content.syntax import link_targets
from prss.model import RESERVED_PAGES, SECTIONS, SLUG
from prss.problems import Problem

OWN = ("practices", "mentors")  # sections whose pages are content files with aliases


def check_urls(root: Path, docs: dict[str, list[Document]], vocab_ids: dict[str, Iterable]) -> list[Problem]:
    """Alias rules for practices and mentors, every ledger URL the content can resolve, and body links.

    Passes: quick-response-teams.md has `aliases: [qrt]` and the ledger lists /practices/qrt/.
    Fails: the ledger lists /practices/qrt/ and no file is named qrt.md or claims the alias qrt.
    """
    problems = []
    names = {section: {str(i) for i in ids} for section, ids in vocab_ids.items()}
    renamed: dict[str, dict[str, str]] = {}
    for section in OWN:
        problems += list(_alias_problems(docs[section], section))
        names[section] = {slug(d) for d in docs[section]}
        renamed[section] = {alias: slug(doc) for alias, (doc, _) in _aliases(docs[section])}
    entries, problems_in_ledger = read_ledger(root)
    problems += problems_in_ledger
    for lineno, url in entries:
        parts = url.strip("/").split("/")
        if url.endswith("/") and len(parts) == 2 and parts[0] in names:
            if parts[1] not in names[parts[0]] and parts[1] not in renamed.get(parts[0], {}):
                problems.append(_lost(lineno, url, parts[0], parts[1], names[parts[0]]))
    names[""] = {slug(d) for d in docs["pages"]}
    for doc in (d for section in ("practices", "mentors", "pages") for d in docs[section]):
        problems += list(_links(doc, names, renamed))
    return problems


def slug(doc: Document) -> str:
    return Path(doc.path).stem


def _aliases(docs: list[Document]) -> Iterator[tuple[str, tuple]]:
    """(alias, (doc, index)) for every well-formed alias; the field rules report the others."""
    for doc in docs:
        value = doc.meta.get("aliases")
        for i, alias in enumerate(value if isinstance(value, list) else []):
            if isinstance(alias, str) and SLUG.fullmatch(alias):
                yield alias, (doc, i)


def _alias_problems(docs: list[Document], section: str) -> Iterator[Problem]:
    owners = {slug(d).lower(): d.path for d in docs}
    claimed: dict[str, str] = {}
    for alias, (doc, i) in _aliases(docs):
        line, col = doc.where("aliases", i)
        at = (doc.path, line, col)
        if alias == slug(doc):
            yield Problem(*at, "self-alias", f"the alias '{alias}' is this file's own slug",
                          "remove it: an alias is an old slug the file was published under, not its current one")
        elif alias in owners:
            yield Problem(*at, "alias-taken", f"the alias '{alias}' is the slug of {owners[alias]}",
                          f"/{section}/{alias}/ already shows that page; remove the alias, or rename or retire "
                          f"{owners[alias]} first (two files that alias each other form a loop)")
        elif alias in claimed:
            yield Problem(*at, "duplicate-alias", f"the alias '{alias}' is also claimed by {claimed[alias]}",
                          f"an old URL can redirect to one page only; keep '{alias}' in one file")
        claimed.setdefault(alias, doc.path)


def _lost(lineno: int, url: str, section: str, name: str, valid: set[str]) -> Problem:
    close = difflib.get_close_matches(name, sorted(valid), n=1)
    if section in OWN:
        hint = (f"if content/{section}/{name}.md was renamed, add 'aliases: [{name}]' to the renamed file; "
                + ("if the practice was withdrawn, keep its file and add 'retired:' (date, replaced_by, reason); "
                   if section == "practices" else "restore the file if it was deleted; "))
    else:
        hint = f"the id '{name}' is gone from its vocabulary file under content/; restore it, as ids are permanent; "
    hint += "never remove a published URL" + (f" (did you mean '{close[0]}'?)" if close else "")
    return Problem(LEDGER, lineno, 1, "lost-url", f"the published URL {url} no longer resolves", hint)


def docs_path(doc: Document) -> str:
    """Where the generator writes a content file in docs/: a section's intro page is that section's index."""
    section, name = doc.path.split("/")[1], slug(doc)
    if section != "pages":
        return f"{section}/{name}.md"
    return f"{name}/index.md" if name in SECTIONS else f"{name}.md"


def _links(doc: Document, names: dict[str, set], renamed: dict[str, dict]) -> Iterator[Problem]:
    """A link to a content file that does not exist, or to a practice or mentor site by its old slug.

    Passes: [QRTs](quick-response-teams.md), [QRTs](../quick-response-teams/#evidence) from a practice.
    Fails: [QRTs](qrt.md) when qrt is an alias of quick-response-teams.md; [x](missing.md).
    """
    for offset, text in link_targets(doc.body):
        url = (text.split() or [""])[0]  # without the title
        target = _target(docs_path(doc), url)
        if target is None:
            continue
        section, name = target
        old = renamed.get(section, {}).get(name)
        if old is not None:
            new_url = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", old, url, count=1)
            yield Problem(doc.path, *position(doc, offset), "renamed-link",
                          f"the link '{url[:80]}' names the old slug of content/{section}/{old}.md",
                          f"link to the new name: '{new_url[:80]}'")
        elif section == "/" or (name != "index" and name not in names.get(section, {name})
                                and not (section == "" and name in RESERVED_PAGES)):
            valid = sorted(names.get(section, set())) if section != "/" else []
            close = difflib.get_close_matches(name, valid, n=1)
            yield Problem(doc.path, *position(doc, offset), "broken-link", _broken(url, section, name),
                          (f"did you mean '{close[0]}'? " if close else "") + "link to a file that exists with a "
                          "relative link, e.g. ../practices/jail-peer-navigation.md from a practice")


def _broken(url: str, section: str, name: str) -> str:
    if section == "/":
        return f"the link '{url[:80]}' leaves the site or starts at its root, which breaks under a sub-folder"
    if not urlsplit(url).path.endswith(".md"):
        return f"the link '{url[:80]}' leads to /{section + '/' if section else ''}{name}/, where the site has no page"
    where = f"content/{section}/{name}.md" if section in OWN else (
        f"'{name}' in content/{'evidence-levels' if section == 'evidence' else section}.yml" if section else
        f"content/pages/{name}.md")
    return f"the link '{url[:80]}' points at {where}, which does not exist"


def _target(docs_file: str, url: str) -> tuple[str, str] | None:
    """(section, name) a relative link leads to, ("/", "") when it leaves docs/, None when not checked here."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path:
        return None
    if path.startswith("/"):
        return ("/", "")
    last = path.rstrip("/").rsplit("/", 1)[-1]
    if "." in last and not path.endswith(".md"):
        return None  # a PDF, a data file, a download: the build's link check looks at those
    if path.endswith(".md"):
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(docs_file), path))[:-3]
    else:  # a URL, relative to the page's own URL: docs/practices/x.md is served at practices/x/
        page = docs_file[:-3].removesuffix("index").rstrip("/")
        joined = posixpath.normpath(posixpath.join(page, path))
    if joined == ".." or joined.startswith("../"):
        return ("/", "")
    segments = [s for s in joined.split("/") if s not in ("", ".")]
    if len(segments) == 1:
        return ("", segments[0]) if segments[0] not in SECTIONS else (segments[0], "index")
    if len(segments) >= 2 and segments[0] in SECTIONS:
        return (segments[0], "/".join(segments[1:]))
    return ("", "index") if not segments else None
