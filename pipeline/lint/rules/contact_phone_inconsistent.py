"""One contact given two different phone numbers in a leaflet without a brand.

A number belongs to the last contact named before it in its paragraph ("de praktijk", "de
kliniek", "de verloskundige" ...; the list is data in schema/style-language.yaml). A daytime number
beside a separate urgent number (spoed, dienstdoende, 's nachts, buiten kantooruren ...) is normal.

pass: Bel de praktijk overdag op 020-1234567. Buiten kantooruren bel je de praktijk op 06-12345678 (spoed).
fail: Bel de praktijk op 020-1234567. Heb je vragen, bel de praktijk op 020-7654321.
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related
from pipeline.language.leaflet import brand_of
from pipeline.language.phones import find_numbers, owner

ID = "contact.phone-inconsistent"
LEVEL = "warning"
SCOPE = "document"
OPTIONS: dict = {}


def check(doc, conf, ctx):
    if brand_of(doc, ctx.brands)[1]:
        return  # contact.phone-mismatch compares with the brand's numbers instead
    groups: dict[tuple[str, str], list] = {}
    for block in doc.blocks:
        for n in find_numbers(block.text):
            contact, kind = owner(block.text, n.start)
            if not contact:
                continue
            groups.setdefault((contact, kind), []).append((block, n))
    for (contact, kind), uses in groups.items():
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
                message=(f"'{contact}' has two {kind + ' ' if kind else ''}numbers: '{n.text}' here and "
                         f"'{first.text}' at line {fsp.line}"),
                match=n.text, leaflet=doc.id, key=f"{contact}|{n.digits}",
                related=(Related(str(doc.path), fsp.line, fsp.column, f"'{first.text}'"),),
            )
