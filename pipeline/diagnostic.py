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
class Fix:
    """A replacement over a span of the file as given: ``replacement`` takes the place of the text
    from ``line``:``column`` to ``end_line``:``end_column`` (1-based, code points, end exclusive).

    ``safe`` marks a fix that ``leaflint fix`` may apply without a person choosing (a spelling
    with one clear candidate, a typographic slip, a d/t ending); others are only offered.
    """

    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int
    safe: bool = False

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "replacement": self.replacement, "safe": self.safe}


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Rules leave ``rule`` and ``severity`` empty; the engine stamps them.

    ``line``/``column`` are 1-based, columns in Unicode code points; ``end_*`` is exclusive.
    ``key`` identifies the finding independently of line numbers (a fact key, the matched word):
    it feeds SARIF partialFingerprints and waivers.
    ``suggestions`` are replacement texts for ``match``; ``fixes`` carry them with their span
    (see :meth:`offering`), best first.
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
    fixes: tuple[Fix, ...] = ()

    @classmethod
    def at(cls, doc, span, message: str, match: str, key: str, **more) -> "Diagnostic":
        """A finding of a leaflet ``doc`` over a ``span`` of its source (``doc.span(...)``)."""
        return cls(path=str(doc.path), line=span.line, column=span.column, end_line=span.end_line,
                   end_column=span.end_column, message=message, match=match, leaflet=doc.id, key=key, **more)

    @property
    def fix(self) -> Fix | None:
        """The fix ``leaflint fix`` may apply on its own: the first one, when it is safe."""
        return self.fixes[0] if self.fixes and self.fixes[0].safe else None

    def offering(self, *replacements: str, safe: bool = False) -> "Diagnostic":
        """This finding with ``replacements`` for ``match`` as suggestions and as fixes over its
        span; ``safe``: the first one is clearly right (the others stay offered)."""
        repl = tuple(dict.fromkeys(r for r in replacements if r is not None and r != self.match))
        if self.end_line is None or self.end_column is None:
            return replace(self, suggestions=repl)
        fixes = tuple(Fix(r, self.line, self.column, self.end_line, self.end_column, safe=safe and i == 0)
                      for i, r in enumerate(repl))
        return replace(self, suggestions=repl, fixes=fixes)

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
            "fixes": [f.to_dict() for f in self.fixes],
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
    help_uri: str = ""  # the rule's section in docs/rules.md
