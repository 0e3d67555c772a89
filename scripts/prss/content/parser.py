"""YAML text to plain data, with the line and column of every value, and problems instead of exceptions.

PyYAML composes the node tree (libyaml's C composer when no anchor or alias can be in the text, else
Python's composer over libyaml's events, which refuses them), and one walk over the nodes builds the
data and takes each value's position from its mark, as yamllint does. Nothing is constructed from a tag
other than YAML's standard ones, anchors and aliases are refused before they can expand, and the walk
keeps its own stack, so the depth of a value changes neither its position nor whether it is read.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from prss.problems import Problem

SCALAR_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("int", "float", "bool", "null", "timestamp")}
MAX_DEPTH = 100  # libyaml itself stops at 1,000 levels; front matter needs about four
Position = tuple[int, int]
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SCALARS = yaml.constructor.SafeConstructor()
_BUILT: dict[tuple[str, str], object] = {}
# Where an anchor (&name) or alias (*name) could start: '&' or '*' after a space, a flow bracket or comma.
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]\S", re.M)
# Half of a UTF-16 pair: only a YAML escape ("\uD800") makes one, and no UTF-8 file can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_MESSAGE = "a YAML escape here stands for half a character (such as '\\uD800'), which UTF-8 cannot store"
_SURROGATE_HINT = "write the character itself, or remove the escape"


class Refused(Exception):
    """A fault that stops the parse, with the node it was found at."""

    def __init__(self, code: str, message: str, hint: str, mark):
        super().__init__(message)
        self.code, self.message, self.hint, self.mark = code, message, hint, mark


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise Refused("yaml-alias", f"YAML alias '*{event.anchor}' is not allowed",
                          "write the value out in full; anchors and aliases are refused", event.start_mark)
        if getattr(event, "anchor", None):  # an anchor is only ever there to be aliased: refuse it up front
            raise Refused("yaml-alias", f"YAML anchor '&{event.anchor}' is not allowed",
                          "remove the '&name' before the value; anchors and aliases are refused", event.start_mark)
        return super().compose_node(parent, index)


class _EventLoader(_Loader):
    """_Loader's composer fed by libyaml's parser: about ten times faster than the pure-Python one."""

    def __init__(self, stream):
        self._parser = yaml.cyaml.CParser(stream)  # type: ignore[attr-defined]  # types-PyYAML omits it
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


def _compose(text: str):
    if not yaml.__with_libyaml__:
        return yaml.compose(text, Loader=_Loader)
    aliased = ("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text)  # `in` is 100 times faster
    return yaml.compose(text, Loader=_EventLoader if aliased else yaml.CSafeLoader)


def parse_yaml(text: str, display: str, first_line: int = 1) -> tuple[object, dict[tuple, Position], list[Problem]]:
    """The data of a YAML text, where each value sits by key path, and its problems.

    A mapping entry's position is its key's; a list item's is the item's. On a fault that stops the
    parse, the data is {} and the positions are empty.
    """
    positions: dict[tuple, Position] = {}
    data, problems = _parse(text, display, first_line, positions)
    return data, positions, problems


def parse_values(text: str, display: str, first_line: int = 1) -> tuple[object, list[Problem]]:
    """As parse_yaml without the positions: recording them is a third of the walk, and only problems need them."""
    return _parse(text, display, first_line, None)


def _parse(text: str, display: str, first_line: int, positions: dict | None) -> tuple[object, list[Problem]]:
    def where(mark) -> Position:
        return (mark.line + first_line, mark.column + 1)

    problems: list[Problem] = []
    try:
        node = _compose(text)
        return ({}, problems) if node is None else (_walk(node, where, problems, display, "\\" in text, positions),
                                                   problems)
    except (yaml.YAMLError, Refused, RecursionError) as err:
        if positions:
            positions.clear()  # half a walk's positions would point at values that were never returned
        return {}, [_parse_problem(err, text, display, first_line, where)]


def _walk(root, where, problems: list[Problem], display: str, escaped: bool, positions: dict | None):
    """Build the data top-down with an explicit stack: each container is filled after it is placed."""
    data = _start(root, escaped)
    if positions is not None:
        positions[()] = where(root.start_mark)
    todo: list[tuple[yaml.Node, tuple, Any]] = [(root, (), data)] if data.__class__ in (dict, list) else []
    walked: set[int] = set()  # container nodes: one met twice is an alias the anchor search missed
    while todo:
        node, path, container = todo.pop()
        if len(path) >= MAX_DEPTH:
            raise Refused("yaml-syntax", f"the front matter is nested more than {MAX_DEPTH} levels deep",
                          "write each field as 'name: value' with at most a few levels of lists", node.start_mark)
        if id(node) in walked:
            raise Refused("yaml-alias", "a YAML alias repeats part of the front matter",
                          "write the value out in full; anchors and aliases are refused", node.start_mark)
        walked.add(id(node))
        is_list = container.__class__ is list
        for i, pair in enumerate(node.value):
            key_node, value_node = (pair, pair) if is_list else pair
            key = i if is_list else _key(key_node, container, where, problems, display, escaped)
            value = _start(value_node, escaped)
            if is_list:
                container.append(value)
            else:
                container[key] = value
            if positions is not None:
                positions[path + (key,)] = where(key_node.start_mark)
            if value.__class__ in (dict, list):
                todo.append((value_node, path + (key,), value))
    return data


def _start(node, escaped: bool):
    """A scalar's value, or the empty container a mapping or list node will fill; any other tag is refused."""
    kind, tag = node.__class__, node.tag
    if kind is yaml.ScalarNode:
        if tag == _STR:
            if escaped and _SURROGATE.search(node.value):
                raise Refused("not-utf8", _SURROGATE_MESSAGE, _SURROGATE_HINT, node.start_mark)
            return node.value
        if tag in SCALAR_TAGS:
            return _scalar(node)
    elif (kind is yaml.MappingNode and tag == _MAP) or (kind is yaml.SequenceNode and tag == _SEQ):
        return {} if kind is yaml.MappingNode else []
    raise Refused("unsafe-yaml-tag", f"the YAML tag '{tag}' is not allowed",
                  "remove the '!!' tag and write a plain value", node.start_mark)


def _scalar(node):
    """A number, date, true/false or null: immutable, and the same few repeat in every file, so built once."""
    key = (node.tag, node.value)
    if key not in _BUILT:
        try:
            value = _SCALARS.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            # A timestamp like 2026-02-30 resolves as a date but cannot be built: keep the text for the date rule.
            value = node.value
        finally:
            _SCALARS.constructed_objects.clear()
        if len(_BUILT) < 10_000 and len(node.value) < 40:
            _BUILT[key] = value
        return value
    return _BUILT[key]


def _key(node, mapping: dict, where, problems: list[Problem], display: str, escaped: bool):
    """A field name: plain text or a number, and reported when the mapping already has it."""
    key = _start(node, escaped) if node.__class__ is yaml.ScalarNode else None
    if key.__class__ is not str and key.__class__ is not int:  # not a bool, a date, null or a list either
        raise Refused("front-matter-not-mapping", "a field name must be plain text",
                      "write each field as 'name: value'", node.start_mark)
    if key in mapping:
        line, col = where(node.start_mark)
        problems.append(Problem(display, line, col, "duplicate-key",
                                f"the field '{key}' appears more than once",
                                "keep one of them; YAML would silently use only the last"))
    return key


def _parse_problem(err, text: str, display: str, first_line: int, where) -> Problem:
    if isinstance(err, Refused):
        line, col = where(err.mark)
        return Problem(display, line, col, err.code, err.message, err.hint)
    if isinstance(err, yaml.MarkedYAMLError):
        mark = err.problem_mark or err.context_mark
        line, col = where(mark)
        if "nesting depth" in str(err.problem):  # libyaml stops at 1,000 levels
            return Problem(display, line, col, "yaml-syntax", "the front matter is nested too deeply to read",
                           "write each field as 'name: value' with at most a few levels of lists")
        if "invalid Unicode character escape" in str(err.problem):  # libyaml refuses "\uD800" itself
            return Problem(display, line, col, "not-utf8", _SURROGATE_MESSAGE, _SURROGATE_HINT)
        return Problem(display, line, col, "yaml-syntax", _yaml_message(err, text), _yaml_hint(text, mark))
    if isinstance(err, yaml.reader.ReaderError):
        at = _offset(text, err.position)
        row, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
        return Problem(display, row + first_line, column + 1, "yaml-syntax",
                       f"the front matter contains the invisible control character U+{err.character:04X}",
                       "delete it (retype the text around it); it often comes from copying out of a PDF")
    return Problem(display, first_line, 1, "yaml-syntax", "the front matter is nested too deeply to read",
                   "write each field as 'name: value' with at most a few levels of lists")


def _offset(text: str, position: int) -> int:
    """libyaml counts a reader error's position in UTF-8 bytes; Python's reader counts characters."""
    if not yaml.__with_libyaml__:
        return position
    return len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))


def _yaml_message(err, text: str) -> str:
    message = " ".join(str(err.problem or err.context or "invalid YAML").split())
    mark = err.problem_mark
    if message == "found character that cannot start any token" and mark and mark.index < len(text):
        message = f"found character {text[mark.index]!r} that cannot start any token"  # as PyYAML's own reader says
    return message


def _yaml_hint(text: str, mark) -> str:
    lines = text.split("\n")
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in line:
        return "YAML does not allow tab characters for indentation; use spaces"
    return "check this line's indentation, colons and quotes; text containing ': ' must be in quotes"
