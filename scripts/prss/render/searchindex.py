"""Figures about the search index Material's search plugin writes to site/search/search_index.json.

What goes into the index is decided in the templates: practice pages carry `search: boost` in their
front matter and list their fields, settings' search words included, in the facts block, while
reference lists, citation boxes, related-practice lists and the browse pages' practice lists carry
`data-search-exclude`, so each practice's text is indexed once, on its own page.
"""
from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def index_entries(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / INDEX).read_text(encoding="utf-8"))["docs"]


def practice_index_bytes(site_dir: Path) -> dict[str, int]:
    """{practice slug: bytes of its search entries (compact JSON)} for every practice page in the index."""
    sizes: dict[str, int] = {}
    for entry in index_entries(site_dir):
        parts = entry["location"].split("#")[0].strip("/").split("/")
        if len(parts) == 2 and parts[0] == "practices":
            sizes[parts[1]] = sizes.get(parts[1], 0) + len(json.dumps(entry, separators=(",", ":")).encode())
    return sizes


def index_figures(site_dir: Path) -> dict[str, int]:
    """The index's total bytes and its bytes per practice page, for the benchmark."""
    sizes = practice_index_bytes(site_dir)
    return {"search_index_bytes": (site_dir / INDEX).stat().st_size, "practices_indexed": len(sizes),
            "search_bytes_per_practice": round(sum(sizes.values()) / len(sizes)) if sizes else 0}
