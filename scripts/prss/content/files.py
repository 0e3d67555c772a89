"""Read and check each content file, from a cache when it is unchanged.

A file's Document and its own problems depend only on its bytes and on the rules' Context (the
vocabularies' ids, the other files' slugs, today's date and the mirror hosts). So a cached result is reused while the
file's stamp (mtime and ctime in ns, size, inode) and the Context are the same; a changed Context only
re-runs the rules. A file whose stamp could not be trusted when it was read (written within the last
clock tick, as a whole library is just after it is written) keeps its bytes, and is reused next time
if its bytes are the same, so the first edit after such a start reads every file but parses one.
"""
from __future__ import annotations

import time
from pathlib import Path

from prss.content.body import check_body, check_page_body
from prss.content.fields import check_fields
from prss.content.frontmatter import Document, read_document
from prss.content.profile import check_reference_ids
from prss.content.values import Context
from prss.model import MENTOR_FIELDS, PAGE_FIELDS, PRACTICE_FIELDS
from prss.problems import Problem

FIELDS = {"practices": PRACTICE_FIELDS, "mentors": MENTOR_FIELDS, "pages": PAGE_FIELDS}
RACY_NS = 2_000_000_000  # FAT's clock ticks every 2 s; ext4 and APFS far more often

Task = tuple[Path, str, str]  # the file, its path as problems show it, its section (practices, mentors, pages)
Checked = tuple[Document, list[Problem]]


def check_files(tasks: list[Task], ctx: Context, cache: dict | None = None) -> list[Checked]:
    """Each file's Document and its own problems, in the order of `tasks`; see load_library for `cache`."""
    if cache is None:
        return [_check_one(task, ctx) for task in tasks]
    # A file changed twice within the file system's clock tick keeps its stamp: trust no stamp that recent.
    settled = time.time_ns() - RACY_NS
    stamps = [_stamp(path, settled) for path, _, _ in tasks]
    results, raws = [], []
    for task, stamp in zip(tasks, stamps, strict=True):
        hit = cache.get(str(task[0]))
        same_stamp = hit is not None and stamp is not None and hit[0] == stamp
        raw = None if same_stamp else _read(task[0])
        if hit and (same_stamp or raw is not None and hit[4] == raw):
            doc, checked_with, found = hit[1:4]
            results.append((doc, found if checked_with == ctx else problems_of(doc, task[2], ctx)))
        else:
            results.append(_check_one(task, ctx, raw))
        raws.append(raw if stamp is None else None)  # a file read within a clock tick: compared by its bytes next time
    cache.clear()  # forget deleted files
    cache.update((str(path), (stamp, doc, ctx, found, raw))
                 for (path, _, _), stamp, (doc, found), raw in zip(tasks, stamps, results, raws, strict=True))
    return results


def problems_of(doc: Document, section: str, ctx: Context) -> list[Problem]:
    """A file's own problems: reading it, else its fields and its body text."""
    if doc.problems:
        return doc.problems
    found = list(check_fields(doc, FIELDS[section], ctx))
    if section == "pages":
        return found + list(check_page_body(doc))
    found += check_reference_ids(doc, ctx.mirrors)
    references = doc.meta.get("references")
    return found + list(check_body(doc, len(references) if isinstance(references, list) else 0))


def outside(path: Path, root: Path) -> bool:
    """True for a path that is, or passes through, a link to somewhere outside the repository."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop: not outside, and reading it reports the loop
        return False


def _stamp(path: Path, settled: int):
    """What changes whenever the file's bytes do; None (never matched, so read again) for a file just written."""
    try:
        status = path.stat()
    except OSError:
        return None
    if status.st_mtime_ns > settled or status.st_ctime_ns > settled:
        return None
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


def _read(path: Path) -> bytes | None:
    """The file's bytes; None when it cannot be read (read_document then says why)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def _check_one(task: Task, ctx: Context, raw: bytes | None = None) -> Checked:
    path, display, section = task
    doc = read_document(path, display, raw)
    return doc, problems_of(doc, section, ctx)
