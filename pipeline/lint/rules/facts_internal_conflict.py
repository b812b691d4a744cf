"""A leaflet that states one fact twice with values that cannot both be true.

Same comparison as facts.conflict, within one leaflet: "70%" on one line and "ongeveer 50%" on
another conflict; "minstens 50%" agrees with both. Only confident facts of one population,
outcome and window are compared (the rows of an age table never conflict). The later statement
gets the finding, with the earlier one as related location. Where the reference registry has a
value for the fact, the reference decides: values inside its accepted range are never a finding
(10% and 15% against 10-20%), and a value outside it is facts.reference's.

pass: "1 op de 10 zwangerschappen" and later "ongeveer 15%" (both inside the reference's 10-20%)
fail: "Bij 70% komt de miskraam vanzelf" and later "bij ongeveer de helft" in the same leaflet
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.facts.compare import groups, internal_conflicts
from pipeline.facts.topics import by_topic
from pipeline.i18n import _
from pipeline.lint.rules.facts_conflict import label_of, value_of

ID = "facts.internal-conflict"
LEVEL = "warning"
SCOPE = "corpus"
CROSS_LEAFLET = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    for lid in corpus.focused():
        for part in by_topic(corpus.facts[lid], getattr(ctx, "config", None)):  # one leaflet: one topic
            yield from _check_leaflet(lid, part.facts, part.catalog, part.registry)


def _check_leaflet(lid, facts, catalog, registry):
    for g, group in sorted(groups(facts, catalog).items(),
                           key=lambda kv: (kv[0].key, kv[0].region or "", kv[0].stratum)):
        kind = catalog.kind(g.key) if catalog else None
        reference = (lambda f, region=g.region: registry.for_fact(f, region)) if registry else None
        for f, against in internal_conflicts(group, reference):
            earlier = ", ".join(_("{value} on line {line}").format(value=value_of(x), line=x.line)
                                for x in against[:3]) + (", …" if len(against) > 3 else "")
            msg = _("{label}: {value} here, but {earlier} in the same leaflet").format(
                label=label_of(catalog, g.key), value=value_of(f), earlier=earlier)
            yield Diagnostic(
                path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                message=msg, match=f.match, fact=g.key, leaflet=lid, key=f"{g.key}|{g.region or ''}",
                related=tuple(Related(x.path, x.line, x.column, value_of(x)) for x in against),
                severity=Severity("warning" if kind and kind.severity == "info" else kind.severity)
                if kind else None,
            )
