"""Live preview: regenerate docs/ whenever content/ changes while `mkdocs serve` rebuilds from docs/."""
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.build import REPO, generate  # noqa: E402


def snapshot(folder: Path) -> dict:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def watch(root: Path, interval: float = 0.5) -> None:
    seen = snapshot(root / "content")
    while True:
        time.sleep(interval)
        now = snapshot(root / "content")
        if now != seen:
            seen = now
            generate(root)


def main() -> int:
    if generate(REPO):
        return 1
    threading.Thread(target=watch, args=(REPO,), daemon=True).start()
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(REPO / "mkdocs.yml"),
                            *sys.argv[1:]], cwd=REPO)


if __name__ == "__main__":
    sys.exit(main())
