"""The content model: field declarations (the one schema) and the frozen records built from them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional
from urllib.parse import parse_qsl, quote, urlsplit


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool
    help: str
    max_len: Optional[int] = None
    choices: tuple = ()
    label: str = ""  # the heading readers see, where it differs from the name


SERVICE_AREAS = ("rural", "urban", "suburban", "mixed", "unconfirmed")

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

# The parts of "What it takes" (a practice's `implementation`), in the order the page shows them.
IMPLEMENTATION_FIELDS = (
    Field("staffing", "cited-list", False, "Roles, caseloads and who does what.", label="Staffing"),
    Field("training", "cited-list", False, "Training and certification the staff need.", label="Training"),
    Field("supervision", "cited-list", False, "How the peer staff are supervised.", label="Supervision"),
    Field("duration", "cited-list", False, "How long or how often people take part (duration, dosage).",
          label="Duration"),
    Field("cost", "cited-list", False, "Cost drivers and published cost figures.", label="Cost"),
    Field("funding", "cited-list", False,
          "Funding streams a source ties to the practice, such as Medicaid peer billing or a BJA or SAMHSA grant.",
          label="Funding"),
    Field("tools", "cited-list", False, "Manuals, toolkits and fidelity tools.", label="Manuals and tools"),
    Field("measures", "cited-list", False, "What to measure and track.", label="What to measure"),
    Field("partners", "cited-list", False, "The partners the practice needs.", label="Partners"),
)
# One entry of a practice's `contacts`.
CONTACT_FIELDS = (
    Field("name", "text", True, "The organization's name.", max_len=150),
    Field("role", "text", True, "What it does for this practice, in a few words.", max_len=200),
    Field("url", "url", True, "Its web page, an http(s) address."),
    Field("ref", "reference", True, "The number of the reference that names it in that role."),
)
# A mentor site's `contact`: at least one of address, phone and email.
SITE_CONTACT_FIELDS = (
    Field("address", "text", False, "A postal address.", max_len=200),
    Field("phone", "phone", False, "A phone number, e.g. 555-123-4567."),
    Field("email", "email", False, "An email address."),
    Field("ref", "reference", True, "The number of the reference that gives them."),
)
# Optional identifiers of a reference: the page links them, and citations and open data carry them.
REFERENCE_ID_FIELDS = (
    Field("doi", "doi", False, "The DOI without its https://doi.org/ prefix, e.g. 10.1001/jamanetworkopen.2022.25582."),
    Field("pmid", "pmid", False, "The PubMed id: digits only, e.g. 29021114."),
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
class Mirrors:
    """content/mirror-hosts.yml: hosts that copy other publishers' work, host labels such as 'staging', and
    tracking parameters. A reference url matching any of them gets a `mirror-url` warning."""
    hosts: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()

    def match(self, url: str) -> str:
        """Why url is a mirror's address, in words, else '': 'https://www.issuu.com/x' -> "is on the host 'issuu.com'"."""
        try:
            parts = urlsplit(url)
        except ValueError:  # 'https://[broken': no address, a problem of its own
            return ""
        host = (parts.hostname or "").lower()
        found = next((h for h in self.hosts if host == h or host.endswith("." + h)), None)
        if found:
            return f"is on the host '{found}'"
        label = next((lb for lb in self.labels if lb in host.split(".")), None)
        if label:
            return f"is on a '{label}.' host"
        parameter = next((k for k, _ in parse_qsl(parts.query, keep_blank_values=True) if k in self.parameters), None)
        return f"carries the tracking parameter '{parameter}='" if parameter else ""


@dataclass(frozen=True)
class Reference:
    title: str
    authors: str
    publisher: str
    year: str
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
    retired: Optional[Retired]
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
    cohort: str
    references: tuple[Reference, ...]
    last_reviewed: dt.date
    updated: dt.date
    aliases: tuple[str, ...]
    body: str
    contact: Optional[SiteContact] = None

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
