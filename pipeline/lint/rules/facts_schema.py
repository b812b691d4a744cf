"""A sidecar or fact file that is broken or does not match its JSON Schema.

pass: a sidecar with region: BE
fail: a sidecar with region: FR
"""

ID = "facts.schema"
LEVEL = "error"
SCOPE = "corpus"
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    # Recorded by the loaders (sidecars in pipeline.corpus, fact files in pipeline.facts);
    # the engine stamps their level.
    return iter(())
