"""A sidecar or fact file that is broken or does not match its JSON Schema.

pass: a sidecar with region: BE
fail: a sidecar with region: FR
"""

from __future__ import annotations

from pipeline.problems import Kind, of_kind

ID = "facts.schema"
LEVEL = "error"
SCOPE = "corpus"
PROBLEMS = (Kind.SCHEMA,)


def check(corpus, conf, ctx):
    for problem in of_kind(corpus.problems, Kind.SCHEMA):
        yield problem.finding()
