"""The content model: field declarations (the one schema) and the frozen records built from them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool
    help: str
    max_len: Optional[int] = None
    choices: tuple = ()


SERVICE_AREAS = ("rural", "urban", "suburban", "mixed", "unconfirmed")

_REVIEWED = "The date the evidence was last reviewed, YYYY-MM-DD."
_UPDATED = "The date the page was last edited, YYYY-MM-DD; defaults to `last_reviewed`."
_REFERENCES = ("Sources for every claim on the page; each has `title`, `authors` and/or `publisher`, "
               "`year` (a number, or \"n.d.\") and an http(s) `url`. The text cites them as [1], [2].")
_ALIASES = "Old slugs this file was published under; each keeps a redirect page to the current URL."

PRACTICE_FIELDS = (
    Field("title", "text", True, "The practice's name.", max_len=120),
    Field("summary", "text", True, "One or two plain sentences, used in lists, search and link previews.",
          max_len=300),
    Field("objectives", "objectives", True, "PRSSMI objective ids; the first is the primary one."),
    Field("intercepts", "intercepts", True,
          "Sequential Intercept Model intercepts 0-5 where the practice works; [] means cross-cutting."),
    Field("settings", "settings", True, "Justice or health setting ids where the practice runs."),
    Field("evidence", "evidence", True,
          "`level`: an evidence-level id; `basis`: one sentence naming the studies behind it."),
    Field("components", "text-list", True, "The key components a program needs, one short line each."),
    Field("populations", "text-list", False, "Who the practice serves, in a few words each."),
    Field("mentors", "mentors", False, "Ids of mentor sites that run the practice, where a reference shows it."),
    Field("references", "references", True, _REFERENCES),
    Field("last_reviewed", "date", True, _REVIEWED),
    Field("updated", "date", False, _UPDATED),
    Field("aliases", "aliases", False, _ALIASES),
    Field("retired", "retired", False,
          "Set when a practice is withdrawn: `date`, `replaced_by` (a practice slug or empty) and `reason`."),
)

MENTOR_FIELDS = (
    Field("name", "text", True, "The organization's name.", max_len=120),
    Field("city", "text", True, "The city of its main office.", max_len=80),
    Field("state", "state", True, "The two-letter U.S. postal code, such as OH."),
    Field("service_area", "choice", True, "The kind of area it serves: rural, urban, suburban, mixed, or \"unconfirmed\".",
          choices=SERVICE_AREAS),
    Field("summary", "text", True, "One or two plain sentences about the site.", max_len=300),
    Field("settings", "settings", True, "Justice or health setting ids it works with."),
    Field("website", "url", True, "Its website, an http(s) address."),
    Field("cohort", "cohort", True, "The year it became a PRSSMI mentor, or \"unconfirmed\"."),
    Field("references", "references", True, _REFERENCES),
    Field("last_reviewed", "date", True, _REVIEWED),
    Field("updated", "date", False, _UPDATED),
    Field("aliases", "aliases", False, _ALIASES),
)

PAGE_FIELDS = (
    Field("title", "text", True, "The page title.", max_len=120),
    Field("summary", "text", True, "One or two sentences for search and link previews.", max_len=300),
)


@dataclass(frozen=True)
class Objective:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Intercept:
    id: int
    name: str
    definition: str
    source: str


@dataclass(frozen=True)
class Setting:
    id: str
    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceLevel:
    id: str
    name: str
    requires: str
    crosswalk: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Reference:
    title: str
    authors: str
    publisher: str
    year: str
    url: str


@dataclass(frozen=True)
class Evidence:
    level: str
    basis: str


@dataclass(frozen=True)
class Retired:
    date: dt.date
    replaced_by: str
    reason: str


@dataclass(frozen=True)
class Practice:
    slug: str
    path: str
    title: str
    summary: str
    objectives: tuple[str, ...]
    intercepts: tuple[int, ...]
    settings: tuple[str, ...]
    evidence: Evidence
    components: tuple[str, ...]
    populations: tuple[str, ...]
    mentors: tuple[str, ...]
    references: tuple[Reference, ...]
    last_reviewed: dt.date
    updated: dt.date
    aliases: tuple[str, ...]
    retired: Optional[Retired]
    body: str


@dataclass(frozen=True)
class Mentor:
    slug: str
    path: str
    name: str
    city: str
    state: str
    service_area: str
    summary: str
    settings: tuple[str, ...]
    website: str
    cohort: str
    references: tuple[Reference, ...]
    last_reviewed: dt.date
    updated: dt.date
    aliases: tuple[str, ...]
    body: str

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True)
class Page:
    name: str
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class Library:
    objectives: tuple[Objective, ...]
    intercepts: tuple[Intercept, ...]
    settings: tuple[Setting, ...]
    levels: tuple[EvidenceLevel, ...]
    practices: tuple[Practice, ...]
    mentors: tuple[Mentor, ...]
    pages: tuple[Page, ...]
    # Retired practices keep a tombstone page (prss/redirects.py) but appear in no list: `practices`
    # holds only the current ones, so every list, count and relation leaves retired ones out.
    retired: tuple[Practice, ...] = ()

    def practices_where(self, field: str, value) -> list[Practice]:
        """Practices whose list field holds value: the derived inverse of every relation."""
        return [p for p in self.practices if value in getattr(p, field)]

    def practices_at_level(self, level: str) -> list[Practice]:
        return [p for p in self.practices if p.evidence.level == level]
