"""The JSON contract: ``{"diagnostics": [...], "summary": {"error", "warning", "info"}}``."""

from __future__ import annotations

import json

from pipeline.diagnostic import Diagnostic, Summary


class Formatter:
    def __init__(self, **_):
        self.items: list[dict] = []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        self.items.append(d.to_dict())

    def end(self, summary: Summary) -> str:
        return json.dumps({"diagnostics": self.items, "summary": summary.to_dict()}, ensure_ascii=False, indent=2) + "\n"
