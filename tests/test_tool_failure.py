"""A check that could not run fails the run (exit 2, the tool's own words) and is never cached."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from pipeline import cache_keys, orchestrate, tools
from pipeline.language.frog import stderr_summary
from pipeline.lint.config import load_config
from pipeline.lint.failure import EngineFailure, ToolFailure, merge
from tests.conftest import run_cli

DT_TEXT = "Soms gebeurd er niets.\n\nBij een curetage wordt de baarmoeder leeggemaakt.\n"
FROG_SAYS = "Initialization failed for: [tokenizer]"
needs_frog = pytest.mark.skipif(shutil.which("frog") is None, reason="frog is not installed")


def _script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _broken_frog(folder: Path) -> Path:
    """A `frog` that fails the way Frog does without ucto's configuration."""
    folder.mkdir(parents=True, exist_ok=True)
    return _script(folder / "frog", f'echo "frog 0.20 (c) CLTS, ILK 1998 - 2020" >&2\necho "{FROG_SAYS}" >&2\nexit 1\n')


def _project(tmp: Path, rules: dict | None = None, leaflets: dict | None = None) -> Path:
    (tmp / "leaflets").mkdir(parents=True)
    for name, text in (leaflets or {"a.txt": DT_TEXT}).items():
        (tmp / "leaflets" / name).write_text(text, encoding="utf-8")
    (tmp / "sources" / "brands").mkdir(parents=True)
    config = {"sources": "sources", "output": "output", "rules": rules or {}}
    (tmp / "leaflint.yaml").write_text(json.dumps(config), encoding="utf-8")
    return tmp / "leaflint.yaml"


def _path_with(folder: Path) -> dict:
    return {"PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


# -- the CLI ---------------------------------------------------------------------------------

def test_lint_with_broken_frog_exits_2_naming_frog_after_the_other_findings(tmp_path):
    _project(tmp_path)
    env = _path_with(_broken_frog(tmp_path / "bin").parent)
    r = run_cli("lint", "leaflets", "--format", "parsable", cwd=tmp_path, env=env)
    assert r.returncode == 2, r.stderr
    assert "spelling.unknown-word" in r.stdout  # the other rules still report
    assert "grammar.dt" not in r.stdout
    assert "grammar.dt" in r.stderr and "Frog" in r.stderr and FROG_SAYS in r.stderr
    assert "frog 0.20 (c)" not in r.stderr  # the banner is not the error
    assert "grammar.dt: off" in r.stderr  # how to run without it on purpose


def test_check_and_release_build_exit_2_and_release_nothing(tmp_path):
    _project(tmp_path)
    env = _path_with(_broken_frog(tmp_path / "bin").parent)
    r = run_cli("check", "leaflets", cwd=tmp_path, env=env)
    assert r.returncode == 2 and FROG_SAYS in r.stderr
    assert "passed" not in r.stderr
    r = run_cli("build", "--release", "leaflets", cwd=tmp_path, env=env)
    assert r.returncode == 2 and FROG_SAYS in r.stderr
    assert not list((tmp_path / "output").rglob("*.pdf"))


def test_turning_the_rules_off_is_the_way_to_run_without_frog(tmp_path):
    _project(tmp_path, rules={"grammar.dt": "off", "grammar.agreement": "off"})
    env = _path_with(_broken_frog(tmp_path / "bin").parent)
    r = run_cli("lint", "leaflets", "--format", "parsable", cwd=tmp_path, env=env)
    assert r.returncode == 1, r.stderr  # the spelling error, no tool failure
    assert "kon niet draaien" not in r.stderr


def test_sarif_and_github_reports_carry_the_failure(tmp_path):
    _project(tmp_path)
    env = _path_with(_broken_frog(tmp_path / "bin").parent)
    r = run_cli("lint", "leaflets", "--format", "sarif", "-o", "r.sarif", cwd=tmp_path, env=env)
    assert r.returncode == 2
    inv = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert any(FROG_SAYS in n["message"]["text"] and n["level"] == "error" for n in inv["toolExecutionNotifications"])
    r = run_cli("lint", "leaflets", "--format", "github", cwd=tmp_path, env=env)
    assert any(line.startswith("::error title=leaflint tool failure::") and "Frog" in line
               for line in r.stdout.splitlines())


def test_missing_frog_is_a_failure_too(tmp_path):
    _project(tmp_path, rules={"grammar.dt": {"options": {"frog": "frog-not-installed-here"}}})
    r = run_cli("lint", "leaflets", cwd=tmp_path)
    assert r.returncode == 2
    assert "frog-not-installed-here" in r.stderr and "apt-get install" in r.stderr


# -- the cache ------------------------------------------------------------------------------

def _lint(cfg: Path):
    config = load_config(cfg)
    return orchestrate.run_lint([cfg.parent / "leaflets"], config, jobs=1)


def test_a_result_with_a_failure_is_never_cached(tmp_path, monkeypatch):
    cfg = _project(tmp_path)
    monkeypatch.setenv("PATH", _path_with(_broken_frog(tmp_path / "bin").parent)["PATH"])
    first = _lint(cfg)
    assert [f.rule for f in first.failures] == ["grammar.dt"] and first.stats["processed"] == 1
    again = _lint(cfg)
    assert again.stats["cached"] == 0 and again.failures  # asked again, failed again


def test_the_cache_key_changes_with_the_engines(tmp_path, monkeypatch):
    config = load_config(_project(tmp_path))
    before = cache_keys.config_digest(config, None, {})
    monkeypatch.setattr(tools, "dist_version", lambda dist: "9.9" if dist == "pypandoc_binary" else "1")
    changed = cache_keys.config_digest(config, None, {})
    assert changed != before
    monkeypatch.setattr(tools, "DPKG_INFO", str(tmp_path / "no-dpkg"))
    assert cache_keys.config_digest(config, None, {}) != changed


def test_the_stamp_follows_a_replaced_data_file(tmp_path, monkeypatch):
    dic = tmp_path / "nl_NL.dic"
    dic.write_text("1\nkat\n", encoding="utf-8")
    enchant = tools.TOOLS["enchant"]
    monkeypatch.setitem(tools.TOOLS, "enchant", tools.Tool(enchant.key, enchant.name, enchant.purpose,
                                                            data=(str(dic),)))
    before = tools.stamp("enchant")
    dic.write_text("2\nkat\nhond\n", encoding="utf-8")
    assert tools.stamp("enchant") != before


@pytest.mark.system
@needs_frog
def test_break_frog_lint_repair_frog_lint_again_finds_the_dt_error(tmp_path, monkeypatch):
    """The case that was seen: after Frog was repaired, the cache still had the run without it."""
    cfg = _project(tmp_path)
    flag = tmp_path / "frog-is-broken"
    real = shutil.which("frog")
    # the same `frog` on the same PATH before and after: only its working changes
    (tmp_path / "bin").mkdir()
    _script(tmp_path / "bin" / "frog",
            f'if [ -e "{flag}" ]; then echo "{FROG_SAYS}" >&2; exit 1; fi\nexec "{real}" "$@"\n')
    monkeypatch.setenv("PATH", _path_with(tmp_path / "bin")["PATH"])
    flag.touch()
    broken = _lint(cfg)
    assert broken.failures and not [d for d in broken.diagnostics if d.rule == "grammar.dt"]
    flag.unlink()
    repaired = _lint(cfg)
    assert not repaired.failures
    assert [d.match for d in repaired.diagnostics if d.rule == "grammar.dt"] == ["gebeurd"]
    assert _lint(cfg).stats["cached"] == 1  # a complete result is cached as before


# -- the pieces -----------------------------------------------------------------------------

def test_frog_stderr_summary_drops_the_banner():
    text = ("frog 0.20 (c) CLTS, ILK 1998 - 2020\nCLST  - Centre for Language and Speech Technology\n"
            "based on [ucto 0.21.1, libfolia 2.4]\nfrog-:config read from: /usr/share/frog/nld/frog.cfg\n"
            "ucto: problem reading tokconfig-nld\nfrog-:Initialization failed for: [tokenizer]\n")
    assert stderr_summary(text) == "ucto: problem reading tokconfig-nld | frog-:Initialization failed for: [tokenizer]"


def test_failures_merge_per_rule_tool_and_error():
    e = ToolFailure("Frog", "stopte onverwacht", "apt-get install frog")
    merged = merge([EngineFailure.of("grammar.dt", e, "a"), EngineFailure.of("grammar.dt", e, "b"),
                    EngineFailure.of("grammar.dt", e, "a")])
    assert len(merged) == 1 and merged[0].leaflets == ("a", "b")
    assert "2 folders niet gecontroleerd" in merged[0].message()
    assert "apt-get install frog" in merged[0].hint() and "grammar.dt: off" in merged[0].hint()


# -- no litter ------------------------------------------------------------------------------

@pytest.mark.system
@pytest.mark.slow
@needs_frog
@pytest.mark.parametrize("count", [2, 26])  # 26: worker processes, each with its own Frog
def test_lint_leaves_nothing_in_the_working_folder_or_temp(tmp_path, count):
    cwd, temp, leaflets = tmp_path / "cwd", tmp_path / "temp", tmp_path / "leaflets"
    for d in (cwd, temp, leaflets):
        d.mkdir()
    for i in range(count):
        (leaflets / f"l{i:02d}.txt").write_text("Soms gebeurd er niets.\n", encoding="utf-8")
    out = tmp_path / "out"  # a new Frog answer store: Frog really runs in every worker
    cfg = tmp_path / "leaflint.yaml"
    cfg.write_text(json.dumps({"output": str(out)}), encoding="utf-8")
    r = run_cli("--config", cfg, "lint", leaflets, "--no-cache", "-j", "2", "--format", "parsable",
                cwd=cwd, env={"TMPDIR": str(temp)})
    assert r.returncode == 1, r.stderr
    assert r.stdout.count("grammar.dt") == count
    assert list(cwd.iterdir()) == [] and list(temp.iterdir()) == []


def test_fix_and_baseline_do_not_pass_over_a_check_that_did_not_run(tmp_path):
    _project(tmp_path)
    env = _path_with(_broken_frog(tmp_path / "bin").parent)
    r = run_cli("fix", "leaflets", cwd=tmp_path, env=env)
    assert r.returncode == 2 and FROG_SAYS in r.stderr
    r = run_cli("baseline", "write", "base.json", "leaflets", cwd=tmp_path, env=env)
    assert r.returncode == 2 and not (tmp_path / "base.json").exists()


def test_a_distribution_without_a_dist_info_name_is_asked_of_its_metadata(monkeypatch):
    """Installed another way (no ``name-version.dist-info`` folder on the path): importlib.metadata answers."""
    monkeypatch.setattr(tools, "_dist_infos", lambda: {})
    import ruamel.yaml

    assert tools.dist_version("ruamel.yaml") == ruamel.yaml.__version__
    assert tools.dist_version("no-such-distribution") == "-"
