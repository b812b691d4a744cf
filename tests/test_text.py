"""Dutch sentence and word boundaries."""

import pytest

from pipeline.text import split_sentences, words


def _sents(t):
    return [t[a:b] for a, b in split_sentences(t)]


@pytest.mark.parametrize("text,expected", [
    ("Dit gebeurt d.m.v. een buisje. Daarna rust.", ["Dit gebeurt d.m.v. een buisje.", "Daarna rust."]),
    ("Het duurt ca. 10 min. Bij 70% is dit zo.", ["Het duurt ca. 10 min.", "Bij 70% is dit zo."]),
    ("Vraag dr. Jansen. Klop het hartje? Ja!", ["Vraag dr. Jansen.", "Klop het hartje?", "Ja!"]),
    ("Bel bij koorts (temp. > 38,0 C) direct.", ["Bel bij koorts (temp. > 38,0 C) direct."]),
    ("Koorts boven 38.5 graden. Bel dan.", ["Koorts boven 38.5 graden.", "Bel dan."]),
    ("Zie hoofdstuk 2. Daar staat het.", ["Zie hoofdstuk 2.", "Daar staat het."]),
    ("  ", []),
])
def test_sentences(text, expected):
    assert _sents(text) == expected


def test_spans_cover_text_without_outer_space():
    t = "  Een. Twee.  "
    assert split_sentences(t) == [(2, 6), (7, 12)]


def test_words_keep_hyphens_and_apostrophes():
    t = "zo'n anti-D-injectie bij 20.000 vrouwen"
    assert [t[a:b] for a, b in words(t)] == ["zo'n", "anti-D-injectie", "bij", "vrouwen"]
