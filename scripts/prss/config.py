"""The one reader of mkdocs.yml: MkDocs' own load_config, so every step sees the settings MkDocs builds with."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]  # the repository this package lives in
DOCS = "docs"  # the folder our steps generate and MkDocs builds, beside mkdocs.yml
PLACEHOLDER_HOST = "prss-library.example.org"  # mkdocs.yml's site_url when SITE_URL is not set


@dataclass(frozen=True)
class Site:
    name: str
    url: str  # always ends with '/'
    library_version: str  # extra.library_version: Material keeps extra.version for mike's version selector
    root: Path | None = None  # the folder of mkdocs.yml

    def permalink(self, path: str) -> str:
        return self.url + path.lstrip("/")

    @property
    def docs(self) -> Path | None:
        """The generated docs/ folder: the only files a PDF may read."""
        return self.root / DOCS if self.root else None


@dataclass(frozen=True)
class Config:
    """mkdocs.yml as MkDocs reads it: !ENV applied, built-in Markdown extensions added, the theme resolved."""
    site: Site
    markdown_extensions: tuple[str, ...]  # MkDocs' own (toc, tables, fenced_code) first, then mkdocs.yml's
    mdx_configs: dict  # {extension: its options}
    theme_dirs: tuple[Path, ...]  # where the theme's templates are looked up, custom_dir first
    custom_dir: Path | None
    features: tuple[str, ...]  # theme.features


def read_config(root: Path) -> Config:
    """root/mkdocs.yml through mkdocs.config.load_config. MkDocs insists that docs_dir exists, but docs/ is ours
    to generate and may not be there yet, so an empty folder stands in for it while the file is read."""
    path = (root / "mkdocs.yml").resolve()
    with tempfile.TemporaryDirectory(prefix="prss-config-") as empty:
        config = load_config(str(path), docs_dir=empty)
    url = str(config["site_url"] or "http://localhost:8000/")
    site = Site(config["site_name"], url if url.endswith("/") else url + "/",
                str(config["extra"].get("library_version", "0")), path.parent)
    theme = config["theme"]
    return Config(site=site, markdown_extensions=tuple(config["markdown_extensions"]),
                  mdx_configs={name: dict(options) for name, options in (config["mdx_configs"] or {}).items()},
                  theme_dirs=tuple(Path(d) for d in theme.dirs),
                  custom_dir=Path(theme.custom_dir) if theme.custom_dir else None,
                  features=tuple(theme.get("features") or ()))


def read_site(root: Path) -> Site:
    return read_config(root).site


def placeholder_warning(site: Site) -> str:
    """One clear line for a build whose addresses still name the placeholder host, else ''."""
    if urlsplit(site.url).hostname != PLACEHOLDER_HOST:
        return ""
    return (f"build.py: warning: SITE_URL is not set, so every canonical link, citation, BibTeX and RIS file, PDF "
            f"and data file names the placeholder {site.url}; set SITE_URL to the published address, e.g. "
            "SITE_URL=https://library.example.gov/ make site")


def pdf_enabled() -> bool:
    """PRSS_PDF=0 puts a one-page stand-in at each PDF path, for quick previews and benchmarks."""
    return os.environ.get("PRSS_PDF", "1") != "0"
