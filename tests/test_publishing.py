"""Publishing: the GitHub workflows, the problem matchers, the pre-commit hook and the 301 rules for static hosts."""
import json
import re
import shlex
import subprocess
import sys

import pytest
import yaml

from conftest import REPO, make_root
from prss.config import Site
from prss.content.library import load_library
from prss.render.hosting import netlify_redirects, nginx_map

WORKFLOWS = [REPO / ".github/workflows/ci.yml", REPO / ".github/workflows/deploy.yml"]
QRT = "content/practices/quick-response-teams.md"


def workflow(name: str) -> dict:
    return yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))


def steps(job: dict) -> str:
    return "\n".join(str(step.get("run", step.get("uses"))) for step in job["steps"])


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflows_are_valid_offline(schema):
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                             *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_run_make_test():
    ci = workflow("ci.yml")
    assert "pull_request" in ci[True]  # YAML 1.1 reads the key `on` as true
    assert "make test" in steps(ci["jobs"]["test"]) and "chromium" in steps(ci["jobs"]["test"])


def test_deploy_publishes_site_pdfs_and_data_to_pages():
    jobs = workflow("deploy.yml")["jobs"]
    build = steps(jobs["build"])
    assert build.index("make site") < build.index("site/downloads/prss-resource-library.pdf") \
        < build.index("site/data/practices.json") < build.index("actions/upload-pages-artifact")
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert steps(jobs["deploy"]).startswith("actions/deploy-pages")


@pytest.fixture(scope="module")
def checker_output(tmp_path_factory):
    files = {"content/practices/x.md": "---\ntitle: X\nsummary: ''\n---\nBody\n"}
    root = make_root(tmp_path_factory.mktemp("bad"), files)
    result = subprocess.run([sys.executable, str(REPO / "scripts/check_content.py"), str(root)],
                            capture_output=True, text=True)
    return result.returncode, result.stdout


@pytest.mark.parametrize("path, keys", [(".github/prss-problem-matcher.json", ("problemMatcher", 0, "pattern", 0)),
                                        (".vscode/tasks.json", ("tasks", 0, "problemMatcher", "pattern"))])
def test_problem_matchers_read_checker_lines(checker_output, path, keys):
    pattern = json.loads((REPO / path).read_text(encoding="utf-8"))
    for key in keys:
        pattern = pattern[key]
    match = re.match(pattern["regexp"], checker_output[1].splitlines()[0])
    fields = {name: match.group(pattern[name]) for name in ("file", "line", "column", "severity", "code")}
    assert fields == {"file": "content/practices/x.md", "line": "3", "column": "1", "severity": "error",
                      "code": "empty-value"}


def test_pre_commit_config_is_valid():
    command = [sys.executable, "-m", "pre_commit", "validate-config", str(REPO / ".pre-commit-config.yaml")]
    assert subprocess.run(command, capture_output=True).returncode == 0


def test_pre_commit_hook_runs_the_checker(tmp_path, checker_output):
    hook = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert hook["language"] == "system" and hook["pass_filenames"] is False and re.match(hook["files"], QRT)
    command = [sys.executable, *shlex.split(hook["entry"])[1:]]
    assert subprocess.run(command + [str(make_root(tmp_path))], cwd=REPO).returncode == 0
    assert checker_output[0] == 1


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """The fixture library after quick-response-teams.md was renamed from qrt.md and post-overdose-teams.md."""
    root = make_root(tmp_path_factory.mktemp("renamed"))
    text = (root / QRT).read_text(encoding="utf-8")
    (root / QRT).write_text(text.replace("mentors:", "aliases: [qrt, post-overdose-teams]\nmentors:"), "utf-8")
    return load_library(root).library


def test_netlify_rules_force_301_for_every_alias(renamed):
    rules = [line.split() for line in netlify_redirects(renamed, Site("L", "https://x.org/", "1")).splitlines()
             if not line.startswith("#")]
    assert ["/practices/qrt/", "/practices/quick-response-teams/", "301!"] in rules
    assert ["/practices/qrt", "/practices/quick-response-teams/", "301!"] in rules
    assert len(rules) == 6


def test_nginx_map_keeps_the_base_path(renamed):
    conf = nginx_map(renamed, Site("L", "https://org.github.io/prss/", "1"))
    assert "    /prss/practices/post-overdose-teams/ /prss/practices/quick-response-teams/;\n" in conf
    assert conf.count("{") == conf.count("}") and conf.rstrip().endswith("}")
    assert "\nmap_hash_bucket_size 128;\n" in conf  # nginx 1.22 refused these keys with its default of 64
