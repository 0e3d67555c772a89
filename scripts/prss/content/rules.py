"""One rule per field kind. Each rule is a generator of Problems over one document's value."""
from __future__ import annotations

import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlsplit

from prss.content.frontmatter import Document
from prss.model import Field, Mirrors
from prss.problems import Problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A whole tag, or just where a browser would start one: '<a onmouseover=...' needs no '>' on the same line.
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|<[a-zA-Z/!?][^>]*")
ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")  # themes print some fields raw
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]*>")
# [1], also back to back as [1][2], not \[1]. The look-behind sits after the '[' (it then also spans the '['), so
# the pattern starts with a literal and the regex engine jumps from '[' to '[': ten times faster on a whole body.
CITATION = re.compile(r"\[(?<!\\\[)(\d+)\](?![(:])")
HEADING = re.compile(r"^(#{1,2})[ \t]")
FENCE = re.compile(r"^\s*(```|~~~)")
# The target of a Markdown link or image `[text](url)`, or of a reference definition `[id]: url`.
LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)")
URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https", "mailto")
BODY_LINK_TARGET = re.compile(LINK_TARGET.pattern, re.MULTILINE)
PLACEHOLDER = re.compile(r"\bTODO:")  # what scaffold.py writes where the text is still to be written
SPACE = re.compile(r"\s")  # exactly the characters str.isspace() accepts
NEWLINE_HEADING = re.compile(r"\n#{1,2}[ \t]")  # HEADING after a newline: with a literal first, a fast search
# Most reference urls: certainly http(s) with a host, without asking urlsplit (a tenth of the field rules' time).
PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#][!-~]*)?\Z")
US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
    "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI".split())
STALE_AFTER = dt.timedelta(days=730)
REFERENCE_KEYS = ("title", "authors", "publisher", "year", "url", "doi", "pmid")  # ids: content/profile.py
EVIDENCE_KEYS = ("level", "basis")
RETIRED_KEYS = ("date", "replaced_by", "reason")


@dataclass(frozen=True)
class Context:
    """What a rule may look up: the vocabularies' ids, the other files' slugs and today's date."""
    objectives: tuple[str, ...]
    settings: tuple[str, ...]
    levels: tuple[str, ...]
    mentors: tuple[str, ...]
    practices: tuple[str, ...]
    today: dt.date
    mirrors: Mirrors = Mirrors()  # content/mirror-hosts.yml


def problem(doc: Document, keys: tuple, code: str, message: str, hint: str = "", level="error") -> Problem:
    return Problem(doc.path, *doc.where(*keys), code, message, hint, level)


def did_you_mean(value, valid, where: str) -> str:
    close = difflib.get_close_matches(str(value), [str(v) for v in valid], n=1)
    listed = ", ".join(str(v) for v in valid) or "(none yet)"
    return (f"did you mean '{close[0]}'? " if close else "") + f"valid ids are defined in {where}: {listed}"


def check_fields(doc: Document, fields: tuple[Field, ...], ctx: Context, kinds=None) -> Iterator[Problem]:
    """Unknown fields, missing required ones, then each present field by its kind (`kinds`: {kind: rule})."""
    names = [f.name for f in fields]
    for key in doc.meta:
        if key not in names:
            yield problem(doc, (key,), "unknown-field", f"unknown field '{key}'",
                          did_you_mean(key, names, "the README's field table").replace("valid ids", "fields"))
    for field in fields:
        if field.name in doc.meta and _blank(doc.meta[field.name]):
            # A scaffold's `field:` or `field: ""` placeholder: one plain message, whatever the kind.
            yield problem(doc, (field.name,), "empty-value", f"'{field.name}' is empty", _fill_hint(field, ctx))
        elif field.name in doc.meta:
            yield from (kinds or KINDS)[field.kind](doc, field, doc.meta[field.name], ctx)
        elif field.required:
            yield _missing(doc, field)


def _fill_hint(field: Field, ctx: Context) -> str:
    """What to write into an empty field: its help text, plus its valid ids or choices when it has them."""
    head = f"fill it in{'' if field.required else ' or delete the line'}: {field.help}"
    ids = {"objectives": (ctx.objectives, "content/objectives.yml"), "settings": (ctx.settings, "content/settings.yml"),
           "mentors": (ctx.mentors, "content/mentors/ (the file names)")}
    if field.kind in ids:
        return f"{head} {did_you_mean('', *ids[field.kind])}"
    return f"{head} Choose one of: {', '.join(field.choices)}" if field.choices else head


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _missing(doc: Document, field: Field) -> Problem:
    if field.name == "objectives":
        return problem(doc, (), "missing-objectives", "the practice has no 'objectives' field",
                       "add e.g. 'objectives: [peer-learning]'; ids are in content/objectives.yml")
    return problem(doc, (), "missing-field", f"the required field '{field.name}' is missing",
                   f"add '{field.name}:' to the front matter: {field.help}")


def _text(doc, keys, value, max_len=None) -> Iterator[Problem]:
    if isinstance(value, str) and value.strip() and not (max_len and len(value) > max_len) and _plain(value):
        return  # the common case, decided without building the field's name
    name = ".".join(str(k) for k in keys)
    if not isinstance(value, str):
        yield problem(doc, keys, "wrong-type", f"'{name}' should be text, found {_kind(value)}",
                      "write the text after the colon; put it in quotes if it starts with a special character")
    elif not value.strip():
        yield problem(doc, keys, "empty-value", f"'{name}' is empty", "write the text after the colon")
    else:
        if max_len and len(value) > max_len:
            yield problem(doc, keys, "too-long", f"'{name}' is {len(value)} characters; the limit is {max_len}",
                          "shorten it; put detail in the body text")
        if not _plain(value):
            yield problem(doc, keys, "html-in-text", f"'{name}' contains HTML markup",
                          "write plain text: no tags (put a space after '<'), no entities like '&amp;' (type '&')")


def _plain(text: str) -> bool:
    """No HTML tag (autolinks aside) and no entity; each needs a '<' or a '&', far cheaper to look for first."""
    return not (("<" in text and HTML_TAG.search(AUTOLINK.sub("", text))) or ("&" in text and ENTITY.search(text)))


def _kind(value) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a set of fields",
             str: "text", type(None): "nothing", dt.date: "a date", dt.datetime: "a date and time"}
    return names.get(type(value), type(value).__name__)


def _list(doc, field: Field, value) -> Iterator[Problem]:
    if not isinstance(value, list):
        yield problem(doc, (field.name,), "wrong-type", f"'{field.name}' should be a list, found {_kind(value)}",
                      f"write it as a list in brackets, e.g. '{field.name}: [first, second]'")


def check_text(doc, field, value, ctx):
    yield from _text(doc, (field.name,), value, field.max_len)


def check_text_list(doc, field, value, ctx):
    yield from _list(doc, field, value)
    if isinstance(value, list):
        if field.required and not value:
            yield problem(doc, (field.name,), "empty-value", f"'{field.name}' is empty", f"list at least one: {field.help}")
        for i, item in enumerate(value):
            yield from _text(doc, (field.name, i), item, 300)


def check_objectives(doc, field, value, ctx):
    if isinstance(value, list) and not value:
        yield problem(doc, (field.name,), "empty-objectives", "the practice's 'objectives' list is empty",
                      did_you_mean("", ctx.objectives, "content/objectives.yml"))
        return
    yield from _ids(doc, field, value, ctx.objectives, "objective", "content/objectives.yml")


def _ids(doc, field, value, valid, noun, where, code=None) -> Iterator[Problem]:
    yield from _list(doc, field, value)
    if not isinstance(value, list):
        return
    seen = set()
    for i, item in enumerate(value):
        if not isinstance(item, (str, int)) or isinstance(item, bool):  # also keeps 3.0 and true out of intercepts
            yield problem(doc, (field.name, i), "wrong-type", f"each {noun} in '{field.name}' should be an id, "
                          f"found {_kind(item)}", did_you_mean("", valid, where))
            continue
        if item in seen:
            dup = "duplicate-objective" if noun == "objective" else "duplicate-value"
            yield problem(doc, (field.name, i), dup, f"{noun} '{item}' is listed twice", "remove the repeat")
        elif item not in valid:
            yield problem(doc, (field.name, i), code or f"unknown-{noun}", f"unknown {noun} '{item}'",
                          did_you_mean(item, valid, where))
        seen.add(item)


def check_settings(doc, field, value, ctx):
    if isinstance(value, list) and not value and field.required:
        yield problem(doc, (field.name,), "empty-value", "'settings' is empty",
                      did_you_mean("", ctx.settings, "content/settings.yml"))
    yield from _ids(doc, field, value, ctx.settings, "setting", "content/settings.yml")


def check_mentors(doc, field, value, ctx):
    yield from _ids(doc, field, value, ctx.mentors, "mentor", "content/mentors/ (the file names)")


def check_intercepts(doc, field, value, ctx):
    valid = tuple(range(6))
    yield from _ids(doc, field, value, valid, "intercept", "content/intercepts.yml (whole numbers 0-5)")


def check_date(doc, field, value, ctx, keys=None):
    keys = keys or (field.name,)
    name = ".".join(str(k) for k in keys)
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        yield problem(doc, keys, "invalid-date", f"'{name}' should be a date like 2026-03-31, found '{value}'",
                      "write the date as YYYY-MM-DD, without quotes or a time")
    elif value > ctx.today:
        yield problem(doc, keys, "future-date", f"'{name}' is {value}, which is in the future",
                      f"use today's date ({ctx.today}) or an earlier one")
    elif field.name == "last_reviewed" and ctx.today - value > STALE_AFTER:
        yield problem(doc, keys, "stale-review", f"the evidence was last reviewed on {value}, over two years ago",
                      "re-check the references and set 'last_reviewed' to the review date", level="warning")


def _mapping(doc, keys, value, allowed) -> Iterator[Problem]:
    name = ".".join(str(k) for k in keys)
    if not isinstance(value, dict):
        yield problem(doc, keys, "wrong-type", f"'{name}' should be a set of fields, found {_kind(value)}",
                      f"give it the indented fields: {', '.join(allowed)}")
        return
    for key in value:
        if key not in allowed:
            yield problem(doc, keys + (key,), "unknown-field", f"unknown field '{key}' in '{name}'",
                          did_you_mean(key, allowed, "the README").replace("valid ids", "fields"))


def check_evidence(doc, field, value, ctx):
    yield from _mapping(doc, ("evidence",), value, EVIDENCE_KEYS)
    if not isinstance(value, dict):
        return
    level = value.get("level")
    if level is None:
        yield problem(doc, ("evidence",), "missing-field", "'evidence' has no 'level'",
                      did_you_mean("", ctx.levels, "content/evidence-levels.yml"))
    elif level not in ctx.levels:
        yield problem(doc, ("evidence", "level"), "unknown-evidence-level", f"unknown evidence level '{level}'",
                      did_you_mean(level, ctx.levels, "content/evidence-levels.yml"))
    if "basis" not in value:
        yield problem(doc, ("evidence",), "missing-field", "'evidence' has no 'basis'",
                      "add 'basis:' with one sentence naming the studies behind the level")
    else:
        yield from _text(doc, ("evidence", "basis"), value["basis"], 400)


def check_references(doc, field, value, ctx):
    yield from _list(doc, field, value)
    if isinstance(value, list) and not value:
        yield problem(doc, (field.name,), "empty-value", "'references' is empty", "list at least one source")
    for i, ref in enumerate(value if isinstance(value, list) else []):
        yield from _reference(doc, (field.name, i), ref, ctx)


def _reference(doc, keys, ref, ctx) -> Iterator[Problem]:
    yield from _mapping(doc, keys, ref, REFERENCE_KEYS)
    if not isinstance(ref, dict):
        return
    if "title" in ref:
        yield from _text(doc, keys + ("title",), ref["title"], 300)
    else:
        yield problem(doc, keys, "missing-field", "a reference has no 'title'", "add 'title:' with the source's title")
    if not ref.get("authors") and not ref.get("publisher"):
        yield problem(doc, keys, "reference-missing-source", "a reference has neither 'authors' nor 'publisher'",
                      "add 'authors:' (e.g. 'Waye KM, et al.') or 'publisher:' (a journal or organization)")
    for key in ("authors", "publisher"):
        if key in ref:
            yield from _text(doc, keys + (key,), ref[key], 300)
    yield from _year(doc, keys, ref, ctx)
    if "url" not in ref:
        yield problem(doc, keys, "reference-missing-url", "a reference has no 'url'",
                      "add 'url:' with the http(s) address where the source can be read")
    elif not _is_web_url(ref["url"]):
        yield problem(doc, keys + ("url",), "reference-bad-url", f"the reference url '{ref['url']}' is not http(s)",
                      "use a full address starting with https:// or http://")


def _year(doc, keys, ref, ctx):
    year = ref.get("year")
    if year == "n.d." or (isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= ctx.today.year):
        return
    yield problem(doc, keys + ("year",), "wrong-type", f"a reference's 'year' should be a year, found '{year}'",
                  f"write the year as a number from 1900 to {ctx.today.year}, or \"n.d.\" when the source has no date")


def _is_web_url(value) -> bool:
    if not isinstance(value, str) or SPACE.search(value) or ("<" in value and HTML_TAG.search(value)):
        return False
    if PLAIN_WEB_URL.match(value):
        return True
    try:
        parts = urlsplit(value)
    except ValueError:  # 'https://[broken' is no address: "Invalid IPv6 URL"
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_url(doc, field, value, ctx):
    if not _is_web_url(value):
        yield problem(doc, (field.name,), "bad-url", f"'{field.name}' '{value}' is not an http(s) address",
                      "use a full address starting with https:// or http://")


def check_state(doc, field, value, ctx):
    if not isinstance(value, str) or value not in US_STATES:
        close = [s for s in US_STATES if isinstance(value, str) and s == value.strip().upper()]
        hint = f"did you mean '{close[0]}'? " if close else ""
        yield problem(doc, (field.name,), "bad-state", f"'{value}' is not a two-letter U.S. postal code",
                      hint + "write the state as its postal code, e.g. OH, SC, WV")


def check_choice(doc, field, value, ctx):
    if value not in field.choices:
        yield problem(doc, (field.name,), "wrong-type", f"'{field.name}' is '{value}'",
                      "choose one of: " + ", ".join(field.choices))


def check_cohort(doc, field, value, ctx):
    if value == "unconfirmed" or (type(value) is int and 2019 <= value <= ctx.today.year):
        return
    yield problem(doc, (field.name,), "wrong-type", f"'cohort' should be a year, found '{value}'",
                  f"write the year it became a mentor (2019 to {ctx.today.year}), or \"unconfirmed\"")


def check_aliases(doc, field, value, ctx):
    yield from _list(doc, field, value)
    for i, alias in enumerate(value if isinstance(value, list) else []):
        if not isinstance(alias, str) or not SLUG.match(alias):
            yield problem(doc, (field.name, i), "bad-slug", f"the alias '{alias}' is not a valid slug",
                          "an alias is an old file name without '.md': lowercase letters, digits and hyphens")


def check_retired(doc, field, value, ctx):
    yield from _mapping(doc, ("retired",), value, RETIRED_KEYS)
    if not isinstance(value, dict):
        return
    yield from check_date(doc, field, value.get("date"), ctx, keys=("retired", "date"))
    replaced = value.get("replaced_by")
    if replaced and replaced not in ctx.practices:
        yield problem(doc, ("retired", "replaced_by"), "unknown-practice",
                      f"'retired.replaced_by' names '{replaced}', which is not a practice",
                      did_you_mean(replaced, ctx.practices, "content/practices/"))
    yield from _text(doc, ("retired", "reason"), value.get("reason"), 300)


KINDS = {
    "text": check_text, "text-list": check_text_list, "objectives": check_objectives,
    "intercepts": check_intercepts, "settings": check_settings, "mentors": check_mentors,
    "evidence": check_evidence, "references": check_references, "date": check_date, "url": check_url,
    "state": check_state, "choice": check_choice, "cohort": check_cohort, "aliases": check_aliases,
    "retired": check_retired,
}


def check_body(doc: Document, reference_count: int) -> Iterator[Problem]:
    """Body rules: no #/## headings, no raw HTML, and every [n] citation names a listed reference."""
    if _clean_body(doc.body, reference_count):
        return
    for lineno, line in _lines_outside_code(doc):
        if HEADING.match(line):
            yield Problem(doc.path, lineno, 1, "body-heading-level", "the text uses a '#' or '##' heading",
                          "use '###' for headings in the text; the page supplies the top levels")
        yield from _markup(doc, lineno, line)
        todo = PLACEHOLDER.search(line)
        if todo:
            yield Problem(doc.path, lineno, todo.start() + 1, "placeholder-text",
                          "the text still has a 'TODO:' placeholder from the template",
                          "replace the whole 'TODO:' line with your own text, or delete the section")
        for match in CITATION.finditer(line):
            if not 1 <= int(match.group(1)) <= reference_count:
                yield Problem(doc.path, lineno, match.start() + 1, "unknown-citation",
                              f"the text cites [{match.group(1)}] but there are {reference_count} references",
                              "cite a reference by its number in the 'references' list, starting at [1]")


def check_page_body(doc: Document) -> Iterator[Problem]:
    """A site page's text may use ## headings and has no references, but gets the same HTML and link rules."""
    for lineno, line in _lines_outside_code(doc):
        yield from _markup(doc, lineno, line)


def _lines_outside_code(doc: Document) -> Iterator[tuple[int, str]]:
    """(file line number, text) of each body line outside fenced code blocks (a closing fence line included)."""
    in_fence = False
    for offset, line in enumerate(doc.body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
        if not in_fence:
            yield doc.body_line + offset, line


def _markup(doc: Document, lineno: int, line: str) -> Iterator[Problem]:
    """Raw HTML, and links whose scheme a browser would run or open locally (javascript:, data:, file:).

    Passes: 'See [the guide](https://example.org/guide).'  Fails: 'See [this](javascript:alert(1)).'
    """
    tag = HTML_TAG.search(AUTOLINK.sub("", line))
    if tag:
        yield Problem(doc.path, lineno, tag.start() + 1, "raw-html", f"the text contains HTML '{tag.group(0)[:40]}'",
                      "write Markdown instead: **bold**, [link text](https://...), lists with '-'")
    for match in LINK_TARGET.finditer(line):
        url = match.group(1) or match.group(2)
        scheme = _unsafe_scheme(url)
        if scheme:
            yield Problem(doc.path, lineno, match.start(1 if match.group(1) else 2) + 1, "bad-url",
                          f"the link '{url[:60]}' uses the '{scheme}:' scheme",
                          "link to an http(s) address, or to another page with a relative link like ../other-page/")


def _unsafe_scheme(url: str) -> str:
    """The scheme of a link a browser would run or open locally (javascript:, data:, file:), else ''."""
    scheme = URL_SCHEME.match(re.sub(r"[\x00-\x20]", "", html.unescape(url)))
    return scheme.group(1) if scheme and scheme.group(1).lower() not in SAFE_SCHEMES else ""


def _clean_body(body: str, reference_count: int) -> bool:
    """One pass over the whole text: True when no line can break a body rule, so the line scan is skipped.

    Each pattern finds at least what it finds line by line, so a False only costs the slower scan.
    """
    if HEADING.match(body) or NEWLINE_HEADING.search(body):
        return False
    if ("TODO:" in body and PLACEHOLDER.search(body)) or ("<" in body and HTML_TAG.search(AUTOLINK.sub("", body))):
        return False
    if any(not 1 <= int(n) <= reference_count for n in set(CITATION.findall(body))):
        return False
    if "](" not in body and "]:" not in body:  # every link target needs one of them
        return True
    return not any(_unsafe_scheme(m.group(1) or m.group(2)) for m in BODY_LINK_TARGET.finditer(body))
