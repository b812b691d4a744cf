"""A typographic slip with a standard Dutch replacement ("10 a 15" -> "10 à 15").

The substitutions are data (``typography`` in schema/style-language.yaml): a pattern whose
group 1 is replaced.

pass: De ingreep duurt 10 à 15 minuten.
fail: De ingreep duurt 10 a 15 minuten.
fail: Het bloedverlies duurt één a twee weken.
fail: Een wond van 2 x 3 cm.
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _
from pipeline.language.data import typography

ID = "typography.substitution"
LEVEL = "warning"
SCOPE = "document"
OPTIONS: dict = {}


def check(doc, conf, ctx):
    for block in doc.blocks:
        text = block.text
        for sub in typography():
            for m in sub.regex.finditer(text):
                s, e = m.span(1)
                # show a little context: the numbers around the slip
                ctx_s = max(0, text.rfind(" ", 0, max(0, m.start() - 1)) + 1)
                ctx_e = text.find(" ", m.end() + 1)
                ctx_e = len(text) if ctx_e == -1 else ctx_e
                fixed = text[ctx_s:s] + sub.replace + text[e:ctx_e]
                span = doc.span(block, s, e)
                yield Diagnostic.at(doc, span, _(sub.text).format(match=text[ctx_s:ctx_e], fixed=fixed),
                                    text[s:e], sub.id).offering(sub.replace, safe=True)
