"""A baseline entry no longer matches any finding; remove it so the baseline shrinks.

pass: a baseline whose entries all match findings of this run
fail: a baseline entry for a finding that was fixed (or for a rule that no longer exists)
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _

ID = "config.baseline"
LEVEL = "info"
SCOPE = "baseline"


def check(steps, conf, ctx):
    for e in steps.stale:
        yield Diagnostic(
            path=e.baseline, line=e.file_line, column=1, leaflet=e.leaflet, key=e.fingerprint,
            message=_("baseline entry for {rule} in {leaflet} no longer occurs (was line {line}: {message}); "
                      "remove it so the baseline shrinks").format(rule=e.rule, leaflet=e.leaflet, line=e.line,
                                                                 message=e.message[:80]),
        )
