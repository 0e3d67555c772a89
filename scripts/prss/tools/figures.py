"""Figures `make bench` reports about a built site: the search index, the catalog and the mentor map, in bytes."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from prss.render.catalog import DATA_PATH, SCRIPT_PATHS
from prss.render.search import INDEX, index_entries


def practice_index_bytes(site_dir: Path) -> dict[str, int]:
    """{practice slug: bytes of its search entries (compact JSON)} for every practice page in the index."""
    sizes: dict[str, int] = {}
    for entry in index_entries(site_dir):
        parts = entry["location"].split("#")[0].strip("/").split("/")
        if len(parts) == 2 and parts[0] == "practices":
            sizes[parts[1]] = sizes.get(parts[1], 0) + len(json.dumps(entry, separators=(",", ":")).encode())
    return sizes


def index_figures(site_dir: Path) -> dict[str, int]:
    """The index's total bytes and its bytes per practice page."""
    sizes = practice_index_bytes(site_dir)
    return {"search_index_bytes": (site_dir / INDEX).stat().st_size, "practices_indexed": len(sizes),
            "search_bytes_per_practice": round(sum(sizes.values()) / len(sizes)) if sizes else 0}


def catalog_figures(site_dir: Path) -> dict[str, int]:
    """Bytes of the built catalog page and its filter data, raw and gzipped, and of its scripts."""
    page = (site_dir / "practices" / "index.html").read_bytes()
    data = (site_dir / DATA_PATH).read_bytes()
    script = b"".join((site_dir / path).read_bytes() for path in SCRIPT_PATHS)
    return {"catalog_page_bytes": len(page), "catalog_page_gzip_bytes": len(gzip.compress(page)),
            "catalog_json_bytes": len(data), "catalog_json_gzip_bytes": len(gzip.compress(data)),
            "catalog_script_bytes": len(script)}


def map_bytes(site_dir: Path) -> int:
    """Bytes of the inline SVG map in the built /mentors/ page."""
    page = (site_dir / "mentors" / "index.html").read_text(encoding="utf-8")
    figure = page.find('class="prss-map"')
    start = page.find("<svg", figure) if figure >= 0 else -1
    end = page.find("</svg>", start) if start >= 0 else -1
    return len(page[start:end + len("</svg>")].encode()) if end >= 0 else 0
