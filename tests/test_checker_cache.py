"""The checker's shortcuts change nothing: the cache a preview passes, and parsing without positions."""
import datetime as dt
import os

import pytest
from hypothesis import given

from conftest import make_root
from prss.content import files as filecheck
from prss.content import frontmatter, parser
from prss.content.library import load_library
from prss.problems import has_errors
from test_hostile import FUZZ, documents

TODAY = dt.date(2027, 1, 1)
PRACTICE = "content/practices/quick-response-teams.md"


@pytest.fixture
def settled(monkeypatch):
    """Trust every stamp at once: these files are a moment old, where a real edit waits two seconds."""
    monkeypatch.setattr(filecheck, "RACY_NS", 0)


def edit(root, old: str, new: str) -> None:
    path = root / PRACTICE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def same(loaded, other) -> bool:
    return (loaded.problems, loaded.built, loaded.files) == (other.problems, other.built, other.files)


def test_cached_reload_equals_a_fresh_load_as_a_problem_comes_and_goes(tmp_path, settled):
    root, cache = make_root(tmp_path), {}
    load_library(root, TODAY, cache=cache)
    edit(root, "without them [1].", "without them [17].")
    broken = load_library(root, TODAY, cache=cache)
    assert same(broken, load_library(root, TODAY)) and "unknown-citation" in [p.code for p in broken.problems]
    edit(root, "without them [17].", "without them [1].")
    fixed = load_library(root, TODAY, cache=cache)
    assert same(fixed, load_library(root, TODAY)) and not has_errors(fixed.problems)


def test_reload_reads_only_the_edited_file(tmp_path, settled, monkeypatch):
    root, cache, read = make_root(tmp_path), {}, []
    load_library(root, TODAY, cache=cache)
    monkeypatch.setattr(filecheck, "read_document", lambda path, display, raw=None: read.append(display)
                        or frontmatter.read_document(path, display, raw))
    edit(root, "without them [1].", "without them [1], [1].")
    load_library(root, TODAY, cache=cache)
    assert read == [PRACTICE]


def test_files_too_new_for_their_stamps_are_compared_by_their_bytes(tmp_path, monkeypatch):
    """A library read just after it was written (every stamp too recent to trust) is parsed again only where
    its bytes changed; an edit keeping size and mtime is seen."""
    root, cache, read = make_root(tmp_path), {}, []
    load_library(root, TODAY, cache=cache)
    monkeypatch.setattr(filecheck, "read_document", lambda path, display, raw=None: read.append(display)
                        or frontmatter.read_document(path, display, raw))
    before = (root / PRACTICE).stat()
    edit(root, "without them [1].", "without them [7].")
    os.utime(root / PRACTICE, ns=(before.st_atime_ns, before.st_mtime_ns))
    cached = load_library(root, TODAY, cache=cache)
    assert read == [PRACTICE] and same(cached, load_library(root, TODAY))


def test_an_unchanged_practice_is_checked_again_when_its_mentor_goes(tmp_path, settled):
    root, cache = make_root(tmp_path), {}
    load_library(root, TODAY, cache=cache)
    (root / "content/mentors/project-fort.md").unlink()
    cached = load_library(root, TODAY, cache=cache)
    assert same(cached, load_library(root, TODAY)) and "unknown-mentor" in [p.code for p in cached.problems]


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path, settled):
    root, cache = make_root(tmp_path), {}
    load_library(root, TODAY, cache=cache)
    before = (root / PRACTICE).stat()
    edit(root, "without them [1].", "without them [7].")
    os.utime(root / PRACTICE, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert same(load_library(root, TODAY, cache=cache), load_library(root, TODAY))


def typed(value):
    """A value with every type spelled out, since 1 == 1.0 == True."""
    if isinstance(value, dict):
        return [(typed(k), typed(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [typed(v) for v in value]
    return type(value).__name__, repr(value)


@FUZZ
@given(documents())
def test_parsing_without_positions_builds_what_parsing_with_them_does(text):
    front = text[4:].split("---\n")[0]
    data, _, problems = parser.parse_yaml(front, "fuzz.md")
    values, values_problems = parser.parse_values(front, "fuzz.md")
    assert (typed(values), values_problems) == (typed(data), problems)
