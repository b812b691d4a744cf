r"""An invisible character inside a number, a phone number or a word, or one that reorders text.

A soft hyphen, zero-width (non-)joiner, word joiner, invisible times or a bidi control is not
seen in print, but it splits what it stands in: "2\u00ad0 weken" reads as "20 weken" yet no search
finds it, and a copied phone number does not dial. Ingest takes these characters out before any
check (so the fact, the d/t error or the phone number is still found); this rule reports where
they were, with the code point. Between words (next to a space) they are harmless and not
reported, except bidi controls, which change the order in which text is shown.

pass: Een miskraam is een verlies voor 16 weken.
fail: Een miskraam is een verlies voor 2\u00ad0 weken. (U+00AD inside the number)
fail: Soms gebe\u200durd er niets. (U+200D inside a word)
"""

from __future__ import annotations

import re
from itertools import groupby

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import N_, _
from pipeline.ingest.invisible import BIDI, HiddenChar
from pipeline.language.phones import find_numbers

ID = "typography.invisible-character"
LEVEL = "error"
SCOPE = "document"
OPTIONS = {"ignore_in_words": (list, [])}  # code points such as "U+00AD" not reported inside words

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def check(doc, conf, ctx):
    ignored = {str(c).upper() for c in conf["ignore_in_words"]}
    for (block_index, at), group in groupby(doc.hidden, key=lambda h: (h.block, h.at)):
        chars = list(group)
        block = doc.blocks[block_index]
        where = _context(block.text, at)
        if where is None and not any(h.char in BIDI for h in chars):
            continue
        if where is not None and where[0] == "word" and all(h.code_point in ignored for h in chars):
            continue
        yield _finding(doc, block, chars, where)


def _context(text: str, at: int) -> tuple[str, str] | None:
    """("number" | "phone" | "word", the thing as printed) when ``at`` lies inside one, else None."""
    if at == 0 or at >= len(text) or text[at - 1].isspace() or text[at].isspace():
        return None
    for phone in find_numbers(text):
        if phone.start < at < phone.end:
            return "phone", phone.text
    for m in _NUMBER.finditer(text, max(0, at - 40), min(len(text), at + 40)):
        if m.start() < at < m.end():
            return "number", m.group()
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    word = text[start:end].strip(".,;:!?()[]\"'“”‘’")
    return "word", word or text[start:end]


_MESSAGES = {
    "number": N_("invisible character {chars} inside the number '{text}': not seen in print, but search, "
                 "copying and checks stumble over it; remove it"),
    "phone": N_("invisible character {chars} inside the phone number '{text}': not seen in print, but search, "
                "copying and dialling stumble over it; remove it"),
    "word": N_("invisible character {chars} inside the word '{text}': not seen in print, but search, "
               "copying and checks stumble over it; remove it"),
    "bidi": N_("invisible character {chars} that changes the order in which text is shown; remove it"),
}


def _finding(doc, block, chars: list[HiddenChar], where: tuple[str, str] | None) -> Diagnostic:
    first, last = chars[0], chars[-1]
    line, column = doc.line_col(first.source_start)
    end_line, end_column = doc.line_col(last.source_end)
    names = ", ".join(f"{h.code_point} ({h.name})" if h.name else h.code_point for h in chars)
    kind, text = where or ("bidi", "")
    message = _(_MESSAGES[kind]).format(chars=names, text=text)
    return Diagnostic(
        path=str(doc.path), line=line, column=column, end_line=end_line, end_column=end_column,
        message=message, match=doc.source[first.source_start:last.source_end],
        leaflet=doc.id, key="|".join(h.code_point for h in chars) + "|" + (where[1] if where else ""),
    )
