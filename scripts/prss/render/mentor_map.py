"""The offline mentor map: U.S. state outlines decoded from TopoJSON, with one numbered, linked mark per mentor
site, the setting filter's choices, and the list under the map (each site with its practices).

The geometry is us-atlas 3.0.1's states-albers-10m.json (see data/NOTICE.md): already projected to a
975x610 viewport, so decoding is arithmetic only. Each shared arc is simplified once, which keeps
neighbouring states' borders identical, then rounded to whole pixels to keep the inline SVG small.

A mark is a touch target, so it is sized for the smallest screen: on a 390 px phone the map is 358 px wide
(0.367 px a unit), and a mark of radius 36 units is 26 px across (WCAG 2.5.8 asks for 24). Marks that would
overlap are moved aside (`place_marks`), and a line leads from each moved mark to its site's state.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from prss.model import Library, Mentor, Practice, Setting
from prss.render.profile import Badge, badges

DATA = Path(__file__).parent / "data" / "states-albers-10m.json"
WIDTH, HEIGHT = 975, 610
TOLERANCE = 0.8  # pixels a simplified border may stray from the original
MARK_RADIUS = 36  # units (of 975): 26 CSS px across where the map is narrowest, a 390 px phone
MARK_GAP = 6  # units kept clear between two marks
RINGS = 10  # rings of places tried around a site's state before a mark is left where it overlaps

POSTAL_TO_FIPS = {
    "AL": "01", "AK": "02", "AZ": "04", "AR": "05", "CA": "06", "CO": "08", "CT": "09", "DE": "10", "DC": "11",
    "FL": "12", "GA": "13", "HI": "15", "ID": "16", "IL": "17", "IN": "18", "IA": "19", "KS": "20", "KY": "21",
    "LA": "22", "ME": "23", "MD": "24", "MA": "25", "MI": "26", "MN": "27", "MS": "28", "MO": "29", "MT": "30",
    "NE": "31", "NV": "32", "NH": "33", "NJ": "34", "NM": "35", "NY": "36", "NC": "37", "ND": "38", "OH": "39",
    "OK": "40", "OR": "41", "PA": "42", "RI": "44", "SC": "45", "SD": "46", "TN": "47", "TX": "48", "UT": "49",
    "VT": "50", "VA": "51", "WA": "53", "WV": "54", "WI": "55", "WY": "56",
    "AS": "60", "GU": "66", "MP": "69", "PR": "72", "VI": "78",  # valid postal codes the map does not draw
}


@dataclass(frozen=True)
class StateShape:
    postal: str
    name: str
    d: str  # SVG path data
    settings: tuple[str, ...]  # the settings of the sites in the state; none when it has no site

    @property
    def marked(self) -> bool:
        return bool(self.settings)


@dataclass(frozen=True)
class Mark:
    slug: str
    name: str
    city: str
    state: str
    number: int  # the label in the mark, and beside the site in the list under the map
    x: int  # the mark's centre
    y: int
    home: tuple[int, int]  # the centre of the site's state; a mark moved aside has a line leading there
    settings: tuple[str, ...]

    @property
    def moved(self) -> bool:
        return (self.x, self.y) != self.home


@dataclass(frozen=True)
class Site:
    """A site in the list under the map: its mark's number (None off the map) and its practices, each with the
    badge of its evidence level."""
    mentor: Mentor
    number: int | None
    practices: tuple[tuple[Practice, Badge], ...]


@dataclass(frozen=True)
class MentorMap:
    width: int
    height: int
    radius: int
    states: tuple[StateShape, ...]
    marks: tuple[Mark, ...]
    off_map: tuple[str, ...]  # slugs of sites whose state the map does not draw (territories)
    choices: tuple[tuple[Setting, int], ...]  # the filter's settings: those of some site, with their sites
    sites: tuple[Site, ...]


def mentor_map(library: Library) -> MentorMap:
    shapes = _shapes()
    drawn = [m for m in library.mentors if m.state in shapes]
    homes = [(round(x), round(y)) for x, y in (shapes[m.state][2] for m in drawn)]
    places = place_marks(homes, MARK_RADIUS * 2 + MARK_GAP, (MARK_RADIUS, MARK_RADIUS, WIDTH - MARK_RADIUS,
                                                                 HEIGHT - MARK_RADIUS))
    marks = tuple(Mark(m.slug, m.name, m.city, m.state, n, x, y, home, m.settings)
                  for n, (m, home, (x, y)) in enumerate(zip(drawn, homes, places, strict=True), start=1))
    in_state: dict[str, set[str]] = {}
    for m in drawn:
        in_state.setdefault(m.state, set()).update(m.settings)
    states = tuple(StateShape(postal, name, d, tuple(s.id for s in library.settings if s.id in in_state.get(postal, ())))
                   for postal, (name, d, _) in sorted(shapes.items()))
    off_map = tuple(m.slug for m in library.mentors if m.state not in shapes)
    return MentorMap(WIDTH, HEIGHT, MARK_RADIUS, states, marks, off_map, _choices(library), _sites(library, marks))


def _choices(library: Library) -> tuple[tuple[Setting, int], ...]:
    counts = [(s, sum(s.id in m.settings for m in library.mentors)) for s in library.settings]
    return tuple((s, n) for s, n in counts if n)


def _sites(library: Library, marks: tuple[Mark, ...]) -> tuple[Site, ...]:
    """Each site in the library's order; its practices are derived from the practices' `mentors` lists."""
    numbers, badge = {k.slug: k.number for k in marks}, badges(library)
    return tuple(Site(m, numbers.get(m.slug), tuple((p, badge[p.evidence.level])
                                                    for p in library.practices_where("mentors", m.slug)))
                 for m in library.mentors)


def place_marks(homes: list[tuple[int, int]], least: int, bounds: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """Place each mark, in order, at its home if no placed mark is nearer than `least`, else at the nearest free
    place inside `bounds` (left, top, right, bottom) on rings around home, half of `least` apart, else at home
    after all: a map too full for every mark still shows them all.

    >>> place_marks([(100, 100), (100, 100)], 10, (0, 0, 200, 200))
    [(100, 100), (111, 100)]
    """
    cell = least  # a grid of cells `least` wide: a mark can only be too near marks in the 9 cells around it
    grid: dict[tuple[int, int], list[tuple[int, int]]] = {}
    placed = []
    for hx, hy in homes:
        places = ((round(hx + dx * (least + 1)), round(hy + dy * (least + 1))) for dx, dy in _ring_offsets())
        spot = next((p for p in places if bounds[0] <= p[0] <= bounds[2] and bounds[1] <= p[1] <= bounds[3]
                     and _free(p, grid, cell, least)), (hx, hy))
        grid.setdefault((int(spot[0] // cell), int(spot[1] // cell)), []).append(spot)
        placed.append(spot)
    return placed


@functools.lru_cache(maxsize=1)
def _ring_offsets() -> tuple[tuple[float, float], ...]:
    """Places around home in units of `least`: home, then rings half a unit apart (ring 2 lies one unit out),
    each with 6 places per ring number, starting east. Rounding keeps two marks `least` apart: see place_marks."""
    offsets = [(0.0, 0.0)]
    for ring in range(1, RINGS + 1):
        offsets += [(ring / 2 * math.cos(a), ring / 2 * math.sin(a))
                    for a in (2 * math.pi * k / (6 * ring) for k in range(6 * ring))]
    return tuple(offsets)


def _free(point: tuple[int, int], grid: dict, cell: float, least: float) -> bool:
    x, y = point
    gx, gy = int(x // cell), int(y // cell)
    return all(math.hypot(x - ox, y - oy) >= least for dx in (-1, 0, 1) for dy in (-1, 0, 1)
               for ox, oy in grid.get((gx + dx, gy + dy), ()))


@functools.lru_cache(maxsize=1)
def _shapes() -> dict[str, tuple[str, str, tuple[float, float]]]:
    """{postal code: (state name, SVG path data, centre of its largest ring)} for every state drawn."""
    topo = json.loads(DATA.read_text(encoding="utf-8"))
    arcs = [_simplify(arc, TOLERANCE) for arc in decode_arcs(topo)]
    fips_to_postal = {fips: postal for postal, fips in POSTAL_TO_FIPS.items()}
    shapes = {}
    for geometry in topo["objects"]["states"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_rounded(_ring(arcs, ring)) for polygon in polygons for ring in polygon]
        rings = [r for r in rings if len(r) >= 3]
        largest = max(rings, key=lambda r: abs(_area(r)))
        shapes[fips_to_postal[geometry["id"]]] = (geometry["properties"]["name"], path_data(rings),
                                                   _centroid(largest))
    return shapes


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as absolute coordinates."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    decoded = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    """Join a ring's arcs; a negative index ~i means arc i reversed, and each joint point is shared."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker: keep the points that stray more than `tolerance` from the simplified line."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        worst, index = 0.0, 0
        for i in range(first + 1, last):
            px, py = points[i]
            dist = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length
                    else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
            if dist > worst:
                worst, index = dist, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=False) if kept]


def _rounded(points: list) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x), round(y))
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Compact SVG path data: an absolute move to each ring, then relative line steps."""
    parts = []
    for ring in rings:
        (x0, y0), steps = ring[0], []
        for (ax, ay), (bx, by) in zip(ring, ring[1:], strict=False):
            steps += [bx - ax, by - ay]
        parts.append(f"M{x0} {y0}l" + _numbers(steps) + "z")
    return "".join(parts)


def _numbers(values: list[int]) -> str:
    """Join numbers with the fewest separators SVG allows: a minus sign already separates."""
    text = ""
    for v in values:
        text += (str(v) if not text or v < 0 else f" {v}")
    return text


def _area(ring: list) -> float:
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=False)) / 2


def _centroid(ring: list) -> tuple[float, float]:
    area = _area(ring)
    if not area:
        return ring[0]
    cx = sum((ax + bx) * (ax * by - bx * ay) for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=False))
    cy = sum((ay + by) * (ax * by - bx * ay) for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=False))
    return cx / (6 * area), cy / (6 * area)
