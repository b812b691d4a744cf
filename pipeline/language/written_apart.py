"""Words that Dutch writes as one, written apart: a pronominal adverb ("er voor zorgen" -> ervoor), an
abbreviation before the noun it makes a compound with ("IVF behandeling" -> IVF-behandeling), a person's
name before the syndrome or score named after them ("Asherman syndroom" -> Ashermansyndroom), a word that
only opens compounds ("postpartum depressie" -> postpartumdepressie), an adverb
before a participle used as an adjective ("veel voorkomende" -> veelvoorkomende) and a separable verb's
particle right before its verb ("kennis maken" -> kennismaken).

Each check takes a sentence tagged by Frog and the index of a token, like the checks of
``pipeline.language.agreement``, which runs them; each has a cheap pre-check on the words alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.i18n import _
from pipeline.language import dictionary, lexicon
from pipeline.language.data import style
from pipeline.language.dt_checks import DtFinding, particle_of_verb_before
from pipeline.language.frog import FrogToken
from pipeline.language.spelling import VOWEL_CLASH

# the prepositions that make a pronominal adverb with er/daar/hier ("eraan", "daarvoor", "hiermee")
ER_PREPOSITIONS = frozenset("""aan achter bij binnen boven buiten door in langs mee na naar naast om onder op over
    tegen tegenover toe tussen uit van voor zonder""".split())
_ADVERB_PRONOUNS = frozenset({"er", "daar", "hier", "waar"})
# subjects that "er" follows as the "er" of presence ("wie er mee mag", "of er iemand ...")
_SUBJECTS_BEFORE_ER = frozenset({"wie", "wat", "iemand", "niemand", "iets", "niets", "veel", "weinig", "hoeveel",
                                 "welke", "sommigen", "velen", "anderen", "meer", "minder"})
_QUESTION_SUBJECTS = frozenset({"wie", "wat", "welke", "hoeveel"})
_SUBJECT_PRONOUNS = frozenset({"ik", "je", "jij", "u", "hij", "zij", "ze", "we", "wij", "jullie"})
_OBJECT_PRONOUNS = frozenset({"u", "hem", "haar", "hen", "hun", "mij", "me", "jou", "ons", "jullie", "zich"})
# words of place that a preposition takes as its phrase ("daar naar binnen", "van boven"), no particle
_PLACE_WORDS = frozenset({"binnen", "buiten", "boven", "beneden", "voren", "achteren", "onder", "opzij", "thuis"})
# what opens a phrase of the preposition's own ("er voor de deur"): then "er" stands apart
_PHRASE_START = frozenset({"LID", "N", "ADJ", "TW", "SPEC"})


def _low(t: FrogToken) -> str:
    return t.word.lower()


def _adjacent(a: FrogToken, b: FrogToken) -> bool:
    return b.start == a.end + 1


def one_word(a: FrogToken, b: FrogToken, fix: str) -> DtFinding:
    """The finding on two tokens written apart that make one word, ``fix``."""
    words = f"{a.word} {b.word}"
    return DtFinding(a.start, b.end, words, fix, "split-compound",
                     _("'{words}' is one word: '{fix}'").format(words=words, fix=fix))


def pronominal_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """"er voor zorgen", "er over praten", "daar mee", "er bij zijn": er/daar/hier/waar right before a
    preposition that has no phrase of its own after it: one word ("ervoor", "erover", "daarmee"). Not
    before the preposition's own phrase ("er voor de deur"), nor the "er" of presence ("wie er mee mag",
    "hoeveel mensen er mee mogen"), nor two prepositions that share a phrase ("er bij of kort na de
    bevruchting")."""
    if i + 1 >= len(tokens) or _low(tokens[i]) not in _ADVERB_PRONOUNS:
        return None
    t, p = tokens[i], tokens[i + 1]
    if _low(p) not in ER_PREPOSITIONS or p.pos != "VZ" or not _adjacent(t, p):
        return None
    if _low(t) == "er" and _presence_er(tokens, i):
        return None
    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
    if _low(t) == "waar" and _subject_follows(tokens, i + 2):
        return one_word(t, p, t.word + _low(p))  # "waar voor je kiest": je is the clause's subject
    if nxt is not None and (_opens_phrase(nxt) or _shared_phrase(tokens, i + 2)):
        return None
    if nxt is not None and nxt.pos == "VZ" and nxt.has("init") and particle_of_verb_before(tokens, i + 1):
        return None  # "het zaadje groeit daar uit tot een plant": uitgroeien tot, "daar" an adverb of place
    if not p.has("fin") and nxt is not None and nxt.pos not in ("WW", "VG", "LET") \
            and not (nxt.pos == "VZ" and nxt.has("fin") and _low(nxt) not in _PLACE_WORDS):
        # a preposition Frog reads as opening a phrase: "er voor altijd", "daar naar binnen"; a
        # verb's particle right after it closes no phrase ("we gaan er van uit")
        return None
    return one_word(t, p, t.word + _low(p))


def _subject_follows(tokens: list[FrogToken], k: int) -> bool:
    """A subject pronoun right before the finite verb that closes a clause ("waar voor je kiest"):
    the pronoun belongs to the verb, not to the preposition before it."""
    return (k + 1 < len(tokens) and _low(tokens[k]) in _SUBJECT_PRONOUNS
            and tokens[k + 1].tag.startswith("WW(pv"))


def _opens_phrase(t: FrogToken) -> bool:
    """A word that opens a phrase of the preposition before it: an article, a noun, an adjective, a
    number, a determiner or possessive, a pronoun that is mostly an object ("er voor u", "er voor hem");
    not an adjective that stands alone as the predicate ("wat er voor nodig is")."""
    if t.pos == "ADJ" and t.has("vrij"):
        return False
    return t.pos in _PHRASE_START or (t.pos == "VNW" and (t.has("det") or t.has("obl") or t.has("bez")
                                                          or _low(t) in _OBJECT_PRONOUNS))


def _shared_phrase(tokens: list[FrogToken], k: int) -> bool:
    """"er bij of kort na de bevruchting": a conjunction and, past an adverb, another preposition."""
    if _low(tokens[k]) not in ("en", "of", "en/of"):
        return False
    rest = [x for x in tokens[k + 1:k + 4] if x.pos != "BW" and x.pos != "ADJ"]
    return bool(rest) and rest[0].pos == "VZ"


def _presence_er(tokens: list[FrogToken], i: int) -> bool:
    """"er" after a subject such as "wie" or "iemand", also a question word with the finite verb between
    ("wie kiest er voor afwachten?"), and a noun right before "er mee" ("hoeveel mensen er mee mogen":
    mee is the verb's particle): the "er" of presence, no part of a pronominal adverb."""
    before = _low(tokens[i - 1]) if i else ""
    if before in _SUBJECTS_BEFORE_ER:
        return True
    if i > 1 and tokens[i - 1].tag.startswith("WW(pv") and _low(tokens[i - 2]) in _QUESTION_SUBJECTS:
        return True
    return bool(i) and tokens[i - 1].pos == "N" and _low(tokens[i + 1]) == "mee"


def pronominal_apart_suspect(words: list[str], i: int) -> bool:
    return words[i] in _ADVERB_PRONOUNS and i + 1 < len(words) and words[i + 1] in ER_PREPOSITIONS


def abbreviation_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """An abbreviation of a treatment, test or substance (``compound_abbreviations``) right before a
    singular common noun it makes a compound with ("de IVF behandeling", "te veel LH hormoon", "een MRI
    scan") takes a hyphen: IVF-behandeling. Not an organisation ("het RIVM informatie"), not before a
    plural, which may be a phrase of its own ("via IVF kinderen krijgen"), unless an adjective or a number
    before the abbreviation can only go with it ("hoge HCG waarden"); not in a line of capitals. A code of
    capitals and digits before a common noun makes one too ("het E112 formulier" -> E112-formulier)."""
    if i + 1 >= len(tokens):
        return None
    a, n = tokens[i], tokens[i + 1]
    if _CODE.match(a.word) and _adjacent(a, n) and n.pos == "N" and n.has("soort") and n.word.isalpha() \
            and n.word.islower() and len(n.word) >= 3:
        return _hyphen_compound(a, n)  # a code of letters and digits: "het E112 formulier", "A4 vellen"
    if a.word not in _listed("compound_abbreviations") or not _adjacent(a, n):
        return None
    prev = tokens[i - 1] if i else None
    if prev is not None and prev.word.isupper() and len(prev.word) > 1:
        return None
    # after "een MRI" the phrase still needs its noun, which Frog may read as a verb ("scan")
    opened = prev is not None and (prev.pos == "LID" or (prev.pos == "VNW" and (prev.has("det") or prev.has("bez"))))
    singular = (n.pos == "N" and n.has("soort") and n.has("ev")) or (
        opened and "n" in lexicon.tags(_low(n)) and not n.has("mv"))  # "na de NIPT aanwijzingen zijn": two phrases
    # a plural after an adjective or a number that can only go with it ("hoge HCG waarden", "twee MRI scans")
    plural = prev is not None and n.pos == "N" and n.has("mv") and (
        (prev.pos == "ADJ" and prev.has("prenom")) or prev.pos == "TW" or _low(prev) in _PLURAL_DETERMINERS)
    if not (singular or plural) or not n.word.isalpha() or not n.word.islower() or len(n.word) < 3:
        return None
    return _hyphen_compound(a, n)


# a code of capitals and digits ("E112", "A4", "B12"): before a noun it makes a compound with a hyphen
_CODE = re.compile(r"^[A-Z]{1,3}\d{1,4}$")


def _hyphen_compound(a: FrogToken, n: FrogToken) -> DtFinding:
    words = f"{a.word} {n.word}"
    fix = f"{a.word}-{n.word}"
    return DtFinding(a.start, n.end, words, fix, "split-compound",
                     _("a compound with an abbreviation takes a hyphen: '{fix}'").format(fix=fix))


_PLURAL_DETERMINERS = frozenset("alle sommige veel vele meerdere enkele beide verschillende andere".split())


def abbreviation_apart_suspect(sentence: str, spans: list[tuple[int, int]], i: int) -> bool:
    if i + 1 >= len(spans):
        return False
    a, b = spans[i], spans[i + 1]
    word, nxt = sentence[a[0]:a[1]], sentence[b[0]:b[1]]
    return (word in _listed("compound_abbreviations") or bool(_CODE.match(word))) and sentence[a[1]:b[0]] == " " \
        and nxt.islower() and len(nxt) >= 3


def name_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """A person's name before the noun of a syndrome, score or test named after that person
    (``eponym_heads``), written apart: one word ("Asherman syndroom" -> Ashermansyndroom, "de Apgar score"
    -> Apgarscore). The name is a word in title case that Frog reads as a name or the lexicon does not know
    in small letters; a word it knows ("Dit syndroom", a sentence's first word) is no name."""
    if i == 0 or _low(tokens[i]) not in _listed("eponym_heads"):
        return None
    name, head = tokens[i - 1], tokens[i]
    if not _adjacent(name, head) or not head.word.islower() or head.pos != "N" or not _title_name(name):
        return None  # "Bij Sanne greep de arts in": a verb after a name
    if "pv" in lexicon.tags(_low(head)) and not any(t.tag.startswith("WW(pv") for t in tokens):
        return None  # "Kim test thuis haar bloedsuiker": the sentence's only verb, though Frog took it for a noun
    return one_word(name, head, name.word + head.word)


def _title_name(t: FrogToken) -> bool:
    w = t.word
    if not (w[:1].isupper() and w[1:].islower() and w.isalpha() and len(w) >= 3):
        return False
    return t.tag.startswith(("SPEC(deeleigen", "N(eigen")) or (
        not lexicon.tags(w.lower()) and t.pos not in ("VNW", "LID", "VZ", "VG", "BW", "TW"))


def name_apart_suspect(sentence: str, spans: list[tuple[int, int]], i: int) -> bool:
    if i == 0:
        return False
    a, b = spans[i - 1], spans[i]
    name = sentence[a[0]:a[1]]
    return (sentence[b[0]:b[1]] in _listed("eponym_heads") and sentence[a[1]:b[0]] == " " and name[:1].isupper()
            and name[1:].islower())


def prefix_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """A word that Dutch writes only as the first part of a compound (``compound_first_words``: postpartum,
    pre, anti) written apart from the noun after it: one word, with a hyphen where two vowels meet
    ("een postpartum depressie" -> postpartumdepressie, "pre eclampsie" -> pre-eclampsie). Not before a
    verb ("zes weken postpartum komt u terug"). "linker" and "rechter" (``side_words``) only before a part of
    the body or a side (``side_heads``: "het linker atrium" -> linkeratrium); before another noun "rechter"
    is the judge ("de rechter geeft advies")."""
    if i + 1 >= len(tokens):
        return None
    a, n = tokens[i], tokens[i + 1]
    side = _low(a) in _listed("side_words") and _low(n) in _listed("side_heads")
    if not (side or _low(a) in _listed("compound_first_words")):
        return None
    if not _adjacent(a, n) or not (side or (n.pos == "N" and n.has("soort"))) or not n.word.isalpha() \
            or not n.word.islower():
        return None
    joint = "-" if _low(a)[-1] + n.word[0] in VOWEL_CLASH else ""
    return one_word(a, n, a.word + joint + n.word)


def adverb_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """An adverb before a participle used as an adjective (``participle_adverbs``: veel, hoog, laag) makes
    one word with it ("veel voorkomende klachten" -> veelvoorkomende, "Veel gestelde vragen" ->
    Veelgestelde, "hoog opgeleide vrouwen" -> hoogopgeleide); not before a participle that ends its
    clause ("die veel gebruikt wordt"), and before a plural only when the dictionary has the joined word
    ("veel geplande keizersneden" may be many of them)."""
    if i + 1 >= len(tokens) or _low(tokens[i]) not in _listed("participle_adverbs"):
        return None
    a, p = tokens[i], tokens[i + 1]
    if not _adjacent(a, p) or p.pos != "WW" or not p.has("prenom") or not (p.has("vd") or p.has("od")) \
            or not p.word.isalpha() or not p.word.islower():
        return None
    noun = tokens[i + 2] if i + 2 < len(tokens) else None
    joined = a.word + p.word
    if noun is not None and noun.has("mv") and not dictionary.dutch_word(joined.lower()):
        return None  # before a plural "veel" may count: "veel geplande keizersneden" (many planned ones)
    return one_word(a, p, joined)


def adverb_apart_suspect(words: list[str], i: int) -> bool:
    return (words[i] in _listed("participle_adverbs") and i + 1 < len(words)
            and words[i + 1].endswith(("de", "te", "en")))


_VERB_TAGS = frozenset({"inf", "pv", "pvt", "pvv", "pvmv", "vd"})
_SEEN_VERB = 10
# words after which a preposition may belong to a split pronominal adverb ("er iets aan doen", "er
# niets aan hebben") or to "af en toe"
_BEFORE_SPLIT_ADVERB = frozenset({"en", "iets", "niets", "niks", "wat", "veel", "weinig", "alles", "genoeg", "meer",
                                  "minder"})


def particle_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """A separable verb's first part right before its verb, where Dutch writes one word: an infinitive,
    a participle or the finite verb of a clause that puts it last ("kan normaal uit zien" -> uitzien, "een
    miskraam mee maken" -> meemaken, "kennis maken" -> kennismaken, "gerust gesteld"): only a joined form the
    lexicon knows as a verb. Not after er/daar/hier (a pronominal adverb) or with one shortly before it (a
    split one: "wat kunnen we er zelf aan doen"), not "toe" ("naar huis toe gaan")
    nor an adverb of place or company ("thuis bevallen", "samen eten": ``verb_first_parts`` lists the
    others), unless that verb joins it all the same ("het ontbijt binnen houden": ``particles_apart_joined``)."""
    if i + 1 >= len(tokens):
        return None
    p, v = tokens[i], tokens[i + 1]
    first = _low(p)
    joins = _joined_all_the_same(tokens, i)
    if not (first in _first_parts() or joins) or v.pos != "WW" or not v.word.isalpha() \
            or not v.word.islower() or not _adjacent(p, v) or v.has("od"):
        return None
    if _low(v) in _COPULA_FORMS:
        return None  # "ooit weg geweest", "op geweest": a particle with "zijn" stays apart
    if i and (_low(tokens[i - 1]) in _ADVERB_PRONOUNS or (
            _low(tokens[i - 1]) in _BEFORE_SPLIT_ADVERB and not joins)):
        return None  # "er op letten" (erop), "af en toe gaan", "er iets aan doen" (the "aan" of eraan)
    if first in ER_PREPOSITIONS and any(_low(x) in _ADVERB_PRONOUNS for x in tokens[max(0, i - 6):i]):
        return None  # the preposition of a split pronominal adverb: "wat kunnen we er zelf aan doen", "er ... op zitten"
    if p.pos == "VZ" and "n" in lexicon.tags(_low(v)):
        return None  # a preposition before a word that is also a noun: "bij stellen die een kinderwens hebben"
    if _closes_circumposition(tokens, i) or _particle_of_next(tokens, i) \
            or (i and _low(tokens[i - 1]) in _table("phrase_before_particle").get(first, ())):
        return None  # "het rustig aan doen": the fixed phrase, not aandoen
    joined = first + _low(v)
    if not lexicon.tags(joined) & _VERB_TAGS or lexicon.count(joined) < _SEEN_VERB:
        return None  # (a joined form Frog's corpus has seen a few times is no sure verb: "uiteten")
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if after is not None and _adjacent(v, after) and (
            (after.pos == "WW" and after.has("inf")) or (_low(after) == "te" and i + 3 < len(tokens)
                                                          and tokens[i + 3].pos == "WW")):
        return None  # "vooruit gaat liggen", "vrij komen te liggen": the particle belongs to the infinitive after
    return one_word(p, v, p.word + _low(v))


_COPULA_FORMS = frozenset("zijn ben bent is was waren geweest wezen".split())


def _closes_circumposition(tokens: list[FrogToken], i: int) -> bool:
    """"het kindje tegen je aan houden": the particle closes a circumposition opened a few words before
    it; the verb after it is a verb of its own (houden, not aanhouden)."""
    opens = _table("circumpositions").get(_low(tokens[i]), ())  # "tegen ... aan", "door ... heen"
    return any(_low(x) in opens and x.pos == "VZ" for x in tokens[max(0, i - 4):i])


def _particle_of_next(tokens: list[FrogToken], i: int) -> bool:
    """"spieren aan gaat spannen": a finite verb or auxiliary between the particle and the infinitive
    that makes a verb with it (aanspannen); the particle stands before the whole cluster."""
    k = i + 2
    if k >= len(tokens) or not tokens[i + 1].tag.startswith("WW(pv") or not tokens[k].has("inf"):
        return False
    joined = _low(tokens[i]) + _low(tokens[k])
    return bool(lexicon.tags(joined) & _VERB_TAGS)


@lru_cache(maxsize=None)
def _listed(name: str) -> frozenset[str]:
    """A word list of the agreement data (schema/style-language.yaml)."""
    return frozenset(style()["agreement"].get(name, ()))


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, tuple[str, ...]]:
    """A table of word lists of the agreement data, one list per word."""
    return {k: tuple(v) for k, v in (style()["agreement"].get(name) or {}).items()}


@lru_cache(maxsize=1)
def _first_parts() -> frozenset[str]:
    data = style()["agreement"]
    return (frozenset(data.get("separable_particles", ())) | frozenset(data.get("verb_first_parts", ()))) \
        - frozenset(data.get("particles_apart", ()))


def _joined_all_the_same(tokens: list[FrogToken], i: int) -> bool:
    """A particle that may stand apart before a verb ("binnen spelen") with a verb it joins all the same
    ("het eten binnen houden" -> binnenhouden), unless a place opens before it ("naar binnen brengen")."""
    verbs = _table("particles_apart_joined").get(_low(tokens[i]), ())
    return (i + 1 < len(tokens) and tokens[i + 1].lemma.lower() in verbs
            and not (i and _low(tokens[i - 1]) in ("naar", "van", "vanaf")))


def particle_apart_suspect(words: list[str], i: int) -> bool:
    if (words[i] not in _first_parts() and words[i] not in _table("particles_apart_joined")) or i + 1 >= len(words):
        return False
    joined = words[i] + words[i + 1]
    return bool(lexicon.tags(joined) & _VERB_TAGS) and lexicon.count(joined) >= _SEEN_VERB


@lru_cache(maxsize=1)
def _phrases() -> dict[str, dict[tuple[str, ...], str]]:
    """``one_word_phrases`` by first word: the words written apart and the one word they make."""
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for phrase, fix in (style()["agreement"].get("one_word_phrases") or {}).items():
        words = tuple(phrase.split())
        out.setdefault(words[0], {})[words] = fix
    return out


def phrase_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """An adverb or conjunction that Dutch writes as one word, written as two (``one_word_phrases``:
    "van te voren" -> van tevoren, "in tussen" -> intussen, "voor de moeder als ook voor het kind" ->
    alsook, "wat er van binnen gebeurt" -> vanbinnen); not before a span's other end ("van binnen
    naar buiten"), not where a conjunction opens a clause with a verb of its own ("als ook de pijn erger
    wordt": if also)."""
    for words, fix in _phrases().get(_low(tokens[i]), {}).items():
        n = len(words)
        span = tokens[i:i + n]
        if len(span) < n or tuple(_low(t) for t in span) != words or not all(
                _adjacent(a, b) for a, b in zip(span, span[1:])):
            continue
        if span[-1].pos == "VZ" and span[-1].has("init") or particle_of_verb_before(tokens, i + n - 1):
            continue  # the last word opens a phrase ("in tussen twee afspraken") or is a verb's ("staat al vast")
        rest = tokens[i + n:]
        if rest and _low(rest[0]) in ("naar", "tot"):
            continue  # a span: "van binnen naar buiten"
        end = next((k for k, t in enumerate(rest) if t.word in (",", ";", ":", ".", "?", "!")), len(rest))
        if tokens[i].pos == "VG" and any(t.pos == "WW" and t.has("pv") for t in rest[:end]):
            continue  # a conjunction opening a clause of its own: "als ook dat niet helpt, bel dan"
        words_fix = fix if tokens[i].word.islower() else fix[:1].upper() + fix[1:]
        return DtFinding(span[0].start, span[-1].end, " ".join(t.word for t in span), words_fix, "split-compound",
                         _("'{words}' is written '{fix}'").format(
                             words=" ".join(t.word for t in span), fix=words_fix))
    return None


def number_apart(tokens: list[FrogToken], i: int) -> DtFinding | None:
    """A number before an adjective Dutch joins to it (``number_compound_words``), written apart: one
    word, with a hyphen after figures ("een 31 jarige" -> 31-jarige, "1 eiige" -> 1-eiige, "5-6 jarige" ->
    5-6-jarige) and without one
    after a number in letters ("het dertig jarig jubileum" -> dertigjarig)."""
    if i + 1 >= len(tokens) or not _adjacent(tokens[i], tokens[i + 1]) or not number_apart_suspect(
            [_low(t) for t in tokens[i:i + 2]], 0):
        return None
    a, b = tokens[i], tokens[i + 1]
    fix = f"{a.word}-{b.word}" if _FIGURES.match(a.word) else a.word + b.word
    return one_word(a, b, fix)


def number_apart_suspect(words: list[str], i: int) -> bool:
    if i + 1 >= len(words) or words[i + 1] not in _listed("number_compound_words"):
        return False
    return bool(_FIGURES.match(words[i])) or words[i] in _listed("number_words")


# a number in figures or a range of two ("31", "5-6"): "5-6 jarige kinderen" -> 5-6-jarige
_FIGURES = re.compile(r"^\d{1,3}(?:[-–]\d{1,3})?$")


def phrase_apart_suspect(words: list[str], i: int) -> bool:
    return any(tuple(words[i:i + len(p)]) == p for p in _phrases().get(words[i], {}))

