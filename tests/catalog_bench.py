"""The practice catalog's speed and stability in Chromium, on synthetic libraries (a benchmark, not a test).

    .venv/bin/python tests/catalog_bench.py [PRACTICES ...]     # default 1000 3000; `make bench` runs it

For each size: a seeded synthetic library (prss.tools.synthetic) is generated into docs/ by our own steps, and
MkDocs builds its catalog page alone (the page, its data, the site's CSS and scripts: the same page the full
site serves, without building 1,000 other pages first). In Chromium at 1366x900 it then measures, median of 15:

- filter: a facet check-box clicked, from the click to the next frame (performance.now());
- sort: the sort control changed (title, last reviewed, evidence in turn), the same way;
- text: a word typed into the text box;
- layout shift: the sum of "layout-shift" entries without recent input from navigation until the catalog is ready
  and 500 ms more (a PerformanceObserver), on each of 15 loads (the largest is reported too).

Prints each figure next to its target and writes catalog-bench.json. Exit 0 always: a benchmark reports.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from browser import launch, serve  # noqa: E402
from prss.site.generate import generate  # noqa: E402
from prss.tools.figures import catalog_figures  # noqa: E402
from prss.tools.synthetic import write_library  # noqa: E402

ROUNDS = 15
SIZES = (1000, 3000)
VIEWPORT = {"width": 1366, "height": 900}
# (figure, limit in ms or score, at sizes up to): the brief's targets
TARGETS = {"filter_ms": ((1000, 100), (3000, 200)), "sort_ms": ((1000, 150), (3000, 200)),
           "layout_shift": ((3000, 0.1),)}
TIME_CHANGE = """async ([selector, value]) => {
  const el = document.querySelector(selector);
  const start = performance.now();
  if (value === null) el.click();
  else { el.value = value; el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input", {bubbles: true})); }
  await new Promise(done => requestAnimationFrame(() => setTimeout(done)));
  return performance.now() - start;
}"""
WATCH_SHIFTS = """window.prssShift = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.prssShift += e.value; })
  .observe({type: "layout-shift", buffered: true});"""


def catalog_site(work: Path, size: int) -> Path:
    """The catalog page of a synthetic library of `size` practices, built by MkDocs; returns its site/ folder."""
    root = write_library(work / f"library-{size}", size)
    if generate(root):
        raise SystemExit(f"catalog_bench.py: the synthetic library of {size} practices did not generate")
    docs = root / "docs"
    keep = {docs / "index.md", docs / "practices" / "index.md", docs / "data" / "catalog.json"}
    for path in sorted(docs.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("strict: true", "strict: false")
    (root / "mkdocs.yml").write_text(config.split("\nnav:")[0] + "\n", encoding="utf-8")  # links to pages left out
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=root, env=env, check=True,
                   stderr=subprocess.DEVNULL)
    shutil.rmtree(docs)
    return root / "site"


def measure(url: str) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"filter_ms": [], "sort_ms": [], "text_ms": [], "layout_shift": []}
    with launch() as chromium:
        context = chromium.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.add_init_script(WATCH_SHIFTS)
        for _ in range(ROUNDS):
            page.goto(url + "practices/")
            page.wait_for_selector("#prss-catalog[data-ready=ready]", timeout=120_000)
            page.wait_for_timeout(500)
            times["layout_shift"].append(page.evaluate("window.prssShift"))
        for n in range(ROUNDS):
            times["filter_ms"].append(page.evaluate(TIME_CHANGE, ["input[name=setting]", None]))
            sort = ("title", "reviewed", "evidence")[n % 3]
            times["sort_ms"].append(page.evaluate(TIME_CHANGE, ["#prss-catalog-sort", sort]))
            times["text_ms"].append(page.evaluate(TIME_CHANGE, ["#prss-catalog-text", ("peer", "")[n % 2]]))
        context.close()
    return times


def verdict(name: str, size: int, value: float) -> str:
    limits = [limit for upto, limit in TARGETS.get(name, ()) if size <= upto]
    if not limits:
        return ""
    return f"target {'<=' if name.endswith('_ms') else '<'} {limits[0]}: {'met' if value <= limits[0] else 'missed'}"


def main(argv=None) -> int:
    os.environ["PRSS_PDF"] = "0"  # PDF stand-ins: the PDFs take minutes at this size and do not touch the catalog
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or list(SIZES)
    results = []
    with tempfile.TemporaryDirectory(prefix="prss-catalog-bench-") as work:
        for size in sizes:
            site = catalog_site(Path(work), size)
            figures: dict = {"practices": size, **catalog_figures(site)}
            with serve(site) as url:
                for name, values in measure(url).items():
                    figures[name] = round(statistics.median(values), 4 if name == "layout_shift" else 1)
                    figures[name + "_max"] = round(max(values), 4 if name == "layout_shift" else 1)
            results.append(figures)
            print(f"catalog, {size} practices:")
            for name in ("filter_ms", "sort_ms", "text_ms", "layout_shift"):
                print(f"  {name:13} median {figures[name]:>8}  worst {figures[name + '_max']:>8}  "
                      f"{verdict(name, size, figures[name])}")
            print(f"  page {figures['catalog_page_bytes']:,} bytes ({figures['catalog_page_gzip_bytes']:,} gzipped), "
                  f"data {figures['catalog_json_bytes']:,} bytes")
    Path("catalog-bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
