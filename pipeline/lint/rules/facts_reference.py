"""A fact outside the accepted range of its topic's reference registry (topics/<topic>/reference.yaml).

The registry gives per key (and region or qualifiers) the accepted value or range, a tolerance
and citations. A fact is outside when its interval does not overlap the accepted range widened
by the tolerance. The reference decides: this is the only finding on the span (facts.conflict
stays silent where a reference exists), the suggestion is the reference value in the leaflet's
words ('tot 16 weken' for 'tot 20 weken'), and the message
names the leaflets that agree with the reference. A value inside the range is never a finding.
Only confident facts of the population the entry is about are checked (an overall rate, not the
rate among women who bleed); waived facts and facts "te controleren" are skipped. The severity
comes from the fact catalog's severity of the key (cutoff: error, so a wrong cutoff fails the
release gate even when a leaflet is checked alone), at least warning; a level set in the
configuration for this rule or its category wins.

pass: an NL leaflet says a miscarriage is a loss "in de eerste 16 weken"
fail: an NL leaflet says "tot 20 weken" (NVOG and NHG: 16 weeks)
"""

from __future__ import annotations

from typing import NamedTuple

from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.facts.compare import groups, interval, overlaps
from pipeline.facts.others import focused_deviations
from pipeline.facts.topics import by_topic
from pipeline.fix import restate_fact
from pipeline.i18n import _, ngettext, number, quantity
from pipeline.lint.rules.facts_conflict import label_of, value_of

ID = "facts.reference"
LEVEL = "warning"
SCOPE = "corpus"
CROSS_LEAFLET = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS = {"max_related": (int, 20)}


def reference_value(ref, unit: str) -> str:
    s = quantity(ref.min, ref.max, unit)
    return s + (f" (± {number(ref.tolerance)})" if ref.tolerance else "")


def check(corpus, conf, ctx):
    facts = [f for lid in sorted(corpus.facts) for f in corpus.facts[lid]]
    for part in by_topic(facts, getattr(ctx, "config", None)):  # each leaflet against its own topic's reference
        if part.registry is not None:  # a missing or broken one is reported by the facts stage
            yield from _check_topic(corpus, conf, part.facts, part.catalog, part.registry)


def _check_topic(corpus, conf, facts, catalog, registry):
    for g, group in sorted(groups(facts, catalog).items(), key=lambda kv: (kv[0].key, kv[0].region or "", kv[0].stratum)):
        if corpus.focus is not None and not any(f.leaflet in corpus.focus for f in group):
            continue  # no leaflet whose findings are wanted takes part
        cap = int(conf["max_related"])
        if corpus.others is not None:  # the others as summaries: compared with those
            yield from (_finding(d.fact, g, d.ref, Agreeing(d.first, d.count), catalog) for d in focused_deviations(
                group, corpus.others.summary(group[0]), corpus.others.loader(group[0]),
                lambda f, region=g.region: registry.for_fact(f, region), registry.entries, corpus.focus, cap))
            continue
        refs = {id(f): registry.for_fact(f, g.region) for f in group}
        agreeing = _agreeing(group, refs)
        for f in group:
            ref = refs[id(f)]
            if ref is None or overlaps(interval(f), ref.accepted):
                continue
            agree = _others(agreeing.get(id(ref), {}), f.leaflet, cap)
            if corpus.focus is None or _names(f, agree.first, corpus.focus):
                yield _finding(f, g, ref, agree, catalog)


def _names(f, related: list, leaflets: set[str]) -> bool:
    """Whether a finding on ``f`` is on one of ``leaflets`` or names one as a related place."""
    return f.leaflet in leaflets or any(a.leaflet in leaflets for a in related)


def _agreeing(group, refs) -> dict[int, dict[str, object]]:
    """Per reference entry: one fact per leaflet whose value lies inside it, by leaflet (in order)."""
    out: dict[int, dict[str, object]] = {}
    for f in sorted(group, key=lambda f: (f.leaflet, f.line)):
        ref = refs[id(f)]
        if ref is not None and overlaps(interval(f), ref.accepted):
            out.setdefault(id(ref), {}).setdefault(f.leaflet, f)
    return out


class Agreeing(NamedTuple):
    first: list  # the first ``cap`` agreeing facts of other leaflets: the related places
    count: int  # how many other leaflets agree


def _others(by_leaflet: dict[str, object], leaflet: str, cap: int) -> Agreeing:
    """The agreeing facts of leaflets other than ``leaflet``, without listing them all for every
    deviating fact (with 10,000 leaflets that was 10,000 times 10,000)."""
    first = []
    for other, a in by_leaflet.items():
        if len(first) >= cap:
            break
        if other != leaflet:
            first.append(a)
    return Agreeing(first, len(by_leaflet) - (leaflet in by_leaflet))


def _finding(f, g, ref, agree: Agreeing, catalog) -> Diagnostic:
    kind = catalog.kind(f.key) if catalog else None
    where = _(" for {region}").format(region=g.region) if g.region else ""
    quals = "".join(f", {k} {v}" for k, v in ref.qualifiers.items())
    sources = ", ".join(dict.fromkeys(c.short() for c in ref.citations))
    msg = _("{label}: {value} here, but the reference{where}{quals} says {reference} ({sources})").format(
        label=label_of(catalog, f.key), value=value_of(f), where=where, quals=quals,
        reference=reference_value(ref, f.unit), sources=sources)
    if agree.count:
        msg += ngettext("; {count} other leaflet agrees", "; {count} other leaflets agree",
                        agree.count).format(count=agree.count)
    # the agreeing leaflets are related places; the full citation is in the report and the review document
    return Diagnostic(
        path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
        message=msg, match=f.match, fact=f.key, leaflet=f.leaflet, key=f"{f.key}|{g.region or ''}",
        related=tuple(Related(a.path, a.line, a.column, f"{a.leaflet}: {value_of(a)}") for a in agree.first),
        # a reference deviation is at least a warning, also for keys whose conflicts are info
        severity=Severity("warning" if kind.severity == "info" else kind.severity) if kind else None,
    ).offering(restate_fact(f, ref.min, ref.max))  # the reference value in the leaflet's words
