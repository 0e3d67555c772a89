"""Read one content file into a Document: front-matter values, where each value sits, and the body.

Nothing here raises on bad input: every fault becomes a Problem. The YAML is composed, never
constructed as a whole, so aliases and non-standard tags are refused before they can expand or run.
Most front matter takes quickyaml's path instead, which gives up on anything unusual. Positions are
worked out only for a file that has a problem to report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from prss.content import quickyaml
from prss.problems import Problem

MAX_BYTES = 1_000_000
STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                 ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
FENCE = re.compile(r"^---[ \t]*$")

Position = tuple[int, int]
_SCALARS = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
# Where an anchor (&name) or alias (*name) could start: '&' or '*' after a space, a flow bracket or comma.
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]\S", re.M)


@dataclass(frozen=True)
class Document:
    path: str
    meta: dict
    front: str  # the front-matter text between the fences, from which `positions` is worked out when first needed
    body: str
    body_line: int
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def positions(self) -> dict[tuple, Position]:
        """Where each value sits, by key path. Only a file with a problem needs it, so it is parsed again then."""
        return parse_yaml(self.front, self.path, first_line=2)[1] if self.front else {}

    def where(self, *keys) -> Position:
        """The line and column of a value, falling back to its nearest parent, then the fence."""
        while keys:
            if keys in self.positions:
                return self.positions[keys]
            keys = keys[:-1]
        return (1, 1)


class _Refused(Exception):
    def __init__(self, code: str, message: str, hint: str, mark):
        super().__init__(message)
        self.code, self.message, self.hint, self.mark = code, message, hint, mark


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("yaml-alias", f"YAML alias '*{event.anchor}' is not allowed",
                           "write the value out in full; anchors and aliases are refused", event.start_mark)
        if getattr(event, "anchor", None):  # an anchor is only ever there to be aliased: refuse it up front
            raise _Refused("yaml-alias", f"YAML anchor '&{event.anchor}' is not allowed",
                           "remove the '&name' before the value; anchors and aliases are refused", event.start_mark)
        return super().compose_node(parent, index)


class _FastLoader(_Loader):
    """The same composer fed by libyaml's C parser, about ten times faster than the pure-Python one."""
    def __init__(self, stream):
        self._parser = yaml.cyaml.CParser(stream)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def check_event(self, *choices):
        return self._parser.check_event(*choices)

    def peek_event(self):
        return self._parser.peek_event()

    def get_event(self):
        return self._parser.get_event()

    def dispose(self):
        self._parser.dispose()


class _CLoader(yaml.cyaml.CParser if yaml.__with_libyaml__ else object, yaml.resolver.Resolver):
    """libyaml composes the whole tree in C: only for text where no anchor (&name) or alias (*name) can start."""
    def __init__(self, stream):
        yaml.cyaml.CParser.__init__(self, stream)
        yaml.resolver.Resolver.__init__(self)


def _compose(text: str):
    """Compose with libyaml when it is there; on any YAML error, the pure-Python parser words the problem."""
    if yaml.__with_libyaml__:
        try:
            aliased = ("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text)  # `in` is 100 times faster
            return yaml.compose(text, Loader=_FastLoader if aliased else _CLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def read_document(path: Path, display: str) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _failed(display, Problem(display, 1, 1, "unreadable-file", f"the file cannot be read: {err.strerror}",
                                        "check that the file exists and that you may read it (its permissions)"))
    problem = _check_bytes(raw, display)
    if problem:
        return _failed(display, problem)
    text = raw.decode("utf-8")
    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0]):
        return _failed(display, Problem(display, 1, 1, "missing-front-matter",
                                        "the file does not start with a front-matter block",
                                        "put a line '---', the fields, and another '---' at the top of the file"))
    end = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
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
    return Document(display, meta, front, body, end + 2, problems)


def _check_bytes(raw: bytes, display: str) -> Problem | None:
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
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return Problem(display, line, col, "not-utf8", f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                       "save the file with the UTF-8 encoding")
    if b"\r" in raw:
        line = raw[:raw.index(b"\r")].count(b"\n") + 1
        kind = "Windows (CRLF)" if b"\r\n" in raw else "old Mac (CR)"
        return Problem(display, line, 1, "crlf-line-endings", f"the file has {kind} line endings",
                       "save the file with 'LF' line endings (in VS Code: click 'CRLF' in the status bar)")
    return None


def _failed(display: str, problem: Problem) -> Document:
    return Document(display, {}, "", "", 1, [problem])


def parse_yaml(text: str, display: str, first_line: int = 1):
    """Parse YAML text into plain data plus a map from key paths to (line, col)."""
    positions: dict[tuple, Position] = {}
    data, problems = _parse(text, display, first_line, positions)
    return data, positions, problems


def parse_values(text: str, display: str, first_line: int = 1):
    """As parse_yaml, without the positions: building them is a third of the parse, and only problems need them."""
    data = quickyaml.values(text, STANDARD_TAGS, _scalar)
    if data is not quickyaml.UNSURE:
        return data, []
    return _parse(text, display, first_line, None)


def _parse(text: str, display: str, first_line: int, positions: dict | None):
    problems: list[Problem] = []

    def where(mark) -> Position:
        return (mark.line + first_line, mark.column + 1)

    try:
        node = _compose(text)
        if not node:
            return {}, problems
        if positions is None:
            return _value(node, where, problems, display), problems
        return _to_data(node, (), positions, where, problems, display), problems
    except (yaml.YAMLError, _Refused, RecursionError) as err:
        if positions:
            positions.clear()  # half a walk's positions would point at values that were never returned
        return {}, [_parse_problem(err, text, display, first_line, where)]


def _parse_problem(err, text: str, display: str, first_line: int, where) -> Problem:
    if isinstance(err, _Refused):
        return Problem(display, *where(err.mark), err.code, err.message, err.hint)
    if isinstance(err, yaml.MarkedYAMLError):
        mark = err.problem_mark or err.context_mark
        return Problem(display, *where(mark), "yaml-syntax", _yaml_message(err), _yaml_hint(text, mark))
    if isinstance(err, yaml.reader.ReaderError):
        line, col = text.count("\n", 0, err.position), err.position - (text.rfind("\n", 0, err.position) + 1)
        return Problem(display, line + first_line, col + 1, "yaml-syntax",
                       f"the front matter contains the invisible control character U+{err.character:04X}",
                       "delete it (retype the text around it); it often comes from copying out of a PDF")
    if isinstance(err, RecursionError):
        return Problem(display, first_line, 1, "yaml-syntax", "the front matter is nested too deeply to read",
                       "write each field as 'name: value' with at most a few levels of lists")
    return Problem(display, first_line, 1, "yaml-syntax", f"the front matter cannot be read: {err}",
                   "check the indentation and quoting of the fields")


def _yaml_message(err) -> str:
    return " ".join(str(err.problem or err.context or "invalid YAML").split())


def _yaml_hint(text: str, mark) -> str:
    line = text.split("\n")[mark.line] if mark and mark.line < len(text.split("\n")) else ""
    if "\t" in line:
        return "YAML does not allow tab characters for indentation; use spaces"
    return "check this line's indentation, colons and quotes; text containing ': ' must be in quotes"


def _value(node, where, problems, display):
    """The plain value of a node, refused or reported exactly as _to_data does, but recording no positions."""
    _check_tag(node)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _key(_value(key_node, where, problems, display), key_node, result, where, problems, display)
            result[key] = _value(value_node, where, problems, display)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, where, problems, display) for item in node.value]
    return node.value if node.tag == _STR else _scalar(node)


def _to_data(node, path, positions, where, problems, display):
    positions[path] = where(node.start_mark)
    _check_tag(node)
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, positions, where, problems, display)
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, path + (i,), positions, where, problems, display)
                for i, item in enumerate(node.value)]
    return node.value if node.tag == _STR else _scalar(node)  # most values are text: skip the constructor


def _check_tag(node) -> None:
    if node.tag not in STANDARD_TAGS:
        raise _Refused("unsafe-yaml-tag", f"the YAML tag '{node.tag}' is not allowed",
                       "remove the '!!' tag and write a plain value", node.start_mark)


def _scalar(node):
    try:
        return _SCALARS.construct_object(node)
    except (ValueError, OverflowError, yaml.YAMLError):
        # A timestamp like 2026-02-30 resolves as a date but cannot be built: keep the text for the date rule.
        return node.value
    finally:
        _SCALARS.constructed_objects.clear()


def _key(key, key_node, result: dict, where, problems, display):
    """A field name, checked: plain text or a number, and reported when the mapping already has it."""
    if not isinstance(key, (str, int)):
        raise _Refused("front-matter-not-mapping", "a field name must be plain text",
                       "write each field as 'name: value'", key_node.start_mark)
    if key in result:
        problems.append(Problem(display, *where(key_node.start_mark), "duplicate-key",
                                f"the field '{key}' appears more than once",
                                "keep one of them; YAML would silently use only the last"))
    return key


def _mapping(node, path, positions, where, problems, display):
    result = {}
    for key_node, value_node in node.value:
        key = _to_data(key_node, path + ("<key>",), positions, where, problems, display)
        key = _key(key, key_node, result, where, problems, display)
        result[key] = _to_data(value_node, path + (key,), positions, where, problems, display)
        positions[path + (key,)] = where(key_node.start_mark)
    positions.pop(path + ("<key>",), None)
    return result
