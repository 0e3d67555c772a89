"""The content model: field declarations (the one schema), the shared vocabulary, and the frozen records."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

if TYPE_CHECKING:
    from prss.synonym_fields import Synonym

# A slug: a file name without '.md', an alias, a vocabulary id. Match it with SLUG.fullmatch (a plain match
# would take 'old\n'); the pattern also serves the editor schemas, whose regex engine is ECMAScript's.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
    "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI".split())
STALE_AFTER = dt.timedelta(days=730)  # the CEBC re-reviews every two years
# [1] in a body cites the first reference; also back to back as [1][2], not \[1]. The look-behind sits after
# the '[' so the pattern starts with a literal: the regex engine jumps from '[' to '[', ten times faster.
CITATION = re.compile(r"\[(?<!\\\[)([0-9]+)\](?![(:])")
# A line that opens or closes a fenced code block, as the search index's paragraph splitter sees one.
CODE_FENCE = re.compile(r"^\s*(```|~~~)")
# Names the build writes pages or files at: no vocabulary id or site page may take one.
RESERVED_IDS = frozenset({"index"})
RESERVED_PAGES = frozenset({
    "data", "contributing", "review-queue", "compare", "schemas", "cite", "downloads", "assets", "search", "404",
    "feed", "sitemap", "javascripts", "stylesheets"})
# content/pages/<name>.md with one of these names is the intro of that section's list page, not a page of its own.
SECTIONS = ("practices", "mentors", "objectives", "intercepts", "settings", "evidence")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool
    help: str
    max_len: int | None = None
    choices: tuple = ()
    label: str = ""  # the heading readers see, where it differs from the name


SERVICE_AREAS = ("rural", "urban", "suburban", "mixed", "unconfirmed")
REFERENCE_KEYS = ("title", "authors", "publisher", "year", "url", "doi", "pmid")  # ids: prss/profile_fields.py
EVIDENCE_KEYS = ("level", "basis")
RETIRED_KEYS = ("date", "replaced_by", "reason")
CROSSWALK_KEYS = ("crimesolutions", "cebc", "title_iv_e")

_REVIEWED = "The date the evidence was last reviewed, YYYY-MM-DD."
_UPDATED = "The date the page was last edited, YYYY-MM-DD; defaults to `last_reviewed`."
_REFERENCES = ("Sources for every claim on the page; each has `title`, `authors` and/or `publisher`, "
               "`year` (a number, or \"n.d.\"), an http(s) `url`, and where known `doi` and `pmid`. "
               "The text cites them as [1], [2].")
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
    Field("implementation", "implementation", False,
          "\"What it takes\": any of `staffing`, `training`, `supervision`, `duration`, `cost`, `funding`, `tools`, "
          "`measures`, `partners`, each a list of short plain sentences citing their source as [n]. Leave out what "
          "no source covers: the page says \"Not reported in our sources\"."),
    Field("contacts", "contacts", False,
          "Who can help: the developer or technical-assistance centre; each has `name`, `role`, `url` and `ref`, "
          "the number of the reference that names it in that role."),
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
    Field("contact", "contact", False,
          "How to reach the site: `address`, `phone` and/or `email`, and `ref`, the number of the reference "
          "that gives them."),
)

PAGE_FIELDS = (
    Field("title", "text", True, "The page title.", max_len=120),
    Field("summary", "text", True, "One or two sentences for search and link previews.", max_len=300),
)

# The vocabularies under content/: each file is a list of entries with exactly these fields.
OBJECTIVE_FIELDS = (
    Field("id", "id", True, "A slug that names the objective in practices' `objectives` lists."),
    Field("name", "text", True, "A short name.", max_len=120),
    Field("description", "text", True, "The objective in full.", max_len=600),
)
INTERCEPT_FIELDS = (
    Field("id", "intercept-id", True, "The intercept's number, 0 to 5."),
    Field("name", "text", True, "The intercept's name.", max_len=120),
    Field("definition", "text", True, "What happens at this intercept.", max_len=600),
    Field("source", "url", True, "Where the definition comes from, an http(s) address."),
)
SETTING_FIELDS = (
    Field("id", "id", True, "A slug that names the setting in `settings` lists."),
    Field("name", "text", True, "A short name.", max_len=120),
    Field("keywords", "text-list", False, "Extra words people search with; none for the cross-cutting `all-settings`."),
)
ALL_SETTINGS = "all-settings"  # cross-cutting practices' one setting: alone in a list, counted only under it
LEVEL_FIELDS = (
    Field("id", "id", True, "A slug that names the level in `evidence.level`."),
    Field("name", "text", True, "A short name.", max_len=120),
    Field("requires", "text", True, "What a practice at this level needs.", max_len=600),
    Field("crosswalk", "crosswalk", True, "The nearest term of each clearinghouse: " + ", ".join(CROSSWALK_KEYS)),
)
VOCABULARIES = {  # name: (file under content/, its fields)
    "objectives": ("objectives.yml", OBJECTIVE_FIELDS),
    "intercepts": ("intercepts.yml", INTERCEPT_FIELDS),
    "settings": ("settings.yml", SETTING_FIELDS),
    "levels": ("evidence-levels.yml", LEVEL_FIELDS),
}


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
    year: int | Literal["n.d."]
    url: str
    doi: str = ""
    pmid: str = ""

    @property
    def doi_url(self) -> str:
        return "https://doi.org/" + quote(self.doi, safe="/:;._-") if self.doi else ""

    @property
    def pmid_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""


@dataclass(frozen=True)
class Evidence:
    level: str
    basis: str


@dataclass(frozen=True)
class Contact:
    """Who can help with a practice: a developer or technical-assistance centre, and the reference naming it."""
    name: str
    role: str
    url: str
    ref: int


@dataclass(frozen=True)
class SiteContact:
    """How to reach a mentor site; blank parts were not given."""
    address: str
    phone: str
    email: str
    ref: int


# "What it takes": (sub-field name, its items) for each IMPLEMENTATION_FIELDS part the file gives, in that order.
Implementation = tuple[tuple[str, tuple[str, ...]], ...]


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
    retired: Retired | None
    body: str
    implementation: Implementation = ()
    contacts: tuple[Contact, ...] = ()


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
    cohort: int | Literal["unconfirmed"]
    references: tuple[Reference, ...]
    last_reviewed: dt.date
    updated: dt.date
    aliases: tuple[str, ...]
    body: str
    contact: SiteContact | None = None

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
    synonyms: tuple[Synonym, ...] = ()  # content/synonyms.yml: practitioners' words for our terms

    def practices_where(self, field: str, value) -> list[Practice]:
        """Practices whose list field holds value: the derived inverse of every relation."""
        return [p for p in self.practices if value in getattr(p, field)]

    def practices_at_level(self, level: str) -> list[Practice]:
        return [p for p in self.practices if p.evidence.level == level]
