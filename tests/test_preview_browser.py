"""`make serve` in Chromium: a save that breaks a practice shows its problem in the browser; the fix brings it back.

scripts/serve.py runs for real (it starts `mkdocs serve`), and the page is left to MkDocs' live reload.
"""
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import REPO, copy_repo
from prss.site.preview import PROBLEMS_TITLE
from prss.tools.serve_timer import free_port, wait_for

WAIT = 300_000  # ms: MkDocs rebuilds the whole library twice on a shared machine


@pytest.fixture
def served(tmp_path):
    """(root, base URL) of scripts/serve.py previewing a copy of the library."""
    root, url = copy_repo(tmp_path), f"http://127.0.0.1:{free_port()}/"
    command = [sys.executable, str(REPO / "scripts/serve.py"), "--root", str(root), "--dev-addr", url[7:-1]]
    with open(tmp_path / "serve.log", "w", encoding="utf-8") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                  env=dict(os.environ, PRSS_PDF="0"))
        try:
            wait_for(url, "</html>", WAIT / 1000)
            yield root, url
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(30)


def shows(page, text: str) -> None:
    """Wait until the page shows `text`: MkDocs reloads it after each rebuild (reloaded here too, in case)."""
    deadline = time.monotonic() + WAIT / 1000
    while text not in page.inner_text("body"):
        assert time.monotonic() < deadline, f"the page never showed {text!r}"
        page.wait_for_timeout(1000)
        if int(time.monotonic()) % 10 == 0:
            page.reload()


def test_a_broken_save_is_shown_in_the_browser_and_the_fix_brings_the_page_back(served, page):
    root, url = served
    practice = sorted((root / "content/practices").glob("*.md"))[0]
    text = practice.read_text(encoding="utf-8")
    page.goto(f"{url}practices/{practice.stem}/")
    practice.write_text(text.replace("---\n", "---\ncolour: blue\n", 1), encoding="utf-8")
    shows(page, PROBLEMS_TITLE)
    assert f"content/practices/{practice.name}:2:1" in page.inner_text("body")
    practice.write_text(text + "\nA sentence written after the fix.\n", encoding="utf-8")
    shows(page, "A sentence written after the fix.")
    assert PROBLEMS_TITLE not in page.inner_text("body")
