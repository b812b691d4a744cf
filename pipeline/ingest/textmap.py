"""Building block text together with its source map, shared by every reader.

A reader appends pieces of text that stand unchanged in ``Document.source`` (``add``) and pieces
it makes up itself (``insert``: the space that replaces a line break, a character decoded from an
HTML entity). Only the first kind gets a :class:`Segment`; an inserted character maps to the
source position right after the previous segment, which is where a reader would look for it.
"""

from __future__ import annotations

import re

from pipeline.ingest.document import Block, Inline, Segment

# Every character Python counts as white space except the line feed. Readers see these as a plain
# space; the replacement keeps the length, so offsets in the translated text are source offsets.
_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# One character for one space, so offsets stay; a regex is much faster than str.translate here.
# Invisible characters (zero-width space, ...) are no space: pipeline.ingest.invisible takes them out.
_SPACE_RE = re.compile("[" + re.escape(_SPACES.replace(" ", "")) + "]")


def spaces_to_blank(text: str) -> str:
    """``text`` with tabs, NBSP, U+2028, CR, form feeds ... replaced by a space (same length)."""
    return _SPACE_RE.sub(" ", text)


class TextBuilder:
    """Accumulates one block's text and segments."""

    __slots__ = ("_parts", "_segs", "_pos", "_pending_space", "_open", "_inlines")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segs: list[list[int]] = []  # [text_start, source_start, length]
        self._pos = 0
        self._pending_space = False
        self._open: list[list] = []  # [start or None (at the next text), kind, href] of open formatting
        self._inlines: list[Inline] = []

    def open(self, kind: str, href: str = "") -> list:
        """Start bold/italic/a link at the next text added; returns the handle for :meth:`close`."""
        handle = [None, kind, href]
        self._open.append(handle)
        return handle

    def close(self, handle: list | None = None) -> None:
        """End the formatting ``handle`` (default: the last one opened) at the text added so far."""
        if not self._open:
            return
        if handle is None or handle not in self._open:
            handle = self._open[-1]
        self._open.remove(handle)
        start, kind, href = handle
        if kind and start is not None and self._pos > start:
            self._inlines.append(Inline(start, self._pos, kind, href))

    def _started(self) -> None:
        for handle in self._open:
            if handle[0] is None:
                handle[0] = self._pos

    def __len__(self) -> int:
        return self._pos

    def add(self, text: str, source_start: int) -> None:
        """``text`` stands unchanged at ``source_start``."""
        if not text:
            return
        self._flush_space()
        if self._open:
            self._started()
        segs = self._segs
        if segs:
            last = segs[-1]
            if last[0] + last[2] == self._pos and last[1] + last[2] == source_start:
                last[2] += len(text)
                self._parts.append(text)
                self._pos += len(text)
                return
        segs.append([self._pos, source_start, len(text)])
        self._parts.append(text)
        self._pos += len(text)

    def insert(self, text: str) -> None:
        """``text`` made up by the reader (no source position of its own)."""
        if not text:
            return
        self._flush_space()
        if self._open:
            self._started()
        self._parts.append(text)
        self._pos += len(text)

    def space(self) -> None:
        """A word break: one space before the next text, none at the start or the end."""
        if self._pos:
            self._pending_space = True

    def add_flow(self, text: str, source_start: int) -> None:
        """Text whose white-space runs count as one space (HTML, pandoc): words keep exact positions."""
        i, n = 0, len(text)
        while i < n:
            if text[i].isspace():
                j = i + 1
                while j < n and text[j].isspace():
                    j += 1
                if j - i == 1 and text[i] == " " and self._pos and not self._pending_space:
                    self.add(" ", source_start + i)
                else:
                    self.space()
                i = j
            else:
                j = i + 1
                while j < n and not text[j].isspace():
                    j += 1
                self.add(text[i:j], source_start + i)
                i = j

    def _flush_space(self) -> None:
        if self._pending_space:
            self._pending_space = False
            if self._parts and not self._parts[-1].endswith(" "):
                self._parts.append(" ")
                self._pos += 1

    @property
    def ends_with_space(self) -> bool:
        return self._pending_space or (bool(self._parts) and self._parts[-1].endswith(" "))

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def block(self, kind: str, **kw) -> Block:
        text = "".join(self._parts)
        # Trailing spaces (a flow that ended in white space) carry no meaning.
        stripped = text.rstrip(" ")
        segs = []
        for t0, s0, ln in self._segs:
            if t0 >= len(stripped):
                break
            ln = min(ln, len(stripped) - t0)
            segs.append(Segment(t0, s0, ln))
        for handle in list(self._open):  # formatting still open at the end of the block
            self.close(handle)
        return Block(kind, stripped, tuple(segs), inlines=clip_inlines(self._inlines, stripped), **kw)


def clip_inlines(inlines, text: str) -> tuple[Inline, ...]:
    """Inlines inside ``text`` without white space at their ends, sorted; empty ones dropped."""
    out = []
    for i in inlines:
        start, end = max(0, i.start), min(len(text), i.end)
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            out.append(Inline(start, end, i.kind, i.href))
    return tuple(sorted(set(out), key=lambda i: (i.start, -i.end, i.kind)))


def safe_href(url: str) -> str:
    """A link address a reader of the leaflet can follow (http(s), mailto, tel; www. gets https),
    or "" for relative links and other schemes (javascript:, file:, data:)."""
    url = url.strip()
    low = url.lower()
    if low.startswith(("http://", "https://", "mailto:", "tel:")):
        return url
    if low.startswith("www."):
        return "https://" + url
    return ""


def reads_as_heading(text: str) -> bool:
    """Whether a paragraph that is bold from start to end is used as a heading.

    Word, web and Markdown authors often make a heading by setting a short paragraph in bold
    instead of using a heading style. Short, mostly letters, not ending like a sentence.
    """
    t = text.rstrip()
    if not t or len(t) > 80 or len(t.split()) > 12 or t[-1] in ".,;":
        return False
    letters = sum(c.isalpha() for c in t)
    return letters >= 2 and letters >= 0.5 * len(t.replace(" ", ""))
