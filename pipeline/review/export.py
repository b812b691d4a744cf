"""A leaflet as a Word document with its findings as comments on the flagged words."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from pipeline import __version__, i18n
from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _
from pipeline.ingest.document import Block, Document
from pipeline.review.anchors import Anchor, anchor
from pipeline.review.comments import comment_paragraphs

AUTHOR = "leaflint"
INITIALS = "LL"


@dataclass
class ReviewContext:
    """What a review document needs besides its leaflet: the run's findings and facts."""

    corpus: Corpus
    diagnostics: list[Diagnostic]
    registry: Any = None  # pipeline.facts.reference.Registry
    catalog: Any = None  # pipeline.facts.catalog.Catalog
    today: dt.date | None = None


def review_docx(doc: Document, ctx: ReviewContext) -> bytes:
    """The .docx bytes for ``doc``: a summary page, then the text with a comment per finding."""
    mine = sorted((d for d in ctx.diagnostics if d.leaflet == doc.id), key=Diagnostic.sort_key)
    placed: dict[int, list[tuple[Anchor, Diagnostic]]] = defaultdict(list)
    loose: list[Diagnostic] = []
    for d in mine:
        a = anchor(doc, d)
        if a is None:
            loose.append(d)
        else:
            placed[a.block].append((a, d))
    word = new_docx()
    _page_setup(word)
    word.core_properties.title = str(doc.meta.get("title") or doc.id)
    word.core_properties.identifier = doc.id
    word.core_properties.subject = str(doc.path)
    word.core_properties.keywords = "leaflint review"
    word.core_properties.author = AUTHOR
    _summary(word, doc, mine, loose, ctx)
    _body(word, doc, placed, ctx)
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def _page_setup(word) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    word.styles["Normal"].font.size = Pt(11)


def _comment(word, runs, d: Diagnostic, ctx: ReviewContext) -> None:
    paragraphs = comment_paragraphs(d, _reference_text(d, ctx))
    comment = word.add_comment(runs, text=paragraphs[0], author=AUTHOR, initials=INITIALS)
    for p in paragraphs[1:]:
        comment.add_paragraph(p)


# -- the first page -------------------------------------------------------------------------------

def _summary(word, doc: Document, mine: list[Diagnostic], loose: list[Diagnostic], ctx: ReviewContext) -> None:
    title = doc.meta.get("title")
    word.add_heading(_("Review: {leaflet}").format(leaflet=f"{doc.id} · {title}" if title else doc.id), level=1)
    today = (ctx.today or dt.date.today()).isoformat()
    word.add_paragraph(_("Source: {path} · leaflint {version} · {date}").format(
        path=doc.path, version=__version__, date=today))
    counts = Counter(d.severity.value if d.severity else "info" for d in mine)
    word.add_paragraph(_("{errors} error(s), {warnings} warning(s), {infos} note(s); each one is a comment "
                         "on the words it is about.").format(errors=counts["error"], warnings=counts["warning"],
                                                            infos=counts["info"]))
    word.add_paragraph(_("Answer a comment with 'akkoord' to take its suggestion (a fact value becomes a pin, "
                         "a spelling its correction) or with 'afwijzen: <reason>' to waive it for a year; "
                         "then run `leaflint review --import` on this file."))
    word.add_heading(_("Facts in this leaflet"), level=2)
    _fact_table(word, doc, mine, ctx)
    if loose:
        word.add_heading(_("Findings without a place in the text"), level=2)
        for d in loose:
            p = word.add_paragraph(style="List Bullet")
            run = p.add_run(f"{Path(d.path).name}:{d.line}: {d.message}")
            _comment(word, run, d, ctx)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


_COLUMN_CM = (5.0, 2.6, 3.4, 3.2, 2.8)


def _fact_table(word, doc: Document, mine: list[Diagnostic], ctx: ReviewContext) -> None:
    facts = list(ctx.corpus.facts.get(doc.id, []) or [])
    if not facts:
        word.add_paragraph(_("No facts found in this leaflet."))
        return
    headers = (_("Fact"), _("Here"), _("Reference"), _("Other leaflets"), _("Finding"))
    table = word.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    by_fact = defaultdict(list)
    for d in mine:
        if d.fact:
            by_fact[(d.fact, d.line)].append(d)
    for f in sorted(facts, key=lambda f: (f.key, f.line)):
        kind = ctx.catalog.kind(f.key) if ctx.catalog else None
        cells = table.add_row().cells
        cells[0].text = kind.label if kind else f.key
        cells[1].text = _value(f) + " " + _("(line {line})").format(line=f.line)
        cells[2].text = _reference_text_for(f, ctx, short=True) or "—"
        cells[3].text = _others(f, doc.id, ctx) or "—"
        hits = by_fact.get((f.key, f.line), [])
        cells[4].text = "; ".join(f"{_severity_word(d)}: {d.rule}" for d in hits) or _("no finding")
    for column, width in zip(table.columns, _COLUMN_CM):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, _COLUMN_CM):
            cell.width = Cm(width)
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9)


def _severity_word(d: Diagnostic) -> str:
    names = {"error": _("error"), "warning": _("warning"), "info": _("note")}
    return names.get(d.severity.value if d.severity else "info", "")


def _value(f) -> str:
    if getattr(f, "text", None) is not None:
        return str(f.text)
    return i18n.quantity(f.min, f.max, f.unit, f.approx)


def _others(f, lid: str, ctx: ReviewContext) -> str:
    values = Counter()
    for other, facts in sorted((ctx.corpus.facts or {}).items()):
        if other == lid:
            continue
        for g in facts or []:
            if g.key == f.key and g.region() == f.region():
                values[_value(g)] += 1
                break
    return ", ".join(f"{v} ({n}×)" for v, n in values.most_common(6))


def _reference_text_for(f, ctx: ReviewContext, short: bool = False) -> str:
    """The reference value with its sources: in full for a comment, by publisher for the table."""
    if ctx.registry is None or getattr(f, "text", None) is not None:
        return ""
    ref = ctx.registry.for_fact(f, f.region())
    if ref is None:
        return ""
    value = i18n.quantity(ref.min, ref.max, f.unit)
    cites = "; ".join(c.short() if short else str(c) for c in ref.citations)
    return f"{value} ({cites})" if cites else value


def _reference_text(d: Diagnostic, ctx: ReviewContext) -> str:
    if not d.fact:
        return ""
    for f in ctx.corpus.facts.get(d.leaflet, []) or []:
        if f.key == d.fact and f.line == d.line:
            return _reference_text_for(f, ctx)
    return ""


# -- the text with its comments -------------------------------------------------------------------

_STYLES = {"heading": "Heading {level}", "list_item": "List Bullet", "paragraph": None}


def _body(word, doc: Document, placed: dict[int, list[tuple[Anchor, Diagnostic]]], ctx: ReviewContext) -> None:
    tables: dict[int, Any] = {}
    for i, block in enumerate(doc.blocks):
        paragraph = _paragraph_for(word, block, tables)
        _runs_with_comments(word, paragraph, block.text, placed.get(i, []), ctx)


def _paragraph_for(word, block: Block, tables: dict):
    if block.kind == "table_cell" and block.cell is not None:
        t, row, col = block.cell
        table = tables.get(t)
        if table is None:
            table = tables[t] = word.add_table(rows=0, cols=0)
            table.style = "Table Grid"
        while len(table.rows) <= row:
            table.add_row()
        while len(table.columns) <= col:
            table.add_column(Cm(4))
        return table.cell(row, col).paragraphs[0]
    if block.kind == "heading":
        return word.add_paragraph(style=f"Heading {min(max(block.level, 1), 4)}")
    if block.kind == "list_item":
        return word.add_paragraph(style="List Number" if block.ordered else "List Bullet")
    return word.add_paragraph()


def _runs_with_comments(word, paragraph, text: str, hits: list[tuple[Anchor, Diagnostic]], ctx) -> None:
    """The block's text as runs cut at every finding's start and end; each finding's comment
    spans the runs of its range (ranges may overlap)."""
    cuts = sorted({0, len(text), *(a.start for a, _d in hits), *(min(a.end, len(text)) for a, _d in hits)})
    runs = {}
    for s, e in zip(cuts, cuts[1:]):
        if e > s:
            runs[s] = paragraph.add_run(text[s:e])
    if not runs:
        runs[0] = paragraph.add_run("")
    starts = sorted(runs)
    for a, d in hits:
        covered = [runs[s] for s in starts if a.start <= s < max(a.end, a.start + 1)] or [runs[starts[-1]]]
        _comment(word, covered, d, ctx)

