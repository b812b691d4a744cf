"""The other leaflets of a corpus as summaries per comparison group, for a run that lints a few
leaflets (changed ones, the one in the editor) against all the others.

Per leaflet and group the result store keeps a short ``side``: the values of the leaflet's facts
that no reference decides (their buckets: interval and qualifiers) and, per reference entry,
whether a fact agrees with it or deviates. Summed over the others, a group is a few values with
the leaflets that state them (``Summary``), and the cross-leaflet rules compare the focused
leaflets with it; the facts of another leaflet are read only when a finding names it or is on it.
The findings are exactly those a whole-corpus run gives that are on a focused leaflet or name one
(``tests/test_others.py`` compares both on random corpora).
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

from pipeline.facts.compare import (Disagreement, comparable_qualifiers, interval, overlaps, qualifiers_compatible)
from pipeline.facts.model import Fact

Bucket = tuple  # (interval, qualifiers): facts of one value
Loader = Callable[[list[str]], dict[str, list[Fact]]]  # leaflet ids -> their facts in one group


def bucket_of(f: Fact) -> Bucket:
    return interval(f), comparable_qualifiers(f)


def side(facts: list[Fact], entry: Callable[[Fact], object | None], entries: list) -> str:
    """One leaflet's facts of one group as the summary keeps them (text; equal sides are equal
    strings): the buckets of the facts no reference entry applies to, and per entry (its index in
    ``entries``) whether a fact agrees with it and whether one deviates."""
    free: set[Bucket] = set()
    refs: dict[int, list[int]] = {}
    index = {id(e): i for i, e in enumerate(entries)}
    for f in facts:
        ref = entry(f)
        if ref is None:
            free.add(bucket_of(f))
            continue
        flags = refs.setdefault(index[id(ref)], [0, 0])
        flags[0 if overlaps(interval(f), ref.accepted) else 1] = 1
    buckets = sorted([lo, hi, [list(q) for q in quals]] for (lo, hi), quals in free)
    return json.dumps([buckets, sorted([i, *flags] for i, flags in refs.items())], separators=(",", ":"))


@dataclass
class Summary:
    """The other leaflets of one group: per set of buckets (a leaflet's values) the leaflets
    stating it, and per reference entry the leaflets with a fact inside it and outside it (sorted ids)."""

    free: dict[frozenset, list[str]] = field(default_factory=dict)
    agreeing: dict[int, list[str]] = field(default_factory=dict)
    deviating: dict[int, list[str]] = field(default_factory=dict)


def summarise(sides: Iterable[tuple[str, str]]) -> Summary:
    """(leaflet id, side) pairs -> Summary; each distinct side is decoded once."""
    by_text: dict[str, list[str]] = defaultdict(list)
    for lid, text in sides:
        by_text[text].append(lid)
    out = Summary()
    for text, lids in by_text.items():
        buckets, refs = json.loads(text)
        if buckets:
            sig = frozenset(((lo, hi), tuple(tuple(q) for q in quals)) for lo, hi, quals in buckets)
            out.free.setdefault(sig, []).extend(lids)
        for i, agrees, deviates in refs:
            if agrees:
                out.agreeing.setdefault(i, []).extend(lids)
            if deviates:
                out.deviating.setdefault(i, []).extend(lids)
    for lists in (out.free, out.agreeing, out.deviating):
        for lids in lists.values():
            lids.sort()
    return out


class Others(Protocol):
    """What a focused run knows of the other leaflets (pipeline.orchestrate builds it)."""

    def summary(self, f: Fact) -> Summary | None:
        """The summary of the group of ``f`` (a comparable fact); None when it is unknown."""

    def loader(self, f: Fact) -> Loader:
        """Reads the facts of other leaflets in the group of ``f``."""


# -- facts.conflict ------------------------------------------------------------------------------

def focused_disagreements(mine: list[Fact], others: dict[frozenset, list[str]], load: Loader,
                          focus: set[str], max_related: int = 20) -> list[Disagreement]:
    """``compare.disagreements`` of ``mine`` (the group's facts of the focused leaflets) together
    with the others, only those on a focused leaflet or naming one, in the same order."""
    own: dict[str, list[Fact]] = defaultdict(list)
    for f in mine:
        own[f.leaflet].append(f)
    by_sig = {s: list(lids) for s, lids in others.items()}
    for lid, facts in sorted(own.items()):
        s = frozenset(bucket_of(f) for f in facts)
        bisect.insort(by_sig.setdefault(s, []), lid)
    buckets = {b for s in by_sig for b in s}
    if sum(len(lids) for lids in by_sig.values()) < 2 or len(buckets) < 2:
        return []
    support = dict.fromkeys(buckets, 0)
    for s, lids in by_sig.items():
        for b in s:
            support[b] += len(lids)
    order = sorted(by_sig, key=lambda s: by_sig[s][0])  # compare.disagreements' order: by first leaflet
    facts = _Facts(own, load)
    rel = _Relations(buckets)
    focused = [s for s in order if any(lid in focus for lid in by_sig[s])]
    out: list[Disagreement] = []
    for s in order:
        # a finding concerns the focus only on its leaflets or when it names one: s must contradict one of theirs
        if s not in focused and not any(rel.against(s, t) for t in focused):
            continue
        pairs = {t: ps for t in order if (ps := rel.against(s, t))}
        if pairs:
            out.extend(_signature_findings(s, pairs, by_sig, support, facts, focus, max_related))
    return sorted(out, key=lambda d: (d.fact.leaflet, d.fact.line))


def _agree(a: Bucket, b: Bucket) -> bool:
    return qualifiers_compatible(a[1], b[1]) and overlaps(a[0], b[0])


class _Relations:
    """Which buckets agree and which clash, worked out once per group (there are few values)."""

    def __init__(self, buckets: set[Bucket]):
        self.agreeing = {j: frozenset(i for i in buckets if _agree(i, j)) for j in buckets}
        self.clashing = {i: frozenset(j for j in buckets if qualifiers_compatible(i[1], j[1])
                                      and not overlaps(i[0], j[0])) for i in buckets}

    def against(self, s: frozenset, t: frozenset) -> list[tuple[Bucket, Bucket]]:
        """Bucket pairs (mine, theirs) where s contradicts t (as in compare.disagreements): clashing
        values, where neither side also states a value that agrees with the other's."""
        theirs = [j for j in t if not self.agreeing[j] & s]
        if not theirs:
            return []
        return [(i, j) for i in s if not self.agreeing[i] & t for j in theirs if j in self.clashing[i]]


def _signature_findings(s, pairs, by_sig, support, facts: "_Facts", focus: set[str], cap: int):
    ranked = sorted(pairs.items(), key=lambda kv: -max(support[j] for _, j in kv[1]))
    named: list[tuple[str, set]] = []  # the leaflets the others list shows, with the buckets they contradict
    total = 0
    for t, ps in ranked:
        theirs = {j for _, j in ps}
        total += len(by_sig[t])
        named += [(m, theirs) for m in by_sig[t][: max(0, cap - len(named))]]
    on = by_sig[s] if any(m in focus for m, _ in named) else [lid for lid in by_sig[s] if lid in focus]
    if not on:
        return []
    facts.need([m for m, _ in named] + on)
    others = [facts.first(m, theirs) for m, theirs in named]
    mine = {i for ps in pairs.values() for i, _ in ps}
    return [Disagreement(facts.first(lid, mine), others, total) for lid in on]


class _Facts:
    """The facts of the focused leaflets and, read when needed, of others."""

    def __init__(self, own: dict[str, list[Fact]], load: Loader):
        self.facts = dict(own)
        self.load = load

    def need(self, lids: list[str]) -> None:
        missing = [lid for lid in dict.fromkeys(lids) if lid not in self.facts]
        if missing:
            self.facts.update(self.load(missing))

    def first(self, lid: str, buckets: set) -> Fact:
        """The leaflet's first fact (by line and column) in one of ``buckets``."""
        return min((f for f in self.facts[lid] if bucket_of(f) in buckets), key=lambda f: (f.line, f.column))


# -- facts.reference -----------------------------------------------------------------------------

@dataclass
class Deviation:
    """A fact outside its reference entry, with the agreeing facts of the other leaflets."""

    fact: Fact
    ref: object
    first: list[Fact]  # the first ``cap`` agreeing facts of other leaflets (one per leaflet, by id)
    count: int  # how many other leaflets agree


def focused_deviations(mine: list[Fact], summary: Summary, load: Loader, entry: Callable[[Fact], object | None],
                       entries: list, focus: set[str], cap: int = 20) -> list[Deviation]:
    """The deviations of one group a whole-corpus facts.reference reports that are on a focused
    leaflet or list one among the agreeing leaflets."""
    index = {id(e): i for i, e in enumerate(entries)}
    refs = {id(f): entry(f) for f in mine}
    agreeing = {i: list(lids) for i, lids in summary.agreeing.items()}
    for f in mine:
        ref = refs[id(f)]
        if ref is not None and overlaps(interval(f), ref.accepted):
            lids = agreeing.setdefault(index[id(ref)], [])
            if f.leaflet not in lids:
                bisect.insort(lids, f.leaflet)
    facts = _Facts(_by_leaflet(mine), load)
    out = []
    for i, ref in enumerate(entries):
        agree = agreeing.get(i, [])
        deviating = [f for f in mine if refs[id(f)] is ref and not overlaps(interval(f), ref.accepted)]
        if any(lid in focus for lid in agree[: cap + 1]):  # named by the deviating facts of others too
            facts.need(summary.deviating.get(i, []))
            deviating += [f for lid in summary.deviating.get(i, []) for f in facts.facts[lid]
                          if entry(f) is ref and not overlaps(interval(f), ref.accepted)]
        for f in deviating:
            lids = [lid for lid in agree[: cap + 1] if lid != f.leaflet][:cap]
            if f.leaflet in focus or any(lid in focus for lid in lids):
                facts.need(lids)
                first = [_first_agreeing(facts.facts[lid], ref, entry) for lid in lids]
                out.append(Deviation(f, ref, first, len(agree) - (f.leaflet in agree)))
    return out


def _by_leaflet(facts: list[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        out[f.leaflet].append(f)
    return out


def _first_agreeing(facts: list[Fact], ref, entry) -> Fact:
    """The leaflet's first fact (by line; the first listed on one line) inside ``ref``."""
    return min((f for f in facts if entry(f) is ref and overlaps(interval(f), ref.accepted)), key=lambda f: f.line)
