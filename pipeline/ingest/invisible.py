"""Invisible characters: taken out of the text every check reads, kept for the rule that reports them.

A soft hyphen, a zero-width joiner or a bidi override inside "2\u00ad0 weken", "gebe\u200durd" or a
phone number is invisible in print, but splits the number or the word for a program: the fact
"20 weken" or the d/t error would go unseen while the PDF shows them. So after a reader has built
a leaflet's blocks, every such character is removed from the block text (what a reader of the
printed leaflet sees) and the source map is adjusted, so positions still point at the exact line and
column in the file. What was removed is kept as :class:`HiddenChar` on the document for
``typography.invisible-character``.

Removed: every format character (Unicode category Cf: soft hyphen, zero-width space/joiner/
non-joiner, word joiner, invisible times/plus/separator, bidi marks, embeddings, overrides and
isolates, byte order mark, interlinear annotation, tag characters), variation selectors, the
combining grapheme joiner, Mongolian free variation selectors and the Hangul fillers.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from pipeline.ingest.document import Block, Segment

# Category Cf as of Unicode 15 (a test checks this against unicodedata), plus invisible
# characters of other categories.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_OTHER = "\u034f\u115f\u1160\u3164\uffa0\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef"
HIDDEN = re.compile(f"[{_FORMAT}{_OTHER}]")

# Characters that change the order in which text is shown (Trojan Source): never at home in a leaflet.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class HiddenChar:
    """An invisible character taken out of block ``block``'s text.

    It stood right before ``block.text[at]`` in the cleaned text; ``source_start``/``source_end``
    are its offsets in ``Document.source`` (an HTML entity such as ``&shy;`` spans several).
    """

    block: int
    at: int
    char: str
    source_start: int
    source_end: int

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.char, "").lower()


@dataclass(frozen=True)
class Stripped:
    """A block's text and source map without invisible characters, and what was taken out."""

    text: str
    segments: tuple[Segment, ...]
    removed: tuple[HiddenChar, ...]


def is_hidden(char: str) -> bool:
    return HIDDEN.fullmatch(char) is not None


def strip_block(block: Block, source: str, index: int = 0) -> Stripped | None:
    """``block`` without invisible characters; None when it has none (the common case, one regex search)."""
    text = block.text
    if HIDDEN.search(text) is None:
        return None
    positions = [m.start() for m in HIDDEN.finditer(text)]
    clean = HIDDEN.sub("", text)
    segments = _shift_segments(block.segments, positions)
    removed = tuple(
        HiddenChar(index, p - k, text[p], *_source_extent(block, source, p)) for k, p in enumerate(positions)
    )
    return Stripped(clean, segments, removed)


def new_position(positions: list[int], i: int) -> int:
    """Where old text position ``i`` lands once the characters at ``positions`` (sorted) are gone."""
    return i - bisect.bisect_left(positions, i)


def _shift_segments(segments: tuple[Segment, ...], positions: list[int]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for seg in segments:
        start, end = seg.text_start, seg.text_start + seg.length
        lo = bisect.bisect_left(positions, start)
        hi = bisect.bisect_left(positions, end)
        for cut in [*positions[lo:hi], end]:
            if cut > start:
                out.append(Segment(new_position(positions, start), seg.source_start + start - seg.text_start,
                                   cut - start))
            start = cut + 1
    return tuple(out)


def _source_extent(block: Block, source: str, i: int) -> tuple[int, int]:
    """Source offsets of text position ``i``: the character itself, or the entity that made it."""
    start = block.source_offset(i)
    if source[start:start + 1] == "&":
        end = source.find(";", start, start + 12)
        if end != -1:
            return start, end + 1
    return start, start + 1
