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
