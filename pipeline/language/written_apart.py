"""Words that Dutch writes as one, written apart: a pronominal adverb ("er voor zorgen" -> ervoor) and
an abbreviation before the noun it makes a compound with ("IVF behandeling" -> IVF-behandeling).

Each check takes a sentence tagged by Frog and the index of a token, like the checks of
``pipeline.language.agreement``, which runs them; each has a cheap pre-check on the words alone.
"""

from __future__ import annotations

import re

from pipeline.i18n import _
from pipeline.language import lexicon
from pipeline.language.dt_checks import DtFinding
from pipeline.language.frog import FrogToken

# the prepositions that make a pronominal adverb with er/daar/hier ("eraan", "daarvoor", "hiermee")
ER_PREPOSITIONS = frozenset("""aan achter bij binnen boven buiten door in langs mee na naar naast om onder op over
    tegen tegenover toe tussen uit van voor zonder""".split())
_ADVERB_PRONOUNS = frozenset({"er", "daar", "hier", "waar"})
# subjects that "er" follows as the "er" of presence ("wie er mee mag", "of er iemand ...")
_SUBJECTS_BEFORE_ER = frozenset({"wie", "wat", "iemand", "niemand", "iets", "niets", "veel", "weinig", "hoeveel",
                                 "welke", "sommigen", "velen", "anderen", "meer", "minder"})
# what opens a phrase of the preposition's own ("er voor de deur"): then "er" stands apart
_PHRASE_START = frozenset({"LID", "N", "ADJ", "TW", "SPEC"})
_ABBREVIATION = re.compile(r"[A-Z]{2,6}")
_ROMAN = re.compile(r"[IVXLC]+")
# determiners of one thing: after them an abbreviation alone cannot be the phrase ("een MRI scan")
_ONE_THING = frozenset({"een", "één", "geen"})


def _low(t: FrogToken) -> str:
    return t.word.lower()


def _adjacent(a: FrogToken, b: FrogToken) -> bool:
    return b.start == a.end + 1


def pronominal_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """"er voor zorgen", "er over praten", "daar mee": er/daar/hier/waar right before a preposition that
    Frog reads as standing after its object (VZ(fin)), which "er" is: one word ("ervoor", "erover",
    "daarmee"). Not before a phrase of the preposition's own ("er voor de deur staan")."""
    if i + 1 >= len(tokens) or _low(tokens[i]) not in _ADVERB_PRONOUNS:
        return None
    t, p = tokens[i], tokens[i + 1]
    if _low(p) not in ER_PREPOSITIONS or p.pos != "VZ" or not p.has("fin") or not _adjacent(t, p):
        return None
    if _low(t) == "er" and _presence_er(tokens, i):
        return None  # "wie er mee mag": the "er" of a subject, and "mee" the verb's particle (meemogen)
    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
    if nxt is not None and (nxt.pos in _PHRASE_START or (nxt.pos == "VNW" and nxt.has("det"))
                            or _low(nxt) in ("en", "of", "en/of")):
        return None  # (and "er bij of kort na de bevruchting": two prepositions share the phrase after them)
    words = f"{t.word} {p.word}"
    fix = t.word + _low(p)
    return DtFinding(t.start, p.end, words, fix, "split-compound",
                     _("'{words}' is one word: '{fix}'").format(words=words, fix=fix))


def _presence_er(tokens: list[FrogToken], i: int) -> bool:
    """"er" after a subject such as "wie" or "iemand", also with the finite verb between ("wie kiest er
    voor afwachten?"): the "er" of presence, no part of a pronominal adverb."""
    if i and _low(tokens[i - 1]) in _SUBJECTS_BEFORE_ER:
        return True
    return i > 1 and tokens[i - 1].tag.startswith("WW(pv") and _low(tokens[i - 2]) in _SUBJECTS_BEFORE_ER


def pronominal_apart_suspect(words: list[str], i: int) -> bool:
    return words[i] in _ADVERB_PRONOUNS and i + 1 < len(words) and words[i + 1] in ER_PREPOSITIONS


def abbreviation_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """An abbreviation in capitals right before a common noun it makes a compound with ("IVF
    behandelingen", "te veel LH hormoon", "een MRI scan") takes a hyphen: IVF-behandelingen. Not after
    a determiner other than een/geen, where the noun may be the next phrase ("van het RIVM informatie
    krijgen"), nor in a line of capitals, a Roman number ("type II") or a name."""
    if i + 1 >= len(tokens):
        return None
    a, n = tokens[i], tokens[i + 1]
    if not _ABBREVIATION.fullmatch(a.word) or _ROMAN.fullmatch(a.word) or a.pos not in ("SPEC", "N"):
        return None
    if a.pos == "N" and not a.has("eigen"):
        return None
    prev = tokens[i - 1] if i else None
    one = prev is not None and _low(prev) in _ONE_THING
    # after "een MRI" the phrase still needs its noun, which Frog may read as a verb ("scan")
    noun = (n.pos == "N" and n.has("soort")) or (one and "n" in lexicon.tags(_low(n)))
    if not noun or not n.word.isalpha() or not n.word.islower() or len(n.word) < 3 or not _adjacent(a, n):
        return None
    if prev is not None and ((prev.pos == "LID" or (prev.pos == "VNW" and prev.has("det"))) and not one
                             or prev.word.isupper() and len(prev.word) > 1):
        return None
    words = f"{a.word} {n.word}"
    fix = f"{a.word}-{n.word}"
    return DtFinding(a.start, n.end, words, fix, "split-compound",
                     _("an abbreviation and the noun it makes a compound with take a hyphen: '{fix}'").format(fix=fix))


def abbreviation_apart_suspect(sentence: str, spans: list[tuple[int, int]], i: int) -> bool:
    if i + 1 >= len(spans):
        return False
    a, b = spans[i], spans[i + 1]
    word, nxt = sentence[a[0]:a[1]], sentence[b[0]:b[1]]
    return bool(_ABBREVIATION.fullmatch(word)) and sentence[a[1]:b[0]] == " " and nxt.islower() and len(nxt) >= 3
