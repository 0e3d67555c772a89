"""What a practice or mentor page shows beyond its fields: the evidence badge, "At a glance", "What it takes", who
can help and how to reach a mentor site. Worked out here as plain values, so the templates only lay them out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from prss.model import Contact, Library, Mentor, Practice
from prss.profile_fields import IMPLEMENTATION_FIELDS

NEARBY = 5  # mentor sites in the same settings shown on a practice no mentor site is linked to
PHONE_EXTENSION = re.compile(r"\s*(?:ext\.?|x)\s*(\d+)\s*$")


@dataclass(frozen=True)
class Badge:
    """An evidence level and its place on our scale: step 1 (standard or consensus) to `steps` (well supported)."""
    level: str
    name: str
    step: int
    steps: int

    @property
    def segments(self) -> tuple[bool, ...]:
        """One per step of the scale, True where filled: the picture beside the words 'n of 6'."""
        return tuple(n < self.step for n in range(self.steps))


def badges(library: Library) -> dict[str, Badge]:
    """{level id: Badge}; content/evidence-levels.yml lists the levels strongest first."""
    steps = len(library.levels)
    return {lv.id: Badge(lv.id, lv.name, steps - n, steps) for n, lv in enumerate(library.levels)}


@dataclass(frozen=True)
class Part:
    """One part of "What it takes"; no items means our sources do not report it."""
    name: str
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Nearby:
    """A mentor site that works in some of a practice's settings, though no source shows it runs the practice."""
    slug: str
    name: str
    city: str
    state: str
    shared: tuple[str, ...]  # the settings' names


@dataclass(frozen=True)
class Profile:
    """A practice page's prepared parts."""
    parts: tuple[Part, ...]  # every part of What it takes, in the model's order
    reported: tuple[str, ...]  # the labels of the parts with items, for At a glance
    unreported: tuple[str, ...]
    contacts: tuple[Contact, ...]
    nearby: tuple[Nearby, ...]  # only for a practice no mentor site is linked to


def practice_profile(library: Library, p: Practice) -> Profile:
    given = dict(p.implementation)
    parts = tuple(Part(f.name, f.label, given.get(f.name, ())) for f in IMPLEMENTATION_FIELDS)
    return Profile(parts, tuple(part.label for part in parts if part.items),
                   tuple(part.label for part in parts if not part.items), p.contacts,
                   () if p.mentors else nearby_mentors(library, p))


def nearby_mentors(library: Library, p: Practice) -> tuple[Nearby, ...]:
    """Mentor sites sharing the practice's settings, most shared first, then by name."""
    names = {s.id: s.name for s in library.settings}
    found = [(m, [s for s in p.settings if s in m.settings]) for m in library.mentors]
    found = sorted(((m, shared) for m, shared in found if shared), key=lambda pair: (-len(pair[1]), pair[0].name))
    return tuple(Nearby(m.slug, m.name, m.city, m.state, tuple(names[s] for s in shared))
                 for m, shared in found[:NEARBY])


@dataclass(frozen=True)
class Reach:
    """How to reach a mentor site: its website, and what its `contact` gives, with the reference it comes from."""
    website: str
    address: str
    phone: str
    phone_href: str  # tel: with digits only, so a phone dials it
    email: str
    ref: int  # 0 when the site gives no contact block


def reach(m: Mentor) -> Reach:
    c = m.contact
    if c is None:
        return Reach(m.website, "", "", "", "", 0)
    return Reach(m.website, c.address, c.phone, tel(c.phone) if c.phone else "", c.email, c.ref)


def tel(phone: str) -> str:
    """'(513) 860-9240 ext. 12' -> 'tel:5138609240;ext=12' (RFC 3966)."""
    extension = PHONE_EXTENSION.search(phone)
    number = phone[:extension.start()] if extension else phone
    digits = ("+" if number.strip().startswith("+") else "") + re.sub(r"\D", "", number)
    return f"tel:{digits}" + (f";ext={extension.group(1)}" if extension else "")
