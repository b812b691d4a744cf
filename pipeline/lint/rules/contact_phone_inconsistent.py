"""One contact given two different phone numbers in a leaflet without a brand.

A number belongs to the contact named nearest to it in the same sentence or line ("de praktijk",
"de kliniek", "de verloskundige" ...; the list is data in schema/style-language.yaml); a number
with no contact in its sentence is nobody's. Numbers for different hours or needs are normal: a
daytime and an urgent number (spoed, dienstdoende), a number to call "altijd" beside one for
"buiten kantooruren". Only two numbers for the same contact, need and hours are reported.

pass: Bel de praktijk overdag op 020-1234567. Buiten kantooruren bel je de praktijk op 06-12345678 (spoed).
pass: Bij spoed kun je de praktijk altijd bellen: 06-12345678. Buiten kantooruren bel je de praktijk op 020-7654321 (spoed).
fail: Bel de praktijk op 020-1234567. Heb je vragen, bel de praktijk op 020-7654321.
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related
from pipeline.language.leaflet import brand_of
from pipeline.language.phones import find_numbers, hours, owner

ID = "contact.phone-inconsistent"
LEVEL = "warning"
SCOPE = "document"
OPTIONS: dict = {}


def check(doc, conf, ctx):
    if brand_of(doc, ctx.brands)[1]:
        return  # contact.phone-mismatch compares with the brand's numbers instead
    groups: dict[tuple[str, str, str], list] = {}
    for block in doc.blocks:
        for n in find_numbers(block.text):
            contact, kind = owner(block.text, n.start)
            if not contact:
                continue
            groups.setdefault((contact, kind, hours(block.text, n.start)), []).append((block, n))
    for (contact, kind, when), uses in groups.items():
        label = {"after-hours": "after-hours", "always": "round-the-clock", "daytime": "daytime"}.get(when, "")
        if kind == "emergency" and label != "daytime":
            label = f"{label} emergency".strip()
        label = label or kind
        first_block, first = uses[0]
        fsp = doc.span(first_block, first.start, first.end)
        reported = {first.digits}
        for block, n in uses[1:]:
            if n.digits in reported:
                continue
            reported.add(n.digits)
            sp = doc.span(block, n.start, n.end)
            yield Diagnostic(
                path=str(doc.path), line=sp.line, column=sp.column, end_line=sp.end_line,
                end_column=sp.end_column,
                message=(f"'{contact}' has two {label + ' ' if label else ''}numbers: '{n.text}' here and "
                         f"'{first.text}' at line {fsp.line}"),
                match=n.text, leaflet=doc.id, key=f"{contact}|{n.digits}",
                related=(Related(str(doc.path), fsp.line, fsp.column, f"'{first.text}'"),),
            )
