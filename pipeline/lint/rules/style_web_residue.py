"""Text that came with a web page and does not belong in a leaflet: ratings, bylines, cookie notices.

The phrases are data (schema/residue.yaml): ratings ("Score: 4.6/5 (70 stemmen)"), "Gevraagd
door", "gerelateerde vragen gevonden", share buttons and rows ("Facebook Twitter WhatsApp"), "Lees
ook", cookie notices, link text whose link was lost ("Hier en hier vind je informatiefilms"),
breadcrumbs ("Home > Zwangerschap > Miskraam"), bylines with date or reading time, "Print deze
pagina", "Terug naar boven", "Was deze informatie nuttig?" and footers ("© 2025 X | Disclaimer").
One finding per phrase and line.

pass: Bel de praktijk als je vragen hebt. Lees de bijsluiter van het medicijn.
fail: Score: 4.6/5 (70 stemmen)
fail: Deze website plaatst cookies om de site te verbeteren.
fail: Home > Zwangerschap > Miskraam
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.language.data import residue_phrases

ID = "style.web-residue"
LEVEL = "warning"
SCOPE = "document"
OPTIONS: dict = {}


def check(doc, conf, ctx):
    seen: set[tuple[str, int]] = set()
    for block in doc.blocks:
        for phrase in residue_phrases():
            for m in phrase.regex.finditer(block.text):
                if m.end() == m.start():
                    continue
                span = doc.span(block, m.start(), m.end())
                if (phrase.id, span.line) in seen:
                    continue
                seen.add((phrase.id, span.line))
                yield Diagnostic(
                    path=str(doc.path), line=span.line, column=span.column, end_line=span.end_line,
                    end_column=span.end_column, message=f"web residue: {phrase.text} ('{m.group().strip()}')",
                    match=m.group(), leaflet=doc.id, key=phrase.id,
                )
