"""Rendered PDFs kept by what made them, so an unchanged page is not laid out again.

The key covers everything the bytes depend on: the print HTML (its CSS is inline), the options given to
WeasyPrint, the WeasyPrint and pydyf versions, and the source of the code that turns HTML into a PDF. A
change to any of them misses the cache. PRSS_PDF_CACHE moves the folder (the tests use a temporary one).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

import pydyf
import weasyprint

CODE = ("render.py", "pydyf_patch.py", "fetcher.py")  # the modules of this folder that shape the PDF bytes


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "prss-resource-library" / "pdf"
    return Path(os.environ.get("PRSS_PDF_CACHE") or base)


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    return hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes() for name in CODE)).hexdigest()


def key(html: str, options: dict) -> Path:
    """Where the PDF of this exact input is kept."""
    parts = (weasyprint.__version__, pydyf.__version__, json.dumps(options, sort_keys=True), code_digest(), html)
    return cache_dir() / f"{hashlib.sha256(chr(0).join(parts).encode()).hexdigest()}.pdf"


def load(html: str, options: dict) -> bytes | None:
    hit = key(html, options)
    return hit.read_bytes() if hit.is_file() else None


def store(html: str, options: dict, data: bytes) -> None:
    """Keep a PDF; written under a temporary name and renamed, so a reader never sees half a file."""
    hit = key(html, options)
    hit.parent.mkdir(parents=True, exist_ok=True)
    tmp = hit.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(hit)
