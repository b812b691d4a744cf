"""A phone number in the leaflet that is not one of its brand's numbers (digits compared).

Every brand that renders the leaflet is checked (the sidecar's ``brand`` and each brand whose
``leaflets`` lists it), with a finding per brand whose numbers the text does not use; its
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
from pipeline.i18n import _
from pipeline.language.phones import find_numbers
from pipeline.brands.publishing import brand_numbers, own_numbers, publishers

ID = "contact.phone-mismatch"
LEVEL = "error"
SCOPE = "document"
OPTIONS: dict = {}
# Numbers nobody owns and every leaflet may print: the European emergency number.
EMERGENCY_NUMBERS = frozenset({"112"})


def check(doc, conf, ctx):
    brands = ctx.brands or {}
    for brand_id in publishers(doc.id, doc.meta, brands):
        yield from _check_brand(doc, brand_id, brands)


def _check_brand(doc, brand_id: str, brands: dict):
    brand = brands[brand_id]
    known = brand_numbers(brand)
    if not known:
        return
    contact = brand.get("contact") or {}
    own = sorted({contact[k] for k in ("phone", "emergency_phone") if isinstance(contact.get(k), str)})
    listed = ", ".join(sorted(known.values()))
    others = {d: b for b in sorted(brands) if b != brand_id for d in own_numbers(brands[b])}
    for block in doc.blocks:
        for n in find_numbers(block.text):
            if n.digits in known or n.digits in EMERGENCY_NUMBERS:
                continue
            sp = doc.span(block, n.start, n.end)
            if n.digits in others:
                message = _("phone number '{number}' is not a number of brand '{brand}' but of '{other}'; "
                            "another service's number goes under contact.other_numbers")
            else:
                message = _("phone number '{number}' is not a number of brand '{brand}'; another service's "
                            "number goes under contact.other_numbers")
            yield Diagnostic(
                path=str(doc.path), line=sp.line, column=sp.column, end_line=sp.end_line,
                end_column=sp.end_column,
                message=message.format(number=n.text, brand=brand_id, numbers=listed, other=others.get(n.digits)),
                match=n.text, leaflet=doc.id, key=f"{brand_id}|{n.digits}",
            ).offering(*(own or sorted(known.values())))
