"""When two facts cannot both be true, and who disagrees with the majority.

Two facts of one key conflict when their qualifiers agree wherever both state one and their
intervals do not overlap (touching ends overlap; ``approx`` does not widen); facts whose stated
qualifiers differ are about different things and never conflict. Facts of keys that take a
region are compared only within one region; a fact without a region takes its leaflet's.

Conflicts scale with the number of distinct values, not the number of leaflets: facts are grouped
by key and region, then into buckets of equal value and qualifiers; compatibility is computed
between buckets, and leaflets are counted per bucket.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from pipeline.facts.catalog import Catalog
from pipeline.facts.model import Fact
from pipeline.facts.quantity import CONVERSION_SPREAD

EPS = 1e-6
INF = float("inf")


def interval(f: Fact) -> tuple[float, float]:
    """The values ``f`` allows; a value converted from months spans the month lengths (28-31 days)."""
    lo = -INF if f.min is None else float(f.min)
    hi = INF if f.max is None else float(f.max)
    o = f.original
    if o and not f.pinned and (o.get("unit"), f.unit) in CONVERSION_SPREAD:
        short, long = CONVERSION_SPREAD[(o["unit"], f.unit)]
        if o.get("min") is not None and f.min is not None:
            lo = min(lo, float(o["min"]) * short)
        if o.get("max") is not None and f.max is not None:
            hi = max(hi, float(o["max"]) * long)
    return lo, hi


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + EPS and b[0] <= a[1] + EPS


def _quals(f: Fact) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in f.qualifiers.items() if k != "region" and v is not None))


def qualifiers_compatible(a: tuple, b: tuple) -> bool:
    da, db = dict(a), dict(b)
    return all(da[k] == db[k] for k in da.keys() & db.keys())


def compatible(f: Fact, g: Fact) -> bool:
    """True unless the two facts cannot both be true: facts whose qualifiers differ (another
    window, another regimen) are about different things and never conflict."""
    return overlaps(interval(f), interval(g)) or not qualifiers_compatible(_quals(f), _quals(g))


def comparable(f: Fact, catalog: Catalog | None) -> bool:
    if f.waived or f.text is not None or (f.min is None and f.max is None):
        return False
    kind = catalog.kind(f.key) if catalog else None
    return kind.compare if kind is not None else True


def group_key(f: Fact, catalog: Catalog | None) -> tuple[str, str | None]:
    """(key, region) for keys that take a region; (key, None) otherwise."""
    kind = catalog.kind(f.key) if catalog else None
    if kind is not None and "region" in kind.qualifiers:
        return f.key, f.region()
    return f.key, None


def groups(facts: Iterable[Fact], catalog: Catalog | None) -> dict[tuple[str, str | None], list[Fact]]:
    out: dict[tuple[str, str | None], list[Fact]] = defaultdict(list)
    for f in facts:
        if comparable(f, catalog):
            out[group_key(f, catalog)].append(f)
    return out


@dataclass
class Bucket:
    interval: tuple[float, float]
    quals: tuple
    facts: list[Fact] = field(default_factory=list)
    leaflets: set[str] = field(default_factory=set)

    @property
    def closed(self) -> bool:
        return self.interval[0] > -INF and self.interval[1] < INF

    def compatible(self, other: "Bucket") -> bool:
        return overlaps(self.interval, other.interval) or not qualifiers_compatible(self.quals, other.quals)


def buckets(facts: list[Fact]) -> list[Bucket]:
    index: dict[tuple, Bucket] = {}
    for f in facts:
        sig = (interval(f), _quals(f))
        b = index.get(sig)
        if b is None:
            b = index[sig] = Bucket(sig[0], sig[1])
        b.facts.append(f)
        b.leaflets.add(f.leaflet)
    return list(index.values())


@dataclass
class Deviation:
    """A leaflet whose fact disagrees with the majority (or with one side of a tie)."""

    fact: Fact
    majority: list[Fact]  # one representative fact per top bucket it disagrees with
    majority_leaflets: int  # leaflets that agree with the majority value
    related: list[Fact]  # first fact of each other leaflet it disagrees with (capped)
    related_total: int  # how many other leaflets disagree with it
    reference: object | None = None  # the registry entry the fact is outside of, when one applies


def _stated_interval(f: Fact) -> tuple[float, float] | None:
    """The interval the text states for a pinned fact (its ``original``), or None."""
    o = f.original
    if not o or ("min" not in o and "max" not in o):
        return None
    lo = -INF if o.get("min") is None else float(o["min"])
    hi = INF if o.get("max") is None else float(o["max"])
    if o.get("unit") and o["unit"] != f.unit and (o["unit"], f.unit) in CONVERSION_SPREAD:
        short, long = CONVERSION_SPREAD[(o["unit"], f.unit)]
        lo, hi = lo * short, hi * long
    return lo, hi


def pin_mismatch(f: Fact) -> bool:
    """True when a reviewer's pin gives a value the text does not state (the intervals do not
    overlap, or a pinned text differs): the pin hides a claim that is still published."""
    if not f.pinned or not f.original:
        return False
    if f.text is not None:
        old = f.original.get("text")
        return old is not None and _digits_or_text(old) != _digits_or_text(f.text)
    stated = _stated_interval(f)
    if stated is None or (f.min is None and f.max is None):
        return False
    pinned = (-INF if f.min is None else float(f.min), INF if f.max is None else float(f.max))
    return not overlaps(stated, pinned)


def _digits_or_text(s: str) -> str:
    digits = "".join(ch for ch in s if ch.isdigit())
    return digits or " ".join(s.casefold().split())


def deviations(facts: list[Fact], max_related: int = 20,
               reference: Callable[[Fact], object | None] | None = None) -> list[Deviation]:
    """Leaflets of one (key, region) group that deviate from the majority value.

    Two buckets *agree* when they are comparable (qualifiers agree where both state one) and
    overlap, and *conflict* when they are comparable and do not overlap; buckets with different
    qualifiers do neither. The support of a bucket is the number of leaflets with a fact that
    agrees with it. The majority is the decisive bucket (both ends stated, not agreeing with two
    values that conflict with each other) with the most support; with a tie, every top bucket
    counts, so each side of a tie is reported. A leaflet deviates when, for a top bucket, it has
    a fact in conflict with it and none in agreement; a leaflet that also states the majority
    value is left to facts.internal-conflict.

    ``reference(fact)`` gives the registry entry that applies to a fact (anything with an
    ``accepted`` interval), or None. Where one applies, the reference decides instead of the
    count: a value inside the accepted range is never the deviant from a value outside it, however
    few leaflets state it, and a leaflet deviates when it has a value outside the range that
    conflicts with another leaflet's value (and does not also state a value inside it). Values
    outside the range are never the majority, and a value inside the range is never a finding, also
    when it conflicts with another value inside it (10% and 15% against 10-20%).
    """
    bs = buckets(facts)
    if len({f.leaflet for f in facts}) < 2 or len(bs) < 2:
        return []
    n = len(bs)
    comparable = [[qualifiers_compatible(bs[i].quals, bs[j].quals) for j in range(n)] for i in range(n)]
    agree = [[comparable[i][j] and overlaps(bs[i].interval, bs[j].interval) for j in range(n)] for i in range(n)]
    conflict = [[comparable[i][j] and not agree[i][j] for j in range(n)] for i in range(n)]
    # leaflets grouped by the set of buckets they state: few distinct sets even for huge corpora
    per_leaflet: dict[str, set[int]] = defaultdict(set)
    for i, b in enumerate(bs):
        for lid in b.leaflets:
            per_leaflet[lid].add(i)
    signatures: dict[frozenset[int], int] = defaultdict(int)
    for s in per_leaflet.values():
        signatures[frozenset(s)] += 1
    support = [sum(cnt for sig, cnt in signatures.items() if any(agree[i][j] for j in sig)) for i in range(n)]
    # per bucket: the registry entry that applies and whether the bucket lies inside it
    refs: list[object | None] = [reference(b.facts[0]) if reference else None for b in bs]
    inside: list[bool | None] = [None if r is None else overlaps(bs[i].interval, r.accepted) for i, r in enumerate(refs)]
    # A bucket compatible with two values that contradict each other ("10-20%" next to "10%" and
    # "15%") takes no side, so it cannot be the majority value; nor can an open bound.
    closed = [i for i in range(n) if bs[i].closed and inside[i] is not False]
    decisive = [i for i in closed if not _ambiguous(i, agree, conflict, n)]
    candidates = decisive or closed or [i for i in range(n) if inside[i] is not False] or list(range(n))
    best = max(support[i] for i in candidates)
    top = [i for i in candidates if support[i] == best]
    out: list[Deviation] = []
    own_facts: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    for i, b in enumerate(bs):
        for f in b.facts:
            own_facts[f.leaflet].append((i, f))
    # per bucket: one fact per leaflet, ordered, computed once (related lists are capped anyway)
    firsts: dict[int, list[Fact]] = {}
    incompatible_leaflets: dict[int, set[str]] = {}
    by_support = sorted(range(n), key=lambda k: -support[k])
    reps: dict[int, Fact] = {}

    def representative(t: int) -> Fact:
        if t not in reps:
            reps[t] = min(bs[t].facts, key=lambda f: (f.leaflet, f.line))
        return reps[t]
    for lid, sig in sorted(per_leaflet.items()):
        # outside the reference and in conflict with another leaflet, without also stating a
        # value inside it (that is facts.internal-conflict's)
        outside = [j for j in sig if inside[j] is False
                   and not any(inside[i] and comparable[i][j] for i in sig)
                   and any(conflict[j][k] and bs[k].leaflets - {lid} for k in range(n))]
        # by majority, only among values no reference speaks about: a value inside the accepted
        # range is never a finding (10% and 15% against 10-20% are both right)
        missed = [t for t in top if inside[t] is None and not any(agree[t][j] for j in sig)
                  and any(conflict[t][j] and inside[j] is None for j in sig)]
        if not missed and not outside:
            continue
        if outside:
            j0, fact = min(((j, f) for j, f in own_facts[lid] if j in outside),
                           key=lambda jf: (jf[1].line, jf[1].column))
            missed = [t for t in range(n) if inside[t] and conflict[t][j0]]
        else:
            j0, fact = min(((j, f) for j, f in own_facts[lid]
                            if inside[j] is None and any(conflict[t][j] for t in missed)),
                           key=lambda jf: (jf[1].line, jf[1].column))
        if j0 not in incompatible_leaflets:
            incompatible_leaflets[j0] = set().union(*(bs[k].leaflets for k in range(n) if conflict[j0][k]))
        inc = incompatible_leaflets[j0]
        n_others = len(inc) - (1 if lid in inc else 0)
        related: list[Fact] = []
        seen: set[str] = set()
        for k in by_support:
            if not conflict[j0][k] or len(related) >= max_related:
                continue
            if k not in firsts:
                first: dict[str, Fact] = {}
                for f in sorted(bs[k].facts, key=lambda f: (f.leaflet, f.line)):
                    first.setdefault(f.leaflet, f)
                firsts[k] = list(first.values())
            for f in firsts[k]:
                if len(related) >= max_related:
                    break
                if f.leaflet != lid and f.leaflet not in seen:
                    seen.add(f.leaflet)
                    related.append(f)
        majority = [representative(t) for t in missed]
        out.append(Deviation(fact, majority, max((support[t] for t in missed), default=0), related, n_others,
                             refs[j0] if inside[j0] is False else None))
    return out


def _ambiguous(i: int, agree: list[list[bool]], conflict: list[list[bool]], n: int) -> bool:
    friends = [j for j in range(n) if j != i and agree[i][j]]
    return any(conflict[a][b] for x, a in enumerate(friends) for b in friends[x + 1 :])


def internal_conflicts(facts: list[Fact], reference: Callable[[Fact], object | None] | None = None
                       ) -> list[tuple[Fact, list[Fact]]]:
    """Within one leaflet and group: (first fact of a value, earlier facts it cannot agree with).

    Facts a reference entry applies to are left out: a value inside the accepted range is never a
    finding, and one outside it is facts.reference's."""
    ordered = sorted((f for f in facts if reference is None or reference(f) is None),
                     key=lambda f: (f.line, f.column))
    seen: list[Fact] = []
    sigs: set[tuple] = set()
    out = []
    for f in ordered:
        sig = (interval(f), _quals(f))
        if sig in sigs:
            continue
        against = [g for g in seen if not compatible(f, g)]
        if against:
            out.append((f, against))
        sigs.add(sig)
        seen.append(f)
    return out
