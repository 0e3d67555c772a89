"""A build goes into a fresh folder beside site/ and replaces site/ only when every gate passed.

So an interrupted or failed build leaves the previous site/ exactly as it was, and its folder is
removed on any exit: an error, Ctrl-C (SIGINT), SIGTERM or SIGHUP. One build at a time per tree: a
second one stops at once with a clear message, instead of both writing docs/ and site/.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Busy(Exception):
    """Another build holds this tree."""


class Interrupted(Exception):
    """A signal asked this build to stop."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Stops:
    """Whether stops are held back for a moment (`unstoppable`), and the first one that came meanwhile."""
    held = 0
    pending: int | None = None


@contextlib.contextmanager
def stoppable() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise Interrupted in the main thread, so that every `finally` runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _stop) for signum in STOPS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def unstoppable() -> Iterator[None]:
    """Hold a stop back until a moment that must not be cut in two (a swap, a clean-up, starting MkDocs) is over.

    The stop is deferred, not blocked: a signal mask would be inherited by MkDocs.
    """
    _Stops.held += 1
    try:
        yield
    finally:
        _Stops.held -= 1
        if not _Stops.held and _Stops.pending:
            signum, _Stops.pending = _Stops.pending, None
            raise Interrupted(signum)


def _stop(signum: int, frame) -> None:
    if _Stops.held:
        _Stops.pending = _Stops.pending or signum
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def lock(root: Path) -> Iterator[None]:
    """Hold the tree's build lock (an flock on the root folder itself, released when the process ends)."""
    handle = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"another build is running in {root}; wait for it to finish, then build again") from None
        yield
    finally:
        os.close(handle)


@contextlib.contextmanager
def staged(site_dir: Path) -> Iterator[Path]:
    """A new empty folder beside site_dir to build into; removed on the way out unless `publish` moved it."""
    for stale in site_dir.parent.glob(f".{site_dir.name}.*-*"):  # left by a build that was killed outright
        if not _running(stale.name.rsplit("-", 1)[1]):
            shutil.rmtree(stale, ignore_errors=True)
    staging = site_dir.parent / f".{site_dir.name}.new-{os.getpid()}"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        staging.mkdir()
        yield staging
    finally:
        with unstoppable():
            shutil.rmtree(staging, ignore_errors=True)


def _running(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the staged build in for site_dir: two renames no signal can come between, then the old one goes."""
    old = site_dir.parent / f".{site_dir.name}.old-{os.getpid()}"
    with unstoppable():
        if site_dir.exists():
            os.rename(site_dir, old)
        os.rename(staging, site_dir)
        shutil.rmtree(old, ignore_errors=True)
