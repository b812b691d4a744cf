"""Seed acceptance (issue 3): the table of facts and the expected findings on the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import orchestrate
from pipeline.corpus import load_corpus
from pipeline.facts.stage import extract_corpus
from pipeline.lint.config import Config

# (leaflet prefix, line, key, min, max, approx or None, qualifiers or None, text or None)
TABLE = [
    ("000", 10, "miscarriage.cutoff_weeks", 16, 16, None, None, None),
    ("000", 13, "miscarriage.incidence_pct", 10, 10, None, None, None),
    ("000", 13, "miscarriage.annual_cases_nl", 20000, 20000, None, None, None),
    ("000", 33, "medication.success_pct", 50, 50, True, None, None),
    ("000", 34, "medication.curettage_pct", 10, 10, True, None, None),
    ("000", 38, "curettage.duration_min", 10, 15, None, None, None),
    ("000", 49, "contact.phone", None, None, None, None, "06-43789244"),
    ("000", 53, "alarm.fever_c", 38, 38, None, None, None),
    ("000", 61, "recovery.bleeding_weeks", 1, 2, None, None, None),
    ("000", 66, "recovery.menstruation_weeks", 6, 6, True, None, None),
    ("001", 3, "miscarriage.cutoff_weeks", 16, 16, None, {}, None),
    ("001", 3, "miscarriage.cutoff_weeks", 20, 20, None, {"region": "BE"}, None),
    ("001", 10, "miscarriage.most_before_weeks", 12, 12, None, None, None),
    ("001", 12, "miscarriage.incidence_pct", 15, 15, None, None, None),
    ("001", 15, "recurrence.after_2_pct", 25, 25, True, None, None),
    ("001", 15, "recurrence.after_3_pct", 35, 35, True, None, None),
    ("002", 9, "expectant.success_pct", 70, 70, None, {}, None),
    ("002", 31, "recovery.menstruation_weeks", 4.35, 8.7, True, None, None),
    ("002", 37, "alarm.pad_soaked_min", 30, 30, None, None, None),
    ("002", 59, "alarm.pad_soaked_min", 30, 30, None, None, None),
    ("002", 40, "alarm.fever_c", 38, 38, None, None, None),
    ("002", 62, "alarm.fever_c", 38, 38, None, None, None),
    ("002", 47, "contact.phone", None, None, None, None, "06-53640979"),
    ("002", 69, "contact.phone", None, None, None, None, "06-53640979"),
    ("003", 42, "expectant.max_wait_weeks", 6, 6, None, None, None),
    ("003", 42, "expectant.success_pct", 50, 50, None, {"window_weeks": 2}, None),
    ("003", 46, "miscarriage.most_before_weeks", 12, 12, None, None, None),
    ("003", 80, "miscarriage.incidence_pct", 10, 10, None, None, None),
    ("003", 80, "heartbeat.risk_pct", 1, 3, None, None, None),
    ("003", 88, "recovery.bleeding_weeks", 1, 6, None, None, None),
    ("003", 88, "recovery.menstruation_weeks", 4, 6, None, None, None),
    ("003", 100, "miscarriage.incidence_pct", 10, None, None, None, None),
    ("003", 100, "miscarriage.incidence_pct", 15, 15, True, None, None),
    ("003", 100, "recurrence.after_1_pct", 10, 15, None, None, None),
    ("004", 2, "miscarriage.cutoff_weeks", 20, 20, None, {}, None),
    ("004", 2, "miscarriage.most_before_weeks", 12, 12, None, None, None),
    ("004", 3, "miscarriage.incidence_pct", 10, 10, True, None, None),
    ("004", 26, "contact.phone", None, None, None, None, "0183 64 42 17"),
]


@pytest.fixture(scope="module")
def seed_facts(tmp_path_factory):
    from tests.conftest import SEEDS
    import shutil
    d = tmp_path_factory.mktemp("seeds")
    for f in sorted(SEEDS.glob("[0-9]*.txt")):
        shutil.copy2(f, d / f.name)
    corpus = load_corpus([d], Config())
    extract_corpus(corpus, Config())
    return {lid[:3]: facts for lid, facts in corpus.facts.items()}, d


@pytest.mark.parametrize("row", TABLE, ids=[f"{r[0]}:{r[1]}:{r[2]}:{r[3]}" for r in TABLE])
def test_seed_table(seed_facts, row):
    facts, _ = seed_facts
    lid, line, key, lo, hi, approx, quals, text = row
    found = [f for f in facts[lid] if f.key == key and f.line == line]
    def ok(f):
        if text is not None:
            return f.text == text
        if f.min != pytest.approx(lo) if lo is not None else f.min is not None:
            return False
        if f.max != pytest.approx(hi) if hi is not None else f.max is not None:
            return False
        if approx is not None and f.approx != approx:
            return False
        return quals is None or {k: v for k, v in f.qualifiers.items()} == quals
    assert any(ok(f) for f in found), [f.to_json() for f in found]


def test_no_look_alikes(seed_facts):
    facts, _ = seed_facts
    # "vanaf 11 à 12 weken ongepast" (001 line 3) and "Score: 4.6/5 (70 stemmen)" (003 line 6)
    assert not [f for f in facts["001"] if f.key == "miscarriage.cutoff_weeks" and f.min in (11, 12)]
    assert not [f for f in facts["003"] if f.line in (5, 6)]
    # the expected facts per leaflet are all there and nothing on pure questions
    assert all(not f.quote.endswith("?") for fs in facts.values() for f in fs)


def test_json_contract_fields(seed_facts):
    facts, _ = seed_facts
    d = facts["000"][0].to_json()
    for k in ("path", "leaflet", "key", "min", "max", "text", "unit", "approx", "qualifiers", "line", "column", "quote"):
        assert k in d
    assert list(d)[:12] == ["path", "leaflet", "key", "min", "max", "text", "unit", "approx", "qualifiers",
                            "line", "column", "quote"]


def test_seed_findings(seed_facts):
    _, d = seed_facts
    result = orchestrate.run_lint([d], Config(), select={"facts"})
    got = sorted((Path(x.path).name[:3], x.line, x.rule, x.fact, x.severity.value) for x in result.diagnostics)
    # one finding per span: where the reference exists it decides (004's 20 weeks against NVOG's
    # 16, naming the leaflets that agree); without one (expectant management: 70 % against 50 %)
    # both leaflets get a warning naming the other, with no suggestion
    assert got == sorted([
        ("004", 2, "facts.reference", "miscarriage.cutoff_weeks", "error"),  # severity from the catalog
        ("002", 9, "facts.conflict", "expectant.success_pct", "warning"),
        ("003", 42, "facts.conflict", "expectant.success_pct", "warning"),
    ])
    by = {(Path(x.path).name[:3], x.rule, x.fact): x for x in result.diagnostics}
    ref = by[("004", "facts.reference", "miscarriage.cutoff_weeks")]
    assert "NVOG" in ref.message and "16" in ref.message and ref.suggestions == ("tot 16 weken",)
    assert sorted(Path(r.path).name[:3] for r in ref.related) == ["000", "001"]
    a, b = by[("002", "facts.conflict", "expectant.success_pct")], by[("003", "facts.conflict", "expectant.success_pct")]
    assert not a.suggestions and not b.suggestions
    assert "50 %" in a.message and "70 %" in b.message  # the other value in the message, its leaflet as related place
    assert [r.path for r in a.related][0].endswith(".txt") and "003_" in a.related[0].message and "002_" in b.related[0].message
    # the reference decides (10-20%): 001's 15% and 003's "10%" then "rond de 15%" are no finding
    assert not [x for x in result.diagnostics if x.fact == "miscarriage.incidence_pct"]
