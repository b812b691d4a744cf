"""The baseline: old findings accepted by fingerprint, new ones reported, stale entries named."""

from __future__ import annotations

import json

import pytest

from pipeline import baseline
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.yamlio import DataFileError
from tests.conftest import run_cli


def _d(line, key, leaflet="a", rule="spelling.unknown-word"):
    return Diagnostic(f"/x/{leaflet}.txt", line, 3, f"unknown word '{key}'", key=key, match=key,
                      leaflet=leaflet, rule=rule, severity=Severity.ERROR)


def test_written_baseline_loads_back_with_the_line_of_each_entry(tmp_path):
    f = tmp_path / "base.json"
    baseline.write(f, [_d(9, "curetage"), _d(2, "zwagerschap"), _d(5, "curetage")])
    entries = baseline.load(f)
    assert [e.line for e in entries] == [2, 5, 9]
    assert len({e.fingerprint for e in entries}) == 3  # the repeated word keeps two entries
    lines = f.read_text(encoding="utf-8").splitlines()
    for e in entries:
        assert e.fingerprint in lines[e.file_line - 1]


def test_moved_findings_stay_accepted_and_a_second_occurrence_is_new(tmp_path):
    f = tmp_path / "base.json"
    baseline.write(f, [_d(2, "curetage")])
    moved = [_d(40, "curetage"), _d(41, "curetage")]
    applied = baseline.apply(moved, baseline.load(f), {"a"}, {"spelling.unknown-word"}, {"spelling.unknown-word"})
    assert [d.line for d in applied.kept] == [41] and applied.baselined == 1 and not applied.stale


def test_stale_only_for_leaflets_and_rules_of_this_run(tmp_path):
    f = tmp_path / "base.json"
    baseline.write(f, [_d(2, "curetage"), _d(3, "foo", leaflet="b"), _d(4, "x", rule="old.rule")])
    known = {"spelling.unknown-word"}
    applied = baseline.apply([], baseline.load(f), {"a"}, known, known)
    assert sorted(e.rule for e in applied.stale) == ["old.rule", "spelling.unknown-word"]
    applied = baseline.apply([], baseline.load(f), {"a"}, set(), known)  # rule not selected: unknown
    assert [e.rule for e in applied.stale] == ["old.rule"]


@pytest.mark.parametrize("text", ["", "{", '{"findings": []}', '{"leaflint_baseline": 1, "findings": [{"x": 1}]}'])
def test_a_broken_baseline_names_the_file(tmp_path, text):
    f = tmp_path / "base.json"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        baseline.load(f)
    assert str(f) in str(e.value)


def test_cli_baseline_survives_moved_lines_and_reports_new_and_stale(seeds_copy, tmp_path):
    base = tmp_path / "leaflint-baseline.json"
    r = run_cli("baseline", "write", base, seeds_copy, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(base.read_text(encoding="utf-8"))["findings"]
    r = run_cli("lint", seeds_copy, "--baseline", base, "--format", "json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["diagnostics"] == [], r.stdout
    # move every line down, edit elsewhere, fix one finding, add a new one
    leaflet = seeds_copy / "002_6c2c57eed9ad59ef.txt"
    text = leaflet.read_text(encoding="utf-8")
    assert "curetage" in text
    text = text.replace("curetage", "curettage", 1)
    leaflet.write_text("Inleiding\n\nDeze folder is herzien. Een miskraam is verdrietig en onverwagt.\n\n" + text,
                       encoding="utf-8")
    r = run_cli("lint", seeds_copy, "--baseline", base, "--format", "json", cwd=tmp_path)
    found = json.loads(r.stdout)["diagnostics"]
    assert r.returncode == 1, r.stderr
    new = [d for d in found if d["rule"] != "config.baseline"]
    assert [(d["rule"], d["match"]) for d in new] == [("spelling.unknown-word", "onverwagt")]
    stale = [d for d in found if d["rule"] == "config.baseline"]
    assert len(stale) == 1 and stale[0]["severity"] == "info" and "curetage" in stale[0]["message"]
    assert stale[0]["path"].endswith("leaflint-baseline.json") and stale[0]["line"] > 2


def test_cli_missing_baseline_is_a_usage_failure(seeds_copy, tmp_path):
    r = run_cli("lint", seeds_copy, "--baseline", tmp_path / "nope.json", cwd=tmp_path)
    assert r.returncode == 2 and "nope.json" in r.stderr
