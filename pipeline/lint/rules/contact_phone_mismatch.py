"""A phone number in the leaflet that is not one of its brand's numbers (digits compared).

The brand is the sidecar's ``brand`` or the brand whose ``leaflets`` lists the leaflet; its
numbers are ``contact.phone``, ``contact.emergency_phone``, any other phone-like contact
value, and the third-party numbers the brand allows in ``contact.other_numbers`` (a GP post, a
hospital). The emergency number 112 is never a mismatch. Leaflets without a brand are left to
contact.phone-inconsistent.

pass: brand phone "06-43789244"; text "Bel mij op 06 - 437 892 44."
pass: brand other_numbers [{number: "0900-1234567", label: Huisartsenpost}]; text "Huisartsenpost: 0900-1234567"
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
# Numbers nobody owns and every leaflet may print: the European emergency number.
EMERGENCY_NUMBERS = frozenset({"112"})


def brand_numbers(brand: dict) -> dict[str, str]:
    """digits -> number as written in the brand file."""
    out = {}
    for key, value in (brand.get("contact") or {}).items():
        if isinstance(value, str) and key not in ("address", "website", "email"):
            d = digits(value)
            if 3 <= len(d) <= 13:
                out[d] = value
    for other in (brand.get("contact") or {}).get("other_numbers") or []:
        if isinstance(other, dict) and isinstance(other.get("number"), str):
            d = digits(other["number"])
            if 3 <= len(d) <= 13:
                out.setdefault(d, other["number"])
    return out


def check(doc, conf, ctx):
    brand_id, brand = brand_of(doc, ctx.brands)
    if not brand:
        return
    known = brand_numbers(brand)
    if not known:
        return
    contact = brand.get("contact") or {}
    own = sorted({contact[k] for k in ("phone", "emergency_phone") if isinstance(contact.get(k), str)})
    listed = ", ".join(sorted(known.values()))
    for block in doc.blocks:
        for n in find_numbers(block.text):
            if n.digits in known or n.digits in EMERGENCY_NUMBERS:
                continue
            sp = doc.span(block, n.start, n.end)
            yield Diagnostic(
                path=str(doc.path), line=sp.line, column=sp.column, end_line=sp.end_line,
                end_column=sp.end_column,
                message=f"phone number '{n.text}' is not a number of brand '{brand_id}' ({listed}); "
                        "if it is another service's number, list it under contact.other_numbers in the brand",
                match=n.text, suggestions=tuple(own or sorted(known.values())), leaflet=doc.id, key=n.digits,
            )
