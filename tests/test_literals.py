"""The quick test before a cue's search: it may only skip searches that cannot match."""

from __future__ import annotations

import re
import sys

import pytest

from pipeline import literals
from pipeline.facts.catalog import default_catalog


def _patterns():
    c = default_catalog()
    out = [c.anaphora, c.anaphora_next, c.condition_next, c.claim_question]
    for k in c.kinds:
        out += [cue.rx for group in k.require for cue in group] + [cue.rx for cue in (*k.exclude, *k.doubt)]
    out += [cue.rx for cue in (*c.doubt_cues, *c.not_a_value)]
    for q in c.qualifiers.values():
        out += [*q.values.values(), q.before, q.contrast, q.own, q.whole, q.part]
    return [rx for rx in out if rx is not None]


def _texts():
    c = default_catalog()
    texts = []
    for k in c.kinds:
        texts += [e["text"] if isinstance(e, dict) else str(e) for e in k.examples] + list(k.counterexamples)
        texts += [t["text"] for t in k.to_check]
    # the same sentences in capitals, with the letters the engine also takes as s, i and k
    texts += [t.upper() for t in texts] + [t.replace("s", "ſ").replace("i", "ı").replace("k", "\u212a") for t in texts]
    return texts


def test_no_search_is_skipped_that_would_match():
    texts = _texts()
    folded = [literals.fold(t) for t in texts]
    skipped = 0
    for rx in _patterns():
        needs = literals.needs(rx)
        for text, f in zip(texts, folded):
            if not literals.may_match(needs, f):
                skipped += 1
                assert rx.search(text) is None, (rx.pattern, text)
    assert skipped > 1000  # the test does skip searches


@pytest.mark.parametrize("pattern,strings", [
    (r"\b(kans|risico)\b", ("kans", "risico")),
    (r"\bmiskra\w*|\bzwangerschapsverlies", ("miskra", "zwangerschapsverlies")),
    (r"\bde\s+helft\b", ("helft",)),  # the longest string a match must hold
    (r"\b(kans)?\s*op\b", ()),  # an optional part is needed by no match; "op" is too short
    (r"^(?!.*kans)", ()),  # a look-ahead that must fail needs nothing
    (r"v[oó]{2}r\s+week", ("week",)),
])
def test_the_strings_every_match_needs(pattern, strings):
    assert literals.needs(re.compile(pattern, re.I)) == strings


def test_folding_agrees_with_the_engine_ignoring_case():
    letters = "abcdefghijklmnopqrstuvwxyzéëèïóöüàç" + "µσβ"
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for c in letters:
        for x in re.findall(re.escape(c), everything, re.I):
            assert literals.fold(x) == literals.fold(c), (c, x)
    assert literals.fold("İNNAME") == "inname"
    assert literals.may_match(("kans",), literals.fold("De KANſ"))
