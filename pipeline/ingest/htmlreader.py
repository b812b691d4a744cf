"""HTML (.html, .htm): visible text of the body as blocks, positions in the HTML source.

Python's ``html.parser`` reports where each piece of text starts, so every word keeps its line
and column in the file as given. Entities and character references become the characters they
stand for (mapped to the ``&`` that starts them). White space runs count as one space, as a
browser shows them.

Nothing outside the visible text becomes text: script, style, template, iframe, noscript, nav,
footer, head, object, svg and hidden elements (``hidden``, ``aria-hidden="true"``,
``display: none``) are skipped, attributes (event handlers,
``src``, ``file:`` URLs) are never read, and nothing is ever fetched. Bold, italic and links
(``href`` of ``<a>`` with http(s), mailto or tel only) are kept as inline formatting, and
``<th>`` cells as header cells, for rendering.
"""

from __future__ import annotations

import html
import re
from html.entities import html5
from html.parser import HTMLParser
from pathlib import Path

from pipeline.i18n import _
from pipeline.ingest import IngestError, decode
from pipeline.ingest.document import Block, Document
from pipeline.ingest.textmap import TextBuilder, reads_as_heading, safe_href, spaces_to_blank

SKIP = frozenset(
    "script style template iframe noscript nav footer head title object svg math canvas audio video "
    "select button textarea frameset frame applet".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HEADINGS = {f"h{i}": i for i in range(1, 7)}
FORMATTING = {"b": "strong", "strong": "strong", "i": "emph", "em": "emph", "a": "link"}
MAX_DEPTH = 256  # deeper nesting is not a leaflet; it only makes the reader slow
# Start tags that end an open element of these kinds (an open <p> ends before any block).
_IMPLIED_END = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr", "td", "th"),
                "td": ("td", "th"), "th": ("td", "th")}
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
        raise IngestError(path, _("HTML that cannot be parsed: {cause}").format(cause=e)) from None
    return Document(path=path, id=path.stem, format="html", source=text, blocks=blocks, meta=meta, notes=notes)


def parse_html(source: str) -> list[Block]:
    return parse_html_range(spaces_to_blank(source), 0, len(source))


def parse_html_range(work: str, start: int, end: int) -> list[Block]:
    """Blocks of the HTML in ``work[start:end]``; positions are offsets in ``work``.

    ``work`` is the source with white space already made plain (see ``spaces_to_blank``).
    """
    fragment = _defuse(work[start:end])
    parser = _Reader(fragment, start)
    parser.feed(fragment)
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


# Stands in for a "<" that cannot start a tag; a noncharacter, so never in real text.
_DEFUSED = "\ufdd0"
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _defuse(fragment: str) -> str:
    """Replace each "<" that starts a tag which never closes before the next "<" by ``_DEFUSED``.

    html.parser rescans the rest of the input for every such unclosed tag ("<a <a <a ..."), which
    takes minutes on a hostile file of a few hundred kB. A browser shows such a "<" as text; the
    reader turns ``_DEFUSED`` back into "<" in the text, so text and positions are unchanged.
    """
    starts = [m.start() for m in _TAG_START.finditer(fragment)]
    if not starts:
        return fragment
    closes = [m.start() for m in re.finditer(">", fragment)]
    lts = [m.start() for m in re.finditer("<", fragment)]
    bad = []
    gi = li = 0
    for pos in starts:
        while gi < len(closes) and closes[gi] < pos:
            gi += 1
        while li < len(lts) and lts[li] <= pos:
            li += 1
        next_gt = closes[gi] if gi < len(closes) else None
        next_lt = lts[li] if li < len(lts) else None
        if next_gt is None or (next_lt is not None and next_lt < next_gt and not _in_comment(fragment, pos)):
            bad.append(pos)
    if not bad:
        return fragment
    chars = list(fragment)
    for pos in bad:
        chars[pos] = _DEFUSED
    return "".join(chars)


def _in_comment(fragment: str, pos: int) -> bool:
    # "<!-- a <b> -->" and "<![CDATA[ ... ]]>" may hold "<" before their ">": they are fine.
    return fragment.startswith(("<!--", "<![CDATA["), pos)


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
        self.ctx: list[tuple[str, int, int, bool]] = []  # per open element: kind, level, list depth, ordered
        self.header_cell: list[bool] = []  # per open td/th: a <th>
        self.formatting: list[tuple[str, str, str]] = []  # open <b>/<i>/<a>: (tag, kind, href)
        self.handles: list = []  # the current builder's handles of ``formatting``
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
            self.formatting.clear()  # nor every later paragraph bold
            self._new_builder()
            self._implicit_close(tag)
            if tag == "table":
                self.table_count += 1
                self.tables.append([self.table_count - 1, -1, 0])
            elif tag == "tr" and self.tables:
                self.tables[-1][1] += 1
                self.tables[-1][2] = 0
            if tag not in VOID and len(self.stack) < MAX_DEPTH:
                self._push(tag)
        elif tag in ("img", "input"):
            self.tb.space()
        elif tag in FORMATTING:
            self.bold += tag in ("b", "strong")
            href = safe_href(dict(attrs).get("href") or "") if tag == "a" else ""
            kind = "" if tag == "a" and not href else FORMATTING[tag]
            self.formatting.append((tag, kind, href))
            self.handles.append(self.tb.open(kind, href))

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
        if tag in FORMATTING:
            for i in range(len(self.formatting) - 1, -1, -1):
                if self.formatting[i][0] == tag:
                    del self.formatting[i]
                    self.tb.close(self.handles.pop(i))
                    break
        if tag in BLOCK and tag in self.stack:
            self.flush()
            while self.stack:
                if self._pop() == tag:
                    break

    def _push(self, tag: str) -> None:
        """Open a block element; its context (block kind, list depth) is worked out once, here."""
        kind, level, depth, ordered = self.ctx[-1] if self.ctx else ("paragraph", 0, 0, False)
        if tag in ("ul", "ol", "menu"):
            depth, ordered = depth + 1, tag == "ol"
        elif tag in HEADINGS:
            kind, level = "heading", HEADINGS[tag]
        elif tag in ("td", "th"):
            kind = "table_cell"
            self.header_cell.append(tag == "th")
        elif tag == "li":
            kind, level = "list_item", max(1, depth)
        self.stack.append(tag)
        self.ctx.append((kind, level, depth, ordered))

    def _pop(self) -> str:
        top = self.stack.pop()
        self.ctx.pop()
        if top in ("td", "th") and self.header_cell:
            self.header_cell.pop()
        if top in ("td", "th") and self.tables:
            self.tables[-1][2] += 1
        if top == "table" and self.tables:
            self.tables.pop()
        return top

    def _implicit_close(self, tag: str) -> None:
        """What a browser closes without an end tag: <p> before any block, <li> before <li>, ..."""
        closes = _IMPLIED_END.get(tag, ())
        while self.stack and (self.stack[-1] == "p" or self.stack[-1] in closes):
            self._pop()

    # --- text ------------------------------------------------------------------------------------

    def handle_data(self, data):
        if _DEFUSED in data:
            data = data.replace(_DEFUSED, "<")
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
        if text.isspace() or text == "\u00a0":  # a zero-width space is taken out later (ingest.invisible)
            self.tb.space()
        else:
            self.tb.insert(spaces_to_blank(text))

    def flush(self) -> None:
        tb = self.tb
        plain = self.plain_chars
        self.plain_chars = 0
        self._new_builder()
        if not len(tb):
            return
        if not tb.text.strip():
            return
        kind, kw = self.kind()
        if kind == "heading":
            self.last_heading = kw["level"]
        elif kind == "paragraph" and not plain and reads_as_heading(tb.text):
            kind, kw = "heading", {"level": min(6, self.last_heading + 1)}  # <p><b>Wanneer bellen?</b></p>
        self.blocks.append(tb.block(kind, **kw))

    def _new_builder(self) -> None:
        """A builder for the next block; formatting open across the block boundary goes on in it."""
        self.tb = TextBuilder()
        self.handles = [self.tb.open(kind, href) for _tag, kind, href in self.formatting]

    def kind(self) -> tuple[str, dict]:
        if not self.ctx:
            return "paragraph", {}
        kind, level, _depth, ordered = self.ctx[-1]
        if kind == "heading":
            return kind, {"level": level}
        if kind == "table_cell":
            t = self.tables[-1] if self.tables else [0, 0, 0]
            return kind, {"cell": (t[0], max(t[1], 0), t[2]),
                          "header": bool(self.header_cell and self.header_cell[-1])}
        if kind == "list_item":
            return kind, {"level": level, "ordered": ordered}
        return "paragraph", {}
