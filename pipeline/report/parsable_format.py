"""One finding per line, ``path:line:column: severity rule message``, for grep and editors."""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Summary
from pipeline.report.printable import printable


class Formatter:
    def __init__(self, **_):
        self.lines: list[str] = []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        sev = d.severity.value if d.severity else "info"
        # one finding, one line: a newline or control character in a file name or message is escaped
        message = printable(" ".join(d.message.split()))
        self.lines.append(f"{printable(d.path)}:{d.line}:{d.column}: {sev} {d.rule} {message}")

    def end(self, summary: Summary) -> str:
        return "".join(line + "\n" for line in self.lines)
