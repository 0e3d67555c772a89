"""Field rules: one rule per field kind, each a generator of Problems over one value of a document.

`check_fields(doc, fields, ctx)` checks a content file's front matter; `check_entry` does the same for
one entry of a vocabulary file, whose values sit under the entry's index (`at=(3,)`).
"""
from __future__ import annotations

from collections.abc import Iterator

from prss.content import profile, records
from prss.content.frontmatter import Document
from prss.content.text import is_web_url
from prss.content.values import (
    Context,
    Keys,
    check_date,
    check_ids,
    check_list,
    check_text,
    did_you_mean,
    label,
    problem,
)
from prss.model import ALL_SETTINGS, RESERVED_IDS, SLUG, US_STATES, Field
from prss.problems import Problem


def check_fields(doc: Document, fields: tuple[Field, ...], ctx: Context | None) -> Iterator[Problem]:
    yield from check_entry(doc, (), doc.meta, fields, ctx, "the README's field table")


def check_entry(doc, at: Keys, data: dict, fields, ctx, where: str) -> Iterator[Problem]:
    """Unknown fields, missing required ones, then each present field by its kind."""
    names = [f.name for f in fields]
    for key in data:
        if key not in names:
            yield problem(doc, at + (key,), "unknown-field", f"unknown field '{key}'",
                          did_you_mean(key, names, where, "fields are"))
    for field in fields:
        keys = at + (field.name,)
        if field.name in data and _blank(data[field.name]):
            # A scaffold's `field:` or `field: ""` placeholder: one plain message, whatever the kind.
            yield problem(doc, keys, "empty-value", f"'{field.name}' is empty", _fill_hint(field, ctx))
        elif field.name in data:
            yield from KINDS[field.kind](doc, keys, field, data[field.name], ctx)
        elif field.required:
            yield _missing(doc, at, field)


def _fill_hint(field: Field, ctx: Context | None) -> str:
    """What to write into an empty field: its help text, plus its valid ids or choices when it has them."""
    head = f"fill it in{'' if field.required else ' or delete the line'}: {field.help}"
    ids = {"objectives": "content/objectives.yml", "settings": "content/settings.yml",
           "mentors": "content/mentors/ (the file names)"}
    if ctx and field.kind in ids:
        return f"{head} {did_you_mean('', getattr(ctx, field.kind), ids[field.kind])}"
    return f"{head} Choose one of: {', '.join(field.choices)}" if field.choices else head


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _missing(doc: Document, at: Keys, field: Field) -> Problem:
    if field.name == "objectives":
        return problem(doc, at, "missing-objectives", "the practice has no 'objectives' field",
                       "add e.g. 'objectives: [peer-learning]'; ids are in content/objectives.yml")
    return problem(doc, at, "missing-field", f"the required field '{field.name}' is missing",
                   f"add '{field.name}:' {'to the front matter' if not at else 'to this entry'}: {field.help}")


def _text_kind(doc, keys, field, value, ctx):
    """Passes: `title: Jail peer navigation`.  Fails: `title: 12`, `title: "<b>Peer</b>"`, `title: "A\nB"`."""
    yield from check_text(doc, keys, value, field.max_len)


def _text_list(doc, keys, field, value, ctx):
    """Passes: `components: [Weekly check-ins]`.  Fails: `components: Weekly check-ins`, `components: []`."""
    yield from check_list(doc, keys, value)
    if isinstance(value, list):
        if field.required and not value:
            yield problem(doc, keys, "empty-value", f"'{label(keys)}' is empty", f"list at least one: {field.help}")
        for i, item in enumerate(value):
            yield from check_text(doc, keys + (i,), item, 300)


def _objectives(doc, keys, field, value, ctx):
    """Passes: `objectives: [peer-learning]`.  Fails: `objectives: []`, `objectives: [peer learning]`."""
    if isinstance(value, list) and not value:
        yield problem(doc, keys, "empty-objectives", "the practice's 'objectives' list is empty",
                      did_you_mean("", ctx.objectives, "content/objectives.yml"))
        return
    yield from check_ids(doc, keys, value, ctx.objectives, "objective", "content/objectives.yml")


def _settings(doc, keys, field, value, ctx):
    """Passes: `settings: [jails, reentry]`, `settings: [all-settings]`.  Fails: `settings: [all-settings, jails]`."""
    if isinstance(value, list) and not value and field.required:
        yield problem(doc, keys, "empty-value", "'settings' is empty",
                      did_you_mean("", ctx.settings, "content/settings.yml"))
    yield from check_ids(doc, keys, value, ctx.settings, "setting", "content/settings.yml")
    if isinstance(value, list) and ALL_SETTINGS in value and len(value) > 1:
        yield problem(doc, keys + (value.index(ALL_SETTINGS),), "all-settings-not-alone",
                      f"'{ALL_SETTINGS}' is listed with other settings",
                      f"list '{ALL_SETTINGS}' alone for cross-cutting work, or list only the settings where it happens")


def _mentors(doc, keys, field, value, ctx):
    yield from check_ids(doc, keys, value, ctx.mentors, "mentor", "content/mentors/ (the file names)")


def _intercepts(doc, keys, field, value, ctx):
    yield from check_ids(doc, keys, value, tuple(range(6)), "intercept", "content/intercepts.yml (whole numbers 0-5)")


def _url(doc, keys, field, value, ctx):
    """Passes: `website: https://example.org/`.  Fails: `website: javascript:alert(1)`, `website: example.org`."""
    if not is_web_url(value):
        yield problem(doc, keys, "bad-url", f"'{label(keys)}' '{value}' is not an http(s) address",
                      "use a full address starting with https:// or http://, with no spaces, quotes, '<', '>' or "
                      "curly braces")


def _state(doc, keys, field, value, ctx):
    if not isinstance(value, str) or value not in US_STATES:
        close = [s for s in US_STATES if isinstance(value, str) and s == value.strip().upper()]
        hint = f"did you mean '{close[0]}'? " if close else ""
        yield problem(doc, keys, "bad-state", f"'{value}' is not a two-letter U.S. postal code",
                      hint + "write the state as its postal code, e.g. OH, SC, WV")


def _choice(doc, keys, field, value, ctx):
    if value not in field.choices:
        yield problem(doc, keys, "wrong-type", f"'{label(keys)}' is '{value}'",
                      "choose one of: " + ", ".join(field.choices))


def _cohort(doc, keys, field, value, ctx):
    if value == "unconfirmed" or (type(value) is int and 2019 <= value <= ctx.today.year):
        return
    yield problem(doc, keys, "wrong-type", f"'cohort' should be a year, found '{value}'",
                  f"write the year it became a mentor (2019 to {ctx.today.year}), or \"unconfirmed\"")


def _aliases(doc, keys, field, value, ctx):
    """Passes: `aliases: [old-name]`.  Fails: `aliases: [Old Name]`, `aliases: ["old\n"]`, `aliases: [../x]`."""
    yield from check_list(doc, keys, value)
    for i, alias in enumerate(value if isinstance(value, list) else []):
        if not isinstance(alias, str) or not SLUG.fullmatch(alias):
            yield problem(doc, keys + (i,), "bad-slug", f"the alias '{alias}' is not a valid slug",
                          "an alias is an old file name without '.md': lowercase letters, digits and hyphens")


def _id(doc, keys, field, value, ctx):
    """A vocabulary id. Passes: `id: community-corrections`.  Fails: `id: ../practices/x`, `id: index`."""
    if not isinstance(value, str) or not SLUG.fullmatch(value):
        yield problem(doc, keys, "bad-slug", f"the id '{value}' is not a valid slug",
                      "an id is lowercase letters, digits and hyphens, e.g. 'community-corrections'")
    elif value in RESERVED_IDS:
        yield problem(doc, keys, "reserved-name", f"the id '{value}' is the name of the section's list page",
                      "choose another id; the list page is written at this name")


def _intercept_id(doc, keys, field, value, ctx):
    if type(value) is not int or not 0 <= value <= 5:
        yield problem(doc, keys, "unknown-intercept", f"the intercept id '{value}' is not a whole number from 0 to 5",
                      "the Sequential Intercept Model has intercepts 0 to 5")


KINDS = {  # Field.kind: its rule
    "text": _text_kind, "text-list": _text_list, "objectives": _objectives, "intercepts": _intercepts,
    "settings": _settings, "mentors": _mentors, "date": check_date, "url": _url, "state": _state, "choice": _choice,
    "cohort": _cohort, "aliases": _aliases, "id": _id, "intercept-id": _intercept_id,
    "evidence": records.check_evidence, "references": records.check_references, "retired": records.check_retired,
    "crosswalk": records.check_crosswalk, **profile.KINDS,
}
