"""Rules for the fields that hold a record: `evidence`, `references`, `retired`, and a level's `crosswalk`."""
from __future__ import annotations

from collections.abc import Iterator

from prss.content.text import is_web_url
from prss.content.values import check_date, check_list, check_mapping, check_text, did_you_mean, label, problem, slug_of
from prss.model import CROSSWALK_KEYS, EVIDENCE_KEYS, REFERENCE_KEYS, RETIRED_KEYS
from prss.problems import Problem


def check_evidence(doc, keys, field, value, ctx):
    """Passes: `evidence: {level: promising, basis: One pilot study.}`.  Fails: `evidence: promising`, no `basis`."""
    yield from check_mapping(doc, keys, value, EVIDENCE_KEYS)
    if not isinstance(value, dict):
        return
    level = value.get("level")
    if level is None:
        yield problem(doc, keys, "missing-field", "'evidence' has no 'level'",
                      did_you_mean("", ctx.levels, "content/evidence-levels.yml"))
    elif level not in ctx.levels:
        yield problem(doc, keys + ("level",), "unknown-evidence-level", f"unknown evidence level '{level}'",
                      did_you_mean(level, ctx.levels, "content/evidence-levels.yml"))
    if "basis" not in value:
        yield problem(doc, keys, "missing-field", "'evidence' has no 'basis'",
                      "add 'basis:' with one sentence naming the studies behind the level")
    else:
        yield from check_text(doc, keys + ("basis",), value["basis"], 400)


def check_references(doc, keys, field, value, ctx):
    """Passes: `- {title: A, publisher: B, year: 2020, url: https://x.org/a}`.  Fails: no url, `year: 20`,
    `url: javascript:x`, neither authors nor publisher.
    """
    yield from check_list(doc, keys, value)
    if isinstance(value, list) and not value:
        yield problem(doc, keys, "empty-value", "'references' is empty", "list at least one source")
    for i, ref in enumerate(value if isinstance(value, list) else []):
        yield from _reference(doc, keys + (i,), ref, ctx)


def _reference(doc, keys, ref, ctx) -> Iterator[Problem]:
    yield from check_mapping(doc, keys, ref, REFERENCE_KEYS)
    if not isinstance(ref, dict):
        return
    if "title" in ref:
        yield from check_text(doc, keys + ("title",), ref["title"], 300)
    else:
        yield problem(doc, keys, "missing-field", "a reference has no 'title'", "add 'title:' with the source's title")
    if not ref.get("authors") and not ref.get("publisher"):
        yield problem(doc, keys, "reference-missing-source", "a reference has neither 'authors' nor 'publisher'",
                      "add 'authors:' (e.g. 'Waye KM, et al.') or 'publisher:' (a journal or organization)")
    for key in ("authors", "publisher"):
        if key in ref:
            yield from check_text(doc, keys + (key,), ref[key], 300)
    yield from _year(doc, keys, ref, ctx)
    if "url" not in ref:
        yield problem(doc, keys, "reference-missing-url", "a reference has no 'url'",
                      "add 'url:' with the http(s) address where the source can be read")
    elif not is_web_url(ref["url"]):
        yield problem(doc, keys + ("url",), "reference-bad-url", f"the reference url '{ref['url']}' is not an "
                      "http(s) address", "use a full address starting with https:// or http://, with no spaces, "
                      "quotes, '<', '>' or curly braces")


def _year(doc, keys, ref, ctx):
    year = ref.get("year")
    if year == "n.d." or (isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= ctx.today.year):
        return
    yield problem(doc, keys + ("year",), "wrong-type", f"a reference's 'year' should be a year, found '{year}'",
                  f"write the year as a number from 1900 to {ctx.today.year}, or \"n.d.\" when the source has no date")


def check_retired(doc, keys, field, value, ctx):
    """Passes: `retired: {date: 2026-05-01, replaced_by: new-slug, reason: Merged.}`.
    Fails: `replaced_by` naming this practice or a missing one, no `date`, no `reason`.
    """
    yield from check_mapping(doc, keys, value, RETIRED_KEYS)
    if not isinstance(value, dict):
        return
    yield from check_date(doc, keys + ("date",), field, value.get("date"), ctx)
    replaced = value.get("replaced_by")
    if replaced and replaced == slug_of(doc):
        yield problem(doc, keys + ("replaced_by",), "self-replacement",
                      f"'retired.replaced_by' names this practice itself ('{replaced}')",
                      "name the practice that replaces it, or leave 'replaced_by' empty")
    elif replaced and replaced not in ctx.practices:
        yield problem(doc, keys + ("replaced_by",), "unknown-practice",
                      f"'retired.replaced_by' names '{replaced}', which is not a practice",
                      did_you_mean(replaced, ctx.practices, "content/practices/"))
    yield from check_text(doc, keys + ("reason",), value.get("reason"), 300)


def check_crosswalk(doc, keys, field, value, ctx):
    """An evidence level's terms. Passes: `crosswalk: {crimesolutions: Promising, cebc: "3", title_iv_e: X}`.
    Fails: `crosswalk: none`, a missing clearinghouse, a term with HTML.
    """
    yield from check_mapping(doc, keys, value, CROSSWALK_KEYS)
    for key in CROSSWALK_KEYS if isinstance(value, dict) else ():
        if key in value:
            yield from check_text(doc, keys + (key,), value[key], 300)
        else:
            yield problem(doc, keys, "missing-field", f"'{label(keys)}' has no '{key}'",
                          f"add '{key}:' with the nearest term of that clearinghouse")
