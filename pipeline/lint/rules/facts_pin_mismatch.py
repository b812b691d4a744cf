"""A reviewer's pin that sets a value the text does not state, so the wrong text is still published.

A pin in the leaflet's sidecar corrects what the rules compare; when its value disagrees with
what the text says (the intervals do not overlap, or a pinned text such as a phone number has
other digits), the readers still get the text. The finding stays until the text is corrected or
the pin waives the fact with a reason (``waive: ...``). A pin that only narrows or confirms the
stated value, sets qualifiers, or adds a fact extraction missed is no mismatch.

pass: the text says "tot 16 weken" and the pin says value: 16
pass: the text says "tot 20 weken", the pin says value: 16 and waive: "typo confirmed, reprint ordered"
fail: the text says "tot 24 weken" and the pin says value: 16
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.facts.topics import catalog_for_fact
from pipeline.facts.compare import pin_mismatch
from pipeline.facts.model import value_text
from pipeline.fix import restate_fact
from pipeline.i18n import _
from pipeline.lint.rules._facts_text import label

ID = "facts.pin-mismatch"
LEVEL = "error"
SCOPE = "corpus"
CROSS_LEAFLET = True  # reads corpus.facts only (pinned facts keep the stated value in `original`)
OPTIONS: dict = {}


def _text_says(f) -> str:
    if f.stated:
        return f.stated
    o = f.original or {}
    if f.text is not None:
        return str(o.get("text", ""))
    return value_text(o.get("min"), o.get("max"), None, o.get("unit", f.unit), False, None)


def check(corpus, conf, ctx):
    for lid in corpus.focused():
        for f in corpus.facts[lid]:
            if f.waived or not pin_mismatch(f):
                continue
            pinned = f.text if f.text is not None else value_text(f.min, f.max, None, f.unit, f.approx, None)
            yield Diagnostic(
                path=f.path, line=f.line, column=f.column, end_line=f.end_line, end_column=f.end_column,
                message=_("{fact}: the text says {text}, the pin {pin}; correct the text or waive the fact").format(
                    fact=label(f.key, catalog_for_fact(f, getattr(ctx, "config", None))), text=_text_says(f), pin=pinned),
                match=f.match, fact=f.key, leaflet=lid, key=f"{f.key}|pin",
            ).offering(pinned if f.text is not None else restate_fact(f, f.min, f.max))
