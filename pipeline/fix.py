"""Applying fixes: replacements over spans of a leaflet as given, safe ones only.

A rule offers fixes (``Diagnostic.fixes``); ``leaflint fix`` applies the one safe fix of a finding
(a spelling with one clear candidate, a typographic slip, a d/t ending) and never a fact value,
which is only offered. Fixes apply to files whose lines and columns are the file's own (.txt, .md,
.html); the text under a fix must still be the flagged text, else it is skipped (the file changed
since the lint, or an HTML entity stands there). The file keeps its encoding and line ends.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import i18n
from pipeline.diagnostic import Diagnostic, Fix
from pipeline.i18n import _

LINE_BASED = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Planned:
    """A fix with the finding it comes from."""

    fix: Fix
    diagnostic: Diagnostic


@dataclass
class FileFix:
    """What fixing one file gives: the new text and which fixes were applied or skipped (why)."""

    path: Path
    original: str
    fixed: str
    encoding: str
    applied: list[Planned] = field(default_factory=list)
    skipped: list[tuple[Planned, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self, label: str | None = None) -> str:
        name = label or str(self.path)
        lines = difflib.unified_diff(self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
                                     fromfile=f"a/{name}", tofile=f"b/{name}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def safe_fixes(diagnostics: list[Diagnostic]) -> dict[str, list[Planned]]:
    """The safe fix of each finding, per path."""
    out: dict[str, list[Planned]] = {}
    for d in diagnostics:
        if d.fix is not None:
            out.setdefault(d.path, []).append(Planned(d.fix, d))
    return out


def offered(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Findings with replacements that a person has to choose (fact values, several candidates)."""
    return [d for d in diagnostics if d.fixes and d.fix is None]


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding to write it back in (as ingest decodes it)."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "cp1252"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _offset(starts: list[int], text: str, line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts):
        return None
    off = starts[line - 1] + column - 1
    end = starts[line] if line < len(starts) else len(text)
    return off if starts[line - 1] <= off <= end else None


def fix_file(path: Path, planned: list[Planned]) -> FileFix:
    """Apply ``planned`` to the file at ``path`` (in memory): later ones first, overlaps skipped."""
    text, encoding = read_text(path)
    result = FileFix(path=path, original=text, fixed=text, encoding=encoding)
    if path.suffix.lower() not in LINE_BASED:
        result.skipped = [(p, _("a {kind} file has no text positions to fix; use `leaflint review`")
                           .format(kind=path.suffix.lower())) for p in planned]
        return result
    starts = _line_starts(text)
    spans = []
    for p in planned:
        a = _offset(starts, text, p.fix.line, p.fix.column)
        b = _offset(starts, text, p.fix.end_line, p.fix.end_column)
        if a is None or b is None or b < a or text[a:b] != p.diagnostic.match:
            result.skipped.append((p, _("the text there is no longer '{match}'").format(match=p.diagnostic.match)))
            continue
        spans.append((a, b, p))
    spans.sort(key=lambda s: (s[0], -s[1]))  # at one place the longer span wins
    kept, last_end = [], -1
    for a, b, p in spans:
        if a < last_end:
            result.skipped.append((p, _("overlaps another fix")))
            continue
        kept.append((a, b, p))
        last_end = b
    fixed = text
    for a, b, p in reversed(kept):
        fixed = fixed[:a] + p.fix.replacement + fixed[b:]
    result.fixed = fixed
    result.applied = [p for _a, _b, p in kept]
    return result


# -- fact values as replacement text -------------------------------------------------------------

_NUM = r"\d+(?:[.,]\d+)?"
_QUANTITY = re.compile(rf"{_NUM}(?:\s*(?:-|–|—|tot|à|a|en)\s*{_NUM})?")


def restate(stated: str, lo: float | None, hi: float | None, unit: str,
            was: tuple[float | None, float | None] | None = None, converted: bool = False) -> str:
    """``stated`` (a quantity as the leaflet writes it, "tot 20 weken") with another value:
    "tot 16 weken". The numbers are replaced in Dutch notation (the leaflet's language) and the
    words around them stay, when the digits in the text are the value ``was`` (the fact's own).
    Otherwise (another unit such as "5 maanden" for weeks, "1 op de 10" for a percentage, a value
    in words, an open range) the replacement is the value with its unit: "16 weken"."""
    value = i18n.quantity(lo, hi, unit, lang="nl")
    m = _QUANTITY.search(stated)
    if m is None or converted or lo is None or hi is None:
        return value
    if was is not None and _numbers(m.group()) != [x for x in dict.fromkeys(was) if x is not None]:
        return value
    return stated[:m.start()] + i18n.quantity(lo, hi, "", lang="nl") + stated[m.end():]


def restate_fact(fact, lo: float | None, hi: float | None) -> str:
    """``restate`` for a fact (pipeline.facts.model.Fact): its text as written with the value
    ``lo``-``hi`` in the fact's unit."""
    original = fact.original or {}
    was = (original.get("min"), original.get("max")) if original else (fact.min, fact.max)
    converted = bool(original) and original.get("unit", fact.unit) != fact.unit
    return restate(fact.match, lo, hi, fact.unit, was=was, converted=converted)


def _numbers(text: str) -> list[float]:
    return list(dict.fromkeys(float(x.replace(",", ".")) for x in re.findall(_NUM, text)))


def fix_all(diagnostics: list[Diagnostic]) -> list[FileFix]:
    """Every file with safe fixes, fixed in memory, in path order."""
    return [fix_file(Path(path), planned) for path, planned in sorted(safe_fixes(diagnostics).items())]


def describe(d: Diagnostic, replacement: str) -> str:
    """One line for a fix: where, which rule, what becomes what."""
    return f"{d.path}:{d.line}:{d.column}: {d.rule}: '{d.match}' → '{replacement}'"
