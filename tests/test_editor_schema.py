"""The editor schemas (docs/schemas/*.schema.json) and the checker agree: on every real file, and on bad ones."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO, make_root
from prss.config import read_site
from prss.content.frontmatter import read_document
from prss.content.library import load_library
from prss.problems import has_errors
from prss.render.guide import editor_schemas

PRACTICE = "content/practices/quick-response-teams.md"
MENTOR = "content/mentors/project-fort.md"
REF = {"title": "A source", "publisher": "A publisher", "year": 2020, "url": "https://example.org/"}
# (file, field, bad value): each must be an error for the checker and invalid under the schema.
BAD = [
    (PRACTICE, "summary", "   "), (PRACTICE, "summary", "Peers <b>help</b>."), (PRACTICE, "title", "x" * 121),
    (PRACTICE, "objectives", []), (PRACTICE, "objectives", ["capacty"]), (PRACTICE, "intercepts", [6]),
    (PRACTICE, "settings", ["jail"]), (PRACTICE, "settings", ["jails", "jails"]),
    (PRACTICE, "evidence", {"level": "strong", "basis": "A study."}), (PRACTICE, "evidence", {"level": "promising"}),
    (PRACTICE, "components", []), (PRACTICE, "references", []), (PRACTICE, "references", [{**REF, "url": "ftp://x"}]),
    (PRACTICE, "references", [{"title": "A", "year": 2020, "url": "https://example.org/"}]),
    (PRACTICE, "references", [{**REF, "year": 1800}]), (PRACTICE, "last_reviewed", "2026-02-30"),
    (PRACTICE, "last_reviewed", None), (PRACTICE, "tags", ["x"]), (PRACTICE, "aliases", ["Old Name"]),
    (PRACTICE, "mentors", ["nobody"]), (PRACTICE, "retired", {"date": dt.date(2026, 1, 1)}),
    (MENTOR, "state", "Ohio"), (MENTOR, "service_area", "city"), (MENTOR, "cohort", 2015),
    (MENTOR, "website", "www.example.org"), (MENTOR, "city", ""),
    (PRACTICE, "implementation", {"staffing": ["Two peers per shift."]}), (PRACTICE, "implementation", {"staff": []}),
    (PRACTICE, "implementation", {"cost": "About $5 [1]"}),
    (PRACTICE, "contacts", [{"name": "A", "url": "https://example.org/", "ref": 1}]),
    (PRACTICE, "references", [{**REF, "doi": "https://doi.org/10.1001/x"}]), (PRACTICE, "references", [{**REF, "pmid": "PMC1"}]),
    (MENTOR, "contact", {"ref": 1}), (MENTOR, "contact", {"email": "not an address", "ref": 1}),
]


@pytest.fixture(scope="module")
def fixture_root(tmp_path_factory):
    return make_root(tmp_path_factory.mktemp("schema"))


def validators(root: Path) -> dict:
    library = load_library(root).library
    schemas = {rel: json.loads(text) for rel, text in editor_schemas(library, read_site(root)).items()}
    return {kind: jsonschema.Draft7Validator(schemas[f"schemas/{kind}.schema.json"],
                                            format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
            for kind in ("practice", "mentor")}


def as_json(meta: dict) -> dict:
    """Front matter as the YAML extension sees it: dates are YYYY-MM-DD text."""
    return json.loads(json.dumps(meta, default=dt.date.isoformat))


def schema_errors(validator, path: Path) -> list[str]:
    return [e.message for e in validator.iter_errors(as_json(read_document(path, path.name).meta))]


def test_schemas_are_valid_draft_07(fixture_root):
    for validator in validators(fixture_root).values():
        jsonschema.Draft7Validator.check_schema(validator.schema)


def test_every_real_file_is_valid_under_both():
    assert not has_errors(load_library(REPO).problems)
    checks = validators(REPO)
    for kind in ("practice", "mentor"):
        for path in sorted((REPO / "content" / f"{kind}s").glob("*.md")):
            assert schema_errors(checks[kind], path) == [], path.name


def write_bad(root: Path, rel: str, field: str, value) -> Path:
    path = root / rel
    meta, body = read_document(path, rel).meta, path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    path.write_text("---\n" + yaml.safe_dump({**meta, field: value}, sort_keys=False) + "---\n" + body, "utf-8")
    return path


@pytest.mark.parametrize("rel, field, value", BAD, ids=lambda v: str(v)[:24])
def test_bad_value_is_rejected_by_both(tmp_path, fixture_root, rel, field, value):
    root = make_root(tmp_path)
    path = write_bad(root, rel, field, value)
    assert has_errors([p for p in load_library(root).problems if p.path == rel])
    assert schema_errors(validators(fixture_root)[rel.split("/")[1][:-1]], path)


def test_editor_regex_engine_agrees(tmp_path, fixture_root):
    """check-jsonschema matches patterns with an ECMAScript engine, as VS Code does."""
    schema = tmp_path / "practice.schema.json"
    schema.write_text(json.dumps(validators(fixture_root)["practice"].schema), encoding="utf-8")
    bad = [(tmp_path / f"bad{i}.yaml", yaml.safe_dump({**read_document(fixture_root / PRACTICE, PRACTICE).meta,
                                                         field: value}))
           for i, (rel, field, value) in enumerate(BAD) if rel == PRACTICE]
    for path, text in bad:
        path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                          *(str(p) for p, _ in bad)], capture_output=True, text=True).stdout
    assert sorted(p.name for p, _ in bad if f"{p}::" in out) == sorted(p.name for p, _ in bad)
