"""Render the library into the Markdown tree that MkDocs (or Zensical) builds: docs/<section>/<id>.md.

Every relation a page shows (a mentor site's practices, a vocabulary entry's count, the map) is worked out
here; the templates only print the values they are given.
"""
from __future__ import annotations

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

    def start(self, library: Library, shared: tuple) -> None:
        pass

    def render(self, template, lookup: dict, **context) -> str:
        return template.render(**context, **lookup)

    def finish(self) -> None:
        pass


def render_pages(library: Library, site, renders: Fresh | None = None) -> dict[str, str]:
    """Every page's Markdown. `renders`: the pages of the previous generation, for a live preview."""
    env, lookup, renders = environment(), _lookups(library), renders or Fresh()
    renders.start(library, (site, library.objectives, library.intercepts, library.settings, library.levels,
                            library.mentors))
    files = {}
    practice, mentor = env.get_template("practice.md.j2"), env.get_template("mentor.md.j2")
    neighbours = related(library)
    for p in library.practices:
        files[f"practices/{p.slug}.md"] = renders.render(
            practice, lookup, p=p, body=search_leads(link_citations(p.body)), site=site, keywords=keywords(p, library),
            related=[Link(q.slug, q.title, q.evidence.level) for q in neighbours[p.slug]],  # a body edit: one page
            profile=practice_profile(library, p), search_words=search_words(p, library))
    for m in library.mentors:
        files[f"mentors/{m.slug}.md"] = renders.render(
            mentor, lookup, m=m, body=search_leads(link_citations(m.body)), practices=library.practices_where("mentors", m.slug),
            site=site, reach=reach(m))
    files.update(_browse_pages(library, env, lookup, renders))
    intros = {page.name: page for page in library.pages}
    for section in SECTIONS:
        files[f"{section}/index.md"] = renders.render(
            env.get_template(f"{section}_index.md.j2"), lookup, library=library, intro=intros.get(section), site=site,
            **_index_values(section, library))
    for page in library.pages:
        if page.name == "index":
            files["index.md"] = renders.render(env.get_template("home.md.j2"), {}, page=page, tiles=tiles(library))
        elif page.name not in SECTIONS:
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
            kind="setting", title=s.name, lead=_setting_lead(s),
            practices=library.practices_where("settings", s.id))
    for lv in library.levels:
        files[f"evidence/{lv.id}.md"] = browse(
            kind="evidence level", title=f"Evidence level: {lv.name}", lead=lv.requires,
            practices=library.practices_at_level(lv.id))
    return files


def _setting_lead(s: Setting) -> str:
    if s.id == ALL_SETTINGS:
        return ("Cross-cutting practices, which apply in every justice and health setting: they are listed here, "
                "not under each setting.")
    return f"Practices that work in this setting ({', '.join(s.keywords)})."
