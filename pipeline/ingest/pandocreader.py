"""Word (.docx) and OpenDocument (.odt) leaflets, read through pandoc's JSON AST.

These formats have no lines, so ``Document.source`` is a locator text built here: one line per
block in document order (headings, paragraphs, list items, table cells, footnotes after the
block that cites them). A position is then "block N, character M": line = block number,
column = character in the block. ``Document.line_based`` is False.

The file is checked before pandoc sees it: it must be a zip archive holding the part the format
needs, and must not unpack to an absurd size (zip bomb). Old binary Word files (.doc renamed to
.docx) and password-protected files are named as such.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pipeline.i18n import _
from pipeline.ingest import IngestError
from pipeline.ingest.document import Document, identity_block
from pipeline.ingest.pandoc_ast import PandocError, TextBlock, run_pandoc, stringify, text_blocks
from pipeline.ingest.textmap import spaces_to_blank

FORMATS = {".docx": ("docx", "word/document.xml", "Word"), ".odt": ("odt", "content.xml", "OpenDocument")}
MAX_UNPACKED = 300_000_000  # bytes; a leaflet unpacks to a few MB at most
MAX_RATIO = 200  # compressed -> unpacked; XML compresses well, bombs far better

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read(path: Path, meta: dict) -> Document:
    fmt, main_part, name = FORMATS[path.suffix.lower()]
    _check_container(path, fmt, main_part, name)
    try:
        ast = run_pandoc(path, fmt)
    except PandocError as e:
        raise IngestError(path, str(e)) from None
    lines: list[str] = []
    kinds = []
    for tb in _with_title(path, fmt, ast):
        text = " ".join(spaces_to_blank(tb.text).split())
        if not text:
            continue
        lines.append(text)
        kinds.append(tb)
    source = "\n".join(lines)
    blocks = []
    offset = 0
    for text, tb in zip(lines, kinds):
        kw = {"level": tb.level, "ordered": tb.ordered, "header": tb.header,
              "inlines": tb.inlines if text == tb.text else ()}  # positions hold only on the same text
        if tb.cell is not None:
            kw["cell"] = tb.cell
        blocks.append(identity_block(tb.kind, text, offset, **kw))
        offset += len(text) + 1
    return Document(path=path, id=path.stem, format=fmt, source=source, blocks=blocks, meta=meta,
                    line_based=False)


def _check_container(path: Path, fmt: str, main_part: str, name: str) -> None:
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as e:
        raise IngestError(path, _("cannot read file: {cause}").format(cause=e.strerror or e)) from None
    if head == _OLE_MAGIC:
        raise IngestError(path, _("not a {name} file but an old binary Office file (.doc) or a password-protected "
                                  "one; save it as .{fmt} without a password").format(name=name, fmt=fmt))
    if not zipfile.is_zipfile(path):
        raise IngestError(path, _("not a {name} file: a .{fmt} is a zip archive and this is not one").format(name=name, fmt=fmt))
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if main_part not in names:
                raise IngestError(path, _("not a {name} file: the zip archive has no {part}").format(name=name, part=main_part))
            unpacked = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if any(i.flag_bits & 0x1 for i in infos):
                raise IngestError(path, _("the archive is encrypted"))
    except zipfile.BadZipFile as e:
        raise IngestError(path, _("broken zip archive: {cause}").format(cause=e)) from None
    if unpacked > MAX_UNPACKED or (unpacked > 10_000_000 and unpacked / packed > MAX_RATIO):
        raise IngestError(path, _("unpacks to {unpacked} bytes from {packed}: refused as a possible zip bomb").format(unpacked=unpacked, packed=packed))


def _with_title(path: Path, fmt: str, ast: dict):
    """Pandoc moves paragraphs styled Title/Subtitle in a .docx to metadata; put them back in the text."""
    front = []
    if fmt == "docx":
        meta = ast.get("meta") or {}
        styled = _docx_title_styles(path)
        for key, kind, level in (("title", "heading", 1), ("subtitle", "paragraph", 0)):
            if key in styled and key in meta:
                text = _meta_text(meta[key])
                if text:
                    front.append((kind, text, level))
    for kind, text, level in front:
        yield TextBlock(kind, text, level=level)
    yield from text_blocks(ast.get("blocks") or [])


def _meta_text(value: dict) -> str:
    t = value.get("t")
    if t == "MetaInlines":
        return stringify(value["c"])
    if t == "MetaString":
        return value["c"]
    if t == "MetaBlocks":
        return " ".join(tb.text for tb in text_blocks(value["c"]))
    return ""


_STYLE = re.compile(r'<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"', re.S)


def _docx_title_styles(path: Path) -> set[str]:
    """Which of title/subtitle the body uses as paragraph style (style names, not localized ids)."""
    try:
        with zipfile.ZipFile(path) as z:
            styles = z.read("word/styles.xml").decode("utf-8", "replace") if "word/styles.xml" in z.namelist() else ""
            body = z.read("word/document.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return set()
    ids = {"Title": "title", "Subtitle": "subtitle"}
    for style_id, style_name in _STYLE.findall(styles):
        if style_name.lower() in ("title", "subtitle"):
            ids[style_id] = style_name.lower()
    used = set()
    for style_id in set(re.findall(r'<w:pStyle w:val="([^"]+)"', body)):
        if style_id in ids:
            used.add(ids[style_id])
    return used
