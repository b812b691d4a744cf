"""The parts of the quantity parser one at a time: prefix words, the numeric core by its form,
the suffix bound, and the named results they return."""

from __future__ import annotations

import pytest

from pipeline.facts.quantity import Core, Num, Prefix, QuantityParser, UnitWord


def index_of(p: QuantityParser, word: str) -> int:
    return next(i for i, t in enumerate(p.toks) if t.low == word)


def core(text: str, word: str | None = None) -> Core | None:
    p = QuantityParser(text)
    return p.core(index_of(p, word) if word else 0)


def test_number_reads_digits_words_and_ordinals_as_named_results():
    p = QuantityParser("12,5 dertig 20e een")
    assert p.number(0) == Num(12.5, 1, "digits")
    assert p.number(1) == Num(30.0, 2, "word")
    assert p.number(2) == Num(20.0, 4, "ordinal")
    assert p.number(4) == Num(1.0, 5, "weak")
    assert p.number(4, allow_weak=False) is None


def test_unit_reads_words_and_symbols():
    p = QuantityParser("5 weken 38 °C 3 ‰ zes uur")
    assert p.unit(1) == UnitWord("weeks", 1, 2, "weken")
    assert p.unit(3).unit == "celsius"
    assert p.unit(5) == UnitWord("percent", 0.1, 6, "‰")
    assert p.unit(7).unit == "hours"
    assert p.unit(0) is None


def test_prefix_collects_hedges_and_bounds():
    p = QuantityParser("tot maximaal 3 dagen")
    assert p.prefix(0) == Prefix(2, False, "max", 1)
    p = QuantityParser("ruim 8 op de 10")
    assert p.prefix(0) == Prefix(1, True, "min", -1)
    p = QuantityParser("ongeveer 6 weken")
    assert p.prefix(0) == Prefix(1, True, None, -1)
    p = QuantityParser("6 weken")
    assert p.prefix(0) == Prefix(0, False, None, -1)


def test_suffix_bound_replaces_the_prefix_bound():
    p = QuantityParser("38 graden of hoger")
    assert p.suffix_bound(2, "max") == ("min", 4)
    assert p.suffix_bound(2, None) == ("min", 4)
    p = QuantityParser("38 graden en koorts")
    assert p.suffix_bound(2, "max") == ("max", 2)


def test_a_rising_verb_makes_tot_the_value_reached():
    [q] = QuantityParser("Met de leeftijd loopt de kans op tot 40 procent.").run()
    assert (q.lo, q.bound) == (40, None)
    [q] = QuantityParser("Dit duurt tot 40 minuten.").run()
    assert (q.hi, q.bound) == (40, "max")


@pytest.mark.parametrize("text,word,lo,hi,form", [
    ("de helft", None, 50, 50, "fraction"),
    ("driekwart", None, 75, 75, "fraction"),
    ("twee derde van de groep", None, 200 / 3, 200 / 3, "fraction"),
    ("een derde", None, 100 / 3, 100 / 3, "fraction"),
])
def test_core_fractions(text, word, lo, hi, form):
    c = core(text, word)
    assert (round(c.lo, 3), round(c.hi, 3), c.unit, c.form) == (round(lo, 3), round(hi, 3), "percent", form)


def test_core_a_fraction_word_in_the_middle_of_a_phrase_is_no_fraction():
    c = core("twee derde kinderen")
    assert (c.lo, c.unit, c.form) == (2, "count", "number")


@pytest.mark.parametrize("text,word", [("binnen de week", "week"), ("in de eerste dag", "dag")])
def test_core_one_unit_window(text, word):
    c = core(text, word)
    assert (c.lo, c.hi, c.form) == (1, 1, "number")


def test_core_window_needs_its_lead_words():
    assert core("na de week", "week") is None
    assert core("de tweede week", "week") is None


def test_core_unit_first_names_a_week():
    c = core("zwangerschapsweek 12")
    assert (c.lo, c.unit, c.form, c.stated_unit) == (12, "weeks", "ordinal", "zwangerschapsweek")
    assert core("week een") is None  # the article is no week number


def test_core_between():
    c = core("tussen de 10 en 20 procent")
    assert (c.lo, c.hi, c.unit) == (10, 20, "percent")
    c = core("tussen 3 en 5 vrouwen")
    assert (c.lo, c.hi, c.unit, c.noun) == (3, 5, "count", "vrouwen")
    assert core("tussen 5 en 3 weken") is None
    assert core("tussen hoop en vrees") is None


def test_core_ordinal_needs_a_time_unit():
    c = core("12de week")
    assert (c.lo, c.unit, c.form) == (12, "weeks", "ordinal")
    assert core("12de keer") is None


def test_core_unit_or_more():
    c = core("een dag of vier")
    assert (c.lo, c.hi, c.unit) == (4, 4, "days")


def test_core_ratio_with_a_range_of_denominators():
    c = core("één op de vier à vijf")
    assert (c.lo, c.hi, c.form) == (20, 25, "ratio")
    c = core("2 tot 3 op de 100")
    assert (c.lo, c.hi, c.form) == (2, 3, "ratio")


def test_core_noun_ratio_but_not_a_dose():
    c = core("1 baby op 8")
    assert (c.lo, c.form) == (12.5, "ratio")
    c = core("1 tablet op 200 mg")
    assert c.form != "ratio"


def test_core_unit_range_converts_a_different_second_unit():
    c = core("3 dagen tot 2 weken")
    assert (c.lo, c.hi, c.unit) == (round(3 / 7, 2), 2, "weeks")
    c = core("5 weken tot 2 weken")  # not a range: the first quantity alone
    assert (c.lo, c.hi, c.next) == (5, 5, 2)


def test_core_counts_and_weak_articles():
    c = core("12 vrouwen")
    assert (c.lo, c.unit, c.noun) == (12, "count", "vrouwen")
    assert core("een vrouw") is None  # the article alone is no number
    c = core("een half uur")
    assert (c.lo, c.unit) == (0.5, "hours")


def test_a_bare_number_after_a_temperature_word_is_degrees_celsius():
    assert [(q.lo, q.unit, q.bound) for q in QuantityParser("koorts (temperatuur >38,0)").run()] == [(38, "celsius", "min")]
    assert [(q.lo, q.unit) for q in QuantityParser("een lichaamstemperatuur van 37,5").run()] == [(37.5, "celsius")]
    assert [q.unit for q in QuantityParser("koorts en 2 pijnstillers").run()] == ["count"]  # not a temperature
    assert [q.unit for q in QuantityParser("temperatuur van 18 in de kamer").run()] == ["count"]  # not a body's


@pytest.mark.parametrize("text,found", [
    ("Binnen de week is het voorbij.", True), ("Ververs het verband per uur.", True),
    ("In de twaalfde zwangerschapsweek.", True), ("Een half uur rust.", True), ("Een twintigtal dagen.", True),
    ("De helft van de vrouwen.", True), ("Het duurt een week.", True),
    ("De week na de echo is het stil.", False), ("Een vrouw heeft recht op zorg.", False),
])
def test_the_quick_pre_check_lets_every_quantity_through(text, found):
    from pipeline.facts.quantity import _maybe_number

    assert _maybe_number(text) is found
    if found:  # the parser does find a quantity there
        assert QuantityParser(text).run(), text
