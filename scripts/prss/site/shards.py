"""Run `mkdocs build --strict` on every core: each shard renders its share of the pages, the rest as stubs.

MkDocs renders one page after another. A shard is a copy of docs/ (hard links, so cheap) in which the
pages of the other shards are stubs: the same paths, so every link to them still resolves, and the same
front matter and first block, so MkDocs gives them the same titles in the nav and in links.
The shards build at once, each into its own folder; then site/ takes each page from the shard that
rendered it in full, and the search index takes each page's entries from that shard, in MkDocs' own
page order. The result is byte-identical to one `mkdocs build` (tests/test_shards.py).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.utils.meta import YAML_RE  # MkDocs' own front-matter pattern
from mkdocs.utils.yaml import yaml_load  # reads !ENV as MkDocs does

from prss import cores
from prss.render.search import INDEX as SEARCH_INDEX

MIN_PAGES_PER_SHARD = 150  # below this, starting another MkDocs costs more than it saves
STUB_TEMPLATE = "prss-shard-stub.html"  # written into each shard's custom_dir, never into the repository


def shard_count(pages: int) -> int:
    """How many shards: PRSS_JOBS when set, else one per core, at most one per MIN_PAGES_PER_SHARD pages."""
    wanted = os.environ.get("PRSS_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return max(1, min(cores.usable(), pages // MIN_PAGES_PER_SHARD))


def deal(docs: Path, pages: list[str], shards: int) -> list[set[str]]:
    """Share the pages (paths under docs/) out by size, largest first to the lightest shard.

    Markdown time follows size.
    """
    sizes = {rel: (docs / rel).stat().st_size for rel in pages}
    owned, load = [set() for _ in range(shards)], [0] * shards
    for rel in sorted(pages, key=lambda rel: (-sizes[rel], rel)):
        lightest = load.index(min(load))
        owned[lightest].add(rel)
        load[lightest] += sizes[rel]
    return owned


def page_url(rel: str) -> str:
    """The page's URL under use_directory_urls: practices/x.md -> practices/x/, index.md -> ''."""
    stem = rel[:-len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def write_shard(root: Path, folder: Path, owned: set[str], custom_dir: str | None) -> Path:
    """folder/ gets mkdocs.yml, the theme's custom_dir and a docs/ whose pages outside `owned` are stubs.

    Returns the shard's config. Everything but the stubs is hard-linked.
    """
    if custom_dir:
        shutil.copytree(root / custom_dir, folder / custom_dir, copy_function=_link)
        (folder / custom_dir / STUB_TEMPLATE).write_text("", encoding="utf-8")  # an empty page is not written
    docs = root / "docs"
    for path in docs.rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(docs).as_posix()
        target = folder / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".md") and rel not in owned:
            target.write_text(stub(path.read_text(encoding="utf-8"), custom_dir is not None), encoding="utf-8")
        else:
            _link(path, target)
    shutil.copyfile(root / "mkdocs.yml", folder / "mkdocs.yml")
    return folder / "mkdocs.yml"


def _config(root: Path) -> dict:
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml_load(handle) or {}


def _custom_dir(root: Path, config: dict) -> str | None:
    """The theme's custom_dir, when mkdocs.yml names one inside the root: it will hold the stubs' template."""
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return custom if isinstance(custom, str) and (root / custom).is_dir() and not Path(custom).is_absolute() else None


def stub(page: str, empty_template: bool = True) -> str:
    """The page's front matter and first block (its `# title`): what MkDocs takes the page's title from.

    With `empty_template`, its front matter names an empty template: the stub costs next to nothing to render.
    """
    front = YAML_RE.match(page)
    head = front.group(0) if front else ""
    first = page[len(head):].lstrip("\n").split("\n\n", 1)[0] + "\n"
    if not (front and empty_template):
        return head + first
    closing = head.rstrip("\n").rfind("\n") + 1  # the closing '---' line; a later key wins in YAML
    return head[:closing] + f"template: {STUB_TEMPLATE}\n" + head[closing:] + first


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copyfile(source, target)


def mkdocs(config: Path, site_dir: Path, cwd: Path) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
               "--site-dir", str(site_dir)]
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def build(root: Path, site_dir: Path) -> tuple[int, str]:
    """Build root/docs into site_dir, sharded when it pays. Returns (MkDocs' exit code, its output)."""
    docs, config = root / "docs", _config(root)
    pages = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
    shards = shard_count(len(pages))
    readme = any(rel.rsplit("/", 1)[-1] == "README.md" for rel in pages)
    if shards == 1 or readme or config.get("use_directory_urls") is False:
        # one process where page_url could not name every page's file: nothing may be lost in assembly
        done = mkdocs(root / "mkdocs.yml", site_dir, root)
        output = done.communicate()[0]
        return done.returncode, output
    owned, custom_dir = deal(docs, pages, shards), _custom_dir(root, config)
    with tempfile.TemporaryDirectory(prefix="prss-shards-") as work:
        configs = [write_shard(root, Path(work) / f"shard-{n}", owned[n], custom_dir) for n in range(shards)]
        sites = [site_dir] + [Path(work) / f"site-{n}" for n in range(1, shards)]
        runs = [mkdocs(config, site, root) for config, site in zip(configs, sites)]
        outputs = [run.communicate()[0] for run in runs]
        code = max(run.returncode for run in runs)
        if code == 0:
            assemble(sites, owned)
    return code, "".join(outputs)


def assemble(sites: list[Path], owned: list[set[str]]) -> None:
    """sites[0] becomes the whole site: each page from the shard that owns it, and one search index."""
    for site, pages in zip(sites[1:], owned[1:]):
        for rel in pages:
            page = page_url(rel) + "index.html"
            if (site / page).is_file():  # MkDocs skips what exclude_docs names; so does one build
                (sites[0] / page).parent.mkdir(parents=True, exist_ok=True)  # a stub renders empty: no folder
                shutil.move(site / page, sites[0] / page)
    index_path = sites[0] / SEARCH_INDEX
    if index_path.is_file():
        indexes = [json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8")) for site in sites]
        index_path.write_text(merge_indexes(indexes, owned), encoding="utf-8")


def merge_indexes(indexes: list[dict], owned: list[set[str]]) -> str:
    """One search index: each page's entries from its owner, pages in the order MkDocs built them.

    Every shard builds every page (stubs included), so the first shard's entries give MkDocs' page order;
    written as Material's search plugin writes it.
    """
    owner = {page_url(rel): n for n, pages in enumerate(owned) for rel in pages}
    entries: dict[str, list] = {}
    order: list[str] = []
    for n, index in enumerate(indexes):
        for entry in index["docs"]:
            url = entry["location"].split("#", 1)[0]
            if n == 0 and url not in entries:
                order.append(url)
                entries[url] = []
            if owner.get(url) == n:
                entries.setdefault(url, []).append(entry)
    docs = [entry for url in order for entry in entries[url]]
    return json.dumps({"config": indexes[0]["config"], "docs": docs}, separators=(",", ":"), default=str)
