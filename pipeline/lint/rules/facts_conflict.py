"""A fact that other leaflets contradict, where no reference says which value is right.

Facts of one key are compared across the leaflets of one topic: within one region for keys that
take a region (a fact without a region takes its leaflet's) and within one population and outcome (an overall
rate is never compared with the rate among women who bleed). Only confident facts take part;
facts "te controleren" never do. Values conflict when their intervals do not overlap (touching
ends overlap; "ongeveer" does not widen) or a qualifier both state differs.

Where the topic's reference registry (topics/<topic>/reference.yaml) has a value, the reference
decides and facts.reference gives the only finding on the span. Without a reference nobody
knows which side is right: every leaflet in the disagreement gets one warning naming the other
values and leaflets, with no suggestion, whatever the count (no majority vote).

pass: two leaflets say "tot 16 weken"; a Belgian leaflet says 20 weeks for België
fail: one leaflet says "bij 70% komt de miskraam vanzelf", another "bij 50%" (both get a warning)
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.facts.compare import disagreements, groups
from pipeline.facts.others import focused_disagreements
from pipeline.facts.topics import by_topic
from pipeline.i18n import _, ngettext, quantity

ID = "facts.conflict"
LEVEL = "warning"
SCOPE = "corpus"
CROSS_LEAFLET = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS = {"max_related": (int, 20)}


def value_of(f) -> str:
    """The fact's value in the reader's notation ("16 weken", "ongeveer 70 %")."""
    return f.text if f.text is not None else quantity(f.min, f.max, f.unit, f.approx)


def label_of(catalog, key: str) -> str:
    kind = catalog.kind(key) if catalog else None
    return kind.label if kind else key


def without_reference(group, registry, region):
    """The facts of a group no reference entry applies to (the others are facts.reference's)."""
    if registry is None:
        return group
    return [f for f in group if registry.for_fact(f, region) is None]


def check(corpus, conf, ctx):
    facts = [f for lid in sorted(corpus.facts) for f in corpus.facts[lid]]
    for part in by_topic(facts, getattr(ctx, "config", None)):  # leaflets of two topics are never compared
        catalog, registry = part.catalog, part.registry
        for g, group in sorted(groups(part.facts, catalog).items(),
                               key=lambda kv: (kv[0].key, kv[0].region or "", kv[0].stratum)):
            if corpus.focus is not None and not any(f.leaflet in corpus.focus for f in group):
                continue  # no leaflet whose findings are wanted takes part
            for d in _disagreements(corpus, group, registry, g.region, int(conf["max_related"])):
                yield _finding(d, g, label_of(catalog, g.key))


def _disagreements(corpus, group, registry, region, cap: int):
    """The group's disagreements that are on a focused leaflet or name one (all without a focus);
    with the others as summaries, compared with those."""
    free = without_reference(group, registry, region)
    if corpus.others is None:
        return [d for d in disagreements(free, cap) if corpus.focus is None or _names(d, corpus.focus)]
    if not free:
        return []
    load = corpus.others.loader(group[0])

    def load_free(lids):
        return {lid: without_reference(facts, registry, region) for lid, facts in load(lids).items()}
    return focused_disagreements(free, corpus.others.summary(group[0]).free, load_free, corpus.focus, cap)


def _names(d, leaflets: set[str]) -> bool:
    """Whether a finding on ``d`` is on one of ``leaflets`` or names one as a related place."""
    return d.fact.leaflet in leaflets or any(o.leaflet in leaflets for o in d.others)


def _finding(d, g, label: str) -> Diagnostic:
    f = d.fact
    values = list(dict.fromkeys(value_of(o) for o in d.others))  # the leaflets are the related places
    listed = " / ".join(values[:3]) + (" / …" if len(values) > 3 else "")
    msg = ngettext("{label}: {value} here, but {others} in {count} other leaflet; no reference decides",
                   "{label}: {value} here, but {others} in {count} other leaflets; no reference decides",
                   d.others_total).format(label=label, value=value_of(f), others=listed, count=d.others_total)
    return Diagnostic(
        path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
        message=msg, match=f.match, fact=g.key, leaflet=f.leaflet, key=f"{g.key}|{g.region or ''}",
        related=tuple(Related(o.path, o.line, o.column, f"{o.leaflet}: {value_of(o)}") for o in d.others),
        severity=Severity.WARNING,
    )
