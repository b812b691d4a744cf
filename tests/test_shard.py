"""Sharding (`--shard K/N` on facts, lint, build) and `gather`, end to end through the CLI.

The promise to a CI matrix: N sharded jobs plus one gather job report what one run over all
leaflets reports. Per-leaflet findings come from the shard that owns the leaflet; cross-leaflet
fact rules (those declared CROSS_LEAFLET) come from `gather` over the fact files of all shards.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.bench.generate import generate
from pipeline.corpus import select_files
from pipeline.lint.config import Config
from pipeline.lint.rules import cross_leaflet_rules, rules_in_scope
from pipeline.paths import SOURCES_DIR
from tests.conftest import run_cli

N = 3


def _config(tmp: Path, name: str) -> Path:
    """A leaflint.yaml with its own output folder, so no run reads another run's cache."""
    cfg = tmp / f"{name}.yaml"
    cfg.write_text(f"sources: {json.dumps(str(SOURCES_DIR))}\noutput: out-{name}\n", encoding="utf-8")
    return cfg


def _lint(tmp: Path, name: str, leaflets: Path, *extra: str) -> list[dict]:
    report = tmp / f"{name}.json"
    r = run_cli("--config", _config(tmp, name), "lint", leaflets, "--format", "json", "-o", report, *extra)
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr
    return json.loads(report.read_text(encoding="utf-8"))["diagnostics"]


def _key(d: dict) -> tuple:
    return (d["rule"], Path(d["path"]).name, d["line"], d["column"], d["message"])


def _scopes() -> tuple[set[str], set[str]]:
    return set(rules_in_scope("document")), cross_leaflet_rules()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Fourteen generated leaflets: recombined seed sections with varied quantities and typos."""
    d = tmp_path_factory.mktemp("shard-corpus")
    generate(14, d, seed=11)
    return d / "leaflets"


def test_shards_split_the_leaflets_into_disjoint_covering_parts(corpus):
    config = Config()
    everything, _ = select_files([corpus], config)
    names = {p.name for p in everything}
    assert len(names) == 14
    for n in (1, 2, 3, 5, 14):
        parts = [{p.name for p in select_files([corpus], config, (k, n))[0]} for k in range(1, n + 1)]
        assert set().union(*parts) == names
        assert sum(len(p) for p in parts) == len(names), f"overlap with N={n}"
    # deterministic: the same split every time, and it depends on the id, not on the folder
    again = [{p.name for p in select_files([corpus], config, (k, N))[0]} for k in range(1, N + 1)]
    assert again == [{p.name for p in select_files([corpus], config, (k, N))[0]} for k in range(1, N + 1)]


@pytest.mark.slow
@pytest.mark.system
def test_sharded_facts_write_each_leaflet_once(corpus, tmp_path):
    owners: dict[str, int] = {}
    for k in range(1, N + 1):
        out = tmp_path / f"shard{k}"
        r = run_cli("--config", _config(tmp_path, f"facts{k}"), "facts", corpus, "--shard", f"{k}/{N}",
                    "--out", out, "--format", "json")
        assert r.returncode in (0, 1), r.stderr
        for f in (out / "facts").glob("*.yaml"):
            assert f.stem not in owners, f"{f.stem} written by shards {owners[f.stem]} and {k}"
            owners[f.stem] = k
    full = tmp_path / "full"
    r = run_cli("--config", _config(tmp_path, "facts-all"), "facts", corpus, "--out", full, "--format", "json")
    assert r.returncode in (0, 1), r.stderr
    assert set(owners) == {f.stem for f in (full / "facts").glob("*.yaml")}
    assert len(owners) == 14
    assert len(set(owners.values())) > 1, "all leaflets landed in one shard"


@pytest.mark.slow
@pytest.mark.system
def test_sharded_lint_plus_gather_reports_what_one_run_reports(corpus, tmp_path):
    document_rules, gather_rules = _scopes()
    assert gather_rules, "no rule is declared CROSS_LEAFLET: gather would check nothing"
    whole = _lint(tmp_path, "whole", corpus)

    shard_found: list[dict] = []
    fact_dirs = []
    for k in range(1, N + 1):
        shard_found += _lint(tmp_path, f"lint{k}", corpus, "--shard", f"{k}/{N}")
        out = tmp_path / f"facts{k}"
        r = run_cli("--config", _config(tmp_path, f"facts{k}"), "facts", corpus, "--shard", f"{k}/{N}",
                    "--out", out, "--format", "json")
        assert r.returncode in (0, 1), r.stderr
        fact_dirs.append(out / "facts")
    gathered_report = tmp_path / "gather.json"
    r = run_cli("--config", _config(tmp_path, "gather"), "gather", *fact_dirs, "--format", "json",
                "-o", gathered_report)
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr
    gathered = json.loads(gathered_report.read_text(encoding="utf-8"))["diagnostics"]

    assert not [d for d in shard_found if d["rule"] in gather_rules], "a shard reported partial cross-leaflet findings"
    per_leaflet_whole = sorted(_key(d) for d in whole if d["rule"] in document_rules)
    per_leaflet_shards = sorted(_key(d) for d in shard_found if d["rule"] in document_rules)
    assert per_leaflet_whole, "the generated corpus has planted misspellings; expected findings"
    assert per_leaflet_shards == per_leaflet_whole

    cross_whole = sorted(_key(d) for d in whole if d["rule"] in gather_rules)
    cross_gathered = sorted(_key(d) for d in gathered if d["rule"] in gather_rules)
    assert cross_whole, "the generated corpus has varied quantities across leaflets; expected conflicts"
    assert cross_gathered == cross_whole


@pytest.mark.slow
@pytest.mark.system
def test_sharded_build_renders_each_leaflet_once(tmp_path):
    d = tmp_path / "c"
    generate(4, d, seed=4)
    built: dict[str, int] = {}
    for k in (1, 2):
        out = tmp_path / f"build{k}"
        r = run_cli("--config", _config(tmp_path, f"build{k}"), "build", d / "leaflets", "--shard", f"{k}/2",
                    "--out", out)
        assert r.returncode == 0, r.stderr
        for f in (out / "pdf").rglob("*.pdf"):
            rel = str(f.relative_to(out))
            assert rel not in built, f"{rel} rendered by shards {built[rel]} and {k}"
            built[rel] = k
    full = tmp_path / "full"
    r = run_cli("--config", _config(tmp_path, "build-all"), "build", d / "leaflets", "--out", full)
    assert r.returncode == 0, r.stderr
    assert set(built) == {str(f.relative_to(full)) for f in (full / "pdf").rglob("*.pdf")}
    assert built


@pytest.mark.parametrize("command,value", [("lint", "0/3"), ("lint", "4/3"), ("lint", "2"), ("facts", "a/b"),
                                           ("build", "3/2")])
def test_a_bad_shard_is_a_usage_error(command, value, tmp_path):
    r = run_cli(command, tmp_path, "--shard", value)
    assert r.returncode == 2
    assert "--shard" in r.stderr or "K/N" in r.stderr or "between 1 and N" in r.stderr
    assert "Traceback" not in r.stderr
