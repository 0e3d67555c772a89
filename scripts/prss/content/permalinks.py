"""Permanent URLs: the ledger of every URL the site has published.

content/published-urls.txt lists one URL path per line (`/practices/peer-mentored-reentry/`).
The checker proves what it can from content alone (prss.content.urls); the build proves every ledger
line against the built site. `make ledger` appends the URLs of a successful build, so the ledger only
ever grows.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prss.cli.args import parse_args
from prss.config import REPO
from prss.problems import Problem

LEDGER = "content/published-urls.txt"
HEADER = (
    "# Every URL path the library has published, one per line, sorted. Never delete a line:\n"
    "# a URL listed here must keep working. Rename a file with `aliases: [old-slug]`, withdraw a\n"
    "# practice with `retired:`. `make ledger` appends the new URLs of a successful build.\n")
# Theme assets (hashed names), the search index, the sitemap and host configuration are not URLs anyone cites.
NOT_PUBLIC = ("assets/", "search/", "404.html", "sitemap.xml", "_redirects", "_headers", "nginx-redirects.conf",
              ".nojekyll")


def read_ledger(root: Path) -> tuple[list[tuple[int, str]], list[Problem]]:
    """The ledger's URL paths with their line numbers; a missing ledger is an empty one."""
    path = root / LEDGER
    if not path.is_file():
        return [], []
    entries, problems = [], []
    for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not url.startswith("/") or any(c.isspace() for c in url) or "//" in url:
            problems.append(Problem(LEDGER, lineno, 1, "bad-ledger-line", f"'{url[:60]}' is not a URL path",
                                    "write one path per line starting with '/', e.g. /practices/peer-mentored-reentry/"))
            continue
        entries.append((lineno, url))
    return entries, problems


def built_urls(site_dir: Path) -> list[str]:
    """Every public URL path of a built site: pages as directory URLs, plus downloadable files."""
    urls = set()
    for path in site_dir.rglob("*"):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel.startswith(NOT_PUBLIC):
            continue
        urls.add("/" + rel[: -len("index.html")] if path.name == "index.html" else "/" + rel)
    return sorted(urls)


def unbuilt_urls(root: Path, site_dir: Path) -> list[str]:
    """Build errors for ledger URLs the built site does not serve."""
    entries, _ = read_ledger(root)
    built = set(built_urls(site_dir))
    return [f"{LEDGER}:{lineno}: the published URL {url} no longer resolves (nothing was built at it); add an "
            f"alias to the file that replaced it or retire it; never remove a published URL"
            for lineno, url in entries if url not in built]


def append_new(root: Path, site_dir: Path) -> list[str]:
    """Add the built site's new URLs to the ledger, keeping it sorted; returns the added paths."""
    entries, _ = read_ledger(root)
    known = {url for _, url in entries}
    added = [url for url in built_urls(site_dir) if url not in known]
    (root / LEDGER).write_text(HEADER + "".join(f"{u}\n" for u in sorted(known | set(added))), encoding="utf-8")
    return added


def main(argv=None) -> int:
    """`ledger.py`: append the URLs of the built site/ to content/published-urls.txt. Exit 0 done, 2 usage."""
    parser = argparse.ArgumentParser(prog="ledger.py", description=main.__doc__.split(":", 1)[1].strip())
    parser.add_argument("root", nargs="?", type=Path, default=REPO)
    parser.add_argument("--site-dir", type=Path, help="the built site (default: ROOT/site)")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    site_dir = args.site_dir or args.root / "site"
    if not (site_dir / "index.html").is_file():
        print(f"ledger.py: error: {site_dir} holds no built site; run 'make site' first", file=sys.stderr)
        return 2
    added = append_new(args.root, site_dir)
    print(f"{len(added)} new URL{'s' if len(added) != 1 else ''} added to {LEDGER}")
    return 0
