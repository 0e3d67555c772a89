"""The Nu HTML Checker (vnu.jar, tests/vnu/) finds no error on any built page but those bare Material has too."""
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

VNU = Path(__file__).parent / "vnu"
VNU_JAR = VNU / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = Path(__file__).parent / "vnu-allowlist.yml"
BARE_PAGES = {  # a home page and a page with sections, so Material prints its table of contents too
    "index.md": "# Bare\n\nA [practice](practice.md).\n",
    "practice.md": "# A practice\n\n## What it is\n\nText.\n\n## Evidence\n\nText.\n",
}


def pinned_version() -> str:
    lock = json.loads((VNU / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/vnu-jar"]["version"]


def installed_version() -> str | None:
    package = VNU / "node_modules" / "vnu-jar" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else None


def build_bare_material(folder: Path) -> Path:
    """The baseline: Material for MkDocs with its defaults; returns its site/ folder."""
    for name, text in BARE_PAGES.items():
        (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Bare", "theme": {"name": "material"}, "plugins": ["search"]}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    subprocess.run(command, cwd=folder, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True)
    return folder / "site"


def run_vnu(pages: list[Path]) -> list[dict]:
    """vnu's errors on pages, from one Java run: a list of {"url", "lastLine", "message", ...}."""
    command = ["java", "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json"]
    result = subprocess.run(command + [str(p) for p in pages], capture_output=True, text=True, check=True)
    return json.loads(result.stderr)["messages"]


@pytest.fixture(scope="module")
def found(repo_site, tmp_path_factory) -> dict[str, list[dict]]:
    """The errors on the real site ("site") and on bare Material ("bare"), each named by its page."""
    if installed_version() != pinned_version():
        pytest.fail(f"vnu-jar {pinned_version()} is not installed in {VNU / 'node_modules'}; run `make vnu`")
    sites = {"site": repo_site, "bare": build_bare_material(tmp_path_factory.mktemp("bare"))}
    pages = {name: sorted(folder.rglob("*.html")) for name, folder in sites.items()}
    assert len(pages["site"]) >= 60, "the real site should have every page"
    by_path = {p: (name, p.relative_to(sites[name])) for name in sites for p in pages[name]}
    found = {name: [] for name in sites}
    for error in run_vnu(pages["site"] + pages["bare"]):
        path = Path(unquote(urlsplit(error.get("url", "")).path))  # vnu writes file:/tmp/..., one slash
        name, page = by_path.get(path, ("site", path))  # a message about no page of ours (e.g. IO) counts too
        found[name].append({"page": str(page), "line": error.get("lastLine"), "message": error["message"]})
    return found


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    return {entry["message"] for entry in yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))}


def test_every_page_has_no_error_but_the_themes(found, allowed):
    assert [e for e in found["site"] if e["message"] not in allowed] == []


def test_every_allowed_error_occurs_on_bare_material(found, allowed):
    assert allowed - {e["message"] for e in found["bare"]} == set()
