"""A leaflet that states one fact twice with values that cannot both be true.

Same comparison as facts.conflict, within one leaflet: "70%" on one line and "ongeveer 50%" on
another conflict; "minstens 50%" agrees with both. The later statement gets the finding, with
the earlier one as related location. Where the reference registry has a value for the fact, the
reference decides: values inside its accepted range are never a finding (10% and 15% against
10-20%), and a value outside it is facts.reference's.

pass: "1 op de 10 zwangerschappen" and later "ongeveer 15%" (both inside the reference's 10-20%)
fail: "Bij 70% komt de miskraam vanzelf" and later "bij ongeveer de helft" in the same leaflet
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.facts.catalog import catalog_or_none
from pipeline.facts.compare import groups, internal_conflicts
from pipeline.lint.rules.facts_conflict import _registry, quote_excerpt

ID = "facts.internal-conflict"
LEVEL = "warning"
SCOPE = "corpus"
GATHER = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    catalog = catalog_or_none()
    registry = _registry()
    for lid in sorted(corpus.facts):
        for (key, region), group in sorted(groups(corpus.facts[lid], catalog).items(),
                                           key=lambda kv: (kv[0][0], kv[0][1] or "")):
            kind = catalog.kind(key) if catalog else None
            reference = (lambda f, region=region: registry.for_fact(f, region)) if registry else None
            for f, against in internal_conflicts(group, reference):
                earlier = ", ".join(f"{g.value_str()} on line {g.line}" for g in against)
                yield Diagnostic(
                    path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                    message=f"{key}: {f.value_str()} here, but {earlier} in the same leaflet"
                            + (f' (in "{quote_excerpt(f.quote)}")' if f.quote and f.quote != f.match else ""),
                    match=f.match, fact=key, leaflet=lid, key=f"{key}|{region or ''}",
                    related=tuple(Related(g.path, g.line, g.column, g.value_str()) for g in against),
                    severity=Severity("warning" if kind and kind.severity == "info" else kind.severity)
                    if kind else None,
                )
