"""The document model every stage after ingest works on.

A leaflet becomes a list of blocks (headings, paragraphs, list items, table cells). Each block
keeps its text as a reader sees it and a compact source map: runs of characters that stand
unchanged, in order, somewhere in ``Document.source``. Positions are computed from that map, so a
finding on a rejoined hard-wrapped sentence still points at the line and column in the file as
given.

``Document.source`` is the decoded file for line-based formats (.txt, .md, .html). For formats
without lines (.docx, .odt, .pdf) it is a locator text built by ingest: one line per paragraph of
the document body (.docx/.odt), or the PDF text layer with one line per text line, pages
separated by form feeds; ``Document.line_based`` tells which.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell")


@dataclass(frozen=True)
class Segment:
    """``length`` characters of the block text from ``text_start`` stand at ``source_start``."""

    text_start: int
    source_start: int
    length: int


@dataclass(frozen=True)
class Span:
    """1-based line and column (Unicode code points); end is exclusive, like SARIF regions."""

    line: int
    column: int
    end_line: int
    end_column: int


INLINE_KINDS = ("strong", "emph", "link")


@dataclass(frozen=True)
class Inline:
    """Formatting the source gives ``Block.text[start:end]``: bold (``strong``), italic
    (``emph``) or a link to ``href``. The text itself stays plain, so every checker sees the
    words and positions without markup; only rendering reads these."""

    start: int
    end: int
    kind: str
    href: str = ""


@dataclass
class Block:
    kind: str
    text: str
    segments: tuple[Segment, ...]
    level: int = 0  # heading level (1-6) or list depth (1-based); 0 otherwise
    index: int = 0  # position among the document's blocks
    section: str = ""  # text of the nearest heading before this block ("" if none)
    ordered: bool = False  # list item of a numbered list
    cell: tuple[int, int, int] | None = None  # table_cell: (table, row, column), all 0-based
    inlines: tuple[Inline, ...] = ()  # bold, italic and links over the text, sorted by start
    header: bool = False  # table_cell: the source marks it as a header cell

    def source_offset(self, i: int) -> int:
        """Offset in ``Document.source`` of text position ``i`` (0 <= i <= len(text)).

        A character that ingest inserted (the space that replaces a line break when a hard-wrapped
        line is rejoined) maps to the source character right after the previous segment.
        """
        if not self.segments:
            return 0
        starts = [s.text_start for s in self.segments]
        k = bisect.bisect_right(starts, i) - 1
        if k < 0:
            return self.segments[0].source_start
        seg = self.segments[k]
        if i < seg.text_start + seg.length:
            return seg.source_start + (i - seg.text_start)
        return seg.source_start + seg.length

    def source_end_offset(self, i: int) -> int:
        """Offset in the source just after text position ``i - 1`` (an exclusive end)."""
        if i <= 0:
            return self.source_offset(0)
        return self.source_offset(i - 1) + 1


@dataclass
class Document:
    path: Path
    id: str
    format: str
    source: str
    blocks: list[Block]
    meta: dict = field(default_factory=dict)
    line_based: bool = True
    notes: list[str] = field(default_factory=list)  # non-fatal ingest remarks (encoding guessed, ...)
    hidden: list = field(default_factory=list)  # invisible characters taken out of the blocks (ingest.invisible)
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def region(self) -> str:
        return str(self.meta.get("region") or "NL")

    @property
    def language(self) -> str:
        return str(self.meta.get("language") or "nl")

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset`` in ``source``; CR LF counts as one line end."""
        if self._line_starts is None:
            starts = [0]
            src = self.source
            i = src.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = src.find("\n", i + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The source line ``line`` (1-based) without its line end."""
        self.line_col(0)
        assert self._line_starts is not None
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r")

    def span(self, block: Block, start: int, end: int) -> Span:
        """Source span of ``block.text[start:end]``."""
        line, col = self.line_col(block.source_offset(start))
        end_line, end_col = self.line_col(block.source_end_offset(max(end, start)))
        return Span(line, col, end_line, end_col)

    def sections(self) -> Iterator[tuple[Block | None, list[Block]]]:
        """(heading, blocks under it until the next heading of the same or higher level)."""
        heading: Block | None = None
        body: list[Block] = []
        for block in self.blocks:
            if block.kind == "heading":
                if heading is not None or body:
                    yield heading, body
                heading, body = block, []
            else:
                body.append(block)
        if heading is not None or body:
            yield heading, body

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)


def identity_block(kind: str, text: str, source_start: int, **kw) -> Block:
    """A block whose text stands unchanged at ``source_start``."""
    return Block(kind, text, (Segment(0, source_start, len(text)),), **kw)
