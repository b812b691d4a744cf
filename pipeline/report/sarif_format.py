"""SARIF 2.1.0: stable rule IDs with metadata, fingerprints independent of line numbers."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline import __version__
from pipeline.diagnostic import Diagnostic, RuleInfo, Summary
from pipeline.fingerprint import Fingerprinter, fingerprint  # noqa: F401 - fingerprint is part of this module's API

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str, base: Path) -> tuple[str, str | None]:
    p = Path(path)
    try:
        rel = p.resolve().relative_to(base)
        return rel.as_posix(), "SRCROOT"
    except (ValueError, OSError):
        return p.resolve().as_uri() if p.is_absolute() else p.as_posix(), None


class Formatter:
    def __init__(self, base: Path | None = None, notes: list[str] | None = None,
                 failures: list[str] | None = None, **_):
        self.base = (base or Path.cwd()).resolve()
        self.rules: list[RuleInfo] = []
        self.index: dict[str, int] = {}
        self.results: list[dict] = []
        self.notes = notes or []
        self.fingerprint = Fingerprinter()
        self.failures = failures or []  # checks that could not run: the run did not succeed

    def begin(self, rules: list[RuleInfo]) -> None:
        self.rules = sorted(rules, key=lambda r: r.id)
        self.index = {r.id: i for i, r in enumerate(self.rules)}

    def _location(self, path: str, line: int, column: int, end_line=None, end_column=None,
                  snippet: str = "") -> dict:
        uri, base_id = _uri(path, self.base)
        artifact = {"uri": uri}
        if base_id:
            artifact["uriBaseId"] = base_id
        region: dict = {"startLine": max(line, 1), "startColumn": max(column, 1)}
        if end_line:
            region["endLine"] = max(end_line, line)
            if end_column and (end_line > line or end_column > column):
                region["endColumn"] = end_column
        if snippet:
            region["snippet"] = {"text": snippet}
        return {"physicalLocation": {"artifactLocation": artifact, "region": region}}

    def _fix(self, d: Diagnostic, fix) -> dict:
        uri, base_id = _uri(d.path, self.base)
        artifact = {"uri": uri, **({"uriBaseId": base_id} if base_id else {})}
        region = {"startLine": fix.line, "startColumn": fix.column,
                  "endLine": fix.end_line, "endColumn": fix.end_column}
        return {
            "description": {"text": f"replace with '{fix.replacement}'"},
            "artifactChanges": [{"artifactLocation": artifact, "replacements": [
                {"deletedRegion": region, "insertedContent": {"text": fix.replacement}}]}],
        }

    def emit(self, d: Diagnostic) -> None:
        sev = d.severity.value if d.severity else "info"
        result: dict = {
            "ruleId": d.rule,
            "level": _LEVEL[sev],
            "message": {"text": d.message},
            "locations": [self._location(d.path, d.line, d.column, d.end_line, d.end_column, d.match)],
            "partialFingerprints": {"leaflint/v1": self.fingerprint(d)},
        }
        if d.rule in self.index:
            result["ruleIndex"] = self.index[d.rule]
        if d.related:
            result["relatedLocations"] = [
                {**self._location(r.path, r.line, r.column), "id": i + 1, "message": {"text": r.message or "related"}}
                for i, r in enumerate(d.related)
            ]
        fix = d.fix  # only a safe replacement becomes a SARIF fix
        if fix is not None:
            result["fixes"] = [self._fix(d, fix)]
        props = {}
        if d.suggestions:
            props["suggestions"] = list(d.suggestions)
        if d.fact:
            props["fact"] = d.fact
        if d.leaflet:
            props["leaflet"] = d.leaflet
        if props:
            result["properties"] = props
        self.results.append(result)

    def end(self, summary: Summary) -> str:
        rules = []
        for r in self.rules:
            rule = {
                "id": r.id,
                "name": "".join(w.capitalize() for w in r.id.replace(".", "-").split("-")),
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.doc or r.summary},
                "defaultConfiguration": {"level": _LEVEL[r.level.value]},
                "help": {"text": r.doc or r.summary},
                **({"helpUri": r.help_uri} if r.help_uri else {}),
                "properties": {"category": r.id.split(".", 1)[0]},
            }
            rules.append(rule)
        run = {
            "tool": {"driver": {
                "name": "leaflint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }},
            "originalUriBaseIds": {"SRCROOT": {"uri": self.base.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
            "invocations": [{
                "executionSuccessful": not self.failures,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": n}} for n in self.failures
                ] + [{"level": "warning", "message": {"text": n}} for n in self.notes],
            }],
        }
        doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
