"""JSON Schemas derived from the Field declarations in model.py, their single source.

Shared by the open data (site/data/schema.json) and the editor schemas for front matter.

`practice_schema` and `mentor_schema` describe a file's front matter (for editors and the checker's
twin); `data_schema` describes the open-data records of site/data/, which are front matter plus
`slug` and `url`. Pass a Library to list the valid ids of the vocabularies as enums.
"""
from __future__ import annotations

from prss.content.profile import CITED, FORMS, ITEM_MAX
from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS, SLUG, US_STATES, Field, Library
from prss.profile_fields import CONTACT_FIELDS, IMPLEMENTATION_FIELDS, REFERENCE_ID_FIELDS, SITE_CONTACT_FIELDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
# As rules._is_web_url: http(s), a host, no spaces; and as rules.HTML_TAG (bar autolinks), no markup in text.
WEB_URL = {"type": "string", "format": "uri", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$",
           "not": {"pattern": r"<\s*/?\s*[a-zA-Z!][^>]*>"}}
NO_HTML = {"not": {"pattern": r"<(?!(?:https?://|mailto:)[^>\s]*>)\s*/?\s*[a-zA-Z!][^>]*>"}}
SLUG_TEXT = {"type": "string", "pattern": SLUG.pattern}


def _text(max_len: int | None = None) -> dict:
    """Text as rules._text accepts it: not blank, no HTML markup, at most max_len characters."""
    text = {"type": "string", "minLength": 1, "pattern": r"\S", **NO_HTML}
    return {**text, "maxLength": max_len} if max_len else text


def _ids(values) -> dict:
    return {"enum": list(values)} if values else {"type": "string"}


def _id_list(values, min_items: int = 0) -> dict:
    return {"type": "array", "items": _ids(values), "uniqueItems": True, "minItems": min_items}


def _reference() -> dict:
    text = _text(300)
    return {"type": "object", "additionalProperties": False, "required": ["title", "url", "year"],
            "properties": {"title": text, "authors": text, "publisher": text, "url": WEB_URL,
                           "year": {"oneOf": [{"type": "integer", "minimum": 1900}, {"const": "n.d."}]},
                           **{f.name: _nested_value(f) for f in REFERENCE_ID_FIELDS}},
            "anyOf": [{"required": ["authors"]}, {"required": ["publisher"]}]}


def _form(name: str) -> dict:
    return {"type": "string", "pattern": f"^(?:{FORMS[name]})$"}


def _nested_value(field: Field) -> dict:
    """The schema of one part of `implementation`, `contacts` or `contact` (content/profile.py checks them)."""
    kinds = {
        "cited-list": lambda: {"type": "array", "items": {**_text(ITEM_MAX), "allOf": [{"pattern": CITED}]}},
        "text": lambda: _text(field.max_len), "url": lambda: dict(WEB_URL),
        "reference": lambda: {"type": "integer", "minimum": 1},
        "phone": lambda: _form("phone"), "email": lambda: _form("email"), "doi": lambda: _form("doi"),
        "pmid": lambda: {"oneOf": [_form("pmid"), {"type": "integer", "minimum": 1}]},
    }
    return {"description": field.help, **kinds[field.kind]()}


def _nested(fields: tuple[Field, ...]) -> dict:
    return {"type": "object", "additionalProperties": False, "required": [f.name for f in fields if f.required],
            "properties": {f.name: _nested_value(f) for f in fields}}


def field_schema(field: Field, library: Library | None = None) -> dict:
    """The JSON Schema of one field's value, from its kind."""
    ids = (lambda name: tuple(x.id if hasattr(x, "id") else x.slug for x in getattr(library, name))) \
        if library else (lambda name: ())
    kinds = {
        "text": lambda: _text(field.max_len),
        "text-list": lambda: {"type": "array", "items": _text(300),
                              "minItems": 1 if field.required else 0},
        "objectives": lambda: _id_list(ids("objectives"), 1),
        "intercepts": lambda: {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 5},
                               "uniqueItems": True},
        "settings": lambda: _id_list(ids("settings"), 1),
        "mentors": lambda: _id_list(ids("mentors")),
        "evidence": lambda: {"type": "object", "additionalProperties": False, "required": ["level", "basis"],
                             "properties": {"level": _ids(ids("levels")),
                                            "basis": _text(400)}},
        "references": lambda: {"type": "array", "items": _reference(), "minItems": 1},
        "date": lambda: dict(DATE),
        "url": lambda: dict(WEB_URL),
        "state": lambda: {"enum": sorted(US_STATES)},
        "choice": lambda: {"enum": list(field.choices)},
        "cohort": lambda: {"oneOf": [{"type": "integer", "minimum": 2019}, {"const": "unconfirmed"}]},
        "aliases": lambda: {"type": "array", "items": SLUG_TEXT, "uniqueItems": True},
        "retired": lambda: {"type": "object", "additionalProperties": False, "required": ["date", "reason"],
                            "properties": {"date": dict(DATE), "replaced_by": {"type": "string"},
                                           "reason": _text(300)}},
        "implementation": lambda: _nested(IMPLEMENTATION_FIELDS),
        "contacts": lambda: {"type": "array", "items": _nested(CONTACT_FIELDS)},
        "contact": lambda: {**_nested(SITE_CONTACT_FIELDS), "anyOf": [{"required": [k]} for k in
                                                                    ("address", "phone", "email")]},
    }
    return {"description": field.help, **kinds[field.kind]()}


def front_matter_schema(fields: tuple[Field, ...], title: str, library: Library | None = None) -> dict:
    return {"$schema": DRAFT, "title": title, "type": "object", "additionalProperties": False,
            "required": [f.name for f in fields if f.required],
            "properties": {f.name: field_schema(f, library) for f in fields}}


def practice_schema(library: Library | None = None) -> dict:
    return front_matter_schema(PRACTICE_FIELDS, "Practice front matter", library)


def mentor_schema(library: Library | None = None) -> dict:
    return front_matter_schema(MENTOR_FIELDS, "Mentor site front matter", library)


def _record(front_matter: dict, title: str) -> dict:
    """An open-data record: the front matter plus the slug and permanent URL, every listed field present."""
    record = {k: v for k, v in front_matter.items() if k != "$schema"}
    record["title"] = title
    record["properties"] = {"slug": {"description": "The file name without .md; the URL's last part.",
                                     **SLUG_TEXT},
                            "url": {"description": "The page's permanent URL.", **WEB_URL},
                            **record["properties"]}
    record["required"] = ["slug", "url"] + [k for k in front_matter["properties"] if k not in ("retired", "aliases", "contact")
                                            ] + ["aliases"]
    return record


def data_schema(library: Library | None = None) -> dict:
    """The schema of site/data/practices.json and mentors.json: {"practices": [...]} / {"mentors": [...]}."""
    practice, mentor = _record(practice_schema(library), "Practice"), _record(mentor_schema(library), "Mentor site")
    return {"$schema": DRAFT, "title": "PRSS Resource Library open data",
            "$defs": {"practice": practice, "mentor": mentor},
            "oneOf": [{"type": "object", "required": ["practices"], "additionalProperties": False,
                       "properties": {"practices": {"type": "array", "items": {"$ref": "#/$defs/practice"}}}},
                      {"type": "object", "required": ["mentors"], "additionalProperties": False,
                       "properties": {"mentors": {"type": "array", "items": {"$ref": "#/$defs/mentor"}}}}]}
