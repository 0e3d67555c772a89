"""A build that fails, is interrupted or meets a bad disk leaves the previous site/ as it was and says why.

The interruptions are real: `scripts/build.py` in its own process, stopped by SIGINT (Ctrl-C reaches the
whole process group, MkDocs included) or SIGTERM (to the build alone) while MkDocs writes.
"""
import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, make_root
from prss.cli import build
from prss.site import staging
from prss.site.mkdocs import problem_lines
from prss.site.sources import docs_source

QRT = "content/practices/quick-response-teams.md"


def files(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture library, built once (PDF stand-ins)."""
    root = make_root(tmp_path_factory.mktemp("built"))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PRSS_PDF", "0")
        assert build.main([str(root)]) == 0
    return root


@pytest.fixture
def root(built, tmp_path, monkeypatch):
    """A copy of the built library, its site/ as the previous build left it."""
    monkeypatch.setenv("PRSS_PDF", "0")
    return shutil.copytree(built, tmp_path / "library", symlinks=True)


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob(".site.*"))


@pytest.mark.parametrize("signum, to_group", [(signal.SIGINT, True), (signal.SIGTERM, False)])
def test_an_interrupted_build_leaves_site_as_it_was(root, signum, to_group):
    before = files(root / "site")
    run = subprocess.Popen([sys.executable, str(REPO / "scripts/build.py"), str(root)], start_new_session=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while not leftovers(root) and run.poll() is None:  # wait until MkDocs is writing the new site
        time.sleep(0.02)
    (os.killpg if to_group else os.kill)(run.pid, signum)
    err = run.communicate(timeout=120)[1]
    assert run.returncode == 128 + signum and "Traceback" not in err
    assert f"stopped by {signal.Signals(signum).name}; site/ was left as it was" in err
    assert files(root / "site") == before and leftovers(root) == []


def test_a_failed_gate_leaves_site_as_it_was(root, capsys):
    before = files(root / "site")
    # a link the checker cannot judge (outside the content's pages), so the gate after MkDocs is what fails
    text = (root / QRT).read_text(encoding="utf-8") + "\nSee [the old guide](../../downloads/old-guide/).\n"
    (root / QRT).write_text(text, encoding="utf-8")
    assert build.main([str(root)]) == 1
    assert "broken link '../../downloads/old-guide/'" in capsys.readouterr().err
    assert files(root / "site") == before and leftovers(root) == []


def test_a_second_build_in_the_same_tree_stops_at_once(root, capsys):
    with staging.lock(root):
        assert build.main([str(root)]) == 1
    assert f"another build is running in {root}; wait for it to finish" in capsys.readouterr().err


@pytest.mark.parametrize("code, hint", [(errno.ENOSPC, "free some disk space"),
                                        (errno.EROFS, "the folder is on a read-only file system")])
def test_a_docs_folder_that_cannot_be_written_is_one_clear_error(root, monkeypatch, capsys, code, hint):
    def refuse(path, data):
        raise OSError(code, os.strerror(code), str(path))
    monkeypatch.setattr(Path, "write_bytes", refuse)
    (root / QRT).write_text((root / QRT).read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert build.main([str(root)]) == 1
    err = capsys.readouterr().err
    assert f"error: cannot write docs/practices/quick-response-teams.md: {os.strerror(code)}" in err
    assert f"hint: {hint}" in err and "Traceback" not in err


def test_a_site_folder_that_cannot_be_written_is_one_clear_error(root, monkeypatch, capsys):
    before, real = files(root / "site"), Path.mkdir

    def mkdir(path, *args, **kwargs):
        if path.name.startswith(".site.new-"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real(path, *args, **kwargs)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    assert build.main([str(root)]) == 1
    err = capsys.readouterr().err
    assert f"build.py: error: cannot write .site.new-{os.getpid()}: {os.strerror(errno.EROFS)}" in err
    assert "Traceback" not in err and files(root / "site") == before


@pytest.mark.parametrize("pdf", ["0", "1"])
def test_a_lone_surrogate_in_a_title_stops_the_build_with_its_file(root, monkeypatch, capsys, pdf):
    monkeypatch.setenv("PRSS_PDF", pdf)
    text = (root / QRT).read_text(encoding="utf-8")
    (root / QRT).write_text(re.sub(r"(?m)^title: .*$", r'title: "Post\\uD800 overdose outreach"', text, count=1),
                            encoding="utf-8")
    assert build.main([str(root)]) == 1
    err = capsys.readouterr().err
    assert (f"{QRT} holds the character U+D800, which no file can hold" in err or f"{QRT}:2:" in err) \
        and "Traceback" not in err


def test_after_mkdocs_fails_its_real_error_is_shown(root, capsys):
    (root / "boom.py").write_text("def on_config(config):\n    raise RuntimeError('the theme is gone')\n")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "hooks:\n  - boom.py\n")
    assert build.main([str(root)]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError: the theme is gone" in err and "mkdocs build --strict failed" in err


def test_mkdocs_warnings_name_the_content_file(root):
    output = ("INFO    -  Building documentation...\n"
              "WARNING -  Doc file 'practices/quick-response-teams.md' contains a link 'gone.md', but the target "
              "is not found among documentation files.\n"
              "WARNING -  Doc file 'contributing.md' contains a link 'x.md', but the target is not found ...\n")
    assert problem_lines(root, output, 1) == [
        "WARNING -  Doc file 'content/practices/quick-response-teams.md' contains a link 'gone.md', but the target "
        "is not found among documentation files.",
        "WARNING -  Doc file 'docs/contributing.md (generated)' contains a link 'x.md', but the target is not "
        "found ..."]


@pytest.mark.parametrize("rel, source", [
    ("practices/quick-response-teams.md", QRT),
    ("practices/gone.md", None),  # a redirect at an alias: generated
    ("mentors/project-fort.md", "content/mentors/project-fort.md"),
    ("settings/jails.md", "content/settings.yml"),
    ("evidence/promising.md", "content/evidence-levels.yml"),
    ("index.md", "content/pages/index.md"),
    ("practices/index.md", None),
    ("contributing.md", None),
])
def test_docs_source(root, rel, source):
    assert docs_source(root, rel) == source
