"""Real-word errors that a dictionary cannot see: words that exist but do not fit together.

Each check reads Frog's tags (word class, number, adjective form) and the gender of nouns from
the lexicon (pipeline.language.lexicon: how often Frog's corpus saw a word as a "de" or "het"
noun), since Frog's gender tag follows the article in front of it. A compound takes the gender of
its last part ("zwangerschapsweefsel" is "het" like "weefsel"), a diminutive is "het", a plural
takes "de".

Each check is a function on one token of a tagged sentence (``CHECKS``, tried in this order; the
finding's check id in brackets):

1. ``article`` [article]: de/het that does not fit the noun ("het vrucht", "de kind"); "het" only
   where Frog reads it as an article, not the pronoun of "ik vind het fijn" or "dat het lange tijd
   duurde"; idioms with an old article ("op de been") stay.
2. ``demonstrative`` [demonstrative]: deze/dit, die/dat ("dit zwangerschap"); "die" and "dat" only
   after a preposition or at the start of a sentence, where they cannot be a relative pronoun or a
   conjunction.
3. ``adjective_ending`` [adjective]: the -e of an adjective before a singular noun ("een klein
   kans", "een voorkomende voorbeeld", "bij vaginale bloedverlies", "al het bijbehorend weefsel");
   an adjective of relation may drop it in a fixed name ("het medisch onderzoek", "een klinisch
   psycholoog").
4. ``bare_adjective`` [adjective]: an adjective without -e and without an article before a de-word
   that Frog read as an adverb (", ook wel medisch ingreep genoemd"), after a preposition or a
   comma; words that mostly stand as adverbs stay ("direct hulp zoeken").
5. ``degree_modifier`` [adjective]: an inflected degree or manner word before another inflected
   adjective or participle ("een hele kleine kans" -> heel, "internationale vastgestelde").
6. ``noun_slot`` [word-class]: an adjective or adverb where a noun belongs ("ter grote van",
   "bij grotendeels van de zwangeren").
7. ``acting_participle`` [word-class]: a past participle before a carer ("de behandeld gynaecoloog").
8. ``conjunction_for_preposition`` [word-class]: a preposition before a clause ("tijdens dat ze").
9. ``verb_for_noun`` [word-class]: a verb form where a noun belongs, right after an article or
   "deze", when a noun one typical slip away exists ("deze wekken" -> weken).
10. ``verb_cluster`` [verb-cluster]: an infinitive or finite form next to "worden" after a modal,
    where the participle belongs ("kan worden tegenhouden" -> tegengehouden).
11. ``doubled_verb`` [doubled-verb]: the same finite verb twice in one clause ("is bij twee
    miskramen is aangewezen"); ``doubled_adverb`` [doubled-adverb]: an adverb that a clause takes
    once twice in it ("waardoor ook de behoefte ook toeneemt"; ``doubled_adverbs``).
12. ``relative_pronoun`` [relative]: die/dat of the other gender right after its noun ("het
    weefsel die achterblijft"); "dat" after a de-word also before a clause with no subject of its
    own ("een zware ervaring dat aandacht verdient"), unless the noun takes a clause or names a
    time (``clause_nouns``: "de kans dat hulp komt", "de dag dat").
13. ``comparative_als`` [word-class]: "als" after a comparative before a number ("ouder als 35").
14. ``preposition_for_conjunction`` [word-class]: a conjunction before a noun phrase without a verb
    ("Terwijl de behandeling mag je ..." -> Tijdens).
15. ``determiner_form`` [adjective]: "beiden" before a noun (beide).
16. ``one_as_determiner`` [adjective]: "de een" before its noun ("aan de een kant" -> ene).
17. ``joined_word`` [word-class]: a word written as one where two belong ("teveel bloed" -> te
    veel, "opgang komen" -> op gang, "opzoek naar" -> op zoek), or a word of like shape a fixed
    phrase does not take ("geen spraken van" -> sprake), by data that name the word and the context that decides.
18. ``gendered_determiner`` [article]: ons/onze, elk/elke, ieder/iedere, welk/welke, zulk/zulke
    with the noun ("onze team" -> ons, "elk vrouw" -> elke).
19. ``object_as_subject`` [word-class]: "hun"/"hen" opening a clause before a plural verb ("Hun
    hebben verdriet" -> Zij).
20. ``adverb_ending`` [adjective]: an adjective with -e before a participle of viewing, which makes
    it an adverb ("dit is medische gezien geen probleem" -> medisch gezien).
21. ``pronoun_for_verb`` [word-class]: a pronoun closing a clause where the infinitive of its modal
    belongs ("zo'n uitslag kan best moeilijk zij" -> zijn).
22. ``superlative_without_article`` [word-class]: a preposition with no object before a lone
    "meest"/"minst" ("treedt dit met meest op?" -> het meest).
23. ``te_infinitive`` [word-class]: "te" after a modal that takes a bare infinitive ("je kunt te
    bellen"), a bare infinitive after "hoeven" ("je hoeft niet bellen" -> te bellen).
24. ``predicate_ending`` [adjective]: an adjective with -e closing its clause after a linking verb
    ("het bloedverlies is meestal hevige" -> hevig).
25. ``demonstrative_plural`` [demonstrative; article for "het"]: dit/dat/het before a plural noun
    with a plural verb after it or after a preposition ("Dit klachten gaan over" -> Deze).
26. ``verb_for_pronoun`` [word-class]: a verb form where the pronoun of the same sound belongs,
    before a finite verb ("Zei is zwanger" -> Zij).
27. ``article_before_pronoun`` [article]: an article before a pronoun for persons, which takes none
    ("tegen een iemand die" -> iemand; ``pronouns_without_article``).
28. ``abbreviation_article`` [article]: de/het before an abbreviation in capitals that takes the
    article of the noun it stands for ("de VK" -> het VK; ``abbreviation_genders``), not before a
    compound ("de NHG-standaard").

29. ``doubled_article`` [article]: two articles in a row ("voor de het kind" -> het); the noun
    decides which stays.
30. ``article_before_plural`` [article]: "een" before a plural noun, also past adjectives joined by
    "en" ("op een erfelijke en aangeboren afwijkingen").
31. ``passive_infinitive`` [verb-cluster]: a finite form of "worden" with an infinitive after it
    ("een deel wordt tegenhouden" -> tegengehouden; "het wordt afwachten" stays).
32. ``modal_for_have`` [word-class]: a finite "hebben" with the bare infinitive of another verb in
    its main clause, where a modal belongs ("roken heeft effect hebben" -> kan).
33. ``equality_dan`` [word-class]: "dan" closing a comparison of equality ("even groot dan",
    "zoveel kans dan" -> als).
34. ``pronominal_adverb`` [word-class]: "er vanuit gaan" -> ervan uitgaan, also with adverbs
    between ("ik ging er toen vanuit" -> er toen van uit).
35. ``article_as_and`` [word-class]: "en" after a weak pronoun or a preposition before a bare
    singular noun ("dat ze en broertje krijgt", "de kans op en miskraam" -> een); not after the
    particle of a separable verb that closes its clause ("het bloeden houdt op en pijn is zeldzaam").
36. ``coordinated_adjective`` [adjective]: adjectives joined by en/of before one de-word or plural
    with and without -e ("Discreet en snelle levering" -> Discrete).
37. ``comparative_phrase_als`` [word-class]: "als" before a phrase without a verb, closing a
    comparative in its clause ("het doet minder pijn als een val van de trap" -> dan).
38. ``several_singular`` [several-singular]: a singular count noun after a determiner of several
    ("in sommige gemeente" -> gemeenten, ``several_determiners``); not a mass noun ("sommige
    informatie": its plural is rare in Frog's lexicon), a time noun ("meerdere keer") or a noun
    whose plural is also a verb form ("sommige zorg").
39. ``one_before_plural`` [one-plural]: a plural noun after "één" or "1" ("door één spermatozoa",
    "duurt 1 minuten" -> minuut); not in a range ("1 à 2 weken"), a label ("fase 1 studies", "week
    één"), a ratio ("één op één gesprekken") or after "er" ("krijgt er één klachten").
40. ``possessive_as_subject`` [word-class]: "uw"/"jouw" right before a finite verb that is no noun,
    where the subject pronoun belongs ("Uw kunt bellen" -> U; ``possessive_subjects``).
41. ``relative_wie`` [relative]: "wie" right after a word for people, where a relative clause opens
    with "die" ("vrouwen wie kiezen" -> die; ``person_words``).
42. ``relative_number`` [relative-number]: a singular verb of the present tense in a relative clause
    after a plural noun, when "die" is its subject ("vrouwen die zwanger wordt" -> worden).
43. ``doubled_possessive`` [doubled-possessive]: the same possessive twice before one noun with a
    number or adjective between ("haar twee haar kindjes").
44. ``doubled_er`` [doubled-er]: "er" right before a pronominal adverb with its own "er" ("er
    erover" -> erover).
45. ``split_compound`` [split-compound]: two nouns written apart that make one word, in a phrase a
    determiner opens ("een intake afspraak" -> intakeafspraak, "de kraam zorg" -> kraamzorg): only a
    compound that Frog's lexicon, the project's word lists, the data (``care_compounds``) or the
    spelling dictionary's own word file hold, or whose second noun heads compounds (``compound_heads``:
    "het ijzer gehalte" -> ijzergehalte, also without a determiner) where the dictionary takes the join;
    not where the first noun may end its phrase (after a preposition, a conjunction or a verb of giving,
    before a bare mass noun: "als je in je buik pijn hebt"), unless the determiner fits only the second
    ("het intake gesprek"); never with a noun of time, measure or number first (``apart_first_nouns``).
46. ``pronominal_apart`` [split-compound] (``written_apart``): er/daar/hier/waar right before a
    preposition that has no phrase of its own ("er voor zorgen" -> ervoor, "daar mee", "er bij zijn");
    not before the preposition's own phrase ("er voor de deur", "er voor u"), nor the "er" of presence
    ("wie er mee mag").
47. ``abbreviation_apart`` [split-compound] (``written_apart``): an abbreviation of a treatment or test
    (``compound_abbreviations``) before a singular noun it makes a compound with takes a hyphen ("de IVF
    behandeling" -> IVF-behandeling), and before a plural after an adjective or a number ("hoge HCG
    waarden"); so does a code of capitals and digits before a noun ("het E112 formulier" -> E112-formulier).
48. ``possessive_u`` [word-class]: "u" after a preposition or a request's opening verb before a singular
    noun that needs its determiner ("tot u beschikking", "tijdens u verblijf", "Neem u partner mee" -> uw;
    ``possessive_phrase_nouns``, ``bare_object_nouns``, ``possessive_u_prepositions``).
49. ``coordinated_subject`` [subject-number] (``coordinated``): a singular verb with a subject of two
    joined by "en" ("Kun jij en je partner komen?" -> Kunnen).
50. ``particle_apart`` [split-compound] (``written_apart``): a separable verb's first part right before
    its verb where the lexicon knows the joined verb ("kennis maken" -> kennismaken, "een miskraam mee
    maken" -> meemaken); not "toe", "thuis", "samen" (``particles_apart``; "binnen" before the verbs of
    ``particles_apart_joined`` all the same: "het ontbijt binnen houden"), not the preposition of a split
    pronominal adverb ("er iets aan doen") nor one before a word that is also a noun ("bij stellen die").
51. ``name_apart`` [split-compound] (``written_apart``): a person's name before the syndrome, score or test
    named after them (``eponym_heads``) is one word with it ("Asherman syndroom" -> Ashermansyndroom).
52. ``adverb_apart`` [split-compound] (``written_apart``): veel, hoog or laag (``participle_adverbs``) before a
    participle used as an adjective is one word with it ("veel voorkomende klachten" -> veelvoorkomende).
53. ``prefix_apart`` [split-compound] (``written_apart``): a word that only opens compounds
    (``compound_first_words``: postpartum, pre, anti) is one word with the noun after it ("postpartum
    depressie" -> postpartumdepressie, "pre eclampsie" -> pre-eclampsie); linker and rechter only before a
    part of the body or a side (``side_words``, ``side_heads``: "het linker atrium" -> linkeratrium).
54. ``question_copula`` [subject-number]: "is"/"zijn" after a question word that does not take the
    number of the noun after it ("Wat zijn de menopauze?" -> is, "Wat is hormonale klachten?" -> zijn).
55. ``noun_for_infinitive`` [word-class]: a noun that closes the clause right after a modal verb where
    a far more frequent infinitive is one slip away ("Dat wil zegen dat" -> zeggen).
56. ``phrase_apart`` [split-compound] (``written_apart``): an adverb or conjunction Dutch writes as one
    word, written as two (``one_word_phrases``: "van te voren" -> van tevoren, "als ook" -> alsook);
    not where a conjunction opens a clause with a verb of its own.
57. ``number_apart`` [split-compound] (``written_apart``): a number before an adjective Dutch joins to
    it (``number_compound_words``: "een 31 jarige" -> 31-jarige, "het dertig jarig jubileum" -> dertigjarig).

An adjective of relation may drop its -e after "het" only before a common noun ("het medisch
onderzoek", "het natuurlijk verloop"), not before a compound made for the occasion ("het natuurlijk
selectieproces" -> natuurlijke). An adjective without -e that opens the sentence before a de-word and
the finite verb belongs to the noun ("Normaal kramp is ..." -> Normale), and so does one that makes a
two-word title with it ("Herhaald miskraam").

A participle that Frog reads as attributive makes the "het" before it an article ("het bevrucht ei"
-> bevruchte); a degree word is read past quotation marks ("een relatieve 'veilige' periode" ->
relatief); "ingang" closing a clause whose verb is zetten or komen is "in gang". After the de-forms
of the gendered determiners ("elke", "iedere", "zulke") an adjective takes its -e ("elke
gemeentelijk begraafplaats" -> gemeentelijke).

Before a plural noun an adjective takes its -e after any opener (a conjunction, an adverb, a
subject), when Frog reads it as attributive ("geen klachten of ernstig problemen"), a participle
that opens the sentence or a list item, alone or after its finite verb ("herhaald miskramen of ...",
"Komen herhaald miskramen voor"; not before the object of an infinitive that is the subject:
"Gericht oefeningen doen helpt"), also a
capitalised adjective of a place ("volgens Vlaams onderzoekers") and a participle between a subject
and its closing verb ("als een vrouw herhaald bloedingen heeft"), and one Frog reads as free right
between "de"/"het" or a demonstrative and its noun ("de mogelijk oplossingen": no adverb stands
there); a plural that is also an infinitive
("intensief sporten") is left alone. A noun of number heads its phrase before a plural ("let op de
aantal dagen" -> het).

An adjective the lexicon has not seen counts as one by its derivational ending when the dictionary
knows it ("buitenbaarmoederlijk"); an adjective of relation right after a finite verb before a
de-word needs its -e ("heeft emotionele impact"); a relative pronoun may stand after the verb that
closes the clause ("het kan weefsel zijn die" -> dat).

Word lists (genders that are both right, invariable adjectives, degree words, relational endings,
professions, fixed phrases ...) are data in schema/style-language.yaml under ``agreement``.

``suspect`` is the cheap pre-check with the lexicon alone: only sentences it selects go to Frog.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import dictionary, inflection, lexicon
from pipeline.language.spelling import medical_parts
from pipeline.language.data import style
from pipeline.language.dt_checks import (CLAUSE_WORDS, ONE_WHO, DtFinding, one_as_pronoun,
                                         particle_of_verb_before)
from pipeline.language.coordinated import COORDINATION_WORDS, coordinated_subject, coordinated_suspect
from pipeline.language.frog import FrogToken
from pipeline.language.written_apart import (ER_PREPOSITIONS, abbreviation_apart, abbreviation_apart_suspect,
                                             adverb_apart, adverb_apart_suspect, name_apart, name_apart_suspect,
                                             one_word, particle_apart, particle_apart_suspect, phrase_apart,
                                             phrase_apart_suspect, prefix_apart, pronominal_apart,
                                             number_apart, number_apart_suspect,
                                             pronominal_apart_suspect)
from pipeline.i18n import _

DEFINITE = frozenset("de het deze dit die dat mijn uw jouw je zijn haar ons onze hun hunne welke".split())
INDEFINITE = frozenset("een geen zo'n zo’n elk ieder menig zulk".split())
ARTICLES_DE = frozenset({"de", "deze", "die"})
ARTICLES_HET = frozenset({"het", "dit", "dat"})
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+", re.UNICODE)
_ORDINALS = frozenset("""eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde
    twaalfde dertiende veertiende vijftiende zestiende twintigste laatste""".split())
_PREPOSITIONS = frozenset("""bij met van in op voor na zonder door over tot om uit aan onder tijdens via per
    naar tegen vanaf sinds binnen buiten rond rondom tussen achter naast vanwege wegens ondanks""".split())
_CLAUSE_PUNCT = frozenset(",;:()–—-•|")
_VERB_FORMS = frozenset({"inf", "pv", "pvt", "pvmv"})
_WORD_CLASS_DETS = frozenset({"de", "deze", "een", "geen", "elke", "iedere"})


# a finding in one sentence: offsets, word, suggestion, check name and message (as for d/t)
AgreementFinding = DtFinding


def _data() -> dict:
    return style()["agreement"]


# -- gender ------------------------------------------------------------------------------------
@lru_cache(maxsize=100_000)
def gender(word: str) -> str | None:
    """"de", "het", or None (unknown, both, or not a singular noun) for a lower-case word."""
    if word in _data()["both_genders"] or _both_genders_head(word):
        return None
    if word in _listed_genders():
        return _listed_genders()[word]
    if "-" in word.strip("-"):
        return gender(word.rsplit("-", 1)[1])
    tags = lexicon.tags(word)
    if lexicon.entry(word) is not None:
        if "n" not in tags:
            return None  # mostly another word class ("is", "verstandig")
        listed = "de" if "de" in tags else "het" if "het" in tags else None
        if not _enough_evidence(word) or listed is None:
            # a rare word: a diminutive is "het" ("roesje"), a compound has the gender of its head, and
            # an ending that gives the lexicon's gender confirms it ("anesthesie", "cardioloog")
            return "het" if _diminutive(word) else _verbal_noun_gender(word) or _head_gender(word) \
                or _confirmed_by_ending(word, listed)
        return listed
    if not _dictionary_word(word):
        return None  # a misspelling ("misraam") has no gender; spelling reports it
    if _diminutive(word):
        return "het"  # a diminutive the lexicon has not seen
    if _medical_oom(word):
        return "het"  # "het hematoom", "het carcinoom": no compound of "toom" or "oom"
    return _verbal_noun_gender(word) or _head_gender(word) or _ending_gender(word)


def _verbal_noun_gender(word: str) -> str | None:
    """A noun in -ing made from a verb ("geleiding" from "geleiden") is a de-word, whatever a split
    into a compound would say ("gelei|ding")."""
    return "de" if word.endswith("ing") and len(word) > 6 and "inf" in lexicon.tags(word[:-3] + "en") else None


def _medical_oom(word: str) -> bool:
    """A medical noun on -oom made of a Greek or Latin combining form (hemat(o)|oom, carcin(o)|oom,
    leio|my(o)|oom): a het-word. "Vleesboom", "stroom" and "droom" end in no combining form."""
    if not word.endswith("oom") or len(word) < 6:
        return False
    stem = word[:-3] + "o"
    return any(len(f) >= 3 and stem.endswith(f) for f in medical_parts().forms)


def _both_genders_noun(t: FrogToken) -> str | None:
    """"both" for a singular common noun that takes either article: after "de" or "het" its adjective
    takes the -e all the same ("het vroegtijdige miskraam")."""
    low = _low(t)
    singular = t.pos == "N" and t.has("ev") and t.word.islower()
    return "both" if singular and (low in _data()["both_genders"] or _both_genders_head(low)) else None


def _both_genders_head(word: str) -> bool:
    """A compound whose head takes either article ("miskraam", "schietkraam": kraam): so does the
    compound. Heads of five letters or more, so that "lid" and "pad" leave "kamerlid" alone."""
    return any(len(head) >= 5 and word.endswith(head) and word != head
               and lexicon.entry(word[: -len(head)].removesuffix("s")) is not None
               for head in _data()["both_genders"])


def _diminutive(word: str) -> bool:
    return re.search(r"[^aeiou](?:tje|pje|je|kje)$", word) is not None and len(word) > 4


@lru_cache(maxsize=1)
def _listed_genders() -> dict[str, str]:
    """The nouns of ``genders`` in the data: words of patient leaflets whose gender the lexicon
    has seen too rarely ("placenta", "consult") or mixed with another meaning ("echo", "medicijn")."""
    return {w: g for g, words in _data().get("genders", {}).items() for w in words}


def _ending_gender(word: str) -> str | None:
    """The gender that a derivational ending gives a word the lexicon has not seen ("innesteling",
    "curettage": de-words by -ing and -age)."""
    for ending, g in _data().get("gender_by_ending", {}).items():
        if word.endswith(ending) and len(word) >= len(ending) + 4:
            return g
    return None


def _confirmed_by_ending(word: str, listed: str | None) -> str | None:
    """The lexicon's gender of a rare noun when its ending gives the same (``gender_confirming_endings``);
    not of a compound whose head has both genders ("stripfiguur", "bovengist": het figuur, de figuur)."""
    if any("dehet" in lexicon.tags(word[i:]) for i in range(1, len(word) - 2)):
        return None
    for ending, g in _data().get("gender_confirming_endings", {}).items():
        if word.endswith(ending) and len(word) >= len(ending) + 3:
            return listed if g == listed else None
    return None


_dictionary = dictionary.dutch_or_none  # the run's Dutch dictionary, None without one
_dictionary_word = dictionary.dutch_word


def _head_gender(word: str) -> str | None:
    """The gender of a compound's last part ("zwangerschapsweefsel" -> "weefsel")."""
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        g = _known_gender(tail)
        if g and (lexicon.entry(head) is not None or
                  (head.endswith("s") and lexicon.entry(head[:-1]) is not None)):
            return g
    return None


def _enough_evidence(word: str) -> bool:
    """The lexicon's gender of a rare word rests on a handful of tagged sentences, where one
    tagging slip decides ("charter"): below ``min_gender_count`` the gender counts as unsure, and
    only a well-known head of a compound gives it."""
    return lexicon.count(word) >= _data().get("min_gender_count", 0)


def _known_gender(word: str) -> str | None:
    if word in _listed_genders():
        return _listed_genders()[word]
    tags = lexicon.tags(word)
    if word in _data()["both_genders"] or "n" not in tags or not _enough_evidence(word):
        return None
    return "de" if "de" in tags else "het" if "het" in tags else None


# -- adjective forms -------------------------------------------------------------------------
_VOICE = {"f": "v", "s": "z"}


def inflected(adj: str) -> str | None:
    """The -e form of an adjective ("klein" -> "kleine", "groot" -> "grote", "dik" -> "dikke",
    "lief" -> "lieve"), when the lexicon knows that form. An adjective ending in an unstressed -en
    has none ("open", "houten", "gebroken"; "groen" -> "groene" keeps its)."""
    a = adj.lower()
    if a.endswith("en") and len(a) > 3 and a[-3] not in "aeiouy":
        return None
    cands = [a + "e"]
    if len(a) > 3 and a[-2] == a[-3] and a[-2] in "aeou":
        base = a[:-2] + a[-1]
        cands.insert(0, base + "e")
        if a[-1] in _VOICE:
            cands.insert(0, a[:-2] + _VOICE[a[-1]] + "e")
    elif a[-1] in _VOICE and len(a) > 2 and a[-2] in "eiu" and a[-3] in "aeiou":
        cands.insert(0, a[:-1] + _VOICE[a[-1]] + "e")  # lief -> lieve, boos handled above
    elif len(a) > 2 and a[-1] not in "aeiouy" and a[-2] in "aeiou" and a[-3] not in "aeiou" \
            and not a.endswith(("ig", "lijk", "isch", "baar", "loos", "zaam", "er", "en", "el")):
        cands.insert(0, a + a[-1] + "e")  # dik -> dikke
    for c in cands:
        if "adj" in lexicon.tags(c) or "vd" in lexicon.tags(c) or lexicon.count(c) >= 3:
            return _case(adj, c)
    if adjective_shape(a) or "adj" in lexicon.tags(a) or a.endswith("end"):
        # "buitenbaarmoederlijk", "veelvoorkomend": the lexicon lacks the -e form, the dictionary knows it
        for c in cands:
            if _dictionary_word(c):
                return _case(adj, c)
    return None


def adjective_shape(word: str) -> bool:
    """An adjective the lexicon has not seen, by its derivational ending, when the dictionary knows
    the word ("buitenbaarmoederlijk", "zwangerschapsgerelateerd" is no such word): compounds and
    derivations that Frog's corpus never met still inflect like their ending."""
    low = word.lower()
    stem = low[:-1] if low.endswith("e") else low
    return (lexicon.entry(low) is None and len(stem) >= 7
            and stem.endswith(tuple(_data().get("adjective_endings", ()))) and _dictionary_word(low))


def uninflected(adj: str, lemma: str) -> str | None:
    """The form without -e ("kleine" -> "klein", "vaginale" -> "vaginaal", "voorkomende" -> "voorkomend")."""
    a = adj.lower()
    if not a.endswith("e"):
        return None
    if lemma and lemma != a and inflected(lemma) == a:
        return _case(adj, lemma)
    stem = a[:-1]
    for c in (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
        if c and inflected(c) == a:
            return _case(adj, c)
    return None


def _case(like: str, word: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


# -- participles -----------------------------------------------------------------------------
_NO_GE = ("be", "ge", "her", "ont", "ver", "er")


@lru_cache(maxsize=20_000)
def participle(form: str) -> str | None:
    """The past participle of a verb from its infinitive or finite form, when the lexicon knows it
    ("tegenhouden" -> "tegengehouden", "opwekt" -> "opgewekt", "controleren" -> "gecontroleerd")."""
    low = form.lower()
    best, best_n = None, 0
    for particle in [""] + [p for p in _data()["separable_particles"] if low.startswith(p) and len(low) > len(p) + 2]:
        rest = low[len(particle):]
        for cand in _participle_candidates(rest):
            word = particle + cand
            n = lexicon.count(word)
            if "vd" in lexicon.tags(word) and n > best_n:
                best, best_n = word, n
    return best


def _participle_candidates(rest: str) -> list[str]:
    ge = "" if rest.startswith(_NO_GE) else "ge"
    stems = []
    if rest.endswith("en"):
        s = rest[:-2]
        stems.append(s)
        if len(s) > 1 and s[-1] == s[-2]:
            stems.append(s[:-1])  # leggen -> leg
        if len(s) > 2 and s[-2] in "aeou" and s[-3] not in "aeiou":
            stems.append(s[:-1] + s[-2] + s[-1])  # maken -> maak
        if s.endswith(("v", "z")):
            stems.append(s[:-1] + {"v": "f", "z": "s"}[s[-1]])
    elif rest.endswith("t"):
        stems.append(rest[:-1])  # opwekt -> wek
    else:
        stems.append(rest)
    out = [ge + rest] if rest.endswith("en") else []
    for s in stems:
        out += [ge + s + "d", ge + s + "t", ge + s]
    return out


# -- the pre-check ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _inflected_determiners() -> frozenset[str]:
    """The de-forms of the gendered determiners ("elke", "iedere", "zulke"): an adjective after one
    takes its -e."""
    return frozenset(_data().get("gendered_determiners", {}).values())


def _after_article() -> frozenset[str]:
    """Words that are invariable elsewhere but inflect right after an article ("geen enkele kans")."""
    return frozenset(_data().get("inflected_after_article", ()))


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    return frozenset(_data().get(name, ()))


def _is_noun(word: str) -> bool:
    return "n" in lexicon.tags(word) or (lexicon.entry(word) is None and gender(word) is not None)


@lru_cache(maxsize=200_000)
def suspect(sentence: str) -> bool:
    """Could any check fire? The lexicon's tags stand in for Frog's; lets through anything that might.
    Cached: leaflets of one publisher share many sentences word for word."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(sentence)]
    words = [sentence[a:b].lower() for a, b in spans]
    for i, w in enumerate(words):
        if _slip_suspect(words, i) or _demonstrative_plural_suspect(words, i) or _new_class_suspect(words, i) \
                or (w == "dat" and _comparison_suspect(words, i)):
            return True
        if w in ("een", "één", "eén") and words[i + 1:i + 2] == ["van"] and i + 3 < len(words) \
                and words[i + 2] in _ONE_OF_DETERMINERS:
            return True  # "een van de behandeling": one_of_plural
        if i + 2 < len(words) and w.endswith("e") and "adj" in lexicon.tags(w) and not words[i + 1].endswith("e") \
                and "adj" in lexicon.tags(words[i + 1]) and "n" in lexicon.tags(words[i + 2]):
            return True  # "eventuele mogelijk therapieën": adjective_ending
        if w in _words("several_determiners") and i + 1 < len(words) and not _plural_shape(words[i + 1]) \
                and "n" in lexicon.tags(words[i + 1]):
            return True  # "sommige gemeente": several_singular
        if i and sentence[spans[i - 1][1]:spans[i][0]].strip() == "," and _listed_suspect(words[i - 1], w):
            return True  # adjectives listed with a comma, one with -e and one without
        if w in DEFINITE or w in INDEFINITE or w in _gendered_forms():
            verb_ok = w != "deze" or (i > 0 and words[i - 1] in _PREPOSITIONS)
            for j in range(i + 1, min(i + 5, len(words))):
                if _suspect_phrase(w, words[i + 1:j], words[j], verb_ok):
                    return True
                if not (_may_precede_noun(words[j]) or "vd" in lexicon.tags(words[j])):
                    break  # (a participle may still be attributive: "het bevrucht ei", "een (herhaald) miskraam")
        elif w in _words("worden_forms") and _cluster_suspect(words, i):
            return True
        elif _bare_adjective(sentence, spans, words, i) or _modifier_suspect(words, i) \
                or _noun_slot_suspect(words, i) or _preposition_suspect(words, i) \
                or _relative_suspect(words, i) or _comparison_suspect(words, i) or _participle_suspect(words, i) \
                or _adverb_suspect(words, i) or _pronoun_verb_suspect(sentence, spans, words, i) \
                or _infinitive_suspect(words, i) or _predicate_suspect(sentence, spans, words, i):
            return True
        if split_compound_suspect(sentence, spans, words, i) or phrase_apart_suspect(words, i) \
                or number_apart_suspect(words, i) or (w[:1].isalpha() and w[-1:].isdigit()
                                                      and abbreviation_apart_suspect(sentence, spans, i)):
            return True
        if w in _apart_triggers() and (pronominal_apart_suspect(words, i) or abbreviation_apart_suspect(sentence, spans, i)
                                       or name_apart_suspect(sentence, spans, i) or adverb_apart_suspect(words, i)
                                       or (w in _words("compound_first_words") and i + 1 < len(words))
                                       or (w in _words("side_words") and words[i + 1:i + 2] and words[i + 1] in _words("side_heads"))
                                       or _possessive_u_suspect(words, i) or coordinated_suspect(words, i)
                                       or particle_apart_suspect(words, i)):
            return True
    return _doubled_suspect(sentence, spans, words) or _question_copula_suspect(sentence, words) \
        or any(w in _data()["modals"] and _infinitive_nearby(words[i + 1]) is not None
               for i, w in enumerate(words[:-1]))


@lru_cache(maxsize=1)
def _apart_triggers() -> frozenset[str]:
    """The words (lower case) that open one of the later checks' suspects: one set look-up a word."""
    return (frozenset({"er", "daar", "hier", "waar", "u"}) | COORDINATION_WORDS
            | frozenset(w.lower() for w in _words("compound_abbreviations"))
            | _words("separable_particles") | _words("verb_first_parts") | _words("eponym_heads")
            | _words("participle_adverbs") | _words("compound_first_words") | _words("side_words"))


def _new_class_suspect(words: list[str], i: int) -> bool:
    """Two articles in a row, a finite "hebben" with an infinitive after it, "dan" after an opener of
    equality, "er vanuit"."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w in ("de", "het") and nxt in ("de", "het") and nxt != w:
        return True
    if nxt == "wie" and (w in _words("person_words") or (i and words[i - 1] in ONE_WHO)):
        return True  # "vrouwen wie kiezen", "degene is wie": relative_wie
    if w in ("er", "daar", "hier"):
        return "vanuit" in words[i + 1:i + 5]
    if w in ("en", "of") and 0 < i < len(words) - 1 and _coordinated_suspect(words[i - 1], nxt):
        return True
    if w == "en" and i and (words[i - 1] in _WEAK_PRONOUNS or words[i - 1] in _PREPOSITIONS):
        return "n" in lexicon.tags(nxt)
    if w in _ONE and nxt:
        noun = words[i + 2] if "adj" in lexicon.tags(nxt) and i + 2 < len(words) else nxt
        return _plural_shape(noun) or (not lexicon.tags(noun) and noun.endswith(("a", "i", "en", "s"))) \
            or (noun.endswith(("a", "i")) and gender(noun) is None)  # "één criteria"
    if w == "dan" and i:
        opener = _words("equality_words") | _words("equality_degree_words")
        return any(x in opener for x in words[max(0, i - 8):i])
    return w in _data()["have_modals"] and _have_suspect(words, i)


def _listed_suspect(a: str, b: str) -> bool:
    """Two words listed with a comma, one an adjective with -e, the other one without."""
    bare = b if a.endswith("e") else a
    return a.endswith("e") != b.endswith("e") and ("adj" in lexicon.tags(bare) or _dictionary_word(bare + "e"))


def _coordinated_suspect(a: str, b: str) -> bool:
    """Two adjectives joined by en/of, one with -e and one without."""
    return ("adj" in lexicon.tags(a) and "adj" in lexicon.tags(b)
            and a.endswith("e") != b.endswith("e"))


def _have_suspect(words: list[str], i: int) -> bool:
    for k in range(i + 2, min(i + 8, len(words))):
        if words[k] in _CLAUSE_WORDS or words[k] in _CLAUSE_STOPS:
            return False
        tags = lexicon.tags(words[k])
        if "inf" in tags and "n" not in tags and words[k] not in _words("ipp_verbs"):
            return True
    return False


_CLAUSE_WORDS = CLAUSE_WORDS


_NUMBER_WORDS = frozenset("een twee drie vier vijf zes zeven acht negen tien twintig honderd".split())


def _doubled_suspect(sentence: str, spans: list[tuple[int, int]], words: list[str]) -> bool:
    """A finite verb form or an adverb that a clause takes once twice, not side by side, with no
    clause word or punctuation between."""
    adverbs = _words("doubled_adverbs")
    seen: dict[str, int] = {}
    for i, w in enumerate(words):
        if w in _POSSESSIVES and w in words[i + 2:i + 4]:
            return True  # "haar twee haar kindjes": doubled_possessive
        if w == "er" and i + 1 < len(words) and words[i + 1].startswith("er") and words[i + 1][2:] in ER_PREPOSITIONS:
            return True  # "er erover": doubled_er
        number_after = i + 1 < len(words) and (words[i + 1].isdigit() or words[i + 1] in _NUMBER_WORDS)
        gap = sentence[spans[i - 1][1]:spans[i][0]] if i else ""
        # "dat" or "die" right before a noun is a determiner, no clause word ("is dat aantal ... is")
        determiner = w in ("dat", "die") and i + 1 < len(words) and "n" in lexicon.tags(words[i + 1]) \
            and not lexicon.tags(words[i + 1]) & {"pv", "pvt", "pvmv"}
        if (w in _CLAUSE_WORDS and not (w == "dan" and number_after) and not determiner) \
                or any(c in ",;:()–—?!" for c in gap):
            seen.clear()
        if w in seen and seen[w] < i - 1:
            return True
        if lexicon.tags(w) & {"pv", "pvt", "pvmv"} or w in adverbs:
            seen.setdefault(w, i)
    return False


def _participle_suspect(words: list[str], i: int) -> bool:
    """A participle before a plural noun and a finite verb, or opening the sentence (alone or after its
    finite verb) before a plural noun."""
    if i + 1 >= len(words) or "vd" not in lexicon.tags(words[i]) or words[i].endswith("en") \
            or not _plural_shape(words[i + 1]):
        return False
    opening = i == 0 or (i == 1 and bool(lexicon.tags(words[0]) & {"pv", "pvt", "pvmv"}))
    return opening or (i + 2 < len(words) and bool(lexicon.tags(words[i + 2]) & {"pv", "pvt", "pvmv"}))


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")


def _pronoun_verb_suspect(sentence: str, spans: list[tuple[int, int]], words: list[str], i: int) -> bool:
    """A pronoun of ``pronoun_for_verb`` that closes a clause."""
    return (words[i] in _data().get("pronoun_for_verb", {}) and i > 1
            and _CLAUSE_END.match(sentence, spans[i][1]) is not None)


def _infinitive_suspect(words: list[str], i: int) -> bool:
    """"te" a few words after a modal that takes a bare infinitive, or a form of "hoeven" with an
    infinitive a few words after it."""
    w = words[i]
    if w == "te" and i + 1 < len(words) and "inf" in lexicon.tags(words[i + 1]):
        return any(x in _words("modals_without_te") for x in words[max(0, i - 5):i])
    if w in _words("te_verb_forms"):
        return any("inf" in lexicon.tags(x) for x in words[i + 1:i + 6])
    return False


def _predicate_suspect(sentence: str, spans: list[tuple[int, int]], words: list[str], i: int) -> bool:
    """An adjective with -e that closes a clause, after a linking verb in the sentence."""
    w = words[i]
    return (i > 1 and w.endswith("e") and not w.endswith("ste") and "adj" in lexicon.tags(w)
            and _CLAUSE_END.match(sentence, spans[i][1]) is not None
            and any(x in _words("linking_verb_forms") for x in words[:i]))


def _demonstrative_plural_suspect(words: list[str], i: int) -> bool:
    return words[i] in ("dit", "dat", "het") and i + 1 < len(words) and _plural_shape(words[i + 1])


def _adverb_suspect(words: list[str], i: int) -> bool:
    """An adjective with -e right before a participle of viewing ("medische gezien")."""
    return (i + 1 < len(words) and words[i].endswith("e") and words[i + 1] in _words("viewpoint_participles")
            and "adj" in lexicon.tags(words[i]))


def _noun_slot_suspect(words: list[str], i: int) -> bool:
    w, prev = words[i], words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w in _data().get("adverb_for_noun", {}):
        return prev in _PREPOSITIONS and nxt == "van"
    if w in _data().get("acting_participles", {}):
        return bool(nxt) and nxt.endswith(tuple(_data()["profession_endings"]))
    return w in _data().get("noun_slot_confusions", {}) and (prev == "ter" or nxt == "van")


def _preposition_suspect(words: list[str], i: int) -> bool:
    if i + 1 >= len(words):
        return False
    w, nxt = words[i], words[i + 1]
    return ((w in _data().get("conjunction_for_preposition", {}) and nxt == "dat")
            or (w in _data().get("preposition_for_conjunction", {})
                and (nxt in _ARTICLE_WORDS or nxt in _NUMBER_WORDS or nxt.isdigit()))
            or (w in _data().get("determiner_forms", {}) and "n" in lexicon.tags(nxt)))


_ARTICLE_WORDS = frozenset("de het een deze dit die dat mijn je jouw uw zijn haar ons onze hun".split())


def _relative_suspect(words: list[str], i: int) -> bool:
    """A singular noun and die/dat of the other gender, "dat" before a verb form; "die" also after
    a verb that closes the clause ("het kan bloed zijn die ..."); a plural noun and "die" before a
    singular verb of the present tense ("vrouwen die zwanger wordt")."""
    if i + 2 < len(words) and words[i + 1] == "die" and _plural_shape(words[i]) \
            and any("pvt" in lexicon.tags(w) or w in ("is", "kan", "wil", "mag", "zal") for w in words[i + 2:i + 6]):
        return True
    if i + 3 < len(words) and words[i + 2] == "die" and lexicon.tags(words[i + 1]) & {"inf", "vd"} \
            and gender(words[i]) == "het":
        return True
    if i + 2 >= len(words) or words[i + 1] not in ("die", "dat"):
        return False
    g = gender(words[i])
    if words[i + 1] == "die":
        return g == "het" and "n" not in lexicon.tags(words[i + 2])
    return g == "de" and (bool(lexicon.tags(words[i + 2]) & {"pv", "pvt", "pvmv"}) or bool(_PREPOSITIONS.intersection(words[i + 2:i + 4]))
                          or (words[i] not in _words("clause_nouns") and any(lexicon.tags(w) & {"pv", "pvt"} for w in words[i + 3:i + 9])))


@lru_cache(maxsize=1)
def _gendered_forms() -> frozenset[str]:
    pairs = _data().get("gendered_determiners", {})
    return frozenset(pairs) | frozenset(pairs.values())


def _slip_suspect(words: list[str], i: int) -> bool:
    """"de een" before a noun or a preposition; a word of ``joined_words`` (its context is Frog's)."""
    w = words[i]
    if w in _data().get("subject_forms", {}) and i + 1 < len(words):
        return "pvmv" in lexicon.tags(words[i + 1])
    if w in ("meest", "minst") and i and words[i - 1] in _PREPOSITIONS:
        return True
    if w in _data().get("possessive_subjects", {}) and i + 1 < len(words):
        return bool(lexicon.tags(words[i + 1]) & {"pv", "pvt", "pvmv", "pvv"}) and "n" not in lexicon.tags(words[i + 1])
    if w in _data().get("verb_for_pronoun", {}) and i + 1 < len(words):
        return bool(lexicon.tags(words[i + 1]) & {"pv", "pvt", "pvmv", "pvv"})
    if w in ("een", "één", "meest", "minst") and i and words[i - 1] == "de" and i + 1 < len(words):
        return "n" in lexicon.tags(words[i + 1]) or (w in ("een", "één") and words[i + 1] in _PREPOSITIONS)
    if i and words[i - 1] in ("een", "de", "het") and (
            w in _words("pronouns_without_article") or w.upper() in _abbreviation_genders()):
        return True
    return w in _data().get("joined_words", {})


def _comparison_suspect(words: list[str], i: int) -> bool:
    if words[i] not in ("als", "dat") or not 0 < i < len(words) - 1:
        return False
    if words[i] == "dat" and not (words[i + 1].isdigit() or words[i + 1] in _NUMBER_WORDS):
        return False
    comparative = [w for w in words[max(0, i - 6):i] if w.endswith("er") or w in ("meer", "minder")]
    return bool(comparative) and (words[i + 1].isdigit() or words[i + 1] in _NUMBER_WORDS
                                  or words[i - 1] in comparative and words[i + 1] in _NUMBER_WORDS
                                  or words[i + 1] in DEFINITE | INDEFINITE | _PREPOSITIONS)


@lru_cache(maxsize=1)
def _inflected_degree_words() -> frozenset[str]:
    return frozenset(f for w in _data().get("degree_words", ()) if (f := inflected(w)))


def _modifier_suspect(words: list[str], i: int) -> bool:
    """An inflected word of manner or degree before another inflected adjective or a participle."""
    if i + 1 >= len(words) or not words[i].endswith("e"):
        return False
    w, nxt = words[i], words[i + 1]
    if w in _inflected_degree_words():
        return nxt.endswith("e") and bool(lexicon.tags(nxt) & {"adj", "vd"})
    return (_adverbial_ending(w) and "adj" in lexicon.tags(w)
            and nxt.endswith(("de", "te")) and ("vd" in lexicon.tags(nxt) or "vd" in lexicon.tags(nxt[:-1])
                                                or "ge" in nxt[:8]))


_BETWEEN = frozenset("en of heel zeer erg te zo nog wat meest minst".split())


def _may_precede_noun(word: str) -> bool:
    """An adjective, a number or a degree word: the noun may still follow ("de tweede en derde ...")."""
    tags = lexicon.tags(word)
    if word in _after_article():
        return True
    if "n" in tags and "adj" not in tags:
        return False
    return ("adj" in tags or word in _BETWEEN or adjective_shape(word) or _adjectival_e(word)
            or word.endswith(("de", "ste", "end")) and not tags)


def _suspect_phrase(det: str, adjs: list[str], noun: str, verb_ok: bool = True) -> bool:
    g = gender(noun)
    if g == "het" and det in ARTICLES_DE or g == "de" and det in ARTICLES_HET:
        return True
    pairs = _data().get("gendered_determiners", {})
    if (det in pairs and (g == "de" or (g is None and _plural_shape(noun)))) or (det in pairs.values() and g == "het"):
        return True
    if adjs and g is not None and adjs[-1] not in _ORDINALS and (
            "adj" in lexicon.tags(adjs[-1]) or "vd" in lexicon.tags(adjs[-1]) or adjs[-1] in _after_article() or adjs[-1].endswith(("end", "ende"))
            or adjective_shape(adjs[-1])):
        last = adjs[-1]
        if (det in DEFINITE or det in _inflected_determiners()) and not last.endswith("e") \
                and (g == "de" or not _naming(last, noun)):
            return True
        if det in INDEFINITE and (last.endswith("e") == (g == "het")):
            return True
    if adjs and g is None and _bare_before_plural(adjs[-1], noun):
        return True
    if det == "een" and g is None and _plural_shape(noun):
        return True  # "een chromosomale en congenitale afwijkingen"
    tags = lexicon.tags(noun)
    return (verb_ok and det in _WORD_CLASS_DETS and bool(tags & _VERB_FORMS) and "n" not in tags and "adj" not in tags
            and _noun_nearby(noun) is not None)


def _plural_shape(word: str) -> bool:
    """A noun form without a gender that ends like a plural ("vrouwen", "klachten", "echo's")."""
    return "n" in lexicon.tags(word) and gender(word) is None and word.endswith(("en", "s", "'s", "’s"))


def _bare_before_plural(adj: str, noun: str) -> bool:
    """An adjective without -e before a plural noun ("lichamelijk klachten")."""
    return ("adj" in lexicon.tags(adj) or adjective_shape(adj)) and not adj.endswith(("e", "en")) \
        and adj not in _data()["invariable_adjectives"] and adj not in _ORDINALS and _plural_shape(noun)


def _relational(adj: str) -> bool:
    """An adjective of relation or a title participle: may drop its -e in a fixed name. The ending
    must follow a stem of three letters or more: "geel" and "lief" are no "-eel", "-ief" of relation."""
    low = adj.lower()
    return any(low.endswith(end) and len(low) - len(end) >= 3 for end in _data().get("relational_endings", ())) \
        or low in _words("title_participles")


def _naming(adj: str, noun: str) -> bool:
    """An adjective that may drop its -e after "het" because with its noun it names a kind ("het
    medisch onderzoek", "het natuurlijk verloop", "het academisch ziekenhuis"): one of relation
    before a common noun. Before a compound made for the occasion the two name nothing fixed, and
    the -e stays ("het natuurlijke selectieproces", "het palliatieve supportteam"); fixed names
    with such a compound are data (``naming_pairs``: "het centraal zenuwstelsel")."""
    low, noun = adj.lower(), noun.lower()
    if f"{low} {noun}" in _words("naming_pairs"):
        return True  # a fixed name the data lists ("het centraal zenuwstelsel", "het dagelijks leven")
    return _relational(low) and not _free_compound(noun)


def _free_compound(noun: str) -> bool:
    """A compound of two nouns that the corpus has seen only now and then ("selectieproces",
    "supportteam"; "ziekenhuis" is a word of its own)."""
    if lexicon.count(noun) >= _data().get("common_compound_count", 100):
        return False
    for i in range(4, len(noun) - 3):
        head, tail = noun[:i], noun[i:]
        if _known_gender(tail) and ("n" in lexicon.tags(head) or (head.endswith("s") and "n" in lexicon.tags(head[:-1]))):
            return True
    return False


def _cluster_suspect(words: list[str], i: int) -> bool:
    for k in (i - 1, i + 1):
        if 0 <= k < len(words):
            tags = lexicon.tags(words[k])
            if tags & {"inf", "pvt"} and "vd" not in tags and participle(words[k]):
                return True
    return False


_OPENING_MARKS = frozenset(",:;(•–—-")
_HEADS = frozenset({"n", "inf", "pv", "pvt", "pvmv", "vd"})
_STOPS = DEFINITE | INDEFINITE | _PREPOSITIONS


def _adjective_like(word: str) -> bool:
    """An adjective, or a present participle the lexicon has no tag for ("aanhoudend")."""
    tags = lexicon.tags(word)
    return "adj" in tags or (word.endswith(("end", "ende")) and not tags & _HEADS) or adjective_shape(word)


def _bare_adjective(sentence: str, spans: list[tuple[int, int]], words: list[str], i: int) -> bool:
    """An adjective without an article before a singular noun, with an ending that could be wrong."""
    if i + 1 >= len(words) or words[i] in _ORDINALS or not (
            _adjective_like(words[i]) or ((i == 0 or words[i - 1] in _PREPOSITIONS) and "vd" in lexicon.tags(words[i]))):
        return False  # (a participle only at the start or after a preposition: "met herhaald miskraam")
    if _bare_before_plural(words[i], words[i + 1]):
        return True  # "bij lichamelijk klachten", "of ernstig problemen"
    if "n" not in lexicon.tags(words[i + 1]) and lexicon.entry(words[i + 1]) is not None:
        return False
    g = gender(words[i + 1])
    if g is None or words[i].endswith("e") != (g == "het"):
        return False
    # without an article: after a preposition, a comma or at the start (past adverbs of degree:
    # "ook wel medisch ingreep genoemd"); after a verb only "is spontane verlies"
    k = i - 1
    while k >= 0 and g == "de" and not lexicon.tags(words[k]) & _HEADS and words[k] not in _STOPS \
            and not _OPENING_MARKS & set(sentence[spans[k][1]:spans[k + 1][0]]):
        k -= 1  # past adverbs and adjectives, up to a comma
    prev = words[k] if k >= 0 else ""
    mark = sentence[spans[k][1]:spans[k + 1][0]] if k >= 0 else ""
    finite = bool(lexicon.tags(prev) & {"pv", "pvt", "pvmv"})
    return (not prev or prev in _PREPOSITIONS or bool(_OPENING_MARKS & set(mark))
            or (g == "het" and k == i - 1 and finite)
            or (g == "de" and finite and words[i].endswith(_after_verb_endings())))


# -- the checks on Frog's tags ---------------------------------------------------------------
def _low(t: FrogToken) -> str:
    return t.word.lower()


def _prenominal(t: FrogToken) -> bool:
    if t.pos == "VNW":  # Frog reads "enkel" of "geen enkel kans" as a determiner
        return t.has("prenom") and _low(t) in _after_article()
    return t.pos in ("ADJ", "WW") and t.has("prenom")


def _singular_noun(tokens: list[FrogToken], j: int) -> str | None:
    """The gender of a common singular noun at ``j`` that heads its phrase, else None. After a
    number the noun counts ("de 35 jaar", "de eerste 16 weken"): no gender to check."""
    t = tokens[j]
    k = j - 1
    while k >= 0 and (_prenominal(tokens[k]) or tokens[k].pos in ("TW", "BW", "VG")):
        if tokens[k].pos == "TW" and tokens[k].has("hoofd") and _low(tokens[k]) not in ("een", "één"):
            return None
        k -= 1
    if not _foreign_read_noun(t) and (t.pos != "N" or not t.has("soort") or not t.has("ev") or not t.word[:1].islower()):
        return None
    if not t.word.islower():
        return None  # "medicijnenGebruik": two words run together where a line break was lost
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and (nxt.word in ("-", "/") or (nxt.pos == "N" and (
            (nxt.has("mv") and _low(t) not in _words("quantity_nouns")) or _written_apart(t, nxt)
            or (_low(t) == "paar" and _low(nxt) in _apart_nouns())))):
        return None  # "kind- en jeugdzorg", a compound written apart, "de eerste paar dagen": the head is elsewhere
        # (a noun of number heads its phrase all the same: "het aantal weken"); "de eerste paar uur" counts hours
    if nxt is not None and _TYPE_LETTER.match(nxt.word):
        return None  # "het hepatitis B-virus", "het vitamine D-gehalte": the head comes after the type's letter
    return gender(_low(t))


# the letter or code of a type after a noun ("hepatitis B", "vitamine D3", "type 2"), with the head after it
_TYPE_LETTER = re.compile(r"^[A-Z]{1,2}\d{0,2}(?:-[\w-]+)?$")


def _written_apart(noun: FrogToken, nxt: FrogToken) -> bool:
    """"bloed verlies": two nouns that the lexicon knows as one word (or that Frog does not know)."""
    joined = _low(noun) + _low(nxt)
    return not nxt.word[:1].islower() or lexicon.entry(joined) is not None or lexicon.entry(_low(nxt)) is None


def _noun_after(tokens: list[FrogToken], i: int) -> int | None:
    """The noun that the determiner at ``i`` opens, past adjectives, numbers and degree words."""
    j = i + 1
    while j < len(tokens) and (_prenominal(tokens[j]) or tokens[j].pos == "TW" or _abbreviation_before_noun(tokens, j) or
                               (tokens[j].pos in ("BW", "VG") and j + 1 < len(tokens) and j > i + (tokens[j].pos == "VG")
                                and (_prenominal(tokens[j + 1]) or tokens[j + 1].pos == "TW"))):
        j += 1
    return j if j < len(tokens) and (tokens[j].pos == "N" or _foreign_read_noun(tokens[j])) else None


def _abbreviation_before_noun(tokens: list[FrogToken], j: int) -> bool:
    """An abbreviation in capitals written apart before the noun it joins ("de IVF embryo" is het
    IVF-embryo): the noun after it is the head of the compound."""
    t = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return (t.pos == "SPEC" and t.word.isalpha() and t.word.isupper() and 2 <= len(t.word) <= 6
            and nxt is not None and nxt.pos == "N" and nxt.word.islower() and nxt.start == t.end + 1)


def _foreign_read_noun(t: FrogToken) -> bool:
    """A Dutch noun that Frog did not know and read as a foreign word ("het curettage"): lower
    case, in the dictionary, with a gender from the data, its ending or its compound head."""
    return (t.pos == "SPEC" and t.has("vreemd") and t.word.isalpha() and t.word.islower()
            and _dictionary_word(t.word) and gender(t.word) is not None)


def _determiner_context(tokens: list[FrogToken], i: int, strict: bool) -> bool:
    """Whether the word at ``i`` stands where only a determiner can: after a preposition, or
    opening the sentence before its finite verb. ``strict`` for die/dat (relative pronoun,
    conjunction) and for deze/dit without an adjective (pronoun: "Doet dit pijn?")."""
    prev = tokens[i - 1] if i else None
    if prev is not None and prev.pos == "VZ" and not prev.has("fin"):
        return True  # (a particle or postposition closes a phrase: "wijst uit dat ...")
    if not strict:
        return prev is None or prev.pos not in ("VG", "WW") and _low(prev) not in ("die", "dat", "wat")
    if prev is None or (prev.pos == "LET" and prev.word in _CLAUSE_PUNCT) or (prev.pos == "VG" and prev.has("neven")):
        j = _noun_after(tokens, i)
        return j is not None and j + 1 < len(tokens) and tokens[j + 1].pos == "WW" and tokens[j + 1].has("pv")
    return False


def article(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """de/het that does not fit the noun ("het vrucht", "de kind")."""
    t = tokens[i]
    w = _low(t)
    if w not in ("de", "het") or (i and tokens[i - 1].pos == "LID"):
        return None  # (two articles in a row: doubled_article)
    j = _noun_after(tokens, i) if t.pos == "LID" else None
    if j is None and _het_before_free_adjective(tokens, i):
        j = i + 2  # "het vroegtijdig miskraam": Frog reads "het" as a pronoun or the adjective as free
    elif t.pos != "LID":
        return None
    g = _singular_noun(tokens, j) if j is not None else None
    if g is None or g == w or _fixed_phrase(tokens, i, j) or _pronoun_het(tokens, i, j) \
            or _partitive_superlative(tokens, j) or _head_after(tokens, j, w) or _abbreviation_own(tokens, i, j):
        return None
    fix = _case(t.word, g)
    return AgreementFinding(t.start, t.end, t.word, fix, "article",
                            _("'{noun}' is a {gender}-word: '{fix} {noun}'").format(
                                noun=tokens[j].word, gender=g, fix=fix))


def _abbreviation_own(tokens: list[FrogToken], i: int, j: int) -> bool:
    """"van het RIVM informatie krijgen", "van het RIZIV terugbetaling": the article fits the
    abbreviation of an organisation right after it, and the noun after that may be a phrase of its own;
    a treatment's abbreviation makes one compound with it ("de IVF embryo" -> het)."""
    a = tokens[i + 1].word
    return j == i + 2 and _abbreviation_genders().get(a) == _low(tokens[i]) and a not in _words("compound_abbreviations")


def _head_after(tokens: list[FrogToken], j: int, article: str) -> bool:
    """"de eerste trimester miskraam": a singular noun right after the noun that fits the article
    is the head of a compound written apart; the article is its."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return (nxt is not None and nxt.pos == "N" and nxt.has("soort") and nxt.has("ev") and nxt.word.islower()
            and gender(_low(nxt)) == article)


def _het_before_free_adjective(tokens: list[FrogToken], i: int) -> bool:
    """"het" where only an article can stand (opening the sentence or a clause, after a
    preposition, an adverb or "en") before an adjective without -e and a singular de-word, where
    Frog reads the adjective as free or "het" as a pronoun ("Het vroegtijdig miskraam kwam
    onverwacht"); not before "te"/"om" ("het makkelijk hulp te vragen")."""
    if _low(tokens[i]) != "het" or i + 3 >= len(tokens):
        return False
    prev, a, n, after = (tokens[i - 1] if i else None), tokens[i + 1], tokens[i + 2], tokens[i + 3]
    opens = prev is None or prev.pos in ("VZ", "BW") or (prev.pos == "VG" and prev.has("neven")) \
        or (prev.pos == "LET" and prev.word in _CLAUSE_PUNCT)
    return (opens and a.pos == "ADJ" and a.has("zonder") and inflected(a.word) is not None
            and _low(a) not in _words("adverbial_adjectives") and n.pos == "N" and n.has("ev")
            and _low(after) not in ("te", "om") and gender(_low(n)) == "de")


_PARTITIVES = frozenset({"daarvan", "ervan", "hiervan", "waarvan"})


def _partitive_superlative(tokens: list[FrogToken], j: int) -> bool:
    """"de binnenste daarvan", "de grootste van de twee": a superlative adjective standing for a noun
    named before; its article is that noun's, not the one of the noun the same word can be."""
    if not (_low(tokens[j]).endswith("ste") and "adj" in lexicon.tags(_low(tokens[j]))):
        return False
    after = [_low(x) if x.pos != "TW" and not x.has("mv") else "#" for x in tokens[j + 1:j + 4]]
    return bool(after) and (after[0] in _PARTITIVES or after[:1] == ["van"] and "#" in after[1:])


def _fixed_phrase(tokens: list[FrogToken], i: int, j: int) -> bool:
    """An idiom with an old article ("weer op de been"): the phrase from the word before on."""
    words = " ".join(_low(t) for t in tokens[max(0, i - 1):j + 1])
    return any(p in words for p in _data().get("fixed_phrases", ()))


def _pronoun_het(tokens: list[FrogToken], i: int, j: int) -> bool:
    """"dat het lange tijd duurde": the pronoun "het" before a phrase of time, which Frog may read
    as an article when the adjective stands between."""
    prev = tokens[i - 1] if i else None
    if _predicate_noun(tokens, i, j):
        return True
    return (_low(tokens[i]) == "het" and j > i + 1 and _low(tokens[j]) in _words("adverbial_nouns")
            and (prev is None or prev.pos == "VG" or prev.tag.startswith("WW(pv")))


_PREDICATE_FOLLOWERS = frozenset({"om", "te", "dat", "of", "als", "wanneer", ",", ":"})


def _predicate_noun(tokens: list[FrogToken], i: int, j: int) -> bool:
    """"nu is het zaak om ...", "ouders vinden het zonde wanneer ...": after its verb, "het" is the subject
    (or the object of "vinden") and the bare noun the predicate, followed by the clause it announces."""
    prev = tokens[i - 1] if i else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return (_low(tokens[i]) == "het" and j == i + 1 and prev is not None and prev.tag.startswith("WW(pv")
            and prev.lemma in {"zijn", "blijven", "worden", "lijken", "vinden"}
            and (after is None or _low(after) in _PREDICATE_FOLLOWERS))


_DEMONSTRATIVE_PAIRS = {"deze": "dit", "dit": "deze", "die": "dat", "dat": "die"}


def demonstrative(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """deze/dit, die/dat that do not fit the noun ("dit zwangerschap")."""
    t = tokens[i]
    w = _low(t)
    if w not in _DEMONSTRATIVE_PAIRS:
        return None
    j = _noun_after(tokens, i)
    g = _singular_noun(tokens, j) if j is not None else None
    if g is None or (g == "het") == (w in ARTICLES_HET):
        return None
    strict = w in ("die", "dat") or j == i + 1
    if not _determiner_context(tokens, i, strict) or _relative_after_comma(tokens, i) \
            or any(x.pos == "WW" and (x.lemma or "").lower() in ("noemen", "heten") for x in tokens[:i]):
        return None  # ("dit noemen we ...", "noemen we dit herhaalde miskraam": an object and its name)
    fix = _case(t.word, _DEMONSTRATIVE_PAIRS[w])
    return AgreementFinding(t.start, t.end, t.word, fix, "demonstrative",
                            _("'{noun}' is a {gender}-word: '{fix} {noun}'").format(
                                noun=tokens[j].word, gender=g, fix=fix))


def _relative_after_comma(tokens: list[FrogToken], i: int) -> bool:
    """"Het register, dat gegevens bevat over ...": die/dat after a comma that closes a noun
    phrase of its gender is the relative pronoun of that phrase (a name takes the gender of the
    article before it), not a determiner of the noun after it."""
    w = _low(tokens[i])
    if w not in ("die", "dat") or i < 2 or tokens[i - 1].word != ",":
        return False
    k = i - 2
    while k >= 0 and tokens[k].pos == "LET" and tokens[k].word in _QUOTE_MARKS:
        k -= 1
    if k < 0:
        return False
    if tokens[k].pos == "N":
        g = "mv" if tokens[k].has("mv") else gender(_low(tokens[k]))
        if g is None and w == "die":
            return True  # a noun of unknown gender ("een transducer, die ..."): most likely a de-word
    else:
        while k >= 0 and (tokens[k].pos == "SPEC" or tokens[k].word in _QUOTE_MARKS):
            k -= 1  # a name: the article before it
        g = _low(tokens[k]) if k >= 0 and tokens[k].pos == "LID" else None
    return (w == "dat" and g == "het") or (w == "die" and g in ("de", "mv"))


def demonstrative_plural(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """dit/dat/het before a plural noun, where deze/die/de belong ("Dit klachten gaan vanzelf over"
    -> Deze, "Het klachten zijn ..." -> De): when a plural finite verb follows the noun (then "dit"
    or "het" cannot be the singular subject, and "dat" no conjunction before a subject: "dat klachten
    overgaan" has its verb last; "als het klachten geeft" keeps its pronoun), or dit/dat after a
    preposition ("bij dit klachten"; not before te: "door dit ouders te vertellen"); after a
    preposition "het" opens a verb's noun the lexicon may not know ("bij het klokken van de weeën")."""
    t, w = tokens[i], _low(tokens[i])
    if w not in ("dit", "dat", "het") or t.pos not in ("VNW", "LID") or i + 2 >= len(tokens) \
            or not _plural_noun(tokens, i + 1) or "inf" in lexicon.tags(_low(tokens[i + 1])):
        return None  # "bij het klokken van de weeën": a plural that is also an infinitive may be a verb's noun
    after = tokens[i + 2]
    prev = tokens[i - 1] if i else None
    plural_verb = (after.tag.startswith(("WW(pv,tgw,mv", "WW(pv,verl,mv"))
                   and not (i + 3 < len(tokens) and tokens[i + 3].tag.startswith("WW(pv")))  # "het kinderen krijgen is"
    if plural_verb and prev is not None and prev.tag.startswith("WW(pv") and "inf" in lexicon.tags(_low(after)):
        return None  # "kan dit gevolgen hebben": "dit" is the subject after its verb, "hebben" an infinitive
    if not ((plural_verb and (w != "dat" or prev is None or prev.pos == "VZ"))
            or (w != "het" and prev is not None and prev.pos == "VZ" and _low(after) != "te" and not after.has("inf"))):
        return None
    fix = _case(t.word, "de" if w == "het" else _DEMONSTRATIVE_PAIRS[w])
    return AgreementFinding(t.start, t.end, t.word, fix, "article" if w == "het" else "demonstrative",
                            _("before the plural '{noun}' write '{fix}'").format(noun=tokens[i + 1].word, fix=fix))


def gendered_determiner(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """ons/onze, elk/elke, ieder/iedere, welk/welke, zulk/zulke that do not fit the noun ("onze
    team" -> ons, "elk vrouw" -> elke, "ons kinderen" -> onze); as determiners only (Frog's
    tag), not the pronoun of "bel ons maandag"."""
    t, w = tokens[i], _low(tokens[i])
    pairs = _data().get("gendered_determiners", {})
    het_form = w if w in pairs else next((k for k, v in pairs.items() if v == w), None)
    if het_form is None or not _determiner_context(tokens, i, False):
        return None
    j = _noun_after(tokens, i)
    if j is None and t.has("det") and _infinitive_as_noun(tokens, i):
        j, g = i + 2, "het"  # "elke ander overlijden": an infinitive as a noun is a het-word
    elif j is None or not (t.has("det") or _opening_possessive(tokens, i, j)):
        return None
    else:
        g = _singular_noun(tokens, j) or ("mv" if _plural_noun(tokens, j) and w in ("ons", "zulk", "welk") else None)
    want = het_form if g == "het" else pairs[het_form] if g in ("de", "mv") else None
    if want is None or want == w:
        return None
    fix = _case(t.word, want)
    return AgreementFinding(t.start, t.end, t.word, fix, "article",
                            _("'{noun}' is a {gender}-word: '{fix} {noun}'").format(
                                noun=tokens[j].word, gender="de" if g == "mv" else g, fix=fix))


def _infinitive_as_noun(tokens: list[FrogToken], i: int) -> bool:
    """An adjective without -e and an infinitive after the determiner at ``i``: the adjective
    makes the infinitive a noun ("elk ander overlijden", "ieder plotseling ontwaken")."""
    if i + 2 >= len(tokens):
        return False
    a, v = tokens[i + 1], tokens[i + 2]
    return (a.pos == "ADJ" and a.has("zonder") and not a.has("vrij") and inflected(a.word) is not None
            and v.tag.startswith("WW(inf") and v.word.islower())


def object_as_subject(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"hun"/"hen" as the subject, opening a clause before a plural finite verb ("Hun hebben ook
    verdriet" -> Zij); "wat hun overkomt" keeps the object (the verb is not plural there)."""
    t = tokens[i]
    fix = _data().get("subject_forms", {}).get(_low(t))
    if fix is None or i + 1 >= len(tokens) or not tokens[i + 1].tag.startswith("WW(pv,tgw,mv"):
        return None
    prev = tokens[i - 1] if i else None
    if prev is not None and not (prev.pos == "LET" and prev.word in _CLAUSE_PUNCT) and not (
            prev.pos == "VG" and prev.has("neven")):
        return None
    fix = _case(t.word, fix)
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("'{word}' is no subject; write '{fix}'").format(word=t.word, fix=fix))


def _last_verb_lemma(tokens: list[FrogToken], i: int) -> str:
    """The lemma of the last verb of the clause after ``i``."""
    lemma = ""
    for x in tokens[i + 1:]:
        if x.pos == "LET":
            break
        if x.pos == "WW":
            lemma = x.lemma
    return lemma


def _verb_after(tokens: list[FrogToken], i: int) -> bool:
    """A verb after ``i`` before the clause's punctuation (a plural present reads as an infinitive to
    Frog: "vrouwen wie liever afwachten")."""
    for x in tokens[i + 1:]:
        if x.pos == "LET":
            return False
        if x.pos == "WW":
            return True
    return False


# words that pick one out of a group ("een van de", "ieder van de", "geen van de"): the relative clause
# after the group may take the number of the one
_ONE_OF = frozenset({"een", "één", "eén", "1", "ieder", "iedere", "elk", "elke", "geen", "welke", "wie"})


_WH_WORDS = frozenset({"wat", "wie", "hoe", "waarom", "wanneer", "waar"})


def question_copula(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"Wat zijn de menopauze?" -> is, "Wat is hormonale klachten?" -> zijn: in a question that opens
    with a question word and "is"/"zijn", the verb takes the number of the noun after it. Not before
    a number, a name, a noun joined to another by en/of, or a noun with an infinitive after it
    ("Wat is kinderen krijgen?")."""
    t = tokens[i]
    if i != 1 or _low(tokens[0]) not in _WH_WORDS or _low(t) not in ("is", "zijn") or t.pos != "WW" \
            or tokens[-1].word != "?":
        return None
    j = i + 1
    while j < len(tokens) and (tokens[j].pos in ("LID", "ADJ") or (tokens[j].pos == "VNW" and tokens[j].has("det"))):
        j += 1
    if j >= len(tokens) or tokens[j].pos != "N" or not tokens[j].has("soort") or not tokens[j].word.islower():
        return None
    after = [x for x in tokens[j + 1:] if x.pos != "LET"]
    if after and (_low(after[0]) in ("en", "of", "en/of") or after[0].pos == "WW"):
        return None
    plural = tokens[j].has("mv") and _plural_of_a_noun(_low(tokens[j]))  # "diabetes", "herpes" are singular
    fix = "is" if _low(t) == "zijn" and tokens[j].has("ev") else "zijn" if _low(t) == "is" and plural else None
    if fix is None:
        return None
    return AgreementFinding(t.start, t.end, t.word, fix, "subject-number",
                            _("'{noun}' is the subject: '{fix}'").format(noun=tokens[j].word, fix=fix))


def _question_copula_suspect(sentence: str, words: list[str]) -> bool:
    """A question opening with a question word and "is" before a plural noun, or "zijn" before a noun
    that is no plural."""
    if len(words) < 3 or words[0] not in _WH_WORDS or words[1] not in ("is", "zijn") \
            or not sentence.rstrip().endswith("?"):
        return False
    nouns = [w for w in words[2:] if "n" in lexicon.tags(w) or _plural_of_a_noun(w)]
    if words[1] == "is":
        return any(_plural_of_a_noun(w) for w in nouns)
    return any(not _plural_of_a_noun(w) for w in nouns)


def _plural_of_a_noun(low: str) -> bool:
    """The plural of a noun the lexicon knows, also as a compound's last part ("anti|stoffen")."""
    return any("n" in lexicon.tags(b) for k in range(0, max(1, len(low) - 4)) for b in inflection.plural_bases(low[k:]))


def relative_number(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A relative clause after a plural noun whose verb is singular, with nothing between "die" and
    the verb that could be a subject of its own ("vrouwen die zwanger wordt" -> worden): "die" is
    then the subject and takes the noun's number. Not after "een van de", "ieder van de", "geen van de"
    or "één op de", which may take either number ("een van de vrouwen die dat kan"), and only a verb of
    the present tense,
    whose plural is its infinitive."""
    t = tokens[i]
    if not (t.pos == "WW" and t.has("pv", "tgw") and (t.has("ev") or t.has("met-t"))) \
            or not t.lemma.endswith("n"):
        return None
    k = i - 1
    while k >= 0 and tokens[k].pos in ("ADJ", "BW") and _low(tokens[k]) not in ("er", "daar", "hier"):
        k -= 1
    if k < 1 or _low(tokens[k]) != "die" or not tokens[k].has("betr"):
        return None
    noun = tokens[k - 1]
    if noun.pos != "N" or not noun.has("mv") or "(" in noun.word or _either_form(tokens, i):
        return None  # "eicel(en) die ... staat/staan": the writer leaves the number open
    before = [_low(x) for x in tokens[max(0, k - 5):k - 1]]
    if any(w in _ONE_OF for w in before) and any(w in ("van", "op") for w in before):
        return None  # "een van de vrouwen die dat kan", "ieder van de ouders die aanwezig is"
    if _after_noun_and_preposition(tokens, k - 1):
        return None  # "een afwijking in de chromosomen die toevallig is ontstaan": "die" may be the afwijking
    return AgreementFinding(t.start, t.end, t.word, t.lemma, "relative-number",
                            _("'{noun}' is plural: '{fix}' instead of '{verb}'").format(
                                noun=noun.word, fix=t.lemma, verb=t.word))


def _either_form(tokens: list[FrogToken], i: int) -> bool:
    """The word at ``i`` with another form beside it after a slash ("staat/staan", "is/zijn")."""
    return any(0 <= j < len(tokens) and tokens[j].word == "/" for j in (i - 1, i + 1))


def _after_noun_and_preposition(tokens: list[FrogToken], n: int) -> bool:
    """Whether the noun at ``n`` stands in a prepositional phrase right after another noun ("een
    afwijking in de chromosomen"): a relative clause after it may describe that noun."""
    k = n - 1
    while k >= 0 and tokens[k].pos in ("LID", "ADJ", "VNW", "TW") and not tokens[k].has("betr"):
        k -= 1
    return k >= 1 and tokens[k].pos == "VZ" and tokens[k - 1].pos in ("N", "SPEC")


def relative_wie(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"wie" right after a word for people opens a relative clause, where Dutch writes "die" ("vrouwen
    wie kiezen voor een curettage" -> die, "degene wie je vertrouwt" -> die). Not in a question, and
    not after a preposition ("de partner met wie je praat") or a comma."""
    if _low(tokens[i]) != "wie" or i == 0 or i + 1 >= len(tokens) or "?" in (x.word for x in tokens[i:]):
        return None
    n = i - 1
    if n >= 1 and tokens[n].lemma == "zijn" and _low(tokens[n - 1]) in ONE_WHO:
        n -= 1  # "doordat zij degene is wie je ziet"
    if _low(tokens[n]) not in _words("person_words") or not _verb_after(tokens, i):
        return None
    for x in reversed(tokens[:n]):
        if (x.pos == "VG" and x.has("onder")) or (x.pos == "LET" and x.word != ","):
            break
        if x.lemma in _words("question_verbs"):
            return None  # an indirect question: "Zij vroeg de arts wie er mee mocht"
    if _last_verb_lemma(tokens, i) in _words("dative_verbs"):
        return None  # "wie" for a person the verb gives to: "Vrouwen wie dit overkomt, ..."
    t = tokens[i]
    return AgreementFinding(t.start, t.end, t.word, "die", "relative",
                            _("a relative clause after '{noun}' opens with 'die', not 'wie'").format(
                                noun=tokens[n].word))


def possessive_as_subject(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A possessive where the subject pronoun belongs, right before a finite verb that is no noun
    ("Uw kunt ons bellen" -> U; ``possessive_subjects``); "uw vragen" keeps its possessive, the
    word after it is a noun too."""
    t = tokens[i]
    fix = _data().get("possessive_subjects", {}).get(_low(t))
    if fix is None or t.pos != "VNW" or not t.has("bez") or i + 1 >= len(tokens):
        return None
    verb = tokens[i + 1]
    known = lexicon.tags(_low(verb))
    if not verb.tag.startswith("WW(pv") or "n" in known or not known & {"pv", "pvt", "pvmv", "pvv"}:
        return None
    fix = _case(t.word, fix)
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("'{word}' is no subject; write '{fix}'").format(word=t.word, fix=fix))


def possessive_u(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"tot u beschikking", "met u huisarts", "tijdens u verblijf", "met u eigen verloskundige", "Neem u
    partner mee": the pronoun "u" after a preposition, or after the verb that opens a request, right
    before a singular noun that needs its determiner: the possessive "uw" was meant. After a verb or
    met/van/voor/aan/bij the noun must be a count noun, and not one that stands as an object of its own
    ("met u contact opnemen", "voor u informatie verzamelen": ``bare_object_nouns``); after a preposition
    that hardly takes "u" (tijdens, naar, in ...: ``possessive_u_prepositions``) any noun."""
    t = tokens[i]
    if _low(t) != "u" or i == 0 or i + 1 >= len(tokens) or (t.word == "U" and _sentence_opens(tokens, i)):
        return None
    prev = tokens[i - 1]
    j = i + 1
    while j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].has("prenom"):
        j += 1  # "met u eigen verloskundige"
    after_verb = _opening_imperative(tokens, i - 1)
    if not ((prev.pos == "VZ" and prev.has("init")) or after_verb) or j >= len(tokens) \
            or tokens[i + 1].start != t.end + 1 \
            or not (_plain_noun(tokens[j], singular=True) or _noun_adjective(tokens[j])):
        return None
    noun = _low(tokens[j])
    if noun in _apart_nouns() or noun in _words("bare_object_nouns"):
        return None
    if not ((_low(prev) in _words("possessive_u_prepositions") and not after_verb) or lexicon.countable(noun)
            or noun in _words("possessive_phrase_nouns")):
        return None
    fix = "Uw" if t.word == "U" else "uw"
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("before '{noun}' write the possessive 'uw'").format(noun=tokens[j].word))


def _opening_imperative(tokens: list[FrogToken], k: int) -> bool:
    """The verb that opens a request, or a second one after "en"/"of" ("Neem u partner mee", "Ga naar huis
    en neem u kind mee"): the "u" after it before a count noun without its determiner is the possessive's
    slip, not the subject of "Neemt u"."""
    if k < 0 or tokens[-1].word == "?" or not _request_verb(tokens[k]):
        return False
    return k == 0 or (_low(tokens[k - 1]) in ("en", "of") and _request_verb(tokens[0]))


def _request_verb(t: FrogToken) -> bool:
    """A verb's stem as a request opens with it (Frog may read "Bel" as an abbreviation); an inverted "u"
    after a -t form or a form of zijn/worden is its subject, with a noun as predicate or object ("Bent u
    patiënt bij ons, ...", "Krijgt u kramp, ...")."""
    verb = t.tag.startswith("WW(pv") or (t.pos == "SPEC" and "pv" in lexicon.tags(_low(t)))
    return verb and not _low(t).endswith("t") and (t.lemma or "").lower() not in ("zijn", "worden")


def _noun_adjective(t: FrogToken) -> bool:
    """An adjective used as a singular noun ("uw eigen verloskundige")."""
    return t.pos == "ADJ" and t.has("nom") and t.has("zonder-n") and t.word.islower()


def _sentence_opens(tokens: list[FrogToken], i: int) -> bool:
    return i == 0 or tokens[i - 1].word in (".", "!", "?", ":")


def _possessive_u_suspect(words: list[str], i: int) -> bool:
    return words[i] == "u" and 0 < i < len(words) - 1 and (words[i - 1] in _PREPOSITIONS or i == 1
                                                           or (i > 1 and words[i - 2] in ("en", "of"))) \
        and ("n" in lexicon.tags(words[i + 1]) or "adj" in lexicon.tags(words[i + 1]))


def _opening_possessive(tokens: list[FrogToken], i: int, j: int) -> bool:
    """"Ons praktijk is ...": Frog reads "ons" as a pronoun when the noun does not fit it; opening
    the sentence right before a noun and its finite verb it can only be the determiner."""
    return (i == 0 and j == 1 and _low(tokens[0]) == "ons" and j + 1 < len(tokens)
            and tokens[j + 1].tag.startswith("WW(pv"))


def _phrase_kind(tokens: list[FrogToken], k: int) -> str | None:
    """What stands before the adjectives ending at ``k``: "definite", "indefinite", "bare"
    (a preposition or the start of the sentence), or None when it cannot be told."""
    while k >= 0 and (tokens[k].pos in ("ADJ", "BW", "TW") or (tokens[k].pos == "LET" and tokens[k].word == ",")
                      or _prenominal(tokens[k]) or _low(tokens[k]) in ("meest", "minst")):
        if _low(tokens[k]) in _data()["quantifiers"]:
            return None
        k -= 1
    if k < 0:
        return "bare"
    d, w = tokens[k], _low(tokens[k])
    if w in INDEFINITE and d.pos in ("LID", "VNW"):
        return "indefinite"
    if w in DEFINITE and (d.pos == "LID" or (d.pos == "VNW" and d.has("det"))):
        if w in ("die", "dat") and not _determiner_context(tokens, k, True):
            return None
        return "definite"
    if w in _inflected_determiners() and d.pos == "VNW" and d.has("det"):
        return "inflected"  # "elke", "iedere", "zulke": only before a de-word or a plural
    if d.pos == "VZ" and w not in ("te",):
        return "bare"
    if w == "het" and d.pos == "VNW" and tokens[k + 1].has("prenom") and (
            (tokens[k + 1].pos == "WW" and tokens[k + 1].has("vd"))
            or (tokens[k + 1].pos == "ADJ" and k + 2 < len(tokens) and tokens[k + 2].pos == "N"
                and tokens[k + 2].has("ev") and _after_linking_verb(tokens, k))):
        # "het bevrucht ei", "is het gemiddeld risico": Frog reads the participle or adjective as
        # attributive before a singular noun, so "het" is its article (whatever Frog made of "het");
        # after another verb "het" may be an object before a bare phrase ("maakt het zwaar werk")
        return "definite"
    if d.pos == "WW" and d.has("pv"):
        return "bare"  # "is spontane verlies", "krijgt hevige pijn"
    return None


def _after_linking_verb(tokens: list[FrogToken], k: int) -> bool:
    """The word at ``k`` follows a linking verb ("is het ...", "wordt het ..."): its subject after it."""
    prev = tokens[k - 1] if k else None
    return prev is not None and prev.pos == "WW" and (prev.lemma or "").lower() in _words("linking_verbs")


def _title(adj: str, noun: str) -> bool:
    """"een klinisch psycholoog", "een medisch specialist", "de klinisch verloskundigen": a profession
    named by an adjective of relation keeps the adjective without -e."""
    endings = tuple(_data().get("profession_endings", ()))
    low = noun.lower()
    # the singular of a plural: "specialisten" -> specialist, "verloskundigen" -> verloskundige
    return _relational(adj) and any(x.endswith(endings) for x in (low, re.sub(r"(?:en|s)$", "", low), low[:-1]))


def adjective_ending(tokens: list[FrogToken], j: int) -> AgreementFinding | None:
    """The -e of the adjective right before a singular noun ("een klein kans", "bij vaginale
    bloedverlies", "al het bijbehorend weefsel") or a plural one ("de meest vrouwen", "lichamelijk
    klachten"); also of an adjective that Frog read as a verb between article and noun ("een vroeg
    miskraam": "vroeg" is also the past of "vragen")."""
    if j == 0:
        return None
    g = _singular_noun(tokens, j) or ("mv" if _plural_noun(tokens, j) else None) or _both_genders_noun(tokens[j])
    k, before = _bracketed_adjective(tokens, j)
    a = tokens[k]
    free = _free_after_determiner(tokens, k, j) or (g == "de" and _free_after_een(tokens, k, j))
    if g is None or not (free or _describes_noun(tokens, k, j, g)) \
            or not a.word.isalpha() or (a.word[:1].isupper() and not (_proper_adjective(tokens, k, g)
                                                                      or _opening_participle(tokens, k))):
        return None
    low = _low(a)
    kind = _phrase_kind(tokens, before)
    if k == j - 2 and before >= 0 and _low(tokens[before]) in ("een", "één"):
        kind = "indefinite"  # (Frog may read "een" before a bracket as the number)
    if k == j - 2 and kind not in ("definite", "indefinite"):
        return None  # "als (klinisch) doula": a bracketed word without an article may be an adverb
    if kind == "inflected":
        if g == "het":
            return None  # "elke klein kind": the determiner is wrong (gendered_determiner), not the adjective
        kind = "definite"  # "elke gemeentelijke begraafplaats", "iedere nieuwe zwangerschap"
    if g == "both" and kind != "definite":
        return None  # "een vroeg miskraam" is right for a het-word, "een vroege miskraam" for a de-word
    if kind is None and g == "mv" and (_attributive_before_plural(tokens, k) or _opening_participle(tokens, k)
                                       or _participle_before_plural(tokens, k) or free):
        kind = "bare"  # "geen klachten of ernstig problemen": a plural wants the -e whatever opens it
    if kind == "bare" and g == "mv" and "inf" in lexicon.tags(_low(tokens[j])):
        return None  # "hard werken, intensief sporten": without an article the plural may be an infinitive
    if kind is None or low.endswith("en") or (a.lemma or "").lower().endswith("e") or _title(low, tokens[j].word):
        return None
    if kind == "bare" and g != "mv" and _before_name(tokens, j):
        return None  # "demissionair minister Koolmees": a title before a name takes no article
    if low in _data()["invariable_adjectives"] and not (low in _after_article() and kind != "bare"):
        return None
    if g == "mv" and (kind != "definite" and low in _words("adverbial_adjectives")) and not free:
        return None
    want_e = kind == "definite" or g in ("de", "mv")
    if kind == "definite" and low.endswith("end") and a.pos == "WW" and g != "het":
        return None  # "de behandelend arts", "de dienstdoend verloskundige": accepted without -e
    if kind == "definite" and _het_subject_of_predicate(tokens, before, j):
        return None  # "Als het warm weer is": "het" is the subject, "warm weer" its predicate
    if want_e == low.endswith("e") or (kind == "definite" and g == "het" and _naming(low, tokens[j].word)):
        # "het lichamelijk herstel", "het medisch onderzoek": a het-word may drop the -e of an
        # adjective of relation after a definite article when the two name one thing
        return None
    return _ending_finding(a, tokens[j], want_e)


def _het_subject_of_predicate(tokens: list[FrogToken], d: int, j: int) -> bool:
    """"het" after a subordinating conjunction, or opening the sentence, with a linking verb right after
    the noun that ends the clause: the pronoun is the subject and adjective and noun the predicate."""
    if d < 0 or _low(tokens[d]) != "het" or not (d == 0 or (tokens[d - 1].pos == "VG" and tokens[d - 1].has("onder"))):
        return False
    verb = tokens[j + 1] if j + 1 < len(tokens) else None
    end = tokens[j + 2] if j + 2 < len(tokens) else None
    return verb is not None and _low(verb) in _words("linking_verb_forms") and (end is None or end.pos == "LET")


def _describes_noun(tokens: list[FrogToken], k: int, j: int, g: str) -> bool:
    """Does the word at ``k`` describe the noun at ``j`` as an attributive adjective: Frog reads it so,
    it stands in brackets before the noun ("een (vroeg) miskraam"), it is an adjective Frog read as a
    verb, or before a plural a superlative after "de" or a participle before the closing verb?"""
    a = tokens[k]
    return (_prenominal(a) or (k == j - 2 and (a.has("vd") or a.has("od") or a.pos == "ADJ"))
            or _adjective_read_as_verb(tokens, k)
            or (g == "mv" and (_superlative_determiner(tokens, k) or _participle_before_plural(tokens, k)
                               or _opening_participle(tokens, k))))


def _free_after_een(tokens: list[FrogToken], k: int, j: int) -> bool:
    """An adjective in its base form that Frog read as free right between "een" and a singular de-word
    ("bij een natuurlijk bevalling"): an adverb of degree would need an adjective after it, so the word
    describes the noun."""
    a = tokens[k]
    return (k == j - 1 and k > 0 and a.pos == "ADJ" and a.has("basis") and a.has("vrij")
            and tokens[k - 1].pos == "LID" and _low(tokens[k - 1]) == "een")


def _free_after_determiner(tokens: list[FrogToken], k: int, j: int) -> bool:
    """An adjective in its base form that Frog read as free (adverbial) right between "de"/"het", a
    demonstrative or an inflected adjective and its noun ("de mogelijk oplossingen", "eventuele
    mogelijk therapieën"): no adverb stands there, so it describes the noun."""
    a = tokens[k]
    if k != j - 1 or k == 0 or not ((a.pos == "ADJ" and a.has("basis")) or (a.pos == "WW" and a.has("vd"))):
        return False
    det = tokens[k - 1]
    return ((det.pos == "LID" and det.has("bep")) or (det.pos == "VNW" and det.has("aanw") and det.has("det"))
            or (det.pos == "ADJ" and det.has("prenom") and det.has("met-e"))  # "eventuele mogelijk therapieën"
            or (det.pos == "VZ" and _plural_noun(tokens, j)))  # "bij herhaald miskramen"


def _bracketed_adjective(tokens: list[FrogToken], j: int) -> tuple[int, int]:
    """The adjective before the noun at ``j`` and the index of the word before it; brackets around
    the adjective do not change its ending ("een (herhaald) miskraam" -> herhaalde)."""
    if j >= 3 and tokens[j - 1].word == ")" and tokens[j - 3].word == "(" and tokens[j - 2].pos in ("ADJ", "WW"):
        return j - 2, j - 4
    return j - 1, j - 2


def _attributive_before_plural(tokens: list[FrogToken], k: int) -> bool:
    """Frog reads the adjective at ``k`` as attributive (prenom) before a plural noun, and no
    quantifier or verb that could make it an adverb stands right before it: an adjective before a
    plural takes its -e after any opener ("volgens Vlaamse onderzoekers", "of ernstige problemen")."""
    a = tokens[k]
    if a.pos != "ADJ" or not a.has("prenom") or not a.has("basis"):
        return False
    prev = tokens[k - 1] if k else None
    return prev is None or not (_low(prev) in _data()["quantifiers"] or prev.pos in ("WW", "TW")
                                or (prev.pos == "VNW" and not prev.has("det")))


def _participle_before_plural(tokens: list[FrogToken], k: int) -> bool:
    """A past participle right before a plural noun whose finite verb closes the clause ("als een
    vrouw herhaald bloedingen heeft"): the verb cluster stands at the end, so the participle
    describes the noun and takes the -e. A participle on -en has no other form."""
    a = tokens[k]
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    end = tokens[k + 3] if k + 3 < len(tokens) else None
    return (a.pos == "WW" and a.has("vd") and not _low(a).endswith("en") and after is not None
            and after.tag.startswith("WW(pv") and (end is None or end.pos == "LET"))


def _opening_participle(tokens: list[FrogToken], k: int) -> bool:
    """A past participle that opens the sentence or a list item, alone or right after the finite verb
    that opens it, before a plural noun ("herhaald miskramen of vroeggeboorte", "Komen herhaald
    miskramen voor"): no subject or verb cluster stands before it that it could close, so it describes
    the noun and takes the -e. A participle on -en has no other form; one before an infinitive is left
    to the caller ("Gericht vragen stellen"), and so is one before a plural that an infinitive with a
    finite verb after it takes as its object ("Gericht oefeningen doen helpt": an adverb)."""
    a = tokens[k]
    if a.pos != "WW" or not a.has("vd") or _low(a).endswith("en") or not _plural_noun(tokens, k + 1) \
            or _object_of_infinitive_subject(tokens, k + 1):
        return False
    opening = [t for t in tokens[:k] if t.pos != "LET"]
    return not opening or (len(opening) == 1 and opening[0].tag.startswith("WW(pv") and opening[0] is tokens[k - 1])


def _object_of_infinitive_subject(tokens: list[FrogToken], j: int) -> bool:
    """The noun at ``j`` stands before an infinitive (Frog may read it as a plural verb) right before a
    singular finite verb: the infinitive group is the subject and the noun its object ("oefeningen
    doen helpt")."""
    if j + 2 >= len(tokens) or not tokens[j + 1].tag.startswith(("WW(inf", "WW(pv,tgw,mv")):
        return False
    verb = tokens[j + 2]
    return verb.tag.startswith("WW(pv") and (verb.has("ev") or verb.has("met-t"))


def _proper_adjective(tokens: list[FrogToken], k: int, g: str) -> bool:
    """A capitalised adjective inside a sentence before a plural noun in lower case ("volgens Vlaams
    onderzoekers"): an adjective of a place or a people (the dictionary knows it only with its
    capital), not a word of a title in capitals or of a name ("bij Puur verloskundigen")."""
    prev, a = tokens[k - 1] if k else None, tokens[k]
    return (g == "mv" and prev is not None and prev.word[:1].islower() and a.pos == "ADJ"
            and tokens[k + 1].word.islower() and _dictionary_word(a.word) and not _dictionary_word(_low(a)))


def _before_name(tokens: list[FrogToken], j: int) -> bool:
    """Is the noun at ``j`` followed by a name (a capital that is not a sentence start)?"""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is not None and nxt.word[:1].isupper() and (nxt.has("eigen") or nxt.pos == "SPEC")


def _plural_noun(tokens: list[FrogToken], j: int) -> bool:
    """A common plural noun at ``j`` that heads its phrase (not the first part of a compound
    written apart)."""
    t = tokens[j]
    if t.pos != "N" or not t.has("soort") or not t.has("mv") or not t.word[:1].islower() or _singular_head(_low(t)):
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is None or (nxt.pos != "N" and nxt.word not in ("-", "/"))


@lru_cache(maxsize=20_000)
def _singular_head(word: str) -> bool:
    """A compound the lexicon does not know whose last part is a singular noun it knows with its
    article ("delingsproces": proces): Frog's guess of a plural from the -s is wrong."""
    if lexicon.tags(word):
        return False
    return any(lexicon.tags(word[k:]) & {"de", "het"} for k in range(1, len(word) - 3))


def _adjective_read_as_verb(tokens: list[FrogToken], k: int) -> bool:
    """Between an article and its noun, a word Frog read as a finite verb that is also an
    adjective ("een vroeg miskraam")."""
    t = tokens[k]
    return (k > 0 and t.pos == "WW" and t.has("pv") and "adj" in lexicon.tags(_low(t))
            and tokens[k - 1].pos == "LID" and tokens[k + 1].pos == "N")


def _superlative_determiner(tokens: list[FrogToken], k: int) -> bool:
    """"de meest vrouwen": "meest"/"minst" right after "de" before a plural noun (meeste)."""
    return _low(tokens[k]) in ("meest", "minst") and k > 0 and _low(tokens[k - 1]) == "de"


def _ending_finding(a: FrogToken, noun: FrogToken, want_e: bool) -> AgreementFinding | None:
    fix = inflected(a.word) if want_e else uninflected(a.word, (a.lemma or "").lower() if a.pos == "ADJ" else "")
    if not fix:
        return None
    return AgreementFinding(a.start, a.end, a.word, fix, "adjective",
                            _("before '{noun}' write '{fix}'").format(noun=noun.word, fix=fix))


_BARE_OPENERS = frozenset(",:;(•–—")


def bare_adjective(tokens: list[FrogToken], j: int) -> AgreementFinding | None:
    """An adjective without -e and without an article before a singular de-word, that Frog read as
    an adverb for want of the -e: after a preposition or opening a phrase after a comma ("ook wel
    medisch ingreep genoemd" -> medische). Adjectives that mostly stand as adverbs are left alone
    ("direct hulp zoeken")."""
    if j == 0 or _singular_noun(tokens, j) != "de" or _before_name(tokens, j):
        return None
    a = tokens[j - 1]
    low = _low(a)
    if a.pos not in ("ADJ", "WW") or not (a.has("vrij") or a.has("prenom")) or not a.word.isalpha() \
            or low.endswith(("e", "en")) or (a.word[:1].isupper() and j - 1 > 0) or _title(low, tokens[j].word):
        return None
    if low in _data()["invariable_adjectives"] or low in _words("adverbial_adjectives") or low in _ORDINALS:
        return None
    k = j - 2
    while k >= 0 and tokens[k].pos in ("ADJ", "BW") and _low(tokens[k]) not in _data()["quantifiers"]:
        k -= 1
    opener = tokens[k] if k >= 0 else None
    if opener is not None and _low(opener) == "om" and any(_low(x) == "te" for x in tokens[j + 1:]):
        return None  # "om echt zekerheid te hebben": "om" opens a clause, the adjective may be an adverb
    if _fronted_subject(tokens, j):
        return _ending_finding(a, tokens[j], True)
    if opener is None or not ((opener.pos == "VZ" and _low(opener) != "te")
                              or (opener.pos == "LET" and opener.word in _BARE_OPENERS and k > 0
                                  and tokens[k - 1].pos == "N") or _object_after_verb(tokens, k, j)):
        return None
    return _ending_finding(a, tokens[j], True)


def _fronted_subject(tokens: list[FrogToken], j: int) -> bool:
    """"Normaal kramp is geen reden tot zorg": an adjective that opens the sentence, its noun and
    then the finite verb. Only one part of a sentence stands before its finite verb, so the
    adjective belongs to the noun (an adverb would have the verb right after it: "Normaal is ...").
    So does one that makes a title with its noun alone ("Herhaald miskraam")."""
    a = tokens[j - 1]
    rest = tokens[j + 1:]
    verb_next = bool(rest) and rest[0].pos == "WW" and rest[0].has("pv")
    title = all(t.pos == "LET" for t in rest)  # "Normaal kramp", "Herhaald miskraam": a title of two words
    return (all(t.pos == "LET" for t in tokens[:j - 1]) and (verb_next or title)
            and (a.pos == "ADJ" or (a.pos == "WW" and a.has("vd"))) and _low(a) not in _words("noun_taking_adjectives"))


def _object_after_verb(tokens: list[FrogToken], k: int, j: int) -> bool:
    """"het verlies heeft ook emotioneel impact": after a finite verb an adjective of relation
    ("emotioneel", "psychisch", "professioneel") before a noun that ends the phrase describes the
    noun, not the verb; adverbs of manner ("heeft vaak last", "heeft natuurlijk invloed") do not
    have those endings. Before "te" the noun is the object of the infinitive, which the adjective
    may describe ("u dient formeel toestemming te geven")."""
    v = tokens[k] if k >= 0 else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return (v is not None and v.tag.startswith("WW(pv") and _low(tokens[j - 1]).endswith(_after_verb_endings())
            and (after is None or after.pos in ("LET", "VZ", "VG")) and not (after and _low(after) == "te"))


def _after_verb_endings() -> tuple[str, ...]:
    return tuple(_data().get("bare_after_verb_endings", ()))


# adjectives of relation or manner ("internationaal", "medisch", "wettelijk", "vaginaal"): before a
# past participle that describes a noun they say how, so they take no -e ("internationaal vastgestelde
# criteria", "medisch geschoold personeel")
_ADVERBIAL_ENDINGS = ("ale", "ele", "ische", "lijke", "ieve")
_RELATION_E = ("ische", "ele", "ale", "iele", "aire")


def _adverbial_ending(word: str) -> bool:
    return word.endswith(_ADVERBIAL_ENDINGS) and len(word) > 6


def degree_modifier(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """An inflected word of degree or manner before another inflected adjective or a participle and
    its noun: it says how, so it takes no -e ("een hele kleine kans" -> heel, "een relatieve
    kleine kans" -> relatief, "internationale vastgestelde criteria" -> internationaal). After a
    definite article "hele" is "whole" ("de hele eerste week") and stays."""
    if i + 2 >= len(tokens):
        return None
    if tokens[i + 1].word in _QUOTE_MARKS:  # "een relatieve 'veilige' plek": read past the quotes
        unquoted = [t for t in tokens if t.word not in _QUOTE_MARKS or t is tokens[i]]
        return degree_modifier(unquoted, unquoted.index(tokens[i]))
    a, b = tokens[i], tokens[i + 1]
    low = _low(a)
    if a.pos != "ADJ" or not a.has("prenom") or not low.endswith("e") or not a.word.isalpha() \
            or _noun_after(tokens, i) is None:
        return None
    lemma = (a.lemma or "").lower()
    if lemma in _words("degree_words"):
        if not (b.pos == "ADJ" and b.has("prenom") and _low(b).endswith("e")) or _low(b).endswith(_RELATION_E) \
                or _low(b) in _ORDINALS or (lemma in _words("degree_words_indefinite_only")
                                            and _phrase_kind(tokens, i - 1) == "definite"):
            return None
    elif not (_adverbial_ending(low) and b.pos == "WW" and b.has("vd") and b.has("prenom")
              and tokens[i + 2].pos == "N"):
        return None
    fix = uninflected(a.word, lemma)
    if not fix:
        return None
    return AgreementFinding(a.start, a.end, a.word, fix, "adjective",
                            _("before '{next}' write '{fix}'").format(next=b.word, fix=fix))


_QUOTE_MARKS = frozenset("'‘’\"“”„")


def adverb_ending(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """An adjective with -e before a participle of viewing that makes it an adverb ("dit is
    medische gezien geen probleem" -> medisch gezien, "strikte genomen" -> strikt): an adverb takes no -e.
    After an article the word is a noun ("de zieke wordt opgenomen"); before a finite verb it may
    stand for a noun named before ("late zijn dat minder"), so only these participles count."""
    if i + 1 >= len(tokens):
        return None
    a, nxt = tokens[i], tokens[i + 1]
    low = _low(a)
    if a.pos != "ADJ" or not a.has("met-e") or not a.word.isalpha() or low in _ORDINALS \
            or (a.word[:1].isupper() and i > 0):
        return None
    if nxt.pos != "WW" or nxt.has("prenom") or _low(nxt) not in _words("viewpoint_participles"):
        return None
    prev = tokens[i - 1] if i else None
    if prev is not None and (prev.pos in ("LID", "TW", "ADJ") or (prev.pos == "VNW" and prev.has("det"))
                             or _low(prev) in _data()["quantifiers"]):
        return None
    fix = uninflected(a.word, (a.lemma or "").lower())
    if not fix:
        return None
    return AgreementFinding(a.start, a.end, a.word, fix, "adjective",
                            _("'{word}' says how; without a noun it has no -e: '{fix}'").format(word=a.word, fix=fix))


def pronoun_for_verb(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A pronoun that closes a clause where the infinitive of its modal belongs, after an adjective
    or "te" ("zo'n uitslag kan best moeilijk zij" -> zijn, "om gelukkig te zij"): a modal with no
    infinitive after it, and no subject ends a clause after an adjective. "Dat kunnen alleen
    zij" keeps its pronoun (an adverb before it)."""
    t = tokens[i]
    fix = _data().get("pronoun_for_verb", {}).get(_low(t))
    if fix is None or t.pos != "VNW" or i < 2 or (i + 1 < len(tokens) and tokens[i + 1].pos != "LET"):
        return None
    prev = tokens[i - 1]
    if not (prev.pos == "ADJ" or prev.tag.startswith("WW(vd") or _low(prev) == "te"):
        return None
    if _low(prev) != "te" and not _modal_without_infinitive(tokens, i):
        return None
    fix = _case(t.word, fix)
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("a verb belongs here, not the pronoun '{word}': '{fix}'").format(word=t.word, fix=fix))


def verb_for_pronoun(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A verb form written where the pronoun of the same sound belongs, right before a finite verb
    ("Zei is zwanger" -> Zij): two finite verbs never stand side by side."""
    t = tokens[i]
    fix = _data().get("verb_for_pronoun", {}).get(_low(t))
    if fix is None or t.pos != "WW" or i + 1 >= len(tokens) or not tokens[i + 1].tag.startswith("WW(pv"):
        return None
    fix = _case(t.word, fix)
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("a pronoun belongs here, not the verb '{word}': '{fix}'").format(word=t.word, fix=fix))


def _modal_without_infinitive(tokens: list[FrogToken], i: int) -> bool:
    """A finite modal earlier in the clause of ``i``, with no infinitive between it and ``i``."""
    for x in reversed(tokens[:i]):
        if x.pos == "LET" or (x.pos == "VG" and x.has("onder")):
            return False
        if x.pos == "WW" and x.has("inf"):
            return False
        if x.tag.startswith("WW(pv") and _low(x) in _data()["modals"]:
            return True
    return False


def superlative_without_article(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A preposition before "meest"/"minst" that stands alone (no noun or adjective after it), where
    the article of the superlative belongs ("treedt dit met meest op?" -> het meest): the preposition
    has no object there."""
    t, prep = tokens[i], tokens[i - 1] if i else None
    if _low(t) not in ("meest", "minst") or not t.has("sup") or prep is None or prep.pos != "VZ" \
            or not prep.has("init") or not prep.word.islower():
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and not (nxt.pos == "LET" or (nxt.pos == "VZ" and nxt.has("fin"))
                                or (nxt.pos == "WW" and not nxt.has("prenom"))):
        return None
    fix = f"het {_low(t)}"
    return AgreementFinding(prep.start, t.end, f"{prep.word} {t.word}", fix, "word-class",
                            _("'{word}' has no object here; the superlative takes its article: '{fix}'").format(
                                word=prep.word, fix=fix))


def predicate_ending(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """An adjective with -e that closes its clause after a linking verb, with only adverbs between:
    it says something of the subject and takes no -e ("Het bloedverlies is meestal hevige" ->
    hevig, "je voelt je verdrietige"). After an article it stands for a noun ("Het is een lastige",
    "Dat is het beste"), and after "ook", "en" or a comma for a noun named before ("ook rauwe")."""
    a = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if a.pos != "ADJ" or not a.has("met-e") or a.has("nom") or not a.word.isalpha() or a.has("sup") \
            or (nxt is not None and nxt.pos != "LET"):
        return None
    k = i - 1
    while k >= 0 and (tokens[k].pos == "BW" and _low(tokens[k]) != "ook"
                      or (tokens[k].pos == "VNW" and tokens[k].has("refl") or _low(tokens[k]) in ("je", "me", "zich"))):
        k -= 1
    if k < 0 or not tokens[k].tag.startswith("WW(pv") or (tokens[k].lemma or "").lower() not in _words("linking_verbs"):
        return None
    fix = uninflected(a.word, (a.lemma or "").lower())
    if not fix:
        return None
    return AgreementFinding(a.start, a.end, a.word, fix, "adjective",
                            _("after '{verb}' the adjective says something of the subject and has no -e: '{fix}'")
                            .format(verb=tokens[k].word, fix=fix))


def te_infinitive(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"te" where the verb before it takes a bare infinitive ("Je kunt te bellen" -> bellen), and a
    bare infinitive after a finite "hoeven", which takes "te" ("Je hoeft niet bellen" -> te bellen).
    The infinitive depends on the last verb of its cluster: "je kunt te maken krijgen" and "je moet
    het te weten komen" keep their "te"; so does "te" after a preposition ("om te bellen")."""
    t = tokens[i]
    if t.tag.startswith("WW(pv") and (t.lemma or "").lower() in _words("te_verbs"):
        k = _next_verb(tokens, i)
        if k is None or not tokens[k].tag.startswith("WW(inf") or _low(tokens[k - 1]) == "te" \
                or _next_verb(tokens, k) is not None:
            return None
        v = tokens[k]
        return AgreementFinding(v.start, v.end, v.word, f"te {v.word}", "word-class",
                                _("after '{verb}' the infinitive takes 'te': 'te {word}'").format(
                                    verb=t.word, word=v.word))
    if _low(t) != "te" or t.pos != "VZ" or i == 0 or i + 1 >= len(tokens) or not tokens[i + 1].tag.startswith("WW(inf"):
        return None
    if tokens[i - 1].pos == "VZ" or _next_verb(tokens, i + 1) is not None:
        return None
    k = i - 1
    while k >= 0 and tokens[k].pos not in ("LET", "VG", "WW"):
        k -= 1
    if k < 0 or not tokens[k].tag.startswith("WW(pv") or _low(tokens[k]) not in _words("modals_without_te"):
        return None
    if any(_low(x) == "om" and tokens[m - 1].pos in ("N", "ADJ") for m, x in enumerate(tokens[k + 1:i], k + 1)):
        return None  # "het kan geen kwaad om een test te doen": "te" belongs to "om" after its noun
    v = tokens[i + 1]
    return AgreementFinding(t.start, v.end, f"{t.word} {v.word}", v.word, "word-class",
                            _("after '{verb}' the infinitive has no 'te': '{word}'").format(
                                verb=tokens[k].word, word=v.word))


def _next_verb(tokens: list[FrogToken], i: int) -> int | None:
    """The next verb after ``i`` in its clause (up to punctuation or a conjunction)."""
    for k in range(i + 1, len(tokens)):
        if tokens[k].pos in ("LET", "VG"):
            return None
        if tokens[k].pos == "WW":
            return k
    return None


def noun_slot(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A word of another class standing where a noun belongs: an adjective that sounds like a noun
    after "ter" or before "van" ("ter grote van" -> grootte), or an adverb after a preposition
    before "van" ("bij grotendeels van de zwangeren" -> het grootste deel)."""
    if i == 0 or i + 1 >= len(tokens):
        return None
    t, low = tokens[i], _low(tokens[i])
    nxt_van = _low(tokens[i + 1]) == "van"
    adverb = _data().get("adverb_for_noun", {}).get(low)
    if adverb is not None and tokens[i - 1].pos == "VZ" and nxt_van:
        message = _("'{word}' is an adverb; a noun belongs here: '{fix}'?").format(word=t.word, fix=adverb)
        return AgreementFinding(t.start, t.end, t.word, adverb, "word-class", message)
    fix = _data().get("noun_slot_confusions", {}).get(low)
    if fix is None:
        return None
    if _low(tokens[i - 1]) != "ter":
        j = i - 1
        while j >= 0 and tokens[j].pos == "ADJ":
            j -= 1
        if j == i - 1 or j < 0 or tokens[j].pos not in ("LID", "VNW") or not nxt_van:
            return None
    return AgreementFinding(t.start, t.end, t.word, _case(t.word, fix), "word-class",
                            _("'{word}' is an adjective; a noun belongs here: '{fix}'?").format(word=t.word, fix=fix))


def acting_participle(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A past participle before a carer, where the carer acts ("de behandeld gynaecoloog" -> behandelend)."""
    t = tokens[i]
    fix = _data().get("acting_participles", {}).get(_low(t))
    if fix is None or i + 1 >= len(tokens) or t.pos != "WW" or tokens[i + 1].pos != "N":
        return None
    if not _low(tokens[i + 1]).endswith(tuple(_data()["profession_endings"])):
        return None
    return AgreementFinding(t.start, t.end, t.word, _case(t.word, fix), "word-class",
                            _("the {noun} is the one acting: '{fix} {noun}'").format(noun=tokens[i + 1].word, fix=fix))


def conjunction_for_preposition(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A preposition before a clause opened by "dat", where a conjunction belongs ("tijdens dat ze
    ongesteld was" -> terwijl; "na dat" -> nadat). Not after er/daar/hier, whose preposition
    stands apart ("zorg er voor dat je drinkt"), not before the pronoun "dat" ("na dat onderzoek"), and
    not when it is the separated part of the clause's verb ("het komt voor dat" is voorkomen)."""
    t = tokens[i]
    fix = _data().get("conjunction_for_preposition", {}).get(_low(t))
    if fix is None or t.pos != "VZ" or i + 2 >= len(tokens):
        return None
    that, after = tokens[i + 1], tokens[i + 2]
    if _low(that) != "dat" or that.pos != "VG":
        return None
    if not (after.pos == "LID" or (after.pos == "VNW" and (after.has("pers") or after.has("adv-pron")))
            or after.has("eigen")):
        return None
    if lexicon.count("er" + _low(t)) and any(_low(x) in ("er", "daar", "hier", "waar") for x in tokens[:i]):
        return None  # "ervoor", "erop": the preposition may belong to an "er" before it
    if particle_of_verb_before(tokens, i):
        return None
    fix = _case(t.word, fix)
    return AgreementFinding(t.start, that.end, f"{t.word} {that.word}", fix, "word-class",
                            _("'{word}' is a preposition; before a clause write '{fix}'").format(word=t.word, fix=fix))


def verb_for_noun(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A verb form right after an article (or after its adjectives), where a noun belongs."""
    t = tokens[i]
    if _low(t) not in _WORD_CLASS_DETS or t.pos not in ("LID", "VNW"):
        return None
    if _low(t) == "deze" and not (i and tokens[i - 1].pos == "VZ"):
        return None  # "medicatie; deze wekken de miskraam op": the pronoun before its verb
    if one_as_pronoun(tokens, i):
        return None  # "De een bloedt wat meer, de ander minder"
    j = i + 1
    while j < len(tokens) and _prenominal(tokens[j]):
        j += 1
    if j >= len(tokens):
        return None
    v = tokens[j]
    tags = lexicon.tags(_low(v))
    if v.pos != "WW" or v.has("prenom") or not v.word.isalpha() or not v.word[:1].islower() \
            or not tags & _VERB_FORMS or tags & {"n", "adj"}:
        return None
    fix = _noun_nearby(_low(v))
    if fix is None:
        return None
    return AgreementFinding(v.start, v.end, v.word, fix, "word-class",
                            _("'{word}' is a verb; a noun belongs here: '{fix}'?").format(word=v.word, fix=fix))


def noun_for_infinitive(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A noun right after a modal verb (adverbs between or not) that closes the clause, where a far more
    frequent infinitive is one typical Dutch slip away ("Dat wil zegen dat" -> zeggen); not after a
    determiner ("ze wil de zegen")."""
    t = tokens[i]
    if t.pos != "WW" or not t.has("pv") or _low(t) not in _data()["modals"]:
        return None
    j = i + 1
    while j < len(tokens) and tokens[j].pos == "BW":
        j += 1
    if j >= len(tokens) or tokens[j].pos != "N" or not tokens[j].word.islower():
        return None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and not (nxt.pos == "LET" or (nxt.pos == "VG" and nxt.has("onder"))):
        return None
    fix = _infinitive_nearby(_low(tokens[j]))
    if fix is None:
        return None
    v = tokens[j]
    return AgreementFinding(v.start, v.end, v.word, fix, "word-class",
                            _("'{word}' is a noun; after '{modal}' a verb belongs here: '{fix}'?").format(
                                word=v.word, modal=t.word, fix=fix))


def _infinitive_nearby(word: str) -> str | None:
    """A frequent infinitive one typical Dutch slip away ("zegen" -> "zeggen")."""
    return _nearby(word, "inf")


def _noun_nearby(word: str) -> str | None:
    """A frequent noun one typical Dutch slip away ("wekken" -> "weken")."""
    return _nearby(word, "n")


@lru_cache(maxsize=40_000)
def _nearby(word: str, tag: str) -> str | None:
    """The most frequent word with ``tag`` one typical Dutch slip away from ``word``, far more common
    than ``word`` itself ("deze worden" is the pronoun, not a slip of a noun)."""
    from pipeline.language.spelling import dutch_edits

    best, best_n = None, max(19, 3 * lexicon.count(word))
    for c in dutch_edits(word):
        n = lexicon.count(c)
        if c != word and n > best_n and tag in lexicon.tags(c):
            best, best_n = c, n
    return best


def verb_cluster(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"kan worden tegenhouden": next to "worden" after a modal, a participle belongs."""
    if _low(tokens[i]) != "worden":
        return None
    modals = _data()["modals"]
    if not any(_low(t) in modals and t.pos == "WW" for t in tokens[:i]):
        return None
    for k in (i + 1, i - 1):
        if not 0 <= k < len(tokens) or (k == i - 1 and _subject_after(tokens, i)):
            continue  # "omdat de nieren gaan werken worden de enkels dikker": worden opens the main clause
        v = tokens[k]
        low = _low(v)
        if v.pos != "WW" or low in modals or low in ("worden", "zijn", "hebben", "laten", "blijven") \
                or (k and _low(tokens[k - 1]) == "te") or "vd" in lexicon.tags(low):
            continue
        if not (v.has("inf") or v.has("pv")):
            continue
        fix = participle(low)
        # a -t for the -d of the participle after "worden" is grammar.dt's ("kan worden vergoedt")
        if fix and not (k == i + 1 and fix in (low[:-1] + "d", low[:-1])):
            return AgreementFinding(v.start, v.end, v.word, fix, "verb-cluster",
                                    _("with '{aux}' the participle belongs here: '{fix}'").format(
                                        aux=tokens[i].word, fix=fix))
    return None


def _subject_after(tokens: list[FrogToken], i: int) -> bool:
    """A subject right after the finite verb at ``i``: an article, or a subject pronoun."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and (nxt.pos == "LID" or (nxt.pos == "VNW" and nxt.has("nomin")))


def doubled_verb(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """The same finite verb twice in one main clause, with only a phrase and no other verb between ("Onderzoek is bij
    twee miskramen is aangewezen"): a clause has one finite verb. Not after a conjunction, relative
    or question word (the first verb may end a clause of its own: "of het erg is is de vraag"), not
    across punctuation or a line break, and not right after each other (a doubled word)."""
    t = tokens[i]
    if not t.tag.startswith("WW(pv") or not t.word[:1].islower():
        return None
    k = i - 1
    while k >= 0 and not (tokens[k].tag.startswith("WW(pv") and _low(tokens[k]) == _low(t)):
        if _clause_boundary(tokens, k):
            return None
        k -= 1
    if k < 1 or k == i - 1 or _opens_clause_before(tokens, k):
        return None
    if [_low(x) for x in tokens[k:i]] == [_low(x) for x in tokens[i:2 * i - k]]:
        return None  # "kunnen verschillen kunnen verschillen": a doubled word group, structure.repeated-text
    return AgreementFinding(t.start, t.end, t.word, None, "doubled-verb",
                            _("'{verb}' stands twice in this sentence; one is enough").format(verb=t.word))


def doubled_adverb(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """An adverb of focus or frequency that a clause takes once, twice in one clause ("waardoor ook
    de behoefte aan steun ook toeneemt"; ``doubled_adverbs``). A verb between may stay (the clause
    goes on around it); punctuation, a conjunction, a relative or question word end the search, and
    so does "om" when the second stands in its clause before "te"; side by side it is a doubled word
    (structure.repeated-text)."""
    t = tokens[i]
    word = _low(t)
    if word not in _words("doubled_adverbs") or t.pos not in ("BW", "ADJ") or _low(tokens[i - 1]) == word \
            or _conjunctive_adverb(tokens, i):
        return None
    for k in range(i - 1, -1, -1):
        x = tokens[k]
        if x.pos in ("LET", "VG") or x.has("betr") or x.has("vb") or _low(x) in _RELATIVE_WORDS:
            return None
        if _low(x) == "om" and "te" not in [_low(y) for y in tokens[k:i]]:
            return None  # "Ook nu kun je om ook later te bellen": the second opens a clause with "om ... te"
        if _low(x) == word and x.pos in ("BW", "ADJ"):
            if _conjunctive_adverb(tokens, k) or _in_infinitive_clause(tokens, k, i):
                return None
            return AgreementFinding(t.start, t.end, t.word, None, "doubled-adverb",
                                    _("'{verb}' stands twice in this sentence; one is enough").format(verb=t.word))
    return None


def _conjunctive_adverb(tokens: list[FrogToken], i: int) -> bool:
    """"ook al", "ook maar": with the word after it the adverb makes a conjunction or a fixed phrase."""
    return _low(tokens[i]) == "ook" and i + 1 < len(tokens) and _low(tokens[i + 1]) in ("al", "maar")


_INFINITIVE_OPENERS = frozenset({"door", "na", "zonder", "om", "voor", "bij"})


def _in_infinitive_clause(tokens: list[FrogToken], k: int, i: int) -> bool:
    """The first adverb at ``k`` stands in a clause with "te" that a preposition opens and that closes
    before the second ("Door vaak kleine porties te eten heb je minder vaak last")."""
    opened = any(_low(tokens[m]) in _INFINITIVE_OPENERS and tokens[m].pos == "VZ" for m in range(k))
    closed = any(_low(tokens[m]) == "te" and tokens[m + 1].pos == "WW" for m in range(k + 1, i - 1))
    return opened and closed


def _opens_clause_before(tokens: list[FrogToken], k: int) -> bool:
    """A conjunction, relative or question word before the verb at ``k`` in its stretch of the
    sentence (up to punctuation): then that verb may end a clause of its own."""
    for m in range(k - 1, -1, -1):
        t = tokens[m]
        if t.pos == "LET":
            return False
        if t.pos == "VG" or t.has("betr") or t.has("vb") or _low(t) in _RELATIVE_WORDS:
            return True
    return False


def _clause_boundary(tokens: list[FrogToken], k: int) -> bool:
    """Punctuation, a conjunction (but "dan" before a number), a relative or question word, another
    verb ("te wachten tot het over is") or a capital that starts a new sentence without a full stop."""
    t = tokens[k]
    if t.pos in ("LET", "WW") or t.has("betr") or t.has("vb") or _low(t) in _RELATIVE_WORDS:
        return True
    if _low(t) in ("dat", "die") and k and tokens[k - 1].pos == "N":
        return True  # "een instrument dat is ontworpen": a relative clause after its noun
    if t.word[:1].isupper() and k and not t.has("eigen") and t.pos != "SPEC":
        return True
    if t.pos == "VG":  # "meer dan twee miskramen": a comparison with a number is no clause
        return not (_low(t) == "dan" and k + 1 < len(tokens) and tokens[k + 1].pos == "TW")
    return False


_RELATIVE_WORDS = frozenset("""wat wie waar waarom hoe wanneer waardoor waarbij waarin waarmee waarna waarop
    waarvan waaruit waarover waartoe waarvoor waaraan waarnaar""".split())


def relative_pronoun(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """die/dat right after the singular noun it refers to, of the other gender ("het weefsel die
    achterblijft" -> dat, "de pijn dat blijft" -> die). "dat" only before its verb, where it cannot
    be the conjunction of "de kans dat het lukt"; "die" not as a determiner ("het kind die pillen")
    and not after a noun in a prepositional phrase, which may describe the noun before it ("een echo
    van het hartje die laat zien ..."), and not when no finite verb follows before the clause ends: a
    relative clause has one ("het kind redt die niet": "die" is the object, a demonstrative)."""
    t, w = tokens[i], _low(tokens[i])
    if w not in ("die", "dat") or i + 1 >= len(tokens) or t.pos not in ("VNW", "VG") \
            or not (i >= 2 or (i == 1 and tokens[0].pos == "N")):
        return None  # (a bare noun may open a list item: "• keelpijn dat aanhoudt")
    n = _antecedent(tokens, i)
    g = _singular_noun(tokens, n) if n is not None else None
    nxt = tokens[i + 1]
    if g is None or (g == "het") == (w == "dat") or (_in_prepositional_phrase(tokens, n)
                                                     and not _phrase_after_verb(tokens, n, w)):
        return None
    if n < i - 1 and tokens[i - 1].word != "," and (w == "dat" or nxt.pos in ("N", "LID") or _prenominal(nxt)):
        return None  # after a verb "dat" is the conjunction ("de arts vertellen dat ..."), "die" may open a phrase
    if w == "dat" and tokens[i - 1].word != "," and not (nxt.tag.startswith("WW(pv") or _subjectless_clause(tokens, n, i)):
        return None
    if w == "die" and (t.has("det") or nxt.pos == "N" or _prenominal(nxt)):
        return None
    if not _finite_verb_follows(tokens, i) or _object_of_subordinate(tokens, n, i):
        return None
    if n >= 1 and tokens[n - 1].pos == "N" and tokens[n - 1].has("mv"):
        return None  # "de dagen bevallingsverlof die je opneemt": the plural before it is what "die" names
    fix = "dat" if g == "het" else "die"
    return AgreementFinding(t.start, t.end, t.word, fix, "relative",
                            _("'{noun}' is a {gender}-word: '{noun} {fix}'").format(
                                noun=tokens[n].word, gender=g, fix=fix))


# conjunctions that open a subordinate clause, whatever tag Frog gives them ("als" is read as a preposition too)
_SUBORDINATORS = frozenset("als wanneer omdat zodra indien tenzij nadat voordat terwijl".split())


def _read_as_preposition(tokens: list[FrogToken], k: int) -> bool:
    """A conjunction Frog read as a preposition before a definite subject ("gebeuren als uw arts dat
    nuttig vindt"); before "een" "als" names a role ("geldt als een gebeurtenis dat ...")."""
    return _low(tokens[k]) in _SUBORDINATORS and k + 1 < len(tokens) and _low(tokens[k + 1]) != "een"


def _object_of_subordinate(tokens: list[FrogToken], n: int, i: int) -> bool:
    """"als uw arts dat nodig vindt": the noun opens a subordinate clause right after its conjunction
    and the first finite verb after the pronoun closes that clause: that verb is the clause's own, so
    the pronoun is its object, not a relative (which would leave the clause without a verb). When
    a comma follows that verb and the next part ends on a finite verb of its own ("als het vruchtje
    die te zien is, niet groeit, ..."), the comma closed a relative clause: no object."""
    k = n - 1
    while k >= 0 and (_prenominal(tokens[k]) or tokens[k].pos in ("LID", "ADJ") or
                      (tokens[k].pos == "VNW" and tokens[k].has("det"))):
        k -= 1
    if k < 0 or not ((tokens[k].pos == "VG" and tokens[k].has("onder")) or _read_as_preposition(tokens, k)):
        return False
    v = next((m for m in range(i + 1, len(tokens)) if tokens[m].tag.startswith("WW(pv")), None)
    if v is None or _verb_final_part_follows(tokens, v + 1):
        return False
    return v + 1 == len(tokens) or tokens[v + 1].pos == "LET" or tokens[v + 1].has("neven")


def _verb_final_part_follows(tokens: list[FrogToken], c: int) -> bool:
    """After the comma at ``c``, a part up to the next comma that opens with neither its finite verb
    nor a conjunction but ends on a finite verb ("..., niet groeit, volgt ..."): the rest of a
    subordinate clause."""
    if c >= len(tokens) or tokens[c].word != ",":
        return False
    end = next((m for m in range(c + 1, len(tokens)) if tokens[m].word == ","), None)
    part = tokens[c + 1:end]
    if len(part) < 2 or part[0].tag.startswith("WW(pv") or part[0].pos == "VG":
        return False
    return end is not None and part[-1].tag.startswith("WW(pv")


_RESULT_WORDS = frozenset("zo zo'n zo’n zulk zulke zodanig zodanige dusdanig dusdanige zoveel zoveel".split())


def _subjectless_clause(tokens: list[FrogToken], n: int, i: int) -> bool:
    """"een zware ervaring dat aandacht verdient": after a singular de-word, "dat"
    opens a clause with no subject of its own before its finite verb (only a bare noun, adverbs
    and adjectives), so "dat" is that clause's subject, a relative pronoun. A noun that takes a
    clause ("de kans dat hulp komt") or names a time ("de dag dat") keeps its conjunction, and so
    does a noun after a verb of saying ("hoort de vrouw dat ..."), after zo'n/zulke ("zo'n pijn dat")."""
    if _prepositions_and_verb(tokens, i):
        return True  # "een manier dat bij je past": no subject but "dat", whatever the noun
    if _low(tokens[n]) in _words("clause_nouns") or _low(tokens[n]).endswith(tuple(_words("clause_nouns"))):
        return False
    k = n - 1
    while k >= 0 and (tokens[k].pos in ("ADJ", "TW", "BW") or _prenominal(tokens[k])):
        k -= 1
    if any(_low(x) in _RESULT_WORDS for x in tokens[max(0, k - 1):n]):
        return False
    verb = tokens[k - 1] if k > 0 and tokens[k].pos in ("LID", "VNW") else tokens[k] if k >= 0 else None
    if verb is not None and verb.tag.startswith("WW(pv") and verb.lemma not in ("zijn", "worden", "blijven"):
        return False
    nouns, comparing = 0, False
    for k, x in enumerate(tokens[i + 1:], i + 1):
        if x.tag.startswith("WW(pv"):
            return nouns <= 1 and x.has("ev") or x.has("met-t")
        if _low(x) == "dan" and tokens[k - 1].has("comp"):
            comparing = True  # "dat langer dan een week aanhoudt": the comparison's phrase is no subject
        elif comparing and x.pos in ("LID", "TW", "N"):
            comparing = x.pos != "N"
        elif x.pos == "N" and not x.has("eigen"):
            nouns += 1
        elif x.pos not in ("BW", "ADJ"):
            return False
    return False


def _prepositions_and_verb(tokens: list[FrogToken], i: int) -> bool:
    """After "dat" at ``i`` only adverbs and prepositional phrases, then a singular finite verb that
    closes the clause ("dat bij jullie past", "dat goed bij je gevoel past"): a noun inside a
    prepositional phrase is no subject, so the clause has none but "dat"."""
    k, phrases = i + 1, 0
    while k < len(tokens):
        x = tokens[k]
        if x.pos == "VZ" and x.has("init"):
            k, phrases = _phrase_end(tokens, k + 1), phrases + 1
            if k is None:
                return False
        elif x.pos == "BW" or (x.pos == "ADJ" and x.has("vrij")):
            k += 1
        else:
            closes = k + 1 == len(tokens) or tokens[k + 1].pos in ("LET", "VG")
            return (phrases > 0 and closes and x.tag.startswith("WW(pv") and (x.has("ev") or x.has("met-t"))
                    and (x.lemma or "") not in ("worden", "zijn"))
    return False


def _phrase_end(tokens: list[FrogToken], k: int) -> int | None:
    """The index after the noun phrase of a preposition that starts at ``k``: a pronoun, or
    determiners and adjectives up to a noun."""
    if k < len(tokens) and tokens[k].pos == "VNW" and not tokens[k].has("det"):
        return k + 1
    while k < len(tokens) and (tokens[k].pos in ("LID", "TW", "ADJ") or
                               (tokens[k].pos == "VNW" and tokens[k].has("det"))):
        k += 1
    return k + 1 if k < len(tokens) and tokens[k].pos == "N" else None


def _finite_verb_follows(tokens: list[FrogToken], i: int) -> bool:
    """Whether a finite verb stands after ``i`` before the next punctuation."""
    for x in tokens[i + 1:]:
        if x.pos == "LET":
            return False
        if x.tag.startswith("WW(pv"):
            return True
    return False


def _antecedent(tokens: list[FrogToken], i: int) -> int | None:
    """The noun a relative pronoun at ``i`` refers to: right before it, or before the one verb
    that closes the clause in between ("het kan nog bloed zijn die ..." refers to "bloed")."""
    if tokens[i - 1].pos == "N":
        return i - 1
    if tokens[i - 1].word == "," and i >= 2 and tokens[i - 2].pos == "N" and _verb_final_clause(tokens, i):
        return i - 2  # "Deze aandoening, dat vaak voorkomt, ...": a relative clause between commas
    v = tokens[i - 1]
    closing = v.has("inf") or v.has("vd") or v.lemma in ("zijn", "worden", "blijven")  # Frog: "zijn" pv,mv
    if v.pos == "WW" and closing and not v.has("prenom") and tokens[i - 2].pos == "N":
        return i - 2
    return None


def _verb_final_clause(tokens: list[FrogToken], i: int) -> bool:
    """The clause after the pronoun at ``i`` puts its finite verb last and closes with a comma, as a
    relative clause between commas does ("dat vaak voorkomt,"); "dat helpt" with the verb right after
    it is a demonstrative's main clause."""
    end = next((k for k in range(i + 1, len(tokens)) if tokens[k].pos == "LET"), len(tokens))
    words = tokens[i + 1:end]
    if len(words) < 2 or words[0].tag.startswith("WW(pv") or end >= len(tokens) or tokens[end].word != ",":
        return False  # a relative clause between commas; "Zeg tegen de arts, dat je pijn hebt." is a conjunction's
    if _low(tokens[i]) == "dat" and words[0].pos == "VNW" and words[0].has("nomin"):
        return False  # "..., dat je veel pijn hebt, ...": the conjunction before its subject
    tail = words[-3:]
    return words[-1].pos == "WW" and any(x.tag.startswith("WW(pv") for x in tail)


def _phrase_after_verb(tokens: list[FrogToken], j: int, w: str) -> bool:
    """"geldt als een pijnlijke gebeurtenis dat ...", "praat erover op een manier dat ...": the
    prepositional phrase of the noun at ``j`` follows a verb or an adverb, not another noun, so "dat" can only refer to this noun; after a noun the
    pronoun may refer to that one ("het onderzoek van de baarmoeder dat ..."), unless that one is no
    het-word either ("Bel de huisarts bij keelpijn dat aanhoudt")."""
    k = j - 1
    while k >= 0 and (_prenominal(tokens[k]) or tokens[k].pos in ("LID", "TW", "BW") or
                      (tokens[k].pos == "VNW" and tokens[k].has("det"))):
        k -= 1
    if k > 0 and tokens[k - 1].word == ")":
        k = _bracket_open(tokens, k - 1)  # "materiaal (DNA) van de placenta dat": the noun before the bracket
        before = tokens[k - 1] if k > 0 else None
        if w == "dat" and before is not None and before.pos == "N" and (
                before.has("mv") or gender(_low(before)) == "de"):
            return True  # "De cellen (DNA) van de placenta dat": no het-word before it either
    before = tokens[k - 1] if k > 0 else None
    if w == "dat" and before is not None and before.pos == "N" and (before.has("mv") or gender(_low(before)) == "de"):
        return True  # "Bel de huisarts bij keelpijn dat ...": the noun before the phrase is no het-word either
    return w == "dat" and k > 0 and tokens[k - 1].pos not in ("N", "SPEC", "VNW", "TW")


def _bracket_open(tokens: list[FrogToken], close: int) -> int:
    """The index of the "(" that the ")" at ``close`` closes (or ``close`` + 1 when there is none)."""
    for k in range(close - 1, max(-1, close - 12), -1):
        if tokens[k].word == "(":
            return k
    return close + 1


def _in_prepositional_phrase(tokens: list[FrogToken], j: int) -> bool:
    """Does the noun at ``j`` stand in a prepositional phrase (which may describe a noun before it)?"""
    k = j - 1
    while k >= 0 and (_prenominal(tokens[k]) or tokens[k].pos in ("LID", "TW", "BW") or
                      (tokens[k].pos == "VNW" and tokens[k].has("det"))):
        k -= 1
    return k >= 0 and tokens[k].pos == "VZ"


def comparative_als(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"als" (or "dat") after a comparative before a number, where a comparison needs "dan" ("ouder
    als 35 jaar", "meer dat 40 weken" -> dan); "groter als je ouder bent" is a condition and stays (a
    verb follows)."""
    t = tokens[i]
    if _low(t) not in ("als", "dat") or i == 0 or i + 1 >= len(tokens) or tokens[i + 1].pos != "TW":
        return None
    prev = tokens[i - 1]
    if not (prev.has("comp") or _low(prev) in ("meer", "minder")):
        return None
    for k in range(i + 2, len(tokens)):
        if tokens[k].pos in ("LET", "VG"):
            break
        if tokens[k].tag.startswith("WW(pv") and (k + 1 == len(tokens) or tokens[k + 1].pos in ("LET", "VG")):
            return None  # "langer als twee weken voorbij zijn": a clause with its verb last
    fix = _case(t.word, "dan")
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("after '{word}' a comparison takes '{fix}'").format(word=prev.word, fix=fix))


def comparative_phrase_als(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"als" before a phrase without a verb, closing a comparative in its clause ("minder erg is als
    het verlies van een kind" -> dan); "minder erg als je het weet" is a condition (a verb follows),
    "werkt als een arts" has no comparative, "meer risico op ziektes als de ..." names examples."""
    t = tokens[i]
    if _low(t) != "als" or t.pos != "VG" or i + 1 >= len(tokens) or i == 0:
        return None
    nxt = tokens[i + 1]
    if not (nxt.pos in ("LID", "VZ") or (nxt.pos == "VNW" and nxt.has("det"))) or tokens[i - 1].pos == "N":
        return None  # (after a noun "als" is "such as": "een hoger risico op aandoeningen als de ziekte van ...")
    k = i - 1
    while k >= 0 and tokens[k].pos not in ("VG", "LET"):
        x = tokens[k]
        after = tokens[k + 1]
        if x.has("comp") and (x.pos == "ADJ" or (x.pos == "VNW" and after.pos == "ADJ")):
            break
        k -= 1
    if k < 0 or tokens[k].pos in ("VG", "LET") or _verb_in_clause(tokens, i + 1) or _verb_after_list(tokens, i + 1):
        return None
    fix = _case(t.word, "dan")
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("after '{word}' a comparison takes '{fix}'").format(word=tokens[k].word, fix=fix))


def _verb_after_list(tokens: list[FrogToken], k: int) -> bool:
    """A finite verb after a list of subjects ("als de vrouw, de man of beiden drinken"): a condition.
    A comma counts as the list's when a noun or an article follows it."""
    for m in range(k, len(tokens)):
        x = tokens[m]
        if x.pos == "WW":  # a finite verb, or a plural one Frog reads as an infinitive ("drinken")
            return True
        if x.pos == "LET" and not (x.word == "," and m + 1 < len(tokens) and tokens[m + 1].pos in ("N", "LID", "ADJ")):
            return False
        if x.pos == "VG" and (_low(x) not in ("en", "of") or (m + 1 < len(tokens) and tokens[m + 1].pos == "WW")):
            return False  # a verb right after en/of joins a second predicate ("... en duurt langer")
    return False


def _verb_in_clause(tokens: list[FrogToken], k: int) -> bool:
    """A finite verb from ``k`` up to the clause's end (punctuation or a conjunction other than the
    dan/als of a comparison: "als de vrouw ouder dan 35 is")."""
    for x in tokens[k:]:
        if x.pos == "LET" or (x.pos == "VG" and _low(x) not in ("dan", "als")):
            return False
        if x.tag.startswith("WW(pv"):
            return True
    return False


def preposition_for_conjunction(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A conjunction before a noun phrase with no verb of its own, where the preposition belongs
    ("Terwijl de behandeling mag je niet eten" -> Tijdens; "Voordat de ingreep, ..." -> Voor): the
    phrase ends at a comma or at a finite verb with its subject after it (the main clause)."""
    t = tokens[i]
    fix = _data().get("preposition_for_conjunction", {}).get(_low(t))
    if fix is None or t.pos != "VG":
        return None
    j = _noun_after(tokens, i + 1) if i + 1 < len(tokens) and (tokens[i + 1].pos in ("LID", "TW") or (
        tokens[i + 1].pos == "VNW" and tokens[i + 1].has("det"))) else None
    if j is None or j + 1 >= len(tokens):
        return None
    nxt = tokens[j + 1]
    main_after = (nxt.tag.startswith("WW(pv") and j + 2 < len(tokens) and tokens[j + 2].pos == "VNW"
                  and (tokens[j + 2].has("nomin") or tokens[j + 2].has("pers") or tokens[j + 2].has("adv-pron")))
    verbless = all(x.pos != "WW" and x.word not in _CLAUSE_PUNCT for x in tokens[j + 1:])
    if not (main_after or verbless or (nxt.pos == "LET" and nxt.word == "," and j + 2 < len(tokens)
                                       and tokens[j + 2].tag.startswith("WW(pv"))):
        return None  # (verbless: the phrase runs to the sentence's end, "... zodra twee weken na een miskraam.")
    fix = _case(t.word, fix)
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("'{word}' needs a clause with a verb; before '{noun}' write '{fix}'").format(
                                word=t.word, noun=tokens[j].word, fix=fix))


def determiner_form(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """The form of a pronoun for persons before a noun, where the determiner belongs ("beiden
    partners" -> beide)."""
    t = tokens[i]
    fix = _data().get("determiner_forms", {}).get(_low(t))
    if fix is None or i + 1 >= len(tokens) or tokens[i + 1].pos != "N" or not tokens[i + 1].word[:1].islower():
        return None
    if not tokens[i + 1].has("mv"):
        return None  # "terwijl anderen behoefte hebben": a bare singular noun is the pronoun's object
    fix = _case(t.word, fix)
    return AgreementFinding(t.start, t.end, t.word, fix, "adjective",
                            _("before '{noun}' write '{fix}'").format(noun=tokens[i + 1].word, fix=fix))


def one_as_determiner(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"de een" before its noun, where the determiner "ene" belongs ("aan de een kant" -> ene,
    "van de een op de andere dag" -> ene); "de een of andere" and the pronoun ("de een wil praten,
    de ander niet") stay."""
    t = tokens[i]
    if _low(t) not in ("een", "één") or i == 0 or _low(tokens[i - 1]) != "de" or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    noun = nxt.pos == "N" and nxt.has("soort") and nxt.has("ev") and nxt.word[:1].islower()
    if not noun and not _other_follows(tokens, i + 1):
        return None
    fix = "ene" if t.word.islower() else "Ene"
    return AgreementFinding(t.start, t.end, t.word, fix, "adjective",
                            _("before a noun 'de een' is written '{fix}': 'de {fix} ...'").format(fix=fix))


def _other_follows(tokens: list[FrogToken], k: int) -> bool:
    """"op (de) andere dag" at ``k``: a preposition, an optional article, "andere" and a noun."""
    if tokens[k].pos != "VZ":
        return False
    k += 1
    if k < len(tokens) and tokens[k].pos == "LID":
        k += 1
    return k + 1 < len(tokens) and _low(tokens[k]) == "andere" and tokens[k + 1].pos == "N"


def joined_word(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A word written as one that is another word, where two words belong ("met teveel bloed" ->
    te veel, "komt vanzelf opgang" -> op gang), or a word of like shape where a fixed phrase wants
    another ("er is geen spraken van" -> sprake): the data name the word, its fix, and the words
    after (by lemma) or before it that decide."""
    t = tokens[i]
    entry = _data().get("joined_words", {}).get(_low(t))
    if entry is None or not t.word.isalpha():
        return None
    if i and _low(tokens[i - 1]) in entry.get("not_after", ()):
        return None
    if entry.get("after") and not _preceded_by(tokens, i, entry["after"]):
        return None
    after, before = entry.get("next", ()), entry.get("before", ())
    if (after or before) and not (
            (i + 1 < len(tokens) and _low(tokens[i + 1]) in after)
            or (before and (_verb_of(tokens[i + 1:i + 3], before) or _closes_clause_of(tokens, i, before)))):
        return None
    fix = _case(t.word, entry["fix"])
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("'{word}' is another word; write '{fix}' here").format(word=t.word, fix=fix))


def _preceded_by(tokens: list[FrogToken], i: int, phrases) -> bool:
    """One of ``phrases`` (words apart by spaces) ends right before ``tokens[i]``."""
    return any([_low(x) for x in tokens[max(0, i - len(p.split())):i]] == p.split() for p in phrases)


def _verb_of(tokens: list[FrogToken], lemmas) -> bool:
    return any((x.lemma or _low(x)).lower() in lemmas for x in tokens if x.pos == "WW")


def _closes_clause_of(tokens: list[FrogToken], i: int, lemmas) -> bool:
    """The word at ``i`` closes a main clause whose finite verb is one of ``lemmas`` ("De arts zet
    de bevalling met medicijnen ingang." -> in gang)."""
    if i + 1 < len(tokens) and tokens[i + 1].pos != "LET":
        return False
    k = i - 1
    while k >= 0 and tokens[k].pos != "LET" and tokens[k].pos != "VG":
        if tokens[k].pos == "WW" and tokens[k].has("pv"):
            return (tokens[k].lemma or _low(tokens[k])).lower() in lemmas
        k -= 1
    return False


def article_before_pronoun(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """An article before a pronoun for persons, which takes none ("tegen een iemand die" -> iemand),
    and "de" before "alle" ("voor de alle drie kinderen" -> alle)."""
    t = tokens[i]
    if t.pos != "LID" or _low(t) not in ("een", "de", "het") or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    if _low(nxt) not in _words("pronouns_without_article") or not nxt.word.islower() or nxt.start != t.end + 1:
        return None
    if _low(nxt) == "alle" and _low(t) != "de":
        return None  # "het" may be an object pronoun: "om het alle kinderen naar de zin te maken"
    return AgreementFinding(t.start, nxt.end, f"{t.word} {nxt.word}", nxt.word, "article",
                            _("'{noun}' takes no article: write '{noun}' alone").format(noun=nxt.word))


@lru_cache(maxsize=1)
def _abbreviation_genders() -> dict[str, str]:
    return {w: g for g, words in _data().get("abbreviation_genders", {}).items() for w in words}


def abbreviation_article(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """de/het before an abbreviation that takes the article of the noun it stands for ("de VK" ->
    het VK, Verenigd Koninkrijk; "het EU" -> de EU); not before a compound ("de NHG-standaard")."""
    t = tokens[i]
    w = _low(t)
    if w not in ("de", "het") or i + 1 >= len(tokens):
        return None
    g = _abbreviation_genders().get(tokens[i + 1].word)
    if g is None or g == w or (i + 2 < len(tokens) and (tokens[i + 2].word in ("-", "/")
                                                        or tokens[i + 2].pos == "N")):
        return None
    fix = _case(t.word, g)
    return AgreementFinding(t.start, t.end, t.word, fix, "article",
                            _("'{noun}' is a {gender}-word: '{fix} {noun}'").format(
                                noun=tokens[i + 1].word, gender=g, fix=fix))


def doubled_article(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """Two definite articles in a row ("voor de het kind", "met het de baby"): one is left over from an
    edit; the noun after them decides which stays (the second when its gender is unknown). "het" may be an
    object pronoun before a phrase ("om het de rest van de dag rustig aan te doen"): only after a
    preposition is "het de" two articles."""
    if i + 1 >= len(tokens):
        return None
    t, n = tokens[i], tokens[i + 1]
    if {_low(t), _low(n)} != {"de", "het"} or t.pos != "LID" or n.pos != "LID" or n.start != t.end + 1:
        return None
    if _low(t) == "het" and (i == 0 or tokens[i - 1].pos != "VZ" or _te_infinitive_after(tokens, i)):
        return None  # "om het de rest van de dag rustig aan te doen", "geef het de baby": "het" is the object
    j = _noun_after(tokens, i + 1)
    g = _singular_noun(tokens, j) if j is not None else None
    if g is None and j is not None and _plural_noun(tokens, j):
        g = "de"
    fix = _case(t.word, g or _low(n))
    return AgreementFinding(t.start, n.end, f"{t.word} {n.word}", fix, "article",
                            _("two articles in a row: write '{fix}'").format(fix=fix))


def _te_infinitive_after(tokens: list[FrogToken], i: int) -> bool:
    """"om het ... te doen": the preposition before ``i`` opens a clause with "te" and an infinitive."""
    return any(_low(a) == "te" and b.has("inf") for a, b in zip(tokens[i:], tokens[i + 1:]))


_POSSESSIVES = frozenset("mijn je jouw zijn haar ons onze hun uw".split())


def doubled_possessive(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """The same possessive twice before one noun, with a number or adjective between ("één van haar
    twee haar ongeboren kindjes"): one is left over from an edit."""
    t = tokens[i]
    if _low(t) not in _POSSESSIVES or t.pos != "VNW" or not t.has("bez") or i < 2:
        return None
    k = i - 1
    while k > 0 and k >= i - 2 and tokens[k].pos in ("TW", "ADJ"):
        k -= 1
    if k == i - 1 or _low(tokens[k]) != _low(t) or not tokens[k].has("bez"):
        return None
    return AgreementFinding(t.start, t.end, t.word, None, "doubled-possessive",
                            _("'{verb}' stands twice in this sentence; one is enough").format(verb=t.word))




def doubled_er(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"er" right before a pronominal adverb that holds its own "er" ("praat u er erover?" -> erover):
    one "er" is left over from an edit."""
    t = tokens[i]
    if _low(t) != "er" or i + 1 >= len(tokens):
        return None
    n = _low(tokens[i + 1])
    if not (n.startswith("er") and n[2:] in ER_PREPOSITIONS):
        return None
    return AgreementFinding(t.start, t.end, t.word, None, "doubled-er",
                            _("'{verb}' stands twice in this sentence; one is enough").format(verb=t.word))


# -- two nouns written apart that make one word -----------------------------------------------------
_DETERMINERS = DEFINITE | INDEFINITE | frozenset({"elke", "iedere"})


def split_compound(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """Two nouns written apart that a dictionary of use knows as one word, in a noun phrase that a
    determiner opens ("een intake afspraak" -> intakeafspraak, "de kraam zorg" -> kraamzorg). Only a
    compound that Frog's lexicon, the project's word lists or the data's compounds of care hold counts,
    never one that the spelling dictionary merely allows ("kans miskraam"). Two nouns that may stand
    apart are left alone: a bare mass noun after the phrase ("als de baby voeding krijgt", "in je buik pijn"), a noun of time, measure or number
    ("elke dag pijn", "een glas water", "de moeder dag en nacht"), a plural object after a subject
    ("Soms veroorzaakt het hart problemen"), a phrase after a preposition, a conjunction or a verb that
    takes two objects, unless the determiner fits the second noun and not the first ("het intake
    gesprek"); and a line without a finite verb (a heading in telegram style)."""
    j = i + 1
    first_noun = _plain_noun(tokens[i], singular=True) or _noun_read_as_foreign(tokens[i]) or (
        i == 0 and tokens[i].word.istitle() and _plain_noun(tokens[i], singular=True, opening=True))
    if j >= len(tokens) or not (first_noun and _plain_noun(tokens[j])) or tokens[j].start != tokens[i].end + 1:
        return None
    first, second = _low(tokens[i]), _low(tokens[j])
    attested = attested_compound(first, second)
    headed = attested is None
    joined = attested or _headed_compound(first, second)
    if joined is None or first in _apart_nouns() or second in _apart_nouns():
        return None  # (a noun of time second: "de moeder dag en nacht bezig", "het werk dagen laten liggen")
    joined = tokens[i].word[0] + joined[1:]  # "Zwangerschap test" -> Zwangerschapstest
    finite = any(t.has("pv") for t in tokens)
    if headed:
        # a compound's head stands in no phrase of its own after a noun: "het ijzer gehalte", "het
        # tweeling transfusie syndroom"; only a verb of giving may put two objects side by side. A heading
        # in telegram style may put a noun before it ("Uitleg programma", "Vergoeding vaccins")
        k = _determiner_before(tokens, i)
        stands_apart = not finite or (k is not None and _may_stand_apart(tokens, k))
        return None if stands_apart else one_word(tokens[i], tokens[j], joined)
    if not finite:
        # a heading in telegram style may put two nouns side by side ("Oorzaken miskraam"); a heading of
        # just the two nouns of an attested compound is that compound ("Termijn echo")
        alone = [t for t in tokens if t.pos != "LET"] == tokens[i:j + 1]
        return one_word(tokens[i], tokens[j], joined) if alone else None
    k = _determiner_before(tokens, i)
    if k is None:
        return one_word(tokens[i], tokens[j], joined) if _bare_first(tokens, i) else None
    if _plural_object(tokens, k, j):
        return None
    if not _head_fits_only(tokens[k], first, second) and not _bare_count(tokens[j]) and (
            _may_stand_apart(tokens, k) or not _needs_determiner(tokens, k, j)):
        return None
    return one_word(tokens[i], tokens[j], joined)


def _bare_first(tokens: list[FrogToken], i: int) -> bool:
    """No determiner, right after a preposition or "en"/"of": a singular noun before a plural ("bij
    jezelf of familie leden" -> familieleden), or a count noun that cannot stand bare before another."""
    before = tokens[i - 1] if i else None
    j = i + 1
    return (before is not None and (before.pos == "VZ" and before.has("init") or _low(before) in ("en", "of"))
            and tokens[i].has("ev") and (tokens[j].has("mv") or (_bare_count(tokens[i]) and _bare_count(tokens[j]))))


def _bare_count(t: FrogToken) -> bool:
    """A singular count noun that no object of its own can be without a determiner ("door een
    televisie programma": no "programma" stands bare after "televisie"), unlike "advies" or "hulp"."""
    low = _low(t)
    return t.has("ev") and lexicon.countable(low) and low not in _words("bare_object_nouns")


def _noun_read_as_foreign(t: FrogToken) -> bool:
    """A word Frog took for a foreign one that its lexicon knows as a Dutch noun ("intake")."""
    return (t.pos == "SPEC" and t.has("vreemd") and t.word.isalpha() and t.word.islower()
            and "n" in lexicon.tags(t.word))


def _plain_noun(t: FrogToken, singular: bool = False, opening: bool = False) -> bool:
    """A common noun in small letters (``opening``: its capital as the sentence's first word allowed)."""
    word = t.word[0].lower() + t.word[1:] if opening else t.word
    return (t.pos == "N" and t.has("soort") and (t.has("ev") or not singular) and word.isalpha()
            and word.islower() and len(word) >= 3)


@lru_cache(maxsize=50_000)
def attested_compound(first: str, second: str) -> str | None:
    """The compound of two words, with or without a linking -s-, that Frog's lexicon knows as a noun,
    the project's word lists hold or the spelling dictionary lists as an entry of its own ("intake" +
    "afspraak", "zwangerschap" + "test" -> zwangerschapstest, "urine" + "monster")."""
    return next((c for c in _joins(first, second)
                 if "n" in lexicon.tags(c) or c in _listed_words() or dictionary.listed_noun(c)), None)


def _joins(first: str, second: str) -> list[str]:
    """Two words joined, and with a linking -s- where the first takes one."""
    return [first + second] + ([first + "s" + second] if not first.endswith(("s", "e")) else [])


def _headed_compound(first: str, second: str) -> str | None:
    """The join of a noun and a compound's head (``compound_heads``: "syndroom", "bacterie") that the
    spelling dictionary takes: "transfusie" + "syndroom" -> transfusiesyndroom."""
    if second not in _words("compound_heads"):
        return None
    return next((c for c in _joins(first, second) if dictionary.dutch_word(c)), None)


@lru_cache(maxsize=1)
def _listed_words() -> frozenset[str]:
    """The project's word lists and the compounds of care in the data."""
    from pipeline.language.wordlists import project_words

    return frozenset({w.lower() for w in project_words()} | set(_words("care_compounds")))


@lru_cache(maxsize=1)
def _apart_nouns() -> frozenset[str]:
    dt = style()["dt"]  # the nouns of time, number and measure that the d/t checks know
    return frozenset(dt["time_nouns"]) | frozenset(dt["collective_nouns"]) | frozenset(dt["measure_nouns"]) \
        | _words("apart_first_nouns")


_SINGULAR_DETERMINERS = frozenset({"het", "een", "dit", "dat", "elk", "elke", "ieder", "iedere", "zo'n", "zo’n"})


def _plural_object(tokens: list[FrogToken], k: int, j: int) -> bool:
    """A plural second noun that the determiner cannot open ("het hart problemen") or that follows a
    subject after its finite verb ("Soms veroorzaakt de baarmoeder krampen"): the plural is an object."""
    if not tokens[j].has("mv"):
        return False
    before = tokens[k - 1] if k else None
    return _low(tokens[k]) in _SINGULAR_DETERMINERS or (before is not None and before.pos == "WW" and before.has("pv"))


def _determiner_before(tokens: list[FrogToken], i: int) -> int | None:
    """The determiner that opens the phrase of the noun at ``i``, past attributive adjectives."""
    k = i - 1
    while k >= 0 and (_prenominal(tokens[k]) or tokens[k].pos == "TW"):
        k -= 1
    return k if k >= 0 and _low(tokens[k]) in _DETERMINERS else None


def _may_stand_apart(tokens: list[FrogToken], k: int) -> bool:
    """The phrase opened at ``k`` may end at its first noun: it follows a preposition, a conjunction or
    relative pronoun (a clause's subject before its object), or a verb of giving (two objects)."""
    if k == 0:
        return False
    before = tokens[k - 1]
    return (before.pos == "VZ" or before.pos == "VG" or before.has("betr")
            or (before.pos == "WW" and (before.lemma or "").lower() in _words("dative_verbs")))


def _head_fits_only(det: FrogToken, first: str, second: str) -> bool:
    """The determiner's gender fits the second noun and not the first ("het intake gesprek")."""
    want = "het" if _low(det) in ARTICLES_HET else "de" if _low(det) in ARTICLES_DE else None
    return want is not None and gender(second) == want and _gender_seen(first) not in (None, want)


def _gender_seen(noun: str) -> str | None:
    """The noun's gender, or the one article the lexicon has seen it with, however rarely ("intake")."""
    tags = lexicon.tags(noun) & {"de", "het"}
    return gender(noun) or (next(iter(tags)) if len(tags) == 1 else None)


def _needs_determiner(tokens: list[FrogToken], k: int, j: int) -> bool:
    """The second noun cannot stand bare after the first: a plural, a count noun, or a noun that the
    finite verb follows when the phrase opens the sentence ("Het bloed verlies is ...")."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return (tokens[j].has("mv") or lexicon.countable(_low(tokens[j]))
            or (k == 0 and nxt is not None and nxt.pos == "WW" and nxt.has("pv")))


def split_compound_suspect(sentence: str, spans: list[tuple[int, int]], words: list[str], i: int) -> bool:
    """Two nouns with one space between whose compound is attested, or the second a compound's head."""
    if i + 1 >= len(words) or sentence[spans[i][1]:spans[i + 1][0]] != " ":
        return False
    a, b = words[i], words[i + 1]
    if len(a) < 3 or len(b) < 3:
        return False
    tags = lexicon.tags(a)
    if "n" in tags and "n" in lexicon.tags(b) and attested_compound(a, b) is not None:
        return True
    # before a compound's head the first noun may be one Frog's lexicon never saw ("ovarium syndroom")
    return ("n" in tags or not tags) and _headed_compound(a, b) is not None


def _adjective_read_as_noun(tokens: list[FrogToken], k: int) -> bool:
    """"een chromosomale en congenitale afwijkingen": an adjective with -e that Frog read as a noun,
    before "en"/"of" or another adjective."""
    t = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (t.pos == "N" and _adjectival_e(_low(t)) and nxt is not None
            and (_low(nxt) in ("en", "of") or _prenominal(nxt)))


_ADJECTIVE_E = ("ale", "ele", "iele", "ische", "ige", "lijke", "aire", "ieve", "bare")


def _adjectival_e(low: str) -> bool:
    """An adjective with its -e: known to the lexicon, or unknown with an adjective's ending
    ("chromosomale")."""
    tags = lexicon.tags(low)
    return low.endswith("e") and ("adj" in tags or (not tags and low.endswith(_ADJECTIVE_E)))


def _plural_after_een(tokens: list[FrogToken], i: int) -> int | None:
    """The plural noun that "een" at ``i`` opens, past adjectives joined by "en"/"of" (no number
    between: "een goede drie weken" is right), else None."""
    j, adjective = i + 1, False
    while j < len(tokens):
        t = tokens[j]
        if _prenominal(t) or _adjective_read_as_noun(tokens, j):
            adjective = True
        elif t.pos == "VG" and _low(t) in ("en", "of") and adjective:
            adjective = False  # another adjective must follow
        elif not (t.pos == "BW" and j + 1 < len(tokens) and _prenominal(tokens[j + 1])):
            break  # ("een heel zware ...")
        j += 1
    if j >= len(tokens) or not _plural_noun(tokens, j):
        return None
    low = _low(tokens[j])
    return j if _plural_shape(low) and "inf" not in lexicon.tags(low) else None


def article_before_plural(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"een" before a plural noun, also past coordinated adjectives ("op een chromosomale en
    congenitale afwijkingen"): the article goes, or the noun is singular. A noun of quantity between
    ("een paar weken", "een aantal klachten") heads the phrase and is singular."""
    t = tokens[i]
    if _low(t) != "een" or t.pos != "LID" or i + 1 >= len(tokens):
        return None
    j = _plural_after_een(tokens, i)
    nxt = tokens[i + 1]
    if j is None or nxt.start != t.end + 1:
        return None
    fix = nxt.word if t.word.islower() else nxt.word[:1].upper() + nxt.word[1:]
    return AgreementFinding(t.start, nxt.end, f"{t.word} {nxt.word}", fix, "article",
                            _("'een' does not go with the plural '{noun}': leave it out or make the noun "
                              "singular").format(noun=tokens[j].word))


def passive_infinitive(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A finite form of "worden" with an infinitive right after it, where the participle belongs
    ("een groot deel wordt tegenhouden" -> tegengehouden); "het wordt afwachten" stays."""
    t = tokens[i]
    if _low(t) not in _words("worden_forms") or t.pos != "WW" or not t.has("pv") or i + 1 >= len(tokens):
        return None
    v = tokens[i + 1]
    low = _low(v)
    if v.pos != "WW" or not v.has("inf") or "inf" not in lexicon.tags(low) or low in _words("worden_idiom_infinitives") \
            or low in _data()["modals"] or low in _words("ipp_verbs") or lexicon.tags(low) & {"vd", "n"}:
        return None
    fix = participle(low)
    if not fix:
        return None
    return AgreementFinding(v.start, v.end, v.word, fix, "verb-cluster",
                            _("with '{aux}' the participle belongs here: '{fix}'").format(aux=t.word, fix=fix))


_CLAUSE_STOPS = frozenset({"te", "om"})


def _lone_infinitive(tokens: list[FrogToken], i: int) -> int | None:
    """The one verb after the finite verb at ``i`` in its clause when it is a bare infinitive, else None."""
    verbs = []
    for k in range(i + 1, len(tokens)):
        x = tokens[k]
        if x.pos in ("LET", "VG") or (x.pos == "WW" and x.has("pv")) or _low(x) in _CLAUSE_STOPS \
                or (x.pos == "VNW" and (x.has("betr") or x.has("vb"))):
            break
        if x.pos == "WW" and (x.has("inf") or x.has("vd")):
            verbs.append(k)
    return verbs[0] if len(verbs) == 1 and tokens[verbs[0]].has("inf") else None


def _in_subordinate_clause(tokens: list[FrogToken], i: int) -> bool:
    """Does the verb at ``i`` close a clause opened by a conjunction or a relative pronoun ("een
    vrouw die een miskraam had ...")? Then the words after it belong to the clause around it."""
    for x in reversed(tokens[:i]):
        if x.pos == "LET" and x.word in _CLAUSE_PUNCT:
            return False
        if (x.pos == "VG" and x.has("onder")) or (x.pos == "VNW" and (x.has("betr") or x.has("vb"))):
            return True
    return False


def modal_for_have(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A finite "hebben" with the bare infinitive of another verb in its clause, where a modal belongs
    ("dit heeft effect hebben op het kind" -> kan): "hebben" takes a participle. Verbs whose
    infinitive stands for their participle ("heeft laten weten") and infinitives used as nouns
    ("heeft moeite met slapen", "heeft nog vragen") stay."""
    t = tokens[i]
    modal = _data()["have_modals"].get(_low(t))
    if modal is None or t.pos != "WW" or not t.has("pv"):
        return None
    k = _lone_infinitive(tokens, i)
    if k is None or k == i + 1 or _in_subordinate_clause(tokens, i):
        return None
    low, prev = _low(tokens[k]), tokens[k - 1]
    if low in _words("ipp_verbs") or lexicon.tags(low) & {"n", "vd"} or "inf" not in lexicon.tags(low) \
            or prev.pos in ("VZ", "LID") \
            or (prev.pos == "VNW" and prev.has("det")) or _prenominal(prev):
        return None
    fix = _case(t.word, modal)
    return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                            _("'{verb}' with the infinitive '{inf}': a modal belongs here ('{fix}'), or the "
                              "participle").format(verb=t.word, inf=tokens[k].word, fix=fix))


def _equality_opener(tokens: list[FrogToken], k: int) -> bool:
    """Does the word at ``k`` open a comparison of equality ("zoveel", "even groot", "zo vaak")?"""
    low = _low(tokens[k])
    if low in _words("equality_words"):
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (low in _words("equality_degree_words") and nxt is not None and nxt.pos in ("ADJ", "BW")
            and not nxt.has("comp") and _low(nxt) not in ("als", "dat", "ook", "nog", "maar", "even"))


def equality_dan(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"dan" closing a comparison of equality, where "als" belongs ("dubbel zoveel kans dan
    vrouwen", "even groot dan bij ..."): looked for back to the start of the clause; a comparative
    between ("even groot of groter dan") and "dan" after a comma (then) stay."""
    t = tokens[i]
    if _low(t) != "dan" or t.pos != "VG" or i == 0 or i + 1 >= len(tokens) or tokens[i + 1].pos == "LET":
        return None
    k = i - 1
    while k >= 0 and tokens[k].pos not in ("LET", "VG"):
        x = tokens[k]
        if x.has("comp") or _low(x) in _words("comparison_blockers"):
            return None
        if _equality_opener(tokens, k):
            fix = _case(t.word, "als")
            return AgreementFinding(t.start, t.end, t.word, fix, "word-class",
                                    _("a comparison of equality ('{opener}') closes with '{fix}'").format(
                                        opener=x.word, fix=fix))
        k -= 1
    return None


def pronominal_adverb(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"er vanuit gaan" -> ervan uitgaan: the verb is "uitgaan van", so "er"/"daar"/"hier" takes
    "van" and "uit" is the verb's particle; "vanuit het ziekenhuis" stays."""
    t = tokens[i]
    if _low(t) not in ("er", "daar", "hier"):
        return None
    j = i + 1
    while j < len(tokens) and j <= i + 4 and _low(tokens[j]) != "vanuit" and _adverb(tokens[j]):
        j += 1  # adverbs between: "er eigenlijk gewoon vanuit"
    if j + 1 >= len(tokens) or _low(tokens[j]) != "vanuit" or tokens[j + 1].pos not in ("WW", "VG", "LET", "BW"):
        return None
    v = tokens[j]
    if not any(x.pos == "WW" and (x.lemma or "").lower() in ("gaan", "uitgaan") for x in tokens):
        return None
    if j > i + 1:
        fix = " ".join([t.word] + [x.word for x in tokens[i + 1:j]] + ["van uit"])
        return AgreementFinding(t.start, v.end, _span(tokens, i, j), fix, "word-class",
                                _("the verb is 'uitgaan van': write '{fix}'").format(fix=fix))
    fix = _case(t.word, _low(t) + "van uit")
    return AgreementFinding(t.start, v.end, f"{t.word} {v.word}", fix, "word-class",
                            _("the verb is 'uitgaan van': write '{fix}'").format(fix=fix))


def _adverb(t: FrogToken) -> bool:
    """An adverb or an adjective used as one ("eigenlijk", "gewoon", "ook")."""
    return t.pos == "BW" or (t.pos == "ADJ" and t.has("vrij"))


def _span(tokens: list[FrogToken], i: int, j: int) -> str:
    return " ".join(x.word for x in tokens[i:j + 1])


_WEAK_PRONOUNS = frozenset({"ze", "je", "we", "ie", "'t", "’t"})


def article_as_and(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """"en" after a weak pronoun or a preposition before a singular noun without an article ("dat ze
    en broertje krijgt", "de kans op en miskraam" -> een): a reduced pronoun is never joined by "en"
    (that takes "zij", "wij"), and a preposition only to another preposition ("voor en na de
    ingreep", "met en zonder klachten"), so the article was meant. Fixed pairs stay ("op en top":
    ``preposition_and_nouns``), and so does the particle of a separable verb that closes its clause
    ("het bloeden houdt op en pijn is zeldzaam": ophouden)."""
    if i == 0 or i + 1 >= len(tokens) or _low(tokens[i]) != "en" or tokens[i].pos != "VG":
        return None
    prev, nxt = tokens[i - 1], tokens[i + 1]
    weak = _low(prev) in _WEAK_PRONOUNS and prev.pos == "VNW" and prev.has("red")
    preposition = prev.pos == "VZ" and _low(prev) in _PREPOSITIONS and _low(nxt) not in _words("preposition_and_nouns") \
        and not _clause_final_particle(tokens, i - 1)
    if not (weak or preposition) \
            or nxt.pos != "N" or not nxt.has("soort") or not nxt.has("ev") or not nxt.word.islower():
        return None
    if preposition and any(t.pos == "VZ" for t in tokens[i + 2:i + 4]) and tokens[i - 2:i - 1] \
            and (tokens[i - 2].pos == "N" or tokens[i - 2].has("inf")):
        # two nouns (or infinitives) with their prepositions share one object: "behandeling van en onderzoek
        # naar vleesbomen", "het dragen van en steun geven aan de organen"
        return None
    return AgreementFinding(tokens[i].start, tokens[i].end, tokens[i].word, "een", "word-class",
                            _("after '{pronoun}' 'en' joins nothing; before '{noun}' write 'een'").format(
                                pronoun=prev.word, noun=nxt.word))


def _clause_final_particle(tokens: list[FrogToken], i: int) -> bool:
    """The preposition at ``i`` closes its clause as the particle of the finite verb ("houdt op",
    "zoekt het uit"), not right after a noun, whose phrase it may open ("een kans op ...")."""
    return tokens[i].has("fin") and i > 0 and tokens[i - 1].pos != "N" and particle_of_verb_before(tokens, i)


_ONE_OF_DETERMINERS = frozenset("de deze die onze uw je jouw hun haar mijn zijn alle".split())
# a noun counted this often in the plural, against its singular, is a count noun ("gemeente",
# "oorzaak"), not a mass noun that a determiner of several may take ("sommige informatie")
_COUNT_SHARE = 0.2


def several_singular(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A determiner of several before a singular count noun ("in sommige gemeente" -> gemeenten,
    "meerdere oorzaak"); determiners in ``several_determiners``; not before a mass noun, a time
    noun ("meerdere keer") or a noun another noun follows (a compound written apart)."""
    if i + 1 >= len(tokens) or _low(tokens[i]) not in _words("several_determiners"):
        return None
    noun = tokens[i + 1]
    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
    low = _low(noun)
    if noun.pos != "N" or not noun.has("soort") or not noun.has("ev") or not noun.word.islower() \
            or low in _words("several_time_nouns") or (nxt is not None and (nxt.pos == "N" or nxt.word in ("-", "/"))):
        return None
    fix = _plural_of(low)
    # the plural's count tells a count noun only when the form is no verb as well ("zorgen")
    if fix is None or lexicon.tags(fix) & _VERB_FORMS or lexicon.count(fix) < max(5, _COUNT_SHARE * lexicon.count(low)):
        return None
    return AgreementFinding(noun.start, noun.end, noun.word, fix, "several-singular",
                            _("after '{det}' the noun is plural: '{fix}'").format(det=tokens[i].word, fix=fix))


def one_of_plural(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A singular noun after "een van de" / "één van de": one of several takes the plural ("Eén van de
    mogelijke behandeling" -> behandelingen). Only a lower-case common noun right after the determiner and
    its adjectives, not one that another noun follows (a compound written apart)."""
    if i + 3 >= len(tokens) or _low(tokens[i]) not in ("een", "één", "eén") or _low(tokens[i + 1]) != "van" \
            or _low(tokens[i + 2]) not in _ONE_OF_DETERMINERS:
        return None
    j = i + 3
    while j < len(tokens) and (tokens[j].pos == "ADJ" or _inflected_prenominal(tokens[j])
                               or _low(tokens[j]) in _words("degree_words") or _low(tokens[j]) in ("meest", "minst")):
        j += 1
    if j >= len(tokens):
        return None
    noun = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if noun.pos != "N" or not noun.has("soort") or not noun.has("ev") or not noun.word.islower() \
            or (nxt is not None and (nxt.pos == "N" or nxt.word in ("-", "/") or
                                     (nxt.pos in ("WW", "ADJ") and (nxt.has("vd") or nxt.has("prenom"))))):
        return None  # "een van de arts gekregen recept": "van de arts" is inside the phrase of "recept"
    fix = _plural_of(_low(noun))
    if fix is None:
        return None
    return AgreementFinding(noun.start, noun.end, noun.word, fix, "one-of-plural",
                            _("after '{one} van de' the noun is plural: '{fix}'").format(one=tokens[i].word, fix=fix))


_ONE = frozenset({"één", "eén", "1"})
# words before "één"/"1" that make it part of a range or a sum ("twee of één", "0 à 1", "1-1"), not a determiner
_RANGE_WORDS = frozenset({"of", "en", "tot", "à", "a", "-", "–", "/", "x", "×", "+"})


def one_before_plural(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """A plural noun right after the number one, past its adjectives ("door één spermatozoa", "duurt 1
    minuten" -> minuut): one takes the singular. Not in a range or sum ("1 à 2 weken", "twee of één"),
    not a number in a label after a noun ("fase 1 studies", "week één"), nor before a noun of number
    ("1 miljoen vrouwen"); not "één" used as a pronoun after "er" ("krijgt er één klachten") or
    in a ratio ("één op één gesprekken")."""
    t = tokens[i]
    if _low(t) not in _ONE or not (_prenominal_one(tokens, i) or (t.word.isdigit() and t.pos == "TW")):
        return None
    prev = tokens[i - 1] if i else None
    if prev is not None and (_low(prev) in _RANGE_WORDS or prev.pos in ("TW", "N") or _ratio(tokens, i)
                             or _after_quantitative_er(tokens, i)):
        return None
    j = i + 1
    while j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].has("prenom"):
        j += 1
    if j >= len(tokens) or not _plural_noun(tokens, j):
        return None
    noun = tokens[j]
    lemma = (noun.lemma or "").lower()
    fix = lemma if lemma and lemma != _low(noun) and _is_noun(lemma) else noun.word
    return AgreementFinding(noun.start, noun.end, noun.word, fix, "one-plural",
                            _("after '{one}' the noun is singular").format(one=t.word))


def _prenominal_one(tokens: list[FrogToken], i: int) -> bool:
    """"één" as a determiner: Frog's prenominal numeral, or the capital that opens the sentence,
    which Frog may read as part of a name ("Eén bezoekers ...")."""
    t = tokens[i]
    return (t.pos == "TW" and t.has("prenom")) or (i == 0 and t.pos == "SPEC" and not t.word.isdigit())


def _ratio(tokens: list[FrogToken], i: int) -> bool:
    """"één op één", "1 op 1": the one closes a ratio."""
    return i > 1 and _low(tokens[i - 1]) == "op" and tokens[i - 2].pos == "TW"


def _after_quantitative_er(tokens: list[FrogToken], i: int) -> bool:
    """"er" before the one, past adverbs ("had er maar één ..."): the one stands for a noun named
    before it, and the plural after it is the verb's object."""
    k = i - 1
    while k >= 0 and tokens[k].pos == "BW":
        k -= 1
    return k >= 0 and _low(tokens[k]) == "er"


def _plural_of(noun: str) -> str | None:
    """The first plural the spelling allows that the dictionary knows ("behandeling" -> behandelingen,
    "miskraam" -> miskramen, "echo" -> echo's)."""
    d = _dictionary()
    if d is None or len(noun) < 3:
        return None
    return next((c for c in inflection.plural_forms(noun) if d.check(c)), None)


def _joins_adjectives(t: FrogToken) -> bool:
    return (_low(t) in ("en", "of") and t.pos == "VG") or t.word == ","


def _noun_after_adjectives(tokens: list[FrogToken], j: int) -> FrogToken | None:
    """The noun that a run of adjectives joined by commas, en or of ends in (from ``tokens[j]`` on)."""
    while j + 1 < len(tokens) and tokens[j].pos != "N":
        if not (tokens[j].pos == "ADJ" or _inflected_prenominal(tokens[j]) or _joins_adjectives(tokens[j])):
            return None
        j += 1
    return tokens[j] if j < len(tokens) and tokens[j].pos == "N" else None


def coordinated_adjective(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """Adjectives joined by en/of or listed with commas before one de-word or plural share their -e
    ("Discreet en snelle levering" -> Discrete, "de kleine en gezellig kamer" -> gezellige, "een
    grote, licht, rustige kamer" -> lichte); not after a verb, where the first may close a clause ("het
    is klein en grote kinderen ...")."""
    if i == 0 or i + 2 >= len(tokens) or not _joins_adjectives(tokens[i]):
        return None
    a, b, n = tokens[i - 1], tokens[i + 1], tokens[i + 2]
    prev = tokens[i - 2] if i > 1 else None
    if a.pos != "ADJ" or b.pos != "ADJ" or n.pos != "N" or not n.has("soort") or (prev is not None and prev.pos == "WW"):
        return None
    if not (n.has("mv") or gender(_low(n)) == "de"):
        return None
    bare, other = (a, b) if a.has("zonder") and b.has("met-e") else (b, a) if b.has("zonder") and a.has("met-e") \
        else (None, None)
    if bare is None or not other.has("prenom") or (bare is a and _low(a) in _words("adverbial_adjectives")):
        return None
    if _low(bare) in _data()["invariable_adjectives"]:
        return None  # "je eigen, vertrouwde omgeving": eigen never takes -e
    fix = inflected(bare.word)
    if fix is None:
        return None
    return AgreementFinding(bare.start, bare.end, bare.word, fix, "adjective",
                            _("'{other}' and '{word}' describe '{noun}' together: write '{fix}'").format(
                                other=other.word, word=bare.word, noun=n.word, fix=fix))


def _inflected_prenominal(t: FrogToken) -> bool:
    return t.pos in ("ADJ", "WW") and t.has("prenom") and t.has("met-e")


def listed_adjective(tokens: list[FrogToken], i: int) -> AgreementFinding | None:
    """An adjective without -e between commas among adjectives with -e before one de-word or plural
    ("een prospectieve, dubbelblind, gerandomiseerde studie" -> dubbelblinde), which Frog may read
    as a noun there ("een grote, licht, rustige kamer")."""
    if i < 2 or i + 2 >= len(tokens) or tokens[i - 1].word != "," or tokens[i + 1].word != ",":
        return None
    x, before, after = tokens[i], tokens[i - 2], tokens[i + 2]
    low = _low(x)
    if not x.word.islower() or low.endswith("e") or not (_inflected_prenominal(before) and _inflected_prenominal(after)):
        return None
    n = _noun_after_adjectives(tokens, i + 2)
    if n is None or not n.has("soort") or not (n.has("mv") or gender(_low(n)) == "de"):
        return None
    fix = inflected(x.word)
    if fix is None or not ("adj" in lexicon.tags(low) or _dictionary_word(fix)):
        return None
    return AgreementFinding(x.start, x.end, x.word, fix, "adjective",
                            _("'{other}' and '{word}' describe '{noun}' together: write '{fix}'").format(
                                other=before.word, word=x.word, noun=n.word, fix=fix))


# the checks, each on one token of the sentence, in the order they are tried
CHECKS = (article, demonstrative, adjective_ending, bare_adjective, degree_modifier, noun_slot, acting_participle,
          conjunction_for_preposition, verb_for_noun, verb_cluster, doubled_verb, doubled_adverb,
          relative_pronoun, comparative_als, preposition_for_conjunction, determiner_form,
          one_as_determiner, joined_word, gendered_determiner, object_as_subject,
          adverb_ending, pronoun_for_verb, superlative_without_article, te_infinitive, predicate_ending,
          demonstrative_plural, verb_for_pronoun, article_before_pronoun, abbreviation_article,
          doubled_article, article_before_plural, passive_infinitive, modal_for_have, equality_dan,
          pronominal_adverb, article_as_and, coordinated_adjective, listed_adjective, comparative_phrase_als,
          one_of_plural, several_singular, one_before_plural, possessive_as_subject, relative_wie,
          relative_number, doubled_possessive, doubled_er, split_compound, pronominal_apart, abbreviation_apart,
          possessive_u, coordinated_subject, particle_apart, name_apart, adverb_apart, prefix_apart, question_copula,
          noun_for_infinitive, phrase_apart, number_apart)


def analyse(tokens: list[FrogToken], sentence: str) -> list[AgreementFinding]:
    """Agreement findings in one tagged sentence, at most one per word."""
    found: dict[int, AgreementFinding] = {}
    for i in range(len(tokens)):
        for check in CHECKS:
            f = check(tokens, i)
            if f is not None and f.start not in found:
                found[f.start] = f
    return [found[k] for k in sorted(found)]
