"""`make new-practice` / `make new-mentor`: every field stubbed, and the checker names only what is left to fill."""
import re

import pytest

from conftest import make_root
from prss.cli.new import main
from prss.content.library import load_library
from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS
from prss.tools.scaffold import slugify

TITLE_FIELD = {"practice": "title", "mentor": "name"}
FIELDS = {"practice": PRACTICE_FIELDS, "mentor": MENTOR_FIELDS}
# What a writer types into each blank of the stub; with these, the file must pass the checker.
FILL = {
    "summary:\n": "summary: A short summary.\n", "objectives:\n": "objectives: [peer-learning]\n",
    "intercepts:\n": "intercepts: [3]\n", "settings:\n": "settings: [jails]\n",
    "  level:\n": "  level: descriptive\n", '  basis: ""\n': "  basis: A program description.\n",
    "components:\n#": "components:\n", "references:\n#": "references:\n", "\n#    ": "\n    ",
    "last_reviewed:\n": "last_reviewed: 2026-01-01\n", "city:\n": "city: Lancaster\n", "state:\n": "state: OH\n",
    "service_area:\n": "service_area: rural\n", "website:\n": "website: https://example.org/\n",
    "cohort:\n": "cohort: 2020\n", "\n#  - ": "\n  - ",
}


def scaffold(tmp_path, kind, title="Jail peer navigation (MOUD)"):
    root = make_root(tmp_path)
    assert main([kind, title, "--root", str(root)]) == 0
    return root, next((root / "content" / f"{kind}s").glob(f"{slugify(title)}.md"))


@pytest.mark.parametrize("kind", ["practice", "mentor"])
def test_checker_names_exactly_the_fields_left_to_fill(tmp_path, kind):
    root, path = scaffold(tmp_path, kind)
    problems = load_library(root).problems
    assert {p.path for p in problems} == {path.relative_to(root).as_posix()}
    named = {re.search(r"'([a-z_.]+)'", p.message).group(1) for p in problems if p.code != "placeholder-text"}
    required = {f.name for f in FIELDS[kind] if f.required} - {TITLE_FIELD[kind]}
    assert named == required | ({"evidence.basis"} if kind == "practice" else set())
    assert {p.code for p in problems} == {"empty-value", "placeholder-text"} | \
        ({"missing-field"} if kind == "practice" else set())


@pytest.mark.parametrize("kind", ["practice", "mentor"])
def test_filled_in_scaffold_passes(tmp_path, kind):
    root, path = scaffold(tmp_path, kind)
    text = path.read_text(encoding="utf-8")
    for blank, value in FILL.items():
        text = text.replace(blank, value)
    path.write_text(re.sub(r"TODO: .*", "Text citing [1].", text), encoding="utf-8")
    assert load_library(root).problems == []


@pytest.mark.parametrize("kind", ["practice", "mentor"])
def test_every_field_is_stubbed_with_its_allowed_values(tmp_path, kind):
    text = scaffold(tmp_path, kind)[1].read_text(encoding="utf-8")
    for field in FIELDS[kind]:
        note = re.search(rf"# allowed: (.*)\n(?:#[^\n]*\n)*(?:# )?{field.name}:", text)
        assert note, f"{field.name} has no stub with an 'allowed:' note"
    assert "spread-practice (Spread evidence-supported practice)" in text or kind == "mentor"
    assert "hospital-ed (Hospital / emergency department)" in text


def test_refuses_to_overwrite(tmp_path, capsys):
    root, path = scaffold(tmp_path, "practice")
    path.write_text("my work", encoding="utf-8")
    assert main(["practice", "Jail peer navigation (MOUD)", "--root", str(root)]) == 1
    assert path.read_text(encoding="utf-8") == "my work"
    assert "content/practices/jail-peer-navigation-moud.md already exists" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["practice", "  "], ["practice", "X", "--slug", "Bad Slug"], ["page", "X"],
                                  ["mentor", "中文"]])
def test_usage_errors_exit_two(tmp_path, argv):
    assert main(argv + ["--root", str(make_root(tmp_path))]) == 2


@pytest.mark.parametrize("title, slug", [
    ("Jail peer navigation (MOUD)", "jail-peer-navigation-moud"),
    ("Recovery Café — Ohio's approach", "recovery-cafe-ohios-approach"),
    ("Peer " * 30, "-".join(["peer"] * 12)),
])
def test_slug_from_title(title, slug):
    assert slugify(title) == slug
