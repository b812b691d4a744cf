"""Where a finding stands in a leaflet's blocks: the inverse of ``Document.span``."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.diagnostic import Diagnostic
from pipeline.ingest.document import Document


@dataclass(frozen=True)
class Anchor:
    """``block`` (index into ``doc.blocks``) and the text range ``start``..``end`` in it."""

    block: int
    start: int
    end: int


def _source_offset(doc: Document, line: int, column: int) -> int | None:
    doc.line_col(0)  # builds the line starts
    starts = doc._line_starts or [0]
    if not 1 <= line <= len(starts):
        return None
    return starts[line - 1] + column - 1


def _text_position(doc: Document, offset: int) -> tuple[int, int] | None:
    """(block index, text index) of the source character at ``offset``."""
    for b, block in enumerate(doc.blocks):
        for seg in block.segments:
            if seg.source_start <= offset < seg.source_start + seg.length:
                return b, seg.text_start + offset - seg.source_start
    return None


def anchor(doc: Document, d: Diagnostic) -> Anchor | None:
    """The block and range a finding points at; a finding across blocks keeps to its first
    block; one that points at no text of a block (a sidecar line, a whole file) has none."""
    if d.path and str(doc.path) != d.path:
        return None
    start = _source_offset(doc, d.line, d.column)
    pos = _text_position(doc, start) if start is not None else None
    if pos is None:
        return _by_match(doc, d)
    b, s = pos
    e = s
    if d.end_line is not None and d.end_column is not None:
        end = _source_offset(doc, d.end_line, d.end_column)
        last = _text_position(doc, end - 1) if end is not None and end > start else None
        if last is not None and last[0] == b:
            e = last[1] + 1
        else:
            e = len(doc.blocks[b].text)
    if e <= s:
        e = _word_end(doc.blocks[b].text, s)
    return Anchor(b, s, e)


def _by_match(doc: Document, d: Diagnostic) -> Anchor | None:
    """A finding whose position is not in a block (a heading's markup, say): its text, if unique."""
    if not d.match:
        return None
    hits = [(b, block.text.find(d.match)) for b, block in enumerate(doc.blocks) if d.match in block.text]
    if len(hits) != 1:
        return None
    b, s = hits[0]
    return Anchor(b, s, s + len(d.match))


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return end if end > start else min(len(text), start + 1)
