"""The permanence gate: every URL the library ever published is still served by the built site.

The gate does not trust the ledger that the same change edits. It also reads the ledger as the base
branch has it (`git show <base>:content/published-urls.txt`): a line removed, a ledger emptied, deleted
or replaced by a folder cannot hide a lost URL. The base is PRSS_LEDGER_BASE when set, else origin/main
when it exists; outside a git checkout, or with neither, the gate says that it compared nothing.
Lines are normalised before use: a path with a `.`, `..` or encoded segment is refused, and a URL is
looked up among the site's own files only.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from prss.content.permalinks import LEDGER

DEFAULT_BASE = "origin/main"


class Base(NamedTuple):
    """The base branch's ledger text (None when there is none to compare with), and what to say about it."""
    text: str | None
    ref: str
    note: str = ""  # why nothing was compared
    error: str = ""  # why nothing could be compared though the build asked for it


def ledger_lines(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(line number, URL path) for every entry, and (line number, why) for every line that is not a URL path."""
    entries: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        why = refusal(url)
        (bad if why else entries).append((number, why or unquote(url)))
    return entries, bad


def refusal(url: str) -> str:
    """'' for a URL path of this site, else why the line cannot be one."""
    if not url.startswith("/") or "//" in url or "\\" in url or any(c.isspace() or ord(c) < 32 for c in url):
        return f"'{url[:80]}' is not a URL path (one path per line, starting with '/')"
    if any(part in (".", "..") for part in unquote(url).split("/")) or "%2f" in url.lower():
        return f"'{url[:80]}' has a '.', '..' or encoded '/' segment, which would point outside the site"
    return ""


def base_ledger(root: Path) -> Base:
    """The ledger on the base branch, read with git; a note instead when there is nothing to compare with."""
    ref = os.environ.get("PRSS_LEDGER_BASE", "")
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix is None:
        return Base(None, ref, "not a git checkout, so the ledger was not compared with a base branch")
    if not ref:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{DEFAULT_BASE}^{{commit}}") is None:
            return Base(None, DEFAULT_BASE, f"no {DEFAULT_BASE}, so the ledger was not compared with a base branch "
                                            "(set PRSS_LEDGER_BASE to the branch this change goes into)")
        ref = DEFAULT_BASE
    elif _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
        return Base(None, ref, error=f"PRSS_LEDGER_BASE={ref} names no commit of this repository; set it to the "
                                     "branch this change goes into, e.g. origin/main")
    text = _git(root, "show", f"{ref}:{prefix.strip()}{LEDGER}")
    return Base(text or "", ref)  # no ledger on the base branch: a new library, nothing published yet


def _git(root: Path, *args: str) -> str | None:
    """git's output, or None when git fails or is not installed."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, errors="replace")
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def ledger_errors(root: Path, built: set[str], base: Base) -> list[str]:
    """Every published URL the built site does not serve, from this ledger and the base branch's."""
    path, errors = root / LEDGER, [base.error] if base.error else []
    if path.exists() and not path.is_file():
        errors.append(f"{LEDGER} is not a file; restore the ledger as a text file, one URL path per line")
        current = ""
    else:
        current = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    if base.text and not path.exists():
        errors.append(f"{LEDGER} was deleted, but {base.ref} has one; "
                      f"restore it (`git checkout {base.ref} -- {LEDGER}`)")
    entries, bad = ledger_lines(current)
    errors += [f"{LEDGER}:{number}: {why}" for number, why in bad]
    errors += [f"{LEDGER}:{number}: the published URL {url} no longer resolves (nothing was built at it); add an "
               f"alias to the file that replaced it or retire it; never remove a published URL"
               for number, url in entries if url not in built]
    listed = {url for _, url in entries}
    errors += [f"{LEDGER}: the published URL {url} (line {number} on {base.ref}) was removed from the ledger and "
               f"nothing is built at it; restore the line, and add an alias to the file that replaced it or retire it"
               for number, url in ledger_lines(base.text or "")[0] if url not in listed and url not in built]
    return errors
