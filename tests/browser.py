"""Real-browser plumbing for the tests: Debian's Chromium through Playwright, and a local static server."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


@contextlib.contextmanager
def launch():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


CATALOG_CARDS = "#prss-catalog .prss-cards > li"


def open_catalog(page, site_url: str, query: str = "") -> None:
    """The practice catalog, once its script has enhanced the filters."""
    page.goto(site_url + "practices/" + query)
    page.wait_for_selector("#prss-catalog[data-ready=ready]")


def shown_cards(page) -> list[str]:
    """The slugs of the catalog cards the filters show, in order, after "Show more" until there is no more."""
    more = page.locator(".prss-catalog-more button:visible")
    while more.count():
        more.click()
    return page.locator(f"{CATALOG_CARDS}:visible").evaluate_all("els => els.map(li => li.dataset.slug)")


# `value` (a JavaScript expression) equals `want` on five polls in a row, 100 ms apart. After Back, Material's
# instant navigation may re-render a page that a script has already restored, and the script then restores it again.
STEADY = """([value, want]) => {
  const ok = JSON.stringify(eval(value)) === JSON.stringify(want);
  window.prssSteady = ok ? (window.prssSteady || 0) + 1 : 0;
  return window.prssSteady >= 5;
}"""


def wait_steady(page, value: str, want) -> None:
    """Wait until the JavaScript expression `value` has stayed equal to `want` for half a second."""
    page.wait_for_function(STEADY, arg=[value, want], polling=100)
