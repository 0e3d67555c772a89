"""Accessibility plumbing for the tests: axe-core from npm (tests/axe, `make axe`) run in a Playwright page."""
from __future__ import annotations

import json
from pathlib import Path

AXE_PACKAGE = Path(__file__).parent / "axe"
AXE_SCRIPT = AXE_PACKAGE / "node_modules" / "axe-core" / "axe.min.js"
# The WCAG 2.0 and 2.1 success criteria at levels A and AA; axe tags every rule with the criteria it tests.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Each page type: the built pages under site/ that belong to it.
PAGE_TYPES = {
    "home": ["index.html"],
    "catalog": ["practices/index.html"],
    "practice": ["practices/*/index.html"],
    "mentor": ["mentors/*/index.html"],
    "objective": ["objectives/*/index.html"],
    "browse": ["intercepts/*/index.html", "settings/*/index.html", "evidence/*/index.html"],
    "section and site pages": ["*/index.html", "404.html"],
    "mentor map": ["mentors/index.html"],
}
# Many pages from one template: of each pattern's pages, only the largest and the smallest are checked.
# Every other page is checked.
SAMPLED = {"practice", "mentor", "objective", "browse"}


def pages_of(site, kind: str) -> list[str]:
    """The pages checked for a page type, as URLs relative to the site root."""
    files = []
    for pattern in PAGE_TYPES[kind]:
        found = sorted(site.glob(pattern), key=lambda p: (p.stat().st_size, p))
        files += found[-1:] + found[:1] if kind in SAMPLED and len(found) > 2 else found
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in dict.fromkeys(files)]


_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"


def pinned_version() -> str:
    lock = json.loads((AXE_PACKAGE / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/axe-core"]["version"]


def installed_version() -> str | None:
    package = AXE_SCRIPT.parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else None


def run_axe(page) -> dict:
    """Inject the local axe-core into the open page (never fetched) and return its results."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(_RUN, WCAG_TAGS)


def describe(url: str, violations: list[dict]) -> str:
    """One readable block per page: each broken rule, the criteria it tests, and the elements that break it."""
    lines = [f"{url}: {len(violations)} rule(s) violated"]
    for rule in violations:
        numbers = [t[4:] for t in rule["tags"] if t.startswith("wcag") and t[4:].isdigit()]  # wcag143 is 1.4.3
        criteria = ", ".join(f"WCAG {n[0]}.{n[1]}.{n[2:]}" for n in numbers)
        lines.append(f"  {rule['id']} ({rule['impact']}; {criteria}): {rule['help']}")
        for node in rule["nodes"][:10]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' > '.join(map(str, node['target']))}: {summary}")
        if len(rule["nodes"]) > 10:
            lines.append(f"    ... and {len(rule['nodes']) - 10} more elements")
    return "\n".join(lines)


# Records, for every element that gets focus, how it looked with focus: its own and its children's (an SVG
# link's circle) outline, colours and shape. Transitions are off so each look is final when read.
_FOCUS_RECORDER = """
window.prssLook = function (el) {
  return [el].concat(Array.from(el.children)).map(function (e) {
    var s = getComputedStyle(e);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
            s.textDecorationLine, s.textDecorationThickness, s.fill, s.stroke, s.strokeWidth, s.r].join(" ");
  }).join("|");
};
window.prssFocused = new Map();
document.addEventListener("focusin", function (e) { prssFocused.set(e.target, prssLook(e.target)); }, true);
"""
_NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
_FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]"
_REACHED = """selector => Array.from(document.querySelectorAll(selector), el => ({
  control: el.outerHTML.slice(0, 120), reached: prssFocused.has(el),
  shown: prssFocused.has(el) && prssFocused.get(el) !== prssLook(el) }))"""


def tab_through(page) -> None:
    """Press Tab once for every focusable element (and a few more), recording how each one looked with focus."""
    page.add_style_tag(content=_NO_TRANSITIONS)
    page.add_script_tag(content=_FOCUS_RECORDER)
    for _ in range(page.locator(_FOCUSABLE).count() + 5):
        page.keyboard.press("Tab")


def reached(page, selector: str) -> list[dict]:
    """After tab_through: each element matching selector, whether Tab reached it and whether its focus showed."""
    page.evaluate("document.activeElement.blur()")
    return page.evaluate(_REACHED, selector)


def tab_to(page, selector: str, limit: int = 400) -> bool:
    """Press Tab until the focused element matches selector; False when it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return True
    return False
