"""Hostile input: the golden cases marked `group: hostile`, and a Hypothesis fuzz of the loader.

Whatever bytes a content file holds, loading returns Problems (with a known code); it never raises.
"""
import datetime as dt
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CASES, load_case, make_root
from prss.cli.check import main
from prss.content import parser
from prss.content.frontmatter import parse_yaml, read_document
from prss.content.library import load_library
from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS
from prss.problems import CODES, Problem
from test_checker import case_root, codes

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
HOSTILE = [p for p in sorted(CASES.glob("*.yml")) if load_case(p).get("group") == "hostile"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
                    st.dates(), st.sampled_from(["peer-learning", "jails", "descriptive", "n.d.", "<b>x</b>"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) |
                      st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=20)
field_names = st.sampled_from(sorted({f.name for f in PRACTICE_FIELDS + MENTOR_FIELDS}) + ["Title", "", "1"])
front_matter = st.dictionaries(field_names, values, max_size=8)
# Fragments that have broken YAML loaders or renderers before: tags, anchors, tabs, CRs, BOMs, control
# characters, escapes for half a character, attribute lists, bidi overrides, fences.
hazards = st.sampled_from(["!!python/object:os.system ", "&a ", "*a ", "\t", "\r", "\ufeff", "\x00", "---\n",
                           "? ", "{", "[", "'", '"', ": ", "- ", "%TAG ! x\n", "!!binary ", "!<!> ", "\n  ",
                           '"\\uD800"', '"\\e[31m"', "{: onclick=x }", "<", "\u202e", "```\n", "\n# x\n"])


@st.composite
def documents(draw) -> str:
    """A practice file: generated front matter, sometimes with a hazard spliced in, then a body."""
    text = yaml.safe_dump(draw(front_matter), allow_unicode=True, default_flow_style=draw(st.booleans()))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(hazards) + text[at:]
    return f"---\n{text}---\n{draw(st.text(max_size=80))}\n"


def test_at_least_forty_hostile_cases():
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_hostile_case_exits_one_with_its_problems(path, tmp_path, capsys):
    root = case_root(tmp_path, case := load_case(path))
    assert main([str(root)]) == 1
    out = capsys.readouterr().out
    assert all(f"[{code}]" in out for code in codes(case["expect"])) and "Traceback" not in out


def assert_only_problems(problems):
    assert all(isinstance(p, Problem) and p.code in CODES and p.line >= 1 for p in problems)


@FUZZ
@given(st.text(max_size=300))
def test_parse_yaml_returns_problems_for_any_text(text):
    data, positions, problems = parse_yaml(text, "fuzz.md")
    assert_only_problems(problems)


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory):
    return make_root(tmp_path_factory.mktemp("fuzz"))


@FUZZ
@given(st.binary(max_size=400) | documents().map(lambda t: t.encode("utf-8")))
def test_read_document_returns_problems_for_any_bytes(fuzz_root, raw):
    path = fuzz_root / "content" / "practices" / "fuzz.md"
    path.write_bytes(raw)
    assert_only_problems(read_document(path, "fuzz.md").problems)


@FUZZ
@given(documents(), st.sampled_from(["practices", "mentors", "pages"]))
def test_load_library_reports_problems_and_never_raises(fuzz_root, text, section):
    for path in (fuzz_root / "content").glob("*/fuzz.md"):
        path.unlink()
    (fuzz_root / "content" / section / "fuzz.md").write_text(text, encoding="utf-8")
    loaded = load_library(fuzz_root, today=dt.date(2026, 6, 1))
    assert_only_problems(loaded.problems)
    assert loaded.ok == (not any(p.level == "error" for p in loaded.problems))


def test_an_alias_the_anchor_search_misses_is_still_refused(monkeypatch):
    monkeypatch.setattr(parser, "_ANCHOR_OR_ALIAS", re.compile(r"(?!)"))  # libyaml's composer gets the alias
    assert [p.code for p in parser.parse_yaml("a: &x [1, 2]\nb: *x\n", "x.md")[2]] == ["yaml-alias"]
