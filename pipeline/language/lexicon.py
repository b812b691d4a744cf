"""Word frequencies and verb-form knowledge derived from Frog's tagger lexicon (see build_lexicon).

Spelling uses the counts as a prior when ranking suggestions; the d/t rules use the tags to know
that "klopt" is a finite verb and "hersteld" a participle, whatever Frog guessed in context.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).parent / "data" / "lexicon.tsv.gz"


@dataclass(frozen=True)
class Entry:
    count: int
    tags: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Entry]:
    """word (lower case) -> Entry; empty when the data file is missing."""
    out: dict[str, Entry] = {}
    if not LEXICON.is_file():
        return out
    tag_sets: dict[str, frozenset[str]] = {}
    with gzip.open(LEXICON, "rt", encoding="utf-8") as f:
        for line in f:
            word, count, tags = line.rstrip("\n").split("\t")
            ts = tag_sets.setdefault(tags, frozenset(tags.split(",")) if tags else frozenset())
            out[word] = Entry(int(count), ts)
    return out


def count(word: str) -> int:
    e = lexicon().get(word.lower())
    return e.count if e else 0


def tags(word: str) -> frozenset[str]:
    e = lexicon().get(word.lower())
    return e.tags if e else frozenset()


def is_finite_t(word: str) -> bool:
    """A present-tense finite form with -t ("klopt", "gebeurt")."""
    return "pvt" in tags(word)


def is_participle(word: str) -> bool:
    return "vd" in tags(word)


def is_stem(word: str) -> bool:
    """A present-tense first-person/stem form ("klop", "spreek")."""
    return "pv" in tags(word)
