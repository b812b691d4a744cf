"""When two facts cannot both be true, and which leaflets disagree.

Two facts of one key conflict when their qualifiers agree wherever both state one and their
intervals do not overlap (touching ends overlap; ``approx`` does not widen); facts whose stated
qualifiers differ are about different things and never conflict. Facts are compared only within
one group: the key, the region (for keys that take one; a fact without a region takes its
leaflet's) and the stratum (the population and outcome a fact is about, its catalog default when
it states none). Facts "te controleren" (not confident), waived facts, text facts and facts of an
incomparable population (an age band, an unknown restriction) are never compared.

Disagreements scale with the number of distinct values, not the number of leaflets: facts are
grouped into buckets of equal value and qualifiers, leaflets by the set of buckets they state.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, NamedTuple

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


def comparable_qualifiers(f: Fact) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in f.qualifiers.items() if k != "region" and v is not None))


def qualifiers_compatible(a: tuple, b: tuple) -> bool:
    da, db = dict(a), dict(b)
    return all(da[k] == db[k] for k in da.keys() & db.keys())


def compatible(f: Fact, g: Fact) -> bool:
    """True unless the two facts cannot both be true: facts whose qualifiers differ (another
    window, another regimen) are about different things and never conflict."""
    return overlaps(interval(f), interval(g)) or not qualifiers_compatible(comparable_qualifiers(f), comparable_qualifiers(g))


class Group(NamedTuple):
    key: str
    region: str | None
    stratum: tuple  # ((qualifier, effective value), ...) for qualifiers with a default


def stratum(f: Fact, catalog: Catalog | None) -> tuple | None:
    """The population and outcome ``f`` is about, with catalog defaults for unstated ones; None
    when one of them is incomparable (an age band, an unknown restriction)."""
    kind = catalog.kind(f.key) if catalog else None
    if kind is None:
        return ()
    out = []
    for name in kind.qualifiers:
        q = catalog.qualifiers.get(name)
        if q is None or q.default is None:
            continue
        value = q.effective(f.qualifiers.get(name))
        if value in q.incomparable:
            return None
        out.append((name, value))
    return tuple(out)


def comparable(f: Fact, catalog: Catalog | None) -> bool:
    if f.waived or f.text is not None or (f.min is None and f.max is None) or not f.confident:
        return False
    kind = catalog.kind(f.key) if catalog else None
    if kind is not None and not kind.compare:
        return False
    return stratum(f, catalog) is not None


def group_key(f: Fact, catalog: Catalog | None) -> Group:
    """(key, region, stratum); the region only for keys that take one."""
    kind = catalog.kind(f.key) if catalog else None
    region = f.region() if kind is not None and "region" in kind.qualifiers else None
    return Group(f.key, region, stratum(f, catalog) or ())


def groups(facts: Iterable[Fact], catalog: Catalog | None) -> dict[Group, list[Fact]]:
    out: dict[Group, list[Fact]] = defaultdict(list)
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
        sig = (interval(f), comparable_qualifiers(f))
        b = index.get(sig)
        if b is None:
            b = index[sig] = Bucket(sig[0], sig[1])
        b.facts.append(f)
        b.leaflets.add(f.leaflet)
    return list(index.values())


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


@dataclass
class Disagreement:
    """A leaflet whose fact cannot be true together with other leaflets' facts."""

    fact: Fact  # the leaflet's first fact that another leaflet contradicts
    others: list[Fact]  # one contradicting fact per other leaflet, most common value first (capped)
    others_total: int  # how many other leaflets contradict it


def disagreements(facts: list[Fact], max_related: int = 20) -> list[Disagreement]:
    """Every leaflet of one group that another leaflet contradicts, once, with the others.

    Leaflets L and M contradict each other when L states a value that conflicts with one of M's
    and neither also states a value that agrees with the other's (a leaflet that states both
    sides is facts.internal-conflict's). No side is taken: both get a finding, whatever the count.
    """
    bs = buckets(facts)
    if len({f.leaflet for f in facts}) < 2 or len(bs) < 2:
        return []
    n = len(bs)
    comp = [[qualifiers_compatible(bs[i].quals, bs[j].quals) for j in range(n)] for i in range(n)]
    agree = [[comp[i][j] and overlaps(bs[i].interval, bs[j].interval) for j in range(n)] for i in range(n)]
    per_leaflet: dict[str, set[int]] = defaultdict(set)
    own: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    for i, b in enumerate(bs):
        for f in b.facts:
            per_leaflet[f.leaflet].add(i)
            own[f.leaflet].append((i, f))
    by_sig: dict[frozenset[int], list[str]] = defaultdict(list)
    for lid, sig in sorted(per_leaflet.items()):
        by_sig[frozenset(sig)].append(lid)

    def against(s: frozenset[int], t: frozenset[int]) -> list[tuple[int, int]]:
        """Bucket pairs (mine, theirs) where s contradicts t."""
        return [(i, j) for i in s for j in t if comp[i][j] and not agree[i][j]
                and not any(agree[i2][j] for i2 in s) and not any(agree[i][j2] for j2 in t)]

    support = [len(b.leaflets) for b in bs]
    out: list[Disagreement] = []
    for sig, lids in by_sig.items():
        pairs = {t: against(sig, t) for t in by_sig if against(sig, t)}
        if not pairs:
            continue
        mine = {i for ps in pairs.values() for i, _ in ps}
        # the other leaflets, computed once per set of values (a signature never contradicts itself)
        others: list[Fact] = []
        total = 0
        for t, ps in sorted(pairs.items(), key=lambda kv: -max(support[j] for _, j in kv[1])):
            theirs = sorted({j for _, j in ps}, key=lambda j: -support[j])
            total += len(by_sig[t])
            for m in by_sig[t][: max(0, max_related - len(others))]:
                others.append(min((f for j, f in own[m] if j in theirs), key=lambda f: (f.line, f.column)))
        for lid in lids:
            fact = min((f for i, f in own[lid] if i in mine), key=lambda f: (f.line, f.column))
            out.append(Disagreement(fact, others, total))
    return sorted(out, key=lambda d: (d.fact.leaflet, d.fact.line))


class InternalConflict(NamedTuple):
    """Within one leaflet: the first fact of a value, and the earlier facts it cannot agree with."""

    fact: Fact
    against: list[Fact]


def internal_conflicts(facts: list[Fact], reference: Callable[[Fact], object | None] | None = None
                       ) -> list[InternalConflict]:
    """Within one leaflet and group: each value that cannot agree with an earlier one.

    Facts a reference entry applies to are left out: a value inside the accepted range is never a
    finding, and one outside it is facts.reference's."""
    ordered = sorted((f for f in facts if reference is None or reference(f) is None),
                     key=lambda f: (f.line, f.column))
    seen: list[Fact] = []
    sigs: set[tuple] = set()
    out = []
    for f in ordered:
        sig = (interval(f), comparable_qualifiers(f))
        if sig in sigs:
            continue
        # only the same population, outcome and window: "50 % within a week" and "70 %" are
        # about different things within one leaflet
        against = [g for g in seen if comparable_qualifiers(g) == sig[1] and not overlaps(interval(f), interval(g))]
        if against:
            out.append(InternalConflict(f, against))
        sigs.add(sig)
        seen.append(f)
    return out
