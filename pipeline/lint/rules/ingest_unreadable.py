"""A leaflet that cannot be read or checked: wrong type, broken, empty, too large, id taken, too slow, worker died.

pass: a UTF-8 .txt leaflet with text
fail: a .docx that is not a zip file
"""

from __future__ import annotations

from pipeline.problems import Kind, of_kind

ID = "ingest.unreadable"
LEVEL = "error"
SCOPE = "corpus"
PROBLEMS = (Kind.UNREADABLE,)


def check(corpus, conf, ctx):
    for problem in of_kind(corpus.problems, Kind.UNREADABLE):
        yield problem.finding()
