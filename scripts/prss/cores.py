"""How many cores this process may use: the one figure every parallel step sizes itself by.

Every step that uses several processes (the link gate in verify/links.py, the PDFs in pdf/render.py)
asks here.
"""
from __future__ import annotations

import os


def usable() -> int:
    """The cores this process may run on (a container's CPU set, not the machine's count), at least 1."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
