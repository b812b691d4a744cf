"""Extraction across formats (positions point into the file as given) and on arbitrary text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

from pipeline.facts.catalog import default_catalog
from pipeline.facts.extract import extract_document
from pipeline.ingest import load_document
from tests.test_facts_catalog import make_doc

DATA = Path(__file__).parent / "data" / "facts"
CAT = default_catalog()


def test_html_leaflet_positions_point_into_the_source():
    doc = load_document(DATA / "formats" / "ziekenhuis.html")
    got = {f.key: f for f in extract_document(doc, CAT)}
    expect = {
        "miscarriage.cutoff_weeks": ((16, 16), "tot"),
        "miscarriage.incidence_pct": ((10, 10), "Ongeveer 1&nbsp;op de 10"),
        "alarm.fever_c": ((38.5, 38.5), "boven 38,5"),
        "alarm.pad_soaked_min": ((30, 30), "binnen een half uur"),
    }
    assert set(got) == set(expect) | {"contact.phone"}
    for key, (value, source) in expect.items():
        f = got[key]
        assert (f.min, f.max) == value
        assert doc.line_text(f.line)[f.column - 1:].startswith(source), (key, f.line, f.column)
    phone = got["contact.phone"]
    assert phone.text == "088 123 45 67" and doc.line_text(phone.line)[phone.column - 1:].startswith("088 123")


def test_hard_wrapped_text_keeps_line_of_each_fact(tmp_path):
    p = tmp_path / "wrapped.txt"
    p.write_text("Herstel\n\nHet lichamelijk herstel is meestal vlot. Gedurende een\ntot twee weken is er nog wat "
                 "bloedverlies. De volgende menstruatie komt\nna ongeveer zes weken.\n", encoding="utf-8")
    doc = load_document(p)
    facts = {f.key: f for f in extract_document(doc, CAT)}
    assert (facts["recovery.bleeding_weeks"].min, facts["recovery.bleeding_weeks"].max) == (1, 2)
    assert (facts["recovery.bleeding_weeks"].line, facts["recovery.bleeding_weeks"].column) == (3, 52)
    assert facts["recovery.menstruation_weeks"].line == 5


_WORDS = st.sampled_from([
    "miskraam", "zwangerschap", "eindigt", "in", "een", "de", "tot", "16", "weken", "1", "op", "10",
    "ongeveer", "koorts", "boven", "38", "graden", "bloedverlies", "na", "maanden", "dit", "is", "het",
    "geval", "bij", "70%", "vrouwen", "afwachten", "binnen", "twee", "medicijnen", "curettage", "duurt",
    "min", ".", ",", "?", "\n", "06-12345678", "België", "maandverband", "30min", "kans", "herhaling",
    "drie", "miskramen", "menstruatie", "kloppend", "hartje", "%", "de helft", "één", "à", "-",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join), st.sampled_from(["", "2. Medicijnen", "Herstel"]))
def test_extraction_never_crashes_and_facts_are_sane(text, heading):
    if not text.strip():
        return
    doc = make_doc(text, heading or None)
    for f in extract_document(doc, CAT):
        assert f.min is None or f.max is None or f.min <= f.max
        assert 1 <= f.line <= doc.source.count("\n") + 1 and f.column >= 1
        assert CAT.kind(f.key) is not None


def test_table_row_header_and_column_header_give_the_topic(tmp_path):
    # a cell alone ("± 75 %") says nothing; its row ("Afwachten") and column ("Kans op succes") do
    p = tmp_path / "tabel.md"
    p.write_text("# Miskraam\n\n| Aanpak | Kans op succes |\n|---|---|\n| Afwachten | ± 75 % binnen 2 weken |\n"
                 "| Medicatie (misoprostol) | ± 60 % |\n| Curettage | > 95 % |\n| Menstruatie | na 4-6 wk |\n",
                 encoding="utf-8")
    facts = {(f.key, f.line): f for f in extract_document(load_document(p), CAT)}
    assert facts[("expectant.success_pct", 5)].min == 75
    assert facts[("expectant.success_pct", 5)].qualifiers == {"window_weeks": 2}
    assert facts[("medication.success_pct", 6)].qualifiers == {"regimen": "misoprostol"}
    assert (facts[("recovery.menstruation_weeks", 8)].min, facts[("recovery.menstruation_weeks", 8)].max) == (4, 6)
    assert not [k for k, line in facts if line == 7]  # the curettage row is no catalog fact


def test_a_value_named_for_two_regions_gives_a_fact_for_each():
    doc = make_doc("Voor een miskraam geldt in Nederland een grens van 16 weken. In België en volgens de WHO "
                   "ligt die grens bij 20 weken.")
    got = sorted((f.min, f.qualifiers.get("region")) for f in extract_document(doc, CAT)
                 if f.key == "miscarriage.cutoff_weeks")
    assert got == [(16, "NL"), (20, "BE"), (20, "WHO")]


def test_a_text_files_first_line_is_its_title(tmp_path):
    """A page saved as text opens with its title as a plain line: what it names (a miscarriage) is the
    context of a later paragraph that gives a share without naming it again; a long first sentence is
    no title."""
    body = ("Verschillende bronnen geven verschillende cijfers.\n\n"
            "Volgens de richtlijn gaat het om ongeveer 15% van de zwangerschappen.\n")
    titled, prose = tmp_path / "titled.txt", tmp_path / "prose.txt"
    titled.write_text("Zo'n dertigduizend vrouwen per jaar krijgen een miskraam en toch voelen ze zich vaak eenzaam\n\n"
                      + body, encoding="utf-8")
    prose.write_text("Wij schrijven hier over zwangerschap, over de kraamtijd en over alles wat je verder nog "
                     "wilt weten over een miskraam en wat erna komt.\n\n" + body, encoding="utf-8")
    got = [f for f in extract_document(load_document(titled), CAT) if f.key == "miscarriage.incidence_pct"]
    assert [(f.min, f.line) for f in got] == [(15, 5)]
    assert not [f for f in extract_document(load_document(prose), CAT) if f.key == "miscarriage.incidence_pct"]


def test_an_operation_in_a_leaflet_without_a_miscarriage_is_not_a_curettage():
    """A leaflet about a caesarean times "the operation": no curettage's duration to compare (to check);
    under a curettage's heading the same sentence is one."""
    other = [f for f in extract_document(make_doc("De operatie duurt ongeveer 45 minuten.", "Keizersnede"), CAT)
             if f.key == "curettage.duration_min"]
    own = [f for f in extract_document(make_doc("De operatie duurt ongeveer 15 minuten.", "Curettage"), CAT)
           if f.key == "curettage.duration_min"]
    assert [f.confident for f in other] == [False] and [f.confident for f in own] == [True]


def test_dan_wel_is_no_reference_to_the_sentence_before():
    """"dan wel" means "or": the next sentence does not refer back, so its age is no population of the share."""
    text = ("Naar schatting eindigt een op de vier zwangerschappen in een miskraam. Het risico op een miskraam "
            "dan wel een afwijking wordt groter naarmate de leeftijd van de vrouw stijgt.")
    facts = [f for f in extract_document(make_doc(text), default_catalog()) if f.key == "miscarriage.incidence_pct"]
    assert [f.qualifiers.get("population") for f in facts] == [None]
