"""Stable identities of findings: the SARIF partialFingerprints and the baseline use the same ones.

A fingerprint is built from what a finding is about (rule, leaflet, fact, key or matched text),
never from its line or column, so it survives moved lines and edits elsewhere in the leaflet.
Findings with the same basis in one leaflet (the same misspelling twice) are numbered in document
order, so each keeps its own fingerprint.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.diagnostic import Diagnostic


def fingerprint(d: Diagnostic, occurrence: int = 0) -> str:
    """rule + leaflet + fact + (key or matched text or message) + occurrence after the first."""
    basis = "|".join([d.rule, d.leaflet or Path(d.path).stem, d.fact or "", d.key or d.match or d.message])
    if occurrence:
        basis += f"|{occurrence}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


class Fingerprinter:
    """Numbers repeated findings in the order they are shown (sorted by position)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, d: Diagnostic) -> str:
        first = fingerprint(d)
        n = self.seen.get(first, 0)
        self.seen[first] = n + 1
        return fingerprint(d, n)


def fingerprints(diagnostics) -> list[str]:
    """The fingerprint of each finding, in the order given (sort them by position first)."""
    fp = Fingerprinter()
    return [fp(d) for d in diagnostics]
