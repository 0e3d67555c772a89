"""The one Jinja environment for every generated page, and the filters that make content safe to print in them.

Content is hostile: every field goes through `text` (Markdown body text) or `front_text` (front matter that
Material prints into HTML), and templates print nothing else of it unfiltered.
"""
from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from prss.model import CITATION
from prss.render.cite import citation
from prss.render.jsonld import jsonld
from prss.render.references import entry as reference_entry

TEMPLATES = Path(__file__).parent / "templates"
# Inline Markdown syntax, and `{` `}`, which attr_list would read as attributes ({: onclick=...}).
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|])")
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")  # a newline in a field would start a list, quote or heading
NOT_IN_URLS = re.compile(r'[\s<>"{}|\\^`]')  # characters no URL holds unencoded, and each of them ends an autolink


def text(value) -> str:
    """Content text as safe Markdown on one line: HTML special characters and Markdown syntax are escaped."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(LINE_BREAKS.sub(" ", str(value)), quote=False))


def front_text(value) -> str:
    """A front-matter value Material prints into the page unescaped (title, description): HTML-escaped once,
    then quoted as a JSON string, which is valid YAML."""
    return json.dumps(str(escape(LINE_BREAKS.sub(" ", str(value)))), ensure_ascii=False)


def url(value) -> str:
    """A web address for `<...>` or `(...)` in Markdown: what cannot be in a URL is percent-encoded."""
    return NOT_IN_URLS.sub(lambda m: "".join(f"%{byte:02X}" for byte in m.group(0).encode()), str(value))



def cited(value) -> str:
    """Plain text (an item of "What it takes") as safe Markdown, its [n] citations linked to the n-th reference."""
    parts = CITATION.split(str(value))  # text, number, text, number, ..., text
    return "".join(f"[\\[{part}\\]](#ref-{part})" if odd else text(part) for odd, part in
                   ((n % 2, part) for n, part in enumerate(parts)))


@functools.lru_cache(maxsize=1)  # one per process: templates are compiled once, not per generation
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True, autoescape=False, auto_reload=False,  # no stat per include
                      comment_start_string="{##", comment_end_string="##}")  # Markdown uses {#anchor}
    env.filters["text"] = text
    env.filters["front_text"] = front_text
    env.filters["url"] = url
    env.filters["yaml_text"] = lambda v: json.dumps(str(v), ensure_ascii=False)  # JSON strings are valid YAML
    env.filters["citation"] = citation  # the "Cite this page" box (render/cite.py)
    env.filters["jsonld"] = jsonld  # schema.org JSON-LD in the front matter (render/jsonld.py)
    env.filters["cited"] = cited  # an item of "What it takes", its [n] linked to the reference
    env.filters["reference_entry"] = reference_entry  # a reference in APA's order (render/references.py)
    return env
