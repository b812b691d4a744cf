"""Markdown (.md, .markdown): block structure from markdown-it, inline markup removed, exact positions.

markdown-it gives the block structure (headings ATX and setext, lists, paragraphs, pipe tables,
block quotes) with the source lines of each block, and the inline tokens of each block in order.
The text of each inline token stands literally in the source (escapes and entities come as
tokens of their own), so the reader walks the source forward from the block's first line and
finds each piece there; what lies between (``**``, ``[``, ``](url)``, ``<!-- -->``, ``&amp;``) is
markup and stays out of the block text. A character decoded from an entity has no source run of
its own and maps to the entity's first character.

Raw HTML blocks are read by the HTML reader over their source range, so a leaflet that mixes
Markdown and HTML keeps its text and positions. YAML front matter is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

from pipeline.ingest import decode
from pipeline.ingest.document import Block, Document
from pipeline.ingest.plaintext import lone_cr_to_lf
from pipeline.ingest.textmap import TextBuilder, reads_as_heading, safe_href, spaces_to_blank

# Inline formatting the renderer keeps (strikethrough is read as text only).
_FORMAT_OPEN = {"strong_open": "strong", "em_open": "emph", "s_open": ""}
_FORMAT_CLOSE = frozenset(("strong_close", "em_close", "s_close"))
_FRONT_MATTER = re.compile(r"\A---[ ]*\n.*?\n(?:---|\.\.\.)[ ]*(?:\n|\Z)", re.S)

_md: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _md
    if _md is None:
        # text_join would merge escapes and entities into the text around them and hide them.
        _md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
    return _md


def read(path: Path, meta: dict) -> Document:
    text, notes = decode(path.read_bytes(), path)
    blocks = parse_markdown(text)
    return Document(path=path, id=path.stem, format="md", source=text, blocks=blocks, meta=meta, notes=notes)


def parse_markdown(source: str) -> list[Block]:
    """Blocks of a Markdown text; positions are offsets in ``source``."""
    work = spaces_to_blank(lone_cr_to_lf(source))
    m = _FRONT_MATTER.match(work)
    if m:
        # Blank it out, keeping every line end, so line numbers stay those of the file.
        fm = m.group()
        work = re.sub(r"[^\n]", " ", fm) + work[len(fm):]
    tokens = _parser().parse(work)
    line_starts = [0]
    i = work.find("\n")
    while i != -1:
        line_starts.append(i + 1)
        i = work.find("\n", i + 1)
    return _Walker(work, line_starts).run(tokens)


@dataclass
class _Open:
    """The block structure open at a token: heading, lists, list item, table position."""

    lists: list[bool] = field(default_factory=list)  # open lists, True = ordered
    heading_level: int = 0
    in_item: int = 0
    table: int = -1
    row: int = -1
    col: int = 0
    in_cell: bool = False
    header: bool = False

    def update(self, t: str, tag: str) -> bool:
        """Follow an opening or closing token of type ``t``; False when ``t`` is none of them."""
        if t == "heading_open":
            self.heading_level = int(tag[1])
        elif t == "heading_close":
            self.heading_level = 0
        elif t in ("bullet_list_open", "ordered_list_open"):
            self.lists.append(t == "ordered_list_open")
        elif t in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif t in ("list_item_open", "list_item_close"):
            self.in_item += 1 if t == "list_item_open" else -1
        elif t == "table_open":
            self.table, self.row = self.table + 1, -1
        elif t == "tr_open":
            self.row, self.col = self.row + 1, 0
        elif t == "table_close":
            self.row = -1
        elif t in ("th_open", "td_open"):
            self.in_cell, self.header = True, t == "th_open"
        elif t in ("th_close", "td_close"):
            self.col += 1
            self.in_cell = False
        else:
            return False
        return True

    def item(self) -> dict | None:
        """The list-item attributes of text inside an open list item, or None."""
        if self.in_item and self.lists:
            return {"level": len(self.lists), "ordered": self.lists[-1]}
        return None


class _Walker:
    def __init__(self, work: str, line_starts: list[int]):
        self.work = work
        self.line_starts = line_starts
        self.blocks: list[Block] = []
        self.used = 0  # offset up to which the source has been read
        self.last_heading = 1

    def offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.work)

    def run(self, tokens) -> list[Block]:
        at = _Open()
        for tok in tokens:
            t = tok.type
            if at.update(t, tok.tag):
                if t == "heading_open":
                    self.last_heading = at.heading_level
            elif t == "inline":
                self.inline_block(tok, at)
            elif t in ("code_block", "fence"):
                self.code_block(tok, at)
            elif t == "html_block":
                self.html(self.offset(tok.map[0]), self.offset(tok.map[1]))
        return self.blocks

    def inline_block(self, tok, at: _Open) -> None:
        """The block of an inline token: heading, table cell, list item, bold heading or paragraph."""
        # Never look before what earlier blocks used: table cells of one row share a line map.
        start = max(self.offset(tok.map[0]) if tok.map else 0, self.used)
        end = self.offset(tok.map[1]) if tok.map else len(self.work)
        tb = TextBuilder()
        self.used = max(self.used, self.inline(tok.children or [], start, end, tb))
        if not tb.text.strip():
            return
        item = at.item()
        if at.heading_level:
            self.blocks.append(tb.block("heading", level=at.heading_level))
        elif at.in_cell:
            self.blocks.append(tb.block("table_cell", cell=(at.table, at.row, at.col), header=at.header))
        elif item is not None:
            self.blocks.append(tb.block("list_item", **item))
        elif _all_strong(tok.children or []) and reads_as_heading(tb.text):
            # "**Wanneer bellen?**" alone: a heading made with bold
            self.blocks.append(tb.block("heading", level=min(6, self.last_heading + 1)))
        else:
            self.blocks.append(tb.block("paragraph"))

    def code_block(self, tok, at: _Open) -> None:
        """An indented or fenced code block: its words as a paragraph (or list item)."""
        first = tok.map[0] + (1 if tok.type == "fence" else 0)
        tb = TextBuilder()
        self.words(tok.content, self.offset(first), self.offset(tok.map[1]), tb)
        if tb.text.strip():
            item = at.item()
            self.blocks.append(tb.block("list_item", **item) if item is not None else tb.block("paragraph"))

    def html(self, start: int, end: int) -> None:
        from pipeline.ingest.htmlreader import parse_html_range

        self.blocks.extend(parse_html_range(self.work, start, min(end, len(self.work))))

    # --- inline ---------------------------------------------------------------------------------

    def inline(self, children, cursor: int, end: int, tb: TextBuilder) -> int:
        """Add the text of inline tokens to ``tb``; returns the offset read up to."""
        for c in children:
            cursor = self.inline_token(c, cursor, end, tb)
        return cursor

    def inline_token(self, c, cursor: int, end: int, tb: TextBuilder) -> int:
        t, work = c.type, self.work
        if t == "text":
            return self.text(c.content, cursor, end, tb)
        if t == "text_special":
            return self.special(c, cursor, end, tb)
        if t == "code_inline":
            return self.code_span(c, cursor, end, tb)
        if t in ("softbreak", "hardbreak"):
            nl = work.find("\n", cursor, end)
            tb.space()
            return nl + 1 if nl != -1 else cursor
        if t == "html_inline":
            pos = work.find(c.content, cursor, end)
            return pos + len(c.content) if pos != -1 else cursor
        if t == "link_open":
            pos = work.find("<" if c.markup == "autolink" else "[", cursor, end)
            href = safe_href(str(c.attrGet("href") or ""))
            tb.open("link" if href else "", href)  # a relative link: text only
            return pos + 1 if pos != -1 else cursor
        if t == "link_close":
            tb.close()
            return _skip_link_tail(work, cursor, end, c.markup == "autolink")
        if t in _FORMAT_OPEN:
            tb.open(_FORMAT_OPEN[t])
        elif t in _FORMAT_CLOSE:
            tb.close()
        elif t == "image":
            pos = work.find("![", cursor, end)
            if pos != -1:
                return _skip_link_tail(work, _match_bracket(work, pos + 1, end) - 1, end, False)
        return cursor

    def special(self, c, cursor: int, end: int, tb: TextBuilder) -> int:
        """An escape or entity: the escaped character maps to its source, a decoded one is inserted."""
        pos = self.work.find(c.markup, cursor, end)
        if c.info == "escape" and pos != -1:
            tb.add(c.content, pos + 1)
        elif c.content.isspace():
            tb.space()
        else:
            tb.insert(spaces_to_blank(c.content))
        return pos + len(c.markup) if pos != -1 else cursor

    def code_span(self, c, cursor: int, end: int, tb: TextBuilder) -> int:
        pos = self.work.find(c.markup, cursor, end)
        if pos != -1:
            cursor = pos + len(c.markup)
        close = _closing_run(self.work, c.markup, cursor, end)  # the content lies before it
        cursor = self.text(c.content, cursor, close, tb)
        return close + len(c.markup) if close < end else cursor

    def text(self, content: str, cursor: int, end: int, tb: TextBuilder) -> int:
        if not content:
            return cursor
        pos = self.work.find(content, cursor, end)
        if pos != -1:
            after = pos + len(content)
            if tb.ends_with_space or not len(tb):
                # markup between two spaces ("a <!-- x --> b") must not leave a double space
                stripped = content.lstrip(" ")
                pos += len(content) - len(stripped)
                content = stripped
            tb.add(content, pos)
            return after
        return self.words(content, cursor, end, tb)

    def words(self, content: str, cursor: int, end: int, tb: TextBuilder) -> int:
        """Align ``content`` word by word (code spans and table cells change white space)."""
        work = self.work
        for i, word in enumerate(content.split()):
            if i or content[:1].isspace():
                tb.space()
            pos = work.find(word, cursor, end)
            if pos == -1:
                tb.insert(word)
            else:
                tb.add(word, pos)
                cursor = pos + len(word)
        if content[-1:].isspace():
            tb.space()
        return cursor


def _closing_run(work: str, markup: str, cursor: int, end: int) -> int:
    """Where the backtick run that closes a code span opened with ``markup`` starts (a run of exactly
    that length), or ``end``."""
    m = re.compile(rf"(?<!`){re.escape(markup)}(?!`)").search(work, cursor, end)
    return m.start() if m else end


def _all_strong(children) -> bool:
    """Inline content that is bold from start to end (only white space outside ``**``)."""
    depth = 0
    seen = False
    for c in children:
        t = c.type
        if t == "strong_open":
            depth += 1
        elif t == "strong_close":
            depth -= 1
        elif t in ("softbreak", "hardbreak"):
            continue
        elif depth == 0 and (t != "text" or c.content.strip()):
            return False
        else:
            seen = seen or depth > 0
    return seen


def _match_bracket(work: str, pos: int, end: int) -> int:
    """Offset just after the ``]`` that closes the ``[`` at ``pos``."""
    depth = 0
    i = pos
    while i < end:
        ch = work[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return end


def _skip_link_tail(work: str, cursor: int, end: int, autolink: bool) -> int:
    """Move past ``](destination "title")``, ``][ref]``, ``]`` or the ``>`` of an autolink."""
    if autolink:
        pos = work.find(">", cursor, end)
        return pos + 1 if pos != -1 else cursor
    pos = work.find("]", cursor, end)
    if pos == -1:
        return cursor
    i = pos + 1
    if i < end and work[i] == "(":
        depth = 0
        quote = ""
        while i < end:
            ch = work[i]
            if ch == "\\":
                i += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'" and work[i - 1] in " \n":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return end
    if i < end and work[i] == "[":
        close = work.find("]", i, end)
        return close + 1 if close != -1 else i
    return i
