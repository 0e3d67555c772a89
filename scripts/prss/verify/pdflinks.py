"""Link integrity inside a PDF: every internal link, named destination and bookmark lands on one of its pages.

WeasyPrint turns `<a href="#id">` into a link to the named destination `id`, and drops links to ids
that do not exist; a PDF edited or merged later can still point at nothing, which this catches.
"""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, apply_configuration
from pypdf.errors import PyPdfError

# pypdf guards against hostile PDFs with limits that a library of 1,000 practices outgrows (its
# structure tree holds an array of more than 100,000 entries); the PDFs checked here are our own.
LIMITS = {"array_maximum_element_count": 10_000_000, "dictionary_maximum_element_count": 10_000_000}


def check_pdf(path: Path, display: str = "") -> list[str]:
    """Every named destination, internal link annotation and outline entry in a PDF must point at one of its pages."""
    shown = display or path.name
    try:
        with apply_configuration(**LIMITS):  # type: ignore[arg-type]  # pypdf's keyword options
            return _check(PdfReader(path), shown)
    except (PyPdfError, ValueError, OSError) as error:
        return [f"{shown}: cannot be read as a PDF ({error}); build it again with `make pdf`"]


def _check(reader: PdfReader, shown: str) -> list[str]:
    pages = {page.indirect_reference.idnum for page in reader.pages if page.indirect_reference}
    named = _named_destinations(reader)
    problems = [f"{shown}: named destination '{label}' points at no page"
                for label, dest in named.items() if not _lands(dest, named, pages)]
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = _goto(annot) if annot.get("/Subtype") == "/Link" else None
            if dest is not None and not _lands(dest, named, pages):
                problems.append(f"{shown}: page {number}: internal link to {_label(dest)} resolves to no page")
    for title, item in _outline(reader):
        dest = _goto(item)
        if dest is not None and not _lands(dest, named, pages):
            problems.append(f"{shown}: bookmark '{title}' resolves to no page")
    return problems


def _goto(item):
    """The destination of a link annotation or outline item: its /Dest, or a /GoTo action's /D. None if external."""
    action = item.get("/A")
    action = action.get_object() if action is not None else None
    if action is not None:
        return action.get("/D") if action.get("/S") == "/GoTo" else None
    dest = item.get("/Dest")
    return dest.get_object() if dest is not None else None


def _label(dest) -> str:
    return "an explicit destination" if isinstance(dest, list) else f"'{dest}'"


def _lands(dest, named: dict, pages: set[int]) -> bool:
    """True when a destination (an array, a name, or a {/D: array} dictionary) starts with one of our pages."""
    dest = dest.get_object() if hasattr(dest, "get_object") else dest
    if isinstance(dest, str):
        if str(dest).lstrip("/") not in named:
            return False
        dest = named[str(dest).lstrip("/")]
    if hasattr(dest, "get") and "/D" in dest:
        dest = dest["/D"].get_object()
    if not isinstance(dest, list) or not dest:
        return False
    return getattr(dest[0], "idnum", None) in pages


def _outline(reader):
    """(title, item) for every outline entry, depth first."""
    outlines = reader.trailer["/Root"].get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines is not None else []
    while stack:
        ref = stack.pop()
        if ref is None:
            continue
        item = ref.get_object()
        yield str(item.get("/Title", "")), item
        stack += [item.get("/Next"), item.get("/First")]


def _named_destinations(reader) -> dict:
    """Raw named destinations (name -> destination array), from the /Dests dictionary and the name tree."""
    found = {}
    root = reader.trailer["/Root"]
    dests = root.get("/Dests")
    if dests is not None:
        for name, value in dests.get_object().items():
            found[str(name).lstrip("/")] = value.get_object()
    tree = root.get("/Names", {}).get("/Dests") if root.get("/Names") is not None else None
    stack = [tree.get_object()] if tree is not None else []
    while stack:
        node = stack.pop()
        stack += [kid.get_object() for kid in node.get("/Kids", [])]
        names = node.get("/Names", [])
        for i in range(0, len(names) - 1, 2):
            found[str(names[i])] = names[i + 1].get_object()
    return found
