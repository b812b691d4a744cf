"""Reader registry: extension -> function(path, meta) -> Document."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from pipeline.ingest.document import Document

Reader = Callable[[Path, dict], Document]


def for_suffix(suffix: str) -> Reader | None:
    if suffix == ".txt":
        from pipeline.ingest.plaintext import read
        return read
    return None
