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

MIN_PAGES_PER_SHARD = 150  # below this, starting another MkDocs costs more than it saves
SEARCH_INDEX = "search/search_index.json"


def shard_count(pages: int) -> int:
    """How many shards: PRSS_JOBS when set, else one per core, at most one per MIN_PAGES_PER_SHARD pages."""
    wanted = os.environ.get("PRSS_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return max(1, min(os.cpu_count() or 1, pages // MIN_PAGES_PER_SHARD))


def deal(docs: Path, shards: int) -> list[set[str]]:
    """Share the Markdown pages out by size, largest first to the lightest shard: Markdown time follows size."""
    pages = sorted(((p.stat().st_size, p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")),
                   key=lambda page: (-page[0], page[1]))
    owned, load = [set() for _ in range(shards)], [0] * shards
    for size, rel in pages:
        lightest = load.index(min(load))
        owned[lightest].add(rel)
        load[lightest] += size
    return owned


def page_url(rel: str) -> str:
    """The page's URL under use_directory_urls: practices/x.md -> practices/x/, index.md -> ''."""
    stem = rel[:-len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def write_shard(root: Path, folder: Path, owned: set[str]) -> Path:
    """folder/ gets mkdocs.yml, overrides/ and a docs/ whose pages outside `owned` are stubs. Returns its config."""
    docs = root / "docs"
    for path in docs.rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(docs).as_posix()
        target = folder / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".md") and rel not in owned:
            target.write_text(stub(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            _link(path, target)
    for name in ("overrides",):
        if (root / name).exists():
            (folder / name).symlink_to(root / name, target_is_directory=True)
    shutil.copyfile(root / "mkdocs.yml", folder / "mkdocs.yml")
    return folder / "mkdocs.yml"


def stub(page: str) -> str:
    """The page's front matter and first block (its `# title`): what MkDocs takes the page's title from."""
    front = YAML_RE.match(page)
    head = front.group(0) if front else ""
    return head + page[len(head):].lstrip("\n").split("\n\n", 1)[0] + "\n"


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
    shards = shard_count(sum(1 for _ in (root / "docs").rglob("*.md")))
    if shards == 1:
        done = mkdocs(root / "mkdocs.yml", site_dir, root)
        output = done.communicate()[0]
        return done.returncode, output
    owned = deal(root / "docs", shards)
    with tempfile.TemporaryDirectory(prefix="prss-shards-") as work:
        configs = [write_shard(root, Path(work) / f"shard-{n}", owned[n]) for n in range(shards)]
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
