"""A page's references: each as an APA-style entry for the page, and all of them as BibTeX and RIS files that
reference managers import, carrying each source's DOI and PubMed id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from prss.model import Reference

# "Schiff DM" (a surname, then initials) -> "Schiff, D. M."; anything else is a group name, kept whole.
PERSON = re.compile(r"(?P<surname>\S.*?) (?P<initials>[A-Z]{1,4})")
ET_AL = {"et al", "et al."}
NOT_KEY = re.compile(r"[^a-z0-9]+")
BIBTEX_SPECIALS = re.compile(r"[\\{}&%$#_~^]")
BIBTEX_NAMED = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class Entry:
    """A reference as APA sets it. `author` is empty when neither authors nor a publisher can stand as author:
    APA then moves the title to the front."""
    author: str
    year: str
    title: str
    source: str  # the journal or publisher, when not already the author
    links: tuple[tuple[str, str], ...]  # (label, url): the DOI first, then PubMed, then the url when it differs


def bibtex_text(value: str) -> str:
    return BIBTEX_SPECIALS.sub(lambda m: BIBTEX_NAMED.get(m.group(0), "\\" + m.group(0)), " ".join(value.split()))


def is_article(r: Reference) -> bool:
    """A journal article: its publisher is the journal, which is never an author."""
    return bool(r.doi or r.pmid)


def entry(r: Reference) -> Entry:
    """authors (year). title. source. links; a publisher with no authors is a group author, except a journal's
    name on an article without authors, where the title goes first."""
    group = not r.authors and not is_article(r)
    author = r.authors or (r.publisher if group else "")
    links = [(r.doi_url, r.doi_url)] if r.doi else []  # APA 7 shows a DOI as its address
    links += [(f"PMID {r.pmid}", r.pmid_url)] if r.pmid else []
    if r.url not in (r.doi_url, r.pmid_url):
        links.append((r.url, r.url))
    return Entry(author.rstrip("."), str(r.year), r.title, "" if group else r.publisher, tuple(links))


def people(authors: str) -> list[tuple[str, bool]]:
    """(name, is a person) for each author: 'Schiff DM, Drainoni ML, et al.' -> [('Schiff, D. M.', True),
    ('Drainoni, M. L.', True)]; 'et al.' is left out (see `more_authors`), a group name is kept whole."""
    names = []
    for part in (p.strip() for p in authors.split(",")):
        person = PERSON.fullmatch(part)
        if person:
            names.append((f"{person['surname']}, {' '.join(c + '.' for c in person['initials'])}", True))
        elif part and part.lower() not in ET_AL:
            names.append((part, False))
    return names


def more_authors(authors: str) -> bool:
    return any(p.strip().lower() in ET_AL for p in authors.split(","))


def key(r: Reference, n: int) -> str:
    first = (r.authors or r.publisher or r.title).split(",")[0].split()[0]
    return f"ref{n}-" + NOT_KEY.sub("", first.lower())[:20] + (str(r.year) if r.year != "n.d." else "")


def bibtex(references: tuple[Reference, ...]) -> str:
    """@article for journal articles, @misc for the rest; `url` once, `doi` and `pmid` where known."""
    return "\n".join(_bibtex_entry(r, n) for n, r in enumerate(references, 1))


def _bibtex_entry(r: Reference, n: int) -> str:
    """@article needs an author in every style, so an article without authors is a @misc, as is a web page."""
    article = is_article(r) and bool(r.authors)
    # A group name in braces, so BibTeX does not split it into first and last names.
    names = [bibtex_text(name) if person else "{" + bibtex_text(name) + "}" for name, person in people(r.authors)]
    names += ["others"] if more_authors(r.authors) else []
    fields = [("author", " and ".join(names)) if names else None, ("title", "{" + bibtex_text(r.title) + "}"),
              ("journal" if article else "howpublished", bibtex_text(r.publisher)) if r.publisher else None,
              ("year", str(r.year)) if r.year != "n.d." else None, ("url", r.url),
              ("doi", r.doi) if r.doi else None, ("pmid", r.pmid) if r.pmid else None]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in filter(None, fields))
    return f"@{'article' if article else 'misc'}{{{key(r, n)},\n{body}\n}}\n"


def ris(references: tuple[Reference, ...]) -> str:
    """JOUR records for journal articles, ELEC for web pages and reports; CRLF line ends, one line per value."""
    return "".join(_ris_record(r) for r in references)


def _ris_record(r: Reference) -> str:
    article = is_article(r)
    lines = [("TY", "JOUR" if article else "ELEC")]
    lines += [("AU", name) for name, _ in people(r.authors)]
    lines += [("TI", r.title), ("T2" if article else "PB", r.publisher)] if r.publisher else [("TI", r.title)]
    lines += [("PY", str(r.year))] if r.year != "n.d." else []
    lines += [("UR", r.url)] + ([("DO", r.doi)] if r.doi else [])
    lines += [("AN", r.pmid), ("DB", "PubMed")] if r.pmid else []
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines + [("ER", "")])
