"""GitLab Code Quality: a JSON array of issues for ``artifacts: reports: codequality``.

Fields as GitLab documents them (a subset of the Code Climate spec): description, check_name,
fingerprint (stable across runs, the same as SARIF's), severity, location.path relative to the
repository, location.positions with 1-based line and column.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.diagnostic import Diagnostic, Summary
from pipeline.fingerprint import Fingerprinter
from pipeline.i18n import _

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def relative_path(path: str, base: Path) -> str:
    """The path relative to ``base`` (the repository root, normally the working directory)."""
    try:
        return Path(path).resolve().relative_to(base).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()


class Formatter:
    def __init__(self, base: Path | None = None, **_):
        self.base = (base or Path.cwd()).resolve()
        self.fingerprint = Fingerprinter()
        self.issues: list[dict] = []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        message = " ".join(d.message.split())
        if d.suggestions:
            message += " (" + _("suggestion: {words}").format(words=", ".join(d.suggestions[:3])) + ")"
        end_line = d.end_line or d.line
        end_column = d.end_column if d.end_line else d.column
        self.issues.append({
            "type": "issue",
            "description": message,
            "check_name": d.rule,
            "fingerprint": self.fingerprint(d),
            "severity": _SEVERITY[d.severity.value if d.severity else "info"],
            "categories": ["Style"],
            "location": {
                "path": relative_path(d.path, self.base),
                "positions": {"begin": {"line": d.line, "column": d.column},
                              "end": {"line": end_line, "column": end_column or d.column}},
            },
        })

    def end(self, summary: Summary) -> str:
        return json.dumps(self.issues, ensure_ascii=False, indent=1) + "\n"
