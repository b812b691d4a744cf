"""A reviewer's answers in a review .docx -> pins in the sidecar, waivers, fixes.

"akkoord" on a fact finding pins the suggested value (reviewed, with the reviewer); on another
finding with a suggestion it applies that replacement like ``leaflint fix`` (to a copy unless
``write``). "afwijzen: <reden>" adds a waiver (rule, leaflet, fact, match) with the reason, the
reviewer and an expiry one year ahead. YAML files keep their comments and order (ruamel.yaml).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.corpus import SIDECAR_SUFFIX
from pipeline.diagnostic import Diagnostic, Fix
from pipeline.fix import FileFix, Planned, fix_file
from pipeline.i18n import _
from pipeline.review.comments import ACCEPT, REJECT, Answer, FindingRef, parse_answer, parse_ident, suggestion_in
from pipeline.review.docx_read import ReviewedDocument, WordComment
from pipeline.yamlio import atomic_write, dump_yaml, load_yaml, round_trip, validate

WAIVER_DAYS_AHEAD = 1  # years


@dataclass(frozen=True)
class Decision:
    finding: FindingRef
    answer: Answer
    reviewer: str
    suggestion: str | None


@dataclass
class ImportResult:
    """What an import did, for the summary the CLI prints."""

    pins: list[dict] = field(default_factory=list)
    waivers: list[dict] = field(default_factory=list)
    fixed: FileFix | None = None
    seen: list[FindingRef] = field(default_factory=list)  # accepted, nothing to write
    problems: list[str] = field(default_factory=list)  # answers that could not be used, and why


def decisions_of(doc: ReviewedDocument) -> tuple[list[Decision], list[str]]:
    """One decision per answered leaflint comment (its latest answer); unclear answers listed."""
    threads = _threads(doc.comments)
    out, unclear = [], []
    for c, replies in threads:
        ref = parse_ident(c.paragraphs[-1]) if c.paragraphs else None
        if ref is None:
            continue
        suggestion = suggestion_in(c.paragraphs)
        answer, who = None, ""
        # paragraphs a reviewer typed into the comment itself, then the replies in order
        candidates = [(p, c.author) for p in c.paragraphs[:-1]] + [(p, r.author) for r in replies for p in r.paragraphs]
        for text, author in candidates:
            found = parse_answer(text)
            if found is not None:
                answer, who = found, author
            elif author != c.author:
                unclear.append(_("{rule} on line {line}: answer not understood: '{text}' (use 'akkoord' or "
                                 "'afwijzen: <reason>')").format(rule=ref.rule, line=ref.line, text=text[:80]))
        if answer is None and c.done:
            answer, who = Answer(ACCEPT), next((r.author for r in replies), "")
        if answer is not None:
            out.append(Decision(ref, answer, who if who != c.author else "", suggestion))
    return out, unclear


def _threads(comments: list[WordComment]) -> list[tuple[WordComment, list[WordComment]]]:
    """leaflint's comments with their replies; a comment without a thread link that is anchored
    where a leaflint comment starts is taken as a reply to it (how some editors save replies)."""
    ours = [c for c in comments if c.paragraphs and parse_ident(c.paragraphs[-1])]
    theirs = [c for c in comments if c not in ours]
    threads = {c.id: (c, list(c.replies)) for c in ours}
    for other in theirs:
        host = next((c for c in ours if c.anchor_at == other.anchor_at and other.anchor_at >= 0), None)
        if host is not None:
            threads[host.id][1].append(other)
    return list(threads.values())


# -- writing the decisions ------------------------------------------------------------------------

def apply_decisions(decisions: list[Decision], leaflet: str, leaflet_path: Path, waivers_path: Path,
                    catalog, today: dt.date, fixed_dir: Path | None) -> ImportResult:
    """Write pins to the leaflet's sidecar, waivers to ``waivers_path`` and accepted text fixes to
    ``fixed_dir`` (None: into the leaflet itself)."""
    result = ImportResult()
    fixes: list[Planned] = []
    for dec in decisions:
        ref = dec.finding
        if dec.answer.kind == REJECT:
            if len(dec.answer.reason) < 3:
                result.problems.append(_("{rule} on line {line}: 'afwijzen' needs a reason").format(
                    rule=ref.rule, line=ref.line))
                continue
            result.waivers.append(_waiver(ref, leaflet, dec, today))
        elif ref.fact:
            result.pins.append(_pin(ref, dec, catalog))
        elif dec.suggestion:
            fix = Fix(dec.suggestion, ref.line, ref.column, ref.end_line, ref.end_column, safe=True)
            fixes.append(Planned(fix, Diagnostic(path=str(leaflet_path), line=ref.line, column=ref.column,
                                                 message="", match=ref.match, rule=ref.rule)))
        else:
            result.seen.append(ref)
    sidecar = leaflet_path.with_name(leaflet_path.stem + SIDECAR_SUFFIX)
    for pin in result.pins:
        _pin_into(sidecar, pin)
    if result.waivers:
        write_waivers(waivers_path, result.waivers)
    if fixes:
        ff = fix_file(leaflet_path, fixes)
        result.fixed = ff
        result.problems.extend(f"{p.diagnostic.rule} on line {p.fix.line}: {why}" for p, why in ff.skipped)
        if ff.changed:
            atomic_write(fixed_dir / leaflet_path.name if fixed_dir else leaflet_path, ff.fixed.encode(ff.encoding))
    return result


def _waiver(ref: FindingRef, leaflet: str, dec: Decision, today: dt.date) -> dict:
    w = {"rule": ref.rule, "leaflet": leaflet}
    if ref.fact:
        w["fact"] = ref.fact
    if ref.match:
        w["match"] = ref.match
    w.update(reason=dec.answer.reason, reviewer=dec.reviewer or "onbekend", expires=_a_year_after(today).isoformat())
    return w


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + WAIVER_DAYS_AHEAD)
    except ValueError:  # 29 February
        return day.replace(year=day.year + WAIVER_DAYS_AHEAD, day=28)


_NUMBER = r"\d+(?:[.,]\d+)?"


def pin_value(suggestion: str) -> float | list | None:
    """The value a suggested replacement states: "tot 16 weken" -> 16, "10–20 %" -> [10, 20],
    "≤ 16 weken" -> [None, 16]; None when it states no number."""
    numbers = [float(x.replace(",", ".")) for x in re.findall(_NUMBER, suggestion)]
    numbers = [int(x) if x.is_integer() else x for x in numbers]
    if not numbers:
        return None
    if "≤" in suggestion:
        return [None, numbers[0]]
    if "≥" in suggestion:
        return [numbers[0], None]
    return numbers[0] if len(numbers) == 1 else [numbers[0], numbers[1]]


def _pin(ref: FindingRef, dec: Decision, catalog) -> dict:
    pin: dict = {"key": ref.fact, "line": ref.line}
    kind = catalog.kind(ref.fact) if catalog else None
    if dec.suggestion:
        if kind is not None and kind.unit == "text":
            pin["text"] = dec.suggestion
        elif (value := pin_value(dec.suggestion)) is not None:
            pin["value"] = value
    pin["reviewed"] = True
    if dec.reviewer:
        pin["reviewer"] = dec.reviewer
    return pin


def _pin_into(sidecar: Path, pin: dict) -> None:
    from pipeline.facts.stage import pin_fact

    pin_fact(sidecar, pin)


WAIVERS_HEADER = ("# Findings a reviewer accepted: rule, leaflet (or *), optional fact and match, a reason,\n"
                  "# the reviewer and an expiry date (schema/waivers.schema.json).\n")


def write_waivers(path: Path, new: list[dict]) -> None:
    """Add or update waivers (same rule, leaflet, fact and match) in ``path``, keeping its comments."""
    y = round_trip()
    data = load_yaml(path, rt=True) if path.is_file() else None
    if data is None:
        data = y.load(WAIVERS_HEADER + "waivers: []\n")
    entries = data.get("waivers")
    if entries is None:
        data["waivers"] = entries = y.load("[]\n")
    ident = ("rule", "leaflet", "fact", "match")
    for w in new:
        old = next((e for e in entries if all(e.get(k) == w.get(k) for k in ident)), None)
        if old is None:
            entries.append(w)
        else:
            for k, v in w.items():
                old[k] = v
    validate(data, "waivers.schema.json", path)
    atomic_write(path, dump_yaml(data))
