"""`build.py`: check the content, generate docs/, then let MkDocs build site/. Exit 0 built, 1 failed."""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from prss.cli.args import parse_args
from prss.config import REPO, placeholder_warning, read_site
from prss.content.library import load_library
from prss.content.permalinks import unbuilt_urls
from prss.model import Library
from prss.pdf import render as pdf
from prss.problems import has_errors, summary_line
from prss.render import catalog, cite, export, feed, guide, hosting, redirects, social
from prss.render.pages import Renders, render_pages
from prss.site import shards
from prss.verify import links as linkcheck

# Each producer turns the library into files under docs/: {relative path: text or bytes}.
PRODUCERS = [
    render_pages,               # practice, mentor, browse and section pages
    catalog.produce_catalog,    # data/catalog.json, the catalog's filter data
    redirects.produce,          # redirect pages at old slugs, tombstones for retired practices
    cite.render_citations,      # BibTeX and RIS files
    export.render_data,         # open data, its JSON Schema and the Data page
    feed.render_feed,           # the Atom feed
    guide.produce,              # contributor guide, review queue, editor schemas
    hosting.produce,            # 301 rules for static hosts
    social.render_image,        # the link-preview image every page names
    pdf.render_downloads,       # the library PDF and per-page PDFs (PRSS_PDF=0: one-page stand-ins)
]
# Producers that never show a practice's or mentor site's text. They are given the library without it
# (`without_text`), so a preview can keep their files when an edit changed only text.
WITHOUT_TEXT = {catalog.produce_catalog, redirects.produce, cite.render_citations, export.render_data,
                feed.render_feed, guide.produce, hosting.produce, social.render_image}


@dataclass
class Preview:
    """What a live preview (scripts/serve.py) keeps between generations, so that an edit costs what it changes."""
    documents: dict = field(default_factory=dict)  # load_library's cache of read and checked files
    skeleton: Optional[Library] = None  # the library without text that `produced` was made from
    produced: dict = field(default_factory=dict)  # {producer in WITHOUT_TEXT: its files}
    renders: Renders = field(default_factory=Renders)  # the pages rendered last time, by their inputs
    written: dict = field(default_factory=dict)  # docs/ as this preview last wrote it: {path: bytes}


def generate(root: Path, preview: Optional[Preview] = None) -> int:
    """Check and render into root/docs. Returns 1, after printing the problems, when content is bad."""
    loaded = load_library(root, cache=preview.documents) if preview else load_library(root)
    for p in loaded.problems:
        print(p, file=sys.stderr)
    if has_errors(loaded.problems):
        print(summary_line(loaded.problems, loaded.files), file=sys.stderr)
        return 1
    site, skeleton = read_site(root), without_text(loaded.library)
    kept = preview.produced if preview and preview.skeleton == skeleton else {}  # only text changed: reuse
    files: dict[str, str | bytes] = {}
    made = {}  # the WITHOUT_TEXT producers' files for this skeleton
    for produce in PRODUCERS:
        if produce in WITHOUT_TEXT:
            produced = made[produce] = kept[produce] if produce in kept else produce(skeleton, site)
        else:
            produced = (render_pages(loaded.library, site, preview.renders) if preview and produce is render_pages
                        else produce(loaded.library, site))
        clash = sorted(set(files) & set(produced))  # issue 7, nothing lost: a second writer would hide the first
        if clash:
            print(f"build.py: error: {produce.__module__}.{produce.__name__} writes docs/{clash[0]}, which another "
                  f"step already wrote; rename the content file that produces it (e.g. content/pages/)", file=sys.stderr)
            return 1
        files.update(produced)
    if preview:
        preview.skeleton, preview.produced = skeleton, made
    write_tree(root / "docs", files, preview.written if preview else None)
    return 0


def without_text(library: Library) -> Library:
    """The library with every practice's and mentor site's text left out, for the WITHOUT_TEXT producers."""
    blank = lambda items: tuple(dataclasses.replace(item, body="") for item in items)  # noqa: E731
    return dataclasses.replace(library, practices=blank(library.practices), retired=blank(library.retired),
                               mentors=blank(library.mentors))


def write_tree(out: Path, files: dict[str, str | bytes], written: Optional[dict] = None) -> None:
    """Write only what changed and remove what is no longer produced, so mtimes stay stable for previews.

    `written`: what the previous call wrote ({path: text or bytes}, updated here), so that a file that did
    not change is neither read back nor compared byte by byte (an unchanged page is the very same string).
    """
    out.mkdir(exist_ok=True)
    same_paths = written is not None and written.keys() == files.keys()
    for rel, data in files.items():
        path = out / rel
        if written is not None and written.get(rel) == data and path.is_file():
            continue
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not path.is_file() or path.read_bytes() != raw:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
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


def run_mkdocs(root: Path, site_dir: Path) -> int:
    """`mkdocs build --strict`, on every core (prss/shards.py), printing only its warnings and errors.

    (--quiet would hide strict failures.)
    """
    code, output = shards.build(root, site_dir)
    for line in dict.fromkeys(output.splitlines()):  # each shard reports a problem in mkdocs.yml once
        if line.startswith(("WARNING", "ERROR", "Aborted", "Error")):
            print(line, file=sys.stderr)
    return code


def count_pages(root: Path, site_dir: Path) -> list[str]:
    """Nothing lost: each content file must have produced exactly one page."""
    errors = []
    for section in ("practices", "mentors"):
        sources = sorted(p.stem for p in (root / "content" / section).glob("*.md"))
        built = sorted(p.parent.name for p in (site_dir / section).glob("*/index.html"))
        missing = sorted(set(sources) - set(built))
        if missing:
            errors.append(f"{section}: {len(sources)} files but {len(built)} pages; missing: {', '.join(missing)}")
    return errors


def main(argv=None, phases: Optional[dict] = None) -> int:
    """`phases`, when given, receives each step's wall seconds: generate, mkdocs, gates (for `make bench`)."""
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.split(":", 1)[1].strip())
    parser.add_argument("root", nargs="?", type=Path, default=REPO, help="the library root (default: this repository)")
    parser.add_argument("--site-dir", type=Path, help="where to build (default: ROOT/site)")
    parser.add_argument("--generate-only", action="store_true", help="write docs/ and stop before MkDocs")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    root, phases, clock = args.root.resolve(), {} if phases is None else phases, time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        phases[name], clock = time.perf_counter() - clock, time.perf_counter()

    if generate(root):
        return 1
    lap("generate")
    if placeholder_warning(read_site(root)):
        print(placeholder_warning(read_site(root)), file=sys.stderr)
    if args.generate_only:
        return 0
    site_dir = (args.site_dir or root / "site").resolve()
    if run_mkdocs(root, site_dir):
        print("build.py: error: mkdocs build --strict failed; see its messages above", file=sys.stderr)
        return 1
    lap("mkdocs")
    errors = count_pages(root, site_dir) + unbuilt_urls(root, site_dir)
    errors += linkcheck.build_errors(site_dir, read_site(root).url)  # issue 7: link integrity gate
    lap("gates")
    for error in errors:
        print(f"build.py: error: {error}", file=sys.stderr)
    return 1 if errors else 0
