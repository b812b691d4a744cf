"""Flesch-Douma reading ease for Dutch: 206.835 - 0.93 x words/sentence - 77 x syllables/word.

Scores of 60 and up read as "fairly easy", the level Dutch patient information aims at (B1).
Syllables are counted as vowel groups, with the Dutch digraphs (ij, ei, au, ou, ui, oe, eu, ie,
aa, ee, oo, uu) as one vowel and a vowel with a diaeresis (geïnformeerd, ideeën) starting a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.text import split_sentences, words

_GROUP = re.compile(r"(?:ij|[aeiouyáéíóúàèâêîôûäëïöü])+", re.I)
_DIAERESIS = set("äëïöüÄËÏÖÜ")


@lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    n = 0
    for m in _GROUP.finditer(word):
        g = m.group()
        n += 1 + sum(1 for k, c in enumerate(g) if k and c in _DIAERESIS)
    return max(1, n)


@dataclass
class Sentence:
    block: object
    start: int
    end: int
    words: int
    syllables: int


def sentences(blocks) -> list[Sentence]:
    out = []
    for b in blocks:
        if b.kind == "heading":
            continue
        for s, e in split_sentences(b.text):
            ws = [b.text[s:e][a:z] for a, z in words(b.text[s:e])]
            if ws:
                out.append(Sentence(b, s, e, len(ws), sum(syllables(w) for w in ws)))
    return out


def flesch_douma(sents: list[Sentence]) -> float | None:
    n_words = sum(s.words for s in sents)
    if not sents or not n_words:
        return None
    return 206.835 - 0.93 * (n_words / len(sents)) - 77 * (sum(s.syllables for s in sents) / n_words)
