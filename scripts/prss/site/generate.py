"""Check the content and write the Markdown tree MkDocs builds: root/docs/, one producer at a time."""
from __future__ import annotations

import dataclasses
import errno
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from prss.config import Site, read_site
from prss.content.library import load_library
from prss.model import Library
from prss.pdf import render as pdf
from prss.problems import has_errors, summary_line
from prss.render import catalog, cite, compare, export, feed, guide, hosting, redirects, social
from prss.render.pages import render_pages
from prss.site.sources import docs_source, source_of

if TYPE_CHECKING:
    from prss.site.preview import Preview

# Each producer turns the library into files under docs/: {relative path: text or bytes}.
Producer = Callable[[Library, Site], Mapping[str, str | bytes]]
PRODUCERS: list[Producer] = [
    render_pages,               # practice, mentor, browse and section pages
    catalog.produce_catalog,    # data/catalog.json, the catalog's filter data
    compare.produce_compare,    # the compare page and its data/compare/<slug>.json files
    redirects.produce,          # redirect pages at old slugs, tombstones for retired practices
    cite.render_citations,      # BibTeX and RIS files
    export.render_data,         # open data, its JSON Schema and the Data page
    feed.render_feed,           # the Atom feed
    guide.produce,              # contributor guide, review queue, editor schemas
    hosting.produce,            # 301 rules for static hosts
    social.render_image,        # the link-preview image every page names
    pdf.render_downloads,       # the library PDF and per-page PDFs (PRSS_PDF=0: one-page stand-ins)
]
# What to do when docs/ cannot be written, by the error's errno.
WAYS_OUT = {errno.ENOSPC: "free some disk space", errno.EDQUOT: "free some disk space",
            errno.EROFS: "the folder is on a read-only file system: build from a writable copy",
            errno.EACCES: "make the folder writable (docs/ and site/ are generated: they may be removed)",
            errno.EPERM: "make the folder writable (docs/ and site/ are generated: they may be removed)"}
SURROGATE = re.compile("[\ud800-\udfff]")
# Producers that never show a practice's or mentor site's text. They are given the library without it
# (`without_text`), so a preview can keep their files when an edit changed only text.
WITHOUT_TEXT: set[Producer] = {catalog.produce_catalog, compare.produce_compare, redirects.produce,
                cite.render_citations, export.render_data, feed.render_feed, guide.produce, hosting.produce,
                social.render_image}


def generate(root: Path, preview: Preview | None = None, log: TextIO | None = None) -> int:
    """Check and render into root/docs: 0 when written, 1 after printing to `log` (stderr) what stopped it.

    `preview`: what a live preview kept from its last generation, so that an edit costs what it changes.
    """
    log = log or sys.stderr
    loaded = load_library(root, cache=preview.documents) if preview else load_library(root)
    for p in loaded.problems:
        print(p, file=log)
    if has_errors(loaded.problems):
        print(summary_line(loaded.problems, loaded.files), file=log)
        return 1
    files = unencodable(root, loaded.library, preview.clean if preview else None) or \
        produce(root, loaded.library, read_site(root), preview)
    if isinstance(files, str):  # why they cannot be written
        print(files, file=log)
        return 1
    try:
        write_tree(root / "docs", files, preview.written if preview else None)
    except OSError as error:
        print(unwritable(root, error), file=log)
        return 1
    return 0


def produce(root: Path, library: Library, site, preview: Preview | None = None) -> dict[str, str | bytes] | str:
    """Every producer's files, or why they cannot all be written (two producers writing one file)."""
    skeleton = without_text(library)
    text_only = preview is not None and preview.skeleton == skeleton
    kept: dict[Producer, Mapping[str, str | bytes]] = preview.produced if preview and text_only else {}  # reuse
    files: dict[str, str | bytes] = {}
    made: dict[Producer, Mapping[str, str | bytes]] = {}  # the WITHOUT_TEXT producers' files for this skeleton
    produced: Mapping[str, str | bytes]
    for step in PRODUCERS:
        if step in WITHOUT_TEXT:
            produced = made[step] = kept[step] if step in kept else step(skeleton, site)
        elif step is render_pages and preview:
            produced = render_pages(library, site, preview.renders, text_only)
        else:
            produced = step(library, site)
        clash = sorted(set(files) & set(produced))  # nothing lost: a second writer would hide the first
        if clash:
            return _clash(root, clash[0], f"{step.__module__}.{step.__name__}")
        files.update(produced)
    if preview:
        preview.skeleton, preview.produced = skeleton, made
    return files


def _clash(root: Path, rel: str, step: str) -> str:
    source = docs_source(root, rel)
    if source:
        return (f"error: {source} makes docs/{rel}, which {step} also writes\n"
                f"  hint: rename {source}: a page the library generates has that name")
    return f"error: {step} writes docs/{rel}, which another step already wrote"


def without_text(library: Library) -> Library:
    """The library with every practice's and mentor site's text left out, for the WITHOUT_TEXT producers."""
    blank = lambda items: tuple(dataclasses.replace(item, body="") for item in items)  # noqa: E731
    return dataclasses.replace(library, practices=blank(library.practices), retired=blank(library.retired),
                               mentors=blank(library.mentors))


def write_tree(out: Path, files: dict[str, str | bytes], written: dict | None = None) -> None:
    """Write only what changed and remove what is no longer produced, so mtimes stay stable for previews.

    `written`: what the previous call wrote ({path: text or bytes}, updated here), so that a file that did
    not change is neither read back nor compared byte by byte (an unchanged page is the very same string).
    """
    out.mkdir(exist_ok=True)
    same_paths = written is not None and written.keys() == files.keys()
    present = _files_under(out) if written is not None else set()  # one listing, not a stat of every file
    raw = {rel: data.encode("utf-8") if isinstance(data, str) else data for rel, data in files.items()
           if written is None or written.get(rel) != data or rel not in present}  # encoded before any write
    for rel, data in raw.items():
        path = out / rel
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if written is not None:
        written.clear()
        written.update(files)
    if same_paths:  # nothing this preview wrote has gone
        return
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _files_under(folder: Path) -> set[str]:
    """The paths of the files under folder, relative to it, with / between names."""
    start = len(str(folder)) + 1
    return {os.path.join(top, name)[start:].replace(os.sep, "/") for top, _, names in os.walk(folder) for name in names}


def unwritable(root: Path, error: OSError) -> str:
    """What to say when a file under root cannot be written: which file, why, and the way out."""
    where = Path(error.filename).relative_to(root) if error.filename and Path(error.filename).is_relative_to(root) \
        else error.filename or "docs/"
    way_out = WAYS_OUT.get(error.errno or 0, "check the folder")
    return f"error: cannot write {where}: {error.strerror or error}\n  hint: {way_out}, then build again"


def unencodable(root: Path, library: Library, clean: dict | None = None) -> str:
    """Why the library cannot be written as UTF-8 (a lone surrogate, from a YAML "\\uD800" escape), naming its file;
    '' when it can. Looked for before any producer runs, as each would fail on it in its own way.

    `clean`: a preview's {file: practice or mentor site} found clean before; one still equal is not looked through.
    """
    for item in (*library.practices, *library.retired, *library.mentors, *library.pages, *library.objectives,
                 *library.intercepts, *library.settings, *library.levels):
        path = getattr(item, "path", None)
        if clean is not None and path is not None and clean.get(path) == item:
            continue
        char = _surrogate(item)
        if clean is not None and path is not None and not char:
            clean[path] = item
        if char:
            return (f"error: {source_of(root, item)} holds the character U+{ord(char):04X}, which no file can hold "
                    f"(a lone surrogate, as a YAML \"\\u{ord(char):04X}\" escape writes)\n"
                    "  hint: remove it, or write the character it was meant to be")
    return ""


def _surrogate(value) -> str:
    """The first lone surrogate in any text of a record (its fields, lists and mappings, however nested), or ''."""
    if isinstance(value, str):
        found = SURROGATE.search(value)
        return found.group() if found else ""
    values: list = []
    if dataclasses.is_dataclass(value):
        values = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, dict):
        values = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        values = list(value)
    return next((char for char in map(_surrogate, values) if char), "")
