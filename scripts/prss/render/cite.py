"""Citations for practice and mentor pages: an APA-style reference, and BibTeX and RIS files to download."""
from __future__ import annotations

from dataclasses import dataclass

from prss.config import Site
from prss.model import Library, Mentor, Practice
from prss.render import references
from prss.render.references import bibtex_text

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Citation:
    key: str
    author: str  # the library itself: a group author
    title: str
    reviewed: str  # ISO date the evidence was last reviewed: the citation's date
    date: str  # the same date in APA form, "2026, March 31"
    url: str
    summary: str
    bib: str  # path under docs/ of the BibTeX file
    ris: str
    references_bib: str  # the page's references, for reference managers
    references_ris: str

    @property
    def apa(self) -> str:
        """The plain-text reference; pages set the title in italics."""
        return f"{self.author}. ({self.date}). {self.title}. {self.url}"

    @property
    def bibtex_text(self) -> str:
        """What the .bib file holds: the copy button's text."""
        return bibtex(self)

    @property
    def ris_text(self) -> str:
        """The RIS record with plain line ends, as the page shows it; the copy button puts back RIS's CRLF."""
        return ris(self).replace("\r\n", "\n")


def section(item: Practice | Mentor) -> str:
    return "practices" if isinstance(item, Practice) else "mentors"


def citation(item: Practice | Mentor, site: Site) -> Citation:
    name = f"{section(item)}-{item.slug}"
    day = item.last_reviewed
    return Citation(key=f"prss-{name}", author=site.name, title=item.title, reviewed=day.isoformat(),
                    date=f"{day.year}, {MONTHS[day.month - 1]} {day.day}",
                    url=site.permalink(f"{section(item)}/{item.slug}/"), summary=item.summary,
                    bib=f"cite/{name}.bib", ris=f"cite/{name}.ris", references_bib=f"cite/{name}-references.bib",
                    references_ris=f"cite/{name}-references.ris")


def bibtex(c: Citation) -> str:
    """A @misc entry; the doubled braces keep BibTeX from changing the case of the names. The URL is given once,
    as `url` (no `howpublished = {\\url{...}}`, which styles without the url package print literally)."""
    fields = [("author", "{" + bibtex_text(c.author) + "}"), ("title", "{" + bibtex_text(c.title) + "}"),
              ("year", c.reviewed[:4]), ("date", c.reviewed), ("url", c.url),
              ("note", f"Evidence last reviewed {c.reviewed}")]
    body = ",\n".join([f"  {name} = {{{value}}}" for name, value in fields[:3]]
                      + [f"  month = {MONTHS[int(c.reviewed[5:7]) - 1][:3].lower()}"]  # a macro: styles print the name
                      + [f"  {name} = {{{value}}}" for name, value in fields[3:]])
    return f"@misc{{{c.key},\n{body}\n}}\n"


def ris(c: Citation) -> str:
    """An ELEC (web page) record; RIS wants CRLF line ends and one line per value."""
    lines = [("TY", "ELEC"), ("AU", c.author), ("TI", c.title), ("T2", c.author), ("PY", c.reviewed[:4]),
             ("DA", c.reviewed.replace("-", "/")), ("UR", c.url), ("AB", c.summary),
             ("N1", f"Evidence last reviewed {c.reviewed}"), ("ER", "")]
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def render_citations(library: Library, site: Site) -> dict[str, str]:
    """docs/cite/<section>-<slug>.bib and .ris for every practice (retired ones too) and mentor.

    A renamed page's files stay at its old names too, holding the current citation: no download breaks.
    """
    files = {}
    for item in library.practices + library.retired + library.mentors:
        c = citation(item, site)
        for slug in (item.slug,) + item.aliases:
            name = f"cite/{section(item)}-{slug}"
            files[f"{name}.bib"], files[f"{name}.ris"] = bibtex(c), ris(c)
            files[f"{name}-references.bib"] = references.bibtex(item.references)
            files[f"{name}-references.ris"] = references.ris(item.references)
    return files
