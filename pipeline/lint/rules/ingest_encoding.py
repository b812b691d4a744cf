"""A text leaflet that is not clean UTF-8: read as Windows-1252, or with stray bytes read so.

A file saved as UTF-8 with one byte from elsewhere (an "é" pasted from an old Word file) used to
be read as Windows-1252 as a whole without a word, turning every "ë" into "Ã«". Now the stray
bytes alone are read as Windows-1252, and this warning names the first one with its line, so a
reviewer can check the word and save the file as UTF-8.

pass: a .txt leaflet saved as UTF-8
fail: a UTF-8 .txt leaflet with one byte 0xE9 (an "é" in Windows-1252)
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.ingest import EncodingNote

ID = "ingest.encoding"
LEVEL = "warning"
SCOPE = "document"
OPTIONS: dict = {}


def check(doc, conf, ctx):
    for note in doc.notes:
        if isinstance(note, EncodingNote):
            yield Diagnostic(path=str(doc.path), line=note.line, column=note.column, end_line=note.line,
                             end_column=note.column + 1, message=str(note), leaflet=doc.id,
                             key=f"encoding|{note.line}")
