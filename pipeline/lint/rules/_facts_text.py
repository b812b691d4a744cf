"""Words the fact rules share: a fact's name in the reader's language, the reference as a related place."""

from __future__ import annotations

from pipeline import i18n
from pipeline.diagnostic import Related
from pipeline.i18n import _

MAX_OTHERS = 3  # other leaflets' values named in a message; all of them are related places


def label(key: str, catalog) -> str:
    """The catalog's Dutch label in Dutch, the key in English (the labels are Dutch data)."""
    kind = catalog.kind(key) if catalog else None
    return kind.label if kind is not None and i18n.language() == "nl" else key


def where(region: str | None) -> str:
    return f" ({region})" if region and region != "NL" else ""


def values(texts) -> str:
    unique = list(dict.fromkeys(texts))
    return ", ".join(unique[:MAX_OTHERS]) + (", …" if len(unique) > MAX_OTHERS else "")


def reference_related(ref, unit: str) -> Related:
    """The registry entry, with its value and sources, as a related place of a finding."""
    sources = "; ".join(str(c) for c in ref.citations)
    return Related(ref.path, ref.line, 1, _("reference: {value} ({sources})").format(
        value=i18n.quantity(ref.min, ref.max, unit), sources=sources))
