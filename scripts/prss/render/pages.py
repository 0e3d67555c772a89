"""Render the library into the Markdown tree that MkDocs (or Zensical) builds: docs/<section>/<id>.md.

Every relation a page shows (a mentor site's practices, a vocabulary entry's count, the map) is worked out
here; the templates only print the values they are given.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import Environment

from prss.model import ALL_SETTINGS, CITATION, Library, Setting
from prss.render.catalog import catalog_view
from prss.render.home import tiles
from prss.render.jinja import environment
from prss.render.jsonld import keywords
from prss.render.mentor_map import mentor_map
from prss.render.profile import badges, practice_profile, reach
from prss.render.related import Link, related
from prss.render.search import search_leads, search_words

SECTIONS = ("practices", "mentors", "objectives", "intercepts", "settings", "evidence")



def link_citations(body: str) -> str:
    """Turn the body's [n] citations into links to the n-th reference on the same page."""
    return CITATION.sub(lambda m: f"[\\[{m.group(1)}\\]](#ref-{m.group(1)})", body)


class Fresh:
    """Renders every page anew. A live preview passes site/preview.py's Renders instead, which keeps pages."""

    def start(self, library: Library, shared: tuple, text_only: bool = False) -> None:
        pass

    def kept(self, rel: str, *shown) -> str | None:
        """The page at `rel` as last generated, when it must be the same: None here (see Renders)."""
        return None

    def render(self, rel: str, template, lookup: dict, **context) -> str:
        return template.render(**context, **lookup)

    def derived(self, name: str, work: Callable[[], Any]) -> Any:
        """work(), a value worked out from the library without its text (see Renders)."""
        return work()

    def finish(self) -> None:
        pass


def render_pages(library: Library, site, renders: Fresh | None = None, text_only: bool = False) -> dict[str, str]:
    """Every page's Markdown. `renders`: the pages of the previous generation, for a live preview; `text_only`:
    only the text (body) of practices or mentor sites changed since then, so only their own pages can differ.

    `renders.kept(rel, *shown) or ...` comes first wherever a page is made, so a kept page costs no work at all.
    """
    env, lookup, renders = environment(), _lookups(library), renders or Fresh()
    renders.start(library, (site, library.objectives, library.intercepts, library.settings, library.levels,
                            library.mentors), text_only)
    files = {}
    practice, mentor = env.get_template("practice.md.j2"), env.get_template("mentor.md.j2")
    neighbours = cache(lambda: renders.derived("related", lambda: related(library)))  # once a practice is rendered
    for p in library.practices:
        rel = f"practices/{p.slug}.md"
        files[rel] = renders.kept(rel, p) or renders.render(
            rel, practice, lookup, p=p, body=search_leads(link_citations(p.body)), site=site,
            keywords=keywords(p, library), profile=practice_profile(library, p), search_words=search_words(p, library),
            related=[Link(q.slug, q.title, q.evidence.level) for q in neighbours()[p.slug]])  # a body edit: one page
    for m in library.mentors:
        rel = f"mentors/{m.slug}.md"
        files[rel] = renders.kept(rel, m) or renders.render(
            rel, mentor, lookup, m=m, body=search_leads(link_citations(m.body)), site=site, reach=reach(m),
            practices=library.practices_where("mentors", m.slug))
    files.update(_browse_pages(library, env, lookup, renders))
    intros = {page.name: page for page in library.pages}
    for section in SECTIONS:
        rel = f"{section}/index.md"
        files[rel] = renders.kept(rel) or renders.render(
            rel, env.get_template(f"{section}_index.md.j2"), lookup, library=library, intro=intros.get(section),
            site=site, **_index_values(section, library))
    for page in library.pages:
        rel = "index.md" if page.name == "index" else f"{page.name}.md"
        if page.name == "index":
            files[rel] = renders.kept(rel) or renders.render(rel, env.get_template("home.md.j2"), {}, page=page,
                                                             tiles=tiles(library))
        elif page.name not in SECTIONS:
            files[rel] = renders.kept(rel) or renders.render(rel, env.get_template("page.md.j2"), {}, page=page)
    renders.finish()
    return files


def _lookups(library: Library) -> dict:
    return {
        "objectives": {o.id: o for o in library.objectives},
        "intercepts": {i.id: i for i in library.intercepts},
        "settings": {s.id: s for s in library.settings},
        "levels": {lv.id: lv for lv in library.levels},
        "mentors": {m.slug: m for m in library.mentors},
        "badges": badges(library),
    }


def _index_values(section: str, library: Library) -> dict:
    """What a section's index page shows besides the library's lists: each entry with its number of practices
    (`rows`), or the mentor map."""
    if section == "mentors":
        return {"map": mentor_map(library)}
    if section == "practices":
        return {"catalog": catalog_view(library)}
    if section == "evidence":
        return {"rows": tuple((lv, len(library.practices_at_level(lv.id))) for lv in library.levels)}
    if section in ("objectives", "intercepts", "settings"):  # a practice's field of the same name lists their ids
        items = getattr(library, section)
        return {"rows": tuple((item, len(library.practices_where(section, item.id))) for item in items)}
    return {}


def _browse_pages(library: Library, env: Environment, lookup: dict, renders: Fresh) -> dict[str, str]:
    files = {}
    browse = lambda rel, **context: renders.render(rel, env.get_template("browse.md.j2"), lookup, **context)  # noqa: E731
    for o in library.objectives:
        rel = f"objectives/{o.id}.md"
        files[rel] = renders.kept(rel) or browse(
            rel, kind="objective", title=o.name, lead=o.description,
            practices=library.practices_where("objectives", o.id))
    cross_cutting = [p for p in library.practices if not p.intercepts]
    for i in library.intercepts:
        rel = f"intercepts/{i.id}.md"
        files[rel] = renders.kept(rel) or browse(
            rel, kind="intercept", title=f"Intercept {i.id}: {i.name}", lead=i.definition, source=i.source,
            practices=library.practices_where("intercepts", i.id), cross_cutting=cross_cutting)
    for s in library.settings:
        rel = f"settings/{s.id}.md"
        files[rel] = renders.kept(rel) or browse(
            rel, kind="setting", title=s.name, lead=_setting_lead(s),
            practices=library.practices_where("settings", s.id))
    for lv in library.levels:
        rel = f"evidence/{lv.id}.md"
        files[rel] = renders.kept(rel) or browse(
            rel, kind="evidence level", title=f"Evidence level: {lv.name}", lead=lv.requires,
            practices=library.practices_at_level(lv.id))
    return files


def _setting_lead(s: Setting) -> str:
    if s.id == ALL_SETTINGS:
        return ("Cross-cutting practices, which apply in every justice and health setting: they are listed here, "
                "not under each setting.")
    return f"Practices that work in this setting ({', '.join(s.keywords)})."
