"""A leaflet that states one fact twice with values that cannot both be true.

Same comparison as facts.conflict, within one leaflet: "10%" on one line and "ongeveer 15%" on
another conflict; "minstens 10%" agrees with both. The later statement gets the finding, with
the earlier one as related location.

pass: "1 op de 10 zwangerschappen" and later "minstens 1 op de 10"
fail: "De kans op een miskraam is 10%" and later "zo rond de 15%" in the same leaflet
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.facts.catalog import catalog_or_none
from pipeline.facts.compare import groups, internal_conflicts
from pipeline.lint.rules.facts_conflict import quote_excerpt

ID = "facts.internal-conflict"
LEVEL = "warning"
SCOPE = "corpus"
GATHER = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    catalog = catalog_or_none()
    for lid in sorted(corpus.facts):
        for (key, region), group in sorted(groups(corpus.facts[lid], catalog).items(),
                                           key=lambda kv: (kv[0][0], kv[0][1] or "")):
            kind = catalog.kind(key) if catalog else None
            for f, against in internal_conflicts(group):
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
