"""HTML (.html, .htm): visible text of the body as blocks, positions in the HTML source.

Python's ``html.parser`` reports where each piece of text starts, so every word keeps its line
and column in the file as given. Entities and character references become the characters they
stand for (mapped to the ``&`` that starts them). White space runs count as one space, as a
browser shows them.

Nothing outside the visible text becomes text: script, style, template, iframe, noscript, nav,
footer, head, object, svg and hidden elements (``hidden``, ``aria-hidden="true"``,
``display: none``) are skipped, attributes (event handlers,
``src``, ``href``, ``file:`` URLs) are never read, and nothing is ever fetched.
"""

from __future__ import annotations

import html
import re
from html.entities import html5
from html.parser import HTMLParser
from pathlib import Path

from pipeline.ingest import IngestError, decode
from pipeline.ingest.document import Block, Document
from pipeline.ingest.textmap import TextBuilder, reads_as_heading, spaces_to_blank

SKIP = frozenset(
    "script style template iframe noscript nav footer head title object svg math canvas audio video "
    "select button textarea frameset frame applet".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HEADINGS = {f"h{i}": i for i in range(1, 7)}
# Elements that start and end a block of text.
BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()
)


def read(path: Path, meta: dict) -> Document:
    text, notes = decode(path.read_bytes(), path)
    try:
        blocks = parse_html_range(spaces_to_blank(text), 0, len(text))
    except (AssertionError, ValueError, IndexError) as e:  # html.parser on malformed markup
        raise IngestError(path, f"HTML that cannot be parsed: {e}") from None
    return Document(path=path, id=path.stem, format="html", source=text, blocks=blocks, meta=meta, notes=notes)


def parse_html(source: str) -> list[Block]:
    return parse_html_range(spaces_to_blank(source), 0, len(source))


def parse_html_range(work: str, start: int, end: int) -> list[Block]:
    """Blocks of the HTML in ``work[start:end]``; positions are offsets in ``work``.

    ``work`` is the source with white space already made plain (see ``spaces_to_blank``).
    """
    parser = _Reader(work[start:end], start)
    parser.feed(work[start:end])
    parser.close()
    parser.flush()
    return parser.blocks


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Text a browser does not show (or hides from screen readers as decoration) is not leaflet text."""
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "aria-hidden" and (value or "").strip().lower() == "true":
            return True
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


class _Reader(HTMLParser):
    def __init__(self, fragment: str, base: int):
        super().__init__(convert_charrefs=False)
        self.base = base
        self.fragment = fragment
        starts = [0]
        i = fragment.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = fragment.find("\n", i + 1)
        self.line_starts = starts
        self.blocks: list[Block] = []
        self.tb = TextBuilder()
        self.skip: list[str] = []
        self.stack: list[str] = []  # open block elements
        self.tables: list[list[int]] = []  # [table number, row, column] of open tables
        self.table_count = 0
        self.bold = 0  # open <b>/<strong> elements
        self.plain_chars = 0  # non-space characters of the current block outside bold
        self.last_heading = 1

    def parse_marked_section(self, i, report=1):
        # "<![foo" with an unknown keyword makes the standard parser raise; a browser skips it.
        pos = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = pos  # the failed scan moved the position already
            j = self.rawdata.find(">", i + 3)
            return len(self.rawdata) if j == -1 else j + 1

    def here(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    # --- structure -------------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        if self.skip:
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag in SKIP or _hidden(attrs):
            if tag not in VOID:
                self.tb.space()
                self.skip.append(tag)
            return
        if tag == "br":
            self.tb.space()
            return
        if tag in BLOCK:
            self.flush()
            self.bold = 0  # an unclosed <b> does not make every later paragraph a heading
            if tag == "table":
                self.table_count += 1
                self.tables.append([self.table_count - 1, -1, 0])
            elif tag == "tr" and self.tables:
                self.tables[-1][1] += 1
                self.tables[-1][2] = 0
            if tag not in VOID:
                self.stack.append(tag)
        elif tag in ("img", "input"):
            self.tb.space()
        elif tag in ("b", "strong"):
            self.bold += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in ("b", "strong") and self.bold:
            self.bold -= 1
        if tag in BLOCK and tag in self.stack:
            self.flush()
            while self.stack:
                top = self.stack.pop()
                if top in ("td", "th") and self.tables:
                    self.tables[-1][2] += 1
                if top == "table" and self.tables:
                    self.tables.pop()
                if top == tag:
                    break

    # --- text ------------------------------------------------------------------------------------

    def handle_data(self, data):
        if not self.skip:
            if not self.bold:
                self.plain_chars += len(data) - data.count(" ")
            self.tb.add_flow(data, self.here())

    def handle_entityref(self, name):
        self._reference(f"&{name};", name)

    def handle_charref(self, name):
        self._reference(f"&#{name};", name)

    def _reference(self, ref: str, name: str) -> None:
        if self.skip:
            return
        pos = self.here()
        if not self.bold:
            self.plain_chars += 1
        if ref[1] == "#":
            text = html.unescape(ref)
        else:
            text = html5.get(name + ";")
            if text is None:  # unknown entity: shown as written
                raw = self.fragment[pos - self.base:pos - self.base + len(name) + 2]
                self.tb.add(raw if raw.endswith(";") else raw[:-1], pos)
                return
        if text.isspace() or text in ("\u00a0", "\u200b"):
            self.tb.space()
        else:
            self.tb.insert(spaces_to_blank(text))

    def flush(self) -> None:
        tb = self.tb
        plain = self.plain_chars
        self.plain_chars = 0
        if not len(tb):
            self.tb = TextBuilder()
            return
        self.tb = TextBuilder()
        if not tb.text.strip():
            return
        kind, kw = self.kind()
        if kind == "heading":
            self.last_heading = kw["level"]
        elif kind == "paragraph" and not plain and reads_as_heading(tb.text):
            kind, kw = "heading", {"level": min(6, self.last_heading + 1)}  # <p><b>Wanneer bellen?</b></p>
        self.blocks.append(tb.block(kind, **kw))

    def kind(self) -> tuple[str, dict]:
        for tag in reversed(self.stack):
            if tag in HEADINGS:
                return "heading", {"level": HEADINGS[tag]}
            if tag in ("td", "th"):
                t = self.tables[-1] if self.tables else [0, 0, 0]
                return "table_cell", {"cell": (t[0], max(t[1], 0), t[2])}
            if tag == "li":
                lists = [t for t in self.stack if t in ("ul", "ol", "menu")]
                return "list_item", {"level": max(1, len(lists)), "ordered": bool(lists) and lists[-1] == "ol"}
        return "paragraph", {}
