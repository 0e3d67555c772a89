"""Render the library into the Markdown tree that MkDocs (or Zensical) builds: docs/<section>/<id>.md."""
from __future__ import annotations

import functools
import heapq
import html
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from prss.model import CITATION, Library, Mentor, Page, Practice
from prss.model import CODE_FENCE as FENCE
from prss.render.cite import citation
from prss.render.jsonld import jsonld
from prss.render.mentor_map import mentor_map

TEMPLATES = Path(__file__).parent / "templates"
SECTIONS = ("practices", "mentors", "objectives", "intercepts", "settings", "evidence")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")
# A block that starts like a paragraph: not a list item, quote, table, definition, attribute list or indented code.
LEAD_PARAGRAPH = re.compile(r"^ {0,3}(?![-*+] |\d+[.)] |[>|:{]|#)\S")
SETEXT_OR_RULE = re.compile(r"^ {0,3}([-=_*])(\s*\1)*\s*$")


def text(value) -> str:
    """Content text as safe Markdown: HTML special characters and inline Markdown syntax are escaped."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(value), quote=False))


@functools.lru_cache(maxsize=1)  # one per process: templates are compiled once, not per generation
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True, autoescape=False, auto_reload=False,  # no stat per include
                      comment_start_string="{##", comment_end_string="##}")  # Markdown uses {#anchor}
    env.filters["text"] = text
    env.filters["yaml_text"] = lambda v: json.dumps(str(v), ensure_ascii=False)  # JSON strings are valid YAML
    # Material prints `description` into an HTML attribute unescaped, so it gets HTML-escaped here, once.
    env.filters["meta_text"] = lambda v: json.dumps(str(escape(v)), ensure_ascii=False)
    env.globals["mentor_map"] = mentor_map  # issue 4: the /mentors/ map, computed in prss/usmap.py
    env.filters["citation"] = citation  # issue 5: the "Cite this page" box (prss/cite.py)
    env.filters["jsonld"] = jsonld  # issue 5: schema.org JSON-LD in the front matter (prss/meta.py)
    return env


def link_citations(body: str) -> str:
    """Turn the body's [n] citations into links to the n-th reference on the same page."""
    return CITATION.sub(lambda m: f"[\\[{m.group(1)}\\]](#ref-{m.group(1)})", body)


def search_leads(body: str) -> str:
    """Leave each section's later paragraphs out of the search index: its first paragraph, headings and lists stay.

    The index is what a phone downloads before the first search (issue 8: at most 0.6 MB gzipped for
    1,000 practices). A section's lead paragraph says what it is about; later paragraphs stay on the
    page, and the page's fields, components and lists stay searchable. Fenced code is left alone.
    """
    lines, out, in_fence, seen, block = body.split("\n"), [], False, False, []

    def close():
        nonlocal seen
        if block and LEAD_PARAGRAPH.match(block[0]) and not SETEXT_OR_RULE.match(block[-1]):
            if seen:
                block.append("{ data-search-exclude }")
            seen = True
        out.extend(block)
        block.clear()

    for line in lines:
        fence = FENCE.match(line)  # a fence as the checker sees one (rules._lines_outside_code)
        if in_fence or fence:
            close()
            in_fence ^= bool(fence)
            out.append(line)
        elif not line.strip():
            close()
            out.append(line)
        elif line.lstrip(" ").startswith("#"):  # Python-Markdown lets a heading end a paragraph
            close()
            seen = False
            out.append(line)
        else:
            block.append(line)
    close()
    return "\n".join(out)


def related(library: Library, limit: int = 5) -> dict[str, list[Practice]]:
    """{slug: practices sharing objectives or intercepts, most shared first, then by title} for every practice.

    Practices with the same objective and intercept sets rank the others identically, so each such group
    is ranked once: linear in the practices instead of quadratic (1,000 practices: 2 s down to 0.05 s).
    """
    order = {p.slug: n for n, p in enumerate(library.practices)}
    groups: dict[tuple, list[Practice]] = {}
    for p in library.practices:
        groups.setdefault((frozenset(p.objectives), frozenset(p.intercepts)), []).append(p)
    by_title = lambda p: (p.title, order[p.slug])  # noqa: E731 (ties keep the library's order)
    for members in groups.values():
        members.sort(key=by_title)
    ranked = {}
    for objectives, intercepts in groups:
        scores: dict[int, list] = {}
        for (o, i), members in groups.items():
            scores.setdefault(len(objectives & o) + len(intercepts & i), []).append(members)
        best = (p for score in sorted(scores, reverse=True) if score for p in heapq.merge(*scores[score], key=by_title))
        ranked[objectives, intercepts] = list(itertools.islice(best, limit + 1))
    return {p.slug: [q for q in ranked[frozenset(p.objectives), frozenset(p.intercepts)] if q.slug != p.slug][:limit]
            for p in library.practices}


@dataclass(frozen=True)
class Link:
    """What a list of related practices shows of each."""
    slug: str
    title: str


class Renders:
    """Pages kept from the last generation by their inputs, so a live preview re-renders only what an edit changed.

    Inputs are frozen dataclasses and plain values, so equal inputs give an equal page. Each practice,
    mentor site and page is compared with its previous version once per generation; an unchanged one
    keeps its previous object, whose id then stands for it in the keys (cheap to hash, unlike 1,000
    practices). What every template may read (the vocabularies, the mentor sites, the site) is compared
    once too, and any change there forgets every page.
    """

    def __init__(self):
        self.shared, self.kept, self.made, self.known = None, {}, {}, {}

    def start(self, library: Library, shared: tuple) -> None:
        if shared != self.shared:
            self.shared, self.kept = shared, {}
        known = {}
        for item in (*library.practices, *library.retired, *library.mentors, *library.pages):
            old = self.known.get(_name(item))
            known[_name(item)] = old if old == item else item
        self.known = known

    def render(self, template, lookup: dict, **context) -> str:
        key = (template.name, *((name, self._ident(value)) for name, value in sorted(context.items())))
        page = self.kept.get(key)
        self.made[key] = page if page is not None else template.render(**context, **lookup)
        return self.made[key]

    def finish(self) -> None:
        self.kept, self.made = self.made, {}

    def _ident(self, value):
        if isinstance(value, (list, tuple)):
            return tuple(self._ident(v) for v in value)
        if isinstance(value, Library):
            return tuple(self._ident(v) for v in (value.practices, value.retired, value.mentors, value.pages))
        if isinstance(value, (Practice, Mentor, Page)):
            return id(self.known[_name(value)])
        return value


def _name(item):
    """What names a practice, mentor site or page from one generation to the next: its file, or a page's name."""
    return getattr(item, "path", None) or ("page", item.name)


def render_pages(library: Library, site, renders: Renders | None = None) -> dict[str, str]:
    """Every page's Markdown. `renders`: the pages of the previous generation, for a live preview."""
    env, lookup, renders = environment(), _lookups(library), renders or Renders()
    renders.start(library, (site, library.objectives, library.intercepts, library.settings, library.levels,
                            library.mentors))
    files = {}
    practice, mentor, neighbours = env.get_template("practice.md.j2"), env.get_template("mentor.md.j2"), related(library)
    for p in library.practices:
        files[f"practices/{p.slug}.md"] = renders.render(
            practice, lookup, p=p, body=search_leads(link_citations(p.body)), site=site,
            related=[Link(q.slug, q.title) for q in neighbours[p.slug]])  # editing one body re-renders one page
    for m in library.mentors:
        files[f"mentors/{m.slug}.md"] = renders.render(
            mentor, lookup, m=m, body=search_leads(link_citations(m.body)), practices=library.practices_where("mentors", m.slug),
            site=site)
    files.update(_browse_pages(library, env, lookup, renders))
    intros = {page.name: page for page in library.pages}
    for section in SECTIONS:
        files[f"{section}/index.md"] = renders.render(
            env.get_template(f"{section}_index.md.j2"), lookup, library=library, intro=intros.get(section), site=site)
    for page in library.pages:
        if page.name not in SECTIONS:
            files[f"{page.name}.md"] = renders.render(env.get_template("page.md.j2"), {}, page=page)
    renders.finish()
    return files


def _lookups(library: Library) -> dict:
    return {
        "objectives": {o.id: o for o in library.objectives},
        "intercepts": {i.id: i for i in library.intercepts},
        "settings": {s.id: s for s in library.settings},
        "levels": {lv.id: lv for lv in library.levels},
        "mentors": {m.slug: m for m in library.mentors},
    }


def _browse_pages(library: Library, env: Environment, lookup: dict, renders: Renders) -> dict[str, str]:
    files = {}
    browse = lambda **context: renders.render(env.get_template("browse.md.j2"), lookup, **context)  # noqa: E731
    for o in library.objectives:
        files[f"objectives/{o.id}.md"] = browse(
            kind="objective", title=o.name, lead=o.description, practices=library.practices_where("objectives", o.id))
    cross_cutting = [p for p in library.practices if not p.intercepts]
    for i in library.intercepts:
        files[f"intercepts/{i.id}.md"] = browse(
            kind="intercept", title=f"Intercept {i.id}: {i.name}", lead=i.definition, source=i.source,
            practices=library.practices_where("intercepts", i.id), cross_cutting=cross_cutting)
    for s in library.settings:
        files[f"settings/{s.id}.md"] = browse(
            kind="setting", title=s.name, lead=f"Practices that work in this setting ({', '.join(s.keywords)}).",
            practices=library.practices_where("settings", s.id))
    for lv in library.levels:
        files[f"evidence/{lv.id}.md"] = browse(
            kind="evidence level", title=f"Evidence level: {lv.name}", lead=lv.requires,
            practices=library.practices_at_level(lv.id))
    return files
