"""Every example and counterexample of every topic's catalog (topics/<topic>/catalog.yaml), and the
catalog's own validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.facts import topics
from pipeline.facts.catalog import default_path, load_catalog
from pipeline.facts.extract import extract_document
from pipeline.ingest.document import Document, identity_block
from pipeline.yamlio import DataFileError

CATALOG_PATH = default_path()
CATALOG = load_catalog(CATALOG_PATH)
CATALOGS = {name: load_catalog(topics.find(name).catalog_path) for name in topics.known()}


def _kinds():
    """(topic, kind, test id prefix) of every topic's catalog; the default topic's ids are the keys."""
    for name, catalog in CATALOGS.items():
        for kind in catalog.kinds:
            yield name, kind, kind.key if name == topics.DEFAULT_TOPIC else f"{name}:{kind.key}"


def make_doc(text: str, heading: str | None = None, region: str | None = None) -> Document:
    """A document of one paragraph (under a heading when given), positions exact."""
    blocks, source = [], ""
    if heading:
        blocks.append(identity_block("heading", heading, 0, level=2))
        source = heading + "\n\n"
    blocks.append(identity_block("paragraph", text, len(source), section=heading or ""))
    source += text + "\n"
    for i, b in enumerate(blocks):
        b.index = i
    return Document(Path("example.txt"), "example", "txt", source, blocks, meta={"region": region} if region else {})


def _expected(value) -> dict:
    if isinstance(value, (int, float)):
        return {"min": value, "max": value}
    if isinstance(value, list):
        return {"min": value[0], "max": value[1]}
    return dict(value)


def _examples():
    for topic, kind, name in _kinds():
        for i, ex in enumerate(kind.examples):
            yield pytest.param(topic, kind.key, ex, id=f"{name}[{i}]")


def _counterexamples():
    for topic, kind, name in _kinds():
        for i, text in enumerate(kind.counterexamples):
            yield pytest.param(topic, kind.key, text, id=f"{name}[not {i}]")


@pytest.mark.parametrize("topic,key,example", list(_examples()))
def test_catalog_example_yields_fact(topic, key, example):
    doc = make_doc(example["text"], example.get("heading"))
    facts = [f for f in extract_document(doc, CATALOGS[topic]) if f.key == key]
    want = _expected(example["value"])
    assert facts, f"no {key} in {example['text']!r}"
    def ok(f):
        if "text" in want and f.text != want["text"]:
            return False
        for bound in ("min", "max"):
            if bound in want and (f.min if bound == "min" else f.max) != pytest.approx(want[bound], abs=0.01) \
                    and not (want[bound] is None and (f.min if bound == "min" else f.max) is None):
                return False
        if "approx" in want and f.approx != want["approx"]:
            return False
        return all(f.qualifiers.get(k) == v for k, v in (want.get("qualifiers") or {}).items())
    assert any(ok(f) for f in facts), f"{key}: got {[f.to_json() for f in facts]}, want {want}"
    # an example is a clear statement: the fact is confident, with the cues it rests on
    assert all(f.evidence and f.evidence["cues"] for f in facts if ok(f))


@pytest.mark.parametrize("topic,key,text", list(_counterexamples()))
def test_catalog_counterexample_yields_no_fact(topic, key, text):
    facts = [f for f in extract_document(make_doc(text), CATALOGS[topic]) if f.key == key]
    assert not facts, f"{key} wrongly found in {text!r}: {[f.value_str() for f in facts]}"


def _to_check():
    for topic, kind, name in _kinds():
        for i, case in enumerate(kind.to_check):
            yield pytest.param(topic, kind.key, case, id=f"{name}[check {i}]")


@pytest.mark.parametrize("topic,key,case", list(_to_check()))
def test_to_check_sentences_yield_only_facts_to_check(topic, key, case):
    """A weak cue, an unattributed quotation, a hedge, another event, population or kind of time:
    the fact is written, with its doubts, but not used."""
    doc = make_doc(case["text"], case.get("heading"))
    facts = [f for f in extract_document(doc, CATALOGS[topic]) if f.key == key]
    assert facts and not any(f.confident for f in facts), [(f.value_str(), f.confidence, f.evidence) for f in facts]
    assert all(f.evidence["doubts"] for f in facts)
    # what lowered it is named: a doubt cue says which words it matched
    assert all(set(f.evidence["doubts"]) <= set(CATALOGS[topic].doubts) for f in facts)


def test_every_kind_has_examples_both_ways():
    for _topic, kind, name in _kinds():
        assert kind.examples and kind.counterexamples, name


def test_core_vocabulary_present():
    keys = {k.key for k in CATALOG.kinds}
    core = """miscarriage.cutoff_weeks miscarriage.incidence_pct miscarriage.most_before_weeks
    miscarriage.annual_cases_nl expectant.success_pct expectant.max_wait_weeks medication.success_pct
    medication.curettage_pct curettage.duration_min recurrence.after_1_pct recurrence.after_2_pct
    recurrence.after_3_pct heartbeat.risk_pct alarm.fever_c alarm.pad_soaked_min recovery.bleeding_weeks
    recovery.menstruation_weeks contact.phone""".split()
    assert set(core) <= keys


def _write(tmp_path, text):
    p = tmp_path / "catalog.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_bad_regex_names_file_and_field(tmp_path, english):
    src = CATALOG_PATH.read_text(encoding="utf-8").replace("cue: 'miskra|zwangerschapsverlies'", "cue: 'miskra(('", 1)
    with pytest.raises(DataFileError) as e:
        load_catalog(_write(tmp_path, src))
    assert e.value.path.endswith("catalog.yaml")
    assert "not a valid regular expression" in e.value.message and e.value.field.startswith("facts/")
    assert e.value.line > 1


def test_schema_violation_names_field(tmp_path):
    src = CATALOG_PATH.read_text(encoding="utf-8").replace("severity: error", "severity: fatal", 1)
    with pytest.raises(DataFileError) as e:
        load_catalog(_write(tmp_path, src))
    assert "severity" in e.value.field


def test_unknown_qualifier_rejected(tmp_path):
    src = CATALOG_PATH.read_text(encoding="utf-8").replace("qualifiers: [region]", "qualifiers: [planet]", 1)
    with pytest.raises(DataFileError) as e:
        load_catalog(_write(tmp_path, src))
    assert "planet" in e.value.message


def test_unknown_doubt_rejected(tmp_path, english):
    src = CATALOG_PATH.read_text(encoding="utf-8").replace("why: hedged", "why: unsure", 1)
    with pytest.raises(DataFileError) as e:
        load_catalog(_write(tmp_path, src))
    assert "unknown doubt 'unsure'" in e.value.message and e.value.field == "doubt_cues/0/why"
    assert e.value.line > 1


def test_reviewer_adds_a_doubt_by_yaml_only(tmp_path):
    """A doubt cue and its factor are data: a sentence it matches yields the fact to check, with the
    words that doubted it."""
    text = "Ongeveer 1 op de 10 zwangerschappen eindigt in een miskraam, schat de fabrikant."
    before = [f for f in extract_document(make_doc(text), CATALOG) if f.key == "miscarriage.incidence_pct"]
    assert before and all(f.confident for f in before)
    src = CATALOG_PATH.read_text(encoding="utf-8").replace("  other_time: 0.5\n", "  other_time: 0.5\n  advert: 0.4\n", 1)
    src = src.replace("doubt_cues:\n", "doubt_cues:\n  - in: sentence\n    cue: '\\bfabrikant\\b'\n    why: advert\n", 1)
    catalog = load_catalog(_write(tmp_path, src))
    [f] = [f for f in extract_document(make_doc(text), catalog) if f.key == "miscarriage.incidence_pct"]
    assert not f.confident and f.confidence == pytest.approx(0.4)
    assert f.evidence["doubted_by"] == [{"doubt": "advert", "text": "fabrikant", "scope": "sentence"}]


def test_reviewer_adds_kind_by_yaml_only(tmp_path):
    extra = """
  - key: recovery.sport_weeks
    label: Weer sporten na
    unit: weeks
    severity: info
    require:
      - in: sentence
        cue: '\\bsport'
      - in: before
        cue: '\\bna\\s*$'
    examples:
      - text: Je kunt na twee weken weer sporten.
        value: 2
    counterexamples:
      - Sporten veroorzaakt geen miskraam.
"""
    cat = load_catalog(_write(tmp_path, CATALOG_PATH.read_text(encoding="utf-8") + extra))
    facts = [f for f in extract_document(make_doc("Je kunt na twee weken weer sporten."), cat)
             if f.key == "recovery.sport_weeks"]
    assert [(f.min, f.max) for f in facts] == [(2, 2)]


def test_unknown_value_for_a_later_sentence_or_a_wider_group_rejected(tmp_path, english):
    src = CATALOG_PATH.read_text(encoding="utf-8").replace("later: [all_conceptions]", "later: [planets]", 1)
    with pytest.raises(DataFileError) as e:
        load_catalog(_write(tmp_path, src))
    assert "planets" in e.value.message and "qualifiers/population" in e.value.message


_OTHER_SUBJECT = [
    "Een borstontsteking begint vaak in de eerste weken dat je borstvoeding geeft.",
    "Je borst wordt rood, warm en pijnlijk, en je voelt je soms grieperig en moe.",
    "Blijf voeden of kolven: een volle borst maakt de ontsteking erger, een lege borst helpt.",
    "Leg je baby vaak aan en begin aan de kant die pijn doet, dan drinkt hij die borst het best leeg.",
    "Een warm washandje voor het voeden en een koud kompres erna kunnen de pijn verzachten.",
    "Rust zoveel als je kunt, drink genoeg en vraag iemand in huis om de andere taken over te nemen.",
    "Een lactatiekundige kan kijken of je baby goed aanligt en je tips geven voor een andere houding.",
    "Paracetamol mag je gebruiken als je borstvoeding geeft; vraag de apotheek naar de juiste dosis.",
    "Bel de huisarts bij koorts boven 38,5 graden die na een dag niet zakt.",
    "Soms is een kuur met antibiotica nodig; die is veilig voor je baby en je kunt gewoon blijven voeden.",
    "Na een paar dagen voel je je meestal al beter en is de borst minder rood en gezwollen.",
    "Komt de ontsteking vaak terug, dan zoekt de huisarts samen met jou naar de oorzaak.",
    "Een knobbel die na het voeden blijft zitten, laat je nakijken: soms is het een verstopte melkgang.",
    "Draag een beha die goed zit en niet knelt, vooral 's nachts, en wissel de houding bij het voeden af.",
    "Kloven in de tepel maken een ontsteking waarschijnlijker; een druppel moedermelk helpt ze te helen.",
    "Stop je met voeden, bouw het dan rustig af, zodat je borsten niet ineens te vol raken.",
    "Heb je vragen over voeden, bel dan de kraamzorg of de lactatiekundige van het consultatiebureau.",
    "Schrijf op wanneer je voedt en hoe lang, dan zie je samen met de verloskundige of het beter gaat.",
]


def test_a_long_page_that_never_speaks_of_a_loss_gives_facts_to_check():
    """A threshold on a page about another subject (a fever with mastitis) is no fact of the miscarriage
    topic to compare: to check. The same page that speaks of a miscarriage keeps it confident."""
    other = "\n\n".join(_OTHER_SUBJECT)
    assert len(other) > 1500
    about_loss = other.replace("Een borstontsteking begint", "Na een miskraam of een borstontsteking begint", 1)
    fevers = [f for f in extract_document(make_doc(other), CATALOG) if f.key == "alarm.fever_c"]
    kept = [f for f in extract_document(make_doc(about_loss), CATALOG) if f.key == "alarm.fever_c"]
    assert fevers and not any(f.confident for f in fevers)
    assert all("other_subject" in f.evidence["doubts"] for f in fevers)
    assert kept and all(f.confident for f in kept)
