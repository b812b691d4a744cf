"""Stress accents written for emphasis ("Dat zíjn de feiten", "het is níet erg") taken off before
tagging: Frog does not know "zíjn" and reads the sentence around it wrongly. A word keeps its accents
where the lexicon knows it so ("één", "vóór", "café"); the letters keep their places, so offsets hold."""

from __future__ import annotations

import re

from pipeline.language import lexicon

_PLAIN = str.maketrans("áéíóúàèìòùÁÉÍÓÚÀÈÌÒÙ", "aeiouaeiouAEIOUAEIOU")
_STRESSED = re.compile(r"\w*[áéíóúàèìòùÁÉÍÓÚÀÈÌÒÙ]\w*")


def unstressed(sentence: str) -> str:
    """``sentence`` with the emphasis accents taken off the words that the lexicon knows only without."""
    return _STRESSED.sub(_plain_word, sentence) if _STRESSED.search(sentence) else sentence


def _plain_word(m: re.Match) -> str:
    word = m.group(0)
    plain = word.translate(_PLAIN)
    low = word.lower()
    if lexicon.entry(low) is not None or lexicon.entry(plain.lower()) is None:
        return word
    return plain
