"""The skip link's script: docs/assets/prss-skip.js, so "Skip to content" moves keyboard focus (issue 7)."""
from __future__ import annotations

from pathlib import Path

SCRIPT = Path(__file__).parent / "assets" / "skip.js"
SCRIPT_PATH = "assets/prss-skip.js"


def produce(library, site) -> dict[str, str]:
    return {SCRIPT_PATH: SCRIPT.read_text(encoding="utf-8")}
