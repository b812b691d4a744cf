"""A subject of two persons or things joined by "en" takes a plural verb ("Kun jij en je partner
komen?" -> Kunnen; "Jij en je partner kan ..." -> kunnen).

Like the checks of ``pipeline.language.agreement``, which runs it: a sentence tagged by Frog and the
index of a token; with a cheap pre-check on the words alone.
"""

from __future__ import annotations

from pipeline.i18n import _
from pipeline.language.dt_checks import DtFinding
from pipeline.language.frog import FrogToken

# subject pronouns that open a coordinated subject ("jij en je partner", "u en uw partner")
_SUBJECTS = frozenset({"jij", "je", "u", "hij", "zij", "ik"})
# what opens the second part: a possessive or an article with its noun, or a pronoun
_SECOND_OPENERS = frozenset({"je", "jouw", "uw", "de", "het", "een", "zijn", "haar", "mijn", "hun"})
_SECOND_PRONOUNS = frozenset({"ik", "jij", "hij", "zij", "wij", "u"})


def _low(t: FrogToken) -> str:
    return t.word.lower()


def _singular_finite(t: FrogToken) -> bool:
    return t.pos == "WW" and t.has("pv") and t.has("tgw") and (t.has("ev") or t.has("met-t"))


def _second_end(tokens: list[FrogToken], k: int) -> int | None:
    """The last token of the second part of the subject that starts at ``k`` ("je partner", "ik")."""
    if k >= len(tokens):
        return None
    if _low(tokens[k]) in _SECOND_PRONOUNS:
        return k
    if _low(tokens[k]) in _SECOND_OPENERS and k + 1 < len(tokens) and tokens[k + 1].pos == "N":
        return k + 1
    return None


def coordinated_subject(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """A singular present verb right before or after "jij/u/hij ... en <possessive> <noun>" as its
    subject. Not when a finite verb follows the second part: then "en" joins two clauses ("Kom jij en
    je partner komt later")."""
    t = tokens[i]
    if not _singular_finite(t) or not t.lemma or not t.lemma.endswith("n"):
        return None
    if i + 2 < len(tokens) and _low(tokens[i + 1]) in _SUBJECTS and _low(tokens[i + 2]) == "en":
        end = _second_end(tokens, i + 3)  # inverted: "Kun jij en je partner ..."
        if end is None or (end + 1 < len(tokens) and tokens[end + 1].pos == "WW" and tokens[end + 1].has("pv")):
            return None
        subject = tokens[i + 1:end + 1]
    elif _starts_subject(tokens, i):
        subject = tokens[:i]  # "Jij en je partner kan ..."
    else:
        return None
    fix = t.lemma if not t.word[:1].isupper() else t.lemma[:1].upper() + t.lemma[1:]
    return DtFinding(t.start, t.end, t.word, fix, "subject-number",
                     _("the subject '{subject}' is plural: '{verb}'").format(
                         subject=" ".join(x.word for x in subject), verb=fix))


def _starts_subject(tokens: list[FrogToken], i: int) -> bool:
    """The sentence opens with "jij/u/hij en <second part>" right before the verb at ``i``."""
    return _low(tokens[0]) in _SUBJECTS and len(tokens) > 2 and _low(tokens[1]) == "en" and _second_end(tokens, 2) == i - 1


def coordinated_suspect(words: list[str], i: int) -> bool:
    return words[i] in _SUBJECTS and i + 2 < len(words) and words[i + 1] == "en" \
        and (words[i + 2] in _SECOND_OPENERS or words[i + 2] in _SECOND_PRONOUNS)
