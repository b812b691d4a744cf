"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Summary

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


class Formatter:
    def __init__(self, **_):
        self.lines: list[str] = []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        props = [f"file={_prop(d.path)}", f"line={d.line}", f"col={d.column}"]
        if d.end_line:
            props.append(f"endLine={d.end_line}")
        if d.end_column and d.end_line == d.line:
            props.append(f"endColumn={d.end_column}")
        props.append(f"title={_prop('leaflint ' + d.rule)}")
        msg = d.message
        if d.suggestions:
            msg += f" (suggestion: {', '.join(d.suggestions[:3])})"
        level = _LEVEL[d.severity.value if d.severity else "info"]
        self.lines.append(f"::{level} {','.join(props)}::{_data(msg)}")

    def end(self, summary: Summary) -> str:
        return "".join(line + "\n" for line in self.lines)
