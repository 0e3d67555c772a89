"""Leave out the indentation and blank lines that the theme's templates put into every built page.

Material's templates are indented for their readers, and each `{% if %}` that prints nothing leaves a
blank line: on a practice page that is about 5 KB, a tenth of the page, mostly in the navigation and the
table of contents. A browser folds any run of white space outside preformatted text into one space,
so a run that holds a line break can become that line break alone without changing what is shown.
The text of <pre>, <textarea>, <code>, <script> and <style> is kept exactly as it is.
"""
from __future__ import annotations

import re
from pathlib import Path

KEPT = ("pre", "textarea", "code", "script", "style")
OPENING = re.compile(rf"<({'|'.join(KEPT)})\b", re.IGNORECASE)
CLOSING = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in KEPT}
# A line break and the white space after it. Only the ASCII spaces HTML folds: a no-break space is text
# (`\s` would match it). Starting at the line break, not at the spaces before it, keeps this one pass.
LINE_BREAK_RUN = re.compile(r"\n[ \t\f\r\n]*")


def compact(html: str) -> str:
    """The page with each line break and the white space after it made one line break, outside kept elements."""
    out, at = [], 0
    while opening := OPENING.search(html, at):
        closing = CLOSING[opening.group(1).lower()].search(html, opening.end())
        end = closing.end() if closing else len(html)
        out += [LINE_BREAK_RUN.sub("\n", html[at:opening.start()]), html[opening.start():end]]
        at = end
    out.append(LINE_BREAK_RUN.sub("\n", html[at:]))
    return "".join(out)


def compact_pages(site_dir: Path) -> int:
    """Compact every HTML page under site_dir in place; returns the bytes saved."""
    saved = 0
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        smaller = compact(text)
        if len(smaller) < len(text):
            path.write_text(smaller, encoding="utf-8")
            saved += len(text.encode()) - len(smaller.encode())
    return saved
