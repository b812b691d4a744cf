"""A baseline entry no longer matches any finding; remove it so the baseline shrinks.

pass: a baseline whose entries all match findings of this run
fail: a baseline entry for a finding that was fixed (or for a rule that no longer exists)
"""

ID = "config.baseline"
LEVEL = "info"
SCOPE = "corpus"
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    # Reported by the engine when it applies the baseline (pipeline.baseline).
    return iter(())
