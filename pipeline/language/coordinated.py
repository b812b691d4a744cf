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
# the words that may open a suspect of this check (for the pre-check's one look-up)
COORDINATION_WORDS = _SUBJECTS | _SECOND_OPENERS


def _low(t: FrogToken) -> str:
    return t.word.lower()


def _singular_finite(t: FrogToken) -> bool:
    return t.pos == "WW" and t.has("pv") and t.has("tgw") and (t.has("ev") or t.has("met-t"))


def _phrase_end(tokens: list[FrogToken], k: int) -> int | None:
    """The last token of a part of the subject that starts at ``k``: a pronoun ("ik"), or a
    possessive or article with adjectives and its noun ("je lieve partner")."""
    if k >= len(tokens):
        return None
    if _low(tokens[k]) in _SECOND_PRONOUNS:
        return k
    if _low(tokens[k]) not in _SECOND_OPENERS:
        return None
    j = k + 1
    while j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].has("prenom"):
        j += 1
    return j if j < len(tokens) and tokens[j].pos == "N" else None


def coordinated_subject(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """A singular present verb with a subject of two joined by "en": after it when it opens a question
    ("Kun jij en je partner komen?"), or before it when the subject opens the sentence ("Jij en je lieve
    partner kan ...", "Mijn partner en ik wil ..."). Not an object after a verb whose subject stands
    before it ("De arts ziet u en uw partner"), nor two things fronted before the verb and the pronoun
    that is its subject ("Uw pas en het formulier neemt u mee"), nor two clauses joined by "en" ("Kom jij
    en je partner komt later")."""
    t = tokens[i]
    if not _singular_finite(t) or not t.lemma or not t.lemma.endswith("n"):
        return None
    subject = _inverted_subject(tokens, i) if _opens_main_clause(tokens, i) else None
    subject = subject or (_opening_subject(tokens, i) if i else None)
    if subject is None:
        return None
    fix = t.lemma if not t.word[:1].isupper() else t.lemma[:1].upper() + t.lemma[1:]
    return DtFinding(t.start, t.end, t.word, fix, "subject-number",
                     _("the subject '{subject}' is plural: '{verb}'").format(
                         subject=" ".join(x.word for x in subject), verb=fix))


def _opens_main_clause(tokens: list[FrogToken], i: int) -> bool:
    """The verb at ``i`` opens its main clause: first in the sentence, or after a fronted adverb, a
    fronted clause's comma or a fronted phrase of a preposition ("Daarna kun jij ...", "Wil je een echo,
    dan kun jij ...", "Op de website kun jij ..."), where the subject follows it."""
    if i == 0 or tokens[i - 1].word == "," or (tokens[i - 1].pos == "BW" and (i == 1 or tokens[i - 2].word == ",")):
        return True
    # a fronted phrase of a preposition ("Op de website kun jij ..."): the first finite verb, with no
    # clause word before it
    return tokens[0].pos == "VZ" and not any(x.pos == "VG" or x.tag.startswith("WW(pv") or x.word in ",;:"
                                             for x in tokens[1:i])


def _inverted_subject(tokens: list[FrogToken], i: int) -> list[FrogToken] | None:
    """"Kun jij en je partner ...": a nominative pronoun, "en" and a second part right after the verb
    that opens the sentence, and no finite verb right after that part."""
    if i + 2 >= len(tokens) or _low(tokens[i + 1]) not in _SUBJECTS or not tokens[i + 1].has("nomin") \
            or _low(tokens[i + 2]) != "en":
        return None
    end = _phrase_end(tokens, i + 3)
    if end is None or (end + 1 < len(tokens) and tokens[end + 1].pos == "WW" and tokens[end + 1].has("pv")):
        return None
    return tokens[i + 1:end + 1]


def _opening_subject(tokens: list[FrogToken], i: int) -> list[FrogToken] | None:
    """"Jij en je partner kan", "Je partner en jij kan": two parts joined by "en" that open the sentence
    and end right before the verb."""
    first = _phrase_end(tokens, 0) if _low(tokens[0]) not in _SUBJECTS else 0
    if first is None or first + 2 >= i or _low(tokens[first + 1]) != "en":
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.pos == "VNW" and (nxt.has("nomin") or _low(nxt) == "u") \
            and _low(tokens[0]) not in _SUBJECTS:
        return None  # "Uw pas en het formulier neemt u mee": the subject follows the verb; the two are its object
    return tokens[:i] if _phrase_end(tokens, first + 2) == i - 1 else None


def coordinated_suspect(words: list[str], i: int) -> bool:
    """A pronoun right before "en" after the word that opens the sentence or follows a comma or an
    adverb ("Kun jij en ...", "..., dan kun jij en ..."), or a sentence that opens with a part of the
    subject and "en" within three words ("Jij en je partner", "Mijn partner en ik")."""
    if i + 2 >= len(words):
        return False
    if words[i] in _SUBJECTS and words[i + 1] == "en" and i >= 1:
        return words[i + 2] in _SECOND_OPENERS or words[i + 2] in _SECOND_PRONOUNS
    if i != 0 or (words[0] not in _SUBJECTS and words[0] not in _SECOND_OPENERS):
        return False
    k = next((j for j in range(1, min(4, len(words))) if words[j] == "en"), None)
    return k is not None and k + 1 < len(words) and (words[k + 1] in _SECOND_OPENERS or words[k + 1] in _SECOND_PRONOUNS)
