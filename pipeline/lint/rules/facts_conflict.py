"""A fact whose value cannot be true together with the same fact in most other leaflets.

Facts of one key are compared across leaflets (within one region for keys that take a region;
a fact without a region takes its leaflet's). Values conflict when their intervals do not
overlap (touching ends overlap; "ongeveer" does not widen) or a qualifier both state differs.
Each leaflet that deviates from the majority gets one finding, with related locations in the
leaflets it disagrees with. The severity comes from the fact catalog (cutoff: error).

pass: two leaflets say "tot 16 weken"; a Belgian leaflet says 20 weeks for België
fail: one leaflet says "tot 16 weken", another "tot 20 weken" (both NL)
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.facts.catalog import default_catalog
from pipeline.facts.compare import deviations, groups
from pipeline.yamlio import DataFileError

ID = "facts.conflict"
LEVEL = "error"
SCOPE = "corpus"
GATHER = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS = {"max_related": (int, 20)}


def _catalog():
    try:
        return default_catalog()
    except DataFileError:
        return None  # reported as facts.schema by the facts stage


def check(corpus, conf, ctx):
    catalog = _catalog()
    facts = [f for lid in sorted(corpus.facts) for f in corpus.facts[lid]]
    for (key, region), group in sorted(groups(facts, catalog).items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        kind = catalog.kind(key) if catalog else None
        label = kind.label if kind else key
        where = f" ({region})" if region else ""
        for dev in deviations(group, max_related=int(conf["max_related"])):
            f = dev.fact
            values = list(dict.fromkeys(g.value_str() for g in dev.related))
            others = ", ".join(values[:5]) + (", ..." if len(values) > 5 else "")
            more = dev.related_total - len(dev.related)
            msg = (f"{label} ({key}{where}): {f.value_str()} here, but {others} in "
                   f"{dev.related_total} other leaflet(s)")
            if more > 0:
                msg += f" ({more} not listed)"
            related = tuple(Related(g.path, g.line, g.column, f"{g.leaflet}: {g.value_str()}") for g in dev.related)
            yield Diagnostic(
                path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                message=msg, match=f.quote, fact=key, related=related, leaflet=f.leaflet,
                key=f"{key}|{region or ''}", severity=Severity(kind.severity) if kind else None,
                suggestions=tuple(sorted({g.value_str() for g in dev.majority})),
            )
