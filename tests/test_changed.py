"""Changed files linted in full and compared with the whole corpus (git and explicit paths)."""

from __future__ import annotations

import json
import subprocess

import pytest

from pipeline.changed import ChangedError, changed_files
from tests.conftest import have, run_cli

pytestmark = pytest.mark.skipif(not have("git"), reason="needs git")

CUTOFF = "miscarriage.cutoff_weeks"
TWENTY = "004_de792eee956c9f0d.txt"  # says 20 weeks; 000 and 001 say 16
# the 16-vs-20 disagreement: facts.reference when the reference decides (16 weeks, NVOG), with the
# leaflets that agree with it as related places; facts.conflict where no reference decides
CROSS = {"facts.conflict", "facts.reference"}


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=repo,
                   check=True, capture_output=True)


@pytest.fixture
def repo(seeds_copy):
    root = seeds_copy.parent
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "leaflets as adopted")
    return root


def _lint(repo, *args):
    r = run_cli("lint", *args, "--format", "json", cwd=repo)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)["diagnostics"], r.stderr


def _touch(path, line="Deze folder is herzien in 2026.\n"):
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line, encoding="utf-8")


@pytest.mark.parametrize("edited", [TWENTY, "000_43f8e8ab3b97e02a.txt"])
def test_changed_still_reports_the_16_vs_20_weeks_conflict(repo, edited):
    _touch(repo / "leaflets" / edited)
    found, _err = _lint(repo, "--changed", "--corpus", "leaflets")
    conflict = [d for d in found if d["rule"] in CROSS and d["fact"] == CUTOFF]
    assert len(conflict) == 1 and conflict[0]["path"] == f"leaflets/{TWENTY}"
    assert {r["path"] for r in conflict[0]["related"] if "leaflets/" in r["path"]} == {"leaflets/000_43f8e8ab3b97e02a.txt",
                                                           "leaflets/001_798a557aa7b9348b.txt"}
    # document findings only for the changed leaflet; other leaflets appear only through it
    for d in found:
        assert d["path"] == f"leaflets/{edited}" or any(r["path"] == f"leaflets/{edited}" for r in d["related"])


def test_untracked_leaflets_count_as_changed_and_unchanged_ones_are_quiet(repo):
    found, _err = _lint(repo, "--changed", "--corpus", "leaflets")
    assert found == []
    (repo / "leaflets" / "new.md").write_text("# Nieuw\n\nEen miskraam is het verlies van een zwangerschap tot "
                                              "24 weken.\n", encoding="utf-8")
    found, _err = _lint(repo, "--changed", "HEAD", "--corpus", "leaflets")
    assert {d["path"] for d in found} >= {"leaflets/new.md"}
    assert any(d["rule"] in CROSS and d["fact"] == CUTOFF and d["path"] == "leaflets/new.md" for d in found)


def test_explicit_files_with_and_without_a_corpus(repo):
    only = f"leaflets/{TWENTY}"
    found, err = _lint(repo, only)
    assert not any(d["related"] and d["rule"] in CROSS for d in found)  # no other leaflet to meet
    assert "--corpus" in err  # the note: cross-leaflet rules saw only the given leaflet
    found, err = _lint(repo, only, "--corpus", "leaflets")
    assert any(d["rule"] in CROSS and d["fact"] == CUTOFF and d["related"] for d in found)
    assert "--corpus" not in err


def test_changed_names_git_when_it_cannot_answer(repo, tmp_path_factory):
    with pytest.raises(ChangedError, match="bad revision|unknown revision"):
        changed_files("no-such-ref", repo)
    outside = tmp_path_factory.mktemp("not-a-repository")
    r = run_cli("lint", "--changed", "--corpus", outside, cwd=outside)
    assert r.returncode == 2 and "git" in r.stderr


def test_exclude_globs_from_the_command_line_and_the_config(repo):
    drafts = repo / "leaflets" / "concepten"
    drafts.mkdir()
    (drafts / "x.md").write_text("# Concept\n\nEen miskraam tot 24 weken, curetage.\n", encoding="utf-8")
    found, _err = _lint(repo, "leaflets", "--select", "spelling")
    assert any(d["path"].startswith("leaflets/concepten/") for d in found)
    for pattern in ("concepten", "concepten/*.md", "*/concepten/x.md"):
        found, _err = _lint(repo, "leaflets", "--select", "spelling", "--exclude", pattern)
        assert found and not any("concepten" in d["path"] for d in found), pattern
    (repo / "leaflint.yaml").write_text("exclude: ['concepten/']\n", encoding="utf-8")
    found, _err = _lint(repo, "leaflets", "--select", "spelling", "--exclude", "002_*")
    assert found and not any("concepten" in d["path"] or "002_" in d["path"] for d in found)


def test_pre_commit_hook_runs_on_the_staged_leaflet_against_the_corpus(repo):
    import re
    import shlex

    from ruamel.yaml import YAML

    from tests.conftest import ROOT

    hooks = YAML(typ="safe", pure=True).load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:  # the keys pre-commit's manifest requires, and what this hook relies on
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["pass_filenames"] is True
    hook = hooks[0]
    files = re.compile(hook["files"])
    assert files.search(f"leaflets/{TWENTY}") and files.search("sources/leaflets/a.docx")
    assert not files.search("README.md") and not files.search("requirements.txt")
    # what pre-commit runs: the entry, then the staged files that match `files`
    (repo / "leaflint.yaml").write_text("sources: .\n", encoding="utf-8")  # the library's leaflets/ folder
    _touch(repo / "leaflets" / "000_43f8e8ab3b97e02a.txt")
    _git(repo, "add", "-A")
    staged = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=repo, capture_output=True,
                            text=True, check=True).stdout.split()
    argv = shlex.split(hook["entry"])[1:] + [f for f in staged if files.search(f)]
    r = run_cli(*argv, cwd=repo)
    assert r.returncode == 1, r.stderr
    assert f"leaflets/{TWENTY}:2:58: error facts." in r.stdout  # the 16-vs-20 weeks finding
