"""Plain text, often copied out of a PDF or a web page: paragraphs, lists and headings recovered.

What a .txt leaflet looks like varies: one paragraph per line (web copy), lines hard-wrapped at
a fixed width (PDF copy, with trailing spaces), sentences broken over short lines ("Neem contact
op / met de / dienstdoende"), Markdown-ish markers (``## Belinstructies``, ``- item``), bullets
(•, -, *, –), numbered sections ("2. Medicijnen"). The reader works line by line:

1. classify every line: blank, text, bullet, numbered, ATX heading, rule/underline;
2. join lines into units: a line continues the one before when that one has no end punctuation
   and the next starts lower-case (even across one blank line), when the text is hard-wrapped and
   the line before is full, when it is indented under a list item, or when the line before ends
   in a word broken by a hyphen; blank lines around a page break (form feed) do not count;
3. indented one-line units in a row are list items whose bullets were lost in the copy;
4. decide which single-line units are headings: ALL-CAPS titles, numbered section lines followed
   by prose, question lines, lines ending in ":" or ";" that introduce a list, and short lines
   without end punctuation that are followed by more text (not contact details or data, and not
   the button, link or logo text of a scraped page, which stays a paragraph of its own).

Markers (bullets, list numbers, ``#``, underlines) are left out of the block text; every other
character of the file is in exactly one block, at its exact source position. ``parse_text`` is
reused for the text layer of PDFs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline.ingest import decode
from pipeline.ingest.document import Block, Document
from pipeline.ingest.textmap import TextBuilder, spaces_to_blank
from pipeline.text import split_sentences

BLANK, TEXT, BULLET, NUMBER, ATX, RULE = range(6)

# A bullet sign; the typographic ones need no space after them, ASCII ones do (-5 °C, *nieuw*).
# Private-use U+F0B7/U+F0A7/U+F076/U+F0D8 are Word's Symbol/Wingdings bullets as they come out of a copy.
BULLET_SIGNS = "•·▪◦‣●○■□➢►✓✔❖⁃→▸➔▶◆◇★☐☑\uf0b7\uf0a7\uf076\uf0d8"
_BULLET = re.compile(r"(?:[" + BULLET_SIGNS + r"]|[-*+–—](?= ))\s*")
_NUMBER = re.compile(r"(?:\d{1,3}[.)]|[a-z]\))(?= )\s*")
_ATX = re.compile(r"(#{1,6})(?: +|$)")
_ATX_CLOSE = re.compile(r"(?:^| +)#+ *$")
_RULE = re.compile(r"([-=*_])(?: *\1){2,} *$")
_END_PUNCT = ".!?:;…"
_HYPHENS = "\u2010\u00ad"
# A table row, an e-mail or web address, a label with a number: contact details or data, not a title.
_NOT_IN_TITLES = re.compile(r"[|@]|www\.|://|:\s*\S*\d")  # "Telefoon: 06-...", "Bijgewerkt: 12 maart"
_BARE_LINK = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# After "zwangerschaps-" at a line end these words mean the hyphen stands for a left-out part.
_ELLIPSIS_WORDS = frozenset("en of tot noch als maar dan en/of".split())
_LONE_CR = re.compile(r"\r(?!\n)")
_CLOSERS = "\"'”’»)]"

# Heading thresholds (characters / words): a heading is a title, not a sentence.
_SHORT_HEADING_CHARS = 70
_SHORT_HEADING_WORDS = 10
_QUESTION_HEADING_CHARS = 120
_INTRO_HEADING_CHARS = 100
_CAPS_HEADING_CHARS = 120


class _Line:
    __slots__ = ("kind", "start", "end", "cstart", "line_start", "level", "setext")

    def __init__(self, kind, start, end, cstart, line_start, level=0, setext=0):
        self.kind = kind
        self.start = start  # first non-space character (marker included)
        self.end = end  # after the last non-space character
        self.cstart = cstart  # first character of the content after a marker
        self.line_start = line_start
        self.level = level  # ATX heading level
        self.setext = setext  # 1 or 2 when the line could underline a heading


class _Unit:
    __slots__ = ("kind", "lines", "heading", "level", "ordered", "htype")

    def __init__(self, kind: int, lines: list[int]):
        self.kind = kind
        self.lines = lines
        self.heading = False
        self.level = 0
        self.ordered = False
        self.htype = ""


def read(path: Path, meta: dict) -> Document:
    text, notes = decode(path.read_bytes(), path)
    blocks = parse_text(text)
    return Document(path=path, id=path.stem, format="txt", source=text, blocks=blocks, meta=meta, notes=notes)


def parse_text(source: str, skip_lines: frozenset[int] = frozenset()) -> list[Block]:
    """Blocks of a plain text; positions are offsets in ``source``.

    ``skip_lines`` (0-based line numbers) are read as blank: page furniture of a PDF text layer.
    """
    work = spaces_to_blank(lone_cr_to_lf(source))
    lines = _classify(work)
    for i in skip_lines:
        if 0 <= i < len(lines):
            ln = lines[i]
            lines[i] = _Line(BLANK, ln.end, ln.end, ln.end, ln.line_start)
    page_starts = _page_starts(source, lines) if "\f" in source else None
    wrap = _wrap_width(lines)
    units = _join(work, lines, wrap, page_starts)
    _find_headings(work, lines, units)
    return _blocks(work, lines, units)


def lone_cr_to_lf(source: str) -> str:
    """Old Mac files end lines with a bare CR: lines for the structure, same length for positions.

    ``Document.line_col`` still counts LF only, so such a file reports everything on line 1.
    """
    return _LONE_CR.sub("\n", source) if "\r" in source else source


def _classify(work: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    n = len(work)
    while pos <= n:
        nl = work.find("\n", pos)
        if nl == -1:
            nl = n
        line = work[pos:nl]
        content = line.strip(" ")
        if not content:
            out.append(_Line(BLANK, nl, nl, nl, pos))
        else:
            start = pos + (len(line) - len(line.lstrip(" ")))
            end = start + len(content)
            out.append(_classify_line(work, content, start, end, pos))
        pos = nl + 1
    return out


def _classify_line(work: str, content: str, start: int, end: int, line_start: int) -> _Line:
    c0 = content[0]
    if c0 in "-=*_" and _RULE.match(content):
        return _Line(RULE, start, end, end, line_start, setext=1 if c0 == "=" else 2 if c0 == "-" else 0)
    if c0 == "#":
        m = _ATX.match(content)
        if m:
            body_end = end
            mc = _ATX_CLOSE.search(content, m.end())
            if mc:
                body_end = start + mc.start()
            cstart = start + m.end()
            if body_end <= cstart:
                return _Line(RULE, start, end, end, line_start)
            return _Line(ATX, start, body_end, cstart, line_start, level=len(m.group(1)))
    m = _BULLET.match(content)
    if m:
        if m.end() == len(content):
            return _Line(RULE, start, end, end, line_start)
        return _Line(BULLET, start, end, start + m.end(), line_start)
    if c0.isdigit() or c0.islower():
        m = _NUMBER.match(content)
        if m and m.end() < len(content):
            return _Line(NUMBER, start, end, start + m.end(), line_start)
    return _Line(TEXT, start, end, start, line_start)


def _wrap_width(lines: list[_Line]) -> int:
    """The width the text was hard-wrapped at, or 0 when lines are paragraphs of their own.

    Hard-wrapped text has many lines close to one maximum length; copied web text has lines of
    every length. Copies from PDFs wrap by visual width, so "close" is generous.
    """
    lengths = sorted(ln.end - ln.line_start for ln in lines if ln.kind in (TEXT, BULLET, NUMBER))
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if not 30 <= width <= 160:
        return 0
    near = sum(1 for x in lengths if x >= 0.75 * width)
    if near >= max(3, 0.3 * len(lengths)):
        return width
    return 0


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _END_PUNCT


def _first_word_len(work: str, ln: _Line) -> int:
    sp = work.find(" ", ln.cstart, ln.end)
    return (sp if sp != -1 else ln.end) - ln.cstart


def _page_starts(source: str, lines: list[_Line]) -> list[bool]:
    """Which lines hold a form feed: a page break of a PDF text layer."""
    out = []
    for k, ln in enumerate(lines):
        end = lines[k + 1].line_start if k + 1 < len(lines) else len(source)
        out.append("\f" in source[ln.line_start:end])
    return out


def _join(work: str, lines: list[_Line], wrap: int, page_starts: list[bool] | None = None) -> list[_Unit]:
    units: list[_Unit] = []
    n = len(lines)
    i = 0
    while i < n:
        ln = lines[i]
        kind = ln.kind
        if kind == BLANK or kind == RULE:
            i += 1
            continue
        if kind == ATX:
            u = _Unit(ATX, [i])
            u.heading, u.level, u.htype = True, ln.level, "atx"
            units.append(u)
            i += 1
            continue
        if kind == TEXT and i + 1 < n and lines[i + 1].setext:
            u = _Unit(TEXT, [i])
            u.heading, u.level, u.htype = True, lines[i + 1].setext, "atx"
            units.append(u)
            i += 2
            continue
        unit = _Unit(kind, [i])
        last = i
        while True:
            m = last + 1
            while m < n and lines[m].kind == BLANK:
                m += 1
            gap = m - last - 1
            if gap and page_starts and any(page_starts[last + 1:m + 1]):
                gap = 0  # blank lines around a page break are layout: the paragraph may go on
            if m >= n or gap > 1:
                break
            if m + 1 < n and lines[m + 1].setext and lines[m].kind == TEXT:
                break  # that line is a heading of its own
            if not _continues(work, lines, unit, last, m, gap, wrap):
                break
            unit.lines.append(m)
            last = m
        units.append(unit)
        i = last + 1
    return units


def _continues(work: str, lines: list[_Line], unit: _Unit, prev: int, nxt: int, gap: int, wrap: int) -> bool:
    p, q = lines[prev], lines[nxt]
    if q.kind != TEXT:
        return False
    if _BARE_LINK.fullmatch(work[p.cstart:p.end]) or _BARE_LINK.fullmatch(work[q.start:q.end]):
        return False  # a line that is only a web or e-mail address stands alone
    if (not gap and work[q.start].islower() and not _ends_sentence(work[p.cstart:p.end])
            and _ends_sentence(work[q.start:q.end])):
        return True  # the last words of a wrapped sentence, even a button's word ("... komt na 6 weken" / "terug.")
    if _control_line(work[p.cstart:p.end]) or _control_line(work[q.start:q.end]):
        return False  # a web page's button or link text, a page number: a line of its own
    lower = work[q.start].islower()
    open_end = not _ends_sentence(work[p.cstart:p.end])
    if open_end and lower and not (gap and _island(work, lines, nxt)):
        return True  # the sentence runs on, possibly after one stray blank line
    if gap:
        return False
    if p.end - p.cstart >= 2 and work[p.end - 1] in _HYPHENS + "-" and work[p.end - 2].isalpha() \
            and work[q.start].isalpha():
        return True  # a word broken at the line end ("anti-" / "D-injectie")
    first = lines[unit.lines[0]]
    if unit.kind in (BULLET, NUMBER) and q.start - q.line_start >= first.cstart - first.line_start > 0:
        return True  # hanging indent under a list item
    if wrap and (p.end - p.line_start) + 1 + _first_word_len(work, q) > wrap * 0.8:
        # The line before is full: the text was wrapped there. Unless a sentence ended there and
        # a short title-like line follows: a heading right under a paragraph ("... bellen." / "Herstel").
        if not open_end and (q.end - q.line_start) < wrap * 0.6 and _short_title(work[q.start:q.end]) \
                and work[q.start].isupper():
            return False
        return True
    return False


def _island(work: str, lines: list[_Line], k: int) -> bool:
    """Line ``k`` stands alone between blank lines (or the file's end) and ends no sentence: a few
    loose words of a web page ("handen", an image's text), not the rest of a sentence a stray blank
    line cut."""
    ln = lines[k]
    after = lines[k + 1].kind if k + 1 < len(lines) else BLANK
    return after == BLANK and not _ends_sentence(work[ln.cstart:ln.end]) and len(work[ln.cstart:ln.end].split()) <= 8


@lru_cache(maxsize=8192)
def _control_line(text: str) -> bool:
    """Button or link text of a scraped page ("Print pagina", "Download PDF"), a logo caption or a
    page number, a line of page furniture ("Geplaatst door anna_b » 3 mei 2024, 21:14") or a row of
    menu items: kept as a paragraph of its own, so style.web-residue can flag it. Without a
    dictionary here, a capitalised word counts as a name only after a byline word ("door").
    Kept per line text: a line is asked about as the end of one pair and the start of the next,
    and a run's leaflets share their headers, footers and buttons."""
    from pipeline.language.data import control_line
    from pipeline.language.residue_shapes import furniture_line, meta_row

    return control_line(text) or furniture_line(text, _any_word) or meta_row(text)


def _any_word(word: str) -> bool:
    return True


def _alpha_ratio(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in chars) / len(chars) if chars else 0.0


def _is_caps(text: str) -> bool:
    return len(text) <= _CAPS_HEADING_CHARS and text.isupper() and sum(c.isalpha() for c in text) >= 3


def _short_title(text: str, max_chars: int = _SHORT_HEADING_CHARS) -> bool:
    """Short, no end punctuation, mostly letters: reads like a title, not a sentence."""
    if len(text) > max_chars or len(text.split()) > _SHORT_HEADING_WORDS or _NOT_IN_TITLES.search(text):
        return False
    t = text.rstrip(_CLOSERS + " ")
    if not t or t[-1] in _END_PUNCT + ",-–":
        return False
    return _alpha_ratio(text) >= 0.6


def _implicit_items(lines: list[_Line], units: list[_Unit]) -> None:
    """Two or more indented one-line units in a row, under a line that is not indented: a list whose
    bullets were lost in the copy (Word's symbol-font bullets often are)."""
    k, nu = 0, len(units)
    while k < nu:
        j = k
        while j < nu and _indented_line(lines, units[j]) and (
                j == k or units[j].lines[0] == units[j - 1].lines[-1] + 1):
            j += 1
        if j - k >= 2 and k > 0 and not _indented_line(lines, units[k - 1], single=False):
            for u in units[k:j]:
                u.kind = BULLET
        k = max(j, k + 1)


def _indented_line(lines: list[_Line], u: _Unit, single: bool = True) -> bool:
    if u.kind != TEXT or u.heading or (single and len(u.lines) != 1):
        return False
    ln = lines[u.lines[0]]
    return ln.start > ln.line_start


def _is_question_heading(text: str) -> bool:
    return (text.endswith("?") and len(text) <= _QUESTION_HEADING_CHARS and text[0].isupper()
            and len(split_sentences(text)) == 1)


def _continues_numbering(work: str, lines: list[_Line], units: list[_Unit], k: int) -> bool:
    """Unit ``k`` is the next number of the numbered list just before it ("3." after "2.", past "a)" items)."""
    def number(u: _Unit) -> str:
        ln = lines[u.lines[0]]
        return work[ln.start:ln.cstart].rstrip(" .)")

    nb = number(units[k])
    j = k - 1
    while j >= 0 and units[j].kind == NUMBER and not units[j].heading:
        na = number(units[j])
        if na.isdigit():
            return nb.isdigit() and int(nb) == int(na) + 1
        j -= 1
    return False


def _find_headings(work: str, lines: list[_Line], units: list[_Unit]) -> None:
    _implicit_items(lines, units)
    nu = len(units)
    for k, u in enumerate(units):
        if u.heading:
            continue
        nxt = units[k + 1] if k + 1 < nu else None
        if len(u.lines) == 2 and u.kind == TEXT and nxt is not None:
            # A question set large wraps over two lines in a PDF ("Wat te doen als een miskraam bij
            # een" / "echo is vastgesteld?"): still one heading.
            first, last = lines[u.lines[0]], lines[u.lines[1]]
            text = work[first.start:first.end] + " " + work[last.start:last.end]
            if _is_question_heading(text):
                u.heading, u.htype = True, "question"
            continue
        if len(u.lines) != 1:
            continue
        ln = lines[u.lines[0]]
        if u.kind == BULLET:
            continue
        if u.kind == NUMBER:
            # "2. Medicijnen" followed by prose is a section; "1. Bel ons" followed by "2. ..." an item.
            text = work[ln.start:ln.end]
            if nxt is not None and nxt.kind == TEXT and not nxt.heading and work[ln.start].isdigit() \
                    and not _continues_numbering(work, lines, units, k) \
                    and _short_title(work[ln.cstart:ln.end], 60) and work[ln.cstart].isupper():
                u.heading, u.htype = True, "number"
            continue
        text = work[ln.start:ln.end]
        if nxt is None:
            continue
        if _is_caps(text):
            u.heading, u.htype = True, "caps"
        elif _is_question_heading(text):
            u.heading, u.htype = True, "question"
        elif text[-1] in ":;" and len(text) <= _INTRO_HEADING_CHARS and nxt.kind in (BULLET, NUMBER) \
                and not nxt.heading:
            u.heading, u.htype = True, "intro"
        elif (text[0].isupper() or text[0].isdigit() or not text[0].isalnum()) and _short_title(text) \
                and not _control_line(text):
            u.heading, u.htype = True, "plain"
    _demote_runs(lines, units)
    _assign_levels(units)


def _demote_runs(lines: list[_Line], units: list[_Unit]) -> None:
    """Three or more short lines in a row (an address, a list without bullets) are text, not
    headings; the first of them may still introduce them ("Contact", "Symptomen")."""
    k, nu = 0, len(units)
    while k < nu:
        if units[k].htype != "plain":
            k += 1
            continue
        j = k
        while j + 1 < nu and units[j + 1].htype == "plain" and units[j + 1].lines[0] == units[j].lines[-1] + 1:
            j += 1
        if j - k >= 2:
            for u in units[k + 1:j + 1]:
                u.heading, u.htype = False, ""
        k = j + 1


def _assign_levels(units: list[_Unit]) -> None:
    prev: _Unit | None = None
    last_number_level = 0
    plain_level = 2
    for u in units:
        if not u.heading:
            prev = u
            continue
        direct = prev is not None and prev.heading
        if u.htype == "atx":
            pass
        elif u.htype == "caps":
            u.level = 1
        elif u.htype == "number" and last_number_level:
            u.level = last_number_level
        elif direct:
            u.level = min(6, prev.level + 1)
        elif u.htype == "plain":
            u.level = plain_level
        else:
            u.level = 2
        if u.htype == "number":
            last_number_level = u.level
        if u.htype == "plain":
            # A plain heading under another one sets the level of the plain headings after it
            # ("Herstel" / "Lichamelijk" ... "Emotioneel").
            plain_level = u.level
        elif u.htype in ("atx", "caps", "question"):
            plain_level = max(2, u.level)
        prev = u


class _LineEnd(NamedTuple):
    """Where a line's text ends, and whether it ends in a word broken over the line break."""

    end: int
    hyphenated: bool


@dataclass
class _ListLevels:
    """The nesting of list items by their indentation, and by their numbering style."""

    indents: list[int] = field(default_factory=list)
    last_style: str = ""

    def reset(self) -> None:
        self.indents.clear()
        self.last_style = ""

    def level(self, indent: int, style: str) -> int:
        """The level of an item at ``indent`` with numbering ``style`` (bullet, alpha, digit)."""
        while self.indents and indent < self.indents[-1] - 1:
            self.indents.pop()
        if not self.indents or indent > self.indents[-1] + 1:
            self.indents.append(indent)
        level = len(self.indents)
        # "a)" items right under "1)" items at the same indentation are their sub-items
        if style == "alpha" and self.last_style in ("digit", "alpha-under-digit"):
            level += 1
            style = "alpha-under-digit"
        self.last_style = style
        return level


def _blocks(work: str, lines: list[_Line], units: list[_Unit]) -> list[Block]:
    blocks: list[Block] = []
    levels = _ListLevels()
    for u in units:
        first = lines[u.lines[0]]
        is_item = u.kind in (BULLET, NUMBER) and not u.heading
        tb = _unit_text(work, lines, u, is_item)
        if u.heading:
            levels.reset()
            blocks.append(tb.block("heading", level=max(1, min(6, u.level))))
        elif is_item:
            style = "bullet" if u.kind == BULLET else "alpha" if work[first.start].isalpha() else "digit"
            level = levels.level(first.start - first.line_start, style)
            blocks.append(tb.block("list_item", level=level, ordered=u.kind == NUMBER))
        else:
            levels.reset()
            blocks.append(tb.block("paragraph"))
    return blocks


def _unit_text(work: str, lines: list[_Line], u: _Unit, is_item: bool) -> TextBuilder:
    """The text of a unit's lines joined by spaces (a list marker or ``#`` left out of the first)."""
    tb = TextBuilder()
    hyphenated = False
    for idx, li in enumerate(u.lines):
        ln = lines[li]
        s = ln.cstart if idx == 0 and (is_item or u.htype == "atx") else ln.start
        if idx and not hyphenated:
            tb.insert(" ")
        e, hyphenated = ln.end, False
        if idx + 1 < len(u.lines):
            e, hyphenated = _line_end(work, s, ln.end, lines[u.lines[idx + 1]])
        tb.add(work[s:e], s)
    return tb


def _line_end(work: str, s: int, e: int, nxt: _Line) -> _LineEnd:
    """A word broken by automatic hyphenation (U+2010 or a soft hyphen at the line end, as PDFs give
    them) is whole again; the hyphen is typesetting, not text."""
    if not (e - 1 > s and work[e - 2].isalpha() and work[e - 1] in _HYPHENS + "-"):
        return _LineEnd(e, False)
    next_word = work[nxt.start:nxt.end].split(" ", 1)[0]
    if not (next_word[:1].islower() or (work[e - 1] == "-" and next_word[:1].isalpha())):
        return _LineEnd(e, False)
    if work[e - 1] != "-":
        return _LineEnd(e - 1, True)
    if next_word.rstrip(",.;:") in _ELLIPSIS_WORDS:
        return _LineEnd(e, False)
    # "zwanger-/schap", "e-/mail": hyphenated by hand or broken at its own hyphen; the line break
    # goes ("zwangerschaps- en" stays apart), and the hyphen too when the Dutch dictionary knows
    # the word without it and not with it.
    before = work[s:e - 1].rsplit(" ", 1)[-1]
    return _LineEnd(e - 1 if _drop_hyphen(before, next_word.rstrip(",.;:!?)")) else e, True)


_dictionary_cache: list = []


def _drop_hyphen(left: str, right: str) -> bool:
    """Whether "left-" + "right" is one word broken by hyphenation ("zwanger-", "schap")."""
    if not _dictionary_cache:
        try:
            import enchant

            _dictionary_cache.append(enchant.Dict("nl_NL"))
        except Exception:  # no pyenchant, no libenchant or no Dutch dictionary: keep every hyphen
            _dictionary_cache.append(None)
    d = _dictionary_cache[0]
    left = left.lstrip("(\"'‘“")
    if d is None or not left.isalpha() or not right.isalpha():
        return False
    return not d.check(f"{left}-{right}") and d.check(left + right)
