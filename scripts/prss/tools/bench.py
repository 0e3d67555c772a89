"""Build seeded synthetic libraries, measure our build against bare Material, check the targets.

Each size gets a fresh library in a temporary folder (prss.synthetic). Wall times are what a person
waits; CPU times (user + system, this process and its children) are also kept, because other work on
the machine stretches wall time but not CPU time. One table is printed and bench-results.json written.
"""
from __future__ import annotations

import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from prss.cli.build import main as build
from prss.config import REPO
from prss.content.library import load_library
from prss.render.search import INDEX
from prss.tools import synthetic
from prss.tools.figures import catalog_figures, index_figures
from prss.tools.serve_timer import serve_rebuild

TARGET_SIZE = 1000
PDF_MAX = 1000  # the issue asks for the PDF at 100 and 1,000 practices; 3,000 would take too long
BARE_MKDOCS = """site_name: Bare Material
theme:
  name: material
plugins:
  - search
nav:
  - index.md
not_in_nav: |
  /practices/
  /mentors/
"""
# (result key, what it measures, limit at 1,000 practices)
TARGETS = (
    ("checker_s", "checker (s)", 1.0),
    ("build_ratio", "build / bare Material", 1.2),
    ("median_page_bytes", "median practice page (bytes)", 40_000),
    ("search_index_gzip_bytes", "search index gzip (bytes)", 600_000),
    ("pdf_ratio", "library PDF / plain WeasyPrint", 1.3),
    ("serve_rebuild_s", "serve: one-practice edit (s)", 3.0),
)


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(run) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds) of run()."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = run()
    return result, time.perf_counter() - wall, cpu_seconds() - cpu


def bare_material(root: Path, out: Path) -> Path:
    """The same practice and mentor bodies as plain Markdown pages, for bare Material with a flat nav."""
    (out / "docs").mkdir(parents=True)
    (out / "mkdocs.yml").write_text(BARE_MKDOCS, encoding="utf-8")
    (out / "docs" / "index.md").write_text("# Bare Material\n", encoding="utf-8")
    library = load_library(root).library
    for section, items in (("practices", library.practices), ("mentors", library.mentors)):
        (out / "docs" / section).mkdir()
        for item in items:
            (out / "docs" / section / f"{item.slug}.md").write_text(f"# {item.title}\n\n{item.body}", encoding="utf-8")
    return out


def mkdocs_build(folder: Path) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=folder, env=env).returncode


def site_figures(site: Path, prefix: str = "") -> dict:
    pages = [p.stat().st_size for p in (site / "practices").glob("*/index.html")]
    index = (site / INDEX).read_bytes()
    return {f"{prefix}site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            f"{prefix}median_page_bytes": int(statistics.median(pages)),
            f"{prefix}search_index_raw_bytes": len(index),
            f"{prefix}search_index_gzip_bytes": len(gzip.compress(index, 6))}


def pdf_run(function: str, root: Path) -> dict:
    """Run prss.tools.pdf_bench.<function>(root) in a fresh interpreter: wall and CPU time, PDF bytes, peak RSS."""
    code = ("import json, resource, sys; from pathlib import Path; from prss.tools import pdf_bench as pdf; "
            f"data = pdf.{function}(Path({str(root)!r})); "
            "json.dump([len(data), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss], sys.stdout)")
    env = dict(os.environ, PYTHONPATH=str(REPO / "scripts"))
    done, wall, cpu = timed(lambda: subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                                   text=True, check=True))
    size, rss_kb = json.loads(done.stdout)
    return {"s": wall, "cpu_s": cpu, "bytes": size, "peak_rss_mb": round(rss_kb / 1024)}


def measure(size: int, work: Path, seed: int, skip: set[str]) -> dict:
    root = synthetic.write_library(work / f"library-{size}", size, seed)
    loaded, wall, cpu = timed(lambda: load_library(root))
    if loaded.problems:
        raise SystemExit(f"bench.py: the synthetic library has problems, first: {loaded.problems[0]}")
    r = {"practices": size, "mentors": len(loaded.library.mentors), "checker_s": wall, "checker_cpu_s": cpu}
    site = root / "site"
    phases: dict[str, float] = {}
    code, r["build_s"], r["build_cpu_s"] = timed(lambda: build([str(root), "--site-dir", str(site)], phases))
    if code:
        raise SystemExit(f"bench.py: the build of {size} practices failed")
    r.update({f"build_{name}_s": seconds for name, seconds in phases.items()})
    bare = bare_material(root, work / f"bare-{size}")
    code, r["bare_build_s"], r["bare_build_cpu_s"] = timed(lambda: mkdocs_build(bare))
    r["build_ratio"] = r["build_s"] / r["bare_build_s"]
    r.update(site_figures(site))
    r.update(site_figures(bare / "site", "bare_"))
    r.update(index_figures(site))
    r["search_gzip_bytes_per_practice"] = round(r["search_index_gzip_bytes"] / size)
    r.update(catalog_figures(site))
    if "pdf" not in skip and size <= PDF_MAX:
        ours, plain = pdf_run("library_pdf", root), pdf_run("baseline_pdf", root)
        r.update({f"pdf_{k}": v for k, v in ours.items()} | {f"plain_pdf_{k}": v for k, v in plain.items()})
        r["pdf_ratio"] = ours["s"] / plain["s"]
    if "serve" not in skip:
        r["serve_rebuild_s"] = serve_rebuild(root)
    return r


def verdicts(result: dict) -> dict[str, str]:
    """'met' or 'missed' for each target measured at the target size."""
    if result["practices"] != TARGET_SIZE:
        return {}
    return {key: "met" if result[key] <= limit else "missed" for key, _, limit in TARGETS if key in result}


ROWS = (  # (label, result key, format)
    ("practices / mentor sites", None, None),
    ("checker s (CPU s)", ("checker_s", "checker_cpu_s"), "{:.2f} ({:.2f})"),
    ("build s (CPU s)", ("build_s", "build_cpu_s"), "{:.1f} ({:.1f})"),
    ("  of which generate, mkdocs, gates s", ("build_generate_s", "build_mkdocs_s", "build_gates_s"),
     "{:.1f}, {:.1f}, {:.1f}"),
    ("bare Material s (CPU s)", ("bare_build_s", "bare_build_cpu_s"), "{:.1f} ({:.1f})"),
    ("build / bare Material", ("build_ratio",), "{:.2f}x"),
    ("site MB (bare)", ("site_bytes", "bare_site_bytes"), "{:.1f} ({:.1f})", 1e6),
    ("median practice page KB (bare)", ("median_page_bytes", "bare_median_page_bytes"), "{:.1f} ({:.1f})", 1e3),
    ("search index MB raw (bare)", ("search_index_raw_bytes", "bare_search_index_raw_bytes"), "{:.2f} ({:.2f})", 1e6),
    ("search index MB gzip (bare)", ("search_index_gzip_bytes", "bare_search_index_gzip_bytes"), "{:.2f} ({:.2f})",
     1e6),
    ("search bytes/practice raw, gzip", ("search_bytes_per_practice", "search_gzip_bytes_per_practice"),
     "{:.0f}, {:.0f}"),
    ("catalog data KB raw, gzip", ("catalog_json_bytes", "catalog_json_gzip_bytes"), "{:.1f}, {:.1f}", 1e3),
    ("library PDF s, peak RSS MB", ("pdf_s", "pdf_peak_rss_mb"), "{:.1f}, {:.0f}"),
    ("plain WeasyPrint s, peak RSS MB", ("plain_pdf_s", "plain_pdf_peak_rss_mb"), "{:.1f}, {:.0f}"),
    ("library PDF / plain WeasyPrint", ("pdf_ratio",), "{:.2f}x"),
    ("serve: one-practice edit s", ("serve_rebuild_s",), "{:.1f}"),
)


def cell(result: dict, row: tuple) -> str:
    label, keys, form, *scale = row
    if keys is None:
        return f"{result['practices']} / {result['mentors']}"
    if any(key not in result for key in keys):
        return "-"
    return form.format(*(result[key] / (scale[0] if scale and i < 2 else 1) for i, key in enumerate(keys)))


def table(results: list[dict]) -> str:
    """One row per measure, one column per size, then the target and its verdict at 1,000 practices."""
    target_of = {key: (label, limit) for key, label, limit in TARGETS}
    at_target = next((r for r in results if r["practices"] == TARGET_SIZE), {})
    lines = [["measure", *(f"{r['practices']:,}" for r in results), "target at 1,000"]]
    for row in ROWS:
        key = row[1][0] if row[1] else None
        verdict = ""
        if key in target_of:
            verdict = f"<= {target_of[key][1]:,} {at_target.get('verdicts', {}).get(key, 'not measured')}"
        lines.append([row[0], *(cell(r, row) for r in results), verdict])
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)


def run(sizes: list[int], seed: int, output: Path, skip: set[str]) -> tuple[dict, list[dict]]:
    """Measure each size in a fresh temporary folder, writing the report to `output` after each."""
    started, load, results = time.perf_counter(), os.getloadavg(), []
    with tempfile.TemporaryDirectory(prefix="prss-bench-") as work:
        for size in sizes:
            results.append(measure(size, Path(work), seed, skip))
            results[-1]["verdicts"] = verdicts(results[-1])
            report = {"sizes": results, "total_s": time.perf_counter() - started, "cpus": os.cpu_count(),
                      "load_average_before": load, "load_average_after": os.getloadavg(),
                      "targets": {key: {"measure": label, "limit": limit} for key, label, limit in TARGETS}}
            output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")  # after each size
            print(f"bench.py: {size} practices measured", file=sys.stderr)
    return report, results
