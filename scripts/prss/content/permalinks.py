"""Permanent URLs: the ledger of every URL the site has published.

content/published-urls.txt lists one URL path per line (`/practices/peer-mentored-reentry/`).
The checker proves what it can from content alone (prss.content.urls); the build proves every ledger
line against the built site. `make ledger` appends the URLs of a successful build, so the ledger only
ever grows.
"""
from __future__ import annotations

from pathlib import Path

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
