"""A leaflet file that cannot be read: wrong type, broken, empty, too large, duplicate id.

pass: a UTF-8 .txt leaflet with text
fail: a .docx that is not a zip file
"""

ID = "ingest.unreadable"
LEVEL = "error"
SCOPE = "corpus"
OPTIONS: dict = {}


def check(corpus, conf, ctx):
    # The loader records these while reading (pipeline.corpus); the engine stamps their level.
    return iter(())
