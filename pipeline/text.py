"""Dutch sentence and word boundaries, shared by every stage that reads prose."""

from __future__ import annotations

import re
from functools import lru_cache

# Abbreviations after which a full stop does not end a sentence (lower-case, without the dot).
ABBREVIATIONS = frozenset(
    """
    a.u.b bijv bv ca d.m.v d.w.z dhr dr drs e.a e.d e.v enz etc evt fig i.p.v i.v.m ing ir jl
    m.a.w m.b.t max min mr mw mevr nl nr o.a o.b.v p.m prof resp t.a.v t.o.v vgl vlgs z.g.a.n zgn
    m.n w.o incl excl afd tel st ong gyn temp gem ml mg
    """.split()
)
# Titles stand before a name, so a capital after them does not start a new sentence.
TITLES = frozenset("dhr dr drs ing ir mr mw mevr prof st".split())

_SENT_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?", re.UNICODE)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``; whitespace between sentences is left out.

    A full stop ends a sentence when followed by white space and the next word does not start
    with a lower-case letter, and the word before it is no known abbreviation or single letter.
    Colons and semicolons do not end sentences; a line of a list is a block of its own already.
    """
    return list(_sentence_spans(text))


@lru_cache(maxsize=4096)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``split_sentences``, kept per text: the facts, readability and grammar checks each split
    the same blocks."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if "." in m.group() and m.group().startswith(".") and len(m.group().rstrip("\"'”’)]")) == 1:
            word_start = text.rfind(" ", 0, m.start()) + 1
            word = text[word_start : m.start()].lower().lstrip("(\"'‘“")
            nxt = text[end:].lstrip()
            if word in TITLES or (len(word) == 1 and word.isalpha()):
                continue
            if nxt and (nxt[0].islower() or nxt[0].isdigit() and word.isdigit()):
                continue
            if word in ABBREVIATIONS and nxt and not nxt[0].isupper():
                continue
        s = _strip(text, start, end)
        if s:
            spans.append(s)
        start = end
    s = _strip(text, start, n)
    if s:
        spans.append(s)
    return tuple(spans)


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def words(text: str) -> list[tuple[int, int]]:
    """Spans of words: letters, optionally joined by hyphens and apostrophes (zo'n, anti-D-injectie)."""
    return [m.span() for m in _WORD.finditer(text)]
