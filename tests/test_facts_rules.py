"""Conflict semantics (intervals, qualifiers, regions, populations, no majority vote), scaling, the reference check."""

from __future__ import annotations

import random
from types import SimpleNamespace

from pipeline.corpus import Corpus
from pipeline.facts.catalog import default_catalog
from pipeline.facts.compare import compatible, disagreements, groups, internal_conflicts
from pipeline.facts.model import Fact
from pipeline.lint.rules import all_rules

CAT = default_catalog()


def fact(leaflet, key, lo, hi, line=1, region="NL", **quals):
    return Fact(key=key, min=lo, max=hi, unit="percent", qualifiers=dict(quals), line=line, column=1,
                leaflet=leaflet, path=f"{leaflet}.txt", leaflet_region=region, quote="q")


def run(rule_id, facts):
    corpus = Corpus()
    for f in facts:
        corpus.facts.setdefault(f.leaflet, []).append(f)
    mod = all_rules()[rule_id]
    conf = {k: v[1] for k, v in mod.OPTIONS.items()}
    return list(mod.check(corpus, conf, SimpleNamespace()))


def test_touching_ends_overlap_and_approx_does_not_widen():
    a = fact("a", "recovery.bleeding_weeks", 1, 2)
    assert compatible(a, fact("b", "recovery.bleeding_weeks", 2, 6))
    near = fact("b", "recovery.bleeding_weeks", 2.5, 3)
    near.approx = True
    assert not compatible(a, near)


def test_open_ends():
    assert compatible(fact("a", "k.x", 10, None), fact("b", "k.x", 15, 15))
    assert not compatible(fact("a", "k.x", None, 5), fact("b", "k.x", 6, 6))


def test_qualifier_conflicts_only_when_both_state_it():
    a = fact("a", "expectant.success_pct", 70, 70)
    b = fact("b", "expectant.success_pct", 50, 50, window_weeks=2)
    c = fact("c", "expectant.success_pct", 50, 50, window_weeks=1)
    assert not compatible(a, b)  # only one states a window: comparable, and 70 != 50
    assert compatible(b, fact("d", "expectant.success_pct", 80, 80, window_weeks=6))  # other window
    assert compatible(b, c)  # same value
    assert not compatible(c, fact("e", "expectant.success_pct", 60, 60, window_weeks=1))


def test_region_groups_and_leaflet_default():
    fs = [fact("a", "miscarriage.cutoff_weeks", 16, 16), fact("b", "miscarriage.cutoff_weeks", 20, 20, region="BE"),
          fact("c", "miscarriage.cutoff_weeks", 20, 20, region="NL")]
    fs[2].qualifiers = {"region": "BE"}  # stated in the text of an NL leaflet
    g = groups(fs, CAT)
    assert {(k.key, k.region) for k in g} == {("miscarriage.cutoff_weeks", "NL"), ("miscarriage.cutoff_weeks", "BE")}
    assert not run("facts.conflict", fs) and not run("facts.reference", fs)
    fs.append(fact("d", "miscarriage.cutoff_weeks", 20, 20))  # NL by default, against a's 16: the
    # reference (NVOG: 16 weeks for NL) decides, and gives the only finding, naming a as agreeing
    assert not run("facts.conflict", fs)
    found = run("facts.reference", fs)
    assert [d.leaflet for d in found] == ["d"] and [r.path for r in found[0].related] == ["a.txt"]


def test_no_majority_vote_every_side_is_told_once_and_nobody_is_told_to_move():
    fs = [fact(f"m{i}", "expectant.success_pct", 70, 70) for i in range(30)]
    fs.append(fact("odd", "expectant.success_pct", 50, 50))
    found = run("facts.conflict", fs)
    assert len(found) == 31 and len({d.leaflet for d in found}) == 31
    odd = next(d for d in found if d.leaflet == "odd")
    assert len(odd.related) == 20 and "30 " in odd.message and "70 %" in odd.message
    assert all(not d.suggestions and d.severity.value == "warning" for d in found)
    m0 = next(d for d in found if d.leaflet == "m0")
    assert [r.path for r in m0.related] == ["odd.txt"] and "50 %" in m0.message


def test_reference_decides_the_majority_is_irrelevant():
    fs = [fact(f"m{i}", "miscarriage.incidence_pct", 10, 10) for i in range(30)]
    fs.append(fact("odd", "miscarriage.incidence_pct", 25, 25))
    assert run("facts.conflict", fs) == []  # the reference exists: facts.reference's alone
    found = run("facts.reference", fs)
    assert [d.leaflet for d in found] == ["odd"]
    d = found[0]
    assert "10" in d.suggestions[0] and "20" in d.suggestions[0] and "30 " in d.message and len(d.related) == 20
    assert d.severity.value == "warning" and d.key.startswith("miscarriage.incidence_pct")


def test_cutoff_reference_finding_is_an_error_from_the_catalog():
    fs = [fact("a", "miscarriage.cutoff_weeks", 16, 16), fact("b", "miscarriage.cutoff_weeks", 16, 16),
          fact("c", "miscarriage.cutoff_weeks", 20, 20)]
    found = run("facts.reference", fs)
    assert [(d.leaflet, d.severity.value) for d in found] == [("c", "error")]


def test_populations_are_compared_only_with_themselves():
    overall = fact("a", "miscarriage.incidence_pct", 10, 10)
    bleeding = fact("b", "miscarriage.incidence_pct", 50, 50, population="bleeding")
    age = fact("c", "miscarriage.incidence_pct", 40, 40, population="age")
    age2 = fact("c", "miscarriage.incidence_pct", 80, 80, line=2, population="age")
    assert run("facts.reference", [overall, bleeding, age, age2]) == []  # 50 % is not the overall rate
    assert run("facts.internal-conflict", [age, age2]) == []  # the rows of an age table
    assert {k.stratum for k in groups([overall, bleeding, age], CAT)} == {
        (("population", "pregnancies"), ("outcome", "loss")), (("population", "bleeding"), ("outcome", "loss"))}
    other = fact("d", "miscarriage.incidence_pct", 30, 30, population="bleeding")
    assert [d.leaflet for d in run("facts.conflict", [bleeding, other])] == ["b", "d"]  # no reference for it


def test_facts_to_check_take_part_in_no_rule():
    a, b = fact("a", "expectant.success_pct", 70, 70), fact("b", "expectant.success_pct", 50, 50)
    b.confident = False
    assert run("facts.conflict", [a, b]) == []
    cut = fact("c", "miscarriage.cutoff_weeks", 24, 24)
    cut.confident = False
    assert run("facts.reference", [cut]) == []


def test_wide_range_does_not_hide_a_conflict():
    fs = [fact("a", "k.inc", 10, 10), fact("b", "k.inc", 10, 10), fact("c", "k.inc", 15, 15),
          fact("d", "k.inc", 10, 20)]
    assert [d.fact.leaflet for d in disagreements(fs)] == ["a", "b", "c"]


def test_leaflet_that_states_both_sides_is_left_to_internal_rule():
    fs = [fact("a", "k.inc", 10, 10), fact("b", "k.inc", 10, 10), fact("c", "k.inc", 10, 10, line=2),
          fact("c", "k.inc", 15, 15, line=9)]
    assert disagreements(fs) == []
    pairs = internal_conflicts([f for f in fs if f.leaflet == "c"])
    assert [(f.line, [g.line for g in against]) for f, against in pairs] == [(9, [2])]


def test_waived_and_text_facts_are_not_compared():
    a, b = fact("a", "k.inc", 10, 10), fact("b", "k.inc", 20, 20)
    b.waived = "checked with the author"
    assert run("facts.conflict", [a, b]) == []
    p1 = Fact(key="contact.phone", text="06-1", leaflet="a", path="a.txt")
    p2 = Fact(key="contact.phone", text="06-2", leaflet="b", path="b.txt")
    assert run("facts.conflict", [p1, p2]) == [] and run("facts.internal-conflict", [p1, p2]) == []


def test_scales_by_distinct_values_not_pairs():
    rnd = random.Random(7)
    fs = [fact(f"l{i:05d}", "expectant.success_pct", v, v)
          for i, v in enumerate(rnd.choice([70, 70, 70, 50, 60]) for _ in range(10_000))]
    found = run("facts.conflict", fs)
    assert {d.leaflet for d in found} == {f.leaflet for f in fs}  # every side of a three-way disagreement
    assert all(len(d.related) <= 20 for d in found)


def test_reference_cites_source_and_respects_region_and_regimen():
    ok = fact("a", "miscarriage.cutoff_weeks", 16, 16)
    be = fact("b", "miscarriage.cutoff_weeks", 20, 20, region="BE")
    bad = fact("c", "miscarriage.cutoff_weeks", 20, 20)
    found = run("facts.reference", [ok, be, bad])
    assert [d.leaflet for d in found] == ["c"] and "NVOG" in found[0].message and found[0].suggestions
    plain = fact("d", "medication.success_pct", 50, 50)            # unstated regimen: misoprostol 58 +- 10
    combo = fact("e", "medication.success_pct", 50, 50, regimen="mifepristone+misoprostol")  # 85 +- 10
    assert [d.leaflet for d in run("facts.reference", [plain, combo])] == ["e"]


def test_internal_conflict_rule():
    fs = [fact("a", "expectant.success_pct", 50, 50, line=3), fact("a", "expectant.success_pct", 50, None, line=5),
          fact("a", "expectant.success_pct", 70, 70, line=7)]
    found = run("facts.internal-conflict", fs)
    assert [(d.line, [r.line for r in d.related]) for d in found] == [(7, [3])]
    # the reference (10-20 %) decides for the incidence: 10 % and 15 % are both right
    inc = [fact("a", "miscarriage.incidence_pct", 10, 10, line=3), fact("a", "miscarriage.incidence_pct", 15, 15, line=7)]
    assert run("facts.internal-conflict", inc) == []


def test_months_compare_with_the_spread_of_month_lengths():
    three_months = Fact(key="miscarriage.most_before_weeks", min=13.05, max=13.05, unit="weeks", leaflet="a",
                        path="a.txt", original={"min": 3, "max": 3, "unit": "months"})
    twelve = Fact(key="miscarriage.most_before_weeks", min=12, max=12, unit="weeks", leaflet="b", path="b.txt")
    assert compatible(three_months, twelve)  # 3 months = 12 to 13.3 weeks
    ten = Fact(key="miscarriage.most_before_weeks", min=10, max=10, unit="weeks", leaflet="c", path="c.txt")
    assert not compatible(three_months, ten)
    three_months.pinned = True  # a reviewer's value is taken as given
    assert not compatible(three_months, twelve)


def test_unstated_qualifier_is_compared_with_stated_ones():
    combo = fact("a", "medication.success_pct", 85, 85, regimen="mifepristone+misoprostol")
    miso = fact("b", "medication.success_pct", 60, 60, regimen="misoprostol")
    plain = fact("c", "medication.success_pct", 60, 60)
    assert compatible(combo, miso) and compatible(plain, miso) and not compatible(combo, plain)
