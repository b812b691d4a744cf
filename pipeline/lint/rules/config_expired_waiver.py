"""A waiver whose expiry date has passed: it no longer suppresses the findings it names.

pass: a waiver with expires: 2099-01-01
fail: a waiver with expires: 2020-01-01
"""

ID = "config.expired-waiver"
LEVEL = "warning"
SCOPE = "corpus"
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    # Reported by the engine when it applies waivers (pipeline.lint.engine.apply_waivers).
    return iter(())
