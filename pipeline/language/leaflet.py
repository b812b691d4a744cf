"""What a language rule needs to know about a leaflet besides its text: its brand and its names."""

from __future__ import annotations

from pipeline.ingest.document import Document
from pipeline.text import words


def brand_of(doc: Document, brands: dict) -> tuple[str | None, dict | None]:
    """The leaflet's brand: ``brand`` in its sidecar, else the brand whose ``leaflets`` lists it."""
    bid = doc.meta.get("brand")
    if bid:
        return bid, brands.get(bid)
    for bid, data in sorted((brands or {}).items()):
        if isinstance(data, dict) and doc.id in (data.get("leaflets") or []):
            return bid, data
    return None, None


def _strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, (list, tuple)):
        return [s for v in obj for s in _strings(v)]
    return []


def own_names(doc: Document, brand: dict | None) -> frozenset[str]:
    """Words of the leaflet's title and publisher and of its brand's data: names, not typos."""
    texts = [str(doc.meta.get(k, "")) for k in ("title", "publisher")]
    if brand:
        texts.extend(_strings(brand))
    out = set()
    for t in texts:
        for s, e in words(t):
            w = t[s:e]
            out.add(w)
            out.update(p for p in w.split("-") if p)
    return frozenset(out)
