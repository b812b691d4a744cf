"""Fact files (write, validate, read back, broken files) and reviewer pins in sidecars."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import orchestrate
from pipeline.corpus import load_corpus
from pipeline.facts.stage import extract_corpus, load_fact_files, pin_fact, write_fact_files
from pipeline.lint.config import Config
from pipeline.problems import Kind
from pipeline.yamlio import DataFileError, load_yaml

A = "Een miskraam is het verlies van een zwangerschap tot 16 weken.\nOngeveer 1 op de 10 zwangerschappen eindigt in een miskraam.\n"
B = "Een miskraam is het verlies van een zwangerschap tot 20 weken.\nBel bij koorts boven 38 graden: 06-12345678.\n"
C = "We spreken van een miskraam tot 16 weken.\n"


def corpus_of(tmp_path, leaflets: dict[str, str], sidecars: dict[str, str] | None = None):
    d = tmp_path / "leaflets"
    d.mkdir(exist_ok=True)
    for name, text in leaflets.items():
        (d / name).write_text(text, encoding="utf-8")
    for stem, text in (sidecars or {}).items():
        (d / f"{stem}.meta.yaml").write_text(text, encoding="utf-8")
    c = load_corpus([d], Config())
    extract_corpus(c, Config())
    return c, d


def test_round_trip(tmp_path):
    c, _ = corpus_of(tmp_path, {"a.txt": A, "b.txt": B})
    paths = write_fact_files(c, tmp_path / "facts")
    assert sorted(p.name for p in paths) == ["a.yaml", "b.yaml"]
    back, problems = load_fact_files(tmp_path / "facts")
    assert problems == []
    assert {k: [f.to_json() for f in v] for k, v in back.items()} == {k: [f.to_json() for f in v] for k, v in c.facts.items()}
    raw = load_yaml(tmp_path / "facts" / "b.yaml")
    assert raw["leaflet"] == "b" and raw["region"] == "NL"
    assert [f["key"] for f in raw["facts"]] == ["miscarriage.cutoff_weeks", "alarm.fever_c", "contact.phone"]


def test_gathered_facts_give_the_same_conflicts(tmp_path):
    c, d = corpus_of(tmp_path, {"a.txt": A, "b.txt": B, "c.txt": C})
    write_fact_files(c, tmp_path / "facts")
    # the cutoff has a reference (NVOG: 16 weeks), so facts.reference gives the one finding
    direct = orchestrate.run_lint([d], Config(), select={"facts.conflict", "facts.reference"}).diagnostics
    from pipeline.corpus import Corpus
    from pipeline.lint.engine import Context, lint
    facts, problems = load_fact_files(tmp_path / "facts")
    gathered = Corpus(facts=facts, problems=problems)
    got = lint(gathered, Context(config=Config(), corpus=gathered), select={"facts.conflict", "facts.reference"})
    assert [(x.path, x.line, x.message) for x in got] == [(x.path, x.line, x.message) for x in direct]
    assert [Path(x.path).name for x in got] == ["b.txt"]


def test_broken_and_invalid_fact_files_are_named(tmp_path):
    c, _ = corpus_of(tmp_path, {"a.txt": A})
    out = tmp_path / "facts"
    write_fact_files(c, out)
    (out / "broken.yaml").write_text("leaflet: [x\n", encoding="utf-8")
    text = (out / "a.yaml").read_text(encoding="utf-8").replace("approx: true", "approx: maybe", 1)
    (out / "bad.yaml").write_text(text.replace("leaflet: a", "leaflet: bad"), encoding="utf-8")
    facts, problems = load_fact_files(out)
    assert set(facts) == {"a"}
    by = {Path(p.path).name: p for p in problems}
    assert set(by) == {"broken.yaml", "bad.yaml"}
    assert all(p.kind is Kind.SCHEMA for p in problems)
    assert "YAML syntax error" in by["broken.yaml"].message
    assert "facts/" in by["bad.yaml"].message and "approx" in by["bad.yaml"].message and by["bad.yaml"].line > 1


def test_invalid_data_is_never_written(tmp_path):
    c, _ = corpus_of(tmp_path, {"a.txt": A})
    c.facts["a"][0].line = 0
    with pytest.raises(DataFileError):
        write_fact_files(c, tmp_path / "facts")
    assert not (tmp_path / "facts" / "a.yaml").exists()


def test_pins_set_waive_review_and_add(tmp_path):
    side = """# reviewer notes
facts:
  - key: miscarriage.cutoff_weeks   # the leaflet means NL
    value: 16
    reviewed: true
    reviewer: J. de Vries
  - key: alarm.fever_c
    waive: practice protocol says 38, checked 2026-11
  - key: recovery.bleeding_weeks
    line: 2
    add: true
    value: [1, 2]
"""
    c, d = corpus_of(tmp_path, {"b.txt": B}, {"b": side})
    assert c.problems == []
    f = {x.key: x for x in c.facts["b"]}
    cut = f["miscarriage.cutoff_weeks"]
    assert (cut.min, cut.max, cut.pinned, cut.reviewed, cut.reviewer) == (16, 16, True, True, "J. de Vries")
    assert cut.original == {"min": 20, "max": 20, "unit": "weeks"}
    assert f["alarm.fever_c"].waived.startswith("practice protocol")
    assert (f["recovery.bleeding_weeks"].min, f["recovery.bleeding_weeks"].max, f["recovery.bleeding_weeks"].line) == (1, 2, 2)
    # pins survive re-extraction: they come from the sidecar every run
    c2 = load_corpus([d], Config())
    extract_corpus(c2, Config())
    assert [x.to_json() for x in c2.facts["b"]] == [x.to_json() for x in c.facts["b"]]
    # a pinned value takes part in the checks: b no longer conflicts with a
    (d / "a.txt").write_text(A, encoding="utf-8")
    assert orchestrate.run_lint([d], Config(), select={"facts.conflict"}).diagnostics == []


def test_bad_pins_give_facts_schema(tmp_path):
    side = "facts:\n  - key: no.such_key\n    value: 3\n  - key: alarm.fever_c\n    line: 99\n    value: 38\n"
    c, _ = corpus_of(tmp_path, {"b.txt": B}, {"b": side})
    msgs = sorted((p.kind.value, Path(p.path).name, p.line, p.message.split(":")[0]) for p in c.problems)
    assert msgs == [("schema", "b.meta.yaml", 2, "facts/0/key"), ("schema", "b.meta.yaml", 4, "facts/1")]
    wrong = "facts:\n  - key: alarm.fever_c\n    value: hot\n"
    (tmp_path / "other").mkdir()
    c, _ = corpus_of(tmp_path / "other", {"b.txt": B}, {"b": wrong})
    assert [p.kind for p in c.problems] == [Kind.SCHEMA] and "facts/0/value" in c.problems[0].message


def test_pin_fact_keeps_comments(tmp_path):
    side = tmp_path / "a.meta.yaml"
    side.write_text("# Praktijk De Linde\nregion: NL  # Dutch practice\nfacts:\n  # checked by the board\n"
                    "  - key: alarm.fever_c\n    value: 38\n", encoding="utf-8")
    pin_fact(side, {"key": "miscarriage.cutoff_weeks", "line": 1, "waive": "quoted from the old guideline"})
    pin_fact(side, {"key": "alarm.fever_c", "value": 38.5, "reviewed": True})
    text = side.read_text(encoding="utf-8")
    assert "# Praktijk De Linde" in text and "# Dutch practice" in text and "# checked by the board" in text
    data = load_yaml(side)
    assert data["facts"] == [{"key": "alarm.fever_c", "value": 38.5, "reviewed": True},
                             {"key": "miscarriage.cutoff_weeks", "line": 1, "waive": "quoted from the old guideline"}]
    with pytest.raises(DataFileError):
        pin_fact(side, {"key": "alarm.fever_c", "value": "hot"})
    assert load_yaml(side)["facts"][0]["value"] == 38.5
