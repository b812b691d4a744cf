"""reviewdog Diagnostic Format (rdjson): one DiagnosticResult, with suggestions from fixes.

``reviewdog -f=rdjson`` reads it; a finding whose replacement is known carries it as a
suggestion, which reviewdog shows as a one-click change in a pull-request review. rdjson counts
columns in UTF-8 bytes, leaflint in code points: columns are converted with the source line.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.diagnostic import Diagnostic, Summary
from pipeline.report.gitlab_format import relative_path

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


class Formatter:
    def __init__(self, base: Path | None = None, **_):
        self.base = (base or Path.cwd()).resolve()
        self.items: list[dict] = []
        self._lines: dict[str, list[str]] = {}

    def begin(self, rules) -> None:
        pass

    def _line(self, d: Diagnostic, line: int) -> str:
        if line == d.line and d.source_line:
            return d.source_line
        if d.path not in self._lines:
            try:
                self._lines[d.path] = Path(d.path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):  # .docx/.pdf: columns are the locator's own
                self._lines[d.path] = []
        lines = self._lines[d.path]
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def _position(self, d: Diagnostic, line: int, column: int) -> dict:
        text = self._line(d, line)
        return {"line": line, "column": len(text[: max(column - 1, 0)].encode("utf-8")) + 1}

    def _range(self, d: Diagnostic, line, column, end_line, end_column) -> dict:
        r = {"start": self._position(d, line, column)}
        if end_line and end_column:
            r["end"] = self._position(d, end_line, end_column)
        return r

    def emit(self, d: Diagnostic) -> None:
        item = {
            "message": " ".join(d.message.split()),
            "location": {"path": relative_path(d.path, self.base),
                         "range": self._range(d, d.line, d.column, d.end_line, d.end_column)},
            "severity": _SEVERITY[d.severity.value if d.severity else "info"],
            "source": {"name": "leaflint"},
            "code": {"value": d.rule},
        }
        if d.fixes:
            item["suggestions"] = [
                {"range": self._range(d, f.line, f.column, f.end_line, f.end_column), "text": f.replacement}
                for f in d.fixes
            ]
        self.items.append(item)

    def end(self, summary: Summary) -> str:
        doc = {"source": {"name": "leaflint"}, "severity": "ERROR" if summary.error else
               ("WARNING" if summary.warning else "INFO"), "diagnostics": self.items}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
