"""The offline bundle: the site built for file:// (Material's offline plugin, plain .html URLs), zipped.

A separate MkDocs build from a generated config that INHERITs mkdocs.yml, into a temporary folder, so the
online site keeps its directory URLs. Material's offline plugin inlines the search index; the Web Worker
shim it would fetch from unpkg.com is vendored (prss/vendor/, from npm's iframe-worker 1.0.4, MIT), so
search works with no network at all. Three more things file:// needs:

- Chromium blocks fetch() there, so the catalog's filter data also ships as a script (data/catalog.js)
  that prss-catalog.js loads instead.
- A link to a folder opens a folder listing there, so every link to a folder is pointed at the page
  inside it, also those written in our templates and raw HTML, which MkDocs does not rewrite.
- `extra.offline` tells overrides/main.html to leave out the feed's <link rel="alternate">: Material
  fetches sitemap.xml next to every alternate link, and that request fails, with console errors, there.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import yaml

from prss.render.catalog import DATA_PATH as CATALOG_DATA

ZIP_NAME = "prss-resource-library-offline.zip"
SHIM = Path(__file__).parent / "vendor" / "iframe-worker-shim.js"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed date in the zip entries, so the same site zips to the same bytes
CATALOG_SCRIPT = CATALOG_DATA.removesuffix(".json") + ".js"  # prss-catalog.js derives this name the same way
CATALOG_GLOBAL = "prssCatalogData"  # the global that data/catalog.js sets, read by prss-catalog.js
LINK_ATTRIBUTES = {"href", "xlink:href"}  # the mentor map's SVG marks link with xlink:href
ATTRIBUTE = re.compile(r"""(\s+)([^\s"'=/>]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+))?""")


def offline_config(root: Path, docs: Path) -> dict:
    """mkdocs.yml's settings, changed only where file:// needs it. Instant navigation needs a server."""
    parent = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    plugins = [p for p in parent.get("plugins", []) if p != "offline"]
    return {
        "INHERIT": str(root / "mkdocs.yml"),
        "docs_dir": str(docs),
        "use_directory_urls": False,
        "theme": {"custom_dir": str(root / "overrides"),
                  "features": [f for f in parent["theme"]["features"] if f != "navigation.instant"]},
        "plugins": [*plugins, "offline"],
        "extra": {"polyfills": [SHIM_PATH], "offline": True},
    }


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping MkDocs' own tags (!ENV, !!python/name) out of the way."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def build_offline(root: Path, out: Path) -> Path:
    """Build root's generated docs/ for file:// and zip the site to out/ZIP_NAME; returns the zip's path."""
    with tempfile.TemporaryDirectory(prefix="prss-offline-") as tmp:
        work = Path(tmp)
        shutil.copytree(root / "docs", work / "docs")
        (work / "docs" / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHIM, work / "docs" / SHIM_PATH)
        write_catalog_script(work / "docs")
        config = work / "mkdocs.yml"
        config.write_text(yaml.safe_dump(offline_config(root, work / "docs"), sort_keys=False), encoding="utf-8")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config),
                   "--site-dir", str(work / "site")]
        subprocess.run(command, cwd=root, env=env, check=True)
        link_pages_not_folders(work / "site")
        out.mkdir(parents=True, exist_ok=True)
        return zip_folder(work / "site", out / ZIP_NAME)


def write_catalog_script(docs: Path) -> None:
    """docs/data/catalog.js: the catalog's filter data as a script, which file:// may load where it may not fetch."""
    data = docs / CATALOG_DATA
    if data.is_file():  # JSON is valid JavaScript, and this is a file of its own: no </script> to worry about
        script = f"window.{CATALOG_GLOBAL} = {data.read_text(encoding='utf-8').strip()};\n"
        (docs / CATALOG_SCRIPT).write_text(script, encoding="utf-8")


def link_pages_not_folders(site: Path) -> None:
    """Point every link of every page of site/ that names a folder at the page the online URL shows."""
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = _LinkFixer(page, site).fix(text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def file_link(href: str, page: Path, site: Path) -> str:
    """href as written on page, or, when it names a folder of site/, the file a web server would show for it.

    'data/' becomes 'data/index.html'; 'project-fort/' becomes 'project-fort.html' when the offline build
    wrote that page as a file (use_directory_urls: false). Links that leave site/ stay as they are.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return href
    target = (page.parent / unquote(parts.path)).resolve()
    if not target.is_relative_to(site.resolve()):
        return href
    if (target / "index.html").is_file():
        path = parts.path.rstrip("/") + "/index.html"
    elif parts.path.endswith("/") and target.with_name(target.name + ".html").is_file():
        path = parts.path.rstrip("/") + ".html"
    else:
        return href
    return urlunsplit(parts._replace(path=path))


class _LinkFixer(HTMLParser):
    """Rewrites the link attributes of start tags in place, leaving every other byte of the page as it was."""

    def __init__(self, page: Path, site: Path):
        super().__init__(convert_charrefs=True)
        self.page, self.site = page, site
        self.edits: list[tuple[tuple[int, int], str, str]] = []

    def fix(self, text: str) -> str:
        self.feed(text)
        self.close()
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for (line, column), old, new in reversed(self.edits):
            at = starts[line - 1] + column
            text = text[:at] + new + text[at + len(old):]
        return text

    def handle_starttag(self, tag, attrs):
        if not LINK_ATTRIBUTES & {name for name, _ in attrs}:
            return
        old = self.get_starttag_text() or ""
        new = ATTRIBUTE.sub(self._fix_attribute, old)
        if new != old:
            self.edits.append((self.getpos(), old, new))

    handle_startendtag = handle_starttag

    def _fix_attribute(self, match: re.Match) -> str:
        space, name, equals, value = match.groups()
        if name.lower() not in LINK_ATTRIBUTES or value is None:
            return match.group(0)
        href = html.unescape(value[1:-1] if value[0] in "\"'" else value)
        fixed = file_link(href, self.page, self.site)
        if fixed == href:
            return match.group(0)
        return f'{space}{name}{equals}"{html.escape(fixed)}"'


def zip_folder(folder: Path, target: Path) -> Path:
    """Zip with sorted names and fixed dates, under one top folder, so unzipping gives a single folder."""
    top = target.stem
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target
