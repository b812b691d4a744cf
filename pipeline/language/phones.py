"""Phone numbers in leaflet text: where they are, their digits, whose number they are and what for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True)
class Service:
    """What a number is for, from the words of its own sentence: hours or a role, as data
    (schema/phone-hours.yaml). Two numbers of one contact with the same ``key`` clash."""

    key: frozenset[str]  # service ids and clock times ("17.00-08.00"); empty when the text says nothing
    label: str  # Dutch, for messages: "spoed, buiten kantooruren"; "" when unstated


@dataclass(frozen=True)
class _ServiceData:
    phrases: tuple[tuple[str, str, str], ...]  # (phrase, service id, label), longest first
    clock: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def _service_data() -> _ServiceData:
    from pipeline.paths import SCHEMA_DIR
    from pipeline.yamlio import plain, load_validated

    data = plain(load_validated(SCHEMA_DIR / "phone-hours.yaml", "phone-hours.schema.json"))
    phrases = [(p.lower().replace("’", "'"), s["id"], s["label"]) for s in data["services"] for p in s["phrases"]]
    phrases.sort(key=lambda p: -len(p[0]))
    return _ServiceData(tuple(phrases), tuple(re.compile(r, re.I) for r in data["clock_times"]))


def owner(text: str, start: int) -> str:
    """The contact of the number at ``start``: the contact named nearest to it in the same
    sentence or line, or '' when none (a number on an e-mail line is nobody's by proximity to a
    contact two lines up)."""
    a, b = _segment(text, start)
    segment = text[a:b]
    numbers = find_numbers(segment)  # offsets in the segment
    here = next((n for n in numbers if n.start == start - a), None)
    end = here.end if here else start - a + 1
    return _contact_in(segment, start - a, end, [n for n in numbers if n is not here])


def service(text: str, start: int) -> Service:
    """The hours and roles the sentence of the number at ``start`` names (see :class:`Service`)."""
    a, b = _segment(text, start)
    rest = " " + text[a:b].lower().replace("’", "'") + " "
    ids: dict[str, str] = {}
    data = _service_data()
    for phrase, sid, label in data.phrases:  # longest first; a found phrase is taken out
        pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
        if re.search(pattern, rest):
            ids.setdefault(sid, label)
            rest = re.sub(pattern, " ", rest)
    for times in _clock_times(text[a:b], data.clock):
        ids.setdefault(times, times.replace("-", "–") + " uur")
    return Service(frozenset(ids), ", ".join(ids[k] for k in sorted(ids)))


def _clock_times(segment: str, patterns: tuple[re.Pattern, ...]) -> list[str]:
    """Clock times in ``segment`` as "HH.MM" or "HH.MM-HH.MM"; durations ("tussen 2 en 6 uur") are none."""
    out = []
    for rx in patterns:
        for m in rx.finditer(segment):
            start, end = _clock(m.group("from")), _clock(m.groupdict().get("to"))
            if start is None:
                continue
            has_minutes = any(g and re.search(r"[.:]", g) for g in (m.group("from"), m.groupdict().get("to")))
            if end is not None and not has_minutes and not (end < start and re.search(r"u(?:ur)?$", m.group())):
                continue  # "tussen 2 en 6 uur na de ingreep": a duration
            out.append(start if end is None else f"{start}-{end}")
    return out


def _clock(value: str | None) -> str | None:
    if not value:
        return None
    h, _, mins = value.replace(":", ".").partition(".")
    hour, minute = int(h), int(mins or 0)
    return f"{hour:02d}.{minute:02d}" if hour <= 23 and minute <= 59 else None
