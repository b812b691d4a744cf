"""The other leaflets as per-group summaries: a focused comparison finds exactly what comparing
every fact finds, for the focused leaflets and for the others that name them."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import orchestrate
from pipeline.corpus import Corpus
from pipeline.facts.compare import disagreements, interval, overlaps
from pipeline.facts.model import Fact
from pipeline.facts.others import focused_deviations, focused_disagreements, side, summarise
from pipeline.lint.config import Config
from pipeline.lint.rules.facts_conflict import _names
from pipeline.lint.rules.facts_reference import _agreeing, _others

LEAFLETS = ["a", "b", "c", "d", "e", "f", "g"]
VALUES = [(16, 16), (20, 20), (10, 20), (None, 12), (30, None), (12, 16)]
ENTRIES = [SimpleNamespace(accepted=(16.0, 16.0)), SimpleNamespace(accepted=(10.0, 12.0))]


def _entry(f: Fact):
    i = f.qualifiers.get("ref")
    return None if i is None else ENTRIES[int(i)]


fact_specs = st.lists(st.tuples(st.sampled_from(LEAFLETS), st.sampled_from(VALUES),
                                st.sampled_from([None, "week"]), st.sampled_from([None, 0, 1])), max_size=18)


def _facts(specs) -> list[Fact]:
    out = []
    for n, (lid, (lo, hi), window, ref) in enumerate(specs):
        quals = {k: v for k, v in (("window", window), ("ref", ref)) if v is not None}
        out.append(Fact("k", min=lo, max=hi, unit="weken", qualifiers=quals, line=1 + n % 5, column=1 + n,
                        leaflet=lid, path=f"{lid}.txt"))
    return out


def _split(facts, focus):
    mine = [f for f in facts if f.leaflet in focus]
    by_leaflet: dict[str, list[Fact]] = {}
    for f in facts:
        if f.leaflet not in focus:
            by_leaflet.setdefault(f.leaflet, []).append(f)
    summary = summarise((lid, side(fs, _entry, ENTRIES)) for lid, fs in by_leaflet.items())

    def load(lids):
        return {lid: by_leaflet[lid] for lid in lids}
    return mine, summary, load, by_leaflet


def _where(f: Fact) -> tuple:
    return f.leaflet, f.line, f.column


@settings(max_examples=300, deadline=None)
@given(fact_specs, st.sets(st.sampled_from(LEAFLETS), min_size=1, max_size=2), st.integers(1, 4))
def test_focused_disagreements_equal_those_of_all_facts(specs, focus, cap):
    facts = [f for f in _facts(specs) if _entry(f) is None]
    mine, summary, load, by_leaflet = _split(facts, focus)

    def free(lids):
        return {lid: [f for f in fs if _entry(f) is None] for lid, fs in load(lids).items()}
    want = [d for d in disagreements(sorted(facts, key=lambda f: f.leaflet), cap) if _names(d, focus)]
    got = focused_disagreements(mine, summary.free, free, focus, cap) if mine else []
    assert [(_where(d.fact), [_where(o) for o in d.others], d.others_total) for d in got] == \
           [(_where(d.fact), [_where(o) for o in d.others], d.others_total) for d in want]


@settings(max_examples=300, deadline=None)
@given(fact_specs, st.sets(st.sampled_from(LEAFLETS), min_size=1, max_size=2), st.integers(1, 4))
def test_focused_deviations_equal_those_of_all_facts(specs, focus, cap):
    facts = sorted(_facts(specs), key=lambda f: f.leaflet)
    mine, summary, load, _by_leaflet = _split(facts, focus)
    refs = {id(f): _entry(f) for f in facts}
    agreeing = _agreeing(facts, refs)
    want = []
    for f in facts:
        ref = refs[id(f)]
        if ref is None or overlaps(interval(f), ref.accepted):
            continue
        agree = _others(agreeing.get(id(ref), {}), f.leaflet, cap)
        if f.leaflet in focus or any(a.leaflet in focus for a in agree.first):
            want.append((_where(f), [_where(a) for a in agree.first], agree.count))
    got = [(_where(d.fact), [_where(a) for a in d.first], d.count)
           for d in focused_deviations(mine, summary, load, _entry, ENTRIES, focus, cap)]
    assert sorted(got) == sorted(want)


def test_changed_run_with_summaries_equals_the_whole_run(tmp_path):
    """Through the store: the findings of a changed leaflet (and of the others naming it), with
    their related places in order, are those of a whole-corpus run."""
    corpus = tmp_path / "leaflets"
    corpus.mkdir()
    weeks = {"a": 16, "b": 20, "c": 20, "d": 16, "e": 24, "f": 20}
    for lid, w in weeks.items():
        (corpus / f"{lid}.txt").write_text(
            f"Een miskraam is een zwangerschap die eindigt voor {w} weken.\n"
            f"Na de miskraam duurt het bloedverlies ongeveer {1 + len(lid) % 2 + (lid in 'ce')} weken.\n",
            encoding="utf-8")
    cfg = Config(output=tmp_path / "out")
    orchestrate.run_lint([corpus], cfg, select={"facts"})  # fills the store
    for lid, text in (("a", "22 weken"), ("c", "16 weken"), ("e", "3 weken")):
        path = corpus / f"{lid}.txt"
        path.write_text(path.read_text(encoding="utf-8") + f"Je mag na {text} weer sporten.\n", encoding="utf-8")
        changed = orchestrate.run_lint_changed([path], [corpus], cfg, select={"facts"})
        whole = orchestrate.run_lint([corpus], cfg, select={"facts"}, cache=False)
        want = [_plain(d) for d in whole.diagnostics if orchestrate.concerns(d, {lid})]
        assert [_plain(d) for d in changed.diagnostics] == want
        assert any(d.rule in ("facts.conflict", "facts.reference") for d in changed.diagnostics)


def _plain(d) -> dict:
    return {**dataclasses.asdict(d), "source_line": ""}  # the line of another leaflet is not read


def test_held_others_of_the_language_server_equal_the_whole_run(tmp_path):
    """The language server's others (facts in memory, compared as summaries) give the findings of
    a whole-corpus run that concern the checked leaflet."""
    corpus = tmp_path / "leaflets"
    corpus.mkdir()
    for lid, w in {"a": 20, "b": 16, "c": 20, "d": 24}.items():
        (corpus / f"{lid}.txt").write_text(f"Een miskraam is een zwangerschap die eindigt voor {w} weken.\n"
                                           f"De curettage duurt ongeveer {10 + 20 * (lid in 'bd')} minuten.\n", encoding="utf-8")
    cfg = Config(output=tmp_path / "out")
    files = sorted(corpus.glob("*.txt"))
    results, _stats = orchestrate.process_documents(files, cfg, {}, {"facts"}, cache=False)
    held = orchestrate.HeldOthers(cfg)
    for r in results:
        held.put(r.document.id, r.facts)
    whole = orchestrate.run_lint([corpus], cfg, select={"facts"}, cache=False)
    for r in results:
        lid = r.document.id
        focused = Corpus(facts={k: [] for k in held.facts if k != lid}, focus={lid}, others=held.focused_on(lid))
        got = orchestrate.lint_results(focused, [r], cfg, {}, {"facts"}, {}).diagnostics
        assert [_plain(d) for d in got if orchestrate.concerns(d, {lid})] == [
            _plain(d) for d in whole.diagnostics if orchestrate.concerns(d, {lid})]
    assert any(d.rule == "facts.conflict" for d in whole.diagnostics)
