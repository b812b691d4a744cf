"""Extraction quality on test leaflets written for it (number words, months, Flemish wording,
hard-wrapped lines, look-alikes), against hand-annotated ground truth; and no false conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from pipeline import orchestrate
from pipeline.corpus import load_corpus
from pipeline.bench.facts_quality import matches
from pipeline.facts.stage import extract_corpus
from pipeline.lint.config import Config

DATA = Path(__file__).parent / "data" / "facts"
_yaml = YAML(typ="safe", pure=True)


def score(expected: dict, facts: dict) -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    notes = []
    for lid, want in expected.items():
        got = list(facts.get(lid, []))
        for e in want:
            m = next((f for f in got if matches(e, f)), None)
            if m is None:
                fn += 1
                notes.append(f"missed {lid}: {e}")
            else:
                tp += 1
                got.remove(m)
        for f in got:
            fp += 1
            notes.append(f"extra {lid}:{f.line} {f.key} {f.value_str()} {f.qualifiers}")
    return tp, fp, fn, notes


@pytest.fixture(scope="module")
def corpus():
    c = load_corpus([DATA / "leaflets"], Config())
    extract_corpus(c, Config())
    return c


def test_precision_and_recall(corpus):
    expected = _yaml.load((DATA / "expected.yaml").read_text(encoding="utf-8"))
    assert set(expected) == {d.id for d in corpus.documents}
    tp, fp, fn, notes = score(expected, corpus.facts)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.90, "\n".join(notes)


def test_scorer_counts_misses_and_extras(corpus):
    # the scorer itself must notice a wrong value and a missing fact
    expected = {"nl_herhaald": [{"key": "recurrence.after_2_pct", "line": 11, "min": 26, "max": 26}]}
    tp, fp, fn, _ = score(expected, {"nl_herhaald": corpus.facts["nl_herhaald"]})
    assert tp == 0 and fn == 1 and fp == len(corpus.facts["nl_herhaald"])


def test_flemish_region_from_sidecar(corpus):
    vl = corpus.facts["vl_vroedvrouw"]
    assert all(f.leaflet_region == "BE" for f in vl)
    assert any(f.key == "miscarriage.cutoff_weeks" and f.region() == "BE" for f in vl)


def test_only_true_findings():
    result = orchestrate.run_lint([DATA / "leaflets"], Config(), select={"facts"})
    got = sorted(f"{Path(d.path).name}:{d.line} {d.rule} {d.fact}" for d in result.diagnostics)
    want = sorted(_yaml.load((DATA / "expected_findings.yaml").read_text(encoding="utf-8")))
    assert got == want


# ---------------------------------------------------------------------------------------------
# blind evaluation sets (pipeline.bench.facts_quality): leaflets written and annotated before the
# extractor ever ran on them. blind2..blind7 were each measured untouched, then used to improve
# the extractor (their thresholds here are regression floors); blind8 was never used for changes:
# its thresholds are its measured, honest numbers (docs/facts.md, "Quality").

from pipeline.bench import facts_quality as quality  # noqa: E402

# set -> (minimum precision, minimum recall, most false conflicts allowed)
BLIND_SETS = {"blind2": (0.95, 0.90, 0), "blind3": (0.95, 0.90, 0), "blind4": (0.95, 0.90, 0),
              "blind5": (0.95, 0.90, 0), "blind6": (0.95, 0.90, 0), "blind7": (0.95, 0.90, 0),
              # untouched: one leaflet's missed 15% shifts the incidence majority (docs/facts.md)
              "blind8": (0.95, 0.90, 1)}


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_blind_set_precision_recall_and_no_false_conflicts(name):
    s, false_conflicts, _missed = quality.evaluate(DATA / name)
    p_min, r_min, max_false = BLIND_SETS[name]
    detail = quality.report(s, false_conflicts, _missed) + "\n" + "\n".join(s.notes)
    assert s.precision >= p_min and s.recall >= r_min, detail
    assert len(false_conflicts) <= max_false, detail


def test_quality_scorer_counts_per_key():
    from pipeline.facts.model import Fact
    expected = {"a": [{"key": "alarm.fever_c", "line": 3, "min": 38, "max": 38},
                      {"key": "contact.phone", "line": 5, "text": "030 250 91 11"}]}
    facts = {"a": [Fact(key="alarm.fever_c", min=38.5, max=38.5, line=3),  # wrong value
                   Fact(key="contact.phone", text="030 250 91 11", line=6),  # one line off: fine
                   Fact(key="alarm.pad_soaked_min", min=60, max=60, line=9)]}
    s = quality.score(expected, facts)
    assert (s.tp["contact.phone"], s.fn["alarm.fever_c"], s.fp["alarm.fever_c"], s.fp["alarm.pad_soaked_min"]) == (1, 1, 1, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)


def test_false_conflicts_are_those_the_truth_does_not_give():
    from pipeline.facts.model import Fact
    truth = {"a": [Fact(key="alarm.fever_c", min=38, max=38, leaflet="a", unit="celsius")],
             "b": [Fact(key="alarm.fever_c", min=38, max=38, leaflet="b", unit="celsius")]}
    wrong = {"a": truth["a"], "b": [Fact(key="alarm.fever_c", min=39, max=39, leaflet="b", unit="celsius")]}
    assert quality.findings(truth) == set()
    assert quality.findings(wrong) == {("b", "alarm.fever_c", "reference")}  # the reference decides
    d = {"a": [Fact(key="curettage.duration_min", min=10, max=10, leaflet="a", unit="minutes")],
         "b": [Fact(key="curettage.duration_min", min=30, max=30, leaflet="b", unit="minutes")]}
    assert quality.findings(d) == {("a", "curettage.duration_min", "conflict"), ("b", "curettage.duration_min", "conflict")}


def test_real_pages_are_scored_from_their_saved_text(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p1.txt").write_text("# https://example.org/p1\nEen miskraam is het verlies van een zwangerschap tot 16 weken.\n"
                                  "Van de vrouwen die bloed verliezen, krijgt de helft een miskraam.\n", encoding="utf-8")
    (pages / "p2.txt").write_text("# https://example.org/p2\nWe spreken van een miskraam tot 24 weken.\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(
        "pages:\n"
        "- {slug: p1, url: 'https://example.org/p1', publisher: X, split: dev, facts: [\n"
        "   {key: miscarriage.cutoff_weeks, line: 2, min: 16, max: 16},\n"
        "   {key: miscarriage.incidence_pct, line: 3, min: 50, max: 50, qualifiers: {population: bleeding}}]}\n"
        "- {slug: p2, url: 'https://example.org/p2', publisher: Y, split: heldout, facts: [\n"
        "   {key: miscarriage.cutoff_weeks, line: 2, min: 20, max: 20}]}\n", encoding="utf-8")
    dev = quality.evaluate_real(pages, tmp_path / "s.yaml", "dev")
    assert dev.pages == 1 and dev.confident.totals() == (2, 0, 0) and not dev.false_findings
    held = quality.evaluate_real(pages, tmp_path / "s.yaml", "heldout")
    # the page says 24 where the annotation says 20: a miss, an extra, and (both outside the
    # reference) the same facts.reference finding, so no false one
    assert held.confident.totals() == (0, 1, 1) and held.false_findings == set()
    assert "per 20 leaflets" in quality.report_real(held)


def test_evaluation_set_must_annotate_every_leaflet(tmp_path):
    (tmp_path / "leaflets").mkdir()
    (tmp_path / "leaflets" / "x.txt").write_text("Een miskraam komt vaak voor.\n", encoding="utf-8")
    (tmp_path / "expected.yaml").write_text("y: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="annotated"):
        quality.evaluate(tmp_path)
