"""`make bench` keeps working: the whole benchmark at 20 practices, checked for its figures, never its times."""
import json

import pytest

from prss.cli.bench import main
from prss.content.library import load_library
from prss.tools import bench
from prss.tools.synthetic import write_library

FIELDS = {"checker_s", "build_s", "bare_build_s", "build_ratio", "site_bytes", "median_page_bytes",
          "search_index_raw_bytes", "search_index_gzip_bytes", "search_bytes_per_practice", "catalog_json_bytes",
          "pdf_s", "pdf_peak_rss_mb", "plain_pdf_s", "plain_pdf_peak_rss_mb", "pdf_ratio", "serve_rebuild_s"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "bench-results.json"
    assert main(["--sizes", "20", "--output", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_report_has_every_figure(report):
    result = report["sizes"][0]
    assert FIELDS - set(result) == set()
    assert (result["practices"], result["mentors"], result["practices_indexed"]) == (20, 6, 20)


def test_report_sizes_are_consistent(report):
    result = report["sizes"][0]
    assert 0 < result["search_index_gzip_bytes"] < result["search_index_raw_bytes"] < result["site_bytes"]
    assert result["pdf_bytes"] > 0 and result["plain_pdf_bytes"] > 0


def test_synthetic_library_is_valid_and_seeded(tmp_path):
    first, second = write_library(tmp_path / "a", 5, seed=3), write_library(tmp_path / "b", 5, seed=3)
    assert load_library(first).problems == []
    texts = [sorted(p.read_text(encoding="utf-8") for p in (r / "content").rglob("*.md")) for r in (first, second)]
    assert texts[0] == texts[1]


@pytest.mark.parametrize("value, verdict", [(0.5, "met"), (1.0, "met"), (1.5, "missed")])
def test_verdict_compares_with_the_target_at_1000(value, verdict):
    assert bench.verdicts({"practices": 1000, "checker_s": value})["checker_s"] == verdict
    assert bench.verdicts({"practices": 100, "checker_s": value}) == {}
