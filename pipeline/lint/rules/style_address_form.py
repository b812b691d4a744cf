"""A leaflet that addresses the reader both informally (je, jij, jouw) and formally (u, uw).

One finding per leaflet, at the first use of the less frequent form, with every use of that form
as related locations. Pronouns inside quotation marks (quoted speech) do not count. The word lists
are data (``address_form`` in schema/style-language.yaml).

pass: Je krijgt een echo. Neem contact op met je verloskundige.
fail: Je krijgt een echo. Heeft u vragen, bel dan uw verloskundige.
"""

from __future__ import annotations

import re

from pipeline.diagnostic import Diagnostic, Related
from pipeline.i18n import _
from pipeline.language.data import style
from pipeline.text import words

ID = "style.address-form"
LEVEL = "warning"
SCOPE = "document"
OPTIONS = {"min_minority": (int, 1)}

# quoted speech: an opening quote after a space or the start, a closing quote before a non-letter
_QUOTED = re.compile(r"(?:(?<=\s)|^)[‘'“\"„][^‘'“”\"’\n]{1,120}[’'”\"](?!\w)")


def _forms():
    d = style()["address_form"]
    informal = {w.lower() for w in d["informal"] if " " not in w}
    formal = {w.lower() for w in d["formal"] if " " not in w}
    return informal, formal


def uses(doc):
    """(form, block, start, end, word) for every address pronoun outside quotations."""
    informal, formal = _forms()
    out = []
    for block in doc.blocks:
        text = block.text
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        for s, e in words(text):
            w = text[s:e].lower()
            form = "informal" if w in informal else "formal" if w in formal else None
            if form is None or any(a <= s < b for a, b in quoted):
                continue
            if w == "u" and re.search(r"\d\s*$", text[:s]):
                continue  # "24 u": hours, not the reader
            out.append((form, block, s, e, text[s:e]))
    return out


def check(doc, conf, ctx):
    found = uses(doc)
    by = {"informal": [u for u in found if u[0] == "informal"], "formal": [u for u in found if u[0] == "formal"]}
    if not by["informal"] or not by["formal"]:
        return
    # the minority form; on a tie, the form that appears last in the leaflet first
    if len(by["informal"]) != len(by["formal"]):
        minority = min(by, key=lambda k: len(by[k]))
    else:
        minority = "formal" if found.index(by["formal"][0]) > found.index(by["informal"][0]) else "informal"
    if len(by[minority]) < conf["min_minority"]:
        return
    majority = "formal" if minority == "informal" else "informal"
    name = {"informal": "je/jij/jouw", "formal": "u/uw"}
    locs = []
    for _kind, block, s, e, w in by[minority]:
        sp = doc.span(block, s, e)
        locs.append((sp, w))
    first, w0 = locs[0]
    words_used = sorted({w.lower() for _, w in locs})
    yield Diagnostic(
        path=str(doc.path), line=first.line, column=first.column, end_line=first.end_line,
        end_column=first.end_column,
        message=_("the leaflet mixes forms of address: mostly '{majority}' ({n}×), but '{minority}' {m}× "
                  "({words}); use one form").format(majority=name[majority], n=len(by[majority]),
                                                    minority=name[minority], m=len(by[minority]),
                                                    words=", ".join(words_used[:4])),
        match=w0, leaflet=doc.id, key=f"{minority}",
        related=tuple(Related(str(doc.path), sp.line, sp.column, f"'{w}'", sp.end_line, sp.end_column)
                      for sp, w in locs),
    )
