"""The home page's entry tiles: the ways into the library, each with what it holds, counted from the library."""
from __future__ import annotations

from dataclasses import dataclass

from prss.model import Library


@dataclass(frozen=True)
class Tile:
    title: str
    text: str
    href: str  # a docs/ path, relative to the home page


def tiles(library: Library) -> tuple[Tile, ...]:
    return (
        Tile("By setting", f"{len(library.settings)} settings, from police to reentry", "settings/index.md"),
        Tile("By intercept", f"{len(library.intercepts)} points of the Sequential Intercept Model",
             "intercepts/index.md"),
        Tile("By evidence", f"{len(library.practices)} practices on a {len(library.levels)}-step scale",
             "evidence/index.md"),
        Tile("Mentor map", f"{len(library.mentors)} PRSSMI mentor sites", "mentors/index.md"),
    )
