"""Reader registry: extension -> function(path, meta) -> Document (the file types are
``pipeline.paths.LEAFLET_FORMATS``).

Readers are imported on first use, so reading plain text never loads the HTML, pandoc or PDF code.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from pipeline.ingest.document import Document
from pipeline.paths import LEAFLET_FORMATS

Reader = Callable[[Path, dict], Document]


def for_suffix(suffix: str) -> Reader | None:
    fmt = LEAFLET_FORMATS.get(suffix.lower())
    if fmt is None:
        return None
    return importlib.import_module(f"pipeline.ingest.{fmt.reader}").read
