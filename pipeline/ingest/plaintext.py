"""Plain text (often copied out of a PDF): paragraphs, hard wraps rejoined. (First cut.)"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.ingest import decode
from pipeline.ingest.document import Block, Document, Segment


def read(path: Path, meta: dict) -> Document:
    text, notes = decode(path.read_bytes(), path)
    blocks = []
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        segs, parts, pos = [], [], 0
        for lm in re.finditer(r"[^\n]+", m.group()):
            line = lm.group().strip()
            if not line:
                continue
            start = m.start() + lm.start() + (len(lm.group()) - len(lm.group().lstrip()))
            if parts:
                parts.append(" ")
                pos += 1
            segs.append(Segment(pos, start, len(line)))
            parts.append(line)
            pos += len(line)
        blocks.append(Block("paragraph", "".join(parts), tuple(segs)))
    return Document(path=path, id=path.stem, format="txt", source=text, blocks=blocks, meta=meta, notes=notes)
