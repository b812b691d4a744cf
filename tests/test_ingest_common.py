"""Checks shared by the ingest tests: the source map is exact and no text is lost or doubled."""

from __future__ import annotations

import re

from pipeline.ingest.document import Document
from pipeline.ingest.plaintext import BULLET_SIGNS
from pipeline.ingest.textmap import spaces_to_blank

# Markup a plain-text or Markdown reader leaves out of the block text: list markers, ATX marks,
# underlines and rules.
_MARKER = re.compile(
    r"^[ \t]*(?:#{1,6}(?= |$)|[" + BULLET_SIGNS + r"]|[-*+–—](?= )|\d{1,3}[.)](?= )|[a-z]\)(?= ))"
)
_RULE_LINE = re.compile(r"^[ ]*([-=*_])(?: *\1){2,} *$")


def check_source_map(doc: Document, inserted: str = " ") -> None:
    """Every segment's text equals the source there; characters outside segments are in ``inserted``."""
    work = spaces_to_blank(doc.source)
    for b in doc.blocks:
        covered = [False] * len(b.text)
        prev_end = -1
        for s in b.segments:
            assert 0 <= s.text_start and s.text_start + s.length <= len(b.text), (b, s)
            assert s.text_start >= prev_end, f"segments overlap in {b.text!r}"
            prev_end = s.text_start + s.length
            assert 0 <= s.source_start and s.source_start + s.length <= len(doc.source)
            got = work[s.source_start:s.source_start + s.length]
            want = b.text[s.text_start:s.text_start + s.length]
            assert got == want, f"block {b.index}: source {got!r} != text {want!r}"
            for i in range(s.text_start, s.text_start + s.length):
                covered[i] = True
        for i, c in enumerate(b.text):
            if not covered[i]:
                assert c in inserted, f"block {b.index}: {c!r} at {i} of {b.text!r} has no source"
        assert b.text == b.text.strip(), f"block {b.index} has outer white space: {b.text!r}"
        # positions are monotone within a block
        offs = [b.source_offset(i) for i in range(len(b.text))]
        assert offs == sorted(offs)


def coverage(doc: Document) -> list[int]:
    """How many times each source offset is used by a block."""
    counts = [0] * len(doc.source)
    for b in doc.blocks:
        for s in b.segments:
            for k in range(s.source_start, s.source_start + s.length):
                counts[k] += 1
    return counts


def markup_offsets(source: str) -> set[int]:
    """Offsets of plain-text/Markdown markers (bullets, numbers, #, underlines) in ``source``.

    A bare CR (old Mac line end) ends a line for the structure too.
    """
    work = spaces_to_blank(re.sub(r"\r(?!\n)", "\n", source))
    out: set[int] = set()
    pos = 0
    for line in work.split("\n"):
        if _RULE_LINE.match(line):
            out.update(range(pos, pos + len(line)))
        else:
            m = _MARKER.match(line)
            if m:
                out.update(range(pos, pos + m.end()))
                if m.group().lstrip().startswith("#"):
                    closing = re.search(r"(?:^| )#+ *$", line[m.end():])
                    if closing:
                        out.update(range(pos + m.end() + closing.start(), pos + len(line)))
        pos += len(line) + 1
    return out


def check_every_char_once(doc: Document) -> None:
    """Each non-space source character is in exactly one block, unless it is a marker."""
    counts = coverage(doc)
    work = spaces_to_blank(doc.source)
    markup = markup_offsets(doc.source)
    for off, c in enumerate(work):
        if c in " \n":
            continue
        n = counts[off]
        assert n <= 1, f"offset {off} ({c!r}, line {doc.line_col(off)}) used {n} times"
        if n == 0 and c in "\u2010\u00ad-" and work[off + 1:].lstrip(" ")[:1] == "\n":
            continue  # automatic hyphenation at a line end (trailing blanks before it count as the end)
        if n == 0:
            assert off in markup, f"offset {off} ({c!r}, line {doc.line_col(off)}) is in no block"
