"""Renaming and retiring a practice exactly as the README's Permanent URLs section says: the real library,
with its real ledger, still builds, and every per-page file the ledger lists (page, PDF, BibTeX, RIS) is
still there at the old slug. The builds use the PDFs' one-page stand-ins (PRSS_PDF=0), which are written at
the same paths as the PDFs (pdf/render.page_pdfs); test_pdf.py checks what those PDFs hold."""
import pytest

from conftest import copy_repo
from prss.cli.build import main as build

OLD = "family-peer-support"
RETIRED = 'retired: {date: 2026-05-01, replaced_by: start-family-mentors, reason: "Merged into START family mentors."}'
PER_PAGE = [f"practices/{OLD}/index.html", f"downloads/practices/{OLD}.pdf",
            f"cite/practices-{OLD}.bib", f"cite/practices-{OLD}.ris"]


def add_to_front_matter(text: str, line: str) -> str:
    return text.replace("\nlast_reviewed:", f"\n{line}\nlast_reviewed:", 1)


def built(tmp_path, change) -> tuple[int, object]:
    root = copy_repo(tmp_path)
    practices = root / "content" / "practices"
    ledger = (root / "content" / "published-urls.txt").read_text(encoding="utf-8")
    assert all(f"/{path.removesuffix('index.html')}\n" in ledger for path in PER_PAGE)  # all published
    change(practices)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF", "0")
        return build([str(root)]), root / "site"


def rename(practices):
    """`content/practices/old.md` renamed to `new.md`, with `aliases: [old]` added to `new.md`."""
    old = practices / f"{OLD}.md"
    (practices / "family-support.md").write_text(add_to_front_matter(old.read_text(), f"aliases: [{OLD}]"))
    old.unlink()


def retire(practices):
    path = practices / f"{OLD}.md"
    path.write_text(add_to_front_matter(path.read_text(), RETIRED))


def test_renaming_keeps_every_per_page_file(tmp_path):
    code, site = built(tmp_path, rename)
    assert code == 0 and [path for path in PER_PAGE if not (site / path).is_file()] == []
    bibtex = (site / f"cite/practices-{OLD}.bib").read_text(encoding="utf-8")
    assert "https://prss-library.example.org/practices/family-support/" in bibtex


def test_retiring_keeps_every_per_page_file(tmp_path):
    code, site = built(tmp_path, retire)
    assert code == 0 and [path for path in PER_PAGE if not (site / path).is_file()] == []
    assert "This practice was retired on 2026-05-01" in (site / f"practices/{OLD}/index.html").read_text()
