"""Which words of a text a spelling check should read, and which stretches it must leave alone.

URLs, e-mail addresses, domain names, phone numbers and numbers with their units are masked;
words split by a PDF line-break hyphen ("gynaeco-\\nloog", rejoined as "gynaeco- loog") or by an
invisible character (zero-width space, soft hyphen) are joined again; runs of capitalised words
are taken for names.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.text import words

_MASKS = [
    re.compile(r"(?:\bmailto:)?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE | re.I),  # e-mail, with a link's mailto:
    re.compile(r"(?:https?://|ftp://|www\.)[^\s)\]>\"'”]+", re.I),  # URL
    # bare domain names: miskraambegeleiding.nl, thuisarts.nl/miskraam
    re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:nl|be|com|org|net|eu|info|nu|frl|amsterdam|de|uk)\b(?:/[^\s)\]]*)?", re.I),
    # phone numbers and other digit groups: 06-43789244, 0183 64 42 17, +31 (0)20 123 4567
    re.compile(r"\+?\(?\d[\d\s().-]{6,}\d"),
    # numbers with a unit or suffix written against them: 30min, 38.0°C, 12e, 1-2x, an age group 50+ers
    re.compile(r"\d+(?:[.,]\d+)?(?:°\s?[CF]?|\+?[^\W\d_]{1,4}\b)", re.UNICODE),
    re.compile(r"\d+(?:[.,]\d+)?\s(?:°\s?[CF]|(?:mg|mcg|µg|μg|ml|cl|dl|mmol|cm|mm|kg|km|kcal|IE|IU|E)\b)", re.UNICODE),
]
# HTML's own tags and entities left in a copied text ("<strong>Prenatale</strong><br />", "&nbsp;"):
# markup, no words (style.web-residue reports them)
HTML_TAG = re.compile(r"</?(?:p|br|div|span|li|ul|ol|b|i|u|em|strong|a|h[1-6]|td|tr|th|table|img|hr|sup|sub|font|"
                      r"center|section|article)(?:\s+[a-z-]+=[^<>\n]*)?\s*/?>|&(?:nbsp|amp|lt|gt|quot);", re.I)
_MASKS.append(HTML_TAG)
# a template's or a word processor's own tags and their attributes ("<txp:article_list form="lijst" />", "<o:p>",
# form="lijst"): code of the web page, no words
_MASKS.append(re.compile(r"</?[a-z]+:[\w-]*|\b[a-z][\w-]*=(?:\"[^\"\n]*\"|'[^'\n]*')", re.I))
# the holder after a copyright sign and its year: a name, however it is written ("© 2024 solvo B.V.")
_MASKS.append(re.compile(r"(?:©|(?:^|(?<=\n))[ \t]*(?:\(c\)|copyright\b))[ \t]*(?:\d{4}(?:[ \t]*[-–][ \t]*\d{4})?)?[ \t]*[^\n.!?|,;]{1,40}", re.I))
# text between two words that still keeps them one name: a space, or an initial ("Emily M. Godfrey")
_NAME_GAP = re.compile(r"^\s+(?:[A-Z]\.\s+)*$")
_LINE_HYPHEN = re.compile(r"^-\s+$")
# the particles inside a Dutch surname ("Kyano van den Pol", "Anna de Vries", "Jan ter Horst")
_PARTICLES = frozenset("van de den der ter ten te het in 't op la le di da du von".split())
# English words that join the capitalised words of a title or an organisation's name into one run
# ("Mechanisms of Ageing and Development", "Academy of Medicine")
_PARTICLES |= frozenset("of and the for".split())
# words after which a hyphen marks a shared part, not a line break ("zwangerschaps- en kraamzorg")
ELISION_NEXT = frozenset({"en", "of", "tot", "t/m", "noch", "als", "dan"})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    joined: bool = False  # rejoined from a line-break hyphen
    in_name: bool = False  # part of a run of capitalised words
    cut: bool = False  # the paragraph's last word, cut off before an ellipsis ("Ik ben duidelijk cont..")
    tail: int = 0  # letters of a plural's ending in brackets joined to the word ("eicel(en)": 2)


_MAY_MASK = re.compile(r"[\d@©]|www|://|\.[a-z]{2}|</?[a-z]|&[a-z]+;|\(c\)|copyright|=[\"']", re.I)


def masked(text: str) -> list[tuple[int, int]]:
    if not _MAY_MASK.search(text):
        return []  # most paragraphs: no digits, no addresses
    spans = []
    for rx in _MASKS:
        spans.extend(m.span() for m in rx.finditer(text))
    spans.sort()
    return spans


def _containment(spans: list[tuple[int, int]]):
    """``inside(start, end)``: whether one of the sorted ``spans`` holds [start, end). A bisection
    over the starts and the largest end so far: linear in words plus masks, not their product
    (a paragraph of 8,000 URLs took minutes)."""
    if not spans:
        return lambda start, end: False
    starts = [s for s, _e in spans]
    reach, far = [], -1
    for _s, e in spans:
        far = max(far, e)
        reach.append(far)

    def inside(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start) - 1
        return k >= 0 and reach[k] >= end

    return inside


def _capitalised(w: str) -> bool:
    # "Emily", "M"; a heading in capitals (MISKRAAM / BLOEDVERLIES) is no name
    return w[:1].isupper() and (len(w) == 1 or not w.isupper())


# characters that are invisible in print and do not end a word: zero-width space, non-joiner,
# joiner, word joiner, byte-order mark, soft hyphen (a hyphenation hint from a web page or editor)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")


# ligatures of a PDF's font that a copy keeps as one character: the word is looked up by its letters
# (typography.substitution reports the character itself)
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


def _visible(word: str) -> str:
    """The word as it reads: invisible characters and inline formatting tags left out, ligatures as
    their letters."""
    if any(c in word for c in _INVISIBLE):
        word = _INVISIBLE_RUN.sub("", word)
    if "<" in word:
        word = _INLINE_TAGS.sub("", word)
    return word.translate(_LIGATURES)


# formatting tags of a web page that a copy kept inside a word ("Verwij<strong>de</strong>ren"): the
# word is read whole (style.web-residue reports the markup)
_INLINE_TAGS = re.compile(r"(?:</?(?:strong|b|em|i|u|span|mark|sup|sub)[ \t]*>)+", re.I)


def _join_tags(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join word pieces that only inline formatting tags separate."""
    return _join_across(text, spans, _INLINE_TAGS) if "<" in text else spans


def _join_across(text: str, spans: list[tuple[int, int]], gap: re.Pattern) -> list[tuple[int, int]]:
    """Join word pieces that only a stretch matching ``gap`` (never empty) separates."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and gap.fullmatch(text[out[-1][1] : s]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _join_invisible(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join word pieces that only an invisible character separates ("zwanger\u200bschap")."""
    return _join_across(text, spans, _INVISIBLE_RUN) if any(c in text for c in _INVISIBLE) else spans


# UTF-8 read in another encoding: an accented letter becomes two or three characters, some of them
# signs rather than letters ("weeën" as "weeĂ«n" or "wee├źn"); a word cut there is read whole, so the
# finding names the damaged word instead of a piece of it
_MOJIBAKE_GAP = re.compile("[\u0080-\u00bf\u2500-\u257f]{1,3}")


def _join_mojibake(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not any("\u0080" <= c <= "\u00bf" or "\u2500" <= c <= "\u257f" for c in text):
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] < s and _MOJIBAKE_GAP.fullmatch(text[out[-1][1] : s]):
            out[-1] = (out[-1][0], e)
        elif out and out[-1][1] == s and mojibake(text[out[-1][0] : e]):
            out[-1] = (out[-1][0], e)  # pieces the word split leaves touching: "beĆ" + "Ænvloeden"
        else:
            out.append((s, e))
    return out


def mojibake(word: str) -> bool:
    """A word with a character of another encoding's reading inside ("weeĂ«n")."""
    return bool(_MOJIBAKE_GAP.search(word)) or any(c in word for c in "ĂĆÃ├")


_ENTITIES = {"&#8203;": "\u200b", "&#x200b;": "\u200b", "&zerowidthspace;": "\u200b", "&#x2060;": "\u2060",
             "&#8288;": "\u2060", "&nobreak;": "\u2060", "&#65279;": "\ufeff", "&#xfeff;": "\ufeff"}


def has_invisible(source: str) -> bool:
    """Could the source hold an invisible character that ingest turned into a space?"""
    return any(c in source for c in _INVISIBLE) or ("&" in source and any(
        e in source.lower() for e in _ENTITIES))


def restore_invisible(doc, block) -> str:
    """``block.text`` with the spaces that ingest made of invisible characters put back (same length).

    Ingest shows a zero-width space as a space, which is right for a break between words but
    splits a word that only carries one as a line-break hint ("curet\u200bage")."""
    text = block.text
    if " " not in text or not has_invisible(doc.source):
        return text
    src = doc.source
    chars = None
    for i, c in enumerate(text):
        if c != " ":
            continue
        k = block.source_offset(i)
        if k >= len(src):
            continue
        inv = src[k] if src[k] in _INVISIBLE else None
        if inv is None and src[k] == "&":
            inv = _ENTITIES.get(src[k : src.find(";", k, k + 20) + 1].lower())
        if inv is not None:
            chars = chars or list(text)
            chars[i] = inv
    return "".join(chars) if chars else text


def _phonetic(word: str) -> bool:
    """A word written in phonetic letters ("taʒ", a pronunciation in brackets): IPA's own letters and marks."""
    return any("\u0250" <= c <= "\u02af" or c in "ːˈˌ" for c in word)


def _latin(word: str) -> bool:
    """A word with a letter of the Latin script (Dutch, English, French loans)."""
    return any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in word)


def _cut_off(text: str, e: int) -> bool:
    """The word ending at ``e`` is the paragraph's last and an ellipsis follows it straight away."""
    return text.startswith(("..", "…"), e) and not text[e:].strip(" .…\n")


_PLURAL_TAILS = frozenset({"en", "n", "s", "'s", "e", "ën"})


def _bracketed_tail(text: str, s: int, e: int) -> bool:
    """Letters in brackets that end the word before them: "zwangerschap(swens)", "arts(en)"; not
    letters in the middle of a word ("medewerk(st)er", "zwangerschap(s)diabetes")."""
    return s >= 2 and text[s - 1] == "(" and text[s - 2].isalpha() and text[e:e + 1] == ")" \
        and text[s:e].islower() and not text[e + 1:e + 2].isalpha()


def _bracketed_infix(text: str, s: int, e: int) -> bool:
    """Two letters or more in brackets inside a word: "medewerk(st)er", both forms meant; a linking
    "(s)" ("zwangerschap(s)diabetes") leaves the choice open and is no word to check."""
    return s >= 2 and text[s - 1] == "(" and text[s - 2].isalpha() and text[e:e + 1] == ")" \
        and text[e + 1:e + 2].isalpha() and text[s:e].islower() and e - s >= 2


def _bracketed_head(text: str, s: int, e: int) -> bool:
    """Letters in brackets that open the word after them, with or without a hyphen before the bracket
    closes: "(geslachts)organen" and "(lichaams-)verzorging" are geslachtsorganen or organen; not a word in
    brackets inside a word ("zwangerschap(s)diabetes")."""
    close = _head_close(text, e)
    return s >= 1 and text[s - 1] == "(" and (s < 2 or not text[s - 2].isalpha()) and text[close:close + 1] == ")" \
        and text[close + 1:close + 2].isalpha() and text[s:e].islower()


def _head_close(text: str, e: int) -> int:
    """Where the bracket after a word part closes: right after it, or after its hyphen ("lichaams-)")."""
    return e + 1 if text[e:e + 2] == "-)" else e


def _name_runs(text: str, out: list[Token]) -> set[int]:
    """The indexes of tokens in names: two or more capitalised words in a row, also joined by "van",
    "de", "van der" ..., and a capitalised word after an initial ("Emily M. Godfrey")."""
    names: set[int] = set()
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        j = k + 1
        while j < len(out) and out[j].text in _PARTICLES and j - k <= 3:
            j += 1
        if j > k + 1 and j < len(out) and _capitalised(a.text) and _capitalised(out[j].text) \
                and all(text[out[i].end : out[i + 1].start].isspace() for i in range(k, j)):
            names.update(range(k, j + 1))
        gap = text[a.end : b.start]
        if _capitalised(a.text) and _capitalised(b.text) and (
                _NAME_GAP.match(gap) or (len(a.text) == 1 and gap.startswith(".") and _NAME_GAP.match(gap[1:]))):
            names.update((k, k + 1))
    return names


def _bracketed(text: str, raw: list[tuple[int, int]], i: int, out: list[Token]) -> int:
    """Letters in brackets at word ``i`` that belong to a word: the tokens it makes are put on ``out``
    and the number of raw words it takes is returned (0: none)."""
    s, e = raw[i]
    after = raw[i + 1] if i + 1 < len(raw) and raw[i + 1][0] == e + 1 else None
    if _bracketed_head(text, s, e) and after is None and i + 1 < len(raw) and raw[i + 1][0] == _head_close(text, e) + 1:
        after = raw[i + 1]  # "(lichaams-)verzorging": the word starts after the hyphen and the bracket
    if _bracketed_head(text, s, e) and after:
        # "(geslachts)organen": the whole word is the one to check
        out.append(Token(s - 1, after[1], _visible(text[s:e]) + _visible(text[after[0]:after[1]]), joined=True))
        return 2
    if _bracketed_infix(text, s, e) and out and out[-1].end == s - 1 and after:
        # "medewerk(st)er": the word without and with the letters in brackets, each one to check
        head, rest = out.pop(), _visible(text[e + 1:after[1]])
        out.append(Token(head.start, after[1], head.text + rest, joined=True))
        out.append(Token(head.start, after[1], head.text + _visible(text[s:e]) + rest, joined=True))
        return 2
    if _bracketed_tail(text, s, e) and out and out[-1].end == s - 1:
        # "zwangerschap(swens)": the word's optional ending in brackets; the whole word is the one to
        # check. A plural's ending may stand for the plural however it is spelt ("eicel(en)")
        tail = len(text[s:e]) if text[s:e] in _PLURAL_TAILS else 0
        out.append(Token(out[-1].start, e + 1, out[-1].text + _visible(text[s:e]), joined=True, tail=tail))
        return 1
    return 0


@lru_cache(maxsize=50_000)
def spell_tokens(text: str) -> tuple[Token, ...]:
    """Words to check in ``text`` with their spans; masked stretches left out.

    Cached: leaflets of one publisher share many paragraphs word for word.
    """
    inside = _containment(masked(text))
    raw = _join_mojibake(text, _join_tags(text, _join_invisible(text, [(s, e) for s, e in words(text)
                                                                         if not inside(s, e)])))
    out: list[Token] = []
    i = 0
    while i < len(raw):
        s, e = raw[i]
        if i + 1 < len(raw):
            s2, e2 = raw[i + 1]
            nxt = _visible(text[s2:e2])
            if _LINE_HYPHEN.match(text[e:s2]) and nxt[:1].islower():
                if nxt in ELISION_NEXT:
                    i += 1  # a compound's first part standing alone: not a word to look up
                    continue
                out.append(Token(s, e2, _visible(text[s:e]) + nxt, joined=True))
                i += 2
                continue
        if "_" in text[s:e]:
            i += 1  # a file name or identifier ("Stock_zwanger__buik_echo"): no word of the language
            continue
        if _cut_off(text, e):
            # a teaser cut inside its last word ("Ik ben duidelijk cont.."): the checker decides
            out.append(Token(s, e, _visible(text[s:e]), cut=True))
            i += 1
            continue
        if s > 0 and (text[s - 1].isdigit() or text[s - 1] in "/\\@#_"):
            i += 1  # a unit glued to a number (30min), a path or handle
            continue
        if e < len(text) and text[e] in "@/" and text[e + 1 : e + 2].isalnum():
            i += 1
            continue
        if not _latin(text[s:e]) or _phonetic(text[s:e]):
            i += 1  # a word in another script (Korean, Greek, Arabic) or a phonetic spelling: no Dutch word
            continue
        step = _bracketed(text, raw, i, out)
        if step:
            i += step
            continue
        out.append(Token(s, e, _visible(text[s:e])))
        i += 1
    names = _name_runs(text, out)
    return tuple(replace(t, in_name=k in names) for k, t in enumerate(out))
