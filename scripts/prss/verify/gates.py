"""The gates a built site must pass before it replaces site/: nothing lost, every published URL, every link."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TextIO

from prss.content.permalinks import built_urls
from prss.site.sources import page_source
from prss.verify import links
from prss.verify.ledger import Base, base_ledger, ledger_errors


def gate_errors(root: Path, site_dir: Path, site_url: str, log: TextIO | None = None) -> list[str]:
    """Every gate's errors for the site built from root into site_dir; notes go to `log` (stderr)."""
    base = base_ledger(root)
    if base.note:
        print(f"note: {base.note}", file=log or sys.stderr)
    return count_pages(root, site_dir) + unbuilt_urls(root, site_dir, base) + link_errors(root, site_dir, site_url)


def count_pages(root: Path, site_dir: Path) -> list[str]:
    """Nothing lost: each content file must have produced exactly one page."""
    errors = []
    for section in ("practices", "mentors"):
        sources = sorted(p.stem for p in (root / "content" / section).glob("*.md"))
        built = sorted(p.parent.name for p in (site_dir / section).glob("*/index.html"))
        missing = sorted(set(sources) - set(built))
        if missing:
            errors.append(f"{section}: {len(sources)} files but {len(built)} pages; no page for "
                          + ", ".join(f"content/{section}/{slug}.md" for slug in missing))
    return errors


def unbuilt_urls(root: Path, site_dir: Path, base: Base | None = None) -> list[str]:
    """Ledger URLs, this change's and the base branch's, that the built site does not serve."""
    return ledger_errors(root, set(built_urls(site_dir)), base or base_ledger(root))


def link_errors(root: Path, site_dir: Path, site_url: str) -> list[str]:
    """Every broken link of the site and its PDFs; a page's link names the content file the page comes from."""
    report = links.check_site(site_dir, site_url)
    broken = [dataclasses.replace(b, source=page_source(root, b.path) or "") for b in report.broken]
    return [str(b) for b in broken] + links.pdf_errors(site_dir)
