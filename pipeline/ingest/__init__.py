"""Ingest: a leaflet file as received -> :class:`Document` with a source map.

``load_document(path, meta, limits)`` picks the reader by extension. Readers never change the
file; problems raise :class:`IngestError` with a message that names the cause.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.i18n import _, number
from pipeline.ingest.document import Block, Document, Segment, Span  # noqa: F401 (re-export)
from pipeline.paths import TEXT_SUFFIXES


class IngestError(Exception):
    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


def decode(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (Word exports).

    Returns the text and notes on what was guessed. NUL bytes (without a UTF-16 byte order mark)
    or many control characters mean a binary file.
    """
    notes = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(path, _("broken UTF-16 text (byte {n})").format(n=e.start)) from None
        notes.append("read as UTF-16")
        return _check_controls(text, path), notes
    if b"\x00" in raw[:65536]:
        raise IngestError(path, _("binary data (NUL bytes): not a text file"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        notes.append("UTF-8 byte order mark removed")
    try:
        return _check_controls(raw.decode("utf-8"), path), notes
    except UnicodeDecodeError as e:
        first = e.start
    text, stray = _utf8_with_stray_bytes(raw, first)
    utf8_chars = 0 if text is None else sum(1 for c in text if ord(c) >= 0x80) - len(stray)
    if utf8_chars <= 0:  # no UTF-8 at all: an old Windows file
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as e:
            raise IngestError(path, _("neither UTF-8 nor Windows-1252 (byte {n})").format(n=e.start)) from None
    notes.append(_encoding_note(raw, stray, whole=utf8_chars <= 0))
    return _check_controls(text, path), notes


class EncodingNote(str):
    """A note on the encoding with the place of the first byte that is not UTF-8 (ingest.encoding)."""

    line: int
    column: int


MAX_STRAY_BYTES = 100  # more bytes that are not UTF-8 than this: the file is Windows-1252 throughout


def _utf8_with_stray_bytes(raw: bytes, first: int) -> tuple[str | None, list[int]]:
    """UTF-8 text with a few stray bytes (a Windows-1252 "é" pasted in) each read as Windows-1252,
    and their offsets; None for the text when there are too many to be strays."""
    parts, stray, i = [raw[:first].decode("utf-8")], [], first
    while True:
        stray.append(i)
        parts.append(raw[i:i + 1].decode("cp1252", errors="replace"))
        i += 1
        try:
            parts.append(raw[i:].decode("utf-8"))
            return "".join(parts), stray
        except UnicodeDecodeError as e:
            if len(stray) >= MAX_STRAY_BYTES:
                return None, stray
            parts.append(raw[i:i + e.start].decode("utf-8"))
            i += e.start


def _encoding_note(raw: bytes, stray: list[int], whole: bool) -> EncodingNote:
    at = stray[0]
    line_start = raw.rfind(b"\n", 0, at) + 1
    byte = raw[at]
    shown = bytes([byte]).decode("cp1252", errors="replace")
    if whole:
        text = _("not UTF-8: read as Windows-1252 (byte 0x{byte:02X} on line {line} as '{char}'); save the file "
                 "as UTF-8")
    else:
        text = _("{count} byte(s) that are not UTF-8, the first 0x{byte:02X} on line {line}: read as "
                 "Windows-1252 '{char}'; check the text there and save the file as UTF-8")
    count = f"{len(stray)}+" if len(stray) >= MAX_STRAY_BYTES else str(len(stray))
    note = EncodingNote(text.format(byte=byte, line=raw.count(b"\n", 0, at) + 1, char=shown, count=count))
    note.line = raw.count(b"\n", 0, at) + 1
    note.column = len(raw[line_start:at].decode("utf-8", errors="replace")) + 1
    return note


_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def _check_controls(text: str, path: Path) -> str:
    """Text files hold few control characters; a file full of them is binary data."""
    sample = text[:65536]
    controls = sum(1 for c in sample if c < " " and c not in _TEXT_CONTROLS)
    if sample and controls > max(8, len(sample) // 100):
        raise IngestError(path, _("binary data ({n} control characters): not a text file").format(n=controls))
    return text


def load_document(path: Path, meta: dict | None = None, limits: dict | None = None) -> Document:
    from pipeline.ingest import readers

    limits = limits or {}
    max_bytes = int(limits.get("max_file_bytes", 25_000_000))
    try:
        size = path.stat().st_size
    except OSError as e:
        raise IngestError(path, _("cannot read file: {cause}").format(cause=e.strerror or e)) from None
    if size > max_bytes:
        raise IngestError(path, _("file is {size} bytes, more than the limit of {limit} (limits.max_file_bytes)").format(size=size, limit=max_bytes))
    if size == 0:
        raise IngestError(path, _("empty file"))
    suffix = path.suffix.lower()
    reader = readers.for_suffix(suffix)
    if reader is None:
        raise IngestError(path, _("unsupported file type '{suffix}'").format(suffix=suffix))
    max_chars = int(limits.get("max_characters", 1_000_000))
    if suffix in TEXT_SUFFIXES and size > 4 * max_chars:  # UTF-8: at most 4 bytes a character
        raise IngestError(path, _("file is {size} bytes: more than {limit} characters, the limit of "
                                  "limits.max_characters").format(size=size, limit=max_chars))
    doc = reader(path, dict(meta or {}))
    _strip_invisible(doc)
    if not any(_has_words(b.text) for b in doc.blocks):
        raise IngestError(path, _("no text found in the leaflet"))
    if not any(_LATIN_LETTER.search(b.text) for b in doc.blocks):
        # text in another script only: not Dutch, or bytes read in the wrong encoding ("\xff\xfe" + Latin-1)
        raise IngestError(path, _("no letter of the Latin alphabet in the text: not Dutch, or read in the wrong encoding"))
    _check_limits(doc, limits)
    for i, b in enumerate(doc.blocks):
        b.index = i
    _assign_sections(doc)
    return doc


_URL = re.compile(r"(?:https?://|www\.)\S", re.I)


def _check_limits(doc: Document, limits: dict) -> None:
    """Per-leaflet bounds a leaflet never reaches, so no stage gets input it would take minutes on."""
    path = doc.path
    max_blocks = int(limits.get("max_blocks", 20_000))
    if len(doc.blocks) > max_blocks:
        raise IngestError(path, _("{count} blocks, more than the limit of {limit} (limits.max_blocks)").format(
            count=number(len(doc.blocks)), limit=number(max_blocks)))
    max_chars = int(limits.get("max_characters", 1_000_000))
    chars = sum(len(b.text) for b in doc.blocks)
    if chars > max_chars:
        raise IngestError(path, _("{count} characters of text, more than the limit of {limit} "
                                  "(limits.max_characters)").format(count=number(chars), limit=number(max_chars)))
    max_urls = int(limits.get("max_urls_per_block", 200))
    for b in doc.blocks:
        if len(_URL.findall(b.text, 0, len(b.text))) > max_urls:
            line, _col = doc.line_col(b.source_offset(0))
            raise IngestError(path, _("a paragraph at line {line} holds more than {limit} web addresses, the "
                                      "limit of limits.max_urls_per_block").format(line=line, limit=number(max_urls)))


def _strip_invisible(doc: Document) -> None:
    """Every check reads the text as printed: invisible characters out, kept in ``doc.hidden``."""
    from pipeline.ingest.invisible import strip_block

    kept = []
    for block in doc.blocks:
        stripped = strip_block(block, doc.source, len(kept))
        if stripped is None:
            kept.append(block)
        elif stripped.text.strip():
            block.inlines = _shift_inlines(block, stripped)
            block.text, block.segments = stripped.text, stripped.segments
            doc.hidden.extend(stripped.removed)
            kept.append(block)
    doc.blocks = kept


def _shift_inlines(block, stripped) -> tuple:
    """The block's bold/italic/link spans over the text without its invisible characters."""
    from pipeline.ingest.document import Inline
    from pipeline.ingest.invisible import new_position
    from pipeline.ingest.textmap import clip_inlines

    old = [h.at + k for k, h in enumerate(stripped.removed)]  # positions in the text before
    return clip_inlines([Inline(new_position(old, i.start), new_position(old, i.end), i.kind, i.href)
                         for i in block.inlines], stripped.text)


_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _assign_sections(doc: Document) -> None:
    current = ""
    for b in doc.blocks:
        if b.kind == "heading":
            current = b.text
            b.section = ""
        else:
            b.section = current
