"""The contributor guide and the review queue: generated from the model, CODES and front-matter dates."""
import datetime as dt
import json

import pytest

from conftest import make_root
from prss.cli.check import main as check
from prss.config import read_site
from prss.content.library import load_library
from prss.model import MENTOR_FIELDS, PRACTICE_FIELDS
from prss.problems import CODES
from prss.render.guide import FIXES, render_guide, review_queue

OLD = "content/practices/quick-response-teams.md"


def stale_root(tmp_path, reviewed="2020-01-15"):
    root = make_root(tmp_path)
    text = (root / OLD).read_text(encoding="utf-8")
    (root / OLD).write_text(text.replace("last_reviewed: 2026-11-29", f"last_reviewed: {reviewed}"), "utf-8")
    return root


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("guide"))
    return render_guide(load_library(root).library, read_site(root))["contributing.md"]


def test_guide_lists_every_field_and_code_with_a_fix(guide):
    for field in PRACTICE_FIELDS + MENTOR_FIELDS:
        assert f"| `{field.name}` | {'yes' if field.required else 'no'} | {field.help}" in guide
    for code, meaning in CODES.items():
        assert f"| `{code}` | {meaning} | {FIXES.get(code, 'Run `make check`')}" in guide


def test_fixes_name_only_real_codes():
    assert sorted(set(FIXES) - set(CODES)) == []


def test_guide_covers_evidence_citing_renaming_and_preview(guide):
    for words in ("| `promising` | Promising |", "`[1]` is the first entry", "aliases: [old-name]",
                  "make serve", "make new-practice TITLE=", "review queue"):
        assert words in guide


def test_stale_review_warns_without_failing(tmp_path, capsys):
    assert check([str(stale_root(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert f"{OLD}:24:1: warning: the evidence was last reviewed on 2020-01-15" in out
    assert out.splitlines()[-1].startswith("1 problem (0 errors, 1 warnings)")


def test_review_queue_lists_overdue_and_due_soon(tmp_path):
    library = load_library(stale_root(tmp_path)).library
    overdue, soon = review_queue(library, dt.date(2026, 11, 29))
    assert [d.path for d in overdue] == ["practices/quick-response-teams.md"]
    overdue, soon = review_queue(library, dt.date(2028, 10, 1))
    assert [d.path for d in soon] == ["practices/ed-peer-recovery-coaching.md", "mentors/project-fort.md"]


def test_review_queue_page_links_the_overdue_practice(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795996800")  # 2026-11-30
    root = stale_root(tmp_path)
    page = render_guide(load_library(root).library, read_site(root))["review-queue.md"]
    assert "This list was made on 2026-11-30." in page
    assert "| [Post-overdose outreach and Quick Response Teams](practices/quick-response-teams.md) | practice " \
           "| 2020-01-15 | 2022-01-14 |" in page


def test_built_site_has_guide_queue_schemas_and_redirect_rules(repo_site):
    guide = (repo_site / "contributing/index.html").read_text(encoding="utf-8")
    assert 'href="../review-queue/"' in guide and "What the checker" in guide
    assert json.loads((repo_site / "schemas/practice.schema.json").read_bytes())["title"] == "Practice front matter"
    assert (repo_site / "_redirects").is_file() and (repo_site / "nginx-redirects.conf").is_file()
