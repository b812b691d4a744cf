"""A letter that only looks like the digit or letter it stands for: "2O weken", a Cyrillic "а" in a word.

A capital O in "2O weken", a small l in "O6-l2345678" or a Cyrillic or Greek letter inside a Dutch
word looks right in print, but no check reads it as meant: the fact "20 weken" is not found, the
phone number does not dial and the word is not in any dictionary. Reported inside numbers (a
token that becomes a number once the look-alikes are read as digits, or one with digits of another
script such as fullwidth "２０") and inside words that mix Latin with Cyrillic or Greek letters.

pass: Een miskraam is een verlies voor 16 weken. Bel 06-12345678. Neem 500 µg of 2 ml.
fail: Een miskraam is een verlies voor 2O weken. (letter O in a number)
fail: Een miskrаam (with a Cyrillic а) is een verlies.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import N_, _

ID = "typography.lookalike-character"
LEVEL = "error"
SCOPE = "document"
OPTIONS: dict = {}

# Letters read as a digit inside a number: Latin, Cyrillic and Greek O, l and I.
DIGIT_LOOKALIKES = {"O": "0", "o": "0", "О": "0", "о": "0", "Ο": "0", "ο": "0",
                    "l": "1", "I": "1", "І": "1", "Ι": "1", "ӏ": "1", "З": "3"}
# Cyrillic and Greek letters that look like a Latin letter (the Latin one is the suggestion).
LATIN_LOOKALIKES = dict(zip(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅοινΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwABEKMHOPCTXIJSoivABEZHIKMNOPTYX",
))
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"[0-9]")
_NUMBER = re.compile(r"\d+(?:[.,:/\-]\d+)*%?")
_WORD = re.compile(r"[^\W\d_]+")
_EDGE = ".,;:!?()[]{}\"'“”‘’«»"
_NOT_LOOKALIKE = frozenset("µμ")  # the micro sign, written with Greek mu too: "500 μg"


def check(doc, conf, ctx):
    for block in doc.blocks:
        text = block.text
        for m in _TOKEN.finditer(text):
            token = m.group()
            if token.isascii() and not (_DIGIT.search(token) and any(c in DIGIT_LOOKALIKES for c in token)):
                continue  # in plain ASCII only a look-alike beside a digit can be reported ("2O")
            yield from _in_number(doc, block, token, m.start())
            yield from _in_words(doc, block, token, m.start())


def _in_number(doc, block, token: str, at: int):
    stripped = token.strip(_EDGE)
    offset = at + token.find(stripped) if stripped else at
    ascii_digits = any("0" <= c <= "9" for c in stripped)
    odd_digits = [i for i, c in enumerate(stripped) if c.isdigit() and not "0" <= c <= "9"]
    swapped = [i for i, c in enumerate(stripped) if c in DIGIT_LOOKALIKES]
    if not (odd_digits or (ascii_digits and swapped)):
        return
    meant = "".join(DIGIT_LOOKALIKES.get(c) or (str(unicodedata.digit(c)) if c.isdigit() else c) for c in stripped)
    if not _NUMBER.fullmatch(meant):
        return
    odd = sorted(odd_digits + swapped)
    names = ", ".join(_describe(stripped[i]) for i in odd)
    yield _finding(doc, block, offset + odd[0], offset + odd[-1] + 1,
                   _("'{text}' looks like the number {meant} but holds {chars}: type the digits").format(
                       text=stripped, meant=meant, chars=names),
                   meant, f"number|{stripped}", stripped)


def _in_words(doc, block, token: str, at: int):
    for w in _WORD.finditer(token):
        word = w.group()
        if word.isascii():
            continue
        scripts = {_script(c) for c in word if c not in _NOT_LOOKALIKE}
        if "LATIN" not in scripts or not scripts & {"CYRILLIC", "GREEK"}:
            continue
        odd = [i for i, c in enumerate(word) if _script(c) in ("CYRILLIC", "GREEK") and c not in _NOT_LOOKALIKE]
        meant = "".join(LATIN_LOOKALIKES.get(c, c) for c in word)
        names = ", ".join(_describe(word[i]) for i in odd)
        yield _finding(doc, block, at + w.start() + odd[0], at + w.start() + odd[-1] + 1,
                       _("the word '{word}' mixes Latin letters with {chars}: type it again").format(word=word, chars=names),
                       meant, f"word|{word}", word)


def _script(c: str) -> str:
    return unicodedata.name(c, "?").split(" ", 1)[0]


_KINDS = {
    "LATIN": N_("the letter '{char}' ({code})"),
    "CYRILLIC": N_("the Cyrillic letter '{char}' ({code})"),
    "GREEK": N_("the Greek letter '{char}' ({code})"),
}


def _describe(c: str) -> str:
    template = _KINDS.get(_script(c), N_("the character '{char}' ({code}, {name})"))
    return _(template).format(char=c, code=f"U+{ord(c):04X}", name=unicodedata.name(c, "?").lower())


def _finding(doc, block, start: int, end: int, message: str, meant: str, key: str, match: str) -> Diagnostic:
    span = doc.span(block, start, end)
    return Diagnostic.at(
        doc, span, message=message, match=match, suggestions=(meant,),
        key=key,
    )
