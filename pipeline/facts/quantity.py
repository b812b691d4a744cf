"""Dutch quantities in running text: numbers, number words, fractions, ratios, ranges, bounds, units.

``parse_quantities(text)`` finds every quantity in a sentence and returns :class:`Quantity`
objects with their character span, the stated numbers (``lo``/``hi``), a canonical unit, a
bound (``"min"``, ``"max"`` or None) and whether the text hedges (``approx``).

Things that look like numbers but are not quantities (phone numbers, dates, clock times, scores
such as ``4.6/5``, web addresses, section numbers such as ``2. Medicijnen``) are masked first, so
they never become quantities.

Low ordinals (eerste, tweede, derde) are sequence words in Dutch prose ("een tweede curettage")
and are not read as quantities; from "vierde" on, and every digit ordinal (12e, 12de), they are.
One exception: "(in/binnen) de eerste week|dag|maand" is a window of one unit (a maximum).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

# ---------------------------------------------------------------------------------------------
# number words

_UNITS = {"een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
          "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
          "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
         "tachtig": 80, "negentig": 90}
_SPECIAL = {"half": 0.5, "halve": 0.5, "anderhalf": 1.5, "anderhalve": 1.5, "nul": 0}
_LOW_ORDINALS = {"eerste", "tweede", "derde"}
_RATE_WORDS = {"per", "elk", "elke", "ieder", "iedere"}  # "per uur" states an hour without a number
_ZO_N = frozenset(("zo'n", "zo’n"))  # "zo'n kwartier": "zo'n" is "zo een", one unit without a number
_WEAK_ONE = {"een", "één", "eén"}  # the article "een" is a number only before a unit or in a ratio


def _below100(w: str) -> int | None:
    if w in _UNITS:
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS:
        return _TENS[w]
    for tens, tv in _TENS.items():
        if w.endswith(tens):
            head = w[: -len(tens)]
            for joint in ("en", "ën"):
                if head.endswith(joint) and head[: -len(joint)] in _UNITS:
                    return _UNITS[head[: -len(joint)]] + tv
    return None


def _below1000(w: str) -> int | None:
    if not w:
        return None
    if "honderd" in w:
        head, _, tail = w.partition("honderd")
        h = 1 if head == "" else _below100(head)
        if h is None or h >= 10:
            return None
        t = 0 if tail == "" else _below100(tail.removeprefix("en"))
        return None if t is None else h * 100 + t
    return _below100(w)


@lru_cache(maxsize=4096)
def number_word(word: str) -> float | None:
    """The value of a Dutch cardinal number word (``vijfentwintig`` -> 25), or None."""
    w = word.lower()
    if w in _SPECIAL:
        return _SPECIAL[w]
    if "duizend" in w:
        head, _, tail = w.partition("duizend")
        h = 1 if head == "" else _below1000(head)
        t = 0 if tail == "" else _below1000(tail.removeprefix("en"))
        if h is None or t is None:
            return None
        return h * 1000 + t
    return _below1000(w)


@lru_cache(maxsize=4096)
def ordinal_word(word: str) -> int | None:
    """``twaalfde`` -> 12, ``twintigste`` -> 20; None for eerste/tweede/derde and non-ordinals."""
    w = word.lower()
    if w in _LOW_ORDINALS or len(w) < 5:
        return None
    for suffix in ("ste", "de"):
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            for cand in (stem, stem + "n"):  # zevende -> zeven(de), negende -> negen(de)
                v = number_word(cand)
                if v is not None and v >= 4 and float(v).is_integer():
                    return int(v)
            if stem.endswith("n"):
                v = number_word(stem)
                if v is not None and v >= 4:
                    return int(v)
    return None


# ---------------------------------------------------------------------------------------------
# units

# word -> (canonical unit, factor)
UNIT_WORDS: dict[str, tuple[str, float]] = {
    "procent": ("percent", 1), "percent": ("percent", 1), "pct": ("percent", 1),
    "week": ("weeks", 1), "weken": ("weeks", 1), "zwangerschapsweek": ("weeks", 1), "zwangerschapsweken": ("weeks", 1), "wk": ("weeks", 1), "wkn": ("weeks", 1),
    "dag": ("days", 1), "dagen": ("days", 1), "dgn": ("days", 1),
    "maand": ("months", 1), "maanden": ("months", 1), "mnd": ("months", 1),
    "jaar": ("years", 1), "jaren": ("years", 1),
    "uur": ("hours", 1), "uren": ("hours", 1), "u": ("hours", 1),
    "minuut": ("minutes", 1), "minuten": ("minutes", 1), "min": ("minutes", 1), "mins": ("minutes", 1),
    "kwartier": ("minutes", 15), "kwartiertje": ("minutes", 15), "halfuur": ("minutes", 30),
    "halfuurtje": ("minutes", 30), "uurtje": ("hours", 1), "weekje": ("weeks", 1), "dagje": ("days", 1),
    "graden": ("celsius", 1), "graad": ("celsius", 1),
}
UNITS = ("percent", "weeks", "days", "months", "years", "hours", "minutes", "celsius", "count")

# from -> to -> factor; months use 4.35 weeks (the average month, as the facts catalog states)
CONVERSIONS: dict[tuple[str, str], float] = {
    ("days", "weeks"): 1 / 7, ("months", "weeks"): 4.35, ("years", "weeks"): 52.18,
    ("weeks", "days"): 7, ("months", "days"): 30.44, ("years", "days"): 365.25,
    ("weeks", "months"): 1 / 4.35, ("days", "months"): 1 / 30.44, ("years", "months"): 12,
    ("hours", "minutes"): 60, ("minutes", "hours"): 1 / 60, ("days", "hours"): 24,
    ("hours", "days"): 1 / 24,
}


# A month is 28 to 31 days: a value converted from months may lie anywhere in this spread when
# it is compared (the fact itself keeps the x 4.35 value).
CONVERSION_SPREAD: dict[tuple[str, str], tuple[float, float]] = {
    ("months", "weeks"): (4.0, 31 / 7), ("months", "days"): (28, 31),
}


def convert(value: float | None, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to``; raises KeyError when they do not convert."""
    if value is None or unit == to:
        return value
    return round(value * CONVERSIONS[(unit, to)], 2)


def convertible(unit: str, to: str) -> bool:
    return unit == to or (unit, to) in CONVERSIONS


# ---------------------------------------------------------------------------------------------
# words that bound or hedge a quantity (token sequences, lower-case)

_HEDGES = [p.split() for p in (
    "ongeveer", "circa", "ca", "rond", "rond de", "rondom", "zo rond de", "zo'n", "zo’n", "zon",
    "bijna", "pakweg", "omstreeks", "plusminus", "±", "~", "om en nabij de", "om en nabij",
    "ongeveer bij", "gemiddeld", "zowat", "nagenoeg", "grofweg", "naar schatting", "ong",
    "bij benadering", "een kleine",
)]
# "ruim 8 op de 10" is a little more than 80 %: a lower bound, and a hedged one
_HEDGED_MIN = [p.split() for p in ("ruim", "ruim boven", "dik")]
_BOUNDS_MIN = [p.split() for p in (
    "minstens", "ten minste", "tenminste", "minimaal", "op zijn minst", "meer dan", "langer dan",
    "groter dan", "hoger dan", "boven", "boven de", ">", "≥", "> =", "vanaf", "niet minder dan",
    "groter is dan", "hoger is dan", "meer is dan", "langer is dan",
    "niet korter dan", "niet lager dan", "niet kleiner dan", "min.", "minimum", "zeker", "op z'n minst",
)]
_BOUNDS_MAX = [p.split() for p in (
    "maximaal", "hooguit", "hoogstens", "ten hoogste", "maximum", "max", "niet meer dan", "niet hoger dan",
    "niet groter dan", "niet vaker dan",
    "niet langer dan", "minder dan", "korter dan", "lager dan", "kleiner dan", "onder", "onder de",
    "beneden", "beneden de", "<", "≤", "tot", "tot aan", "binnen", "in de eerste", "de eerste",
    "kleiner is dan", "lager is dan", "minder is dan", "korter is dan",
    "tot en met", "t/m", "uiterlijk", "vóór", "voor de", "vóór de", "tot de", "tot aan de", "tot wel", "tot zelfs", "binnen de",
)]
# a verb of rising before "tot" ("het risico loopt op tot 40%") states the value reached; falling "tot"
# ("daalt tot 5 %") stays a maximum, as the leaflets' readers take it
_RISES = re.compile(r"\b(stijg\w*|gestegen|steeg|stegen|loopt\b.*\bop|oplo\w*|neemt\b.*\btoe|toeneem\w*|toenemen|toegenomen)\W+(\w+\W+){0,12}$", re.I)
# a share after a comma or "en" that follows another share of the sentence continues a series by group
# ("± 9% voor vrouwen van 20 jaar, tot 50% voor vrouwen van 42 jaar en tot 75% voor ..."): the value
# of the next group, no maximum
_SERIES = re.compile(r"\d\s*(%|procent)[^.;:!?]{0,60}(,|\ben)\s*$", re.I)
_PERCENT_NEXT = re.compile(r"\s*(ongeveer\s+|circa\s+|zo.n\s+)?\d+([.,]\d+)?\s*(%|procent)", re.I)
_POST_MIN = [p.split() for p in ("of meer", "of hoger", "of langer", "en meer", "en hoger", "of ouder", "+")]
_POST_MAX = [p.split() for p in ("of minder", "of lager", "of korter")]
_RANGE_SEPS = [p.split() for p in ("-", "–", "—", "tot en met", "t/m", "tot", "à", "á", "a", "of")]
# a word between the separator and the second number of a range ("van 10 tot zelfs 20 procent")
_RANGE_FILLERS = frozenset(("zelfs", "wel", "soms", "maximaal", "hooguit", "ruim", "bijna", "ongeveer"))
# "op die" is a frequent slip for "op de" ("een op die tien")
_RATIO_LINKS = [p.split() for p in ("op de", "op die", "op het", "op elke", "op iedere", "op", "van de", "van elke",
                                     "van iedere", "per")]
_MEASURES = {"mg", "milligram", "microgram", "mcg", "µg", "gram", "g", "ml", "milliliter", "kg", "cm", "mm", "mmol"}
# "1 zwangerschap op 6": a ratio with its noun in the middle
_NOUN_RATIO_LINKS = [p.split() for p in ("op de", "op elke", "op iedere", "op")]

# a bare number after a word for body temperature, in this range, is degrees Celsius
_TEMPERATURE_WORDS = ("temperatuur", "koorts", "lichaamstemperatuur")
_BODY_TEMPERATURE = (35.0, 43.0)

_FRACTION_WORDS = {"helft": 50.0, "kwart": 25.0, "driekwart": 75.0, "derde": 100 / 3,
                   "vierde": 25.0, "vijfde": 20.0, "tiende": 10.0}

# ---------------------------------------------------------------------------------------------
# masks: look-alikes that must never become quantities

_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
           "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_MASKS = [
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:nl|be|com|org|eu)\b", re.I),
    # phone numbers: Dutch/Belgian, national or international, with spaces, dashes or dots
    re.compile(r"(?<![\w+])(?:(?:\+|00) ?3[12] ?(?:\(0\) ?)?\d(?:(?: ?[.\-] ?| )?\d){7,9}"
               r"|\(?0\d{1,3}\)?(?:(?: ?[.\-] ?| )?\d){6,8})(?![\d,])"),
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"),
    # ISO dates and months: "2023-04", "2023-04-12" (a page's date stamp)
    re.compile(r"\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b"),
    re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b\.?(?:\s+\d{{4}})?", re.I),
    re.compile(rf"\b(?:{_MONTHS})\s+\d{{4}}\b", re.I),
    re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:uur|u)\b|\b\d{1,2}:\d{2}\b", re.I),
    re.compile(r"\b\d+(?:[.,]\d+)?\s*/\s*\d+(?:[.,]\d+)?"),  # 4.6/5, 24/7
    re.compile(r"(?:^|(?<=\n))\s*\d+(?:\.\d+)*[.)](?=\s+\S)"),  # section or list numbers
    # a year after a word that dates ("versie 2024"); not the year of an ISO date, masked whole above
    re.compile(r"(?:\(|\b(?:in|sinds|uit|van|jaar|editie|versie|update|©)\s+)(?:19|20)\d{2}\b(?!-\d)\)?", re.I),
    re.compile(r"\b(?:nr|nummer|pagina|blz|p|art|artikel|hoofdstuk|stap)\.?\s*\d+\b", re.I),
    # citation and footnote markers: numbers alone in brackets ("(1,2)", "[3]", "[1-3]"), and
    # digits glued to a percent sign or a word ("15%2", "procent1", "zwangerschappen1,2") or to
    # the full stop that ends a sentence ("... miskraam.3 Dat ...")
    re.compile(r"\[\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]|(?<=\S)\s?\(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\)"),
    re.compile(r"(?<=[%‰])\d{1,3}(?:,\d{1,3})*(?![\d%])|(?<=[^\W\d_]{3})(?<![Ww]eek)\d{1,3}(?:,\d{1,3})*(?![\w%])"
               r"|(?<=[^\W\d_]{3}[.])\d{1,3}(?:,\d{1,3})*(?=\s+[A-Z]|\s*$)"),
]

_TOKEN = re.compile(
    # "20 000": thousands grouped by a (narrow, no-break) space
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d]|[.,]\d)|\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>%|‰|[°º]\s?[CcF]?|[<>≤≥±~\-–—/+])"
    r"|(?P<punct>\S)"
)


@dataclass(frozen=True)
class Token:
    kind: str  # num | word | sym | punct
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    """A quantity as stated: ``lo``..``hi`` in ``unit``; ``bound`` opens one end.

    ``start``/``end`` cover the whole phrase (hedge and bound words, numbers, unit);
    ``core_start`` is where the first number starts.
    """

    start: int
    end: int
    core_start: int
    lo: float
    hi: float
    unit: str
    approx: bool = False
    bound: str | None = None  # "min" | "max"
    noun: str = ""  # the word after a plain count ("vrouwen")
    form: str = "number"  # number | ratio | fraction | ordinal | elliptic (the unit of an earlier clause)
    stated_unit: str = ""  # the unit word as written

    @property
    def min(self) -> float | None:
        return None if self.bound == "max" else self.lo

    @property
    def max(self) -> float | None:
        return None if self.bound == "min" else self.hi


def _parse_digits(s: str) -> float | None:
    """Dutch digits: decimal comma (38,5), thousands dot (20.000); a dot before 1-2 digits is decimal."""
    s = re.sub(r"[ \u00a0\u202f]", "", s)
    if "," in s:
        whole, _, frac = s.rpartition(",")
        if "," in whole:
            return None
        parts = whole.split(".")
        if len(parts) > 1 and not all(len(p) == 3 for p in parts[1:]):
            return None
        try:
            return float("".join(parts) + "." + frac)
        except ValueError:
            return None
    parts = s.split(".")
    if len(parts) == 1:
        return float(s)
    if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3 and parts[0] != "0":
        return float("".join(parts))
    if len(parts) == 2:
        return float(s)
    return None


# one pass over the text instead of one per mask
_MASK = re.compile("|".join(f"(?{'i' if rx.flags & re.I else ''}:{rx.pattern})" for rx in _MASKS))
_HAS_DIGIT = re.compile(r"\d")


def mask(text: str) -> str:
    """``text`` with look-alike numbers (phones, dates, times, scores, URLs) blanked out.

    Blanked characters become ``#`` so offsets stay and no quantity spans them.
    """
    if not _HAS_DIGIT.search(text) and "www" not in text and "@" not in text:
        return text
    chars = None
    for m in _MASK.finditer(text):
        if chars is None:
            chars = list(text)
        for i in range(m.start(), m.end()):
            if not chars[i].isspace():
                chars[i] = "#"
    return text if chars is None else "".join(chars)


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        s = m.group()
        out.append(Token(kind, s, s.lower(), m.start(), m.end()))
    return out


class Num(NamedTuple):
    """A number read at a token: its value, the index after it, and its form."""

    value: float
    next: int
    form: str  # digits | word | weak | ordinal


class UnitWord(NamedTuple):
    """A unit read at a token: canonical unit, factor to it, the index after it, the word as written."""

    unit: str
    factor: float
    next: int
    word: str


class Core(NamedTuple):
    """The numeric core of a quantity (numbers and unit, without hedge or bound words)."""

    lo: float
    hi: float
    unit: str
    next: int  # index after the core
    form: str = "number"  # number | ratio | fraction | ordinal
    noun: str = ""
    stated_unit: str = ""


class Prefix(NamedTuple):
    """Hedge and bound words read before a core: where the core starts and what they said."""

    next: int
    approx: bool
    bound: str | None
    bound_at: int  # index of the last maximum-bound phrase, -1 if none


def _percent(lo: float, hi: float, nxt: int, form: str) -> Core:
    return Core(lo, hi, "percent", nxt, form)


class QuantityParser:
    """Reads the quantities of one text: ``run()`` gives them all; ``at``/``prefix``/``core``/``suffix_bound``
    read the parts of one quantity at a token index."""

    def __init__(self, text: str):
        self.text = text
        self.toks = tokenize(mask(text))

    # -- helpers -------------------------------------------------------------------------------
    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def phrase(self, i: int, phrases: list[list[str]]) -> int:
        """Length (in tokens) of the longest phrase matching at ``i``; 0 if none."""
        if i >= len(self.toks):
            return 0
        candidates = _index(phrases).get(self.toks[i].low)
        if not candidates:
            return 0
        for p in candidates:  # longest first
            if all(self.low(i + k) == p[k] for k in range(1, len(p))):
                return len(p)
        return 0

    def number(self, i: int, allow_weak: bool = True) -> Num | None:
        """The number at token ``i``, or None."""
        if i >= len(self.toks):
            return None
        t = self.toks[i]
        if t.kind == "num":
            return self._digits(i)
        if t.kind == "word":
            return self._number_word(i, allow_weak)
        return None

    def _digits(self, i: int) -> Num | None:
        t = self.toks[i]
        v = _parse_digits(t.text)
        if v is None:
            return None
        j = i + 1
        nxt = self.toks[j] if j < len(self.toks) else None
        if nxt and nxt.kind == "word" and nxt.start == t.end and nxt.low in ("e", "de", "ste"):
            return Num(v, j + 1, "ordinal")
        if nxt and nxt.kind == "word" and nxt.low in ("duizend", "miljoen"):
            return Num(v * (1000 if nxt.low == "duizend" else 1_000_000), j + 1, "digits")
        return Num(v, j, "digits")

    def _number_word(self, i: int, allow_weak: bool) -> Num | None:
        low = self.toks[i].low
        if low == "het" and self.low(i + 1) in ("uur", "kwartier", "halfuur") and self.low(i - 1) in ("binnen", "per", "elk"):
            return Num(1.0, i + 1, "weak")
        if low in ("uur", "kwartier", "halfuur") and self.low(i - 1) in _RATE_WORDS | _ZO_N:
            # "per uur", "elk uur", "zo'n uur": one hour; the unit is read at the same token
            return Num(1.0, i, "weak")
        if low in _WEAK_ONE:
            return Num(1.0, i + 1, "weak") if allow_weak else None
        v = number_word(low)
        if v is None and low.endswith("tal") and len(low) > 5:
            v = number_word(low[:-3])  # Flemish "een twintigtal": about twenty (approx, see at())
        if v is not None:
            return Num(float(v), i + 1, "weak" if low in ("half", "halve") else "word")
        o = ordinal_word(low)
        return None if o is None else Num(float(o), i + 1, "ordinal")

    def unit(self, i: int) -> UnitWord | None:
        """The unit at token ``i``, or None."""
        if i >= len(self.toks):
            return None
        t = self.toks[i]
        if t.kind == "sym":
            return self._unit_symbol(i)
        if t.kind != "word":
            return None
        if t.low in UNIT_WORDS:
            if t.low == "u" and (i == 0 or self.toks[i - 1].kind != "num"):
                return None
            unit, f = UNIT_WORDS[t.low]
            j = i + 1
            if unit == "celsius" and self.low(j) == "celsius":
                j += 1
            if t.low == "min" and self.low(j) == ".":
                j += 1
            return UnitWord(unit, f, j, t.text)
        if (t.text == "C" and i > 0 and self.toks[i - 1].kind == "num") or t.low == "celsius":
            return UnitWord("celsius", 1, i + 1, t.text)
        return None

    def _unit_symbol(self, i: int) -> UnitWord | None:
        t = self.toks[i]
        if t.text == "%":
            return UnitWord("percent", 1, i + 1, "%")
        if t.text == "‰":
            return UnitWord("percent", 0.1, i + 1, "‰")
        if t.text[:1] in "°º" and not t.text.rstrip().endswith("F"):
            j = i + 1
            if self.low(j) == "c" and self.toks[j].start == t.end:
                j += 1
            return UnitWord("celsius", 1, j, t.text)
        return None

    # -- one quantity at i ---------------------------------------------------------------------
    def at(self, i: int) -> tuple[Quantity, int] | None:
        """The quantity starting at token ``i`` and the index after it, or None."""
        pre = self.prefix(i)
        core_i = pre.next
        if core_i >= len(self.toks):
            return None
        core = self.core(core_i)
        if core is None:
            return None
        if core.unit == "count" and _BODY_TEMPERATURE[0] <= core.lo <= core.hi <= _BODY_TEMPERATURE[1] \
                and self._after_temperature(i):
            core = core._replace(unit="celsius")  # "koorts (temperatuur boven 38,5)": degrees
        core_tok = self.toks[core_i]
        approx = pre.approx
        if core_tok.low in _WEAK_ONE and self.low(core_i + 2) == "of" and core.lo != 1:
            approx = True  # "een week of twee"
        if core_tok.kind == "word" and core_tok.low.endswith("tal"):
            approx = True  # "een twintigtal"
        bound, j = self.suffix_bound(core.next, pre.bound)
        if bound == "max" and self._rising_to(pre.bound_at):
            bound = None
        start_i = i if (bound is not None or approx) else core_i
        q = Quantity(
            start=self.toks[start_i].start, end=self.toks[j - 1].end, core_start=core_tok.start,
            lo=_tidy(core.lo), hi=_tidy(core.hi), unit=core.unit, approx=approx, bound=bound,
            noun=core.noun, form=core.form, stated_unit=core.stated_unit,
        )
        return q, j

    def prefix(self, i: int) -> Prefix:
        """Any mix of hedge and bound words at ``i`` ("tot maximaal", "zo rond de", "ongeveer bij")."""
        approx, bound, bound_at = False, None, -1
        while True:
            n = self.phrase(i, _HEDGES)
            if n:
                approx = True
                i += n
                if self.low(i) == ".":
                    i += 1
                continue
            if self.low(i) in _WEAK_ONE and self.low(i + 1).endswith("tal") and number_word(self.low(i + 1)[:-3]):
                i += 1  # "een tiental dagen": the article belongs to the approximate number
                continue
            n = self.phrase(i, _HEDGED_MIN)
            if n:
                bound, approx = "min", True
                i += n
                continue
            n, kind = self.phrase(i, _BOUNDS_MIN), "min"
            if not n:
                n, kind = self.phrase(i, _BOUNDS_MAX), "max"
            if not n:
                return Prefix(i, approx, bound, bound_at)
            if kind == "max":
                bound_at = i
            bound = kind
            i += n
            if self.low(i) == "." and self.low(i - 1) in ("min", "max"):
                i += 1  # "max. 2 weken"

    def suffix_bound(self, j: int, bound: str | None) -> tuple[str | None, int]:
        """A bound after the core ("38 °C of hoger") replaces one before it."""
        n = self.phrase(j, _POST_MIN)
        if n:
            return "min", j + n
        n = self.phrase(j, _POST_MAX)
        if n:
            return "max", j + n
        return bound, j

    def _after_temperature(self, i: int) -> bool:
        """Whether a word for body temperature stands right before token ``i`` (up to three tokens)."""
        return any(self.low(k).endswith(_TEMPERATURE_WORDS) for k in range(max(0, i - 3), i))

    def _rising_to(self, k: int) -> bool:
        """Whether "tot" at ``k`` follows a verb of rising or continues a series of shares by group: the
        value reached, not a maximum ("tot wel 90 procent", "tot zelfs 20" stay an upper end)."""
        if self.low(k) != "tot" or self.low(k + 1) in ("wel", "zelfs", "maximaal", "hooguit"):
            return False
        start = self.toks[k].start
        before = self.text[max(0, start - 70) : start]
        return bool(_RISES.search(before) or _SERIES.search(before) and _PERCENT_NEXT.match(self.text[self.toks[k].end:]))

    # -- the numeric core ----------------------------------------------------------------------
    def core(self, i: int) -> Core | None:
        """The numeric core at ``i``: fraction, one-unit window, unit-first, between, ordinal or number."""
        num = self.number(i)
        found = self._fraction(i, num) or self._window(i)
        if found:
            return found
        low = self.low(i)
        if self.toks[i].kind == "word" and (low in ("week", "wk") or low.endswith("zwangerschapsweek")):
            return self._unit_first(i)
        if low == "tussen":
            return self._between(i + 2 if self.low(i + 1) == "de" else i + 1)
        if num is None:
            return None
        if num.form == "ordinal":
            u = self.unit(num.next)
            if u is None or u.unit not in ("weeks", "days", "months"):
                return None
            return Core(num.value, num.value, u.unit, u.next, "ordinal", "", u.word)
        return self._numeric(num)

    def _fraction(self, i: int, num: Num | None) -> Core | None:
        """"de helft", "driekwart", "een kwart", "twee derde": a share in percent; "de helft tot
        driekwart" is one range."""
        a = self._one_fraction(i, num)
        if a is None or self.low(a.next) not in ("tot", "à", "a", "-", "–", "of"):
            return a
        b = self._one_fraction(a.next + 1, self.number(a.next + 1))
        if b is None or b.lo <= a.hi:
            return a
        return _percent(a.lo, b.hi, b.next, "fraction")

    def _one_fraction(self, i: int, num: Num | None) -> Core | None:
        low = self.low(i)
        if low == "de" and self.low(i + 1) == "helft":
            return _percent(50.0, 50.0, i + 2, "fraction")
        if low == "de" and self.low(i + 1) in ("andere", "overige") and self.low(i + 2) == "helft":
            return _percent(50.0, 50.0, i + 3, "fraction")  # "bij de andere helft": the other half
        if low == "driekwart":
            return _percent(75.0, 75.0, i + 1, "fraction")
        if num is None or num.form not in ("weak", "word") or self.low(num.next) not in _FRACTION_WORDS:
            return None
        frac = self.low(num.next)
        after = self.low(num.next + 1)
        if frac not in ("helft", "kwart", "driekwart") and after not in ("van", "deel", ",", ".", ")", ""):
            return None
        if frac not in ("helft", "kwart", "driekwart") and after != "van" and self.low(i - 1) == "op":
            return None  # "kans op een derde": a third one (a sequence), no share
        v = num.value * _FRACTION_WORDS[frac]
        if frac == "helft":
            v = 50.0 * num.value if num.value != 1 else 50.0
        return _percent(v, v, num.next + 1, "fraction") if v <= 100 else None

    def _window(self, i: int) -> Core | None:
        """A window of one unit: Flemish "binnen de week", and "in de eerste week" (the first, single
        week); "eerste" before a number ("de eerste 2 weken") or elsewhere stays a sequence word."""
        if self.low(i) not in ("week", "dag", "maand"):
            return None
        if (self.low(i - 1), self.low(i - 2)) not in (("de", "binnen"), ("eerste", "de")):
            return None
        u = self.unit(i)
        return Core(1.0, 1.0, u.unit, u.next, "number", "", u.word)

    def _unit_first(self, i: int) -> Core | None:
        """"week 12", "zwangerschapsweek 12": the unit before its number names a week."""
        n = self.number(i + 1, allow_weak=False)
        if n is not None and n.form in ("digits", "word"):
            return Core(n.value, n.value, "weeks", n.next, "ordinal", "", self.toks[i].text)
        return None

    def _between(self, i: int) -> Core | None:
        """"tussen (de) A [unit] en (de) B [unit]", with ``i`` at A; "tussen 1 op 10 en 1 op 5"."""
        a = self.number(i)
        if a is None:
            return None
        ratios = self._between_ratios(a)
        if ratios is not None:
            return ratios
        ua = self.unit(a.next)
        k = ua.next if ua else a.next
        if self.low(k) != "en":
            return None
        b = self.number(k + 2 if self.low(k + 1) == "de" else k + 1)
        if b is None or b.value < a.value:
            return None
        ub = self.unit(b.next)
        u = ub or ua
        if u is None:
            return Core(a.value, b.value, "count", b.next, "number", self.low(b.next), "")
        return Core(a.value * u.factor, b.value * u.factor, u.unit, ub.next if ub else b.next, "number", "", u.word)

    def _between_ratios(self, a: Num) -> Core | None:
        """"tussen 1 op 10 en 1 op 5": one range of the two shares (``a`` the first number)."""
        first = self._ratio(a.next, a.value, None)
        if first is None or self.low(first.next) != "en":
            return None
        b = self.number(first.next + 1)
        second = self._ratio(b.next, b.value, None) if b is not None else None
        if second is None:
            return None
        return _percent(min(first.lo, second.lo), max(first.hi, second.hi), second.next, "ratio")

    def _numeric(self, num: Num) -> Core | None:
        """A number with a unit, a range, a ratio or a count of a noun."""
        a_val, j = num.value, num.next
        if num.form == "weak" and a_val == 1:
            about = self._unit_or_more(j)
            if about:
                return about
            if self.low(j) in ("half", "halve"):
                a_val, j = 0.5, j + 1  # "een half uur", "een halve dag": the article before half
        ua = self.unit(j)
        if ua is not None:
            return self._unit_range(a_val, ua)
        b_range = self._range_end(j, a_val, num.form)
        ratio = self._ratio(b_range.next if b_range else j, a_val, b_range)
        if ratio:
            return ratio
        if b_range is not None:
            ub = self.unit(b_range.next)
            if ub is not None:
                return Core(a_val * ub.factor, b_range.value * ub.factor, ub.unit, ub.next, "number", "", ub.word)
            if num.form == "weak":
                return None
            return Core(a_val, b_range.value, "count", b_range.next, "number", self.low(b_range.next), "")
        ratio = self._noun_ratio(j, a_val)
        if ratio or num.form == "weak":
            return ratio
        noun = self.low(j) if j < len(self.toks) and self.toks[j].kind == "word" else ""
        return Core(a_val, a_val, "count", j, "number", noun, "")

    def _unit_or_more(self, j: int) -> Core | None:
        """"een week of twee", "een dag of tien": about two weeks, about ten days (``j`` after "een")."""
        if self.low(j + 1) != "of":
            return None
        u = self.unit(j)
        n2 = self.number(j + 2, allow_weak=False) if u is not None else None
        if n2 is not None and n2.form in ("digits", "word") and n2.value >= 2:
            return Core(n2.value * u.factor, n2.value * u.factor, u.unit, n2.next, "number", "", u.word)
        return None

    def _range_end(self, j: int, a_val: float, form: str) -> Num | None:
        """The second number of a unitless range "A sep B" (``j`` after A), when B exceeds A."""
        n = self.phrase(j, _RANGE_SEPS)
        if not n or (self.low(j) == "a" and form != "digits"):
            return None
        if self.low(j + n) in _RANGE_FILLERS:  # "van 10 tot zelfs 20 procent"
            n += 1
        b = self.number(j + n)
        # "na drie tot 25-46 %": B starts a range of its own, A is a count standing apart
        if b is not None and self.low(b.next) in ("-", "–") and self.number(b.next + 1) is not None:
            return None
        if b is not None and b.form != "ordinal" and b.value > a_val:
            return b
        return None

    def _ratio(self, k: int, a_val: float, b_range: Num | None) -> Core | None:
        """"1 op de 10", "één op de vier à vijf", "1-2 per 1000" (``k`` after the first number/range)."""
        n = self.phrase(k, _RATIO_LINKS)
        if not n:
            return None
        d = self.number(k + n, allow_weak=False)
        hi_num = b_range.value if b_range else a_val
        if d is None or d.form not in ("digits", "word") or d.value < 2 or d.value <= hi_num:
            return None
        m = self.phrase(d.next, _RANGE_SEPS)
        e = self.number(d.next + m, allow_weak=False) if m and b_range is None else None
        if e is not None and e.form == d.form and e.value > d.value:
            return _percent(a_val / e.value * 100, a_val / d.value * 100, e.next, "ratio")  # 1/5 to 1/4
        # "1 op 10 of 1 op 8" names two restatements, "1 op 8 tot 1 op 10" one range
        second = self._second_ratio(d.next + m) if m and b_range is None and self.low(d.next) != "of" else None
        if second is not None:  # "één op de vijf tot één op de zes", "1 op 8 tot 1 op 10"
            first = a_val / d.value * 100
            return _percent(min(first, second.lo), max(first, second.hi), second.next, "ratio")
        return _percent(a_val / d.value * 100, hi_num / d.value * 100, d.next, "ratio")

    def _second_ratio(self, k: int) -> Core | None:
        """The ratio a range continues with after its separator ("... tot één op de zes")."""
        b = self.number(k)
        if b is None or b.form == "ordinal" or not self.phrase(b.next, _RATIO_LINKS):
            return None
        n = self.phrase(b.next, _RATIO_LINKS)
        d = self.number(b.next + n, allow_weak=False)
        if d is None or d.form not in ("digits", "word") or d.value < 2 or d.value <= b.value:
            return None
        return _percent(b.value / d.value * 100, b.value / d.value * 100, d.next, "ratio")

    def _noun_ratio(self, j: int, a_val: float) -> Core | None:
        """"1 zwangerschap op 6": a ratio with its noun in the middle (``j`` at the noun)."""
        if j >= len(self.toks) or self.toks[j].kind != "word" or self.toks[j].low in _STARTERS:
            return None
        n = self.phrase(j + 1, _NOUN_RATIO_LINKS)
        if not n:
            return None
        d = self.number(j + 1 + n, allow_weak=False)
        if d is None or d.form not in ("digits", "word") or d.value < 2 or d.value <= a_val:
            return None
        if self.low(d.next) in _MEASURES:  # "1 tablet op 200 mg" is a dose
            return None
        return _percent(a_val / d.value * 100, a_val / d.value * 100, d.next, "ratio")

    def _unit_range(self, a_val: float, ua: UnitWord) -> Core:
        """A [unit] with an optional "sep B unit" range after it; B's unit may differ if it converts."""
        single = Core(a_val * ua.factor, a_val * ua.factor, ua.unit, ua.next, "number", "", ua.word)
        n = self.phrase(ua.next, _RANGE_SEPS)
        if not n or self.low(ua.next) in ("a", "of"):
            return single
        b = self.number(ua.next + n)
        if b is not None and b.form == "weak" and b.value == 1 and self.low(b.next) in ("half", "halve"):
            b = Num(0.5, b.next + 1, "weak")  # "een kwartier tot een half uur"
        if b is None or b.form == "ordinal":
            return single
        ub = self.unit(b.next)
        if ub is None:
            return single
        if (ub.unit, ub.factor) == (ua.unit, ua.factor):
            if b.value > a_val:
                return Core(a_val * ua.factor, b.value * ub.factor, ua.unit, ub.next, "number", "", ub.word)
            return single
        if convertible(ua.unit, ub.unit):
            lo = convert(a_val * ua.factor, ua.unit, ub.unit)
            if lo is not None and b.value * ub.factor > lo:
                return Core(lo, b.value * ub.factor, ub.unit, ub.next, "number", "", ub.word)
        return single

    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        i = 0
        n = len(self.toks)
        while i < n:
            t = self.toks[i]
            if t.kind == "punct" or (t.kind == "word" and not _may_start(t.low)):
                i += 1
                continue
            r = self.at(i)
            if r is None:
                i += 1
                continue
            q, j = r
            out.append(q)
            i = max(j, i + 1)
        return _merge_restatements(out, self.text)


_INDEXES: dict[int, dict[str, list[list[str]]]] = {}
_STARTERS = frozenset(
    [p[0] for lst in (_HEDGES, _HEDGED_MIN, _BOUNDS_MIN, _BOUNDS_MAX) for p in lst]
    + list(_WEAK_ONE) + list(_FRACTION_WORDS) + ["de", "tussen", "week", "wk", "het", "half", "halve", "uur", "kwartier", "halfuur"]
)


def _may_start(low: str) -> bool:
    """Whether a quantity can start at this word (a number word, hedge, bound, fraction, ...)."""
    if low in _STARTERS or low.endswith(("zwangerschapsweek", "tal")):
        return True
    return number_word(low) is not None or ordinal_word(low) is not None


def _index(phrases: list[list[str]]) -> dict[str, list[list[str]]]:
    """Phrases by their first word, longest first (built once per phrase list)."""
    idx = _INDEXES.get(id(phrases))
    if idx is None:
        idx = {}
        for p in sorted(phrases, key=len, reverse=True):
            idx.setdefault(p[0], []).append(p)
        _INDEXES[id(phrases)] = idx
    return idx


def _tidy(v: float) -> float:
    v = round(float(v), 4)
    return float(int(v)) if v.is_integer() else v


def _merge_restatements(qs: list[Quantity], text: str) -> list[Quantity]:
    """Drop a parenthesised quantity that restates the one before: "1 op de 2 vrouwen (50%)"."""
    out: list[Quantity] = []
    for q in qs:
        if out:
            prev = out[-1]
            between = text[prev.end : q.start]
            if (
                "(" in between
                and len(between) <= 20
                and prev.unit == q.unit
                and abs(prev.lo - q.lo) <= 1
                and abs(prev.hi - q.hi) <= 1
            ):
                continue
        out.append(q)
    return out


def parse_quantities(text: str, units: tuple = ()) -> list[Quantity]:
    """Every quantity in ``text`` (a sentence or clause), in order of appearance. ``units`` are a
    topic's own units (``name``, ``rx`` matching the words after a number, as in its catalog)."""
    if not _maybe_number(text):
        return []
    qs = _elliptic_units(_split_ratios(QuantityParser(text).run(), text), text)
    return [_with_unit(q, text, units) for q in qs] if units else qs


# the whole a ratio's part is taken from, named first: "van elke tien zwangerschappen", "op de 100 vrouwen"
_WHOLE_BEFORE = re.compile(r"\b(?:van|op|per)\s+(?:elke|iedere|de|alle)\s*$", re.I)
# what lies between the whole and its part: no other claim (a full stop, a semicolon, a colon)
_PART_BETWEEN = re.compile(r"^[^.;:!?()]*$")
_PARTITIVE_ER = re.compile(r"\ber\b", re.I)
# "één tot twee", "één à twee": the article "één" is the range's first number
_ONE_BEFORE = re.compile(r"\b(?:een|één|eén)\s+(?:tot|à|á|a|of|[-–])\s*$", re.I)


def _split_ratios(qs: list[Quantity], text: str) -> list[Quantity]:
    """A ratio whose whole comes first and its part after the verb: "Van elke tien zwangerschappen
    eindigen er één tot twee in een miskraam" (10–20 %), "Op de 100 vrouwen krijgen er 15 ...". The
    part is a count smaller than the whole, in the same clause, with the partitive "er" (or the
    whole's own noun) between; the whole is no quantity of its own."""
    out: list[Quantity] = []
    whole: Quantity | None = None
    for q in qs:
        if whole is not None and q.unit == "count" and q.form == "number" and q.hi < whole.lo:
            between = text[whole.end : q.start]
            if _PART_BETWEEN.match(between) and (_PARTITIVE_ER.search(between) or q.noun == whole.noun):
                one = _ONE_BEFORE.search(text[: q.core_start]) if q.lo == q.hi else None
                lo, start, bound = (1.0, one.start(), None) if one else (q.lo, q.start, q.bound)
                out[out.index(whole)] = replace(q, lo=_tidy(lo / whole.lo * 100), hi=_tidy(q.hi / whole.lo * 100),
                                                unit="percent", form="ratio", noun="", bound=bound, start=start)
                whole = None
                continue
        out.append(q)
        is_whole = (q.unit == "count" and q.form == "number" and q.lo == q.hi and q.lo >= 2 and q.bound is None
                    and q.noun.isalpha() and len(q.noun) > 3 and _WHOLE_BEFORE.search(text[: q.start]))
        whole = q if is_whole else whole
    return out


# a bare number that ends its clause ("..., in België op 20.", "bij 40 jaar 40 en ...")
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[.,;:)!?]|$|(?:en|of|maar)\b)")
# ... unless it names a group by its age ("bij vrouwen onder de 30, ...")
_AGE_BEFORE = re.compile(r"\b(vrouwen|jonger|ouder|leeftijd|jarigen?|moeders?)\b[^.;,]{0,20}$", re.I)


def _elliptic_units(qs: list[Quantity], text: str) -> list[Quantity]:
    """A bare number that closes a clause repeating the shape of an earlier one takes the unit of
    the last measured quantity before it: "in Nederland tot 16 weken, in België tot 20" (weeks),
    "na twee miskramen 25 procent, na drie 35" (percent). Ages are never what is inherited."""
    out: list[Quantity] = []
    for q in qs:
        source = next((p for p in reversed(out) if p.unit not in ("count", "years")), None)
        if (source is not None and q.unit == "count" and q.form == "number" and q.noun in ("", "en", "of", "maar")
                and _CLAUSE_END_AFTER.match(text, q.end) and not _AGE_BEFORE.search(text[: q.start])
                and (source.unit != "percent" or q.hi <= 100)):
            q = replace(q, unit=source.unit, stated_unit="", noun="", form="elliptic")
        out.append(q)
    return out


def _with_unit(q: Quantity, text: str, units: tuple) -> Quantity:
    """A plain number followed by the words of a data unit ("5,3 mmol/l") takes that unit."""
    if q.unit != "count":
        return q
    for unit in units:
        m = unit.rx.match(text, q.end)
        if m:
            return replace(q, unit=unit.name, end=m.end(), noun="", stated_unit=m.group(0).strip())
    return q


_UNIT_AFTER = (r"(?:week|weken|weekje|dag|dagen|dagje|maand|maanden|jaar|uur|uurtje|kwartier|kwartiertje|halfuur|"
               r"halfuurtje|minuut|minuten|half|halve|kwart|derde|vierde|vijfde|tiende|op|tot|à|of)")
_MAYBE_NUMBER = re.compile(
    r"\d|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\w*(?:tien|tig|honderd|duizend)(?:tal)?|"
    r"helft|kwart|driekwart|kwartier|half|halve|anderhalf|anderhalve)\b"
    rf"|\b(?:een|één|eén|het)\s+{_UNIT_AFTER}\b|\b\w+(?:de|ste)\s+(?:zwangerschaps)?(?:week|dag|maand)\b"
    r"|\b(?:per|elke?|iedere?)\s+(?:uur|kwartier|halfuur)\b|\bbinnen\s+de\s+(?:week|dag|maand)\b",
    re.I,
)


# The same test word by word (a regular expression with ``\w*`` alternatives is slow on sentences
# without any number, which are most of them): may ``text`` hold a quantity at all?
_NUMBER_WORDS = frozenset("""twee drie vier vijf zes zeven acht negen tien elf twaalf helft kwart driekwart kwartier
    half halve anderhalf anderhalve""".split())
_NUMBER_ENDINGS = tuple(e + t for e in ("tien", "tig", "honderd", "duizend") for t in ("", "tal"))
_ONE_WORDS = frozenset(("een", "één", "eén", "het")) | _ZO_N
_AFTER_ONE = frozenset(_UNIT_AFTER[3:-1].split("|"))
_RATE_FIRST = frozenset(("per", "elk", "elke", "ieder", "iedere"))
_RATE_UNITS = frozenset(("uur", "kwartier", "halfuur"))
_PERIODS = frozenset(("week", "dag", "maand"))
_LETTERS = re.compile(r"[^\W\d_]+")


# a word that may make the test below pass: a number word, the word after "een", "per" or an
# ordinal, or a word ending like a number ("vijfentwintig", "tiental"); most sentences have none
_TRIGGERS = _NUMBER_WORDS | _AFTER_ONE | _RATE_UNITS | _PERIODS | {"zwangerschaps" + p for p in _PERIODS}
_NUMBER_ENDING = re.compile(r"(?:tien|tig|honderd|duizend|tal)(?![^\W\d_])")


def _maybe_number(text: str) -> bool:
    if _HAS_DIGIT.search(text):
        return True
    low = text.lower()
    words = _LETTERS.findall(low)
    if _TRIGGERS.isdisjoint(words) and not _NUMBER_ENDING.search(low):
        return False
    return _number_in_words(words)


def _number_in_words(words: list[str]) -> bool:
    prev2 = prev = ""
    for w in words:
        if w in _NUMBER_WORDS or w.endswith(_NUMBER_ENDINGS):
            return True
        if w.endswith("tal") and len(w) > 5 and number_word(w[:-3]) is not None:
            return True  # Flemish "een tweetal weken"
        if (prev in _ONE_WORDS and w in _AFTER_ONE) or (prev in _RATE_FIRST and w in _RATE_UNITS):
            return True
        period = w in _PERIODS or (w.startswith("zwangerschaps") and w[13:] in _PERIODS)
        if period and ((len(prev) > 2 and prev.endswith("de")) or (len(prev) > 3 and prev.endswith("ste"))
                       or (prev2, prev) == ("binnen", "de")):
            return True
        prev2, prev = prev, w
    return False
