"""Read and check each content file: on two cores when there are many, and from a cache when unchanged.

A file's Document and its own problems depend only on its bytes and on the rules' Context (the
vocabularies' ids, the other files' slugs and today's date). So a cached result is reused while the
file's stamp (mtime and ctime in ns, size, inode) and the Context are the same; a changed Context only
re-runs the rules.
"""
from __future__ import annotations

import os
import pickle
import threading
import time
from pathlib import Path

from prss import cores
from prss.content import profile, rules
from prss.content.frontmatter import Document, read_document
from prss.model import MENTOR_FIELDS, PAGE_FIELDS, PRACTICE_FIELDS
from prss.problems import Problem

FIELDS = {"practices": PRACTICE_FIELDS, "mentors": MENTOR_FIELDS, "pages": PAGE_FIELDS}
RULES = {**rules.KINDS, **profile.KINDS}
# Below this many files a second process costs more (start-up, sending the results back) than it saves.
PARALLEL_FROM = 200
RACY_NS = 2_000_000_000  # FAT's clock ticks every 2 s; ext4 and APFS far more often

Task = tuple[Path, str, str]  # the file, its path as problems show it, its section (practices, mentors, pages)
Checked = tuple[Document, list[Problem]]


def check_files(tasks: list[Task], ctx: rules.Context, cache: dict | None = None) -> list[Checked]:
    """Each file's Document and its own problems, in the order of `tasks`; see load_library for `cache`."""
    if cache is None:
        return _check_all(tasks, ctx)
    # A file changed twice within the file system's clock tick keeps its stamp: trust no stamp that recent.
    settled = time.time_ns() - RACY_NS
    stamps = [_stamp(path, settled) for path, _, _ in tasks]
    results: list[Checked | None] = [None] * len(tasks)
    for i, (task, stamp) in enumerate(zip(tasks, stamps)):
        hit = cache.get(str(task[0]))
        if hit and stamp is not None and hit[0] == stamp:
            doc, checked_with, found = hit[1:]
            results[i] = (doc, found if checked_with == ctx else problems_of(doc, task[2], ctx))
    todo = [i for i, checked in enumerate(results) if checked is None]
    for i, checked in zip(todo, _check_all([tasks[i] for i in todo], ctx)):
        results[i] = checked
    cache.clear()  # forget deleted files
    cache.update((str(path), (stamp, doc, ctx, found))
                 for (path, _, _), stamp, (doc, found) in zip(tasks, stamps, results))
    return results


def problems_of(doc: Document, section: str, ctx: rules.Context) -> list[Problem]:
    """A file's own problems: reading it, else its fields and its body text."""
    if doc.problems:
        return doc.problems
    found = list(rules.check_fields(doc, FIELDS[section], ctx, RULES))
    if section == "pages":
        return found + list(rules.check_page_body(doc))
    found += profile.check_reference_ids(doc, ctx.mirrors)
    return found + list(rules.check_body(doc, count(doc.meta.get("references"))))


def count(value) -> int:
    return len(value) if isinstance(value, list) else 0


def _stamp(path: Path, settled: int):
    """What changes whenever the file's bytes do; None (never matched, so read again) for a file just written."""
    try:
        status = path.stat()
    except OSError:
        return None
    if status.st_mtime_ns > settled or status.st_ctime_ns > settled:
        return None
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


def _check_one(task: Task, ctx: rules.Context) -> Checked:
    path, display, section = task
    doc = read_document(path, display)
    return doc, problems_of(doc, section, ctx)


def _check_all(tasks: list[Task], ctx: rules.Context) -> list[Checked]:
    # Forking a process that runs other threads (a preview server) could leave the child stuck on their locks.
    if len(tasks) < PARALLEL_FROM or cores.usable() < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
        return [_check_one(task, ctx) for task in tasks]
    return _check_in_two(tasks, ctx)


def _check_in_two(tasks: list[Task], ctx: rules.Context) -> list[Checked]:
    """The first half here, the second in a forked child that pickles its results back through a pipe.

    A bare fork, not multiprocessing: importing that costs more than a tenth of what the fork saves. If the
    child fails in any way, its half is checked here too, so the result never depends on the child.
    """
    split = len(tasks) // 2
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never runs the parent's exit handlers or flushes its output
        os.close(reader)
        try:
            with os.fdopen(writer, "wb") as pipe:
                pickle.dump([_check_one(task, ctx) for task in tasks[split:]], pipe, pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(writer)
    first = [_check_one(task, ctx) for task in tasks[:split]]
    with os.fdopen(reader, "rb") as pipe:
        try:
            second = pickle.load(pipe)
        except Exception:  # noqa: BLE001 - whatever stopped the child, this process redoes its half
            second = None
    os.waitpid(pid, 0)
    return first + (second if second is not None else [_check_one(task, ctx) for task in tasks[split:]])
