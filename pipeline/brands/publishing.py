"""Who publishes a leaflet and which phone numbers a leaflet of a brand may print.

Leaflets that no brand publishes are rendered with :data:`HOUSE_BRAND`, a neutral profile without
a phone number of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.language.phones import digits, find_numbers

HOUSE_BRAND_ID = "neutraal"
# Used for leaflets that no brand publishes: plain, readable, and honest that no practice
# vouches for the text (no phone number is invented).
HOUSE_BRAND: dict = {
    "id": HOUSE_BRAND_ID,
    "name": "Patiënteninformatie",
    "logo": None,
    "logo_alt": "",
    "colors": {"primary": "#1f4e79", "accent": "#7a9cbf", "text": "#1a1a1a", "background": "#ffffff"},
    "fonts": {"body": "Open Sans", "heading": "Open Sans"},
    "contact": {},
    "footer": "Neutrale opmaak: deze folder wordt door geen praktijk uitgegeven.",
    "leaflets": [],
    "locale": "nl-NL",
    "house": True,
}


def publishers(leaflet_id: str, meta: dict, brands: dict[str, dict]) -> list[str]:
    """Brand ids that publish a leaflet: brands listing it, plus the sidecar's ``brand``."""
    ids = [b for b, data in brands.items() if leaflet_id in data.get("leaflets", [])]
    side = (meta or {}).get("brand")
    if side and side in brands and side not in ids:
        ids.append(side)
    return sorted(ids)


# Contact values that are no phone number.
_NOT_PHONES = ("address", "website", "email", "other_numbers")


def own_numbers(brand: dict) -> dict[str, str]:
    """The brand's own numbers (``contact.phone``, ``emergency_phone``, any other phone-like
    contact value): digits -> number as written in the brand file."""
    out = {}
    for key, value in (brand.get("contact") or {}).items():
        if isinstance(value, str) and key not in _NOT_PHONES:
            d = digits(value)
            if 3 <= len(d) <= 13:
                out[d] = value
    return out


def brand_numbers(brand: dict) -> dict[str, str]:
    """Every number a leaflet of this brand may print: its own and the third-party numbers it
    lists under ``contact.other_numbers`` (a GP post, a hospital)."""
    out = own_numbers(brand)
    for other in (brand.get("contact") or {}).get("other_numbers") or []:
        if isinstance(other, dict) and isinstance(other.get("number"), str):
            d = digits(other["number"])
            if 3 <= len(d) <= 13:
                out.setdefault(d, other["number"])
    return out


@dataclass(frozen=True)
class ForeignNumber:
    """A number in a leaflet that is another brand's own number, not one the rendering brand allows."""

    text: str  # as the leaflet writes it
    owner: str  # id of the brand whose number it is


def foreign_numbers(texts, brand_id: str, brands: dict[str, dict]) -> list[ForeignNumber]:
    """Numbers in ``texts`` (the leaflet's block texts) that belong to another practice."""
    brand = brands.get(brand_id)
    if brand is None or brand.get("house"):
        return []
    allowed = brand_numbers(brand)
    owners = {d: other for other in sorted(brands) if other != brand_id for d in own_numbers(brands[other])}
    out: list[ForeignNumber] = []
    for text in texts:
        for n in find_numbers(text):
            if n.digits not in allowed and n.digits in owners and n.text not in [f.text for f in out]:
                out.append(ForeignNumber(n.text, owners[n.digits]))
    return out
