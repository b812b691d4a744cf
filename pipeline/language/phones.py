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


def owner(text: str, start: int) -> tuple[str, str]:
    """(contact, kind) of the number at ``start``: the last contact word before it in ``text``
    (or '' when none), and 'emergency', 'daytime' or '' from the words around it."""
    before = text[:start].lower()
    contact, pos = "", -1
    for c in _words("contacts"):
        for m in re.finditer(r"\b" + re.escape(c) + r"\b", before):
            if m.start() > pos:
                contact, pos = c, m.start()
    # the sentence around the number decides whether it is the urgent one
    s = max(before.rfind(". "), before.rfind("\n"), before.rfind("? ")) + 1
    e = text.find(". ", start)
    around = text[s : len(text) if e == -1 else e].lower()
    kind = ""
    if any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", around) for w in _words("emergency")):
        kind = "emergency"
    elif any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", around) for w in _words("daytime")):
        kind = "daytime"
    return contact, kind
