"""The waivers file is broken or does not match its schema; no waiver applies until it is fixed.

pass: a waivers.yaml whose entries have rule, leaflet, reason, reviewer and expires
fail: a waivers.yaml entry without a reviewer
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _
from pipeline.problems import BrokenWaivers

ID = "config.waivers"
LEVEL = "error"
SCOPE = "waivers"


def check(steps, conf, ctx):
    for p in steps.waivers:
        if isinstance(p, BrokenWaivers):
            yield Diagnostic(path=p.path, line=p.line, column=p.column, message=p.cause, key=p.field)
        else:
            yield Diagnostic(path=p.path, line=p.line, column=1, key=f"unknown-rule|{p.rule}",
                             message=_("the waiver names unknown rule '{rule}'; it waives nothing").format(rule=p.rule))
