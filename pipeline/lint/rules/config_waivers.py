"""The waivers file is broken or does not match its schema; no waiver applies until it is fixed.

pass: a waivers.yaml whose entries have rule, leaflet, reason, reviewer and expires
fail: a waivers.yaml entry without a reviewer
"""

ID = "config.waivers"
LEVEL = "error"
SCOPE = "corpus"
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    # Reported by the engine when it loads the waivers file.
    return iter(())
