"""Old URLs stay alive: a redirect page for every alias, and a tombstone page for every retired practice."""
from __future__ import annotations

import html
import json

from prss.config import Site
from prss.model import Library
from prss.render.jinja import environment
from prss.render.jsonld import keywords

REDIRECT = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title} - {site}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{permalink}">
<meta http-equiv="refresh" content="0; url={target}">
<script>location.replace({target_js} + location.hash)</script>
</head>
<body>
<h1>This page has moved</h1>
<p>{title} is now at <a href="{target}">{permalink}</a>.</p>
</body>
</html>
"""


def redirect_page(title: str, target: str, permalink: str, site_name: str) -> str:
    """A static page that sends visitors (and the #anchor they asked for) on to target, a relative URL."""
    e = html.escape
    return REDIRECT.format(title=e(title), site=e(site_name), permalink=e(permalink), target=e(target),
                           target_js=json.dumps(target).replace("<", "\\u003c"))


def render_redirects(library: Library, site: Site) -> dict[str, str]:
    """docs/<section>/<old-slug>/index.html for each alias; MkDocs copies them to the site unchanged."""
    files = {}
    for section, items in (("practices", library.practices + library.retired), ("mentors", library.mentors)):
        for item in items:
            for alias in item.aliases:
                files[f"{section}/{alias}/index.html"] = redirect_page(
                    item.title, f"../{item.slug}/", site.permalink(f"{section}/{item.slug}/"), site.name)
    return files


def render_tombstones(library: Library, site: Site) -> dict[str, str]:
    """docs/practices/<slug>.md for each retired practice: its date, reason and replacement, never a 404."""
    template = environment().get_template("tombstone.md.j2")
    titles = {p.slug: p.title for p in library.practices + library.retired}
    return {f"practices/{p.slug}.md": template.render(p=p, replacement=titles.get(p.retired.replaced_by if p.retired else ""), site=site,
                                                      keywords=keywords(p, library))
            for p in library.retired}


def produce(library: Library, site: Site) -> dict[str, str]:
    return {**render_redirects(library, site), **render_tombstones(library, site)}
