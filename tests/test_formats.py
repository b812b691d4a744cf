"""Every output format, from the same diagnostics: structure, escaping, round trips."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from pipeline import report
from pipeline.diagnostic import Diagnostic, Related, RuleInfo, Severity, Summary
from pipeline.report.sarif_format import fingerprint
from tests.conftest import SARIF_SCHEMA

RULES = [
    RuleInfo("facts.conflict", Severity.ERROR, "Facts that disagree between leaflets", "doc"),
    RuleInfo("spelling.unknown-word", Severity.WARNING, "Unknown word", "doc"),
]


def _diags(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    return [
        Diagnostic(str(a), 3, 8, "miskraam tot 20 weken; andere folders: 16 weken", end_line=3, end_column=16,
                   match="20 weken", fact="miscarriage.cutoff_weeks", leaflet="a", key="miscarriage.cutoff_weeks",
                   related=(Related(str(b), 1, 5, "16 weken"),), rule="facts.conflict", severity=Severity.ERROR,
                   source_line="Tot nu 20 weken, zegt men, with a comma: and 100% \"quotes\""),
        Diagnostic(str(b), 2, 1, "onbekend woord 'curetage'", end_line=2, end_column=9, match="curetage",
                   suggestions=("curettage",), leaflet="b", key="curetage", rule="spelling.unknown-word",
                   severity=Severity.WARNING, source_line="curetage is nodig"),
        Diagnostic(str(b), 4, 1, "info, with\nnewline % and : colon", leaflet="b", key="x",
                   rule="spelling.unknown-word", severity=Severity.INFO),
    ]


def _render(name, diags, **kw):
    return report.render(name, diags, RULES, Summary.of(diags), **kw)


def test_sarif_validates_against_the_oasis_schema(tmp_path):
    diags = _diags(tmp_path)
    doc = json.loads(_render("sarif", diags, base=tmp_path))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(doc)
    run = doc["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["facts.conflict", "spelling.unknown-word"]
    res = run["results"]
    assert [r["ruleId"] for r in res] == ["facts.conflict", "spelling.unknown-word", "spelling.unknown-word"]
    assert [r["level"] for r in res] == ["error", "warning", "note"]
    assert res[0]["ruleIndex"] == 0 and res[1]["ruleIndex"] == 1
    loc = res[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "SRCROOT"}
    assert loc["region"]["startLine"] == 3 and loc["region"]["startColumn"] == 8
    assert loc["region"]["endColumn"] == 16 and loc["region"]["snippet"]["text"] == "20 weken"
    assert res[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b.md"
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_fingerprint_ignores_line_numbers(tmp_path):
    d = _diags(tmp_path)[0]
    from dataclasses import replace

    moved = replace(d, line=40, column=1, source_line="")
    assert fingerprint(d) == fingerprint(moved)
    assert fingerprint(d) != fingerprint(replace(d, fact="miscarriage.incidence_pct", key="miscarriage.incidence_pct"))
    assert fingerprint(d) != fingerprint(replace(d, leaflet="other"))


def test_json_contract_fields(tmp_path):
    doc = json.loads(_render("json", _diags(tmp_path)))
    assert set(doc) >= {"diagnostics", "summary"}
    assert doc["summary"] == {"error": 1, "warning": 1, "info": 1}
    first = doc["diagnostics"][0]
    for k in ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "match",
              "suggestions", "fact", "related"):
        assert k in first
    assert first["related"][0] == {"path": str(tmp_path / "b.md"), "line": 1, "column": 5, "message": "16 weken"}
    assert doc["diagnostics"][1]["suggestions"] == ["curettage"]
    assert doc["diagnostics"][1]["fact"] is None


def test_junit_parses_back_and_counts_failures(tmp_path):
    diags = _diags(tmp_path)
    clean = str(tmp_path / "clean.txt")
    xml = _render("junit", diags, files=[clean])
    root = ET.fromstring(xml)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {clean, str(tmp_path / "a.txt"), str(tmp_path / "b.md")}
    assert root.get("failures") == "1"  # only the error fails without --strict
    assert suites[clean].get("tests") == "1" and suites[clean].get("failures") == "0"
    failure = next(root.iter("failure"))
    assert failure.get("type") == "error" and "facts.conflict" in failure.text
    strict = ET.fromstring(_render("junit", diags, strict=True))
    assert strict.get("failures") == "2"


def test_github_annotations_escape_properties_and_data(tmp_path):
    out = _render("github", _diags(tmp_path)).splitlines()
    assert out[0].startswith(f"::error file={tmp_path}/a.txt,line=3,col=8,endLine=3,endColumn=16,title=leaflint facts.conflict::")
    assert out[1].startswith("::warning ") and "(suggestie: curettage)" in out[1]
    assert out[2].startswith("::notice ")
    assert "%0A" in out[2] and "%25" in out[2] and "\n" not in out[2]


def test_text_groups_per_file_with_caret(tmp_path, english):
    text = _render("text", _diags(tmp_path), colour=False)
    lines = text.splitlines()
    assert lines[0] == str(tmp_path / "a.txt")
    caret_line = next(line for line in lines if "^" in line)
    src_line = lines[lines.index(caret_line) - 1]
    # the caret sits under "20 weken" (column 8, 8 characters wide)
    assert src_line[caret_line.index("^") : caret_line.index("^") + 8] == "20 weken"
    assert caret_line.strip() == "^" + "~" * 7
    assert "suggestion: curettage" in text
    assert lines[-1] == "1 error(s), 1 warning(s), 1 info in 2 file(s)"
    assert "\033[" not in text
    assert "\033[" in _render("text", _diags(tmp_path), colour=True)


def test_text_speaks_dutch_by_default(tmp_path, dutch):
    text = _render("text", _diags(tmp_path), colour=False)
    assert "suggestie: curettage" in text
    assert text.splitlines()[-1] == "1 fout(en), 1 waarschuwing(en), 1 info in 2 bestand(en)"
    assert _render("text", [], colour=False).strip() == "geen bevindingen"


def test_parsable_one_line_per_finding(tmp_path):
    out = _render("parsable", _diags(tmp_path)).splitlines()
    assert out[0] == f"{tmp_path}/a.txt:3:8: error facts.conflict miskraam tot 20 weken; andere folders: 16 weken"
    assert len(out) == 3


def test_auto_picks_github_under_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert report.resolve("auto") == "github"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert report.resolve("auto") == "text"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        report.formatter("xml")


def test_sarif_fingerprints_are_unique_for_repeated_findings(tmp_path):
    from dataclasses import replace

    d = _diags(tmp_path)[1]
    twice = [d, replace(d, line=7)]
    doc = json.loads(_render("sarif", twice, base=tmp_path))
    prints = [r["partialFingerprints"]["leaflint/v1"] for r in doc["runs"][0]["results"]]
    assert len(set(prints)) == 2
    assert prints[0] == fingerprint(d)  # the first keeps the plain fingerprint
