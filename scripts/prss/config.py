"""Site-wide settings our own steps need, read from mkdocs.yml so they have one source."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]  # the repository this package lives in
PLACEHOLDER_HOST = "prss-library.example.org"  # mkdocs.yml's site_url when SITE_URL is not set


@dataclass(frozen=True)
class Site:
    name: str
    url: str  # always ends with '/'
    version: str

    def permalink(self, path: str) -> str:
        return self.url + path.lstrip("/")


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env(loader, node):
    """MkDocs' `!ENV [NAME, default]` tag: the variable's value, else the default."""
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (names[0], None)
    return next((os.environ[v] for v in variables if os.environ.get(v)), default)


_ConfigLoader.add_constructor("!ENV", _env)


def read_site(root: Path) -> Site:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    url = str(config.get("site_url") or "http://localhost:8000/")
    version = str(config.get("extra", {}).get("version", "0"))
    return Site(config["site_name"], url if url.endswith("/") else url + "/", version)


def placeholder_warning(site: Site) -> str:
    """One clear line for a build whose addresses still name the placeholder host, else ''."""
    if urlsplit(site.url).hostname != PLACEHOLDER_HOST:
        return ""
    return (f"build.py: warning: SITE_URL is not set, so every canonical link, citation, BibTeX and RIS file, PDF "
            f"and data file names the placeholder {site.url}; set SITE_URL to the published address, e.g. "
            "SITE_URL=https://library.example.gov/ make site")


def pdf_enabled() -> bool:
    """Issue 6: PRSS_PDF=0 puts a one-page stand-in at each PDF path, for quick previews and benchmarks."""
    return os.environ.get("PRSS_PDF", "1") != "0"
