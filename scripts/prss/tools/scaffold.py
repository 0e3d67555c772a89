"""Start a new practice or mentor file with every field from model.py stubbed and explained.

Required fields the writer must fill are left empty, so the checker reports exactly those, one
`empty-value` (or `missing-field`) each, and each body section holds a `TODO:` line
(`placeholder-text`) until it is written.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS, SLUG, Field
from prss.profile_fields import IMPLEMENTATION_FIELDS
from prss.render.jinja import environment

MAX_SLUG = 60
PRACTICE_SECTIONS = (
    ("What it is and how it works", "Describe the practice in plain words: who does what, where and when."),
    ("Where it fits in the justice system", "Say which intercepts and settings it works in, and why."),
    ("What the evidence shows", "Summarize the studies behind the evidence level; cite each source by its number."),
    ("Cautions and open questions", "Say what is not known yet, and what to watch for when starting it."),
)
MENTOR_SECTIONS = (
    ("About the organization", "Describe the organization: who runs it, since when, and what it does."),
    ("Service area", "Name the counties or region it serves."),
    ("Justice settings it works with", "Say which courts, jails or other justice partners it works with."),
    ("Programs", "Describe its peer recovery programs; cite each source by its number."),
)
REFERENCE_EXAMPLE = ('  - title: "The title of the article, report or web page"', "    authors: Waye KM, et al.",
                     "    publisher: The journal or organization", "    year: 2023",
                     "    url: https://example.org/where-to-read-it")

# Commented-out forms of the optional blocks, one line per entry so a writer can keep just the lines they need.
BLOCK_EXAMPLES = {
    "implementation": tuple(f'  {f.name}: ["{f.help[:-1]}, with the number of its source [1]."]'
                            for f in IMPLEMENTATION_FIELDS),
    "contacts": ('   - {name: "The developer or TA centre", role: "developer and training", '
                 'url: "https://example.org/", ref: 1}',),
    "contact": ('  {phone: "555-123-4567", email: "info@example.org", address: "1 Main St, Town, OH 43000", '
                'ref: 1}',),
}


@dataclass(frozen=True)
class Stub:
    name: str
    value: str = ""          # YAML after 'name:'; empty leaves the field blank for the checker to flag
    notes: tuple[str, ...] = ()
    example: tuple[str, ...] = ()  # commented-out lines showing the form
    commented: bool = False  # a field that does not apply to a new file: shown, but as a note


def slugify(title: str) -> str:
    """'Jail peer navigation (MOUD)' -> 'jail-peer-navigation-moud', at most MAX_SLUG characters."""
    title = re.sub(r"['\u2019]", "", title)  # "Ohio's" -> "ohios", not "ohio-s"
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text))
    while len(slug) > MAX_SLUG and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:MAX_SLUG]


def _vocabulary(root: Path, filename: str) -> list[str]:
    """'id (name)' for each entry of a content/*.yml vocabulary."""
    path = root / "content" / filename
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
    return [f"{e['id']} ({e['name']})" for e in entries or [] if isinstance(e, dict) and "id" in e]


def allowed(field: Field, root: Path, today: dt.date) -> str:
    """The allowed values of a field, in words, for the comment above it."""
    mentors = sorted(p.stem for p in (root / "content" / "mentors").glob("*.md"))
    by_kind = {
        "text": f"plain text, no HTML{f', up to {field.max_len} characters' if field.max_len else ''}",
        "text-list": "a list, one short line each, every line starting with '  - '",
        "objectives": "one or more of: " + ", ".join(_vocabulary(root, "objectives.yml")),
        "intercepts": "any of: " + ", ".join(_vocabulary(root, "intercepts.yml")),
        "settings": "one or more of: " + ", ".join(_vocabulary(root, "settings.yml")),
        "evidence": "level is one of: " + ", ".join(_vocabulary(root, "evidence-levels.yml")),
        "mentors": "any of the files in content/mentors/: " + (", ".join(mentors) or "(none yet)"),
        "references": "a list of sources; the first is [1] in the text, the second [2], and so on",
        "date": f"a date written YYYY-MM-DD, without quotes, e.g. {today.isoformat()}",
        "url": "a full web address starting with https://",
        "state": "a two-letter U.S. postal code, e.g. OH, SC, WV",
        "choice": "one of: " + ", ".join(field.choices),
        "cohort": f"a year from 2019 to {today.year}, or \"unconfirmed\"",
        "aliases": "old file names (without .md) this page was published under; only after a rename",
        "retired": "date, replaced_by (a practice file name or \"\") and reason; only when withdrawing it",
        "implementation": "any of " + ", ".join(f.name for f in IMPLEMENTATION_FIELDS) + ", each a list of short "
                          "sentences that end with their source's number, e.g. [1]; leave out what no source says",
        "contacts": "a list; each has name, role, url and ref (the number of the reference naming it)",
        "contact": "address, phone and/or email, and ref (the number of the reference giving them)",
    }
    return by_kind[field.kind]


def stub(field: Field, root: Path, today: dt.date, filled: dict[str, str]) -> Stub:
    notes = (("required: " if field.required else "optional: ") + field.help.replace("`", "'"),
             "allowed: " + allowed(field, root, today))
    if field.name in filled:
        return Stub(field.name, " " + filled[field.name], notes)
    if field.kind == "evidence":
        return Stub(field.name, '\n  level:\n  basis: ""', notes)
    if field.kind in ("references", "text-list") and field.required:
        example = REFERENCE_EXAMPLE if field.kind == "references" else ("  - The first one", "  - The second one")
        return Stub(field.name, "", notes + ("write it like this, then remove the '#' at the start of each line:",),
                    example=example)
    if field.kind in ("objectives", "intercepts", "settings") and field.required:
        return Stub(field.name, "", notes + (f"write it as a list in brackets, e.g. {field.name}: [first, second]",))
    if field.required:
        return Stub(field.name, "", notes)
    if field.kind in BLOCK_EXAMPLES:
        return Stub(field.name, "", notes + ("to use it, remove the '#' at the start of these lines:",),
                    example=BLOCK_EXAMPLES[field.kind], commented=True)
    if field.kind in ("date", "retired"):
        value = today.isoformat() if field.kind == "date" else ' {date: ..., replaced_by: "", reason: "..."}'
        return Stub(field.name, " " + value.strip(), notes, commented=True)
    return Stub(field.name, " []", notes)


KINDS = {"practice": ("practices", PRACTICE_FIELDS, "title", PRACTICE_SECTIONS),
         "mentor": ("mentors", MENTOR_FIELDS, "name", MENTOR_SECTIONS)}


def render_scaffold(kind: str, title: str, root: Path, today: dt.date) -> str:
    _, fields, title_field, sections = KINDS[kind]
    filled = {title_field: json.dumps(title, ensure_ascii=False)}  # a JSON string is a valid YAML string
    stubs = [stub(f, root, today, filled) for f in fields]
    return environment().get_template("scaffold.md.j2").render(kind=kind, stubs=stubs, sections=sections)


def create(root: Path, kind: str, title: str, slug: str = "", today: dt.date | None = None) -> Path:
    """Write content/<folder>/<slug>.md; FileExistsError if that file (in any case) exists already."""
    folder = root / "content" / KINDS[kind][0]
    slug = slug or slugify(title)
    if not slug:
        raise ValueError("no file name can be made from this title's letters; choose one with SLUG=...")
    if not SLUG.fullmatch(slug):
        raise ValueError(f"'{slug}' is not a valid file name: use lowercase letters, digits and hyphens")
    path = next((p for p in folder.glob("*.md") if p.stem.lower() == slug), folder / f"{slug}.md")
    folder.mkdir(parents=True, exist_ok=True)
    text = render_scaffold(kind, title, root, today or dt.date.today())
    try:
        with path.open("x", encoding="utf-8") as handle:  # "x": never replace a file, even one made just now
            handle.write(text)
    except FileExistsError:
        raise FileExistsError(path.relative_to(root).as_posix()) from None
    return path
