"""Reader registry: extension -> function(path, meta) -> Document.

Readers are imported on first use, so reading plain text never loads the HTML, pandoc or PDF code.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from pipeline.ingest.document import Document

Reader = Callable[[Path, dict], Document]

# suffix -> module in pipeline.ingest that defines ``read(path, meta)``
READERS = {
    ".txt": "plaintext",
    ".md": "mdreader",
    ".markdown": "mdreader",
    ".html": "htmlreader",
    ".htm": "htmlreader",
    ".docx": "pandocreader",
    ".odt": "pandocreader",
    ".pdf": "pdfreader",
}


def for_suffix(suffix: str) -> Reader | None:
    module = READERS.get(suffix.lower())
    if module is None:
        return None
    return importlib.import_module(f"pipeline.ingest.{module}").read
