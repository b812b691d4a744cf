"""A phone number in the leaflet that is not one of its brand's numbers (digits compared).

The brand is the sidecar's ``brand`` or the brand whose ``leaflets`` lists the leaflet; its
numbers are ``contact.phone``, ``contact.emergency_phone`` and any other phone-like contact
value. Leaflets without a brand are left to contact.phone-inconsistent.

pass: brand phone "06-43789244"; text "Bel mij op 06 - 437 892 44."
fail: brand phone "06-43789244"; text "Bel mij op 06-43789245."
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.language.leaflet import brand_of
from pipeline.language.phones import digits, find_numbers

ID = "contact.phone-mismatch"
LEVEL = "error"
SCOPE = "document"
OPTIONS: dict = {}


def brand_numbers(brand: dict) -> dict[str, str]:
    """digits -> number as written in the brand file."""
    out = {}
    for key, value in (brand.get("contact") or {}).items():
        if isinstance(value, str) and key not in ("address", "website", "email"):
            d = digits(value)
            if 3 <= len(d) <= 13:
                out[d] = value
    return out


def check(doc, conf, ctx):
    brand_id, brand = brand_of(doc, ctx.brands)
    if not brand:
        return
    known = brand_numbers(brand)
    if not known:
        return
    listed = ", ".join(sorted(known.values()))
    for block in doc.blocks:
        for n in find_numbers(block.text):
            if n.digits in known:
                continue
            sp = doc.span(block, n.start, n.end)
            yield Diagnostic(
                path=str(doc.path), line=sp.line, column=sp.column, end_line=sp.end_line,
                end_column=sp.end_column,
                message=f"phone number '{n.text}' is not a number of brand '{brand_id}' ({listed})",
                match=n.text, suggestions=tuple(sorted(known.values())), leaflet=doc.id, key=n.digits,
            )
