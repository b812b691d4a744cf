"""Phone numbers in leaflet text: where they are, their digits, and whose number they are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.language.data import style

_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)(?:31|32)[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){7,8}"  # +31 6 12345678, 0032 ...
    r"|\(0\d{1,3}\)[\s-]?\d(?:[\s-]?\d){5,7}"  # (020) 123 45 67
    r"|0[89]0[09][\s-]{0,3}\d(?:[\s-]?\d){3,6}"  # 0800-1234, 0900 - 1234567
    r"|0\d{1,3}(?:\s?[-/]\s?|\s)?\d(?:[\s-]?\d){5,7}"  # 06-12345678, 0183 64 42 17, 020-1234567
    r")(?![\w])"
)


@dataclass(frozen=True)
class PhoneNumber:
    start: int
    end: int
    text: str
    digits: str  # national form: 0 and the subscriber number


def digits(number: str) -> str:
    """Digits only, in national form: +31 (0)6 1234 5678 -> 0612345678."""
    d = re.sub(r"\(0\)", "", number)
    d = re.sub(r"\D", "", ("+" if d.strip().startswith("+") else "") + d)
    for cc in ("0031", "0032", "31", "32"):
        if number.strip().startswith(("+" + cc[-2:], "00" + cc[-2:])) and d.startswith(cc):
            return "0" + d[len(cc):]
    return d


def find_numbers(text: str) -> list[PhoneNumber]:
    out = []
    for m in _PHONE.finditer(text):
        raw = m.group().strip()
        d = digits(raw)
        if not (8 <= len(d) <= 11):
            continue
        out.append(PhoneNumber(m.start(), m.start() + len(raw), raw, d))
    return out


def _words(key: str) -> list[str]:
    return [w.lower() for w in style()["contact"][key]]


def _segment(text: str, start: int) -> tuple[int, int]:
    """The sentence (or line, whichever is shorter) of ``text`` around offset ``start``."""
    from pipeline.text import split_sentences

    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    b = len(text) if b == -1 else b
    for s, e in split_sentences(text[a:b]):
        if a + s <= start < a + e:
            return a + s, a + e
    return a, b


def _contact_in(segment: str, start: int, end: int, others: list[PhoneNumber]) -> str:
    """The contact word that labels the number ("huisartsenpost: 088-...", "020-... (huisartsenpost)"),
    else the nearest one before it in its sentence that labels no other number, else the first one
    after it with no other number in between."""
    from pipeline.language.tokens import masked

    low = segment.lower()
    hidden = masked(segment)  # "praktijk" in info@praktijk.nl names no contact
    found = []  # (start, end, word)
    for c in _words("contacts"):
        for m in re.finditer(r"\b" + re.escape(c) + r"\b", low):
            if not any(a <= m.start() < b for a, b in hidden):
                found.append((m.start(), m.end(), c))

    def adjacent(a: int, b: int) -> bool:
        return a <= b and not re.search(r"\w", low[a:b])

    for ms, me, c in sorted(found, key=lambda f: -f[0]):
        if adjacent(me, start):
            return c
    for ms, me, c in sorted(found):
        if adjacent(end, ms):
            return c
    labels = [o for o in others if any(adjacent(o.end, ms) or adjacent(me, o.start) for ms, me, _ in found)]
    for ms, me, c in sorted(found, key=lambda f: -f[0]):
        if me <= start and not any(adjacent(o.end, ms) or adjacent(me, o.start) for o in labels):
            return c
    for ms, me, c in sorted(found):
        if ms >= end and not any(end <= o.start < ms for o in others):
            return c
    return ""


def _has_any(text: str, key: str) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text) for w in _words(key))


def owner(text: str, start: int) -> tuple[str, str]:
    """(contact, kind) of the number at ``start``: the contact named nearest to it in the same
    sentence or line (or '' when none: a number on an e-mail line is nobody's by proximity to a
    contact two lines up), and 'emergency', 'daytime' or '' from the words of that sentence."""
    a, b = _segment(text, start)
    segment = text[a:b]
    numbers = [PhoneNumber(n.start - a, n.end - a, n.text, n.digits) for n in find_numbers(segment)]
    here = next((n for n in numbers if n.start == start - a), None)
    end = here.end if here else start - a + 1
    contact = _contact_in(segment, start - a, end, [n for n in numbers if n is not here])
    around = segment.lower()
    kind = ""
    if _has_any(around, "emergency"):
        kind = "emergency"
    elif _has_any(around, "daytime"):
        kind = "daytime"
    return contact, kind


def hours(text: str, start: int) -> str:
    """When the number at ``start`` is for: 'after-hours', 'always', 'daytime' or '' (not said).

    A number "altijd" or "dag en nacht" and one "buiten kantooruren" serve different hours, so a
    contact with both is normal, like a daytime and an urgent number."""
    a, b = _segment(text, start)
    around = text[a:b].lower()
    # "dag en nacht" is every hour, not the night: take such phrases out before asking for hours
    rest = around
    for w in sorted(_words("always"), key=len, reverse=True):
        rest = re.sub(r"(?<!\w)" + re.escape(w) + r"(?!\w)", " ", rest)
    if _has_any(rest, "after_hours"):
        return "after-hours"
    if rest != around:
        return "always"
    if _has_any(around, "daytime"):
        return "daytime"
    return ""
