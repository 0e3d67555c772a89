"""Open data: one record per content file, valid against the generated schema, and safe in spreadsheets."""
import csv
import io
import json

import jsonschema
import pytest

from conftest import FIXTURE, REPO, make_root
from prss.config import read_site
from prss.content.library import load_library
from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS
from prss.render.export import neutralise, practice_records, practices_csv

PRACTICE_FILES = sorted(p.stem for p in (REPO / "content/practices").glob("*.md"))
MENTOR_FILES = sorted(p.stem for p in (REPO / "content/mentors").glob("*.md"))


def data(site, name):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def test_practices_json_has_one_record_per_file(repo_site):
    assert [r["slug"] for r in data(repo_site, "practices.json")["practices"]] == PRACTICE_FILES


def test_practices_csv_has_one_row_per_file(repo_site):
    with open(repo_site / "data/practices.csv", encoding="utf-8", newline="") as handle:
        assert [row["slug"] for row in csv.DictReader(handle)] == PRACTICE_FILES


def test_mentors_json_has_one_record_per_file(repo_site):
    assert [r["slug"] for r in data(repo_site, "mentors.json")["mentors"]] == MENTOR_FILES


@pytest.mark.parametrize("name", ["practices.json", "mentors.json"])
def test_data_follows_the_published_schema(repo_site, name):
    jsonschema.Draft202012Validator(data(repo_site, "schema.json")).validate(data(repo_site, name))


def test_schema_rejects_a_record_with_an_unknown_field(repo_site):
    practices = data(repo_site, "practices.json")
    practices["practices"][0]["tags"] = ["x"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(data(repo_site, "schema.json")).validate(practices)


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


def test_csv_never_starts_a_cell_with_a_formula(tmp_path):
    text = (FIXTURE / "content/practices/quick-response-teams.md").read_text(encoding="utf-8")
    root = make_root(tmp_path, {"content/practices/formula.md": text.replace(
        "title: Post-overdose outreach and Quick Response Teams", "title: '=HYPERLINK(\"https://evil.example\",\"x\")'")})
    rows = list(csv.DictReader(io.StringIO(practices_csv(
        practice_records(load_library(root).library, read_site(root))))))
    assert [r["title"] for r in rows if r["slug"] == "formula"] == ["'=HYPERLINK(\"https://evil.example\",\"x\")"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_data_page_documents_every_field(repo_site):
    page = (repo_site / "data/index.html").read_text(encoding="utf-8")
    for field in PRACTICE_FIELDS + MENTOR_FIELDS:
        assert f"<code>{field.name}</code>" in page, field.name
    assert 'href="practices.csv"' in page and 'href="schema.json"' in page
