"""The JSON contract: ``{"diagnostics": [...], "summary": {"error", "warning", "info"}}``."""

from __future__ import annotations

import json

from pipeline.diagnostic import Diagnostic, Summary


class Formatter:
    def __init__(self, **_):
        self.items: list[str] = []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        # one finding per line, each encoded by the C encoder: `indent=` falls back to the
        # pure-Python encoder, several seconds for the findings of ten thousand leaflets
        self.items.append(json.dumps(d.to_dict(), ensure_ascii=False))

    def end(self, summary: Summary) -> str:
        body = ",\n  ".join(self.items)
        diagnostics = f"[\n  {body}\n ]" if self.items else "[]"
        summary_json = json.dumps(summary.to_dict())
        return f'{{"diagnostics": {diagnostics},\n "summary": {summary_json}}}\n'
