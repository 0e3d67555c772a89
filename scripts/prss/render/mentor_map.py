"""The offline mentor map: U.S. state outlines decoded from TopoJSON, with one linked mark per mentor site.

The geometry is us-atlas 3.0.1's states-albers-10m.json (see data/NOTICE.md): already projected to a
975x610 viewport, so decoding is arithmetic only. Each shared arc is simplified once, which keeps
neighbouring states' borders identical, then rounded to whole pixels to keep the inline SVG small.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from prss.model import Library

DATA = Path(__file__).parent / "data" / "states-albers-10m.json"
WIDTH, HEIGHT = 975, 610
TOLERANCE = 0.8  # pixels a simplified border may stray from the original
MARK_SPACING = 26  # units (of 975) between the marks of sites in the same state

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
    marked: bool


@dataclass(frozen=True)
class Mark:
    slug: str
    name: str
    city: str
    state: str
    x: int
    y: int


@dataclass(frozen=True)
class MentorMap:
    width: int
    height: int
    states: tuple[StateShape, ...]
    marks: tuple[Mark, ...]
    off_map: tuple[str, ...]  # slugs of sites whose state the map does not draw (territories)


def mentor_map(library: Library) -> MentorMap:
    shapes = _shapes()
    marked = {m.state for m in library.mentors}
    by_state: dict[str, list] = {}
    for m in library.mentors:
        by_state.setdefault(m.state, []).append(m)
    marks, off_map = [], []
    for state, mentors in by_state.items():
        if state not in shapes:
            off_map += [m.slug for m in mentors]
            continue
        cx, cy = shapes[state][2]
        for n, m in enumerate(mentors):
            x = round(cx + (n - (len(mentors) - 1) / 2) * MARK_SPACING)
            marks.append(Mark(m.slug, m.name, m.city, m.state, x, round(cy)))
    states = tuple(StateShape(postal, name, d, postal in marked) for postal, (name, d, _) in sorted(shapes.items()))
    order = {m.slug: i for i, m in enumerate(library.mentors)}
    return MentorMap(WIDTH, HEIGHT, states, tuple(sorted(marks, key=lambda k: order[k.slug])), tuple(off_map))


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
