"""The parts of the extractor that give a sentence its surroundings: the question that heads an
answer, a question that is no claim unless a call to act follows, a sentence referring back to the
one before, a table cell's headers."""

from __future__ import annotations

from pipeline.facts.catalog import default_catalog
from pipeline.facts.extract import extract_document
from pipeline.ingest import load_document

CAT = default_catalog()


def facts(tmp_path, text: str) -> list:
    p = tmp_path / "folder.md"
    p.write_text(text, encoding="utf-8")
    return extract_document(load_document(p), CAT)


def values(tmp_path, text: str) -> dict:
    return {f.key: (f.min, f.max) for f in facts(tmp_path, text)}


def test_a_question_paragraph_heads_the_answer_after_it(tmp_path):
    text = "# Na de miskraam\n\nHoe lang duurt het bloedverlies?\n\nMeestal twee weken.\n"
    assert values(tmp_path, text) == {"recovery.bleeding_weeks": (2, 2)}
    without = "# Na de miskraam\n\nWat mag je verwachten?\n\nMeestal twee weken.\n"
    assert "recovery.bleeding_weeks" not in values(tmp_path, without)


def test_list_items_keep_the_question_other_prose_ends_it(tmp_path):
    text = "# Na de miskraam\n\nHoe lang duurt het bloedverlies?\n\n- meestal twee weken\n"
    assert values(tmp_path, text) == {"recovery.bleeding_weeks": (2, 2)}
    ended = "# Na de miskraam\n\nHoe lang duurt het bloedverlies?\n\nDat verschilt.\n\n- meestal twee weken\n"
    assert values(tmp_path, ended) == {}


def test_a_question_is_no_claim_unless_a_call_to_act_follows(tmp_path):
    asked = "# Na de miskraam\n\nBloed je langer dan twee weken?\n"
    assert values(tmp_path, asked) == {}
    condition = "# Na de miskraam\n\nBloed je langer dan twee weken? Bel dan de huisarts.\n"
    assert values(tmp_path, condition) == {"recovery.bleeding_weeks": (2, None)}


def test_a_sentence_referring_back_takes_the_window_of_the_one_before(tmp_path):
    text = ("# Afwachten\n\nWie afwacht, verliest de zwangerschap meestal binnen 2 weken. "
            "Dat lukt bij 7 van de 10 vrouwen.\n")
    [f] = [f for f in facts(tmp_path, text) if f.key == "expectant.success_pct"]
    assert (f.min, f.max, f.qualifiers) == (70, 70, {"window_weeks": 2})
    no_anaphor = ("# Afwachten\n\nWie afwacht, verliest de zwangerschap meestal binnen 2 weken. "
                  "Een zorgverlener helpt 7 van de 10 vrouwen.\n")
    assert all(f.qualifiers.get("window_weeks") is None for f in facts(tmp_path, no_anaphor)
               if f.key == "expectant.success_pct")


def test_a_table_flattened_to_lines_reads_each_row_under_its_label_line(tmp_path):
    text = ("# Miskraam en leeftijd\n\nHoe ouder je bent, hoe groter de kans.\n\nLeeftijd Kans op een miskraam\n"
            "25-30 jaar 12-15%\n38 jaar 25%\n42 jaar 50%\n")
    got = sorted((f.min, f.max, f.qualifiers.get("population")) for f in facts(tmp_path, text)
                 if f.key == "miscarriage.incidence_pct")
    assert got == [(12, 15, "age"), (25, 25, "age"), (50, 50, "age")]


def test_lines_of_numbers_without_a_label_line_or_with_words_are_no_table(tmp_path):
    no_label = "# Miskraam en leeftijd\n\nDit zijn de cijfers die wij zagen.\n\n38 jaar 25%\n\n42 jaar 50%\n"
    assert [f for f in facts(tmp_path, no_label) if f.key == "miscarriage.incidence_pct"] == []
    prose = ("# Miskraam en leeftijd\n\nKans op een miskraam\n\n"
             "Vrouwen van 38 jaar lopen in onze praktijk 25% kans\n")
    assert [f for f in facts(tmp_path, prose) if f.key == "miscarriage.incidence_pct"] == []


def test_a_bare_number_after_temperature_under_a_list_lead_in_is_degrees(tmp_path):
    text = "# Na de curettage\n\nBel de praktijk bij:\n\n- hevige buikpijn\n- koorts (temperatuur boven 38.5)\n"
    assert values(tmp_path, text) == {"alarm.fever_c": (38.5, 38.5)}
    count = "# Na de curettage\n\nBij koorts neem je 2 keer per dag een tablet.\n"
    assert "alarm.fever_c" not in values(tmp_path, count)


def test_a_list_item_completes_its_lead_in(tmp_path):
    text = ("# Miskraam\n\nMet de jaren stijgt de kans op een miskraam:\n\n"
            "- onder de 30 jaar is de kans 1 op 8\n- boven de 42 jaar is de kans 1 op 2\n")
    got = sorted((f.min, f.max, f.qualifiers.get("population")) for f in facts(tmp_path, text)
                 if f.key == "miscarriage.incidence_pct")
    assert got == [(12.5, 12.5, "age"), (50, 50, "age")]
    # without a lead-in that ends in a colon an item may stand alone: "de kans" refers back to the
    # paragraph before the list, but only as a fact to check
    alone = "# Miskraam\n\nMet de jaren stijgt de kans op een miskraam.\n\n- onder de 30 jaar is de kans 1 op 8\n"
    got = [f for f in facts(tmp_path, alone) if f.key == "miscarriage.incidence_pct"]
    assert [(f.min, f.confident, "distant" in f.evidence["doubts"]) for f in got] == [(12.5, False, True)]


def test_a_bare_chance_refers_to_the_chance_named_in_the_sentence_before(tmp_path):
    text = ("# Miskraam\n\nHoe ouder de moeder, hoe groter de kans op een miskraam. Onder de 30 jaar is "
            "de kans ongeveer 1 op 9.\n")
    got = [(f.min, f.qualifiers.get("population"), f.confident) for f in facts(tmp_path, text)
           if f.key == "miscarriage.incidence_pct"]
    assert got == [(11.11, "age", True)]
    # the chance of something else before it is no chance of a miscarriage
    other = "# Miskraam\n\nNa een curettage is er kans op een infectie. Onder de 30 jaar is de kans 1 op 9.\n"
    assert [f for f in facts(tmp_path, other) if f.key == "miscarriage.incidence_pct"] == []


def test_the_phrase_after_a_number_says_whom_it_counts(tmp_path):
    text = ("# Miskraam\n\nBloeden hoeft niet te betekenen dat het misgaat. Een derde van deze gevallen van dreigende miskraam "
            "(7% van alle zwangerschappen) eindigt echt in een miskraam, bij de andere het bloedverlies niet.\n")
    got = sorted((f.min, f.qualifiers.get("population")) for f in facts(tmp_path, text)
                 if f.key == "miscarriage.incidence_pct")
    assert got == [(7, None), (33.33, "bleeding")]


def test_a_dash_between_two_numbers_is_a_range_not_a_clause_break(tmp_path):
    text = "# Miskraam\n\nJaarlijks eindigen 900 – 1.100 zwangerschappen in Nederland in een doodgeboorte.\n"
    assert "miscarriage.annual_cases_nl" not in values(tmp_path, text)


def test_a_bare_number_in_a_repeated_clause_is_read_but_to_check(tmp_path):
    text = "# Miskraam\n\nIn Nederland spreekt men van een miskraam tot 16 weken, in België tot 20.\n"
    got = [(f.min, f.qualifiers.get("region"), f.confident) for f in facts(tmp_path, text)
           if f.key == "miscarriage.cutoff_weeks"]
    assert got == [(16, "NL", True), (20, "BE", False)]


def test_rows_of_a_table_complete_the_sentence_before_them(tmp_path):
    """A list item that is a label and its value ("- 35 jaar: 20%") cannot stand alone: it reads
    with the sentence before the list, colon or not; rows as lines read under a lead-in sentence
    that ends in a colon, however long (sentences written here)."""
    items = ("# Leeftijd\n\nHoe ouder je bent, hoe groter de kans. In de lijst zie je per leeftijdsgroep hoe "
             "groot de kans op een miskraam is\n\n- 25-29 jaar: 12%\n- 40 jaar en ouder: 50%\n")
    got = sorted((f.min, f.max, f.qualifiers.get("population"), f.confident) for f in facts(tmp_path, items)
                 if f.key == "miscarriage.incidence_pct")
    assert got == [(12, 12, "age", True), (50, 50, "age", True)]
    dashes = ("# Leeftijd\n\nZo groot is de kans op een miskraam in elke leeftijdsgroep.\n\n"
              "- 25 jaar – 10%\n- 40 jaar – 1 op 3\n")
    got = sorted((f.min, f.qualifiers.get("population")) for f in facts(tmp_path, dashes)
                 if f.key == "miscarriage.incidence_pct")
    assert got == [(10, "age"), (33.33, "age")]
    lines = ("# Leeftijd\n\nHoe ouder je bent, hoe groter de kans. In de lijst zie je per leeftijd hoe vaak een "
             "zwangerschap in een miskraam eindigt:\n\n25-29 jaar: 12%\n\n35-39 jaar: 25%\n")
    got = sorted((f.min, f.qualifiers.get("population")) for f in facts(tmp_path, lines)
                 if f.key == "miscarriage.incidence_pct")
    assert got == [(12, "age"), (25, "age")]
    # a closed sentence before lines of numbers leads into nothing
    closed = ("# Leeftijd\n\nDe kans op een miskraam hangt af van veel dingen, zoals je leeftijd en je "
              "gezondheid.\n\n25-29 jaar: 12%\n\n35-39 jaar: 25%\n")
    assert [f for f in facts(tmp_path, closed) if f.key == "miscarriage.incidence_pct"] == []


def test_a_share_in_brackets_after_a_count_reads_with_its_clause(tmp_path):
    """"9 400 (7 %) vrouwen": the bracket restates the count, whose clause says whom it counts (a
    tally of women is a study's sample)."""
    text = ("# Onderzoek\n\nDe onderzoekers bekeken de gegevens van 130 000 zwangere vrouwen. "
            "Daarvan kregen 9 400 (7 %) zwangere vrouwen een miskraam.\n")
    got = [(f.min, f.qualifiers.get("population")) for f in facts(tmp_path, text)
           if f.key == "miscarriage.incidence_pct"]
    assert got == [(7, "restricted")]


def test_the_rest_of_its_clause_widens_all_pregnancies_to_all_conceptions(tmp_path):
    """"van alle zwangerschappen" is the whole population, but the rest of the clause may say that
    it counts losses nobody noticed (sentences written here)."""
    text = ("# Hoe vaak komt een miskraam voor?\n\nOngeveer 40 procent van alle zwangerschappen in het land eindigt "
            "in de allereerste weken al voordat de vrouw merkt dat ze zwanger is.\n")
    got = [f.qualifiers.get("population") for f in facts(tmp_path, text) if f.key == "miscarriage.incidence_pct"]
    assert got == ["all_conceptions"]
    # another clause after it does not widen it
    apart = ("# Hoe vaak komt een miskraam voor?\n\nOngeveer 15 procent van alle zwangerschappen eindigt in een "
             "miskraam, vaak al voordat de vrouw merkt dat ze zwanger is.\n")
    got = [f.qualifiers.get("population") for f in facts(tmp_path, apart) if f.key == "miscarriage.incidence_pct"]
    assert got == [None]
