"""A waiver whose expiry date has passed: it no longer suppresses the findings it names.

pass: a waiver with expires: 2099-01-01
fail: a waiver with expires: 2020-01-01
"""

from __future__ import annotations

from pipeline import i18n
from pipeline.diagnostic import Diagnostic, Related
from pipeline.i18n import _

ID = "config.expired-waiver"
LEVEL = "warning"
SCOPE = "waivers"


def check(steps, conf, ctx):
    for w in steps.expired:
        what = w.rule + (f" ({w.fact})" if w.fact else "") + (f" '{w.match}'" if w.match else "")
        msg = _("the waiver for {what} in {leaflet} expired on {date}; {n} finding(s) are no longer waived").format(
            what=what, leaflet=w.leaflet, date=i18n.date(w.expires), n=len(w.hits))
        yield Diagnostic(
            path=w.path, line=w.line, column=1, message=msg, leaflet=w.leaflet,
            key=f"{w.rule}|{w.leaflet}|{w.fact or ''}|{w.match or ''}",
            related=tuple(Related(h.path, h.line, h.column, h.message) for h in w.hits[:20]),
        )
