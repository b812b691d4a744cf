"""A leaflint-disable comment that names no rule or category leaflint has: it suppresses nothing.

pass: <!-- leaflint-disable-next-line spelling.unknown-word -->
fail: <!-- leaflint-disable-next-line spelling.unknown-wrod -->
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _

ID = "config.suppression"
LEVEL = "warning"
SCOPE = "suppressions"


def check(steps, conf, ctx):
    for s in steps.suppressions:
        yield Diagnostic(
            path=s.path, line=s.line, column=s.column, leaflet=s.leaflet, match=s.name, key=f"unknown|{s.name}",
            message=_("the disable comment names unknown rule '{name}'; it suppresses nothing").format(name=s.name))
