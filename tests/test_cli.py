"""The CLI as a user runs it: a subprocess, from any working directory, on a temp copy of the seeds."""

from __future__ import annotations

import hashlib
import json

import jsonschema

from tests.conftest import ROOT, SARIF_SCHEMA, run_cli


def _tree_hash(folder):
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(f.relative_to(folder).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def test_version_and_help():
    r = run_cli("--version")
    assert r.returncode == 0 and "leaflint" in r.stdout
    r = run_cli("--help")
    assert r.returncode == 0
    for cmd in ("ingest", "facts", "lint", "build", "report", "check", "run", "gather", "rules"):
        assert cmd in r.stdout


def test_lint_json_contract_and_exit_code_agree(seeds_copy, tmp_path):
    r = run_cli("lint", seeds_copy, "--format", "json", cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    doc = json.loads(r.stdout)
    summary = doc["summary"]
    assert set(summary) == {"error", "warning", "info"}
    assert sum(summary.values()) == len(doc["diagnostics"])
    assert r.returncode == (1 if summary["error"] else 0)
    for d in doc["diagnostics"]:
        assert d["path"].startswith(str(seeds_copy))
        assert d["line"] >= 1 and d["column"] >= 1
        assert d["severity"] in ("error", "warning", "info")


def test_lint_sarif_from_any_directory_validates(seeds_copy, tmp_path):
    out = tmp_path / "r.sarif"
    r = run_cli("lint", seeds_copy, "--format", "sarif", "-o", out, cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    ids = [rule["id"] for rule in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert "ingest.unreadable" in ids and ids == sorted(ids)


def test_sources_are_never_changed(seeds_copy, tmp_path):
    before = _tree_hash(seeds_copy)
    run_cli("lint", seeds_copy, "--format", "json", cwd=tmp_path)
    run_cli("facts", seeds_copy, "--format", "json", "--out", tmp_path / "out", cwd=tmp_path)
    run_cli("ingest", seeds_copy, "--out", tmp_path / "out", "--no-print", cwd=tmp_path)
    assert _tree_hash(seeds_copy) == before


def test_bad_input_is_named_and_the_run_goes_on(seeds_copy, tmp_path, english):
    (seeds_copy / "broken.docx").write_bytes(b"this is no zip file")
    (seeds_copy / "empty.txt").write_bytes(b"")
    r = run_cli("lint", seeds_copy, "--format", "json", cwd=tmp_path)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    doc = json.loads(r.stdout)
    unreadable = {d["path"].rsplit("/", 1)[-1]: d["message"] for d in doc["diagnostics"] if d["rule"] == "ingest.unreadable"}
    assert set(unreadable) == {"broken.docx", "empty.txt"}
    assert "empty" in unreadable["empty.txt"]
    # the seeds were still linted
    assert any(d["path"].endswith("000_43f8e8ab3b97e02a.txt") for d in doc["diagnostics"]) or doc["summary"]


def test_config_in_working_directory_is_used_and_validated(seeds_copy, tmp_path):
    (tmp_path / "leaflint.yaml").write_text("rules:\n  spelling.nonexistent: off\n", encoding="utf-8")
    r = run_cli("lint", seeds_copy, cwd=tmp_path)
    assert r.returncode == 2
    assert "unknown rule 'spelling.nonexistent'" in r.stderr and "Traceback" not in r.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("lint", "--format", "xml", cwd=tmp_path).returncode == 2
    assert run_cli("lint", "--select", "nonsense", cwd=tmp_path).returncode == 2
    assert run_cli("lint", "--shard", "3/2", cwd=tmp_path).returncode == 2
    assert run_cli("frobnicate", cwd=tmp_path).returncode == 2


def test_strict_fails_on_warnings(tmp_path):
    leaflets = tmp_path / "l"
    leaflets.mkdir()
    (leaflets / "a.txt").write_text("Een miskraam is verdrietig.\n", encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text(
        "waivers:\n  - rule: facts.conflict\n    leaflet: a\n    reason: oud besluit\n"
        "    reviewer: A. Jansen\n    expires: 2020-01-01\n", encoding="utf-8")
    (tmp_path / "leaflint.yaml").write_text(
        "waivers: waivers.yaml\nrules:\n  config.expired-waiver: warning\n", encoding="utf-8")
    lax = run_cli("lint", leaflets, "--select", "config", "--format", "json", cwd=tmp_path)
    assert lax.returncode == 0, lax.stderr
    assert [d["rule"] for d in json.loads(lax.stdout)["diagnostics"]] == ["config.expired-waiver"]
    strict = run_cli("lint", leaflets, "--select", "config", "--strict", cwd=tmp_path)
    assert strict.returncode == 1


def test_rules_lists_every_rule():
    r = run_cli("rules", "--format", "json")
    rows = json.loads(r.stdout)["rules"]
    assert {"ingest.unreadable", "config.expired-waiver"} <= {row["id"] for row in rows}
    assert all(row["pass"] and row["fail"] for row in rows)


def test_runs_from_outside_the_project(tmp_path):
    r = run_cli("rules", cwd=tmp_path)
    assert r.returncode == 0 and str(ROOT) not in r.stderr


def test_missing_path_and_empty_gate_are_usage_failures(tmp_path, english):
    r = run_cli("lint", tmp_path / "nosuch", cwd=tmp_path)
    assert r.returncode == 2 and "no such file or folder" in r.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run_cli("check", empty, cwd=tmp_path)
    assert r.returncode == 2 and "no leaflets found" in r.stderr
    r = run_cli("lint", empty, "-o", "/proc/version", cwd=tmp_path)
    assert r.returncode == 2 and "cannot read or write" in r.stderr and "Traceback" not in r.stderr


def test_facts_over_the_whole_sources_prune_deleted_leaflets(seeds_copy, tmp_path):
    sources = seeds_copy.parent / "src"
    (sources / "leaflets").mkdir(parents=True)
    for f in seeds_copy.glob("*.txt"):
        (sources / "leaflets" / f.name).write_bytes(f.read_bytes())
    (tmp_path / "leaflint.yaml").write_text(f"sources: {sources}\noutput: {tmp_path / 'out'}\n", encoding="utf-8")
    assert run_cli("facts", cwd=tmp_path).returncode == 0
    facts = tmp_path / "out" / "facts"
    assert len(list(facts.glob("*.yaml"))) == 5
    gone = next((sources / "leaflets").glob("002_*.txt"))
    gone.unlink()
    run_cli("facts", sources / "leaflets" / next((sources / "leaflets").glob("000_*")).name, cwd=tmp_path)
    assert (facts / f"{gone.stem}.yaml").exists()  # a run over some paths keeps the rest
    assert run_cli("facts", cwd=tmp_path).returncode == 0
    assert sorted(p.stem for p in facts.glob("*.yaml")) == sorted(p.stem for p in (sources / "leaflets").glob("*.txt"))


def test_word_findings_show_the_block_as_excerpt(tmp_path):
    import subprocess

    import pypandoc

    md = tmp_path / "a.md"
    md.write_text("# Herstel\n\nHet herstel gaat meestal vlot. Een curetage is soms nodig.\n", encoding="utf-8")
    subprocess.run([pypandoc.get_pandoc_path(), str(md), "-o", str(tmp_path / "a.docx")], check=True)
    r = run_cli("lint", tmp_path / "a.docx", "--select", "spelling", "--no-cache", "--format", "text", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    excerpt = next(i for i, line in enumerate(lines) if "| Het herstel gaat meestal vlot." in line)
    caret = lines[excerpt + 1]
    assert lines[excerpt][caret.index("^"):].startswith("curetage")
