"""Permanent URLs: the ledger of every published URL, and the alias rules that keep old URLs alive.

content/published-urls.txt lists one URL path per line (`/practices/peer-mentored-reentry/`).
The checker proves what it can from content alone (practice, mentor and vocabulary pages and their
aliases); the build proves every ledger line against the built site. `make ledger` appends the URLs
of a successful build, so the ledger only ever grows.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Iterable, Iterator

from prss.content.frontmatter import Document
from prss.content.rules import SLUG
from prss.problems import Problem

LEDGER = "content/published-urls.txt"
HEADER = (
    "# Every URL path the library has published, one per line, sorted. Never delete a line:\n"
    "# a URL listed here must keep working. Rename a file with `aliases: [old-slug]`, withdraw a\n"
    "# practice with `retired:`. `make ledger` appends the new URLs of a successful build.\n")
SECTIONS = ("practices", "mentors")
# Theme assets (hashed names), the search index, the sitemap and host configuration are not URLs anyone cites.
NOT_PUBLIC = ("assets/", "search/", "404.html", "sitemap.xml", "_redirects", "_headers", "nginx-redirects.conf",
              ".nojekyll")


def read_ledger(root: Path) -> tuple[list[tuple[int, str]], list[Problem]]:
    """The ledger's URL paths with their line numbers; a missing ledger is an empty one."""
    path = root / LEDGER
    if not path.is_file():
        return [], []
    entries, problems = [], []
    for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not url.startswith("/") or any(c.isspace() for c in url) or "//" in url:
            problems.append(Problem(LEDGER, lineno, 1, "bad-ledger-line", f"'{url[:60]}' is not a URL path",
                                    "write one path per line starting with '/', e.g. /practices/peer-mentored-reentry/"))
            continue
        entries.append((lineno, url))
    return entries, problems


def check_permalinks(root: Path, sections: dict[str, list[Document]], vocab_ids: dict[str, Iterable]) -> list[Problem]:
    """Alias rules for practices and mentors, then every ledger URL the content alone can resolve.

    Passes: quick-response-teams.md has `aliases: [qrt]` and the ledger lists /practices/qrt/.
    Fails: the ledger lists /practices/qrt/ and no file is named qrt.md or claims the alias qrt.
    """
    problems, resolvable = [], {name: {str(i) for i in ids} for name, ids in vocab_ids.items()}
    for section in SECTIONS:
        problems += list(_alias_problems(sections[section], section))
        resolvable[section] = {_slug(d) for d in sections[section]} | {a for a, _ in _aliases(sections[section])}
    entries, problems_in_ledger = read_ledger(root)
    problems += problems_in_ledger
    for lineno, url in entries:
        parts = url.strip("/").split("/")
        if url.endswith("/") and len(parts) == 2 and parts[0] in resolvable and parts[1] not in resolvable[parts[0]]:
            problems.append(_lost(lineno, url, parts[0], parts[1], resolvable[parts[0]]))
    return problems


def _slug(doc: Document) -> str:
    return Path(doc.path).stem


def _aliases(docs: list[Document]) -> Iterator[tuple[str, tuple]]:
    """(alias, (doc, index)) for every well-formed alias; bad ones are reported by rules.check_aliases."""
    for doc in docs:
        value = doc.meta.get("aliases") if isinstance(doc.meta, dict) else None
        for i, alias in enumerate(value if isinstance(value, list) else []):
            if isinstance(alias, str) and SLUG.match(alias):
                yield alias, (doc, i)


def _alias_problems(docs: list[Document], section: str) -> Iterator[Problem]:
    owners = {_slug(d).lower(): d.path for d in docs}
    claimed = {}
    for alias, (doc, i) in _aliases(docs):
        at = (doc.path, *doc.where("aliases", i))
        if alias == _slug(doc):
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


def _lost(lineno: int, url: str, section: str, slug: str, valid: set[str]) -> Problem:
    close = difflib.get_close_matches(slug, sorted(valid), n=1)
    if section in SECTIONS:
        hint = (f"if content/{section}/{slug}.md was renamed, add 'aliases: [{slug}]' to the renamed file; "
                + ("if the practice was withdrawn, keep its file and add 'retired:' (date, replaced_by, reason); "
                   if section == "practices" else "restore the file if it was deleted; "))
    else:
        hint = f"the id '{slug}' is gone from its vocabulary file under content/; restore it, as ids are permanent; "
    hint += "never remove a published URL" + (f" (did you mean '{close[0]}'?)" if close else "")
    return Problem(LEDGER, lineno, 1, "lost-url", f"the published URL {url} no longer resolves", hint)


def built_urls(site_dir: Path) -> list[str]:
    """Every public URL path of a built site: pages as directory URLs, plus downloadable files."""
    urls = set()
    for path in site_dir.rglob("*"):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel.startswith(NOT_PUBLIC):
            continue
        urls.add("/" + rel[: -len("index.html")] if path.name == "index.html" else "/" + rel)
    return sorted(urls)
