"""Live preview: regenerate docs/ whenever content/ changes while `mkdocs serve` rebuilds from docs/."""
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prss.site.build import REPO, Preview, generate  # noqa: E402


def snapshot(folder: Path) -> dict:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def watch(root: Path, preview: Preview, interval: float = 0.2) -> None:
    seen = snapshot(root / "content")
    while True:
        time.sleep(interval)
        now = snapshot(root / "content")
        if now != seen:
            seen = now
            generate(root, preview)  # re-reads and re-renders only what the edit changed


def main(argv=None) -> int:
    """`serve.py [--root ROOT] [mkdocs serve options]`; previews skip the PDFs unless PRSS_PDF=1."""
    args, root = list(sys.argv[1:] if argv is None else argv), REPO
    if args[:1] == ["--root"] and len(args) > 1:
        root, args = Path(args[1]).resolve(), args[2:]
    os.environ.setdefault("PRSS_PDF", "0")
    if "--clean" not in args:  # rebuild only the pages whose Markdown changed: docs/ holds every relation already
        args[:0] = ["--dirty", "--no-strict"]  # a dirty build always warns; `make site` stays strict
    preview = Preview()
    if generate(root, preview):
        return 1
    threading.Thread(target=watch, args=(root, preview), daemon=True).start()
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(root / "mkdocs.yml"),
                            *args], cwd=root)


if __name__ == "__main__":
    sys.exit(main())
