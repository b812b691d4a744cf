"""GitLab Code Quality, reviewdog rdjson, SARIF fixes and the GitHub job summary."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from pipeline import report
from pipeline.diagnostic import Diagnostic, RuleInfo, Severity, Summary
from pipeline.fingerprint import fingerprints
from pipeline.report.github_format import job_summary
from tests.conftest import SARIF_SCHEMA, run_cli

RDJSON_SCHEMA = Path(__file__).parent / "data" / "rdjson-DiagnosticResult.schema.json"
RULES = [RuleInfo("typography.substitution", Severity.WARNING, "Typography", "doc"),
         RuleInfo("spelling.unknown-word", Severity.ERROR, "Unknown word", "doc")]


def _diags(tmp_path):
    a = tmp_path / "a.md"
    a.write_text("# Kop\n\nÉén week, 10 a 15 % | curetage\n", encoding="utf-8")
    line = "Één week, 10 a 15 % | curetage"
    typo = Diagnostic(str(a), 3, 14, "between two numbers write 'à'", end_line=3, end_column=15, match="a",
                      suggestions=("à",), leaflet="a", key="a-accent", rule="typography.substitution",
                      severity=Severity.WARNING, source_line=line)
    spell = Diagnostic(str(a), 3, 23, "unknown word 'curetage' | <b>", end_line=3, end_column=31,
                       match="curetage", leaflet="a", key="curetage", rule="spelling.unknown-word",
                       severity=Severity.ERROR, source_line=line)
    return [typo.offering("à", safe=True), spell.offering("curettage", "cerettage")]


def _render(name, diags, **kw):
    return report.render(name, diags, RULES, Summary.of(diags), **kw)


def test_gitlab_code_quality_fields_as_gitlab_documents_them(tmp_path):
    diags = _diags(tmp_path)
    issues = json.loads(_render("gitlab", diags, base=tmp_path))
    assert isinstance(issues, list) and len(issues) == 2
    for issue, d in zip(issues, diags):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == d.rule and issue["location"]["path"] == "a.md"
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["positions"]["begin"] == {"line": 3, "column": d.column}
    assert [i["fingerprint"] for i in issues] == fingerprints(diags)  # the same as SARIF's and the baseline's
    assert [i["severity"] for i in issues] == ["minor", "major"]


def test_rdjson_validates_and_counts_columns_in_utf8_bytes(tmp_path):
    diags = _diags(tmp_path)
    doc = json.loads(_render("rdjson", diags, base=tmp_path))
    jsonschema.Draft4Validator(json.loads(RDJSON_SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    first = doc["diagnostics"][0]
    assert first["location"] == {"path": "a.md", "range": {"start": {"line": 3, "column": 16},
                                                            "end": {"line": 3, "column": 17}}}
    assert first["code"] == {"value": "typography.substitution"} and first["severity"] == "WARNING"
    assert doc["severity"] == "ERROR"
    line = diags[0].source_line.encode("utf-8")
    start = first["location"]["range"]["start"]["column"]
    assert line[start - 1 : start] == b"a"


def test_rdjson_and_sarif_carry_fixes(tmp_path):
    diags = _diags(tmp_path)
    doc = json.loads(_render("rdjson", diags, base=tmp_path))
    typo, spell = doc["diagnostics"]
    assert typo["suggestions"] == [{"range": {"start": {"line": 3, "column": 16}, "end": {"line": 3, "column": 17}},
                                    "text": "à"}]
    assert [s["text"] for s in spell["suggestions"]] == ["curettage", "cerettage"]
    sarif = json.loads(_render("sarif", diags, base=tmp_path))
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    typo, spell = sarif["runs"][0]["results"]
    change = typo["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "a.md"
    assert change["replacements"] == [{"deletedRegion": {"startLine": 3, "startColumn": 14, "endLine": 3,
                                                         "endColumn": 15}, "insertedContent": {"text": "à"}}]
    assert "fixes" not in spell  # two candidates: nothing safe to apply


def test_job_summary_is_a_markdown_table_with_escaped_cells(tmp_path, english):
    diags = _diags(tmp_path)
    md = job_summary(diags, Summary.of(diags), ["a note"])
    assert "| rule | findings |" in md and "| `spelling.unknown-word` | 1 |" in md
    assert "\\| &lt;b>" in md and "> note: a note" in md
    assert job_summary([], Summary(), []).startswith("## leaflint\n\nNo findings.")


def test_job_summary_speaks_dutch_by_default(tmp_path, dutch):
    diags = _diags(tmp_path)
    md = job_summary(diags, Summary.of(diags), ["een notitie"])
    assert "| regel | bevindingen |" in md and "| waar | niveau | regel | melding |" in md
    assert "> let op: een notitie" in md and " fout(en), " in md
    assert job_summary([], Summary(), []).startswith("## leaflint\n\nGeen bevindingen.")


def test_cli_gitlab_rdjson_and_job_summary_under_github_actions(seeds_copy, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    r = run_cli("lint", seeds_copy, "--format", "gitlab", cwd=tmp_path, env=env)
    assert r.returncode == 1, r.stderr
    issues = json.loads(r.stdout)
    assert {i["location"]["path"].split("/")[0] for i in issues} == {"leaflets"}
    assert any(i["check_name"] == "facts.conflict" for i in issues)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## leaflint") and "| `facts.conflict` |" in text
    r = run_cli("lint", seeds_copy, "--format", "rdjson", cwd=tmp_path)
    doc = json.loads(r.stdout)
    jsonschema.Draft4Validator(json.loads(RDJSON_SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    assert len(doc["diagnostics"]) == len(issues)
