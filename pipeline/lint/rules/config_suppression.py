"""A leaflint-disable comment that names no rule or category leaflint has: it suppresses nothing.

pass: <!-- leaflint-disable-next-line spelling.unknown-word -->
fail: <!-- leaflint-disable-next-line spelling.unknown-wrod -->
"""

ID = "config.suppression"
LEVEL = "warning"
SCOPE = "corpus"
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    # Reported by the engine while it applies the suppression comments (pipeline.lint.engine).
    return iter(())
