"""Fixes from the independent review: the reference decides conflicts, reference severity from the
catalog, pins that contradict the text, the flagged text as match, conditional risks, pruning."""

from __future__ import annotations

from pathlib import Path

from pipeline import orchestrate
from pipeline.diagnostic import Severity
from pipeline.facts.catalog import default_catalog
from pipeline.facts.compare import disagreements, pin_mismatch
from pipeline.facts.extract import extract_document
from pipeline.facts.model import Fact
from pipeline.facts.reference import default_registry
from pipeline.facts.stage import extract_corpus, load_fact_files, write_fact_files
from pipeline.corpus import load_corpus
from pipeline.lint.config import Config
from pipeline.yamlio import load_yaml
from tests.test_facts_catalog import make_doc

CAT = default_catalog()
CUT24 = "Een miskraam is het verlies van een vroege zwangerschap, tot 24 weken zwangerschapsduur.\n"
CUT16 = "Er is sprake van een miskraam als je zwangerschap eindigt in de eerste 16 weken.\n"


def lint(tmp_path, leaflets: dict[str, str], sidecars: dict[str, str] | None = None, select=("facts",),
         config: Config | None = None):
    d = tmp_path / "leaflets"
    d.mkdir(exist_ok=True)
    for name, text in leaflets.items():
        (d / name).write_text(text, encoding="utf-8")
    for stem, text in (sidecars or {}).items():
        (d / f"{stem}.meta.yaml").write_text(text, encoding="utf-8")
    cfg = config or Config(output=tmp_path / "output", sources=tmp_path / "sources")
    return orchestrate.run_lint([d], cfg, select=set(select), cache=False).diagnostics


# 1. the reference registry decides who deviates -------------------------------------------------

def test_reference_side_is_never_the_deviant_of_a_wrong_majority(tmp_path):
    found = lint(tmp_path, {"a.txt": CUT24, "b.txt": CUT24, "c.txt": CUT16},
                 select=("facts.conflict", "facts.reference"))
    # one finding per span, by facts.reference, naming the leaflet that agrees with the reference
    assert sorted((Path(d.path).name, d.rule, d.severity) for d in found) == [
        ("a.txt", "facts.reference", Severity.ERROR), ("b.txt", "facts.reference", Severity.ERROR)]
    for d in found:
        assert d.suggestions == ("tot 16 weken",) and "NVOG" in d.message
        assert [Path(r.path).name for r in d.related] == ["c.txt"]


def test_without_reference_nobody_is_told_to_move():
    def f(lid, v):
        return Fact(key="expectant.success_pct", min=v, max=v, unit="percent", leaflet=lid, path=f"{lid}.txt")
    ds = disagreements([f("a", 70), f("b", 70), f("c", 50)])
    assert [(d.fact.leaflet, sorted(o.leaflet for o in d.others)) for d in ds] == [
        ("a", ["c"]), ("b", ["c"]), ("c", ["a", "b"])]


def test_values_inside_the_reference_are_never_a_finding(tmp_path):
    inc10 = "Ongeveer 1 op de 10 zwangerschappen eindigt in een miskraam.\n"
    inc15 = "15% van de zwangerschappen eindigt in een miskraam.\n"
    inc30 = "30% van de zwangerschappen eindigt in een miskraam.\n"
    found = lint(tmp_path, {"a.txt": inc10, "b.txt": inc10, "c.txt": inc15, "d.txt": inc30, "e.txt": inc30,
                            "f.txt": inc30}, select=("facts.conflict", "facts.reference", "facts.internal-conflict"))
    # 30 % is the most common value but outside 10-20: d/e/f get the reference; c (15) differs from
    # a and b (10) but is inside the range: no finding, never told to move
    assert sorted((Path(d.path).name, d.rule) for d in found) == [
        ("d.txt", "facts.reference"), ("e.txt", "facts.reference"), ("f.txt", "facts.reference")]


# 2. facts.reference takes the catalog's severity -----------------------------------------------

def test_reference_severity_comes_from_the_catalog_and_config_overrides(tmp_path):
    found = lint(tmp_path, {"a.txt": CUT24 + "\nBel direct bij koorts boven 39 graden.\n"},
                 select=("facts.reference",))
    assert sorted((d.fact, d.severity) for d in found) == [("alarm.fever_c", Severity.WARNING),
                                                          ("miscarriage.cutoff_weeks", Severity.ERROR)]
    cfg = Config(output=tmp_path / "output", sources=tmp_path / "sources",
                 rules={"facts.reference": {"level": "info"}})
    found = lint(tmp_path, {}, select=("facts.reference",), config=cfg)
    assert {d.severity for d in found} == {Severity.INFO} and len(found) == 2


# 3. a pin that contradicts the text -------------------------------------------------------------

def test_pin_mismatch_survives_gather_and_a_waive_silences_it(tmp_path, english):
    pin = "facts:\n  - key: miscarriage.cutoff_weeks\n    value: 16\n"
    found = lint(tmp_path, {"a.txt": CUT24}, {"a": pin}, select=("facts",))
    rules = {d.rule: d for d in found}
    assert "facts.reference" not in rules and "facts.conflict" not in rules  # the pin hides them...
    mm = rules["facts.pin-mismatch"]  # ...but not the wrong text
    assert mm.severity == Severity.ERROR and mm.match == "tot 24 weken"
    assert "the text says tot 24 weken" in mm.message and "the pin 16 weeks" in mm.message
    c = load_corpus([tmp_path / "leaflets"], Config())
    extract_corpus(c, Config())
    write_fact_files(c, tmp_path / "facts")
    facts, problems = load_fact_files(tmp_path / "facts")
    assert problems == [] and [pin_mismatch(f) for f in facts["a"]] == [True]
    waived = pin + "    waive: typo confirmed, reprint ordered\n"
    (tmp_path / "leaflets" / "a.meta.yaml").write_text(waived, encoding="utf-8")
    assert not [d for d in lint(tmp_path, {}, select=("facts",)) if d.rule == "facts.pin-mismatch"]


def test_pin_mismatch_semantics():
    def pinned(lo, hi, original):
        return Fact(key="k.x", min=lo, max=hi, unit="weeks", pinned=True, original=original)
    assert pin_mismatch(pinned(16, 16, {"min": 24, "max": 24, "unit": "weeks"}))
    assert not pin_mismatch(pinned(15, 15, {"min": 10, "max": 20, "unit": "weeks"}))   # narrows
    assert not pin_mismatch(pinned(8, 8, {"min": 2, "max": 2, "unit": "months"}))      # month lengths
    assert not pin_mismatch(Fact(key="k.x", min=16, max=16, pinned=True))                # added/qualifiers
    phone = Fact(key="contact.phone", text="030-1234567", pinned=True,
                 original={"text": "030 - 123 45 68", "unit": "text"})
    assert pin_mismatch(phone)
    phone.original = {"text": "030 - 123 45 67", "unit": "text"}
    assert not pin_mismatch(phone)


# 4. match is the flagged text, positions point at it -------------------------------------------

def test_match_is_the_quantity_as_written_at_its_position(tmp_path):
    text = "Zwangerschapsverlies.\n\nEen miskraam is het verlies van een vroege zwangerschap,\ntot 24\nweken zwangerschapsduur.\n"
    found = lint(tmp_path, {"a.txt": text, "b.txt": CUT16, "c.txt": CUT16})
    lines = text.split("\n")
    assert [d.rule for d in found] == ["facts.reference"]  # one finding per span
    for d in found:
        assert d.match == "tot 24 weken"
        assert (d.line, d.column, d.end_line, d.end_column) == (4, 1, 5, 6)
        flagged = lines[d.line - 1][d.column - 1:] + " " + lines[d.end_line - 1][: d.end_column - 1]
        assert " ".join(flagged.split()) == d.match
        assert len(d.message) < 160  # short: the sentence is the excerpt of the text output, not in the message


def test_old_fact_files_without_stated_fall_back_to_the_sentence():
    f = Fact.from_json({"key": "k.x", "min": 1, "max": 1, "quote": "De hele zin."})
    assert f.match == "De hele zin."


# 5. a conditional risk is not the overall incidence ---------------------------------------------

def test_conditional_risk_is_not_incidence():
    for text, heading in [
        ("Na 12 weken is de kans op een miskraam nog maar 1 à 2%.", None),
        ("Na 12 weken is de kans op een miskraam nog maar 1 à 2%.", "Kloppend hartje gezien?"),
        ("Als je eenmaal 12 weken zwanger bent, is de kans op een miskraam nog maar 2 procent.", None),
        ("Vanaf de twaalfde week is de kans op een miskraam kleiner dan 2%.", None),
        ("Na een goede echo is de kans op een miskraam nog maar 1-3%.", None),
    ]:
        keys = [f.key for f in extract_document(make_doc(text, heading), CAT)]
        assert "miscarriage.incidence_pct" not in keys, text
        if "echo" not in text:
            assert "heartbeat.risk_pct" not in keys, text
    got = [(f.key, f.min) for f in extract_document(make_doc("Als het hartje klopt, is de kans op een miskraam nog maar 3%."), CAT)]
    assert got == [("heartbeat.risk_pct", 3)]
    # the overall figure in the same sentence as a conditional one is still read
    got = [(f.key, f.min) for f in extract_document(make_doc(
        "De kans op een miskraam voor een echo is 10%, na een goede echo nog maar 1-3%."), CAT)]
    assert ("miscarriage.incidence_pct", 10) in got


def test_conditional_risk_gives_no_false_conflict(tmp_path):
    text = ("Ongeveer 1 op de 10 zwangerschappen eindigt in een miskraam.\n\n"
            "Na 12 weken is de kans op een miskraam nog maar 1 à 2%.\n")
    assert lint(tmp_path, {"a.txt": text}, select=("facts",)) == []


# 6. pruning fact files of deleted leaflets ------------------------------------------------------

def test_prune_removes_only_leaflint_fact_files_of_missing_leaflets(tmp_path):
    d = tmp_path / "leaflets"
    d.mkdir()
    (d / "a.txt").write_text(CUT16, encoding="utf-8")
    (d / "b.txt").write_text(CUT24, encoding="utf-8")
    out = tmp_path / "facts"

    def run(prune):
        c = load_corpus([d], Config())
        extract_corpus(c, Config())
        return write_fact_files(c, out, prune=prune)

    run(False)
    (out / "notes.yaml").write_text("leaflet: x\nfacts: []\n", encoding="utf-8")  # not leaflint's
    (out / "broken.yaml").write_text("facts: [\n", encoding="utf-8")
    (d / "b.txt").unlink()
    run(False)
    assert (out / "b.yaml").exists()  # default: nothing removed
    written = run(True)
    assert [p.name for p in written] == ["a.yaml"]
    assert sorted(p.name for p in out.glob("*.yaml")) == ["a.yaml", "broken.yaml", "notes.yaml"]
    facts, _ = load_fact_files(out)
    assert "b" not in facts and load_yaml(out / "a.yaml")["leaflet"] == "a"
