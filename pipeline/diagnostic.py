"""The one diagnostic model every rule yields and every formatter reads."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum, IntEnum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    FAILURE = 2  # usage, configuration or tool failure


@dataclass(frozen=True)
class Related:
    path: str
    line: int
    column: int
    message: str = ""
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Rules leave ``rule`` and ``severity`` empty; the engine stamps them.

    ``line``/``column`` are 1-based, columns in Unicode code points; ``end_*`` is exclusive.
    ``key`` identifies the finding independently of line numbers (a fact key, the matched word):
    it feeds SARIF partialFingerprints and waivers.
    """

    path: str
    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    match: str = ""
    suggestions: tuple[str, ...] = ()
    fact: str | None = None
    related: tuple[Related, ...] = ()
    leaflet: str = ""
    key: str = ""
    rule: str = ""
    severity: Severity | None = None
    source_line: str = ""  # the source line, for carets in text output

    def stamped(self, rule: str, severity: Severity) -> "Diagnostic":
        return replace(self, rule=rule, severity=severity)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity.value if self.severity else None,
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
            "fact": self.fact,
            "leaflet": self.leaflet,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
                for r in self.related
            ],
        }


@dataclass
class Summary:
    error: int = 0
    warning: int = 0
    info: int = 0

    @classmethod
    def of(cls, diagnostics) -> "Summary":
        s = cls()
        for d in diagnostics:
            if d.severity is not None:
                setattr(s, d.severity.value, getattr(s, d.severity.value) + 1)
        return s

    def to_dict(self) -> dict:
        return {"error": self.error, "warning": self.warning, "info": self.info}


@dataclass
class RuleInfo:
    """Metadata of a rule, for formatters (SARIF rules, docs) without importing rule modules."""

    id: str
    level: Severity
    summary: str
    doc: str = ""
    options: dict = field(default_factory=dict)
