"""Open data: the library as JSON and CSV under site/data/, with its JSON Schema and a page documenting them.

Every record is built from the same Field declarations as the checker, so a field added to model.py
appears in the JSON, the CSV, the schema and the Data page at once. Retired practices are included
(with their `retired` field): the files hold exactly one record per practice file.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from prss.config import Site
from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS, Field, Library, Mentor, Practice, Reference, SiteContact
from prss.profile_fields import IMPLEMENTATION_FIELDS
from prss.render.jinja import environment
from prss.render.schema import data_schema

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_SEPARATOR = "; "


def plain(value):
    """A model value as JSON data: dates as YYYY-MM-DD, tuples as lists, records as objects."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Reference):
        return {k: v for k, v in (("title", value.title), ("authors", value.authors), ("publisher", value.publisher),
                                  ("year", value.year), ("url", value.url), ("doi", value.doi), ("pmid", value.pmid))
                if v != ""}
    if isinstance(value, SiteContact):  # only the parts the file gives
        return {k: v for k, v in dataclasses.asdict(value).items() if v != ""}
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


def record(item: Practice | Mentor, fields: tuple[Field, ...], section: str, site: Site) -> dict:
    data: dict[str, object] = {"slug": item.slug, "url": site.permalink(f"{section}/{item.slug}/")}
    for field in fields:
        value = getattr(item, field.name)
        if field.kind == "implementation":
            data[field.name] = {name: list(items) for name, items in value}
        elif value is not None:
            data[field.name] = plain(value)
    return data


def practice_records(library: Library, site: Site) -> list[dict]:
    practices = sorted(library.practices + library.retired, key=lambda p: p.slug)
    return [record(p, PRACTICE_FIELDS, "practices", site) for p in practices]


def mentor_records(library: Library, site: Site) -> list[dict]:
    return [record(m, MENTOR_FIELDS, "mentors", site) for m in sorted(library.mentors, key=lambda m: m.slug)]


def neutralise(cell: str) -> str:
    """A spreadsheet must show a cell, never run it: a leading = + - @ is escaped with a quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_columns(fields: tuple[Field, ...] = PRACTICE_FIELDS) -> list[str]:
    """slug, url, then one column per field; the evidence and retired records spread over several."""
    columns = ["slug", "url"]
    for f in fields:
        columns += {"evidence": ["evidence_level", "evidence_basis"],
                    "retired": ["retired_date", "retired_replaced_by", "retired_reason"],
                    "references": ["reference_urls"], "contacts": ["contact_urls"],
                    "implementation": [f"implementation_{part.name}" for part in IMPLEMENTATION_FIELDS]
                    }.get(f.name, [f.name])
    return columns


def _cells(data: dict) -> dict:
    row = {}
    for key, value in data.items():
        if key in ("references", "contacts"):
            row[key[:-1] + "_urls"] = CSV_SEPARATOR.join(r["url"] for r in value)
        elif key == "implementation":
            row.update({f"{key}_{k}": CSV_SEPARATOR.join(v) for k, v in value.items()})
        elif isinstance(value, dict):
            row.update({f"{key}_{k}": v for k, v in value.items()})
        elif isinstance(value, list):
            row[key] = CSV_SEPARATOR.join(str(v) for v in value)
        else:
            row[key] = value
    return row


def practices_csv(records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, csv_columns(), lineterminator="\r\n")
    writer.writeheader()
    for data in records:
        writer.writerow({k: neutralise(str(v)) for k, v in _cells(data).items()})
    return out.getvalue()


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_data(library: Library, site: Site) -> dict[str, str]:
    """docs/data/: practices.json, practices.csv, mentors.json, schema.json, and the Data page."""
    practices, mentors = practice_records(library, site), mentor_records(library, site)
    page = environment().get_template("data.md.j2").render(
        practices=practices, mentors=mentors, practice_fields=PRACTICE_FIELDS, mentor_fields=MENTOR_FIELDS,
        columns=csv_columns(), separator=CSV_SEPARATOR, site=site)
    return {"data/practices.json": _json({"practices": practices}), "data/practices.csv": practices_csv(practices),
            "data/mentors.json": _json({"mentors": mentors}), "data/schema.json": _json(data_schema(library)),
            "data/index.md": page}
