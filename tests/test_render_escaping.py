"""Every vocabulary name, title and text field reaches the generated pages as text, never as markup, even when
the checker lets it through: the pages are converted here exactly as MkDocs converts them."""
import dataclasses
import html
import json
import re

import pytest
import yaml

from conftest import make_root
from prss.config import read_config, read_site
from prss.content.library import load_library
from prss.pdf.edition import Converter
from prss.render.pages import render_pages

MARKUP = '<svg onload=alert(1)>'
ATTRIBUTES = 'x {: onclick="alert(2)" }'
HANDLER = re.compile(r"<[^>]*\son\w+=")  # an event-handler attribute in a tag
TITLE = 'Peer <https://b/onfocus="alert(3)"/autofocus/tabindex="1"> </title><script>alert(4)</script>'


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("escaping"))
    return load_library(root).library, read_site(root), Converter(read_config(root))


def hostile(library):
    """Every vocabulary's names and words, and the practices' titles, made of markup."""
    name = lambda item, n: dataclasses.replace(item, name=f"{MARKUP} {ATTRIBUTES} {n}")  # noqa: E731
    return dataclasses.replace(
        library, objectives=tuple(name(o, o.id) for o in library.objectives),
        intercepts=tuple(name(i, i.id) for i in library.intercepts),
        settings=tuple(dataclasses.replace(name(s, s.id), keywords=(MARKUP, ATTRIBUTES)) for s in library.settings),
        levels=tuple(dataclasses.replace(name(lv, lv.id), crosswalk=tuple((k, MARKUP) for k, _ in lv.crosswalk))
                     for lv in library.levels),
        practices=tuple(dataclasses.replace(p, title=TITLE) for p in library.practices))


def test_vocabulary_names_and_words_print_as_text(fixture):
    library, site, converter = fixture
    pages = {path: converter.page(page)[1] for path, page in render_pages(hostile(library), site).items()}
    assert [path for path, page in pages.items() if MARKUP in page or HANDLER.search(page)] == []
    assert html.escape(MARKUP, quote=False) in pages["settings/index.md"]
    assert "{: onclick=" in html.unescape(pages["practices/quick-response-teams.md"])


def test_titles_in_front_matter_carry_no_markup(fixture):
    """Material prints page.meta.title unescaped in <title> and the header, so it arrives escaped once."""
    library, site, _ = fixture
    pages = render_pages(hostile(library), site)
    titles = [front_matter(page)["title"] for path, page in pages.items()
              if path.startswith(("practices/", "settings/"))]
    assert len(titles) > 10 and [t for t in titles if "<" in t or ">" in t] == []
    assert html.unescape(front_matter(pages["practices/quick-response-teams.md"])["title"]) == TITLE


def test_jsonld_keywords_are_the_names_of_objectives_and_settings(fixture):
    library, site, _ = fixture
    page = render_pages(library, site)["practices/quick-response-teams.md"]
    names = {o.id: o.name for o in library.objectives} | {s.id: s.name for s in library.settings}
    practice = next(p for p in library.practices if p.slug == "quick-response-teams")
    keywords = json.loads(front_matter(page)["jsonld"])["keywords"]
    assert keywords == [names[i] for i in practice.objectives + practice.settings]
