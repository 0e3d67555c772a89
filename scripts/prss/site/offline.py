"""The offline bundle: the site built for file:// (Material's offline plugin, plain .html URLs), zipped.

A separate MkDocs build from a generated config that INHERITs mkdocs.yml, into a temporary folder, so the
online site keeps its directory URLs. Material's offline plugin inlines the search index; the Web Worker
shim it would fetch from unpkg.com is vendored (prss/vendor/, from npm's iframe-worker 1.0.4, MIT), so
search works with no network at all.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

ZIP_NAME = "prss-resource-library-offline.zip"
SHIM = Path(__file__).parent / "vendor" / "iframe-worker-shim.js"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed date in the zip entries, so the same site zips to the same bytes


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
        "extra": {"polyfills": [SHIM_PATH]},
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
        config = work / "mkdocs.yml"
        config.write_text(yaml.safe_dump(offline_config(root, work / "docs"), sort_keys=False), encoding="utf-8")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config),
                   "--site-dir", str(work / "site")]
        subprocess.run(command, cwd=root, env=env, check=True)
        out.mkdir(parents=True, exist_ok=True)
        return zip_folder(work / "site", out / ZIP_NAME)


def zip_folder(folder: Path, target: Path) -> Path:
    """Zip with sorted names and fixed dates, under one top folder, so unzipping gives a single folder."""
    top = target.stem
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target
