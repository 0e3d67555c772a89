"""Read one content file into a Document: its front-matter values, where each value sits, and its body.

Nothing here raises on bad input: every fault becomes a Problem. The bytes are checked first (size,
BOM, UTF-8, line endings), then the front matter between the two `---` lines is parsed by
prss.content.parser, which refuses aliases and non-standard tags before they can expand or run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from prss.content.parser import Position, parse_values, parse_yaml
from prss.problems import Problem

__all__ = ["Document", "read_document", "check_bytes", "parse_yaml"]

MAX_BYTES = 1_000_000
DELIMITER = re.compile(r"---[ \t]*")  # the line above and below the front matter, matched whole


@dataclass(frozen=True)
class Document:
    path: str
    meta: dict
    body: str
    body_line: int  # the file's line number of the body's first line
    problems: list[Problem] = field(default_factory=list)
    front: str = field(default="", repr=False)  # the YAML text that `positions` is worked out from when needed
    front_line: int = 2  # the file's line number of the YAML text's first line

    @cached_property
    def positions(self) -> dict[tuple, Position]:
        """Where each value sits, by key path. Only a file with a problem needs it, so it is parsed again then."""
        return parse_yaml(self.front, self.path, self.front_line)[1] if self.front else {}

    def where(self, *keys) -> Position:
        """The line and column of a value, falling back to its nearest parent, then the top of the file."""
        while keys:
            if keys in self.positions:
                return self.positions[keys]
            keys = keys[:-1]
        return (1, 1)


def read_document(path: Path, display: str, raw: bytes | None = None) -> Document:
    """The file's Document; `raw`: its bytes, when the caller has read them already."""
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as err:
        return _failed(display, Problem(display, 1, 1, "unreadable-file", f"the file cannot be read: {err.strerror}",
                                        "check that the file exists and that you may read it (its permissions)"))
    problem = check_bytes(raw, display)
    if problem:
        return _failed(display, problem)
    lines = raw.decode("utf-8").split("\n")
    if not DELIMITER.fullmatch(lines[0]):
        return _failed(display, Problem(display, 1, 1, "missing-front-matter",
                                        "the file does not start with a front-matter block",
                                        "put a line '---', the fields, and another '---' at the top of the file"))
    end = next((i for i in range(1, len(lines)) if DELIMITER.fullmatch(lines[i])), None)
    if end is None:
        return _failed(display, Problem(display, 1, 1, "missing-front-matter",
                                        "the front matter opened with '---' is never closed",
                                        "add a line '---' after the last field"))
    front = "\n".join(lines[1:end])
    meta, problems = parse_values(front, display, first_line=2)
    if not problems and not isinstance(meta, dict):
        return _failed(display, Problem(display, 2, 1, "front-matter-not-mapping",
                                        "the front matter is not a set of 'field: value' lines",
                                        "write one field per line, e.g. 'title: Jail peer navigation'"))
    body = "\n".join(lines[end + 1:])
    if not problems and not body.strip():
        problems.append(Problem(display, end + 1, 1, "empty-body", "the file has no text below the front matter",
                                "write the description below the closing '---' line"))
    return Document(display, meta if isinstance(meta, dict) else {}, body, end + 2, problems, front)


def check_bytes(raw: bytes, display: str) -> Problem | None:
    """What keeps a file from being read as text: its size, a BOM, bytes that are not UTF-8, CR line endings."""
    if len(raw) > MAX_BYTES:
        return Problem(display, 1, 1, "file-too-large", f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}",
                       "split the text or move long material to a linked reference")
    if raw.startswith(b"\xef\xbb\xbf"):
        return Problem(display, 1, 1, "byte-order-mark", "the file starts with a UTF-8 byte-order mark (BOM)",
                       "save the file as 'UTF-8' without BOM (in VS Code: click 'UTF-8 with BOM' in the status bar)")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        col = len(raw[raw.rfind(b"\n", 0, err.start) + 1:err.start].decode("utf-8", errors="replace")) + 1
        return Problem(display, line, col, "not-utf8", f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                       "save the file with the UTF-8 encoding")
    if b"\r" in raw:
        line = raw[:raw.index(b"\r")].count(b"\n") + 1
        kind = "Windows (CRLF)" if b"\r\n" in raw else "old Mac (CR)"
        return Problem(display, line, 1, "crlf-line-endings", f"the file has {kind} line endings",
                       "save the file with 'LF' line endings (in VS Code: click 'CRLF' in the status bar)")
    return None


def _failed(display: str, problem: Problem) -> Document:
    return Document(display, {}, "", 1, [problem])
