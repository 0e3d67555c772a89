"""Filter response time of the practice catalog in Chromium, on a synthetic library (a benchmark, not a test).

    .venv/bin/python tests/catalog_bench.py [PRACTICES]     # default 1000

Builds a seeded synthetic library (prss.synthetic), serves it, then times in the page, with
performance.now(), each filter change until the next frame is painted: checking a facet box,
typing a word, clearing. Prints the median and worst of each, plus the catalog, search and map bytes.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from browser import launch, serve  # noqa: E402
from prss.cli.build import main as build  # noqa: E402
from prss.tools.figures import catalog_figures, index_figures, map_bytes  # noqa: E402
from prss.tools.synthetic import write_library  # noqa: E402

ROUNDS = 15
# One filter change, timed from the event to the frame after it, in milliseconds.
TIME_CHANGE = """async ([selector, text]) => {
  const el = document.querySelector(selector);
  const start = performance.now();
  if (text === null) el.click(); else { el.value = text; el.dispatchEvent(new Event("input", {bubbles: true})); }
  await new Promise(done => requestAnimationFrame(() => setTimeout(done)));
  return performance.now() - start;
}"""


def filter_times(url: str) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"facet": [], "text": [], "clear": []}
    with launch() as chromium:
        page = chromium.new_page()
        page.goto(url + "practices/")
        page.wait_for_selector("#prss-catalog[data-ready=ready]", timeout=60_000)
        for _ in range(ROUNDS):
            times["facet"].append(page.evaluate(TIME_CHANGE, ["input[name=setting]", None]))
            times["text"].append(page.evaluate(TIME_CHANGE, ["#prss-catalog-text", "peer"]))
            times["clear"].append(page.evaluate(TIME_CHANGE, [".prss-catalog-clear", None]))
    return times


def main(argv=None) -> int:
    size = int((argv or sys.argv[1:] or ["1000"])[0])
    os.environ["PRSS_PDF"] = "0"  # the PDFs take minutes at this size and do not touch the catalog
    with tempfile.TemporaryDirectory(prefix="prss-catalog-bench-") as work:
        root = write_library(Path(work) / "library", size)
        if build([str(root)]):
            return 1
        site = root / "site"
        figures = {"practices": size, **catalog_figures(site), **index_figures(site), "map_svg_bytes": map_bytes(site)}
        with serve(site) as url:
            for name, values in filter_times(url).items():
                figures[f"{name}_ms_median"] = round(statistics.median(values), 1)
                figures[f"{name}_ms_max"] = round(max(values), 1)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
