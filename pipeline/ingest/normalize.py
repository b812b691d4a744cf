"""The normalized document as Markdown: what leaflint understood of a leaflet, in one readable file.

YAML front matter names the leaflet (id, source path, format, sha256 of the file as given,
title/region/language from the sidecar); the body shows every block once, in order: headings as
``#``, list items as ``-``/``1.`` (nested by level), table cells as pipe tables, paragraphs.
Block text is written as ingest read it (hard wraps rejoined, markup removed), so every sentence
of the source appears exactly once. Characters that Markdown would read as markup are escaped
with a backslash, so reading the file back gives the same block texts (a test checks this).
"""

from __future__ import annotations

import hashlib
import re

from pipeline.ingest.document import Block, Document
from pipeline.yamlio import dump_yaml

# A paragraph starting like this would turn into another block kind when the Markdown is read.
_BLOCK_START = re.compile(r">|(?:#{1,6}|[-+*]|=+|-+)(?= |$)|(\d{1,9})[.)](?= |$)")
# Inline markup: emphasis, code, links, raw HTML, entities, escapes.
_INLINE = re.compile(r"[\\`*_\[\]~]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)")
_LIST_INDENT = "    "


def to_markdown(doc: Document) -> str:
    """Markdown with YAML front matter for ``doc`` (see module docstring)."""
    body: list[str] = []
    blocks = doc.blocks
    i, n = 0, len(blocks)
    numbering = _ListNumbering()
    prev_kind = ""
    while i < n:
        b = blocks[i]
        if b.kind == "table_cell":
            j = _table_end(blocks, i)
            body.append(_table(blocks[i:j]))
            prev_kind, i = "table", j
            continue
        if b.kind == "list_item":
            line = numbering.item(b, continues=prev_kind == "list_item")
            if prev_kind == "list_item":
                body[-1] = body[-1].rstrip("\n") + "\n" + line
            else:
                body.append(line)
        elif b.kind == "heading":
            body.append(_heading(b))
        else:
            body.append(_escape_block(b.text) + "\n")
        prev_kind = b.kind
        i += 1
    return "".join(["---\n", _front_matter(doc), "---\n", "\n", "\n".join(body)])


def _table_end(blocks: list[Block], i: int) -> int:
    """Index after the run of table cells of the same table that starts at ``i``."""
    table = blocks[i].cell[0] if blocks[i].cell else None
    if table is None:
        return i + 1
    j = i
    while j < len(blocks) and blocks[j].kind == "table_cell" and blocks[j].cell and blocks[j].cell[0] == table:
        j += 1
    return j


class _ListNumbering:
    """List item lines: nested one level at a time, ordered items numbered per level."""

    def __init__(self) -> None:
        self.counters: dict[int, int] = {}
        self.depth = 0

    def item(self, b: Block, continues: bool) -> str:
        """The Markdown line of list item ``b``; ``continues`` when the block before was an item too."""
        if not continues:
            self.depth = 0
            self.counters.clear()
        level = min(max(1, b.level), self.depth + 1)  # Markdown nests one level at a time
        self.depth = level
        for deeper in [k for k in self.counters if k > level]:
            del self.counters[deeper]
        if b.ordered:
            self.counters[level] = self.counters.get(level, 0) + 1
            marker = f"{self.counters[level]}. "
        else:
            self.counters.pop(level, None)
            marker = "- "
        return _LIST_INDENT * (level - 1) + marker + _escape_block(b.text) + "\n"


def _heading(b: Block) -> str:
    text = _escape_inline(b.text)
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # not a closing sequence
    return "#" * max(1, min(6, b.level or 1)) + " " + text + "\n"


def _front_matter(doc: Document) -> str:
    data: dict = {"id": doc.id, "source": str(doc.path), "format": doc.format}
    digest = _sha256(doc)
    if digest:
        data["sha256"] = digest
    title = doc.meta.get("title")
    if title:
        data["title"] = str(title)
    data["region"] = doc.region
    data["language"] = doc.language
    if doc.notes:
        data["notes"] = [str(n) for n in doc.notes]  # plain text: a note may carry its place
    return dump_yaml(data)


def _sha256(doc: Document) -> str:
    try:
        h = hashlib.sha256()
        with open(doc.path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return ""


def _table(cells: list[Block]) -> str:
    rows: dict[int, dict[int, str]] = {}
    for k, c in enumerate(cells):
        r, col = (c.cell[1], c.cell[2]) if c.cell else (k, 0)
        rows.setdefault(r, {})[col] = _escape_inline(c.text).replace("|", "\\|")
    width = max(max(cols) + 1 for cols in rows.values())
    lines = []
    for k, r in enumerate(sorted(rows)):
        cols = rows[r]
        lines.append("| " + " | ".join(cols.get(c, "") for c in range(width)) + " |")
        if k == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines) + "\n"


def _escape_inline(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + m.group(), text)


def _escape_block(text: str) -> str:
    """Escape inline markup and a start that would make the paragraph a heading, list or rule."""
    text = _escape_inline(text)
    m = _BLOCK_START.match(text)
    if m:
        if m.group(1):  # "2. " -> "2\. "
            k = m.end(1)
            return text[:k] + "\\" + text[k:]
        return "\\" + text
    return text
