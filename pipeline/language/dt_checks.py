"""d/t errors from Frog's part-of-speech tags plus lexical knowledge of verb forms.

Frog's tags are guesses in context, and a d/t error is exactly the context where they go wrong
("Klop" in "Klop het hartje?" comes out as a noun). So each check combines the tag with what the
lexicon (pipeline.language.lexicon) knows about the word and its corrected form: "klop" is a verb
stem and "klopt" a finite verb, "gebeurd" a participle and "gebeurt" a finite verb.

Checks on one token of a clause (tokens between conjunctions and clause punctuation), tried in
this order, the first finding wins (``TOKEN_CHECKS``; the check id is what a finding reports):

1. ``participle_without_finite`` (``participle-for-finite``): a participle on -d in a clause without
   any finite verb or auxiliary, where the -t form is a finite verb ("Soms gebeurd er niets" -> gebeurt).
2. ``participle_after_subject`` (``participle-for-finite``): the same right after the subject that
   opens the clause when only an embedded clause after it has a verb ("De arts verteld u wat er
   gaat gebeuren" -> vertelt).
3. ``finite_for_participle``: a -t form after an auxiliary (is, wordt, heeft ...) or after a verb
   that takes a participle like one (krijgt, kreeg) at the end of its clause, where the -d form is
   a participle ("is ... voldoende herstelt om" -> hersteld, "krijgt de kosten vergoedt" -> vergoed);
   also right before a modal and "worden"/"zijn" that close the clause ("of het verwijdert moet worden").
4. ``first_person_t``: -t after "ik" where the stem is the form ("Ik wordt" -> word).
5. ``inverted_je_t``: -t before an inverted je/jij ("Wordt je gebeld?" -> Word; "Wordt je kindje
   gecontroleerd?" stays, there "je" is possessive).
6. ``inverted_question``: a question opening with a stem before a third-person subject or u
   ("Klop het hartje?" -> Klopt).
7. ``inverted_subject``: a stem before "u", or after a fronted adverb before a noun subject
   ("Buiten kantooruren word u doorverbonden", "Daarna word de pijn minder" -> wordt).
8. ``second_person_stem``: a stem right after je/jij/u that do not follow their verb
   ("Wanneer je vermoed" -> vermoedt; "vind je", "word je" stay correct).
9. ``third_person_stem``: a stem right after a third-person singular subject (pronoun, or a noun
   phrase that is not part of a prepositional phrase) ("Men spreek" -> spreekt).
10. ``participle_in_embedded`` (``participle-for-finite``): a participle on -d that ends a clause
    opened by wat/wie/hoe/waar after its subject, with no auxiliary ("vertelt wat er gebeurd" ->
    gebeurt).
11. ``coordinated_stem``: a stem opening a clause after en/maar/of that shares its subject with a
    -t verb before it ("Het lichaam herstelt en word daarna weer ongesteld" -> wordt), not before
    its own subject ("en word je opgenomen") and not after an imperative that opens the sentence.

15. ``closing_stem``: "word" closing its clause right after a participle, where every subject but
    "ik" takes "wordt" ("waarover gesproken word" -> wordt).
16. ``plural_pronoun``: a singular finite verb next to "wij"/"we" ("Daarna hoefde wij" -> hoefden).
17. ``finite_as_adjective`` (``finite-for-participle``): a -t form where its adjective or participle
    stands: between a determiner and its noun ("geen vergoedt bedrag" -> vergoed), or between an object
    and a form of vinden that closes the clause ("of hij dit verantwoordt vindt" -> verantwoord).

On a whole clause, when no token check fired: ``subordinate-stem``: in a subordinate clause the
verb stands last, far from the subject that opens the clause ("als je het fijn vind" -> vindt),
also in a relative clause on a singular noun ("bloedverlies dat erg ruik" -> ruikt) and in a relative
clause with a subject of its own, on any noun ("de klappen die een sporter te verwerken krijg" -> krijgt).

Not checked, because the tags cannot tell them from correct imperatives: a stem after a fronted
phrase before a noun ("Bij koorts bel de verloskundige" is an imperative, "Bij een miskraam stop
de zwangerschap" an error), or after "en" before a noun ("en neem het bloedverlies toe").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from typing import NamedTuple

from pipeline.i18n import _
from pipeline.language import inflection, lexicon
from pipeline.language.data import style
from pipeline.language.frog import FrogToken
from pipeline.text import words

_NOMIN_2 = ("je", "jij", "u")


@dataclass(frozen=True)
class DtFinding:
    start: int  # offsets in the sentence
    end: int
    word: str
    suggestion: str
    check: str
    message: str


def _data():
    return style()["dt"]


def _lower(t: FrogToken) -> str:
    return t.word.lower()


# pronominal relative adverbs open a clause of their own ("..., waardoor het weefsel naar buiten komt")
_RELATIVE_ADVERBS = frozenset("""waardoor waarbij waarin waarmee waarna waarop waarvan waaruit waarover
    waartoe waarvoor waaraan waarnaar""".split())


def _is_clause_break(t: FrogToken) -> bool:
    if t.pos == "VG" or t.word.lower() in _RELATIVE_ADVERBS:
        return True
    return t.pos == "LET" and t.word in {",", ";", ":", "(", ")", "–", "—", "-", "•", "|"}


def clauses(tokens: list[FrogToken]) -> list[list[FrogToken]]:
    return [c for _, c in _clauses(tokens)]


def _clauses(tokens: list[FrogToken]) -> list[tuple[FrogToken | None, list[FrogToken]]]:
    """(the break token before the clause, the clause's tokens)."""
    out, cur, brk = [], [], None
    for n, t in enumerate(tokens):
        if _is_clause_break(t) and not _joins_adjectives(tokens, n):
            if cur:
                out.append((brk, cur))
            cur, brk = [], t
        else:
            cur.append(t)
    if cur:
        out.append((brk, cur))
    question = bool(tokens) and tokens[-1].word == "?"
    return [part for brk, clause in out for part in _main_after_subordinate(brk, clause, question)]


def _joins_adjectives(tokens: list[FrogToken], n: int) -> bool:
    """"een nuchter en sterk persoon", "betaald of onbetaald verlof": en/of between an attributive
    adjective or a participle and an attributive adjective before the noun joins two words of one
    noun phrase, no clauses."""
    if not 0 < n < len(tokens) - 1 or tokens[n].pos != "VG" or _lower(tokens[n]) not in ("en", "of"):
        return False
    prev, nxt = tokens[n - 1], tokens[n + 1]
    before = (prev.pos == "ADJ" and prev.has("prenom")) or (prev.pos == "WW" and (prev.has("vd") or prev.has("od")))
    return before and nxt.pos in ("ADJ", "WW") and nxt.has("prenom")


def _main_after_subordinate(brk: FrogToken | None, clause: list[FrogToken], question: bool):
    """A subordinate clause first and the main clause after it with no comma between: "Wanneer dit
    niet gebeurd zullen we je verwijzen". The main clause starts at its finite verb, right after the
    subordinate clause's last verb and right before its subject pronoun (inversion)."""
    opened = brk.has("onder") if brk is not None else (_lower(clause[0]) == "wanneer" and not question)
    if not opened:
        return [(brk, clause)]
    for k in range(2, len(clause) - 1):
        t, before, after = clause[k], clause[k - 1], clause[k + 1]
        if _is_finite(t) and before.pos == "WW" and after.pos == "VNW" and after.has("nomin"):
            return [(brk, clause[:k]), (None, clause[k:])]
    return [(brk, clause)]


def _t_form(stem: str, person: str) -> str | None:
    """The correct finite form for ``person`` ('third' | 'second') of a stem, or None."""
    d = _data()
    low = stem.lower()
    if low in d["no_t_ok"].get(person, []):
        return None
    irregular = d["irregular"].get(person, {})
    if low in irregular:
        return _case(stem, irregular[low])
    if low.endswith("t"):
        return None
    if not lexicon.is_stem(low):
        return None
    # the -t form must be a real alternative, not a rare oddity ("is" has "ist" 38 times in 164,000)
    if lexicon.is_finite_t(low + "t") and lexicon.count(low + "t") >= 0.01 * lexicon.count(low):
        return stem + "t"
    return None


def _stem_of_t(word: str) -> str | None:
    """The stem of a finite -t form when that stem is itself a finite form ("wordt" -> "word")."""
    low = word.lower()
    if not lexicon.is_finite_t(low):
        return None
    stem = low[:-1]
    if stem.endswith("t") or not lexicon.is_stem(stem) or lexicon.count(stem) < 0.01 * lexicon.count(low):
        return None
    return _case(word, stem)


def _subject_person(clause: list[FrogToken]) -> tuple[str | None, int]:
    """Person ('second' | 'third') of the subject opening a subordinate clause, and its last index."""
    if not clause:
        return None, -1
    if len(clause) > 2 and _opens_with_pronoun_object(clause):
        person, end = _subject_person(clause[1:])  # "wat je nooit heb gekend": the subject follows "wat"
        return person, end + 1 if person else -1
    first, low = clause[0], _lower(clause[0])
    if first.pos == "VNW" and first.has("nomin") and low in _NOMIN_2:
        if low == "je" and _possessive_je(clause):
            return "third", 1  # "omdat je cyclus tijd nodig heeft": "je cyclus" is the subject
        return "second", 0
    if first.pos == "VNW" and first.has("nomin") and low in _data()["third_person"]:
        return "third", 0
    if first.pos == "LID" or (first.pos == "VNW" and first.has("det")):
        j = 1
        while j < len(clause) and clause[j].pos in {"ADJ", "TW"}:
            j += 1
        if j < len(clause) and clause[j].pos == "N" and clause[j].has("ev") and not (
                j + 1 < len(clause) and clause[j + 1].pos == "N" and clause[j + 1].has("mv")):
            return "third", j  # not "de eerste paar dagen": the plural is the head
    return None, -1


def _possessive_je(clause: list[FrogToken]) -> bool:
    """"je" before a singular noun that another noun phrase follows ("omdat je baby rust nodig
    heeft"): "je" is the possessive of the subject, the noun phrase after it the object. ("omdat je
    rust nodig hebt": one noun, "je" is the subject.)"""
    if len(clause) < 3 or clause[1].pos != "N" or not clause[1].has("soort") or not clause[1].has("ev"):
        return False
    nxt = clause[2]
    # also a name or an object pronoun ("omdat je baby Downsyndroom heeft", "dat je baby het benauwd heeft")
    return nxt.pos in ("N", "LID", "SPEC") or (nxt.pos == "VNW" and (nxt.has("det") or _lower(nxt) in ("het", "hem")))


def _opens_with_pronoun_object(clause: list[FrogToken]) -> bool:
    """A relative or question pronoun that opens the clause right before a subject pronoun ("wat
    je ...", "die hij ..."): the pronoun is the object, the subject is the one after it."""
    first, second = clause[0], clause[1]
    return (first.pos == "VNW" and (first.has("vb") or first.has("betr")) and second.pos == "VNW"
            and second.has("nomin") and second.has("pers"))


def _pronoun_subject_between(clause: list[FrogToken], end: int, k: int) -> str | None:
    """"het kindje dat je nooit heb gezien": a subject pronoun between the noun that opens the clause
    and its verb is the verb's subject; its person ("second", "third", or "other" for ik/wij)."""
    for x in reversed(clause[end + 1:k]):
        if x.pos == "VNW" and x.has("nomin") and x.has("pers"):
            low = _lower(x)
            return "second" if low in _NOMIN_2 else "third" if low in _data()["third_person"] and not x.has("mv") \
                else "other"
    return None


def _subordinate_verb(clause: list[FrogToken], person: str | None = None, end: int = -1) -> DtFinding | None:
    """In "als je het goed vind" the verb stands far from its subject: check it against the
    subject that opens the clause (or the given person, for a relative clause)."""
    if person is None:
        person, end = _subject_person(clause)
    if person is None:
        return None
    for k in range(end + 1, len(clause)):
        t = clause[k]
        if _is_finite(t) and _noun_before_verb(clause, k):
            continue  # "dat staar bij ouderen vaker voorkomt": a noun, the clause's verb comes later
        if _is_finite(t):
            if person == "second" and end >= 0 and _lower(clause[end]) in ("je", "jij") \
                    and not _possessive_je(clause[end:]) and (f := _second_person_form(clause[end], t)):
                return f
            if not t.tag.startswith("WW(pv,tgw,ev") or _lower(t).endswith("t") or _reduplicated(clause, k):
                return None
            if _followed_by_subject(clause, k) or (k > end + 1 and clause[k - 1].pos == "VNW"
                                                     and clause[k - 1].has("nomin")):
                return None
            between = _pronoun_subject_between(clause, end, k) if end >= 0 else None
            if between == "other":
                return None
            if between is not None and between != person:
                return _needs_t(clause, next(n for n in range(k - 1, end, -1) if clause[n].has("nomin")), t, between)
            return _needs_t(clause, end, t, person)
    # no finite verb at all: the verb may hide in a word Frog took for a noun ("als het vruchtje
    # niet groei"); in a subordinate clause it stands last
    last = clause[-1]
    if len(clause) > end + 2 and last.pos in {"N", "ADJ"} and _verbish(last) and not _lower(last).endswith("t") \
            and not (clause[-2].pos in {"LID", "VZ"} or (clause[-2].pos == "VNW" and clause[-2].has("det"))):
        return _needs_t(clause, end, last, person)  # "de lever" is a noun after its article
    return None


def _noun_before_verb(clause: list[FrogToken], k: int) -> bool:
    """The word at ``k``, tagged as a finite verb, is a noun the lexicon knows with another finite
    verb later in its clause: a clause has one finite verb, so this one is the noun."""
    return "n" in lexicon.tags(_lower(clause[k])) and any(_is_finite(x) for x in clause[k + 1:])


def _second_person_form(subject: FrogToken, verb: FrogToken) -> DtFinding | None:
    """"dat je een afwijking heeft": je/jij take "hebt" (u takes both)."""
    if _is_finite(verb) and _lower(verb) in _data().get("second_person_forms", {}):
        sug = _case(verb.word, _data()["second_person_forms"][_lower(verb)])
        return DtFinding(verb.start, verb.end, verb.word, sug, "second-person-form",
                         _("with '{subject}' the verb is '{verb}'").format(subject=subject.word, verb=sug))
    return None


def _needs_t(clause: list[FrogToken], end: int, verb: FrogToken, person: str) -> DtFinding | None:
    """A stem form after a third-person subject of a subordinate clause: the -t form it needs."""
    sug = _t_form(verb.word, person)
    if not sug:
        return None
    subject = clause[end].word if end >= 0 else "die/dat"
    return DtFinding(verb.start, verb.end, verb.word, sug, "subordinate-stem",
                     _("the subject '{subject}' needs the verb with -t: '{verb}'").format(subject=subject, verb=sug))


def _relative_verb(tokens: list[FrogToken], brk: FrogToken | None, clause: list[FrogToken]) -> DtFinding | None:
    """A relative clause on a singular noun ("bloedverlies dat heviger word"), or one whose own subject
    is a singular noun phrase ("de klappen die een sporter te verwerken krijg"): its verb takes -t
    unless another subject follows the pronoun ("de echo die je krijgt")."""
    rel, body = None, clause
    if brk is not None and _lower(brk) in ("die", "dat"):
        rel = brk
    else:
        for j, x in enumerate(clause[1:], 1):
            if _lower(x) in ("die", "dat") and x.pos == "VNW" and clause[j - 1].pos == "N":
                rel, body = x, clause[j + 1 :]
                break
    if rel is None or not body:
        return None
    k = tokens.index(rel)
    if k == 0 or tokens[k - 1].pos != "N":
        return None
    if (own := _own_subject(body)) is not None:  # "de klappen die een sporter te verwerken krijg"
        return _subordinate_verb(body, "third", own) or _relative_participle(body)
    if not tokens[k - 1].has("ev"):
        return None
    first = body[0]
    if (first.pos == "VNW" and first.has("nomin")) or first.pos in {"LID", "N"} or (
            first.pos == "VNW" and first.has("det")):
        return _relative_participle(body)
    return _subordinate_verb(body, "third", -1)


def _own_subject(body: list[FrogToken]) -> int | None:
    """The index of the singular noun of an article and noun opening a relative clause ("die een
    sporter ... krijgt"): that phrase is the clause's subject, the pronoun its object."""
    if len(body) > 2 and body[0].pos == "LID" and body[1].pos == "N" and body[1].has("ev") \
            and body[1].has("soort"):
        return 1
    return None


def _relative_participle(body: list[FrogToken]) -> DtFinding | None:
    """"een virus dat de ziekte verspreid": a relative clause with no finite verb at all that ends
    in a participle on -d needs the finite form, whichever singular phrase is its subject."""
    while body and body[-1].pos == "LET":
        body = body[:-1]
    if len(body) < 2:
        return None
    last = body[-1]
    if any(_is_finite(x) or _is_aux(x) or (x.pos == "N" and x.has("mv")) for x in body[:-1]):
        return None
    if not last.tag.startswith("WW(vd") or lexicon.is_finite_t(_lower(last)):
        return None
    sug = finite_of_participle(_lower(last))
    if sug is None:
        return None
    sug = _case(last.word, sug)
    return DtFinding(last.start, last.end, last.word, sug, "subordinate-stem",
                     _("a relative clause needs a finite verb: '{verb}'").format(verb=sug))


def _case(like: str, word: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


@lru_cache(maxsize=20_000)
def finite_of_participle(low: str) -> str | None:
    """The finite -t form that a participle on -d is mistaken for: "gebeurd" -> "gebeurt", and for
    a stem on -d whose participle is the stem itself, "verspreid" -> "verspreidt"."""
    if not low.endswith("d") or not lexicon.is_participle(low):
        return None
    for form in (low[:-1] + "t", low + "t"):
        if lexicon.is_finite_t(form):
            return form
    return None


def _is_finite(t: FrogToken) -> bool:
    return t.tag.startswith("WW(pv")


def _is_aux(t: FrogToken) -> bool:
    return _lower(t) in _data()["auxiliaries"] or (_is_finite(t) and t.lemma in {"zijn", "hebben", "worden"})


def _participle_form(low: str) -> bool:
    """Could the word be a participle? Never with -dt ("vergoedt"), whatever a tagging slip in the
    lexicon says: the participle of a stem in -d is the stem ("vergoed")."""
    return lexicon.is_participle(low) and not low.endswith("dt")


def _takes_participle(t: FrogToken) -> bool:
    """A finite verb that takes a participle at the end of the clause like an auxiliary
    ("krijgt de kosten vergoed")."""
    return _is_finite(t) and _lower(t) in _data().get("participle_auxiliaries", ())


def _third_subject(clause: list[FrogToken], k: int) -> bool:
    """Is clause[k] the end of a third-person singular subject?"""
    p = clause[k]
    low = _lower(p)
    if p.pos == "VNW" and low in _data()["third_person"] and (p.has("pron") or p.has("pers")):
        return not p.has("betr")
    if p.pos == "N" and p.has("ev"):
        # walk back over the noun phrase; a preposition before it makes it no subject
        j = k - 1
        while j >= 0 and clause[j].pos in {"ADJ", "TW"}:
            j -= 1
        if j >= 0 and (clause[j].pos == "LID" or (clause[j].pos == "VNW" and (clause[j].has("det") or clause[j].has("prenom")))):
            j -= 1  # the noun phrase starts at its determiner ("meer info"); what precedes is another phrase
        if j >= 0 and clause[j].pos == "VZ":
            return False
        if j >= 0 and clause[j].pos == "WW":
            return False  # an object after the verb ("Daarna belt de arts de praktijk")
        return not _subject_pronoun_before(clause, j)
    return False


def _subject_pronoun_before(clause: list[FrogToken], j: int) -> bool:
    """"als ik een kat zie": a subject pronoun before the noun phrase ending at ``j``, with no verb
    or relative pronoun between them, makes that noun phrase the object."""
    for x in reversed(clause[:j + 1]):
        if x.pos == "WW" or x.has("betr") or _lower(x) in _EMBEDDED_OPENERS:
            return False
        if x.pos == "VNW" and x.has("nomin") and x.has("pers"):
            return True
    return False


# words that open an embedded clause with a verb of its own ("vertelt u wat er gaat gebeuren")
_EMBEDDED_OPENERS = frozenset("wat wie waar hoe welke welk waarom wanneer of hoeveel hoelang".split())


def _opening_subject(clause: list[FrogToken], i: int) -> bool:
    """Does clause[:i] consist of exactly the subject: je/jij/u, a third-person pronoun, or a
    singular noun phrase ("De arts", "de eerste echo")?"""
    if i < 1:
        return False
    prev, low = clause[i - 1], _lower(clause[i - 1])
    if i == 1 and prev.pos == "VNW" and prev.has("nomin") and (low in _NOMIN_2 or low in _data()["third_person"]):
        return not prev.has("betr") and not prev.has("vb")
    if prev.pos != "N" or not prev.has("ev"):
        return False
    j = i - 2
    while j >= 0 and clause[j].pos in {"ADJ", "TW"}:
        j -= 1
    if j == 0 and (clause[0].pos == "LID" or (clause[0].pos == "VNW" and clause[0].has("det"))):
        return True
    return j == -1 and clause[0].has("eigen")  # a name: "Marieke verteld ..."


def _embedded_start(clause: list[FrogToken], i: int) -> int:
    """Index after the last word before clause[i] that opens an embedded clause ("heeft verteld wat
    er gebeurt": the auxiliary before "wat" is not the one of "gebeurt")."""
    for j in range(i - 1, -1, -1):
        if _lower(clause[j]) in _EMBEDDED_OPENERS and clause[j].pos in {"VNW", "BW", "VG"}:
            return j + 1
    return 0


def _own_verb_after(clause: list[FrogToken], i: int) -> bool:
    """A finite verb or auxiliary after clause[i] before any embedded clause: then clause[i] is a
    participle in its place (verb-final clause, "dat de arts verteld heeft")."""
    for x in clause[i + 1 :]:
        if _lower(x) in _EMBEDDED_OPENERS or x.has("vb") or x.pos == "VG":
            return False
        if _is_finite(x) or _is_aux(x):
            return True
    return False


def _followed_by_subject(clause: list[FrogToken], i: int) -> bool:
    if i + 1 >= len(clause):
        return False
    n = clause[i + 1]
    if n.pos != "VNW":
        return False
    if n.has("nomin") or _lower(n) not in ("je", "jij"):
        return n.has("nomin")
    # Frog may read "blijf je thuis" as a possessive "je": only a noun phrase after it makes it one
    after = clause[i + 2] if i + 2 < len(clause) else None
    return after is None or after.pos not in ("N", "ADJ", "TW")


def _verbish(t: FrogToken) -> bool:
    """Tagged as a finite singular verb, or a noun that the lexicon knows as a verb stem (Klop)."""
    if t.tag.startswith("WW(pv,tgw,ev"):
        return True
    return t.pos in {"N", "ADJ", "WW", "SPEC"} and not _is_finite(t) and lexicon.is_stem(_lower(t))


def _reduplicated(seq: Sequence[FrogToken], k: int) -> bool:
    """"stap voor stap", "dag na dag": the word repeats around a preposition, a noun."""
    return any(0 <= k + 2 * d < len(seq) and seq[k + d].pos == "VZ" and _lower(seq[k + 2 * d]) == _lower(seq[k])
               for d in (1, -1))


def _list_head(seq: Sequence[FrogToken], k: int) -> bool:
    """"dat zorg, tijd en aandacht vraagt": a word Frog took for a noun, followed by a comma or
    "en" and another noun, with a finite verb later on: the first of a list, not the verb."""
    if seq[k].tag.startswith("WW(pv") or k + 2 >= len(seq):
        return False
    return ((seq[k + 1].word == "," or seq[k + 1].tag == "VG(neven)") and seq[k + 2].pos == "N"
            and any(_is_finite(x) for x in seq[k + 2 :]))


def _not_a_verb_here(c: TokenContext) -> bool:
    """Words the lexicon knows as stems that are no verb in their place: a repeated noun around a
    preposition ("stap voor stap", "dag na dag"), the first of a list of nouns whose verb comes
    later ("een verlies dat zorg, tijd en aandacht vraagt"), or the particle of an earlier finite
    verb ("gaat er ... iets mis": misgaan)."""
    seq, low = list(c.sentence) or c.clause, c.low
    k = next((n for n, x in enumerate(seq) if x is c.t), None)
    if k is None:
        return False
    if _reduplicated(seq, k):
        return True
    if c.t.tag.startswith("WW(pv"):
        return False
    if _list_head(seq, k):
        return True
    return any(_is_finite(x) and lexicon.tags(low + (x.lemma or "").lower()) & {"inf", "pvmv"}
               for x in seq[:k])


class _Carry(NamedTuple):
    """A subject still waiting for its verb in a later clause: its person and its word."""

    person: str
    word: str


def analyse(tokens: list[FrogToken], sentence: str) -> list[DtFinding]:
    """d/t findings in one tagged sentence."""
    found: list[DtFinding] = []
    carry: _Carry | None = None
    for brk, clause, contexts in _clauses_in_context(tokens, sentence):
        hits = [f for c in contexts if (f := check_token(c))]
        person, end = _subject_person(clause)
        if not hits:
            f = _clause_verb(tokens, brk, clause, carry if person is None else None)
            if f:
                hits.append(f)
        found.extend(hits)
        finite = contexts[0].finite
        if person is not None and not finite and not _object_of_imperative(tokens, brk):
            carry = _Carry(person, clause[end].word)
        elif finite or _closes_carried(clause, carry):
            carry = None
    return found


def _object_of_imperative(tokens: list[FrogToken], brk: FrogToken | None) -> bool:
    """"Vul de vragenlijst en het formulier in en breng ze mee": after "en"/"of" in a sentence that an
    imperative opens, a noun phrase without a verb is that imperative's second object, no subject
    waiting for its verb."""
    first = tokens[0] if tokens else None
    second = tokens[1] if len(tokens) > 1 else None
    return (brk is not None and _lower(brk) in ("en", "of") and first is not None
            and first.tag.startswith("WW(pv,tgw,ev") and not _lower(first).endswith("t")
            and tokens[-1].word != "?" and not (second is not None and second.pos == "VNW" and second.has("nomin")))


def _closes_carried(clause: list[FrogToken], carry: _Carry | None) -> bool:
    """"als u medicijnen (zoals ...) gebruikt, meld dit": Frog may take the -t form that ends the
    split subordinate clause for a participle; it is that clause's finite verb all the same, so
    the clause after it (an imperative or an inverted main clause) no longer shares its subject."""
    last = clause[-1]
    return carry is not None and last.pos == "WW" and last.has("vd") and _lower(last).endswith("t")


def token_contexts(tokens: list[FrogToken], sentence: str) -> list[TokenContext]:
    """Every token of the sentence in its clause, as the token checks see it."""
    return [c for _, _, contexts in _clauses_in_context(tokens, sentence) for c in contexts]


def _clauses_in_context(tokens: list[FrogToken], sentence: str):
    """(break token, clause tokens, their contexts) for each clause of a tagged sentence."""
    question = sentence.rstrip().endswith("?")
    for ci, (brk, clause) in enumerate(_clauses(tokens)):
        finite = [t for t in clause if _is_finite(t)]
        # a subordinate clause (dat, omdat, als ..., and one opened by "waarmee", "waarbij" ...) needs its
        # own finite verb; after en/of or a comma an auxiliary from before may still govern a participle
        # ("... zitten of veranderd")
        own = brk is not None and (brk.has("onder") or _lower(brk) in _RELATIVE_ADVERBS) \
            and not _pronoun_after_verb(tokens, brk, clause) and not _preposition_als(brk, finite)
        before = [] if own else tokens[: tokens.index(clause[0])]
        opens_question = question and ci == 0 and clause[0] is tokens[0]
        yield brk, clause, [TokenContext(clause, i, finite, opens_question, before, tokens)
                            for i in range(len(clause))]


def _preposition_als(brk: FrogToken, finite: list[FrogToken]) -> bool:
    """"wordt vaak als het eerste teken beschouwd": "als" before a noun phrase in a clause with no
    finite verb is the preposition (a role), not a conjunction; an auxiliary before it still governs
    the participle after it."""
    return _lower(brk) == "als" and not finite


def _pronoun_after_verb(tokens: list[FrogToken], brk: FrogToken, clause: list[FrogToken]) -> bool:
    """"In 85 van de 100 gevallen is dat binnen 2 weken gebeurd": "dat" right after a finite verb,
    with no subject of its own after it, is the verb's subject pronoun, not a conjunction (Frog may
    read it as one); the verb before it still governs the participle. ("Het probleem is dat het
    vaak gebeurd" keeps its conjunction: "het" is the clause's subject.)"""
    k = tokens.index(brk)
    if _lower(brk) != "dat" or k == 0 or not _is_finite(tokens[k - 1]):
        return False
    return not any((x.pos == "VNW" and (x.has("nomin") or x.has("pron"))) or x.pos == "LID"
                   or (x.pos == "N" and not _in_phrase_of_preposition(clause, n)) for n, x in enumerate(clause))


def _clause_verb(tokens: list[FrogToken], brk: FrogToken | None, clause: list[FrogToken],
                 carry: _Carry | None) -> DtFinding | None:
    """``subordinate-stem``: the verb far from its subject in a subordinate or relative clause, or
    in a clause a list split from the subject before it (``carry``)."""
    f = _subordinate_verb(clause)
    if f is not None and f.check == "second-person-form" and _je_as_object(tokens, brk, clause):
        f = None
    if f is not None and _list_head(tokens, next(n for n, x in enumerate(tokens) if x.start == f.start)):
        f = None
    if f is None:
        f = _relative_verb(tokens, brk, clause)
    # a colon or semicolon ends the subject's reach: "Hun advies: geef het lichaam de kans"
    if f is not None or carry is None or brk is None or brk.has("onder") or brk.word in (":", ";"):
        return f
    # "dat je verdrietig, boos of teleurgesteld ben": the list split the clause
    f = _subordinate_verb(clause, carry.person, -1)
    if f is None:
        return None
    return DtFinding(f.start, f.end, f.word, f.suggestion, f.check,
                     _("the subject '{subject}' needs the verb with -t: '{verb}'").format(
                         subject=carry.word, verb=f.suggestion))


def _je_as_object(tokens: list[FrogToken], brk: FrogToken | None, clause: list[FrogToken]) -> bool:
    """"iets dat je diep heeft geraakt": after a noun or "iets" the pronoun "dat"/"die" may be the
    subject and "je" the object; only adverbs stand between "je" and "heeft", and a participle
    follows it. ("de kans dat je een miskraam heeft" keeps its finding: "je" is the subject.)"""
    if brk is None or _lower(brk) not in ("dat", "die") or tokens.index(brk) == 0:
        return False
    antecedent = tokens[tokens.index(brk) - 1]
    if not (antecedent.pos == "N" or (antecedent.pos == "VNW" and antecedent.has("pron"))):
        return False
    k = next((n for n, x in enumerate(clause) if _is_finite(x)), None)
    if k is None or k + 1 >= len(clause) or not clause[k + 1].tag.startswith("WW(vd"):
        return False
    return all(x.pos in {"ADJ", "BW"} for x in clause[1:k])


@dataclass
class TokenContext:
    """One token of a clause, with what the d/t checks look at around it."""

    clause: list[FrogToken]
    i: int  # the token's index in the clause
    finite: list[FrogToken]  # the clause's finite verbs
    opens_question: bool  # the clause opens a question sentence
    before: list[FrogToken]  # earlier tokens whose auxiliaries may still govern this clause
    sentence: Sequence[FrogToken] = ()  # all tokens of the sentence

    @property
    def t(self) -> FrogToken:
        return self.clause[self.i]

    @property
    def low(self) -> str:
        return _lower(self.t)

    @property
    def prev(self) -> FrogToken | None:
        return self.clause[self.i - 1] if self.i > 0 else None

    @property
    def nxt(self) -> FrogToken | None:
        return self.clause[self.i + 1] if self.i + 1 < len(self.clause) else None

    @cached_property
    def at(self) -> int:
        """The token's index in the sentence (``i`` counts in its clause)."""
        return next((n for n, x in enumerate(self.sentence) if x is self.t), 0)

    @cached_property
    def stem_like(self) -> bool:
        """A stem form the stem checks look at: verb-like and not on -t, and not a noun or adverb
        that only looks like a stem in this place (``_not_a_verb_here``)."""
        return _verbish(self.t) and not self.low.endswith("t") and not _not_a_verb_here(self)

    @cached_property
    def participle_d(self) -> bool:
        """A participle on -d whose -t form is a finite verb ("gebeurd" / "gebeurt")."""
        low = self.low
        return (self.t.tag.startswith(("WW(vd,vrij", "WW(pv")) and not lexicon.is_finite_t(low)
                and finite_of_participle(low) is not None)

    @cached_property
    def stem_of_t(self) -> str | None:
        """For a finite -t form, its stem when that is a finite form too ("wordt" -> "word")."""
        return _stem_of_t(self.t.word) if self.low.endswith("t") and _is_finite(self.t) else None

    def finding(self, suggestion: str, check: str, message: str) -> DtFinding:
        t = self.t
        return DtFinding(t.start, t.end, t.word, suggestion, check, message)


def participle_without_finite(c: TokenContext) -> DtFinding | None:
    """1. A participle on -d in a clause with no other finite verb and no auxiliary anywhere
    before it ("Soms gebeurd er niets" -> gebeurt)."""
    if not c.participle_d or any(x is not c.t for x in c.finite) or any(_is_aux(x) for x in c.clause):
        return None
    if _plural_before(c):
        return None  # "De klachten verspreid zich": the plural is the form, not -t
    if any(_is_aux(x) for x in c.before):
        return None
    words = len([x for x in c.clause if x.pos != "LET"])
    if words < 3 and len([x for x in c.sentence if x.pos != "LET"]) < 4:
        return None
    if c.i < 1 and not _after_aside(c) and (not _followed_by_subject(c.clause, c.i) or _imperative_with_object(c)):
        return None
    if _adjectival_participle(c) or _passive_with_agent(c) or _with_krijgen(c) or _elliptic(c):
        return None
    return _participle_finding(c)


def _after_aside(c: TokenContext) -> bool:
    """Right after an aside in brackets that closes a phrase opening the sentence ("Tijdens de eerste
    nacht (na de ingreep) gebeurd er weinig"): the verb stands second in its clause, not first."""
    k = c.at
    if k < 1 or c.sentence[k - 1].word != ")":
        return False
    opener = next((j for j in range(k - 2, -1, -1) if c.sentence[j].word == "("), None)
    return opener is not None and any(x.pos not in ("LET",) for x in c.sentence[:opener]) and not any(
        x.pos == "WW" and x.has("pv") for x in c.sentence[:opener])


def _elliptic(c: TokenContext) -> bool:
    """"Goed bedoeld natuurlijk, maar ...", "Snel geregeld.": a participle after only adverbs or
    adjectives, with no subject after it, is a clause without its verb and subject ("het was goed
    bedoeld"), no -d for -t; "Soms gebeurd er niets" and "Meestal verdwijnd de pijn" stay errors."""
    before, k = c.clause[:c.i], c.at
    nxt = c.sentence[k + 1] if k + 1 < len(c.sentence) else None
    question = bool(c.sentence) and c.sentence[-1].word == "?"  # "Wanneer gebeurd dat meestal?"
    return bool(before) and not question and all(x.pos in ("BW", "ADJ") for x in before) and (
        nxt is None or nxt.pos in ("BW", "ADJ", "LET") and _lower(nxt) != "er")


def _with_krijgen(c: TokenContext) -> bool:
    """"Je krijgt de kosten alleen vergoed als ...": a participle with "krijgen" before it in the
    sentence is its passive, no verb without its finite form; so is one right before "(te) krijgen"
    ("de kosten terugbetaald te krijgen")."""
    k = c.at
    after = [_lower(x) for x in c.sentence[k + 1:k + 3]]
    if after[:1] and (after[0] in _KRIJGEN or after[:2] == ["te", "krijgen"]):
        return True
    for x in reversed(c.sentence[:k]):
        if x.word in (",", ";", ":") or x.pos == "VG":
            return False  # krijgen in another clause ("Je krijgt een afspraak, daarna beoordeeld ...")
        if _lower(x) in _KRIJGEN:
            return True
    return False


_KRIJGEN = frozenset("krijg krijgt krijgen kreeg kregen gekregen".split())


def _passive_with_agent(c: TokenContext) -> bool:
    """"Inhoudelijk beoordeeld door de redactie": a participle with its agent after "door" and no
    subject before it is a passive phrase without its auxiliary (a byline, a caption); so is one after
    a bare noun, as a list of criteria writes it ("trombose objectief bevestigd door beeldvorming"),
    where a subject would have its article ("De arts beoordeeld door ..." stays an error). "door te"
    tells how the subject acts: "Hij bevestigd door te knikken" stays one too."""
    nxt = c.nxt
    if nxt is None or _lower(nxt) != "door" or c.i + 2 >= len(c.clause) or _lower(c.clause[c.i + 2]) in ("te", "middel"):
        return False  # "door middel van" names a means, not an agent: "Dokter Jansen beoordeeld door middel van"
    before = c.clause[:c.i]
    return not any(x.pos in {"LID", "VNW", "SPEC"} for x in before) and (
        not any(x.pos == "N" for x in before) or not any(x.pos == "WW" for x in before))


def _imperative_with_object(c: TokenContext) -> bool:
    """"Bereid u voor op het gesprek", "Bereid je goed voor", "Verspreid je het nieuws?": a -d form
    that is also the verb's stem opens the sentence before u/je. Before je it is right either way
    (an imperative, or the stem of inversion); before u outside a question, an imperative."""
    nxt = c.nxt
    stem = lexicon.is_stem(c.low) or "inf" in lexicon.tags(c.low + "en")  # "verspreid": verspreiden
    if c.t is not (c.sentence[0] if c.sentence else c.t) or not stem or nxt is None:
        return False
    question = bool(c.sentence) and c.sentence[-1].word == "?"
    return _lower(nxt) in ("je", "jij") or (_lower(nxt) == "u" and not question)


def _participle_finding(c: TokenContext):
    """The finding for a past participle where the sentence needs its finite verb."""
    sug = _case(c.t.word, finite_of_participle(c.low))
    return c.finding(sug, "participle-for-finite", _(
        "'{word}' is a past participle, but the sentence needs the finite verb here: '{verb}'").format(
        word=c.t.word, verb=sug))


def _adjectival_participle(c: TokenContext) -> bool:
    """A participle used as an adjective, with no subject that could want a finite verb: before
    its noun ("een regeling voor betaald verlof"), or ending a heading of adjectives only
    ("Erfelijk bepaald (bij een van de ouders)")."""
    nxt, prev = c.nxt, c.prev
    if nxt is not None and nxt.pos == "N" and (prev is None or prev.pos in {"VZ", "ADJ", "LID", "VG", "TW"}):
        return True
    return nxt is None and c.i > 0 and all(x.pos in {"ADJ", "LET", "SPEC"} for x in c.clause[: c.i])


def participle_after_subject(c: TokenContext) -> DtFinding | None:
    """2. A participle right after the subject that opens the clause, where the finite verb stands
    in second place; a finite verb of an embedded clause after it does not count ("De arts verteld u
    wat er gaat gebeuren" -> vertelt), an auxiliary of its own does ("dat de arts verteld heeft")."""
    if not c.participle_d or not _opening_subject(c.clause, c.i):
        return None
    if any(_is_finite(x) or _is_aux(x) for x in c.clause[: c.i]) or any(_is_aux(x) for x in c.before):
        return None
    if _own_verb_after(c.clause, c.i):
        return None
    sug = _case(c.t.word, finite_of_participle(c.low))
    return c.finding(sug, "participle-for-finite", _(
        "'{word}' is a past participle, but after the subject '{subject}' the finite verb is needed: "
        "'{verb}'").format(word=c.t.word, subject=c.prev.word, verb=sug))


def participle_before_reflexive(c: TokenContext) -> DtFinding | None:
    """2b. A participle on -d right before "zich": a participle never stands there, the finite verb
    does ("De infectie verspreid zich" -> verspreidt, "en hersteld zich" -> herstelt), also after
    an auxiliary in an earlier clause. Not after a plural subject (its form is the plural)."""
    nxt = c.nxt
    if not c.participle_d or nxt is None or _lower(nxt) != "zich" or not nxt.has("refl"):
        return None
    if _plural_before(c) or any(_is_finite(x) for x in c.clause[: c.i]):
        return None
    sug = _case(c.t.word, finite_of_participle(c.low))
    return c.finding(sug, "participle-for-finite", _(
        "'{word}' is a past participle, but before 'zich' the finite verb is needed: '{verb}'").format(
        word=c.t.word, verb=sug))


def _plural_before(c: TokenContext) -> bool:
    """Is the last noun or subject pronoun before the token plural? A noun in a prepositional
    phrase is no subject ("na een paar dagen verminderd dit" -> vermindert)."""
    for k in range(c.i - 1, -1, -1):
        x = c.clause[k]
        if x.pos == "N" and _in_phrase_of_preposition(c.clause, k):
            continue
        if x.pos == "N" or (x.pos == "VNW" and x.has("nomin")):
            return x.has("mv")
    return False


def _in_phrase_of_preposition(clause: list[FrogToken], k: int) -> bool:
    """Is the noun at ``k`` the head of a phrase that a preposition opens ("na een paar dagen")?"""
    j = k - 1
    while j >= 0 and (clause[j].pos in {"LID", "ADJ", "TW"} or (clause[j].pos == "VNW" and clause[j].has("det"))
                      or (clause[j].pos == "N" and clause[j].has("ev"))):
        j -= 1  # "na een paar dagen": a noun of number before the head
    return j >= 0 and clause[j].pos == "VZ" and clause[j].has("init")


def finite_for_participle(c: TokenContext) -> DtFinding | None:
    """3. A -t form after an auxiliary, or after "krijgt" and the like, at the end of its clause,
    where the -d form is a participle ("is ... voldoende herstelt om" -> hersteld, "krijgt de
    kosten vergoedt" -> vergoed), or before a modal and "worden"/"zijn" that close the clause ("of
    het verwijdert moet worden" -> verwijderd), and right before "krijgt" and the like that close it
    ("hoeveel u vergoedt krijgt" -> vergoed)."""
    low, prev, nxt = c.low, c.prev, c.nxt
    if not low.endswith("t") or not lexicon.is_finite_t(low) or _participle_form(low):
        return None
    participle = low[:-1] if low.endswith("dt") else low[:-1] + "d"  # "verspreidt" -> "verspreid"
    if not lexicon.is_participle(participle):
        return None
    auxes = [x for x in c.clause[_embedded_start(c.clause, c.i) : c.i] if _is_aux(x) or _takes_participle(x)]
    if not auxes and nxt is not None and _takes_participle(nxt) and _closes_after(c, c.i + 1):
        sug = _case(c.t.word, participle)  # "hoeveel u vergoedt krijgt": two finite verbs in a row close no clause
        return c.finding(sug, "finite-for-participle", _(
            "with '{cluster}' a past participle is needed: '{verb}', not '{word}'").format(
            cluster=nxt.word, verb=sug, word=c.t.word))
    if not auxes and _cluster_after(c):
        sug = _case(c.t.word, participle)  # "dat dit bewerkstelligt kan worden": the verbs close the clause
        return c.finding(sug, "finite-for-participle", _(
            "with '{cluster}' a past participle is needed: '{verb}', not '{word}'").format(
            cluster=f"{c.clause[c.i + 1].word} {c.clause[c.i + 2].word}", verb=sug, word=c.t.word))
    if not auxes:
        return None
    if not (nxt is None or nxt.pos in {"LET", "VZ", "VG"} or _lower(nxt) in _data()["clause_end_words"]):
        return None
    # "Is dit gebeurt, dan ...": an auxiliary that opens the clause is its finite verb, so the subject
    # after it does not own the -t form at the end
    opens = _is_finite(auxes[0]) and auxes[0] is c.clause[_embedded_start(c.clause, c.i)]
    if prev is not None and not opens and (_third_subject(c.clause, c.i - 1) or _lower(prev) in _NOMIN_2):
        return None
    sug = _case(c.t.word, participle)
    return c.finding(sug, "finite-for-participle", _(
        "after '{aux}' a past participle is needed: '{verb}', not '{word}'").format(
        aux=_lower(auxes[0]), verb=sug, word=c.t.word))


def _closes_after(c: TokenContext, k: int) -> bool:
    """Nothing of the clause but a phrase after token ``k``: its end, a preposition or a conjunction."""
    return k + 1 >= len(c.clause) or c.clause[k + 1].pos in {"LET", "VZ", "VG"}


def _cluster_after(c: TokenContext) -> bool:
    """The -t form stands right before a modal and "worden" or "zijn" that close the clause ("dat het
    verwijdert kan worden"): the verb cluster of a passive, whose first verb is the participle."""
    cl, i = c.clause, c.i
    if i + 2 >= len(cl):
        return False
    modal, aux = cl[i + 1], cl[i + 2]
    end = cl[i + 3] if i + 3 < len(cl) else None
    return (_lower(modal) in style()["agreement"]["modals"] and _lower(aux) in ("worden", "zijn")
            and (end is None or end.pos in {"LET", "VG"}))


def first_person_t(c: TokenContext) -> DtFinding | None:
    """4. -t after "ik" where the stem is the form ("Ik wordt" -> word)."""
    prev = c.prev
    if not c.stem_of_t or prev is None or _lower(prev) != "ik" or not prev.has("nomin"):
        return None
    return c.finding(c.stem_of_t, "first-person-t", _("after 'ik' the verb has no -t: '{verb}'").format(
        verb=c.stem_of_t))


def inverted_je_t(c: TokenContext) -> DtFinding | None:
    """5. -t before an inverted je/jij ("Wordt je gebeld?" -> Word, "Heeft je ..." -> Heb; "Wordt je
    kindje gecontroleerd?" stays, there "je" is possessive, and so does "Wat heeft je geholpen?",
    where the question word may be the subject)."""
    prev, nxt = c.prev, c.nxt
    stem = c.stem_of_t or (_case(c.t.word, _data()["inverted_second"][c.low])
                           if c.low in _data().get("inverted_second", {}) and _is_finite(c.t) else None)
    if not stem or nxt is None or _lower(nxt) not in ("je", "jij"):
        return None
    after = c.clause[c.i + 2] if c.i + 2 < len(c.clause) else None
    if prev is not None and _lower(prev) in ("wat", "wie"):
        return None  # "Wat heeft je geholpen?": the question word may be the subject, "je" the object
    if _second_person_before(c):
        return None  # "jij houdt een app bij en voelt je teleurgesteld": the shared "jij", "je" the object
    if after is not None and after.pos in ("ADJ", "TW") and c.i + 3 < len(c.clause) and c.clause[c.i + 3].pos == "N":
        return None  # "Nu is je eigen gevoel belangrijk", "is je eerste gedachte": "je" is possessive
    if after is not None and after.pos in ("ADJ", "WW") and after.has("prenom"):
        return None  # "Daarna is je uitgerekende datum", "stuurt je leidinggevende ...": a possessive "je"
    # Frog often reads that "je" as reflexive (it knows "wordt je" is odd); then only a verb or
    # nothing may follow, or "je" is an object before another subject ("Helpt je dat?")
    if not (nxt.has("nomin") or (nxt.has("pr") and (after is None or after.pos in {"WW", "LET", "BW", "ADJ", "VZ"}))):
        return None
    if prev is not None and ((prev.pos == "VNW" and (prev.has("nomin") or (prev.has("pron") and not prev.has("vb"))))
                             or (prev.pos == "N" and not _fronted_phrase(c.clause, c.i))):
        return None  # a subject before the verb ("het treft je hard": "je" is the object)
    if c.at and c.sentence[c.at - 1].word == ")":
        return None  # "Het woord (of het teken) raakt je": a bracket closes the subject's aside
    if (after is not None and (after.pos in ("N", "SPEC") or _noun_read_as_verb(after, c))) \
            or _after_subject_with_clause(c) \
            or _noun_phrase_before(c) or _shares_third_subject(c):
        return None
    return c.finding(stem, "inverted-je-t", _(
        "with '{subject}' after the verb, the verb has no -t: '{verb}'").format(subject=nxt.word, verb=stem))


def _second_person_before(c: TokenContext) -> bool:
    """The verb right after en/of/maar, with "jij" or a subject "je" earlier in the sentence: the
    verb shares that subject, and the "je" after it is its object."""
    k = c.at
    if k < 2 or _lower(c.sentence[k - 1]) not in ("en", "of", "maar"):
        return False
    # the earlier subject opens its clause before its verb ("Jij houdt ..."); after its verb ("Heb je
    # pijn en wordt je ...") the second clause is inverted too
    return any((_lower(x) == "jij" or (_lower(x) == "je" and x.has("nomin")))
               and (j == 0 or c.sentence[j - 1].pos != "WW") and j + 1 < k and c.sentence[j + 1].pos == "WW"
               for j, x in enumerate(c.sentence[:k - 1]))


def _noun_read_as_verb(t: FrogToken, c: TokenContext) -> bool:
    """A second finite verb that the lexicon does not know as one ("wordt je moederschapsrust
    verlengd"): a clause has one finite verb, so it is a noun after a possessive "je"."""
    return t.tag.startswith("WW(pv") and not lexicon.tags(_lower(t)) & {"pv", "pvt", "pvmv"} and c.t in c.finite


def _noun_phrase_before(c: TokenContext) -> bool:
    """The verb follows a noun phrase that opens the clause ("Een nauwkeurig dagboek helpt je ..."),
    whatever Frog made of its last word: that phrase is the subject and "je" the object."""
    before = c.clause[:c.i]
    return (len(before) > 1 and (before[0].pos == "LID" or (before[0].pos == "VNW" and before[0].has("det")))
            and all(x.pos in {"ADJ", "N", "TW", "WW"} and not (x.pos == "WW" and x.has("pv")) for x in before[1:]))


_THIRD_FINITE = frozenset("is was kan kon zal zou mag mocht moet moest wil wilde had werd".split())


def _shares_third_subject(c: TokenContext) -> bool:
    """"De uitslag is na een week bekend en vertelt je of ...": a -t verb right after "en"/"maar"
    shares the third-person subject of the one main clause before it; "je" is its object. ("Ben je
    zwanger en heb je klachten" has "je" as the subject before.)"""
    if c.i != 0 or not c.before or _lower(c.before[-1]) not in ("en", "maar", "of"):
        return False
    finite = [x for x in c.before[:-1] if _is_finite(x)]
    if len(finite) != 1 or c.before[0] is finite[0] or any(_lower(x) in _NOMIN_2 for x in c.before):
        return False
    return finite[0].tag.startswith("WW(pv,tgw,met-t") or _lower(finite[0]) in _THIRD_FINITE


def _fronted_phrase(clause: list[FrogToken], i: int) -> bool:
    """The words before the verb at ``i`` are one prepositional phrase that opens the clause ("Na
    een week herstelt je ..."): the noun in it is no subject, the subject follows the verb."""
    return bool(clause) and clause[0].pos == "VZ" and i > 1 and all(
        x.pos in {"LID", "ADJ", "TW", "N"} or x.has("prenom") or (x.pos == "VNW" and x.has("det")) for x in clause[1:i])


_CLOSING_QUOTES = frozenset("’”'\"»")


def _after_subject_with_clause(c: TokenContext) -> bool:
    """"De vraag waarom dit gebeurt houdt je bezig": the sentence opens with a noun phrase, and the
    verb follows the clause or quotation that belongs to it; that phrase is the subject and "je"
    the object. (After "Als je belt" the inverted "wordt je" is still an error.)"""
    prev, s = c.prev, c.sentence
    one_who = len(s) >= 3 and _lower(s[0]) in ONE_WHO
    if len(s) < 3 or not (s[0].pos == "LID" or (s[0].pos == "VNW" and s[0].has("det")) or one_who):
        return False
    if prev is None:
        # "Een centrum dat de zorg regelt, helpt je verder", "Degene van de verloskundigen die dienst
        # heeft, belt je terug": a subject with its relative clause before the comma that opens the
        # verb's clause (the noun phrase may hold a phrase with a preposition)
        n = next((k for k in range(1, len(s)) if _lower(s[k]) in ("die", "dat")
                  or (s[k].pos not in _PHRASE_POS and not s[k].has("det"))), 0)
        # (Frog may read the relative "die" before a bare noun as a demonstrative: "die dienst heeft")
        return (bool(c.before) and c.before[-1].word == "," and (s[n - 1].pos == "N" or (one_who and n == 1))
                and s[n].pos == "VNW" and (s[n].has("betr") or _lower(s[n]) in ("die", "dat")))
    return (prev.tag.startswith("WW(pv") or prev.word in _CLOSING_QUOTES) and s[1].pos == "N"


# the one of a group who does something ("Degene die dienst heeft, belt je terug"); "degene die",
# never "degene wie"
ONE_WHO = frozenset({"degene", "diegene", "degenen", "diegenen"})
# word classes of a noun phrase with its phrases of a preposition ("de arts van de praktijk")
_PHRASE_POS = frozenset({"ADJ", "N", "LID", "VZ", "TW"})


def inverted_question(c: TokenContext) -> DtFinding | None:
    """6. A question opening with a stem before a third-person subject or u ("Klop het hartje?" ->
    Klopt)."""
    nxt = c.nxt
    if not c.stem_like or not c.opens_question or c.i != 0 or nxt is None or _reflexive_imperative(c):
        return None
    nlow = _lower(nxt)
    person = None
    if nlow == "u" or (nxt.pos == "VNW" and nxt.has("nomin") and nlow in _data()["third_person"]):
        person = "second" if nlow == "u" else "third"
    elif nxt.pos == "LID" or _possessive_subject(nxt):
        person = "third"
    sug = _t_form(c.t.word, person) if person else None
    if not sug:
        return None
    return c.finding(sug, "inverted-question", _(
        "with the subject after it the verb still takes -t: '{verb}'").format(verb=sug))


def inverted_subject(c: TokenContext) -> DtFinding | None:
    """7. A stem before "u" ("Zo voorkom u", "Buiten kantooruren word u doorverbonden"), or after a
    fronted adverb before a noun subject ("Daarna word de pijn minder" -> wordt)."""
    prev, nxt = c.prev, c.nxt
    if not c.stem_like or nxt is None or (prev is not None and prev.pos == "VNW" and prev.has("nomin")) \
            or _opens_coordinated_clause(c):
        return None
    nlow = _lower(nxt)
    person = None
    if nlow == "u" and (nxt.has("nomin") or nxt.has("getal")) and not _reflexive_imperative(c) \
            and not _possessive_slip(c):
        person = "second"
    elif _third_subject_follows(nxt) and (_after_fronted_adverb(c) or c.low in _data()["never_imperative"]):
        # worden, hebben, zijn are never imperatives before a subject ("Bij koorts word de ...")
        person = "third"
    sug = _t_form(c.t.word, person) if person else None
    if not sug:
        return None
    return c.finding(sug, "inverted-subject", _(
        "with the subject '{subject}' after it the verb still takes -t: '{verb}'").format(subject=nxt.word, verb=sug))


def _possessive_slip(c: TokenContext) -> bool:
    """"Neem u partner mee": after the verb that opens the sentence, "u" right before a singular count
    noun without its determiner is a slip for "uw" (grammar.agreement reports it), not the subject."""
    k = c.i + 2
    noun = c.clause[k] if k < len(c.clause) else None
    opens = c.at == 0 or (c.i == 0 and _lower(c.sentence[c.at - 1]) in ("en", "of"))
    return (opens and noun is not None and noun.pos == "N" and noun.has("soort") and noun.has("ev")
            and noun.word.islower() and lexicon.countable(noun.word)
            and noun.word not in style()["agreement"].get("bare_object_nouns", ()))


def _opens_coordinated_clause(c: TokenContext) -> bool:
    """"Ik ben 34 en heb een dochter": a verb right after en/maar/of shares the subject before it;
    the noun phrase after it is its object, no inverted subject. A subject pronoun right after the
    verb is its own inverted subject ("en word u gebracht" -> wordt)."""
    if c.i != 0 or not c.sentence or (c.nxt is not None and _lower(c.nxt) in _NOMIN_2):
        return False
    k = c.at
    return k > 0 and c.sentence[k - 1].pos == "VG" and c.sentence[k - 1].has("neven")


def _reflexive_imperative(c: TokenContext) -> bool:
    """"Meld u aan", "Bereid u voor": a verb that takes zich opens the clause before "u", with no
    "zich" after it; "u" is the reflexive pronoun of an imperative, not the subject."""
    if c.i != 0 or c.nxt is None or _lower(c.nxt) != "u":
        return False
    lemma = c.t.lemma.lower()
    after = c.clause[2] if len(c.clause) > 2 else None
    if after is not None and _lower(after) in _data().get("reflexive_prepositions", {}).get(lemma, ()):
        return True  # "Houd u aan de afspraken": zich houden aan
    if any(_lower(x) in _data().get("reflexive_objects", {}).get(lemma, ()) for x in c.clause[2:]):
        return True  # "Maak u geen zorgen": zich zorgen maken
    # a separable verb has its particle at the end of the clause: "Bereid u voor" is voorbereiden (a
    # heading without its full stop leaves Frog reading that last "voor" as a preposition)
    particles = [_lower(x) for x in c.clause[2:] if x.pos == "VZ" and (x.has("fin") or x is c.clause[-1])]
    if not any(p + lemma in _data().get("reflexive_verbs", ()) for p in ["", *particles]):
        return False
    if after is not None and (after.pos in ("LID", "N") or (after.pos == "VNW" and after.has("det"))):
        return False  # an object after "u": "u" is the subject ("Beperkt u het gebruik van alcohol")
    return not any(_lower(x) == "zich" for x in c.clause[2:])


def _possessive_subject(t: FrogToken) -> bool:
    """A determiner that opens a third-person subject: not "je", which may be the subject itself
    ("Bel je moeder?"), but "jouw" and "uw" ("Word jouw partner gebeld?" -> Wordt)."""
    return t.pos == "VNW" and t.has("det") and not (t.has("bez", "2v") and _lower(t) in ("je", "jij"))


def _third_subject_follows(nxt: FrogToken) -> bool:
    """Does a third-person subject start at ``nxt`` (an article, a determiner, a pronoun)?"""
    if nxt.pos == "LID" or _possessive_subject(nxt):
        return True
    return nxt.pos == "VNW" and nxt.has("nomin") and _lower(nxt) in _data()["third_person"]


def _after_fronted_adverb(c: TokenContext) -> bool:
    """The token stands second, after an adverb or question word; a word Frog took for a noun is the
    verb only if the clause has no other ("Vooral begin het jaar is druk": a noun)."""
    prev = c.prev
    if c.i != 1 or prev is None or not (prev.pos == "BW" or (prev.pos == "VNW" and prev.has("vb"))):
        return False
    return c.t.tag.startswith("WW(pv") or not any(x is not c.t for x in c.finite)


def _after_second_person(c: TokenContext) -> bool:
    """The token follows je/jij/u as a subject: the second-person check owns it."""
    prev = c.prev
    return prev is not None and _lower(prev) in _NOMIN_2 and (prev.has("nomin") or _lower(prev) == "u")


def _particle_apart(c: TokenContext) -> bool:
    """"iets mis gegaan": the stem is a particle written apart from the participle after it."""
    nxt = c.nxt
    return nxt is not None and nxt.tag.startswith("WW(vd") and lexicon.is_participle(c.low + _lower(nxt))


def second_person_stem(c: TokenContext) -> DtFinding | None:
    """8. A stem right after je/jij/u that do not follow their verb ("Wanneer je vermoed" ->
    vermoedt; "vind je", "word je" stay correct)."""
    if not c.stem_like or not _after_second_person(c):
        return None
    before = c.clause[c.i - 2] if c.i >= 2 else None
    if before is not None and before.pos == "WW":
        return None  # "vind je", "word je": inversion
    if _followed_by_subject(c.clause, c.i) or (not c.t.tag.startswith("WW(pv,tgw,ev") and c.finite) \
            or _particle_apart(c):
        return None
    sug = _t_form(c.t.word, "second")
    if not sug:
        return None
    return c.finding(sug, "second-person-stem", _("after '{word}' the verb takes -t: '{verb}'").format(
        word=c.prev.word, verb=sug))


def particle_of_verb_before(tokens: list[FrogToken], i: int) -> bool:
    """The word at ``i`` is the separated part of a verb form before it in its clause, the two a verb the
    lexicon knows ("het komt vaak voor": voorkomen; "dan laat de korst los": loslaten, whatever Frog made
    of "laat"), not a word of its own."""
    for x in reversed(tokens[:i]):
        w = _lower(x)
        if x.pos == "LET" or (x.pos == "VG" and w in CLAUSE_WORDS):
            return False
        if not ((x.pos == "WW" and x.has("pv")) or lexicon.tags(w) & {"pv", "pvt"}):
            continue
        stems = {w, w[:-1]} if w.endswith("t") and len(w) > 3 else {w}
        infinitives = {(x.lemma or "").lower()} | {f + "en" for st in stems for f in inflection.open_forms(st)}
        if any(lexicon.tags(_lower(tokens[i]) + inf) & _PARTICLE_VERB_TAGS for inf in infinitives if inf):
            return True
    return False


# words that open a clause of their own: a verb before them is another clause's
CLAUSE_WORDS = frozenset("""en of maar want dus dat die als dan omdat wanneer terwijl zodat nadat voordat
    hoewel doordat indien zodra totdat toen wat wie waar hoe waarom""".split())
_PARTICLE_VERB_TAGS = frozenset({"inf", "pv", "pvt", "pvmv"})


def _starts_unstopped_sentence(c: TokenContext) -> bool:
    """"... gratis maand Onthoud mij": a capital on the verb after a word in lower case starts a new
    sentence (a menu item, a button) whose full stop was lost; the stem is an imperative there."""
    return c.t.word[:1].isupper() and c.t.word[1:].islower() and c.prev.word[:1].islower()


def third_person_stem(c: TokenContext) -> DtFinding | None:
    """9. A stem right after a third-person singular subject (a pronoun, or a noun phrase that is
    not part of a prepositional phrase) ("Men spreek" -> spreekt)."""
    if not c.stem_like or c.prev is None or _after_second_person(c) or _starts_unstopped_sentence(c) or _label(c):
        return None
    if not _third_subject(c.clause, c.i - 1) or _followed_by_subject(c.clause, c.i) or _particle_apart(c):
        return None
    if c.at and c.t.word[:1].isupper() and c.prev.word[:1].isupper():
        return None  # "Agentschap Zorg en Gezondheid": a capitalised word after another inside a sentence names
    if not c.t.tag.startswith("WW(pv,tgw,ev") and any(x is not c.t for x in c.finite):
        return None  # a noun after a noun in a clause that has its verb already
    if _noun_before_verb(c.clause, c.i):
        return None  # "dat staar bij ouderen vaker voorkomt": a noun, the clause's verb comes later
    if particle_of_verb_before(c.clause, c.i):
        return None
    sug = _t_form(c.t.word, "third")
    if not sug:
        return None
    return c.finding(sug, "third-person-stem", _(
        "after the subject '{subject}' the verb takes -t: '{verb}'").format(subject=c.prev.word, verb=sug))


def _label(c: TokenContext) -> bool:
    """A short line without a closing stop whose stem is also a noun and that opens with no article
    ("Vergoeding verloskundige zorg", "Bron vraag"): a label of nouns, where a noun after a noun is no
    verb ("De baby slaap slecht" is a sentence)."""
    words = [x for x in c.sentence if x.pos != "LET"]
    return len(words) <= _LABEL_WORDS and not (c.sentence and c.sentence[-1].word in ".!?") \
        and "n" in lexicon.tags(c.low) and words[0].pos not in ("LID", "VNW")


_LABEL_WORDS = 6


def participle_in_embedded(c: TokenContext) -> DtFinding | None:
    """10. A participle on -d that ends a clause opened by wat/wie/hoe/waar ... after its subject,
    with no auxiliary in that clause ("bespreekt met u wat er gebeurd" -> gebeurt; "wat er
    gebeurd is" and "wat er is gebeurd" stay)."""
    start = _embedded_start(c.clause, c.i)
    if not c.participle_d or start == 0 or c.i + 1 < len(c.clause) and c.clause[c.i + 1].pos != "LET":
        return None
    inner = c.clause[start:c.i]
    if any(_is_aux(x) or _is_finite(x) for x in inner) or _own_verb_after(c.clause, c.i):
        return None
    opener = c.clause[start - 1]
    if not (inner and (_subject_word(inner[-1]) or any(_subject_word(x) for x in inner))) and _lower(opener) not in ("wat", "wie"):
        return None
    return _participle_finding(c)


def _subject_word(t: FrogToken) -> bool:
    """A word that can be the subject of an embedded clause: "er", a pronoun (also "dit", "dat", "het":
    "waar dit wel gebeurd"), a singular noun."""
    demonstrative = t.has("pron") and _lower(t) in ("dit", "dat", "het")
    return _lower(t) == "er" or (t.pos == "VNW" and (t.has("nomin") or demonstrative)) or (t.pos == "N" and t.has("ev"))


def coordinated_stem(c: TokenContext) -> DtFinding | None:
    """11. A stem that opens a clause after "en"/"maar"/"of" and shares the subject of the verb
    with -t before it ("Het lichaam herstelt snel en word daarna weer ongesteld" -> wordt); not
    before its own subject ("en word je opgenomen"), not after an imperative that opens the
    sentence ("Let op en bel ...")."""
    if c.i != 0 or not c.t.tag.startswith("WW(pv,tgw,ev") or not c.before or _lower(c.before[-1]) not in (
            "en", "maar", "of") or not c.t.word[:1].islower():
        return None
    nxt = c.nxt
    if nxt is not None and nxt.pos == "VNW" and (nxt.has("nomin") or _lower(nxt) in _NOMIN_2):
        return None
    prev_finite = [x for x in c.before[:-1] if _is_finite(x)]
    if len(prev_finite) != 1 or not prev_finite[0].tag.startswith("WW(pv,tgw,met-t") or c.before[0] is prev_finite[0]:
        return None
    if any(x.pos == "VG" or (x.pos == "LET" and x.word in (",", ";", ":")) for x in c.before[:-1]):
        return None  # only one main clause before: its subject is the one shared
    sug = _t_form(c.t.word, "third")
    if not sug:
        return None
    return c.finding(sug, "coordinated-stem", _(
        "the verb shares its subject with '{verb}' before it and takes -t: '{fix}'").format(
        verb=prev_finite[0].word, fix=sug))


def coordinated_imperative(c: TokenContext) -> DtFinding | None:
    """12. A -t form right after "en"/"of" that shares an imperative opening the sentence ("Neem
    rust en houdt rekening met je grenzen" -> houd): the second verb is an imperative too."""
    if c.i != 0 or not c.stem_of_t or not c.before or _lower(c.before[-1]) not in ("en", "of") \
            or not c.t.word[:1].islower() or c.sentence[-1].word == "?":
        return None
    first = c.before[0]
    after_first = c.before[1] if len(c.before) > 1 else None
    if first is not c.sentence[0] or not first.tag.startswith("WW(pv,tgw,ev") or _lower(first).endswith("t") \
            or after_first is None or (after_first.pos == "VNW" and after_first.has("nomin")) \
            or any(_is_finite(x) for x in c.before[1:]):
        return None
    if _lower(first) in _data()["no_imperative_forms"] or _condition_first(c.sentence):
        return None  # "Is de wond dicht, dan laat ... los en volgt ...": a condition, no instruction
    nxt = c.nxt
    if nxt is not None and nxt.pos == "VNW" and (nxt.has("nomin") or _lower(nxt) in _NOMIN_2):
        return None
    stem = c.stem_of_t
    return c.finding(stem, "coordinated-imperative", _(
        "like '{verb}' before it, this is an imperative, without -t: '{fix}'").format(verb=first.word, fix=stem))


def opening_imperative_t(c: TokenContext) -> DtFinding | None:
    """13. A -t form opening a statement right before a bare noun of a fixed phrase, adverbs between them
    or not, or before its object in a sentence closed by a full stop: an imperative takes the stem
    ("Houdt rekening met ..." -> Houd, "Neemt contact op" -> Neem, "Houdt hier altijd rekening mee" ->
    Houd, "Houdt daarom de handen schoon." -> Houd). Not in a question, not in a
    condition with "dan" after it ("Neemt pijn toe, bel dan"), never "wordt", "heeft", "is"."""
    stem = c.stem_of_t
    if not stem or c.t is not (c.sentence[0] if c.sentence else None) or c.sentence[-1].word == "?":
        return None
    if stem.lower() in _data()["never_imperative"] or not c.t.tag.startswith("WW(pv,tgw"):
        return None
    if c.t.word[:1].islower():
        return None  # "• geeft bescherming ...": a list item that goes on from its lead-in's subject
    nxt = _past_adverbs(c.clause, c.i + 1)
    if any(_lower(x) == "dan" for x in c.sentence[2:]) or _condition_first(c.sentence):
        return None  # a condition first ("Komt er weefsel mee, bewaar het"): no instruction
    bare = _bare_noun_after(c, nxt)
    if not (bare or _object_after(c, nxt)):
        return None
    return c.finding(stem, "opening-imperative-t" if bare else "opening-imperative-object", _(
        "an instruction takes the verb without -t: '{fix}'").format(fix=stem))


def _bare_noun_after(c: TokenContext, nxt: FrogToken | None) -> bool:
    """A bare noun right after the verb, or past adverbs in a fixed verb and noun ("Houdt hier rekening
    mee/met")."""
    if nxt is None or nxt.pos != "N" or not nxt.has("soort") or not nxt.word.islower():
        return False
    return nxt is c.clause[c.i + 1] or _closes_with_particle(c.sentence) or _before_preposition(c.clause, nxt)


def _object_after(c: TokenContext, nxt: FrogToken | None) -> bool:
    """A phrase of an article or a possessive (``object_determiners``) and a common noun after the verb,
    adverbs between them or not, in a sentence of one clause closed by a full stop ("Houdt daarom de
    handen schoon." -> Houd, "Houdt uw BSN bij de hand."): a question asks with "?", a clause after a
    comma, colon or dash makes the first a condition ("Werkt de pijnstiller onvoldoende, overleg ..."), and
    a sentence that opens with its verb and closes with a full stop gives an instruction. Not a pronoun
    after the verb ("Komt dit vaak voor." may be a question whose mark was lost), nor "een" (a story's
    opening: "Komt een man bij de dokter."); grammar.dt leaves out list items and lines under a lead-in
    with a colon, which go on from its subject ("De verloskundige: / Controleert de hartslag.")."""
    if nxt is None or c.sentence[-1].word != "." or any(x.word in _CLAUSE_BREAKS for x in c.sentence[:-1]):
        return False  # a clause after a comma, colon or dash: the verb-first clause asks a condition
    if _lower(nxt) not in _data()["object_determiners"]:
        return False
    k = next((n for n, x in enumerate(c.clause) if x is nxt), len(c.clause)) + 1
    while k < len(c.clause) and c.clause[k].pos in ("ADJ", "TW"):
        k += 1  # "de eerste 24 uur"
    head = c.clause[k] if k < len(c.clause) else None
    return head is not None and ((head.pos == "N" and head.has("soort")) or (head.pos == "SPEC" and head.word.isupper()))


_CLAUSE_BREAKS = frozenset({",", ":", ";", "–", "—", "-"})


def _condition_first(sentence: list[FrogToken]) -> bool:
    """A clause before a comma and a verb right after it ("Komt er weefsel mee, bewaar het"): the
    opening verb asks a condition; a comma inside a list ("rekening met bloed, krampen") is none."""
    return any(x.word in (",", ";") and k + 1 < len(sentence) and sentence[k + 1].pos == "WW"
               for k, x in enumerate(sentence))


def _closes_with_particle(sentence: list[FrogToken]) -> bool:
    """The sentence ends in a verb's particle or an adverb of place ("... rekening mee.", "... contact op.")."""
    words = [x for x in sentence if x.pos != "LET"]
    return bool(words) and _lower(words[-1]) in _data()["closing_particles"]


def _before_preposition(clause: list[FrogToken], noun: FrogToken) -> bool:
    """The noun right before a preposition, as in a fixed verb and noun ("rekening met", "contact met")."""
    k = next((n for n, x in enumerate(clause) if x is noun), None)
    return k is not None and k + 1 < len(clause) and clause[k + 1].pos == "VZ"


def _past_adverbs(clause: list[FrogToken], k: int, most: int = 3) -> FrogToken | None:
    """The first token from ``k`` on past at most ``most`` adverbs ("Houdt hier altijd rekening
    mee", "Houdt vooral goed rekening met ...": the adverbs, and adjectives used as one, stand between the
    verb and its noun); "er" is no adverb here, it may open an existential clause ("Komt er bloed ...")."""
    for x in clause[k : k + most + 1]:
        if not (x.pos == "BW" or (x.pos == "ADJ" and x.has("vrij"))
                or (x.pos == "VNW" and x.has("adv-pron") and _lower(x) != "er")):
            return x
    return None


def _dative_passive(c: TokenContext) -> bool:
    """"Oudere patiënten wordt aangeraden veel te drinken": "wordt" with a participle of advising or
    asking (``dative_passives``) has no subject; the plural is its indirect object."""
    return (c.t.lemma or "").lower() == "worden" and any(
        _lower(x) in _data()["dative_passives"] for x in c.clause[c.i + 1:])


def plural_subject(c: TokenContext) -> DtFinding | None:
    """11. A singular finite verb right after a plural noun phrase that opens the sentence, a bracket
    or one prepositional phrase between them or not ("Bijna 3000 vrouwen (21%) gaf aan" -> gaven,
    "Herhaalde miskramen [...] treft 1 tot 3%" -> treffen, "Klachten na de ingreep komt" -> komen: the
    verb takes the number of the head, not of the nearer noun). Not after a noun of measure ("Twee weken is lang"), nor when a subject
    follows the verb ("Deze tabletten geeft de arts mee")."""
    toks, v, p = _verb_after_phrase(c, ("WW(pv,tgw,ev", "WW(pv,tgw,met-t", "WW(pv,verl,ev"))
    if p >= 0 and not _plural_phrase(toks, p):
        p = _head_before_prepositional_phrase(toks, p)
        if p >= 0 and _pronoun_or_infinitive_subject(toks, p, v):
            return None
    if p < 0 or not _plural_phrase(toks, p) or _subject_after(toks, v) or _dative_passive(c):
        return None
    sug = _plural_form(c.t)
    if not sug:
        return None
    return c.finding(_case(c.t.word, sug), "plural-subject", _(
        "the subject '{subject}' is plural: '{verb}'").format(subject=toks[p].word, verb=sug))


def singular_subject(c: TokenContext) -> DtFinding | None:
    """12. A plural finite verb right after a singular noun phrase that opens the sentence ("De
    volgende instantie kunnen je helpen" -> kan, or "instanties kunnen"). Not after a noun of time
    ("Deze week zijn de klachten minder": a subject follows), nor after coordinated nouns."""
    toks, v, p = _verb_after_phrase(c, ("WW(pv,tgw,mv",))
    if p < 0 or not _singular_phrase(toks, p) or _subject_after(toks, v) or _ends_phrase(toks, v) \
            or _finite_after(toks, v):
        return None
    sug = _singular_form(c.t)
    if not sug:
        return None
    return c.finding(_case(c.t.word, sug), "singular-subject", _(
        "the subject '{subject}' is singular: '{verb}' (or the noun in the plural)").format(
        subject=toks[p].word, verb=sug))


# "er is/zijn" takes the number of the noun phrase after it; a collective before a plural takes either
_EXISTENTIAL = {"is": "zijn", "zijn": "is", "was": "waren", "waren": "was"}


def existential_number(c: TokenContext) -> DtFinding | None:
    """14. "er is"/"er zijn" whose number is not that of the noun after it ("Er zijn aanleg tot ..." ->
    is, "Er is verschillende oorzaken" -> zijn). Only the noun phrase right after "er is" (adverbs and
    "geen" may stand between): not a collective before a plural ("er zijn een aantal redenen"), nor
    nouns joined by en/of, a measure noun ("er is twee weken ..."), or a prepositional phrase first."""
    low = c.low
    if low not in _EXISTENTIAL or not _after_er(c):
        return None
    toks, v, _p = _verb_after_phrase(c, ("WW(pv",))
    noun = _existential_noun(toks, v + 1) if toks else None
    if noun is None:
        return None
    plural_verb = low in ("zijn", "waren")
    if noun.has("mv") == plural_verb or (noun.has("mv") and low in ("is", "was") and noun.word.lower() in
                                           _data()["measure_nouns"]):
        return None
    sug = _EXISTENTIAL[low]
    return c.finding(_case(c.t.word, sug), "existential-number", _(
        "'{noun}' after 'er {verb}' is {number}: 'er {fix}'").format(
        noun=noun.word, verb=c.t.word.lower(), number=_("plural") if noun.has("mv") else _("singular"), fix=sug))


def closing_stem(c: TokenContext) -> DtFinding | None:
    """15. A stem that closes its clause right after a participle, where every subject but "ik" takes
    the -t form ("waarover al veel gesproken word" -> wordt; ``closing_stems``). Not with "ik" in its
    clause ("dat ik morgen gebeld word") or before en/of/maar that opens it."""
    forms = _data().get("closing_stems", {})
    prev, nxt = c.prev, c.nxt
    if c.low not in forms or not _is_finite(c.t) or prev is None or not prev.tag.startswith("WW(vd"):
        return None
    if nxt is not None and nxt.pos not in ("LET", "VG"):
        return None
    if _ik_subject_possible(c):
        return None
    sug = _case(c.t.word, forms[c.low])
    return c.finding(sug, "closing-stem", _("only 'ik' takes '{word}' here: '{verb}'").format(
        word=c.t.word, verb=sug))


def _ik_subject_possible(c: TokenContext) -> bool:
    """"ik" in the clause, or before it when the clause follows en/of/maar and may share its subject
    ("Ik ben moe en snel geholpen word"); a main clause with "ik" before "dat" does not count ("Ik
    weet dat er weinig over gesproken word")."""
    if any(_lower(x) == "ik" for x in c.clause):
        return True
    k = next((n for n, x in enumerate(c.sentence) if x is c.clause[0]), 0)
    if _lower(c.clause[0]) in _SUBORD:
        return False  # "... en dat er weinig over gesproken word": a clause of its own after "en"
    return k > 0 and _lower(c.sentence[k - 1]) in ("en", "of", "maar") and any(
        _lower(x) == "ik" for x in c.sentence[:k])


def plural_pronoun(c: TokenContext) -> DtFinding | None:
    """16. A singular finite verb right after "wij"/"we" opening its clause, or right before it
    ("Daarna hoefde wij niet" -> hoefden, "wij heeft" -> hebben): "wij" is always the subject and
    plural."""
    prev, nxt = c.prev, c.nxt
    if not c.t.tag.startswith(("WW(pv,tgw,ev", "WW(pv,tgw,met-t", "WW(pv,verl,ev")):
        return None
    before = prev is not None and c.i == 1 and _plural_first_person(prev)
    if not (before or (nxt is not None and _plural_first_person(nxt))):
        return None
    if before and _compared(c.sentence, prev) and _subject_follows(c):
        return None  # "Net als wij heeft uw huisarts ...": "wij" is compared with, the subject follows
    sug = _plural_form(c.t) or _data()["singular_forms_plural"].get(c.low)
    if not sug:
        return None
    return c.finding(_case(c.t.word, sug), "plural-pronoun", _(
        "the subject 'wij' is plural: '{verb}'").format(verb=sug))


def _subject_follows(c: TokenContext) -> bool:
    """A word right after the verb that can open its subject ("heeft uw huisarts", "wil je"); after
    "Zoals wij weet," a comma follows: "wij" is the subject there."""
    nxt = c.nxt
    return nxt is not None and nxt.pos in ("VNW", "LID", "N", "SPEC")


def _compared(sentence: list[FrogToken], t: FrogToken) -> bool:
    """``t`` stands right after "als", "zoals" or "dan": a comparison, no subject."""
    k = next((n for n, x in enumerate(sentence) if x is t), 0)
    return k > 0 and _lower(sentence[k - 1]) in ("als", "zoals", "dan")


def _plural_first_person(t: FrogToken) -> bool:
    return _lower(t) in ("wij", "we") and t.pos == "VNW" and t.has("nomin")


def _after_er(c: TokenContext) -> bool:
    """The verb stands right after "er" ("Er zijn ...", "dat er is") or "er" right after it ("Zijn er ...")."""
    return (c.prev is not None and _lower(c.prev) == "er") or (c.nxt is not None and _lower(c.nxt) == "er")


_EXISTENTIAL_DETERMINERS = frozenset("een de het geen deze die dit dat veel weinig enkele sommige meerdere diverse "
                                     "vele andere minder meer".split())
_EXISTENTIAL_SKIP = frozenset("er ook soms vaak wel nog echter dan dus altijd meestal zelfs helaas daarom "
                              "namelijk gelukkig nu hier daar".split())


def _existential_noun(toks: list[FrogToken], k: int) -> FrogToken | None:
    """The head noun of the noun phrase after "er is/zijn": past adverbs, one determiner ("een", "de",
    "geen", "veel" ...) and adjectives; None when a preposition, a number, a collective ("een aantal"),
    a pronoun or a second noun joined by en/of makes it unclear."""
    while k < len(toks) and (toks[k].pos == "BW" or _lower(toks[k]) in _EXISTENTIAL_SKIP):
        k += 1
    if k < len(toks) and toks[k].pos in ("LID", "VNW") and _lower(toks[k]) in _EXISTENTIAL_DETERMINERS:
        k += 1
    while k < len(toks) and (toks[k].pos == "ADJ" or (toks[k].pos == "WW" and toks[k].has("prenom"))):
        k += 1
    if k >= len(toks) or toks[k].pos != "N" or not toks[k].has("soort") or not toks[k].word[:1].islower():
        return None
    noun = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if noun.word.lower() in _data()["collective_nouns"] or (nxt is not None and (
            nxt.pos == "N" or _lower(nxt) in ("en", "of", "/", "-", "(") or nxt.pos == "VG")):
        return None
    return noun


def _verb_after_phrase(c: TokenContext, tags: tuple[str, ...]) -> tuple[list[FrogToken], int, int]:
    """(the sentence's tokens, the verb's index, the index of the word before it past a bracket), or
    p = -1 when the token is no finite verb with one of ``tags``."""
    if not c.t.tag.startswith(tags) or not c.sentence:
        return [], -1, -1
    toks = list(c.sentence)
    v = next(n for n, x in enumerate(toks) if x is c.t)
    return toks, v, _before_bracket(toks, v)


def _finite_after(toks: list[FrogToken], v: int) -> bool:
    """A finite verb right after it: the phrase and the infinitive are the subject ("Uw kind verliezen
    is het ergste wat er is")."""
    return v + 1 < len(toks) and _is_finite(toks[v + 1])


def _ends_phrase(toks: list[FrogToken], v: int) -> bool:
    """Nothing but punctuation or a bracket after the verb: an instruction in the infinitive ("geen
    seks hebben (niks in je vagina)"), not a clause with a finite verb."""
    for x in toks[v + 1:]:
        if x.word in ("(", "["):
            return True
        if x.pos != "LET":
            return False
    return True


def _singular_phrase(toks: list[FrogToken], p: int) -> bool:
    """A singular common noun at ``p`` heading a noun phrase that opens the sentence; not a noun of time
    or measure, which stands as an adverbial ("Elke dag krijgen ...")."""
    head = toks[p]
    if head.pos != "N" or not head.has("soort") or not head.has("ev") or not head.word.islower():
        return False
    if _lower(head) in _data()["time_nouns"]:
        return False
    return all(_before_head(x) for x in toks[:p])


def _before_head(x: FrogToken) -> bool:
    """A word that may stand before the noun of a subject phrase: an article, an adjective, a
    determiner or an attributive participle."""
    return x.pos in ("LID", "ADJ") or (x.pos in ("VNW", "WW") and (x.has("det") or x.has("prenom")))


def _singular_form(t: FrogToken) -> str | None:
    """The third person singular of a present plural ("kunnen" -> kan, "helpen" -> helpt, "lopen" ->
    loopt): a listed irregular form, or a stem the spelling allows whose -t form the lexicon knows."""
    low = _lower(t)
    listed = _data().get("singular_forms", {}).get(low)
    if listed:
        return listed
    for st in sorted(inflection.stem_candidates(low), key=len):
        form = st if st.endswith("t") else st + "t"
        if lexicon.is_finite_t(form):
            return form
    return None


def _before_bracket(toks: list[FrogToken], v: int) -> int:
    """The token before ``v``, past one bracketed insertion right before it."""
    p = v - 1
    if p >= 0 and toks[p].word in (")", "]"):
        opener = "(" if toks[p].word == ")" else "["
        while p >= 0 and toks[p].word != opener:
            p -= 1
        p -= 1
    return p


def _head_before_prepositional_phrase(toks: list[FrogToken], p: int) -> int:
    """The noun before one prepositional phrase that ends at ``p`` ("Klachten [tijdens de
    zwangerschap]"), else -1."""
    if p < 0 or toks[p].pos != "N":
        return -1
    q = p - 1
    while q >= 0 and (toks[q].pos in ("LID", "ADJ", "TW") or (toks[q].pos == "VNW" and toks[q].has("det"))):
        q -= 1
    if q < 1 or toks[q].pos != "VZ" or _lower(toks[q]) not in _data()["subject_prepositions"]:
        return -1
    return q - 1 if toks[q - 1].pos == "N" else -1


def _pronoun_or_infinitive_subject(toks: list[FrogToken], p: int, v: int) -> bool:
    """Past a prepositional phrase, a pronoun after the verb may be its subject whatever case Frog
    gives it ("Vragen over de behandeling stelt u ..."), and a plural that is also an infinitive may
    be the subject of a linking verb ("Zorgen over de toekomst is normaal")."""
    nxt = toks[v + 1] if v + 1 < len(toks) else None
    if nxt is not None and nxt.pos == "VNW" and (nxt.has("pers") or nxt.has("pr")):
        return True
    return ("inf" in lexicon.tags(_lower(toks[p]))
            and (toks[v].lemma or "").lower() in style()["agreement"]["linking_verbs"])


def _plural_phrase(toks: list[FrogToken], p: int) -> bool:
    """A plural common noun at ``p`` that heads a noun phrase opening the sentence: only articles,
    determiners, numbers, adjectives and degree words before it ("Bijna 3000 vrouwen", "De meeste
    klachten", "Herhaalde miskramen"), no "een" (a group: "een aantal vrouwen")."""
    head = toks[p]
    if head.pos != "N" or not head.has("soort") or not head.has("mv") or _lower(head) in _data()["measure_nouns"] \
            or _lower(head) in _data()["singular_plurals"]:
        return False  # ("Waterpokken wordt veroorzaakt door een virus": a disease's name in the plural)
    if (head.lemma or "").lower() == _lower(head):
        return False  # a singular Frog read as a plural for its ending ("Bloedverlies"): its lemma is itself
    before = toks[:p]
    if before and _lower(before[0]) in ("een", "één"):
        return False
    return all(_before_head(x) or x.pos == "TW" or (x.pos == "BW" and _lower(x) in _data()["approximators"])
               for x in before)


def _subject_after(toks: list[FrogToken], v: int) -> bool:
    """A subject right after the verb: the phrase before it was the object ("Deze tabletten geeft de
    arts mee") or an adverbial."""
    nxt = toks[v + 1] if v + 1 < len(toks) else None
    after = toks[v + 2] if v + 2 < len(toks) else None
    number = nxt is not None and nxt.pos == "TW" and after is not None and after.pos in ("N", "ADJ")
    return nxt is not None and (nxt.pos in ("LID", "N", "SPEC") or number or (nxt.pos == "VNW" and (
        nxt.has("nomin") or nxt.has("det") or nxt.has("prenom"))))


def _plural_form(t: FrogToken) -> str | None:
    """The plural of a singular finite verb: the infinitive in the present ("treft" -> treffen), in
    the past a listed form ("gaf" -> gaven) or one the spelling allows that the lexicon knows as a past
    ("werkte" -> werkten, "kreeg" -> kregen)."""
    low = _lower(t)
    if t.tag.startswith("WW(pv,tgw"):
        lemma = (t.lemma or "").lower()
        return lemma if "inf" in lexicon.tags(lemma) else None
    listed = _data().get("past_plurals", {}).get(low)
    if listed:
        return listed
    cands = [low + "n"] + [f + "en" for f in sorted(inflection.open_forms(low))] + [low + "en"]
    return next((c for c in cands if c.endswith("en") and "pvv" in lexicon.tags(c)), None)


# determiners after which a noun phrase goes on and that are never a subject pronoun: no finite verb
# follows them ("een", "geen", "uw"; not "het", "dat", "je", "haar", which may stand alone)
_PHRASE_DETERMINERS = frozenset("een de geen uw mijn jouw elk elke ieder iedere welk".split())
# an object before an adjective and a judging verb ("of hij dit verantwoord vindt")
_JUDGED_OBJECTS = frozenset("het dit dat iets niets alles".split())
_JUDGING_VERBS = frozenset({"vinden", "achten"})


def finite_as_adjective(c: TokenContext) -> DtFinding | None:
    """17. A -t form where its adjective or participle stands: between a determiner and its noun
    ("een verantwoordt besluit", "geen vergoedt bedrag" -> vergoed), or between an object and a form of
    vinden or achten that closes the clause ("of hij dit verantwoordt vindt" -> verantwoord)."""
    prev, nxt = c.prev, c.nxt
    form = _adjective_of_t(c.low)
    if prev is None or nxt is None or form is None:
        return None
    attributive = _lower(prev) in _PHRASE_DETERMINERS and nxt.pos == "N" and nxt.has("soort") \
        and not one_as_pronoun(c.clause, c.i - 1)
    after = c.clause[c.i + 2] if c.i + 2 < len(c.clause) else None
    predicative = (_lower(prev) in _JUDGED_OBJECTS and (nxt.lemma or "").lower() in _JUDGING_VERBS
                   and (after is None or after.pos in ("LET", "VG")))
    if not (attributive or predicative):
        return None
    sug = _case(c.t.word, form)
    return c.finding(sug, "finite-for-participle", _(
        "'{word}' is a finite verb, but here an adjective is needed: '{verb}'").format(word=c.t.word, verb=sug))


def one_as_pronoun(tokens: Sequence[FrogToken], k: int) -> bool:
    """"De een bloedt wat meer, de ander minder": "een" after "de"/"het" is a pronoun, the subject."""
    return _lower(tokens[k]) in ("een", "ene") and k > 0 and _lower(tokens[k - 1]) in ("de", "het")


def _adjective_of_t(low: str) -> str | None:
    """The participle or adjective whose -t form ``low`` is ("verantwoordt" -> verantwoord, "verbaast"
    -> verbaasd), when ``low`` is a finite verb."""
    if not low.endswith("t") or not lexicon.is_finite_t(low):
        return None
    form = low[:-1] if low.endswith("dt") else low[:-1] + "d"
    return form if lexicon.is_participle(form) or "adj" in lexicon.tags(form) else None


# the forms of kunnen, willen and zullen that go with je and u only, and the form of any other subject
_SECOND_PERSON_ONLY = {"kunt": "kan", "wilt": "wil", "zult": "zal"}
_PERSONAL = frozenset("ik je jij u hij zij ze we wij men het".split())


def possessive_subject_t(c: TokenContext) -> DtFinding | None:
    """kunt/wilt/zult after a subject that opens its clause with a possessive and a noun ("Uw kind kunt
    weer naar school" -> kan, "dat je baby niet wilt drinken" -> wil): those forms go with je and u
    themselves, not with a person of the third. Not when a pronoun stands between them or right after the
    verb: then the pronoun is the subject and the noun its object ("als je je baby wilt voeden", "Uw kind
    kunt u morgen ophalen")."""
    fix = _SECOND_PERSON_ONLY.get(c.low)
    if fix is None or not c.t.tag.startswith("WW(pv") or (c.nxt is not None and _lower(c.nxt) in _PERSONAL):
        return None
    k = 1 if c.clause and c.clause[0].pos == "VG" else 0
    if c.i <= k + 1 or not (c.clause[k].pos == "VNW" and c.clause[k].has("bez")):
        return None
    j = k + 1
    while j < c.i and c.clause[j].pos in ("ADJ", "TW"):
        j += 1
    if j >= c.i or c.clause[j].pos != "N" or not c.clause[j].has("ev"):
        return None
    if any(_lower(x) in _PERSONAL or x.tag.startswith("WW(pv") for x in c.clause[j + 1:c.i]):
        return None
    return c.finding(_case(c.t.word, fix), "possessive-subject-t", _(
        "'{noun}' is the subject: '{fix}'").format(noun=c.clause[j].word, fix=_case(c.t.word, fix)))


# the token checks in the order they are tried; the first finding wins
TOKEN_CHECKS: tuple[Callable[[TokenContext], DtFinding | None], ...] = (
    participle_without_finite, participle_after_subject, participle_before_reflexive, finite_for_participle,
    first_person_t,
    inverted_je_t, inverted_question, inverted_subject, second_person_stem, third_person_stem,
    participle_in_embedded, coordinated_stem, coordinated_imperative, plural_subject, singular_subject,
    opening_imperative_t, existential_number, closing_stem, plural_pronoun, finite_as_adjective,
    possessive_subject_t,
)


def check_token(c: TokenContext) -> DtFinding | None:
    """The first finding of the token checks on one token."""
    for check in TOKEN_CHECKS:
        f = check(c)
        if f is not None:
            return f
    return None


_CONJ = frozenset("""en of maar want dus dat omdat als wanneer terwijl zodat nadat voordat toen
    hoewel doordat indien mits tenzij zodra totdat opdat waardoor waarbij die wat waar""".split()) | _RELATIVE_ADVERBS
_BREAK = re.compile(r"[,;:()\u2013\u2014|]")
_ARTICLES = frozenset("het de een dit dat deze die".split())


def _rough_clauses(sentence: str) -> list[list[str]]:
    """Lower-case words grouped into rough clauses (punctuation and conjunctions split)."""
    out: list[list[str]] = [[]]
    for part in _BREAK.split(sentence):
        if out[-1]:
            out.append([])
        for s, e in words(part):
            w = part[s:e].lower()
            if w in _CONJ and out[-1]:
                out.append([])
            out[-1].append(w)
    return [c for c in out if c]


_SUBORD = frozenset("""dat omdat als wanneer terwijl zodat nadat voordat hoewel doordat indien zodra
    totdat opdat of dan tot die""".split()) | _RELATIVE_ADVERBS


@dataclass(frozen=True)
class _RoughClause:
    """A rough clause of a sentence, for the lexicon-only pre-check."""

    words: list[str]  # lower-case
    aux: frozenset[str]  # the auxiliaries
    subjects: frozenset[str]  # third-person and second-person subject pronouns
    aux_before: bool  # an earlier clause of the sentence has an auxiliary
    opens_question: bool  # the first clause of a question

    @property
    def has_aux(self) -> bool:
        return any(w in self.aux for w in self.words)


@lru_cache(maxsize=100_000)
def suspect(sentence: str) -> bool:
    """Cheap pre-check with the lexicon: could any d/t check fire? Only such sentences go to Frog.

    It mirrors the checks in ``analyse`` with the lexicon's tags instead of Frog's, and lets
    through anything that might fire, so it narrows Frog's work without changing findings.
    """
    d = _data()
    aux = frozenset(d["auxiliaries"])
    subjects = frozenset(d["third_person"]) | frozenset(_NOMIN_2)
    question = sentence.rstrip().endswith("?")
    aux_before = t_before = False
    first: list[str] = []
    if _suspect_number(sentence) or _suspect_opening_imperative(sentence) or _suspect_existential(sentence):
        return True
    if _suspect_closing_stem(sentence) or _suspect_plural_pronoun(sentence) or _suspect_cluster_after(sentence) \
            or _suspect_verb_pairs(sentence):
        return True
    for ci, words in enumerate(_rough_clauses(sentence)):
        c = _RoughClause(words, aux, subjects, aux_before, question and ci == 0)
        if _suspect_subject_clause(c) or any(_suspect_word(c, i) for i in range(len(words))):
            return True
        if t_before and _suspect_coordinated(words):
            return True
        if ci and words[0] in ("en", "of") and len(words) > 1 and lexicon.is_finite_t(words[1]) \
                and _t_form(first[0], "third") is not None:
            return True  # "Neem rust en houdt rekening": an imperative before, a -t form after "en"
        first = first or words
        aux_before = aux_before or c.has_aux
        t_before = t_before or any(lexicon.is_finite_t(w) for w in words[1:])
    return False


def _suspect_verb_pairs(sentence: str) -> bool:
    """The rough forms of a -t form right before "krijgt" and the like ("hoeveel u vergoedt krijgt") and of
    possessive_subject_t (je/jouw/uw before a noun, and kunt/wilt/zult after it), in one pass."""
    ws = [sentence[a:b].lower() for a, b in words(sentence)]
    takers = _data().get("participle_auxiliaries", ())
    for i, w in enumerate(ws[:-1]):
        if ws[i + 1] in takers and w.endswith("t") and lexicon.is_finite_t(w):
            return True
        if w in ("je", "jouw", "uw") and "n" in lexicon.tags(ws[i + 1]) \
                and any(x in _SECOND_PERSON_ONLY for x in ws[i + 2:]):
            return True
    return False


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _suspect_number(sentence: str) -> bool:
    """Checks 11 and 12 in rough form: a noun phrase opening the sentence (only articles, determiners,
    numbers and inflected adjectives before its noun) whose noun stands right before a finite verb of
    the other number, a bracket between them or not."""
    d = _data()
    text = _BRACKETED.sub(" ", sentence)
    ws = [text[a:b].lower() for a, b in words(text)][:10]
    for i in range(min(len(ws) - 1, 5)):
        noun, verb = ws[i], ws[i + 1]
        if i and not _phrase_opener(ws[i - 1]):
            return False  # the words before the noun are no noun phrase's: no subject phrase opens here
        if "n" not in lexicon.tags(noun):
            continue
        plural_noun = noun.endswith(("en", "s"))
        if plural_noun and verb in d["subject_prepositions"]:
            verb = next((w for w in ws[i + 3:i + 6] if lexicon.tags(w) & {"pv", "pvt"}), verb)
        vt = lexicon.tags(verb)
        if not plural_noun and "inf" in vt and "pvmv" in vt and noun not in d["time_nouns"]:
            return True  # check 12: "De volgende instantie kunnen"
        if plural_noun and noun not in d["measure_nouns"] and not set(ws[:i]) & set(d["singular_determiners"]) \
                and ("pvt" in vt or ("pvv" in vt and not verb.endswith("en")) or verb in d["past_plurals"]
                     or verb in d["singular_forms"].values()):
            return True  # check 11: "De meeste klachten verdwijnt"
    return False


def _suspect_cluster_after(sentence: str) -> bool:
    """Check 3's cluster after the verb: a -t form right before a modal and "worden"/"zijn"."""
    ws = [sentence[a:b].lower() for a, b in words(sentence)]
    modals = style()["agreement"]["modals"]
    return any(w.endswith("t") and lexicon.is_finite_t(w) and m in modals and a in ("worden", "zijn")
               for w, m, a in zip(ws, ws[1:], ws[2:]))


def _suspect_closing_stem(sentence: str) -> bool:
    """Check 15's rough form: a listed stem right after a participle."""
    ws = [sentence[a:b].lower() for a, b in words(sentence)]
    forms = _data().get("closing_stems", {})
    return any(w in forms and lexicon.is_participle(p) for p, w in zip(ws, ws[1:]))


def _suspect_plural_pronoun(sentence: str) -> bool:
    """Check 16's rough form: "wij"/"we" next to a singular finite form (not one in -en)."""
    ws = [sentence[a:b].lower() for a, b in words(sentence)]
    return any((a in ("wij", "we") or b in ("wij", "we")) and _singular_finite_shape(b if a in ("wij", "we") else a)
               for a, b in zip(ws, ws[1:]))


def _singular_finite_shape(word: str) -> bool:
    return not word.endswith("en") and bool(lexicon.tags(word) & {"pv", "pvt", "pvv"})


_ER_IS = re.compile(r"\ber\s+(is|zijn|was|waren)\b|\b(is|zijn|was|waren)\s+er\b", re.I)


def _suspect_existential(sentence: str) -> bool:
    """Check 14's rough form: "er is/zijn" before a noun whose plural shape differs from the verb's."""
    for m in _ER_IS.finditer(sentence):
        verb = (m.group(1) or m.group(2)).lower()
        tail = sentence[m.end():]
        rest = [tail[a:b].lower() for a, b in words(tail)][:5]
        nouns = [w for w in rest if "n" in lexicon.tags(w)]
        if nouns and (nouns[0].endswith(("en", "s")) != (verb in ("zijn", "waren"))):
            return True
    return False


def _suspect_opening_imperative(sentence: str) -> bool:
    """Check 13's rough form: a -t form whose stem is a verb's, first in a statement, before a noun
    (past words the lexicon has no class for: adverbs; and adjectives, which may stand as one)."""
    ws = [sentence[a:b].lower() for a, b in words(sentence)][:5]
    if len(ws) < 2 or sentence.rstrip().endswith("?") or not ws[0].endswith("t"):
        return False
    if not (lexicon.is_finite_t(ws[0]) and lexicon.is_stem(ws[0][:-1])):
        return False
    k, noun = next(((k, w) for k, w in enumerate(ws[1:], 1) if w == "er" or w in _data()["object_determiners"]
                    or (lexicon.tags(w) and not _adjective_only(w))), (0, ""))
    if noun in _data()["object_determiners"]:
        return sentence.rstrip().endswith((".", "!")) and any("n" in lexicon.tags(w) for w in ws[k + 1:])
    return "n" in lexicon.tags(noun)


def _adjective_only(word: str) -> bool:
    tags = lexicon.tags(word)
    return "adj" in tags and "n" not in tags


def _phrase_opener(word: str) -> bool:
    """A word that may stand before a noun in a subject phrase: an article or determiner, a number, a
    degree word or an inflected adjective ("De volgende", "Bijna 3000", "Herhaalde")."""
    d = _data()
    return (word in d["singular_determiners"] or word in d["phrase_determiners"] or word in d["approximators"]
            or word.isdigit() or (word.endswith("e") and len(word) > 3))


def _suspect_coordinated(words: list[str]) -> bool:
    """"... herstelt en word daarna ...": a stem with a -t form right after en/of/maar, not before
    its own subject."""
    if len(words) < 2 or words[0] not in ("en", "of", "maar") or words[1].endswith("t"):
        return False
    return _t_form(words[1], "third") is not None and (len(words) == 2 or words[2] not in ("je", "jij", "ik"))


def _suspect_subject_clause(c: _RoughClause) -> bool:
    """A clause opened by a subject (after a conjunction or not), or by a relative pronoun, with a
    stem after it that has a -t form."""
    clause = c.words
    if clause[0] in ("die", "dat") and any(not w.endswith("t") and _t_form(w, "third") for w in clause[1:]):
        return True
    opener = 1 if clause[0] in _SUBORD or clause[0] in ("en", "of", "maar") else 0
    if len(clause) <= opener + 1:
        return False
    w0 = clause[opener]
    person = "second" if w0 in _NOMIN_2 else "third" if w0 in c.subjects or w0 in _ARTICLES else None
    if w0 in ("je", "jij") and any(w in _data().get("second_person_forms", {}) for w in clause[opener + 1:]):
        return True
    return bool(person) and any(not w.endswith("t") and _t_form(w, person)
                                and not (clause[j - 1] in _ARTICLES and "n" in lexicon.tags(w))
                                for j, w in enumerate(clause[opener + 1 :], opener + 1))


def _suspect_word(c: _RoughClause, i: int) -> bool:
    """Could a token check fire on the ``i``-th word?"""
    if _suspect_t_or_d(c, i):
        return True
    return not c.words[i].endswith("t") and _suspect_stem(c, i)


def _suspect_t_or_d(c: _RoughClause, i: int) -> bool:
    """The -t and -d checks: -t after ik or before je, a participle for a finite verb (alone or right
    after the subject), a finite verb for a participle after an auxiliary."""
    clause, w = c.words, c.words[i]
    if w.endswith("t") and (i and clause[i - 1] == "ik" or (i + 1 < len(clause) and clause[i + 1] in ("je", "jij"))):
        if lexicon.is_finite_t(w) and lexicon.is_stem(w[:-1]):
            return True
    if w in _data().get("inverted_second", {}) and i + 1 < len(clause) and clause[i + 1] in ("je", "jij"):
        return True
    participle_d = finite_of_participle(w) is not None
    if participle_d and not c.has_aux and not (c.aux_before and clause[0] not in _CONJ - {"en", "of", "maar"}):
        return True
    if (participle_d and i and (clause[i - 1] in c.subjects or "n" in lexicon.tags(clause[i - 1]))
            and not any(x in c.aux for x in clause[:i]) and not c.aux_before):
        return True
    if participle_d and i + 1 < len(clause) and clause[i + 1] == "zich":
        return True
    if i and i + 1 < len(clause) and (clause[i - 1] in _PHRASE_DETERMINERS or clause[i - 1] in _JUDGED_OBJECTS) \
            and _adjective_of_t(w):
        return True  # "een verantwoordt besluit", "of hij dit verantwoordt vindt"
    participle = w[:-1] if w.endswith("dt") else w[:-1] + "d"
    takes = c.aux | frozenset(_data().get("participle_auxiliaries", ()))
    return (w.endswith("t") and lexicon.is_finite_t(w) and not _participle_form(w)
            and lexicon.is_participle(participle) and any(x in takes for x in clause[:i]))


def _suspect_stem(c: _RoughClause, i: int) -> bool:
    """The stem checks: a stem opening a question, or after (or before) a subject, with a -t form."""
    clause, w = c.words, c.words[i]
    prev = clause[i - 1] if i else ""
    if i == 0 and c.opens_question:
        return bool(_t_form(w, "third") or _t_form(w, "second"))
    if prev in _ARTICLES and "n" in lexicon.tags(w):
        return False  # "het verlies": a noun after its article
    person = "second" if prev in _NOMIN_2 else "third" if (prev in c.subjects or "n" in lexicon.tags(prev)) else None
    if person is None and i + 1 < len(clause) and clause[i + 1] == "u":
        person = "second"
    if person is None and i + 1 < len(clause) and (clause[i + 1] in _ARTICLES or clause[i + 1] in ("jouw", "uw")):
        person = "third"
    return bool(person and _t_form(w, person))
