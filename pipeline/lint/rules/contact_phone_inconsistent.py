"""One contact given two different phone numbers in a leaflet without a brand.

A number belongs to the contact named nearest to it in the same sentence or line ("de praktijk",
"de kliniek", "de verloskundige" ...; the list is data in schema/style-language.yaml); a number
with no contact in its sentence is nobody's. Only explicit hours or roles, named in the number's
own sentence, separate two numbers of one contact (data in schema/phone-hours.yaml): "overdag"
beside "buiten kantooruren", "spoed", "'s nachts", "tussen 17.00 en 8.00 uur". Words such as
"direct" or "na twee dagen" name no hours: two numbers for the same hours and role are reported,
with the other place as related location.

pass: Bel de praktijk overdag op 020-1234567. Buiten kantooruren bel je de praktijk op 06-12345678 (spoed).
pass: Tussen 8.00 en 17.00 uur bel je de praktijk op 020-1234567. Tussen 17.00 en 8.00 uur bel je de praktijk op 06-12345678.
fail: Bel de praktijk op 020-1234567. Heb je vragen, bel de praktijk op 020-7654321.
fail: Bel de praktijk op 0123-456789. Bel de praktijk direct op 0987-654321.
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related
from pipeline.i18n import _
from pipeline.language.leaflet import brand_of
from pipeline.language.phones import find_numbers, owner, service

ID = "contact.phone-inconsistent"
LEVEL = "warning"
SCOPE = "document"
OPTIONS: dict = {}


def check(doc, conf, ctx):
    if brand_of(doc, ctx.brands)[1]:
        return  # contact.phone-mismatch compares with the brand's numbers instead
    groups: dict[tuple[str, frozenset[str]], list] = {}
    labels: dict[tuple[str, frozenset[str]], str] = {}
    for block in doc.blocks:
        for n in find_numbers(block.text):
            contact = owner(block.text, n.start)
            if not contact:
                continue
            what = service(block.text, n.start)
            groups.setdefault((contact, what.key), []).append((block, n))
            labels[(contact, what.key)] = what.label
    for (contact, key), uses in groups.items():
        yield from _clashes(doc, contact, labels[(contact, key)], uses)


def _clashes(doc, contact: str, label: str, uses: list):
    first_block, first = uses[0]
    fsp = doc.span(first_block, first.start, first.end)
    reported = {first.digits}
    for block, n in uses[1:]:
        if n.digits in reported:
            continue
        reported.add(n.digits)
        sp = doc.span(block, n.start, n.end)
        hours = f" ({label})" if label else ""
        yield Diagnostic(
            path=str(doc.path), line=sp.line, column=sp.column, end_line=sp.end_line,
            end_column=sp.end_column,
            message=_("'{contact}' has two numbers{hours}: '{number}' here and '{other}' on line {line}; give "
                      "one, or say what each is for").format(
                contact=contact, hours=hours, number=n.text, other=first.text, line=fsp.line),
            match=n.text, leaflet=doc.id, key=f"{contact}|{n.digits}",
            related=(Related(str(doc.path), fsp.line, fsp.column, f"'{first.text}' ({contact})"),),
        )
