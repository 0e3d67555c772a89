"""Render the library into the Markdown tree that MkDocs (or Zensical) builds: docs/<section>/<id>.md."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .model import Library, Practice
from .rules import CITATION

TEMPLATES = Path(__file__).parent / "templates"
SECTIONS = ("practices", "mentors", "objectives", "intercepts", "settings", "evidence")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")


def text(value) -> str:
    """Content text as safe Markdown: HTML special characters and inline Markdown syntax are escaped."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(value), quote=False))


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True, autoescape=False,
                      comment_start_string="{##", comment_end_string="##}")  # Markdown uses {#anchor}
    env.filters["text"] = text
    env.filters["yaml_text"] = lambda v: json.dumps(str(v), ensure_ascii=False)  # JSON strings are valid YAML
    return env


def link_citations(body: str) -> str:
    """Turn the body's [n] citations into links to the n-th reference on the same page."""
    return CITATION.sub(lambda m: f"[\\[{m.group(1)}\\]](#ref-{m.group(1)})", body)


def related(library: Library, practice: Practice, limit: int = 5) -> list[Practice]:
    """Practices sharing objectives or intercepts, most shared first, then by title."""
    def shared(other: Practice) -> int:
        return len(set(other.objectives) & set(practice.objectives)) + \
            len(set(other.intercepts) & set(practice.intercepts))
    scored = [(shared(p), p) for p in library.practices if p.slug != practice.slug]
    return [p for score, p in sorted(scored, key=lambda sp: (-sp[0], sp[1].title)) if score][:limit]


def render_pages(library: Library, site) -> dict[str, str]:
    env = environment()
    lookup = _lookups(library)
    files = {}
    for p in library.practices:
        files[f"practices/{p.slug}.md"] = env.get_template("practice.md.j2").render(
            p=p, body=link_citations(p.body), related=related(library, p), site=site, **lookup)
    for m in library.mentors:
        files[f"mentors/{m.slug}.md"] = env.get_template("mentor.md.j2").render(
            m=m, body=link_citations(m.body), practices=library.practices_where("mentors", m.slug),
            site=site, **lookup)
    files.update(_browse_pages(library, env, lookup))
    intros = {page.name: page for page in library.pages}
    for section in SECTIONS:
        files[f"{section}/index.md"] = env.get_template(f"{section}_index.md.j2").render(
            library=library, intro=intros.get(section), site=site, **lookup)
    for page in library.pages:
        if page.name not in SECTIONS:
            files[f"{page.name}.md"] = env.get_template("page.md.j2").render(page=page)
    return files


def _lookups(library: Library) -> dict:
    return {
        "objectives": {o.id: o for o in library.objectives},
        "intercepts": {i.id: i for i in library.intercepts},
        "settings": {s.id: s for s in library.settings},
        "levels": {lv.id: lv for lv in library.levels},
        "mentors": {m.slug: m for m in library.mentors},
    }


def _browse_pages(library: Library, env: Environment, lookup: dict) -> dict[str, str]:
    files = {}
    browse = env.get_template("browse.md.j2")
    for o in library.objectives:
        files[f"objectives/{o.id}.md"] = browse.render(
            kind="objective", title=o.name, lead=o.description, practices=library.practices_where("objectives", o.id),
            **lookup)
    for i in library.intercepts:
        files[f"intercepts/{i.id}.md"] = browse.render(
            kind="intercept", title=f"Intercept {i.id}: {i.name}", lead=i.definition, source=i.source,
            practices=library.practices_where("intercepts", i.id), **lookup)
    for s in library.settings:
        files[f"settings/{s.id}.md"] = browse.render(
            kind="setting", title=s.name, lead=f"Practices that work in this setting ({', '.join(s.keywords)}).",
            practices=library.practices_where("settings", s.id), **lookup)
    for lv in library.levels:
        files[f"evidence/{lv.id}.md"] = browse.render(
            kind="evidence level", title=f"Evidence level: {lv.name}", lead=lv.requires,
            practices=library.practices_at_level(lv.id), **lookup)
    return files
