"""The profiles' practical fields: "What it takes", who can help, a mentor site's contact and a reference's
identifiers, declared as prss.model declares the rest, and the mirror hosts a reference url should avoid.
The checker's rules for them are in prss.content.profile.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from prss.model import Field

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
