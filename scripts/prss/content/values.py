"""What every field rule shares: the Context it may look up, and checks of text, lists, ids and mappings.

Each check is a generator of Problems about one value of a document, found by its key path `keys`
(a vocabulary entry's values sit under the entry's index, e.g. `(3, "name")`).
"""
from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from prss.content.frontmatter import Document
from prss.content.text import looks_plain, text_faults
from prss.model import STALE_AFTER
from prss.problems import Problem
from prss.profile_fields import Mirrors

Keys = tuple


@dataclass(frozen=True)
class Context:
    """What a rule may look up: the vocabularies' ids, the other files' slugs, today's date and the mirror hosts."""
    objectives: tuple[str, ...]
    settings: tuple[str, ...]
    levels: tuple[str, ...]
    mentors: tuple[str, ...]
    practices: tuple[str, ...]
    today: dt.date
    mirrors: Mirrors = Mirrors()  # content/mirror-hosts.yml


def problem(doc: Document, keys: Keys, code: str, message: str, hint: str = "", level="error") -> Problem:
    return Problem(doc.path, *doc.where(*keys), code, message, hint, level)


def did_you_mean(value, valid, where: str, noun: str = "valid ids are") -> str:
    close = difflib.get_close_matches(str(value), [str(v) for v in valid], n=1)
    listed = ", ".join(str(v) for v in valid) or "(none yet)"
    return (f"did you mean '{close[0]}'? " if close else "") + f"{noun} defined in {where}: {listed}"


def label(keys: Keys) -> str:
    """A value's name in messages: 'references.0.title'; a vocabulary entry's index is left to the position."""
    return ".".join(str(k) for k in (keys[1:] if keys and isinstance(keys[0], int) else keys))


def check_text(doc, keys: Keys, value, max_len=None) -> Iterator[Problem]:
    """One line of plain text (see prss.content.text), not blank, at most max_len characters."""
    if isinstance(value, str) and looks_plain(value) and value.strip() and not (max_len and len(value) > max_len):
        return  # the common case, decided without naming the field
    name = label(keys)
    if not isinstance(value, str):
        yield problem(doc, keys, "wrong-type", f"'{name}' should be text, found {kind_of(value)}",
                      "write the text after the colon; put it in quotes if it starts with a special character")
        return
    if not value.strip():
        yield problem(doc, keys, "empty-value", f"'{name}' is empty", "write the text after the colon")
        return
    if max_len and len(value) > max_len:
        yield problem(doc, keys, "too-long", f"'{name}' is {len(value)} characters; the limit is {max_len}",
                      "shorten it; put detail in the body text")
    for code, message, hint in text_faults(value, name):
        yield problem(doc, keys, code, message, hint)


def kind_of(value) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a set of fields",
             str: "text", type(None): "nothing", dt.date: "a date", dt.datetime: "a date and time"}
    return names.get(type(value), type(value).__name__)


def check_list(doc, keys: Keys, value) -> Iterator[Problem]:
    if not isinstance(value, list):
        yield problem(doc, keys, "wrong-type", f"'{label(keys)}' should be a list, found {kind_of(value)}",
                      f"write it as a list in brackets, e.g. '{label(keys)}: [first, second]'")


def check_mapping(doc, keys, value, allowed) -> Iterator[Problem]:
    name = label(keys)
    if not isinstance(value, dict):
        yield problem(doc, keys, "wrong-type", f"'{name}' should be a set of fields, found {kind_of(value)}",
                      f"give it the indented fields: {', '.join(allowed)}")
        return
    for key in value:
        if key not in allowed:
            yield problem(doc, keys + (key,), "unknown-field", f"unknown field '{key}' in '{name}'",
                          did_you_mean(key, allowed, "the README", "fields are"))


def check_ids(doc, keys, value, valid, noun, where) -> Iterator[Problem]:
    yield from check_list(doc, keys, value)
    seen = set()
    for i, item in enumerate(value if isinstance(value, list) else []):
        if not isinstance(item, (str, int)) or isinstance(item, bool):  # also keeps 3.0 and true out of intercepts
            yield problem(doc, keys + (i,), "wrong-type", f"each {noun} in '{label(keys)}' should be an id, "
                          f"found {kind_of(item)}", did_you_mean("", valid, where))
            continue
        if item in seen:
            dup = "duplicate-objective" if noun == "objective" else "duplicate-value"
            yield problem(doc, keys + (i,), dup, f"{noun} '{item}' is listed twice", "remove the repeat")
        elif item not in valid:
            yield problem(doc, keys + (i,), f"unknown-{noun}", f"unknown {noun} '{item}'",
                          did_you_mean(item, valid, where))
        seen.add(item)


def slug_of(doc: Document) -> str:
    return doc.path.rsplit("/", 1)[-1].removesuffix(".md")


def check_date(doc, keys, field, value, ctx):
    name = label(keys)
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        yield problem(doc, keys, "invalid-date", f"'{name}' should be a date like 2026-03-31, found '{value}'",
                      "write the date as YYYY-MM-DD, without quotes or a time")
    elif value > ctx.today:
        yield problem(doc, keys, "future-date", f"'{name}' is {value}, which is in the future",
                      f"use today's date ({ctx.today}) or an earlier one")
    elif field.name == "last_reviewed" and ctx.today - value > STALE_AFTER:
        yield problem(doc, keys, "stale-review", f"the evidence was last reviewed on {value}, over two years ago",
                      "re-check the references and set 'last_reviewed' to the review date", level="warning")
