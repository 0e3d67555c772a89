"""The README stays current: every front-matter field and every checker code is documented."""
import pytest

from conftest import REPO
from prss.model import MENTOR_FIELDS, PAGE_FIELDS, PRACTICE_FIELDS
from prss.problems import CODES

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_code_is_in_readme(code):
    assert f"| `{code}` |" in README


@pytest.mark.parametrize("field", sorted({f.name for f in PRACTICE_FIELDS + MENTOR_FIELDS + PAGE_FIELDS}))
def test_field_is_in_readme(field):
    assert f"| `{field}` |" in README
