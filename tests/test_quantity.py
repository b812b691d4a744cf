"""The Dutch quantity parser: forms from issue 3, look-alikes, and a property test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.facts.quantity import convert, mask, number_word, ordinal_word, parse_quantities


def one(text):
    qs = parse_quantities(text)
    assert len(qs) == 1, (text, qs)
    return qs[0]


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("38,5 graden", 38.5, 38.5, "celsius"),
    ("20.000 vrouwen", 20000, 20000, "count"),
    ("twaalf weken", 12, 12, "weeks"),
    ("dertig minuten", 30, 30, "minutes"),
    ("honderd vrouwen", 100, 100, "count"),
    ("vijfentwintig procent", 25, 25, "percent"),
    ("de twaalfde week", 12, 12, "weeks"),
    ("de 12e week", 12, 12, "weeks"),
    ("week 12", 12, 12, "weeks"),
    ("de helft", 50, 50, "percent"),
    ("een kwart", 25, 25, "percent"),
    ("driekwart", 75, 75, "percent"),
    ("de helft tot driekwart", 50, 75, "percent"),
    ("een kwart à de helft", 25, 50, "percent"),
    ("de andere helft", 50, 50, "percent"),
    ("een derde van de vrouwen", 33.3333, 33.3333, "percent"),
    ("1 op de 10", 10, 10, "percent"),
    ("één op de vijf", 20, 20, "percent"),
    ("3 van de 10", 30, 30, "percent"),
    ("15 procent", 15, 15, "percent"),
    ("15%", 15, 15, "percent"),
    ("10-15%", 10, 15, "percent"),
    ("10–15", 10, 15, "count"),
    ("10 tot 15 procent", 10, 15, "percent"),
    ("10 à 15 minuten", 10, 15, "minutes"),
    ("10 a 15 min", 10, 15, "minutes"),
    ("tussen 10 en 15 procent", 10, 15, "percent"),
    ("tussen de 10 en 20%", 10, 20, "percent"),
    ("1-2 maanden", 1, 2, "months"),
    ("één tot twee weken", 1, 2, "weeks"),
    ("een kwartier", 15, 15, "minutes"),
    ("een half uur", 0.5, 0.5, "hours"),
    ("anderhalf uur", 1.5, 1.5, "hours"),
    ("38 °C", 38, 38, "celsius"),
    ("38°", 38, 38, "celsius"),
    ("30min", 30, 30, "minutes"),
    ("1-2 per 1000", 0.1, 0.2, "percent"),
    # a range spread over more words: an article or a word between, or two whole ratios
    ("tussen de 10 en de 15 procent", 10, 15, "percent"),
    ("van 10 tot zelfs 20 procent", 10, 20, "percent"),
    ("tussen 1 op 10 en 1 op 5", 10, 20, "percent"),
    ("één op de vijf tot één op de zes", 16.6667, 20, "percent"),
    ("1 op 8 tot 1 op 10", 10, 12.5, "percent"),
])
def test_forms(text, lo, hi, unit):
    q = one(text)
    assert (q.lo, q.hi, q.unit) == (pytest.approx(lo, abs=1e-3), pytest.approx(hi, abs=1e-3), unit)


@pytest.mark.parametrize("text,bound,mn,mx", [
    ("minstens 1 op de 10", "min", 10, None),
    ("ten minste 10%", "min", 10, None),
    ("maximaal 6 weken", "max", None, 6),
    ("hooguit 6 weken", "max", None, 6),
    ("boven 38 graden", "min", 38, None),
    ("meer dan 20%", "min", 20, None),
    ("> 38 °C", "min", 38, None),
    ("38 °C of hoger", "min", 38, None),
    ("<12 weken", "max", None, 12),
    ("binnen 30 minuten", "max", None, 30),
])
def test_bounds(text, bound, mn, mx):
    q = one(text)
    assert (q.bound, q.min, q.max) == (bound, mn, mx)


@pytest.mark.parametrize("text", ["ongeveer 10%", "rond de 10%", "circa 10%", "zo'n 10%", "bijna 10%",
                                  "ongeveer de helft", "zo rond de 15%", "ca. 10%"])
def test_hedges(text):
    assert one(text).approx


@pytest.mark.parametrize("text", [
    "Score: 4.6/5", "bel 06-43789244", "tel. 0183 64 42 17", "+31 6 12345678", "op 19 januari 2026",
    "19-01-2026", "om 10.30 uur", "24/7 bereikbaar", "www.freya.nl", "2. Medicijnen", "in 2017",
    "na een tweede curettage", "de eerste keer", "een paar dagen", "meer dan één miskraam",
    "de tweede week",
])
def test_look_alikes_give_no_quantity(text):
    assert parse_quantities(text) == []


@pytest.mark.parametrize("text,unit", [("in de eerste week", "weeks"), ("binnen de eerste dag", "days")])
def test_the_first_week_is_a_window_of_one(text, unit):
    q = one(text)
    assert (q.lo, q.hi, q.unit, q.bound) == (1, 1, unit, "max")


def test_score_and_phone_masked():
    assert "4.6" not in mask("Score: 4.6/5")
    assert "0183" not in mask("via 0183 64 42 17.")
    assert parse_quantities("Score: 4.6/5 (70 stemmen)")[0].lo == 70  # a plain count, not a percentage


def test_an_iso_date_stamp_is_no_quantity():
    # a page's date stamp before its first sentence: the year is no count of anything
    qs = parse_quantities("date 2023-04 Elk jaar krijgen ongeveer 20.000 vrouwen een miskraam.")
    assert [q.lo for q in qs] == [20000]
    assert [q.lo for q in parse_quantities("Bijgewerkt: 2021-11-03. Bij 3 op de 10 lukt het.")] == [30]
    # a span of years or a count with a dash stays
    assert [q.lo for q in parse_quantities("tussen 2010-2015 daalde het tot 12 %")][-1] == 12
    # after a word that dates a year ("versie", "van", "in") the whole ISO date is masked, not its year alone
    for text in ("Versie 2023-04.", "Deze folder is van 2023-04-12.", "Gemaakt in 2024-01 door ons."):
        assert parse_quantities(text) == [], text


def test_restated_quantity_merged():
    qs = parse_quantities("Bij 1 op de 2 vrouwen (50%) treedt een miskraam op.")
    assert [(q.lo, q.unit) for q in qs] == [(50, "percent")]


def test_number_words():
    assert number_word("tweeëntwintig") == 22
    assert number_word("honderdvijftig") == 150
    assert number_word("twintigduizend") == 20000
    assert number_word("miskraam") is None
    assert ordinal_word("twintigste") == 20
    assert ordinal_word("zevende") == 7
    assert ordinal_word("eerste") is None


def test_months_convert_to_weeks():
    assert convert(2, "months", "weeks") == 8.7
    assert convert(0.5, "hours", "minutes") == 30


_PIECES = st.sampled_from([
    "1", "10", "38,5", "20.000", "4.6", "/", "-", "–", "tot", "à", "a", "of", "op de", "van de", "per",
    "%", "procent", "weken", "maanden", "min", "uur", "kwartier", "graden", "°C", "een", "één", "twee",
    "twintig", "de helft", "kwart", "derde", "12e", "twaalfde", "ongeveer", "minstens", "maximaal",
    "boven", "<", ">", "tussen", "en", "(", ")", ",", ".", "zo'n", "06-12345678", "week", "0", "0,0",
    "half", "anderhalf", "duizend", "of meer", "binnen", "in de eerste", "1.000,5", "999999999999",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map(" ".join) | st.text(max_size=60))
def test_parser_never_crashes_and_min_le_max(text):
    for q in parse_quantities(text):
        assert q.lo <= q.hi
        if q.min is not None and q.max is not None:
            assert q.min <= q.max
        assert 0 <= q.start <= q.core_start < q.end <= len(text)


def test_ruim_is_a_hedged_lower_bound():
    q = one("ruim 8 op de 10")
    assert (q.min, q.max, q.approx) == (80, None, True)


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("één op de vier à vijf", 20, 25, "percent"),            # a range of denominators
    ("1 zwangerschap op 6", 16.6667, 16.6667, "percent"),    # the noun inside the ratio
    ("10 tot 15 van elke 100", 10, 15, "percent"),
    ("een kwartier tot twintig minuten", 15, 20, "minutes"),  # two words of one unit
    ("een week tot tien dagen", 7, 10, "days"),
    ("een kwartier tot een half uur", 0.25, 0.5, "hours"),
    ("een twintigtal minuten", 20, 20, "minutes"),
    ("een kwartiertje", 15, 15, "minutes"),
    ("38,0 C", 38, 38, "celsius"),
])
def test_more_dutch_forms(text, lo, hi, unit):
    q = one(text)
    assert (q.lo, q.hi, q.unit) == (pytest.approx(lo, abs=1e-3), pytest.approx(hi, abs=1e-3), unit)


@pytest.mark.parametrize("text,value", [("meer dan één verband per uur", 1), ("elk uur een verband", 1),
                                        ("binnen het halfuur", 30)])
def test_rates_state_their_period(text, value):
    q = next(q for q in parse_quantities(text) if q.unit in ("hours", "minutes"))
    assert q.lo == value


def test_rising_to_is_a_value_not_a_maximum():
    assert one("het risico loopt op tot 40%").bound is None
    assert one("tot 40%").bound == "max"


def test_doses_and_twentieth_place_are_no_ratios():
    assert all(q.unit != "percent" for q in parse_quantities("1 tablet op 200 mg"))
    assert one("een twintigtal minuten").approx


@pytest.mark.parametrize("text,lo,hi,unit,approx", [
    ("een week of twee", 2, 2, "weeks", True),      # about two weeks
    ("een dag of tien", 10, 10, "days", True),
    ("een of twee weken", 1, 2, "weeks", False),
    ("binnen de week", 1, 1, "weeks", False),       # Flemish: within a week
])
def test_idioms_of_duration(text, lo, hi, unit, approx):
    q = one(text)
    assert (q.lo, q.hi, q.unit, q.approx) == (lo, hi, unit, approx)


def test_in_de_week_is_no_duration():
    assert parse_quantities("in de week werk ik") == []


def test_two_ratios_joined_by_of_are_two_restatements():
    qs = parse_quantities("1 op 10 of 1 op 8 zwangerschappen")
    assert [(q.lo, q.hi) for q in qs] == [(10, 10), (12.5, 12.5)]


@pytest.mark.parametrize("text, value, unit", [
    ("In het noorden duurt het 16 weken, in het zuiden 20.", 20, "weeks"),
    ("Na twee keer is het 25 procent, na drie keer 35 en daarna meer.", 35, "percent"),
])
def test_a_bare_number_closing_a_repeated_clause_takes_the_earlier_unit(text, value, unit):
    q = parse_quantities(text)[-1]
    assert (q.lo, q.unit, q.form) == (value, unit, "elliptic")


def test_an_age_or_a_number_with_its_noun_inherits_no_unit():
    qs = parse_quantities("Het is 10% bij vrouwen onder de 30, en meer bij 3 kinderen.")
    assert [q.unit for q in qs] == ["percent", "count", "count"]


@pytest.mark.parametrize("text, bound", [("niet hoger dan 10%", "max"), ("niet groter dan 15 procent", "max"),
                                         ("niet lager dan 5%", "min")])
def test_a_denied_comparison_bounds_the_other_way(text, bound):
    assert one(text).bound == bound


def test_a_flemish_approximate_number_of_a_small_count():
    q = one("na een tweetal weken")
    assert (q.lo, q.unit, q.approx) == (2, "weeks", True)


def test_rising_to_a_value_with_more_words_between():
    [q] = parse_quantities("Na twee keer stijgt de kans op herhaling tot ongeveer 25 %.")[1:]
    assert (q.lo, q.bound) == (25, None)


def test_a_count_before_tot_and_a_range_is_no_range_of_its_own():
    """"na drie tot 30-40 %": the count of an elliptic "na drie (miskramen)" and the range reached,
    not a range from 3 to 30; a rising verb further back makes "tot" the value reached."""
    qs = parse_quantities("Na twee abortussen stijgt het risico op herhaling naar 20-30% en na drie tot 30-40%.")
    assert [(q.lo, q.hi, q.unit, q.bound) for q in qs if q.unit == "percent"] == \
        [(20, 30, "percent", None), (30, 40, "percent", None)]
    assert [(q.lo, q.hi) for q in parse_quantities("1 tot 2 weken")] == [(1, 2)]


@pytest.mark.parametrize("text, values", [
    ("Ongeveer 15% (1,2) van de zwangerschappen eindigt zo.", [15]),
    ("Het komt voor bij 12%3.", [12]),
    ("Het komt voor bij 10-15%2,3 van de zwangerschappen.", [10]),
    ("Het komt voor bij 10 tot 15 procent1 van de zwangerschappen.", [10]),
    ("Eén op de tien zwangerschappen eindigt zo [3].", [10]),
    ("Eén op de tien zwangerschappen eindigt zo [1-3]. Dat is veel.", [10]),
    ("Eén op de tien zwangerschappen eindigt vroeg.2 Dat is veel.", [10]),
    ("Tot 16 weken (in België tot 20) heet het zo.", [16, 20]),
])
def test_citation_and_footnote_markers_are_no_numbers(text, values):
    """A reference number in brackets or glued to a sign or word is a citation, never a value or a
    decimal of the number before it."""
    assert [q.lo for q in parse_quantities(text)] == values


@pytest.mark.parametrize("text, lo, hi", [
    ("Van elke tien zwangerschappen eindigen er één tot twee vroeg.", 10, 20),
    ("Van de 100 zwangerschappen die een arts vaststelt, lopen er zo'n 12 mis.", 12, 12),
    ("Op elke twintig vrouwen krijgen er twee à drie last.", 10, 15),
])
def test_a_ratio_with_its_whole_first_and_its_part_after_the_verb(text, lo, hi):
    [q] = parse_quantities(text)
    assert (q.lo, q.hi, q.unit, q.form) == (pytest.approx(lo), pytest.approx(hi), "percent", "ratio")


@pytest.mark.parametrize("text, lo, bound", [
    ("Daarna daalde het percentage tot 12 %.", 12, "max"),
    ("Daarna steeg het percentage tot 12 %.", 12, None),
    ("Het percentage loopt op tot wel 90 procent.", 90, "max"),
])
def test_rising_to_a_value_states_the_value_reached_and_up_to_as_much_as_an_upper_end(text, lo, bound):
    [q] = parse_quantities(text)
    assert (q.hi, q.bound) == (lo, bound)


def test_within_the_weeks_is_a_maximum():
    q = one("binnen de zes weken")
    assert (q.bound, q.max) == ("max", 6)


@pytest.mark.parametrize("text, values", [
    ("Na twee miskramen is er ongeveer 25% kans op een derde.", [25]),
    ("De kans op een vierde, is klein.", []),
    ("Bijna een derde.", [100 / 3]),
    ("De kans is een derde van die van anderen.", [100 / 3]),
])
def test_a_third_one_after_op_is_a_sequence_not_a_share(text, values):
    assert [round(q.lo, 4) for q in parse_quantities(text) if q.unit == "percent"] == [round(v, 4) for v in values]
