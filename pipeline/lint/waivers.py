"""Waivers: accepted findings with a reason, a reviewer and an expiry date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pipeline.diagnostic import Diagnostic
from pipeline.yamlio import load_validated


@dataclass(frozen=True)
class Waiver:
    rule: str
    leaflet: str
    reason: str
    reviewer: str
    expires: dt.date
    fact: str | None = None
    match: str | None = None
    path: str = ""
    line: int = 1

    def matches(self, d: Diagnostic) -> bool:
        if d.rule != self.rule:
            return False
        if self.leaflet != "*" and d.leaflet != self.leaflet:
            return False
        if self.fact is not None and d.fact != self.fact:
            return False
        if self.match is not None and d.match.casefold() != self.match.casefold():
            return False
        return True

    def expired(self, today: dt.date) -> bool:
        return self.expires < today


def load_waivers(path: Path) -> list[Waiver]:
    """Raises DataFileError (naming file, line and field) when the file is broken."""
    data = load_validated(path, "waivers.schema.json")
    out = []
    for i, w in enumerate(data["waivers"]):
        line = data["waivers"].lc.item(i)[0] + 1 if hasattr(data["waivers"], "lc") else 1
        out.append(
            Waiver(
                rule=str(w["rule"]),
                leaflet=str(w["leaflet"]),
                reason=str(w["reason"]),
                reviewer=str(w["reviewer"]),
                expires=dt.date.fromisoformat(str(w["expires"])),
                fact=str(w["fact"]) if "fact" in w else None,
                match=str(w["match"]) if "match" in w else None,
                path=str(path),
                line=line,
            )
        )
    return out
