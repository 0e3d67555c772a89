"""Pages for the people who write the library: the contributor guide, the review queue, the editor schemas.

The guide's field and code tables come from model.py and problems.CODES, so they cannot drift from
the checker; FIXES adds, per code, the way out in plain words.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass

from prss.config import Site
from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS, STALE_AFTER, Library
from prss.problems import CODES
from prss.profile_fields import IMPLEMENTATION_FIELDS
from prss.render.jinja import environment
from prss.render.schema import mentor_schema, practice_schema

EDITOR_DRAFT = "http://json-schema.org/draft-07/schema#"  # what VS Code's YAML extension fully supports
DUE_SOON = dt.timedelta(days=90)
YEARS = {1: "one", 2: "two", 3: "three"}.get(STALE_AFTER.days // 365, str(STALE_AFTER.days // 365))
ASK = "Run `make check`: the `hint:` line under the problem says what to write."
FIXES = {
    "not-utf8": "Save the file with the UTF-8 encoding (VS Code: click the encoding in the status bar).",
    "byte-order-mark": "Save as \"UTF-8\", not \"UTF-8 with BOM\" (VS Code: click the encoding in the status bar).",
    "crlf-line-endings": "Switch the line endings to LF (VS Code: click `CRLF` in the status bar) and save.",
    "file-too-large": "Shorten the text; link to long material as a reference instead.",
    "missing-front-matter": "The file must start with a line `---`, then the fields, then another `---`.",
    "yaml-syntax": "Look at the line named: check its indentation (spaces, never tabs) and put text that "
                   "contains `: ` or starts with a special character in double quotes.",
    "yaml-alias": "Write the value out in full instead of using `&name` and `*name`.",
    "unsafe-yaml-tag": "Remove the `!!` tag and write a plain value.",
    "duplicate-key": "Keep one of the two lines; otherwise only the last one would count.",
    "front-matter-not-mapping": "Write one `field: value` per line between the `---` lines.",
    "empty-body": "Write the description below the closing `---` line.",
    "body-heading-level": "Use `###` (or deeper) for headings in the text.",
    "unknown-citation": "Cite only numbers that exist: `[1]` is the first entry of `references`.",
    "raw-html": "Use Markdown instead: `**bold**`, `[link text](https://...)`, lists with `-`.",
    "placeholder-text": "Replace each `TODO:` line with your own text, or delete that section.",
    "missing-field": "Add the field named in the message; the field tables above say what it holds.",
    "wrong-type": "Write the value in the form the field needs: text, a list in brackets, a number or a date.",
    "unknown-field": "Check the spelling against the field tables above; the checker suggests the closest name.",
    "empty-value": "Fill in the field named in the message, or delete the line if the field is optional.",
    "too-long": "Shorten the text; put the detail in the body.",
    "html-in-text": "Remove everything between `<` and `>`; write plain text.",
    "missing-objectives": "Add `objectives: [...]` with at least one objective id.",
    "empty-objectives": "Put at least one objective id between the brackets.",
    "unknown-objective": "Use one of the objective ids listed above.",
    "duplicate-objective": "Remove the repeated objective.",
    "duplicate-value": "Remove the repeated value.",
    "synonym-is-term": "In `content/synonyms.yml`, list a word once: not as its own term's word, and not as a word "
                       "of one entry when it is another entry's term (merge those two entries).",
    "unknown-intercept": "Use whole numbers from 0 to 5, or `[]` for a cross-cutting practice.",
    "unknown-setting": "Use one of the setting ids listed above.",
    "all-settings-not-alone": "List `all-settings` alone for a cross-cutting practice, or drop it and list the "
                              "settings where the practice runs.",
    "unknown-evidence-level": "Use one of the evidence-level ids listed above.",
    "unknown-mentor": "Use the file name (without `.md`) of a file in `content/mentors/`.",
    "unknown-practice": "Use the file name (without `.md`) of a file in `content/practices/`.",
    "bad-slug": "Rename the file (or fix the alias) to lowercase letters, digits and hyphens, e.g. "
                "`jail-peer-navigation.md`.",
    "duplicate-slug": "Rename one of the two files; file names must differ in more than capital letters.",
    "invalid-date": "Write the date as YYYY-MM-DD without quotes, e.g. `2026-03-31`.",
    "future-date": "Use today's date or an earlier one.",
    "reference-missing-url": "Add `url:` with the address where the source can be read.",
    "reference-bad-url": "Use a full address starting with `https://`.",
    "reference-missing-source": "Add `authors:` or `publisher:` (or both) to the reference.",
    "bad-url": "Use a full address starting with `https://`.",
    "bad-state": "Write the two-letter postal code, e.g. `OH`.",
    "not-markdown": "Move the file out of the content folder, or save it as a `.md` file.",
    "bad-vocabulary": "Restore the vocabulary file from git, or fix the entry named.",
    "stale-review": "Re-check the references, update the text, and set `last_reviewed` to the review date.",
    "unreadable-file": "Make sure the file is a normal text file you can open; rename a folder ending in `.md`.",
    "lost-url": "A published address stopped working: add `aliases: [old-name]` to the renamed file, "
                "or keep a withdrawn practice's file with `retired:` (see Rename a page safely).",
    "bad-ledger-line": "Each line of `content/published-urls.txt` is one address starting with `/`; "
                       "restore the line from git.",
    "self-alias": "Remove the alias: it is the file's current name, not an old one.",
    "alias-taken": "Remove the alias, or rename or retire the other file first; two files cannot swap names.",
    "duplicate-alias": "Keep the old name in one file only; an old address can lead to one page.",
    "broken-link": "Check the file name in the link; link with a relative path such as "
                   "`../practices/jail-peer-navigation.md`.",
    "renamed-link": "The page was renamed: put its new file name in the link (the hint shows it).",
    "line-break-in-text": "Write the field on one line; a long value may continue on indented lines after `field: >-`.",
    "markdown-in-text": "Start the field with a word, not with `#`, `-`, `>`, a number and a dot, or spaces.",
    "attribute-list": "Remove the `{...}`; in the text, `{: #anchor .class }` is all an attribute list may hold.",
    "control-character": "Delete the invisible character (retype the words around it); it often comes from a PDF.",
    "bidi-control": "Delete the invisible direction mark; type the words in the order they are read.",
    "too-complex": "Close every `[` with `]`, put blank lines between paragraphs, and flatten deep lists.",
    "reserved-name": "Rename the page or id: the build already writes a page with that name.",
    "symlink-outside": "Put the file itself in `content/` instead of a link to it.",
    "self-replacement": "Set `replaced_by` to the practice that replaces this one, or leave it empty.",
    "uncited-item": "End the item with the number of the reference it comes from, such as `[2]`; leave out what "
                    "no source says (the page then shows \"Not reported in our sources\").",
    "unknown-reference": "Set `ref:` to the number of the reference that names the contact: `1` is the first entry "
                         "of `references`.",
    "empty-contact": "Add the `address`, `phone` or `email` the reference gives, or delete `contact`.",
    "bad-email": "Write the address alone, such as `info@example.org`.",
    "bad-phone": "Write the number alone, such as `555-123-4567` or `(555) 123-4567 ext. 12`.",
    "bad-doi": "Write only the DOI, the part after `https://doi.org/`, in quotes.",
    "bad-pmid": "Write the PubMed id's digits in quotes, such as `\"29021114\"` (a PMC number is not a PMID).",
    "mirror-url": "Link the publisher's own page, `https://doi.org/` plus the DOI, or PubMed, and add `doi:` or "
                  "`pmid:` to the reference.",
}


@dataclass(frozen=True)
class Due:
    """A page in the review queue."""
    kind: str
    title: str
    path: str
    last_reviewed: dt.date
    due: dt.date


def as_of() -> dt.date:
    """SOURCE_DATE_EPOCH when set, so reproducible builds agree; else today, as the checker uses."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def review_queue(library: Library, today: dt.date) -> tuple[list[Due], list[Due]]:
    """(overdue, due within DUE_SOON), oldest review first. Overdue = the checker's `stale-review`."""
    items = [Due("practice", p.title, f"practices/{p.slug}.md", p.last_reviewed, p.last_reviewed + STALE_AFTER)
             for p in library.practices] + \
        [Due("mentor site", m.name, f"mentors/{m.slug}.md", m.last_reviewed, m.last_reviewed + STALE_AFTER)
         for m in library.mentors]
    items.sort(key=lambda d: (d.last_reviewed, d.title))
    return [d for d in items if d.due < today], [d for d in items if today <= d.due <= today + DUE_SOON]


def render_guide(library: Library, site: Site) -> dict[str, str]:
    env = environment()
    overdue, soon = review_queue(library, as_of())
    codes = [(code, meaning, FIXES.get(code, ASK)) for code, meaning in CODES.items()]
    return {
        "contributing.md": env.get_template("contributing.md.j2").render(
            library=library, practice_fields=PRACTICE_FIELDS, mentor_fields=MENTOR_FIELDS, codes=codes, site=site,
            implementation_fields=IMPLEMENTATION_FIELDS),
        "review-queue.md": env.get_template("review_queue.md.j2").render(
            overdue=overdue, soon=soon, today=as_of(), years=YEARS, site=site),
    }


def editor_schemas(library: Library, site: Site) -> dict[str, str]:
    """docs/schemas/practice.schema.json and mentor.schema.json, in draft-07 for editors."""
    files = {}
    for name, make in (("practice", practice_schema), ("mentor", mentor_schema)):
        schema = {"$schema": EDITOR_DRAFT, "$id": site.permalink(f"schemas/{name}.schema.json"),
                  **{k: v for k, v in make(library).items() if k != "$schema"}}
        files[f"schemas/{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return files


def produce(library: Library, site: Site) -> dict[str, str]:
    return {**render_guide(library, site), **editor_schemas(library, site)}
