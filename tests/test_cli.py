"""Every command line: `--help` works even under `python -OO` (no docstrings), and usage errors exit 2."""
import subprocess
import sys

import pytest

from conftest import REPO

SCRIPTS = sorted(p.name for p in (REPO / "scripts").glob("*.py"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-OO", *args], capture_output=True, text=True, cwd=REPO)


def test_every_script_is_listed():
    assert {"build.py", "check_content.py", "serve.py", "bench.py"} <= set(SCRIPTS) and len(SCRIPTS) == 9


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_works_without_docstrings(script):
    done = run(f"scripts/{script}", "--help")
    assert (done.returncode, done.stderr) == (0, "") and done.stdout.startswith(f"usage: {script}")


@pytest.mark.parametrize("script", ["build.py", "check_content.py", "check_links.py", "ledger.py", "pdf.py",
                                    "offline.py", "bench.py", "new_content.py"])
def test_an_unknown_option_is_a_usage_error(script):
    done = run(f"scripts/{script}", "--no-such-option")
    assert done.returncode == 2 and "Traceback" not in done.stderr


@pytest.mark.parametrize("script", ["build.py", "check_content.py"])
def test_a_root_without_content_is_a_usage_error(script, tmp_path):
    done = run(f"scripts/{script}", str(tmp_path))
    assert done.returncode == 2 and f"{tmp_path} has no content/ folder" in done.stderr
