"""A fact outside the accepted range of the reference registry (schema/reference.yaml).

The registry gives per key (and region or qualifiers) the accepted value or range, a tolerance
and citations. A fact is outside when its interval does not overlap the accepted range widened
by the tolerance; the message cites the source. Waived facts are skipped. The severity comes
from the fact catalog's severity of the key (cutoff: error, so a wrong cutoff fails the release
gate even when a leaflet is checked alone), at least warning; a level set in the configuration
for this rule or its category wins.

pass: an NL leaflet says a miscarriage is a loss "in de eerste 16 weken"
fail: an NL leaflet says "tot 20 weken" (NVOG and NHG: 16 weeks)
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Severity
from pipeline.facts.catalog import catalog_or_none
from pipeline.facts.compare import comparable, group_key, interval, overlaps
from pipeline.facts.reference import default_registry
from pipeline.fix import restate_fact
from pipeline.lint.rules.facts_conflict import quote_excerpt
from pipeline.yamlio import DataFileError

ID = "facts.reference"
LEVEL = "warning"
SCOPE = "corpus"
GATHER = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    catalog = catalog_or_none()
    try:
        registry = default_registry()
    except DataFileError:
        return  # reported as facts.schema by the facts stage
    for lid in sorted(corpus.facts):
        for f in corpus.facts[lid]:
            if not comparable(f, catalog):
                continue
            _, region = group_key(f, catalog)
            ref = registry.for_fact(f, region)
            if ref is None or overlaps(interval(f), ref.accepted):
                continue
            kind = catalog.kind(f.key) if catalog else None
            unit = f.unit
            where = f" for {region}" if region else ""
            quals = "".join(f", {k} {v}" for k, v in ref.qualifiers.items())
            cites = "; ".join(str(c) for c in ref.citations)
            sentence = f' in "{quote_excerpt(f.quote)}"' if f.quote and f.quote != f.match else ""
            yield Diagnostic(
                path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                message=f"{f.key}: {f.value_str()} here{sentence}, but the reference{where}{quals} is "
                        f"{ref.value_str(unit)} (source: {cites})",
                match=f.match, fact=f.key, leaflet=lid, key=f"{f.key}|{region or ''}",
                # a reference deviation is at least a warning, also for keys whose conflicts are info
                severity=Severity("warning" if kind.severity == "info" else kind.severity) if kind else None,
            ).offering(restate_fact(f, ref.min, ref.max))
