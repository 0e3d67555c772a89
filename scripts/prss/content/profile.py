"""Rules for a profile's practical fields: "What it takes", who can help, a mentor site's contact, and the
identifiers and hosts of references. Each rule yields Problems, as the rules in fields.py do; the fields
are declared in prss.profile_fields.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from prss.content.frontmatter import Document
from prss.content.text import is_web_url
from prss.content.values import check_mapping, check_text, kind_of, label, problem
from prss.model import CITATION, Field
from prss.problems import Problem
from prss.profile_fields import (
    CONTACT_FIELDS,
    IMPLEMENTATION_FIELDS,
    REFERENCE_ID_FIELDS,
    SITE_CONTACT_FIELDS,
    Mirrors,
)

# Written forms, unanchored so the editor schema (render/schema.py) can anchor them for its own regex engine.
FORMS = {"doi": r'10\.[0-9]{4,9}/[^\s<>"]+', "pmid": r"[1-9][0-9]{0,8}",
         "email": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
         "phone": r"\+?[0-9(][0-9 ().-]{5,}[0-9](?: ?(?:ext\.?|x) ?[0-9]{1,6})?"}
DOI, PMID, EMAIL, PHONE = (re.compile(f"(?:{FORMS[k]})\\Z") for k in ("doi", "pmid", "email", "phone"))
CITED = r"\[[0-9]+\]"  # an item of "What it takes" cites at least one reference, as model.CITATION reads it
ITEM_MAX = 300
MIRROR_FILE = "mirror-hosts.yml"  # read by content/vocabulary.py


def _references(doc: Document) -> int:
    value = doc.meta.get("references")
    return len(value) if isinstance(value, list) else 0


def check_implementation(doc, keys, field, value, ctx):
    """Passes: 'staffing: ["Two peers per shift [1]."]'. Fails: 'staffing: "two peers"', an item citing [9]
    of 2 references, an item citing nothing, an unknown part such as 'staff:'."""
    allowed = tuple(f.name for f in IMPLEMENTATION_FIELDS)
    yield from check_mapping(doc, keys, value, allowed)
    for part in IMPLEMENTATION_FIELDS:
        if isinstance(value, dict) and part.name in value:
            yield from _cited_list(doc, keys + (part.name,), value[part.name])


def _cited_list(doc, keys, value) -> Iterator[Problem]:
    if not isinstance(value, list):
        yield problem(doc, keys, "wrong-type", f"'{label(keys)}' should be a list, found {kind_of(value)}",
                      f"write one item per line under '{keys[-1]}:', each starting with '- ', e.g. "
                      "'- \"Two certified peer specialists per shift [1].\"'")
        return
    for i, item in enumerate(value):
        found = list(check_text(doc, keys + (i,), item, ITEM_MAX))
        yield from found
        if not found:
            yield from _item_citations(doc, keys + (i,), item)


def _item_citations(doc, keys, item: str) -> Iterator[Problem]:
    count, numbers = _references(doc), [int(n) for n in CITATION.findall(item)]
    name = label(keys)
    if not numbers:
        yield problem(doc, keys, "uncited-item", f"'{name}' cites no reference",
                      "end the item with the number of the reference it comes from, e.g. [1]; "
                      "leave out what no source says")
    for n in numbers:
        if not 1 <= n <= count:
            yield problem(doc, keys, "unknown-citation", f"'{name}' cites [{n}] but there are {count} references",
                          "cite a reference by its number in the 'references' list, starting at [1]")


def check_contacts(doc, keys, field, value, ctx):
    """Passes: a list of {name, role, url, ref}. Fails: a ref beyond the references, a missing role."""
    if not isinstance(value, list):
        yield problem(doc, keys, "wrong-type", f"'{label(keys)}' should be a list, found {kind_of(value)}",
                      "give each contact as '- name: ...' with role, url and ref indented under it")
        return
    for i, entry in enumerate(value):
        yield from _record(doc, keys + (i,), entry, CONTACT_FIELDS)


def check_contact(doc, keys, field, value, ctx):
    """Passes: '{phone: 555-123-4567, ref: 2}'. Fails: '{ref: 2}' alone, 'email: not-an-address'."""
    yield from _record(doc, keys, value, SITE_CONTACT_FIELDS)
    if isinstance(value, dict) and not any(value.get(k) for k in ("address", "phone", "email")):
        yield problem(doc, keys, "empty-contact", "'contact' gives no address, phone or email",
                      "add at least one of 'address:', 'phone:' and 'email:' as the reference gives it, "
                      "or delete 'contact'")


def _record(doc, keys, value, fields: tuple[Field, ...]) -> Iterator[Problem]:
    """A nested set of fields: unknown and missing ones, then each present one by its kind."""
    yield from check_mapping(doc, keys, value, tuple(f.name for f in fields))
    if not isinstance(value, dict):
        return
    for f in fields:
        if f.name in value:
            yield from NESTED[f.kind](doc, keys + (f.name,), value[f.name], f)
        elif f.required:
            yield problem(doc, keys, "missing-field", f"'{label(keys)}' has no '{f.name}'",
                          f"add '{f.name}:': {f.help}")


def _nested_text(doc, keys, value, f):
    yield from check_text(doc, keys, value, f.max_len)


def _nested_url(doc, keys, value, f):
    if not is_web_url(value):
        yield problem(doc, keys, "bad-url", f"'{label(keys)}' '{value}' is not an http(s) address",
                      "use a full address starting with https:// or http://, with no spaces, quotes, '<', '>' or "
                      "curly braces")


def _nested_reference(doc, keys, value, f):
    count = _references(doc)
    if type(value) is not int or not 1 <= value <= count:
        yield problem(doc, keys, "unknown-reference", f"'{label(keys)}' is '{value}', but the file "
                      f"has {count} reference{'' if count == 1 else 's'}",
                      "give the number of the reference that says this: 'ref: 2' is the second entry of 'references'")


def _pattern(code: str, pattern: re.Pattern, noun: str, hint: str):
    """A rule for a value of one written form: a DOI, a PubMed id, a phone number, an email address."""
    def rule(doc, keys, value, f):
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not pattern.match(str(value)):
            yield problem(doc, keys, code, f"'{label(keys)}' '{value}' is not {noun}", hint)
    return rule


NESTED = {"text": _nested_text, "url": _nested_url, "reference": _nested_reference,
          "phone": _pattern("bad-phone", PHONE, "a phone number", "write it like 555-123-4567 or (555) 123-4567"),
          "email": _pattern("bad-email", EMAIL, "an email address", "write it like info@example.org"),
          "doi": _pattern("bad-doi", DOI, "a DOI", "write only the DOI, without https://doi.org/, e.g. "
                          "10.1001/jamanetworkopen.2022.25582"),
          "pmid": _pattern("bad-pmid", PMID, "a PubMed id", "write the PMID's digits in quotes, e.g. \"29021114\"")}
KINDS = {"implementation": check_implementation, "contacts": check_contacts, "contact": check_contact}


def check_reference_ids(doc: Document, mirrors: Mirrors) -> Iterator[Problem]:
    """Each reference's doi and pmid have their form; a url on a mirror host is a warning (a doi would do)."""
    value = doc.meta.get("references")
    for i, ref in enumerate(value if isinstance(value, list) else []):
        if not isinstance(ref, dict):
            continue
        for f in REFERENCE_ID_FIELDS:
            if f.name in ref:
                yield from NESTED[f.kind](doc, ("references", i, f.name), ref[f.name], f)
        what = mirrors.match(ref["url"]) if isinstance(ref.get("url"), str) else ""
        if what:
            yield problem(doc, ("references", i, "url"), "mirror-url",
                          f"the reference url {what}: a copy or tracking address, not the source's own",
                          _mirror_hint(ref) + f"; such hosts are listed in content/{MIRROR_FILE}", level="warning")


def _mirror_hint(ref: dict) -> str:
    if isinstance(ref.get("doi"), str) and DOI.match(ref["doi"]):
        return f"link https://doi.org/{ref['doi']} (its doi) or the publisher's own page instead"
    if str(ref.get("pmid", "")).isdigit():
        return f"link https://pubmed.ncbi.nlm.nih.gov/{ref['pmid']}/ (its pmid) or the publisher's own page instead"
    return "link the publisher's own page, or add the source's 'doi' or 'pmid' and link https://doi.org/ or PubMed"
