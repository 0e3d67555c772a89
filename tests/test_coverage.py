"""The real library covers PRSSMI: every objective and intercept has practices, every mentor is linked."""
import pytest

from conftest import REPO
from prss.content.library import load_library

LOADED = load_library(REPO)
LIBRARY = LOADED.library


def test_the_library_passes_the_checker():
    assert [str(p) for p in LOADED.problems if p.level == "error"] == []


@pytest.mark.parametrize("objective", [o.id for o in LIBRARY.objectives])
def test_each_objective_has_a_practice(objective):
    assert LIBRARY.practices_where("objectives", objective)


@pytest.mark.parametrize("intercept", range(6))
def test_each_intercept_has_a_practice(intercept):
    assert LIBRARY.practices_where("intercepts", intercept)


@pytest.mark.parametrize("mentor", [m.slug for m in LIBRARY.mentors])
def test_each_mentor_is_linked_from_a_practice(mentor):
    assert LIBRARY.practices_where("mentors", mentor)


def test_at_least_twenty_practices_each_with_references():
    assert len(LIBRARY.practices) >= 20
    assert all(p.references for p in LIBRARY.practices + LIBRARY.mentors)
