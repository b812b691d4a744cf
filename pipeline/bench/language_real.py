"""The language rules on real pages, against a reviewer's annotations (kept outside the repository).

``python -m pipeline.bench.language_speed --real DIR [--split dev|heldout] [--annotations FILE]``

``DIR`` holds ``index.tsv`` (``slug<TAB>url<TAB>publisher<TAB>split``) and ``pages/<slug>.txt``
(first line ``# <url>``, then the page's text). The annotations file (YAML) lists per slug what a
reviewer marked on that page::

    <slug>:
      nonwords: [wrod]                 # real misspellings: a spelling finding on them is right
      errors:                          # real-word errors: a finding on that line covering the text
        - {text: "de tweede en derde trimester", kind: agreement}
      residue: ["Print pagina"]        # whole lines a reviewer would delete from the leaflet
      abbrevs: [ivm]                   # abbreviations written without their official full stops

Figures: false spelling findings per 1,000 words (a finding on an abbreviation the reviewer marked as
written without its full stops is counted apart: the official spelling wants the stops, a reviewer
may not), the notes of spelling.unknown-term per 1,000
words (and how many fell on a real misspelling), real-word errors found per kind, residue
lines found (recall) and residue findings on lines nobody marked. Pages are linted as .txt files
in a temporary folder, with the project's default configuration.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.language.tokens import spell_tokens
from pipeline.lint.config import Config
from pipeline.yamlio import load_yaml

SPELLING = "spelling.unknown-word"
TERMS = "spelling.unknown-term"  # info notes on words no dictionary word is close to: counted apart
RESIDUE = "style.web-residue"
_SENTENCE_END = re.compile(r"[.!?:](?=\s)|\n")
REAL_WORD_RULES = ("grammar.agreement", "grammar.dt", "structure.repeated-text")
# a section written twice, its heading and its text: the finding spans the whole second copy, so it finds
# a repeated sentence of that section (structure.repeated-text leaves such a section to this rule)
SECTION = "structure.duplicate-section"
# a residue finding on words glued at a full stop ("koorts.Het"): it names the slip an annotation marks
GLUED = "glued-words"
# typography's findings on a compound that opens with a number and is written apart ("de 20 weken echo"):
# a real-word error of its own, as is "a" for "à" between two numbers; the rule's other findings (spaces,
# signs) are no such error
TYPOGRAPHY = "typography.substitution"
COMPOUND_SUBSTITUTIONS = ("number-compound", "number-word-compound", "a-accent")  # and "één a twee" -> à
# a repeated line that style.web-residue reports as such ("the page title repeated", "a line repeated 3
# times"): the finding names the repetition, so it finds a title the page writes twice
REPEATED_RESIDUE = ("repeated-title", "running-line")


@dataclass
class PageResult:
    slug: str
    words: int
    false_spelling: list[str] = field(default_factory=list)
    true_spelling: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)  # findings on marked abbreviations without stops
    term_notes: list[tuple[str, bool]] = field(default_factory=list)  # (word, a real misspelling)
    errors_found: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    errors_missed: list[tuple[str, str]] = field(default_factory=list)
    repeated_by_residue: int = 0  # repeated titles found only by a residue finding that names the repetition
    residue_found: list[str] = field(default_factory=list)
    residue_missed: list[str] = field(default_factory=list)
    residue_extra: list[str] = field(default_factory=list)  # flagged lines nobody marked
    other: list[str] = field(default_factory=list)  # real-word rule findings not annotated
    cut: list[str] = field(default_factory=list)  # annotations in the fragment where the excerpt stops


def read_index(root: Path, split: str | None) -> list[tuple[str, str]]:
    out = []
    for line in (root / "index.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and (split is None or cols[3].strip() == split):
            out.append((cols[0], cols[1]))
    return out


def page_text(root: Path, slug: str, whole: tuple[str, ...] = ()) -> str:
    """The page's text without its URL line; a stored excerpt that stops inside a sentence loses
    that fragment ("... een herh"): the cut is the store's, not the publisher's. A last line that the
    annotations list as a whole line (``whole``: the page's residue lines, "Beeld: ANP") is no
    fragment and stays."""
    text = (root / "pages" / f"{slug}.txt").read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    text = (rest if first.startswith("# ") else text).rstrip()
    last = text.rsplit("\n", 1)[-1].strip()
    if text and text[-1] not in ".!?:;)”\"'’" and not any(w.strip() and w.strip() in last for w in whole):
        # the excerpt stops inside a sentence: drop that sentence's fragment
        # at a sentence end or a line end: a full stop inside a word ("Telegraph.co.uk") ends nothing
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        text = text[: ends[-1] if ends else 0].rstrip()
    return text + "\n"


def _line_of(text: str, needle: str, every: bool = False) -> list[int]:
    """1-based line numbers of ``text`` whose stripped content is ``needle`` or contains it; with
    ``every``, each line holding it (a repeated text: both of its occurrences)."""
    lines = text.split("\n")
    exact = [i + 1 for i, ln in enumerate(lines) if ln.strip() == needle.strip()]
    inside = [i + 1 for i, ln in enumerate(lines) if needle.strip() in ln]
    return inside if every else exact or inside


def _covers(d, err: dict, line: str) -> bool:
    """A finding on the error's line whose words are the error's, or whose line holds the error. A
    spelling finding counts when it names a word of the error: a slip that makes no word at all
    ("zich innesteld") is an unknown word, and that finding leads the reviewer to it."""
    text = err["text"].lower()
    if d.rule == SPELLING:
        return d.match.lower() in text.split()
    return d.match.lower() in text or text in line.lower()


def _cut_word(text: str, d) -> bool:
    """The finding is on the page's last word where the excerpt stops without a sentence's end (a
    last line kept whole as residue keeps its cut word: "Lees ook: ... en rou")."""
    body = text.rstrip()
    return (bool(body) and body[-1].isalpha() and d.line == body.count("\n") + 1
            and body.endswith(d.match))


def _score_page(slug: str, text: str, diags: list, notes: dict, words: int) -> PageResult:
    res = PageResult(slug, words)
    _score_spelling(res, text, diags, notes)
    flagged = defaultdict(list)
    for d in diags:
        if d.rule in REAL_WORD_RULES or d.rule in (RESIDUE, SPELLING, SECTION):
            flagged[d.rule].append(d)
        elif d.rule == TYPOGRAPHY and (d.key or "").startswith(COMPOUND_SUBSTITUTIONS):
            flagged[TYPOGRAPHY].append(d)
    _score_errors(res, text, flagged, notes)
    _score_residue(res, text, flagged, notes)
    return res


def _score_spelling(res: PageResult, text: str, diags: list, notes: dict) -> None:
    nonwords = {w.lower() for w in notes.get("nonwords") or []}
    abbrevs = {a.lower() for a in notes.get("abbrevs") or ()}
    errors = notes.get("errors") or []
    for d in diags:
        if d.rule in (SPELLING, TERMS) and _cut_word(text, d):
            continue  # the stored excerpt stops inside this word: the store's cut, not the publisher's
        if d.rule == SPELLING:
            # a slip inside an annotated real-word error that makes no word ("innesteld") is a real one,
            # and so is a hyphenated word with a misspelt part ("porcelijn-wit")
            real = any(part in nonwords for part in (d.match.lower(), *d.match.lower().split("-"))) or any(
                d.line in _line_of(text, e["text"]) and _covers(d, e, "") for e in errors)
            abbreviation = d.match.lower() in abbrevs
            (res.true_spelling if real else res.abbreviations if abbreviation else res.false_spelling).append(d.match)
        elif d.rule == TERMS:
            res.term_notes.append((d.match, d.match.lower() in nonwords or any(
                d.line in _line_of(text, e["text"]) and d.match.lower() in e["text"].lower().split() for e in errors)))


def _found_by_rule(err: dict, where: list[int], lines: list[str], flagged) -> bool:
    """A real-word rule's finding on the error; a section's copy for a repeated text; a glued-words
    residue finding for the slip it names."""
    return any(d.line in where and _covers(d, err, lines[d.line - 1])
               for r in (*REAL_WORD_RULES, TYPOGRAPHY, SPELLING) for d in flagged[r]) or any(
        err["kind"] == "repeated" and set(where) & set(range(d.line, (d.end_line or d.line) + 1))
        for d in flagged[SECTION]) or any(err["kind"] == "other" and d.line in where and d.key == GLUED
                                          and d.match.lower() in err["text"].lower() for d in flagged[RESIDUE])


def _score_errors(res: PageResult, text: str, flagged, notes: dict) -> None:
    lines = text.split("\n")
    hit_lines: set[int] = set()
    for err in notes.get("errors") or []:
        # a repeated text is found on either of its occurrences: the finding names the other one
        where = _line_of(text, err["text"], every=err["kind"] == "repeated")
        if not where:
            res.cut.append(err["text"])  # in the fragment where the stored excerpt stops: not linted
            continue
        by_rule = _found_by_rule(err, where, lines, flagged)
        by_residue = err["kind"] == "repeated" and any(d.line in where and d.key in REPEATED_RESIDUE
                                                       for d in flagged[RESIDUE])
        found = by_rule or by_residue
        (res.errors_found if found else res.errors_missed).append((err["kind"], err["text"]))
        if by_residue and not by_rule:
            res.repeated_by_residue += 1
        if found:
            hit_lines.update(where)
    for r in (*REAL_WORD_RULES, TYPOGRAPHY, SECTION):
        res.other.extend(f"{r} {d.line}: {d.match}" for d in flagged[r] if d.line not in hit_lines)


def _score_residue(res: PageResult, text: str, flagged, notes: dict) -> None:
    lines = text.split("\n")
    marked: set[int] = set()
    # a finding covers every line of its span: a block of wrapped lines (an entry of a printed
    # table of contents over three short lines) is one finding the reviewer deletes whole
    residue_lines = {n for d in flagged[RESIDUE] for n in range(d.line, (d.end_line or d.line) + 1)}
    for line in notes.get("residue") or []:
        where = set(_line_of(text, line))
        if not where:
            res.cut.append(line)
            continue
        marked |= where
        (res.residue_found if where & residue_lines else res.residue_missed).append(line)
    res.residue_extra = sorted({f"{d.line}: {lines[d.line - 1].strip()[:70]}" for d in flagged[RESIDUE]
                                if d.line not in marked})


def measure_real(root: Path, split: str | None, annotations: Path | None) -> list[PageResult]:
    from pipeline import orchestrate
    from pipeline.lint.rules import all_rules

    notes_all = (load_yaml(annotations) or {}) if annotations else {}
    pages = read_index(root, split)
    with tempfile.TemporaryDirectory(prefix="leaflint-real-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        texts = {}
        for slug, _url in pages:
            texts[slug] = page_text(root, slug, tuple((notes_all.get(slug) or {}).get("residue") or ()))
            (folder / f"{slug}.txt").write_text(texts[slug], encoding="utf-8")
        config = Config(output=Path(tmp) / "output")
        select = {SPELLING, TERMS, RESIDUE, TYPOGRAPHY, SECTION, *REAL_WORD_RULES} & set(all_rules())
        result = orchestrate.run_lint([folder], config, select=select, cache=False)
    by_doc = defaultdict(list)
    for d in result.diagnostics:
        by_doc[Path(d.path).stem].append(d)
    words = {doc.id: sum(len(spell_tokens(b.text)) for b in doc.blocks) for doc in result.corpus.documents}
    return [_score_page(slug, texts[slug], by_doc[slug], notes_all.get(slug) or {}, words.get(slug, 0))
            for slug, _ in pages]


def summary(results: list[PageResult]) -> dict:
    words = sum(r.words for r in results)
    false_sp = sum(len(r.false_spelling) for r in results)
    kinds_found, kinds_all = Counter(), Counter()
    for r in results:
        for kind, _ in r.errors_found:
            kinds_found[kind] += 1
            kinds_all[kind] += 1
        for kind, _ in r.errors_missed:
            kinds_all[kind] += 1
    res_found = sum(len(r.residue_found) for r in results)
    res_all = res_found + sum(len(r.residue_missed) for r in results)
    return {
        "pages": len(results), "words": words,
        "spelling_false": false_sp, "spelling_false_per_1000_words": 1000 * false_sp / words if words else 0.0,
        "spelling_true": sum(len(r.true_spelling) for r in results),
        "spelling_on_marked_abbreviations": sum(len(r.abbreviations) for r in results),
        "term_notes_per_1000_words": 1000 * sum(len(r.term_notes) for r in results) / words if words else 0.0,
        "term_notes_on_misspellings": f"{sum(real for r in results for _w, real in r.term_notes)} of "
                                      f"{sum(len(r.term_notes) for r in results)}",
        "real_word_errors": f"{sum(kinds_found.values())} of {sum(kinds_all.values())}",
        "real_word_kinds": {k: f"{kinds_found[k]}/{n}" for k, n in sorted(kinds_all.items())},
        "real_word_found_by_residue": sum(r.repeated_by_residue for r in results),
        "real_word_unannotated_findings": sum(len(r.other) for r in results),
        "residue_recall": f"{res_found} of {res_all}" + (f" ({100 * res_found / res_all:.0f} %)" if res_all else ""),
        "residue_unmarked_findings": sum(len(r.residue_extra) for r in results),
        # annotated errors and residue lines in the fragment where a stored excerpt stops (dropped
        # before linting, so neither found nor missed)
        "annotations_in_cut_fragments": sum(len(r.cut) for r in results),
    }


def report(results: list[PageResult], verbose: bool) -> str:
    out = []
    if verbose:
        for r in results:
            parts = [f"== {r.slug} ({r.words} words)"]
            parts += [f"  false spelling: {w}" for w in r.false_spelling]
            parts += [f"  marked abbreviation: {w}" for w in r.abbreviations]
            parts += [f"  term note{' (a misspelling)' if real else ''}: {w}" for w, real in r.term_notes]
            parts += [f"  missed error [{k}]: {t}" for k, t in r.errors_missed]
            parts += [f"  unannotated: {t}" for t in r.other]
            parts += [f"  missed residue: {t}" for t in r.residue_missed]
            parts += [f"  in the cut fragment (not linted): {t}" for t in r.cut]
            parts += [f"  unmarked residue finding: {t}" for t in r.residue_extra]
            if len(parts) > 1:
                out.extend(parts)
    for k, v in summary(results).items():
        out.append(f"{k}: {v:.2f}" if isinstance(v, float) else f"{k}: {v}")
    return "\n".join(out)
