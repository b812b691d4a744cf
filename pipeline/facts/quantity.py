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
from dataclasses import dataclass
from functools import lru_cache

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
    "niet korter dan", "min.", "minimum", "zeker", "op z'n minst",
)]
_BOUNDS_MAX = [p.split() for p in (
    "maximaal", "hooguit", "hoogstens", "ten hoogste", "maximum", "max", "niet meer dan",
    "niet langer dan", "minder dan", "korter dan", "lager dan", "kleiner dan", "onder", "onder de",
    "beneden", "beneden de", "<", "≤", "tot", "tot aan", "binnen", "in de eerste", "de eerste",
    "kleiner is dan", "lager is dan", "minder is dan", "korter is dan",
    "tot en met", "t/m", "uiterlijk", "vóór", "voor de", "vóór de", "tot de", "tot aan de",
)]
# a verb of rising before "tot" ("het risico loopt op tot 40%") states the value reached
_RISES = re.compile(r"\b(stijg\w*|gestegen|loopt\b.*\bop|oplo\w*|neemt\b.*\btoe|toeneem\w*|toenemen|toegenomen)\W+(\w+\W+){0,3}$", re.I)
_POST_MIN = [p.split() for p in ("of meer", "of hoger", "of langer", "en meer", "en hoger", "of ouder", "+")]
_POST_MAX = [p.split() for p in ("of minder", "of lager", "of korter")]
_RANGE_SEPS = [p.split() for p in ("-", "–", "—", "tot en met", "t/m", "tot", "à", "á", "a", "of")]
# "op die" is a frequent slip for "op de" ("een op die tien")
_RATIO_LINKS = [p.split() for p in ("op de", "op die", "op het", "op elke", "op iedere", "op", "van de", "van elke",
                                     "van iedere", "per")]
_MEASURES = {"mg", "milligram", "microgram", "mcg", "µg", "gram", "g", "ml", "milliliter", "kg", "cm", "mm", "mmol"}
# "1 zwangerschap op 6": a ratio with its noun in the middle
_NOUN_RATIO_LINKS = [p.split() for p in ("op de", "op elke", "op iedere", "op")]

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
    re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b\.?(?:\s+\d{{4}})?", re.I),
    re.compile(rf"\b(?:{_MONTHS})\s+\d{{4}}\b", re.I),
    re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:uur|u)\b|\b\d{1,2}:\d{2}\b", re.I),
    re.compile(r"\b\d+(?:[.,]\d+)?\s*/\s*\d+(?:[.,]\d+)?"),  # 4.6/5, 24/7
    re.compile(r"(?:^|(?<=\n))\s*\d+(?:\.\d+)*[.)](?=\s+\S)"),  # section or list numbers
    re.compile(r"(?:\(|\b(?:in|sinds|uit|van|jaar|editie|versie|update|©)\s+)(?:19|20)\d{2}\b\)?", re.I),
    re.compile(r"\b(?:nr|nummer|pagina|blz|p|art|artikel|hoofdstuk|stap)\.?\s*\d+\b", re.I),
]

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
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
    form: str = "number"  # number | ratio | fraction | ordinal
    stated_unit: str = ""  # the unit word as written

    @property
    def min(self) -> float | None:
        return None if self.bound == "max" else self.lo

    @property
    def max(self) -> float | None:
        return None if self.bound == "min" else self.hi


def _parse_digits(s: str) -> float | None:
    """Dutch digits: decimal comma (38,5), thousands dot (20.000); a dot before 1-2 digits is decimal."""
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
    for rx in (_MASK,):
        for m in rx.finditer(text):
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


class _Parser:
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

    def number(self, i: int, allow_weak: bool = True) -> tuple[float, int, str] | None:
        """(value, next index, form) of a number at token ``i``; form in digits|word|weak|ordinal."""
        if i >= len(self.toks):
            return None
        t = self.toks[i]
        if t.kind == "num":
            v = _parse_digits(t.text)
            if v is None:
                return None
            j = i + 1
            nxt = self.toks[j] if j < len(self.toks) else None
            if nxt and nxt.kind == "word" and nxt.start == t.end and nxt.low in ("e", "de", "ste"):
                return v, j + 1, "ordinal"
            if nxt and nxt.kind == "word" and nxt.low in ("duizend", "miljoen"):
                return v * (1000 if nxt.low == "duizend" else 1_000_000), j + 1, "digits"
            return v, j, "digits"
        if t.kind == "word":
            if t.low == "het" and self.low(i + 1) in ("uur", "kwartier", "halfuur") and self.low(i - 1) in ("binnen", "per", "elk"):
                return 1.0, i + 1, "weak"
            if t.low in ("uur", "kwartier", "halfuur") and self.low(i - 1) in _RATE_WORDS:
                # "per uur", "elk uur": one hour; the unit is read at the same token
                return 1.0, i, "weak"
            if t.low in _WEAK_ONE:
                return (1.0, i + 1, "weak") if allow_weak else None
            v = number_word(t.low)
            if v is None and t.low.endswith("tal") and len(t.low) > 5:
                v = number_word(t.low[:-3])  # Flemish "een twintigtal": about twenty (approx, see at())
            if v is not None:
                if t.low in ("half", "halve"):
                    return v, i + 1, "weak"
                return float(v), i + 1, "word"
            o = ordinal_word(t.low)
            if o is not None:
                return float(o), i + 1, "ordinal"
        return None

    def unit(self, i: int) -> tuple[str, float, int, str] | None:
        """(unit, factor, next index, word) of a unit at ``i``."""
        if i >= len(self.toks):
            return None
        t = self.toks[i]
        if t.kind == "sym" and t.text in ("%",):
            return "percent", 1, i + 1, "%"
        if t.kind == "sym" and t.text in ("‰",):
            return "percent", 0.1, i + 1, "‰"
        if t.kind == "sym" and t.text[:1] in "°º" and not t.text.rstrip().endswith("F"):
            j = i + 1
            if self.low(j) == "c" and self.toks[j].start == t.end:
                j += 1
            return "celsius", 1, j, t.text
        if t.kind == "word" and t.low in UNIT_WORDS:
            if t.low == "u" and (i == 0 or self.toks[i - 1].kind != "num"):
                return None
            unit, f = UNIT_WORDS[t.low]
            j = i + 1
            if unit == "celsius" and self.low(j) == "celsius":
                j += 1
            if t.low == "min" and self.low(j) == ".":
                j += 1
            return unit, f, j, t.text
        if t.kind == "word" and t.text == "C" and i > 0 and self.toks[i - 1].kind == "num":
            return "celsius", 1, i + 1, t.text
        if t.kind == "word" and t.low == "celsius":
            return "celsius", 1, i + 1, t.text
        return None

    # -- one quantity at i ---------------------------------------------------------------------
    def at(self, i: int) -> tuple[Quantity, int] | None:
        start_i = i
        approx = False
        bound: str | None = None
        bound_at = -1
        # prefix words: any mix of hedges and bounds ("tot maximaal", "zo rond de", "ongeveer bij")
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
            n = self.phrase(i, _BOUNDS_MIN)
            if n:
                bound = "min"
                i += n
                if self.low(i) == "." and self.low(i - 1) in ("min", "max"):
                    i += 1  # "max. 2 weken"
                continue
            n = self.phrase(i, _BOUNDS_MAX)
            if n:
                bound, bound_at = "max", i
                i += n
                if self.low(i) == "." and self.low(i - 1) in ("min", "max"):
                    i += 1
                continue
            break
        if i >= len(self.toks):
            return None
        core_i = i
        core = self.core(i)
        if core is None:
            return None
        lo, hi, unit, j, form, noun, stated = core
        if self.toks[core_i].low in _WEAK_ONE and self.low(core_i + 2) == "of" and lo != 1:
            approx = True  # "een week of twee"
        if self.toks[core_i].low.endswith("tal") and self.toks[core_i].kind == "word":
            approx = True
        # suffix bounds: "38 °C of hoger"
        n = self.phrase(j, _POST_MIN)
        if n:
            bound, j = "min", j + n
        else:
            n = self.phrase(j, _POST_MAX)
            if n:
                bound, j = "max", j + n
        if bound == "max" and self.low(bound_at) == "tot" and _RISES.search(self.text[max(0, self.toks[bound_at].start - 40) : self.toks[bound_at].start]):
            bound = None
        if start_i != core_i and bound is None and not approx:
            start_i = core_i
        q = Quantity(
            start=self.toks[start_i].start, end=self.toks[j - 1].end, core_start=self.toks[core_i].start,
            lo=_tidy(lo), hi=_tidy(hi), unit=unit, approx=approx, bound=bound, noun=noun, form=form,
            stated_unit=stated,
        )
        return q, j

    def core(self, i: int):
        """(lo, hi, unit, next index, form, noun, stated unit) of the numeric core at ``i``."""
        low = self.low(i)
        # fractions: "de helft", "een kwart", "driekwart", "twee derde"
        if low == "de" and self.low(i + 1) == "helft":
            return 50.0, 50.0, "percent", i + 2, "fraction", "", ""
        if low in ("driekwart",):
            return 75.0, 75.0, "percent", i + 1, "fraction", "", ""
        if low == "kwart" and self.low(i - 1) not in ("een",):
            pass
        num = self.number(i)
        if num is not None and num[2] in ("weak", "word") and self.low(num[1]) in _FRACTION_WORDS:
            frac = self.low(num[1])
            after = self.low(num[1] + 1)
            if frac in ("helft", "kwart", "driekwart") or after in ("van", "deel", ",", ".", ")", ""):
                v = num[0] * _FRACTION_WORDS[frac]
                if frac == "helft":
                    v = 50.0 * num[0] if num[0] != 1 else 50.0
                if v <= 100:
                    return v, v, "percent", num[1] + 1, "fraction", "", ""
        # "binnen de week" (Flemish): within a week
        if low in ("week", "dag", "maand") and self.low(i - 1) == "de" and self.low(i - 2) == "binnen":
            u = self.unit(i)
            return 1.0, 1.0, u[0], u[2], "number", "", u[3]
        # "in de eerste week": the first (single) week is a window of one week; "eerste" before a
        # number ("de eerste 2 weken") or elsewhere stays a sequence word
        if low in ("week", "dag", "maand") and self.low(i - 1) == "eerste" and self.low(i - 2) == "de":
            u = self.unit(i)
            return 1.0, 1.0, u[0], u[2], "number", "", u[3]
        # unit first: "week 12", "zwangerschapsweek 12"
        if self.toks[i].kind == "word" and (low in ("week", "wk") or low.endswith("zwangerschapsweek")):
            n2 = self.number(i + 1, allow_weak=False)
            if n2 is not None and n2[2] in ("digits", "word"):
                return n2[0], n2[0], "weeks", n2[1], "ordinal", "", self.toks[i].text
            return None
        if low == "tussen":
            if self.low(i + 1) == "de":
                i += 1
            a = self.number(i + 1)
            if a is not None:
                ua = self.unit(a[1])
                k = ua[2] if ua else a[1]
                if self.low(k) == "en":
                    b = self.number(k + 1)
                    if b is not None and b[0] >= a[0]:
                        ub = self.unit(b[1])
                        u = ub or ua
                        if u is not None:
                            f = u[1]
                            return a[0] * f, b[0] * f, u[0], (ub[2] if ub else b[1]), "number", "", u[3]
                        return a[0], b[0], "count", b[1], "number", self.low(b[1]), ""
            return None
        if num is None:
            return None
        a_val, j, form = num
        if form == "ordinal":
            u = self.unit(j)
            if u is None or u[0] not in ("weeks", "days", "months"):
                return None
            return a_val, a_val, u[0], u[2], "ordinal", "", u[3]
        # "een week of twee", "een dag of tien": about two weeks, about ten days
        if form == "weak" and a_val == 1 and self.low(j + 1) == "of":
            u = self.unit(j)
            n2 = self.number(j + 2, allow_weak=False) if u is not None else None
            if n2 is not None and n2[2] in ("digits", "word") and n2[0] >= 2:
                return n2[0] * u[1], n2[0] * u[1], u[0], n2[1], "number", "", u[3]
        # "een half uur", "een halve dag": the article before half
        if form == "weak" and a_val == 1 and self.low(j) in ("half", "halve"):
            a_val, j = 0.5, j + 1
        ua = self.unit(j)
        after_a = ua[2] if ua else j
        # ratio: "1 op de 10", "één op de tien", "1-2 per 1000"
        b_range = None
        n = self.phrase(after_a, _RANGE_SEPS) if ua is None else 0
        if n and not (self.low(after_a) == "a" and form != "digits"):
            b = self.number(after_a + n)
            if b is not None and b[2] != "ordinal" and b[0] > a_val:
                b_range = b
        ratio_at = b_range[1] if b_range else after_a
        if ua is None:
            n = self.phrase(ratio_at, _RATIO_LINKS)
            if n:
                d = self.number(ratio_at + n, allow_weak=False)
                hi_num = b_range[0] if b_range else a_val
                if d is not None and d[2] in ("digits", "word") and d[0] >= 2 and d[0] > hi_num:
                    m = self.phrase(d[1], _RANGE_SEPS)
                    e = self.number(d[1] + m, allow_weak=False) if m and b_range is None else None
                    if e is not None and e[2] == d[2] and e[0] > d[0]:
                        # "één op de vier à vijf": 1/5 to 1/4
                        return (a_val / e[0] * 100, a_val / d[0] * 100, "percent", e[1], "ratio", "", "")
                    return (a_val / d[0] * 100, hi_num / d[0] * 100, "percent", d[1], "ratio", "", "")
        if ua is None and b_range is None and j < len(self.toks) and self.toks[j].kind == "word":
            n = self.phrase(j + 1, _NOUN_RATIO_LINKS)
            if n and self.toks[j].low not in _STARTERS:
                d = self.number(j + 1 + n, allow_weak=False)
                if d is not None and d[2] in ("digits", "word") and d[0] >= 2 and d[0] > a_val \
                        and self.low(d[1]) not in _MEASURES:  # "1 tablet op 200 mg" is a dose
                    return a_val / d[0] * 100, a_val / d[0] * 100, "percent", d[1], "ratio", "", ""
        if form == "weak" and ua is None and b_range is None:
            return None
        # range: A [unit] sep B [unit]
        if ua is not None:
            n = self.phrase(ua[2], _RANGE_SEPS)
            if n and self.low(ua[2]) not in ("a", "of"):
                b = self.number(ua[2] + n)
                if b is not None and b[2] == "weak" and b[0] == 1 and self.low(b[1]) in ("half", "halve"):
                    b = (0.5, b[1] + 1, "weak")  # "een kwartier tot een half uur"
                if b is not None and b[2] != "ordinal":
                    ub = self.unit(b[1])
                    if ub is not None and (ub[0], ub[1]) == (ua[0], ua[1]) and b[0] > a_val:
                        return a_val * ua[1], b[0] * ub[1], ua[0], ub[2], "number", "", ub[3]
                    if ub is not None and (ub[0] != ua[0] or ub[1] != ua[1]) and convertible(ua[0], ub[0]):
                        lo = convert(a_val * ua[1], ua[0], ub[0])
                        if lo is not None and b[0] * ub[1] > lo:
                            return lo, b[0] * ub[1], ub[0], ub[2], "number", "", ub[3]
            return a_val * ua[1], a_val * ua[1], ua[0], ua[2], "number", "", ua[3]
        if b_range is not None:
            ub = self.unit(b_range[1])
            if ub is not None:
                return a_val * ub[1], b_range[0] * ub[1], ub[0], ub[2], "number", "", ub[3]
            if form == "weak":
                return None
            return a_val, b_range[0], "count", b_range[1], "number", self.low(b_range[1]), ""
        if form == "weak":
            return None
        noun_i = j
        noun = self.low(noun_i) if noun_i < len(self.toks) and self.toks[noun_i].kind == "word" else ""
        return a_val, a_val, "count", j, "number", noun, ""

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


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (a sentence or clause), in order of appearance."""
    if not _MAYBE_NUMBER.search(text):
        return []
    return _Parser(text).run()


_UNIT_AFTER = (r"(?:week|weken|weekje|dag|dagen|dagje|maand|maanden|jaar|uur|uurtje|kwartier|kwartiertje|halfuur|"
               r"halfuurtje|minuut|minuten|half|halve|kwart|derde|vierde|vijfde|tiende|op|tot|à|of)")
_MAYBE_NUMBER = re.compile(
    r"\d|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\w*(?:tien|tig|honderd|duizend)(?:tal)?|"
    r"helft|kwart|driekwart|kwartier|half|halve|anderhalf|anderhalve)\b"
    rf"|\b(?:een|één|eén|het)\s+{_UNIT_AFTER}\b|\b\w+(?:de|ste)\s+(?:zwangerschaps)?(?:week|dag|maand)\b"
    r"|\b(?:per|elke?|iedere?)\s+(?:uur|kwartier|halfuur)\b|\bbinnen\s+de\s+(?:week|dag|maand)\b",
    re.I,
)
