"""Word frequencies and verb-form knowledge derived from Frog's tagger lexicon (see build_lexicon).

Spelling uses the counts as a prior when ranking suggestions; the d/t rules use the tags to know
that "klopt" is a finite verb and "hersteld" a participle, whatever Frog guessed in context.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.language.inflection import plural_forms

LEXICON = Path(__file__).parent / "data" / "lexicon.tsv.gz"


@dataclass(frozen=True)
class Entry:
    count: int
    tags: frozenset[str]


@lru_cache(maxsize=1)
def _text() -> str:
    """The decompressed lexicon, one "\nword\tcount\ttags" line each (about 20 ms to read)."""
    if not LEXICON.is_file():
        return "\n"
    return "\n" + gzip.decompress(LEXICON.read_bytes()).decode("utf-8")


@lru_cache(maxsize=1)
def _raw() -> dict[str, str]:
    """word -> "count<TAB>tags"; building it takes 0.1-0.7 s, so look-ups search the sorted text."""
    return dict(line.split("\t", 1) for line in _text().split("\n") if line)


def _search(text: str, word: str) -> str | None:
    """Binary search of the lexicon text (lines sorted by word, one per word): "count<TAB>tags"."""
    lo, hi = 1, len(text)  # lo and hi are line starts; the text starts with "\n"
    while lo < hi:
        mid = (lo + hi) // 2
        start = max(text.rfind("\n", 0, mid) + 1, lo)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        tab = text.find("\t", start, end)
        key = text[start:tab] if tab >= 0 else text[start:end]
        if key < word:
            lo = end + 1
        elif key > word:
            hi = start
        else:
            return text[tab + 1 : end] if tab >= 0 else ""
    return None


@lru_cache(maxsize=20_000)
def starts_a_word(prefix: str) -> bool:
    """Some longer word of the lexicon begins with ``prefix`` ("cont" -> "contact"): a word cut off."""
    text, lo, hi = _text(), 1, len(_text())
    while lo < hi:  # the first line whose word is not below the prefix
        mid = (lo + hi) // 2
        start = max(text.rfind("\n", 0, mid) + 1, lo)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].split("\t", 1)[0] < prefix:
            lo = end + 1
        else:
            hi = start
    end = text.find("\n", lo)
    word = text[lo:end if end >= 0 else len(text)].split("\t", 1)[0]
    if word == prefix:  # the prefix itself is a word: look at the next line
        nxt = text.find("\n", end + 1)
        word = text[end + 1:nxt if nxt >= 0 else len(text)].split("\t", 1)[0]
    return len(word) > len(prefix) and word.startswith(prefix)


def loaded() -> bool:
    return _raw.cache_info().currsize > 0


def known_words() -> dict[str, str]:
    """Every word form in the lexicon (lower case), for quick membership tests."""
    return _raw()


@lru_cache(maxsize=200_000)
def entry(word: str) -> Entry | None:
    low = word.lower()
    raw = _raw().get(low) if loaded() else _search(_text(), low)
    if raw is None:
        return None
    n, tags = raw.split("\t")
    return Entry(int(n), frozenset(tags.split(",")) if tags else frozenset())


def count(word: str) -> int:
    e = entry(word)
    return e.count if e else 0


def tags(word: str) -> frozenset[str]:
    e = entry(word)
    return e.tags if e else frozenset()


def countable(noun: str) -> bool:
    """A noun whose plural Frog's corpus knows about a tenth as often as the singular: one that needs
    its determiner ("afspraak"), not a mass noun that may stand bare as an object ("pijn", "voeding")."""
    n = count(noun)
    return any("n" in tags(p) and count(p) * 10 >= n for p in plural_forms(noun))


def is_finite_t(word: str) -> bool:
    """A present-tense finite form with -t ("klopt", "gebeurt")."""
    return "pvt" in tags(word)


def is_participle(word: str) -> bool:
    return "vd" in tags(word)


def is_stem(word: str) -> bool:
    """A present-tense first-person/stem form ("klop", "spreek")."""
    return "pv" in tags(word)
