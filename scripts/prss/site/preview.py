"""The live preview (`make serve`): regenerate docs/ on every save, redoing only what the save changed.

`mkdocs serve --dirty` serves the site and rebuilds the pages whose docs/ file changed; the loop here
keeps docs/ current. A save with problems, or one that breaks the generation itself, puts a page listing
the problems at every page of docs/, so the browser (which MkDocs reloads) shows them on whatever URL it
is at; the next good save writes the real pages back. Nothing stops the loop.
"""
from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from prss.model import Library, Mentor, Page, Practice
from prss.render.pages import Fresh
from prss.site.generate import generate

PROBLEMS_TITLE = "The preview is not up to date"
PROBLEMS_PAGE = """---
title: {title}
search:
  exclude: true
---

# {title}

The last save could not be shown. Fix what is listed below and save again: this page then turns back
into the page you were reading.

{problems}
"""


class Renders(Fresh):
    """Pages kept from the last generation, so a live preview re-renders only what an edit changed.

    Inputs are frozen dataclasses and plain values, so equal inputs give an equal page. Each page is kept
    with the key of what it was rendered from; a practice, mentor site or page stands in a key for its
    file and a version number, which goes up whenever it differs from the last generation (cheap to hash,
    unlike 1,000 practices, and never mistaken for another, as an object's id could be once it is gone).
    What every template may read (the vocabularies, the mentor sites, the site) is compared once, and any
    change there forgets every page. When only text changed (`text_only`), a page is kept unless it shows
    a changed item's text, before anything is worked out for it (`kept`).
    """

    def __init__(self):
        self.shared, self.items, self.versions, self.changed = None, {}, {}, set()
        self.pages, self.made, self.text_only = {}, {}, False  # pages: {docs/ path: (key, text)}
        self.values: dict = {}  # derived(): {name: value}, while only text changes

    def start(self, library: Library, shared: tuple, text_only: bool = False) -> None:
        self.text_only = text_only and shared == self.shared
        if not self.text_only:
            self.values = {}
        if shared != self.shared:
            self.shared, self.pages = shared, {}
        items, self.changed = {}, set()
        for item in (*library.practices, *library.retired, *library.mentors, *library.pages):
            name = _name(item)
            if self.items.get(name) != item:
                self.versions[name] = self.versions.get(name, 0) + 1
                self.changed.add(name)
            items[name] = item
        self.items = items

    def kept(self, rel: str, *shown) -> str | None:
        """The page at rel as last generated, when only text changed and none of the `shown` items' text."""
        old = self.pages.get(rel)
        if old is None or not self.text_only or any(_name(item) in self.changed for item in shown):
            return None
        self.made[rel] = old
        return old[1]

    def derived(self, name: str, work: Callable[[], Any]) -> Any:
        """The value worked out last time, when only text changed since: it is worked out without text."""
        if name not in self.values:
            self.values[name] = work()
        return self.values[name]

    def render(self, rel: str, template, lookup: dict, **context) -> str:
        key = (template.name, *((name, self._ident(value)) for name, value in sorted(context.items())))
        old = self.pages.get(rel)
        self.made[rel] = old if old is not None and old[0] == key else (key, template.render(**context, **lookup))
        return self.made[rel][1]

    def finish(self) -> None:
        self.pages, self.made = self.made, {}

    def _ident(self, value):
        if isinstance(value, (list, tuple)):
            return tuple(self._ident(v) for v in value)
        if isinstance(value, Library):
            return tuple(self._ident(v) for v in (value.practices, value.retired, value.mentors, value.pages))
        if isinstance(value, (Practice, Mentor, Page)):
            return _name(value), self.versions[_name(value)]
        return value


def _name(item):
    """What names a practice, mentor site or page from one generation to the next: its file, or a page's name."""
    return getattr(item, "path", None) or ("page", item.name)


@dataclass
class Preview:
    """What a live preview keeps between generations, so that an edit costs what it changes."""
    documents: dict = field(default_factory=dict)  # load_library's cache of read and checked files
    skeleton: Library | None = None  # the library without text that `produced` was made from
    produced: dict = field(default_factory=dict)  # {producer in WITHOUT_TEXT: its files}
    renders: Renders = field(default_factory=Renders)  # the pages rendered last time, by their inputs
    written: dict = field(default_factory=dict)  # docs/ as this preview last wrote it: {path: text or bytes}
    clean: dict = field(default_factory=dict)  # {file: practice or mentor site} with no lone surrogate


def refresh(root: Path, preview: Preview, log: TextIO | None = None) -> bool:
    """Generate docs/ once; True when it shows the content, else every page shows the problems (also on `log`)."""
    messages = io.StringIO()
    try:
        failed = generate(root, preview, messages)
    except Exception as error:  # noqa: BLE001 (whatever one save does, the next one must still be shown)
        failed = 1
        print(f"error: the preview could not be generated: {type(error).__name__}: {error}", file=messages)
    print(messages.getvalue(), end="", file=log or sys.stderr)
    if failed:
        show_problems(root, preview, messages.getvalue(), log)
    return not failed


def show_problems(root: Path, preview: Preview, problems: str, log: TextIO | None = None) -> None:
    """Put the problems page at every page docs/ has (index.md at least), remembering it as written."""
    docs = root / "docs"
    pages = [rel for rel in preview.written if rel.endswith(".md")] or \
        sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) or ["index.md"]
    listing = "\n".join("    " + line for line in problems.rstrip("\n").split("\n"))  # a code block: shown as typed
    text = PROBLEMS_PAGE.format(title=PROBLEMS_TITLE, problems=listing)
    try:
        for rel in pages:
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            (docs / rel).write_text(text, encoding="utf-8", errors="backslashreplace")
            preview.written[rel] = text
    except OSError as error:
        print(f"error: cannot show the problems in the browser: {error}", file=log or sys.stderr)


def snapshot(folder: Path) -> dict:
    """Each file's modification time; a file that vanishes while this looks (an editor's temporary file) is left out."""
    stamps = {}
    for top, _, names in os.walk(folder):
        for name in names:
            try:
                stamps[os.path.join(top, name)] = os.stat(os.path.join(top, name)).st_mtime_ns
            except OSError:
                continue
    return stamps


def watch(root: Path, preview: Preview, interval: float = 0.2) -> None:
    """Regenerate whenever a file under content/ changes, for ever."""
    seen = snapshot(root / "content")
    while True:
        time.sleep(interval)
        now = snapshot(root / "content")
        if now != seen:
            seen = now
            refresh(root, preview)
