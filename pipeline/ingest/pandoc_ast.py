"""Pandoc's JSON AST: running pandoc safely and one small walker over its blocks and inlines.

Pandoc runs as a plain subprocess (not through pypandoc's convert functions, which start three
processes), with ``--sandbox`` (no file or network access beyond the input) and a heap limit, so
a hostile document cannot make it read other files or eat the machine.

``walk(node, action)`` visits every element (a dict with ``"t"``) depth first, like panflute's
``Element.walk``; ``stringify(inlines)`` gives the visible text of inline content; ``text_blocks``
flattens a document into (kind, text, level, ordered, cell) in reading order.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from pipeline.ingest.document import Inline
from pipeline.ingest.textmap import clip_inlines, reads_as_heading, safe_href, spaces_to_blank
from pipeline.paths import file_arg

PANDOC_TIMEOUT = 60  # seconds
PANDOC_HEAP = "512m"

Node = Any  # dict with "t" (and "c"), or a list of them


class PandocError(Exception):
    """Pandoc is missing or could not read the input; the message names the cause."""


def pandoc_path() -> str:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError) as e:
        raise PandocError(f"pandoc is not available ({e})") from None


def run_pandoc(path: Path, from_format: str, timeout: int = PANDOC_TIMEOUT) -> dict:
    """``pandoc -f from_format -t json path`` -> the AST as a dict."""
    # absolute path after "--": no file name can become an option (-d names a defaults file with filters)
    cmd = [pandoc_path(), "+RTS", f"-M{PANDOC_HEAP}", "-RTS", "--sandbox", "-f", from_format, "-t", "json",
           "--", file_arg(path)]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise PandocError(f"pandoc took more than {timeout} s to read it") from None
    except OSError as e:
        raise PandocError(f"cannot run pandoc: {e.strerror or e}") from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        if "Heap exhausted" in " ".join(err):
            raise PandocError(f"pandoc ran out of memory ({PANDOC_HEAP}) reading it")
        raise PandocError(f"pandoc could not read it as {from_format}: {err[0] if err else 'exit code ' + str(proc.returncode)}")
    try:
        return json.loads(proc.stdout)
    except ValueError as e:
        raise PandocError(f"pandoc gave no valid JSON: {e}") from None


def walk(node: Node, action: Callable[[dict], None]) -> None:
    """Call ``action`` on every element under ``node`` (itself included), depth first."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if "t" in n:
                action(n)
            c = n.get("c")
            if isinstance(c, (list, dict)):
                stack.append(c)
        elif isinstance(n, list):
            stack.extend(reversed(n))


_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}
_SPACE = frozenset(("Space", "SoftBreak", "LineBreak"))
_WRAPPERS = frozenset(("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"))
_FORMATS = {"Strong": "strong", "Emph": "emph"}  # formatting the renderer keeps


def stringify(inlines: list, notes: list | None = None) -> str:
    """Visible text of inline content; footnote bodies go to ``notes`` (block lists), not inline."""
    return rich_text(inlines, notes)[0]


Mark = tuple[str, str]  # (kind, href) of Inline


def rich_text(inlines: list, notes: list | None = None) -> tuple[str, tuple[Inline, ...]]:
    """Visible text (white space runs as one space, none at the ends) and its bold, italic and
    links; footnote bodies go to ``notes``."""
    chunks: list[tuple[str, tuple[Mark, ...]]] = []
    _inline_text(inlines, (), chunks, notes)
    out: list[str] = []
    pos = 0
    pending = False
    open_at: dict[Mark, int] = {}
    last_end = 0  # end of the last character that is not white space
    spans: list[Inline] = []
    for text, marks in chunks:
        for ch in spaces_to_blank(text):
            if ch.isspace():
                pending = pos > 0
                continue
            if pending:
                out.append(" ")
                pos += 1
                pending = False
            for m in [m for m in open_at if m not in marks]:
                spans.append(Inline(open_at.pop(m), last_end, *m))
            for m in marks:
                open_at.setdefault(m, pos)
            out.append(ch)
            pos += 1
            last_end = pos
    spans += [Inline(start, last_end, *m) for m, start in open_at.items()]
    text = "".join(out)
    return text, clip_inlines(spans, text)


def _inline_text(inlines: list, marks: tuple[Mark, ...], out: list, notes: list | None) -> None:
    for el in inlines:
        t = el.get("t")
        c = el.get("c")
        if t == "Str":
            out.append((c, marks))
        elif t in _SPACE:
            out.append((" ", marks))
        elif t in _WRAPPERS:
            kind = _FORMATS.get(t)
            _inline_text(c, marks + ((kind, ""),) if kind else marks, out, notes)
        elif t == "Link":
            href = safe_href(c[2][0] if isinstance(c[2], list) and c[2] else "")
            _inline_text(c[1], marks + (("link", href),) if href else marks, out, notes)
        elif t in ("Span", "Cite"):
            _inline_text(c[1], marks, out, notes)
        elif t == "Quoted":
            q = _QUOTES.get(c[0].get("t") if isinstance(c[0], dict) else c[0], ("\"", "\""))
            out.append((q[0], marks))
            _inline_text(c[1], marks, out, notes)
            out.append((q[1], marks))
        elif t in ("Code", "Math"):
            out.append((c[1], marks))
        elif t == "Note":
            if notes is not None:
                notes.append(c)
        # Image, RawInline: no visible text of the document itself


@dataclass
class TextBlock:
    kind: str
    text: str
    level: int = 0
    ordered: bool = False
    cell: tuple[int, int, int] | None = None
    inlines: tuple[Inline, ...] = ()  # bold, italic, links over ``text``
    header: bool = False  # a cell of the table's header rows


def text_blocks(blocks: list) -> Iterator[TextBlock]:
    """The document's text blocks in reading order; footnotes follow the block that cites them."""
    state = {"tables": 0, "heading": 1}
    yield from _blocks(blocks, [], state)


def _blocks(blocks: list, lists: list[bool], state: dict) -> Iterator[TextBlock]:
    for el in blocks:
        t = el.get("t")
        c = el.get("c")
        if t == "Para" and not lists and _all_strong(c):
            notes = []
            text, inlines = rich_text(c, notes)
            if reads_as_heading(text):
                yield TextBlock("heading", text, level=min(6, state["heading"] + 1), inlines=inlines)
                yield from _notes(notes, state)
            else:
                yield from _para(c, lists, state)
        elif t in ("Para", "Plain"):
            yield from _para(c, lists, state)
        elif t == "Header":
            notes: list = []
            state["heading"] = c[0]
            text, inlines = rich_text(c[2], notes)
            yield TextBlock("heading", text, level=c[0], inlines=inlines)
            yield from _notes(notes, state)
        elif t == "BulletList":
            for item in c:
                yield from _blocks(item, lists + [False], state)
        elif t == "OrderedList":
            for item in c[1]:
                yield from _blocks(item, lists + [True], state)
        elif t == "BlockQuote":
            yield from _blocks(c, lists, state)
        elif t == "Div":
            yield from _blocks(c[1], lists, state)
        elif t == "Figure":
            yield from _blocks(c[1][1] or [], lists, state)  # caption
            yield from _blocks(c[2], lists, state)
        elif t == "LineBlock":
            for line in c:
                yield from _para(line, lists, state)
        elif t == "CodeBlock":
            text = " ".join(c[1].split())
            if text:
                yield _item_or_para(text, lists)
        elif t == "DefinitionList":
            for term, definitions in c:
                yield from _para(term, lists, state)
                for d in definitions:
                    yield from _blocks(d, lists, state)
        elif t == "Table":
            yield from _table(c, state)
        # RawBlock, HorizontalRule: nothing to read


def _all_strong(inlines: list) -> bool:
    """A paragraph set in bold from start to end (pseudo-heading)."""
    parts = [el for el in inlines if el.get("t") not in _SPACE]
    return bool(parts) and all(el.get("t") == "Strong" for el in parts)


def _item_or_para(text: str, lists: list[bool], inlines: tuple[Inline, ...] = ()) -> TextBlock:
    if lists:
        return TextBlock("list_item", text, level=len(lists), ordered=lists[-1], inlines=inlines)
    return TextBlock("paragraph", text, inlines=inlines)


def _para(inlines: list, lists: list[bool], state: dict) -> Iterator[TextBlock]:
    notes: list = []
    text, spans = rich_text(inlines, notes)
    if text:
        yield _item_or_para(text, lists, spans)
    yield from _notes(notes, state)


def _notes(notes: list, state: dict) -> Iterator[TextBlock]:
    for body in notes:
        yield from _blocks(body, [], state)


def _table(c: list, state: dict) -> Iterator[TextBlock]:
    _attr, caption, _colspecs, head, bodies, foot = c
    table = state["tables"]
    state["tables"] += 1
    yield from _blocks(caption[1] or [], [], state)
    rows = list(head[1])
    head_rows = len(rows)
    for body in bodies:
        rows.extend(body[2])
        rows.extend(body[3])
    rows.extend(foot[1])
    for r, row in enumerate(rows):
        col = 0
        for cell in row[1]:
            _cattr, _align, _rowspan, colspan, cblocks = cell
            text, inlines = _joined([b for b in _blocks(cblocks, [], state) if b.text])
            if text:
                yield TextBlock("table_cell", text, cell=(table, r, col), inlines=inlines, header=r < head_rows)
            col += max(1, colspan)


def _joined(parts: list[TextBlock]) -> tuple[str, tuple[Inline, ...]]:
    """The texts of a cell's blocks as one line, their inlines moved along."""
    text, inlines = "", []
    for part in parts:
        if text:
            text += " "
        inlines += [Inline(i.start + len(text), i.end + len(text), i.kind, i.href) for i in part.inlines]
        text += part.text
    return text, clip_inlines(inlines, text)
