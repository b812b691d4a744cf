"""The baseline: findings a library already had when it adopted leaflint, accepted by fingerprint.

``leaflint baseline write FILE`` records every current finding; with a baseline (``--baseline FILE``
or ``baseline:`` in leaflint.yaml) a run reports only findings whose fingerprint is not in it; the
entries that no longer occur are handed to the ``config.baseline`` rule, so the file can shrink.
The file is JSON with one entry per line: diffs stay readable and a stale entry has a line number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.diagnostic import Diagnostic
from pipeline.fingerprint import fingerprints
from pipeline.yamlio import DataFileError, atomic_write

FORMAT = 1


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    rule: str
    leaflet: str
    path: str
    line: int  # where the finding was when the baseline was written (for people, not matching)
    message: str
    file_line: int = 1  # the entry's own line in the baseline file


@dataclass(frozen=True)
class Applied:
    """A run's findings after the baseline: the new ones and the entries that no longer occur."""

    kept: list[Diagnostic]
    baselined: int
    stale: list[Entry]


def _relative(path: str, base: Path) -> str:
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return path


def render(diagnostics: list[Diagnostic], base: Path) -> str:
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    lines = []
    for d, fp in zip(ordered, fingerprints(ordered)):
        entry = {"fingerprint": fp, "rule": d.rule, "leaflet": d.leaflet or Path(d.path).stem,
                 "path": _relative(d.path, base), "line": d.line, "message": " ".join(d.message.split())}
        lines.append(json.dumps(entry, ensure_ascii=False))
    body = ",\n".join("  " + line for line in lines)
    return (f'{{"leaflint_baseline": {FORMAT},\n "findings": [\n{body}\n ]}}\n' if lines
            else f'{{"leaflint_baseline": {FORMAT},\n "findings": []}}\n')


def write(path: Path, diagnostics: list[Diagnostic]) -> int:
    atomic_write(path, render(diagnostics, path.parent))
    return len(diagnostics)


def load(path: Path) -> list[Entry]:
    """Raises DataFileError naming the file and the cause when it is not a leaflint baseline."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), f"cannot read the baseline: {e}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataFileError(str(path), f"not JSON: {e.msg}", e.lineno, e.colno) from None
    if not isinstance(data, dict) or data.get("leaflint_baseline") != FORMAT or not isinstance(data.get("findings"), list):
        raise DataFileError(str(path), "not a leaflint baseline (write one with `leaflint baseline write FILE`)")
    lines = _entry_lines(text)
    out = []
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
            raise DataFileError(str(path), f"entry {i + 1} has no fingerprint")
        out.append(Entry(e["fingerprint"], str(e.get("rule", "")), str(e.get("leaflet", "")),
                         str(e.get("path", "")), int(e.get("line") or 1), str(e.get("message", "")),
                         lines.get(e["fingerprint"], 1)))
    return out


def _entry_lines(text: str) -> dict[str, int]:
    """fingerprint -> line in the file (entries are written one per line)."""
    out: dict[str, int] = {}
    for no, raw in enumerate(text.splitlines(), 1):
        raw = raw.strip().rstrip(",")
        if raw.startswith('{"fingerprint"'):
            try:
                out.setdefault(json.loads(raw)["fingerprint"], no)
            except (json.JSONDecodeError, KeyError, TypeError):
                pass
    return out


def apply(found: list[Diagnostic], entries: list[Entry], leaflets: set[str], rules: set[str],
          known_rules: set[str]) -> Applied:
    """Drop baselined findings. An entry is stale when its leaflet and rule were checked in this
    run (or its rule no longer exists) and nothing has its fingerprint."""
    ordered = sorted(found, key=Diagnostic.sort_key)
    accepted = {e.fingerprint for e in entries}
    prints = fingerprints(ordered)
    kept = [d for d, fp in zip(ordered, prints) if fp not in accepted]
    present = set(prints)
    stale = [e for e in entries if e.fingerprint not in present and e.leaflet in leaflets
             and (e.rule in rules or e.rule not in known_rules)]
    return Applied(kept, len(ordered) - len(kept), stale)

