"""A fact whose value cannot be true together with the same fact in most other leaflets.

Facts of one key are compared across leaflets (within one region for keys that take a region;
a fact without a region takes its leaflet's). Values conflict when their intervals do not
overlap (touching ends overlap; "ongeveer" does not widen) or a qualifier both state differs.
Each leaflet that deviates from the majority gets one finding, with related locations in the
leaflets it disagrees with. The severity comes from the fact catalog (cutoff: error).
Where the reference registry (schema/reference.yaml) has an accepted value for the key and
region, the reference decides instead of the count: a leaflet inside the accepted range is never
the deviant, the leaflets outside it are, and the suggestion is the reference value.

pass: two leaflets say "tot 16 weken"; a Belgian leaflet says 20 weeks for België
fail: one leaflet says "tot 16 weken", another "tot 20 weken" (both NL)
fail: two NL leaflets say "tot 24 weken", one "tot 16 weken" (the NVOG value): the two are flagged
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.facts.catalog import catalog_or_none
from pipeline.fix import restate_fact
from pipeline.facts.compare import deviations, groups
from pipeline.facts.reference import default_registry
from pipeline.yamlio import DataFileError

ID = "facts.conflict"
LEVEL = "error"
SCOPE = "corpus"
GATHER = True  # reads corpus.facts only: runs on gathered fact files too
OPTIONS = {"max_related": (int, 20)}


def _registry():
    try:
        return default_registry()
    except DataFileError:
        return None  # reported as facts.schema by the facts stage; compare by majority alone


def quote_excerpt(quote: str, limit: int = 160) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


def check(corpus, conf, ctx):
    catalog = catalog_or_none()
    registry = _registry()
    facts = [f for lid in sorted(corpus.facts) for f in corpus.facts[lid]]
    for (key, region), group in sorted(groups(facts, catalog).items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        kind = catalog.kind(key) if catalog else None
        label = kind.label if kind else key
        where = f" ({region})" if region else ""
        reference = (lambda f, region=region: registry.for_fact(f, region)) if registry else None
        for dev in deviations(group, max_related=int(conf["max_related"]), reference=reference):
            f = dev.fact
            values = list(dict.fromkeys(g.value_str() for g in dev.related))
            others = ", ".join(values[:5]) + (", ..." if len(values) > 5 else "")
            more = dev.related_total - len(dev.related)
            msg = (f"{label} ({key}{where}): {f.value_str()} here, but {others} in "
                   f"{dev.related_total} other leaflet(s)")
            if more > 0:
                msg += f" ({more} not listed)"
            if dev.reference is not None:
                ref = dev.reference
                msg += f"; the reference{where} is {ref.value_str(f.unit)} ({'; '.join(str(c) for c in ref.citations)})"
                suggestions = (restate_fact(f, ref.min, ref.max),)
            else:
                suggestions = tuple(sorted({restate_fact(f, g.min, g.max)
                                            for g in dev.majority}))
            if f.quote and f.quote != f.match:
                msg += f' in "{quote_excerpt(f.quote)}"'
            related = tuple(Related(g.path, g.line, g.column, f"{g.leaflet}: {g.value_str()}") for g in dev.related)
            yield Diagnostic(
                path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                message=msg, match=f.match, fact=key, related=related, leaflet=f.leaflet,
                key=f"{key}|{region or ''}", severity=Severity(kind.severity) if kind else None,
            ).offering(*suggestions)
