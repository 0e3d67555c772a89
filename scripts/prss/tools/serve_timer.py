"""Time `make serve`'s round trip: edit one practice file, wait until the served page shows the edit."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from prss.config import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at url contains text; raises TimeoutError after timeout seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def serve_rebuild(root: Path, timeout: float = 600) -> float:
    """Start scripts/serve.py on root, append a marker to one practice, return the seconds until it is served."""
    practice = sorted((root / "content" / "practices").glob("*.md"))[0]
    url = f"http://127.0.0.1:{free_port()}/"
    command = [sys.executable, str(REPO / "scripts" / "serve.py"), "--root", str(root),
               "--dev-addr", url[len("http://"):-1]]
    log = open(root / "serve.log", "w", encoding="utf-8")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(url + f"practices/{practice.stem}/", "</html>", timeout)
        marker = f"Benchmark edit {time.time_ns()}"
        with open(practice, "a", encoding="utf-8") as handle:
            handle.write(f"\n{marker}.\n")
        return wait_for(url + f"practices/{practice.stem}/", marker, timeout)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
