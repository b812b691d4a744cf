"""One finding per line, ``path:line:column: severity rule message``, for grep and editors."""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Summary


class Formatter:
    def __init__(self, **_):
        self.lines: list[str] = []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        sev = d.severity.value if d.severity else "info"
        message = " ".join(d.message.split())  # one finding, one line
        self.lines.append(f"{d.path}:{d.line}:{d.column}: {sev} {d.rule} {message}")

    def end(self, summary: Summary) -> str:
        return "".join(line + "\n" for line in self.lines)
