"""Each d/t token check on its own: one sentence it fires on (at the expected word, with the
expected suggestion) and one near miss it leaves alone. The sentences are tagged by Frog, as in a
run; the check function is called on every token of the sentence."""

from __future__ import annotations

import pytest

from pipeline.language import dt_checks as dc
from pipeline.language.frog import Frog, available

pytestmark = [pytest.mark.system, pytest.mark.skipif(not available(), reason="frog is not installed")]

# check -> (sentence it fires on, word, suggestion), near miss
CASES = {
    dc.participle_without_finite: (("Soms gebeurd er niets.", "gebeurd", "gebeurt"),
                                   "Dat het gebeurd is, is niet jouw schuld."),
    dc.participle_after_subject: (("De arts verteld u wat er gaat gebeuren.", "verteld", "vertelt"),
                                  "Omdat de arts verteld heeft wat er gebeurt, weet je het."),
    dc.participle_before_reflexive: (("De pijn wordt minder en verspreid zich niet.", "verspreid", "verspreidt"),
                                     "De infectie heeft zich snel verspreid."),
    dc.finite_for_participle: (("Na twee weken is het lichaam voldoende herstelt om weer te sporten.", "herstelt",
                                "hersteld"),
                               "Na twee weken herstelt het lichaam voldoende."),
    dc.first_person_t: (("Ik wordt morgen onderzocht.", "wordt", "word"),
                        "Ik word morgen onderzocht."),
    dc.inverted_je_t: (("Wordt je morgen gebeld?", "Wordt", "Word"), "Wordt je kindje gecontroleerd?"),
    dc.inverted_question: (("Klop het hartje van de baby?", "Klop", "Klopt"), "Klopt het hartje van de baby?"),
    dc.inverted_subject: (("Daarna word de pijn minder.", "word", "wordt"), "Bij koorts bel de verloskundige."),
    dc.second_person_stem: (("Wanneer je vermoed dat er iets mis is, bel ons.", "vermoed", "vermoedt"),
                            "Vind je het fijn?"),
    dc.third_person_stem: (("Men spreek van een miskraam.", "spreek", "spreekt"), "Men spreekt van een miskraam."),
}


@pytest.fixture(scope="module")
def tagged():
    sentences = sorted({s for (fire, miss) in CASES.values() for s in (fire[0], miss)})
    f = Frog()
    try:
        return dict(zip(sentences, f.tag(sentences)))
    finally:
        f.close()


def run(check, tokens, sentence):
    return [f for c in dc.token_contexts(tokens, sentence) if (f := check(c))]


def test_every_token_check_has_a_case():
    assert set(CASES) == set(dc.TOKEN_CHECKS)


@pytest.mark.parametrize("check", list(CASES), ids=lambda c: c.__name__)
def test_check_fires(check, tagged):
    (sentence, word, suggestion), _ = CASES[check]
    [f] = run(check, tagged[sentence], sentence)
    assert (f.word, f.suggestion, sentence[f.start:f.end]) == (word, suggestion, word)


@pytest.mark.parametrize("check", list(CASES), ids=lambda c: c.__name__)
def test_check_leaves_the_near_miss_alone(check, tagged):
    _, sentence = CASES[check]
    assert run(check, tagged[sentence], sentence) == []
    assert dc.analyse(tagged[sentence], sentence) == []
