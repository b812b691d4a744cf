"""Dutch spelling with the OpenTaal dictionary (hunspell-nl through pyenchant) and ranked suggestions.

One ``SpellChecker`` serves a whole run (``ctx.service("spelling", ...)``): each distinct word is
looked up once, so the cost grows with the vocabulary, not with the amount of text.

Accepted beyond the dictionary: regular diminutives of its nouns ("foetusje"), hyphenated
compounds of a name and a word ("Asherman-syndroom", "BeterDichtbij-app"), compounds with a
project-list word.

Suggestions: enchant's own list is weak for Dutch typos (for "Wanner" it offers Wannet, Wanne,
Warner ...), so candidates are pooled from enchant, every dictionary word one edit away and the
typical Dutch slips (doubled or single letters, ij/ei, d/t/dt, au/ou, g/ch, a linking n or s added or
dropped), then ranked by a
weighted edit distance in which those slips are cheap, plus a frequency prior from the lexicon.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, islice
from pathlib import Path

from pipeline.language import dictionary, inflection, lexicon
from pipeline.language.dictionary import enchant_dict
from pipeline.language.data import spelling as spelling_data
from pipeline.yamlio import load_kept

MEDICAL_PARTS = Path(__file__).parent / "data" / "medical_word_parts.yaml"

ALPHABET = "abcdefghijklmnopqrstuvwxyzëéèïöüáó"
VOWELS = set("aeiouyëéèïöüáó")
# pairs that Dutch writers confuse; a swap between them costs less than another substitution
CONFUSABLE = {("d", "t"), ("t", "d"), ("s", "z"), ("z", "s"), ("f", "v"), ("v", "f"), ("g", "ch"),
              ("ch", "g"), ("ei", "ij"), ("ij", "ei"), ("au", "ou"), ("ou", "au"), ("dt", "t"),
              ("t", "dt"), ("dt", "d"), ("d", "dt"), ("c", "k"), ("k", "c"), ("y", "ij"), ("ij", "y")}
# the quotation marks and accents that stand for an apostrophe ("placenta´s" with an acute accent)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
# letters joined as one glyph, as French typesetting prints them ("fœtus"): the word is the same
LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


# a rare part this long, one edit from a frequent word, is that word's slip whatever else the
# compound could be split into
_LONG_LOOKALIKE = 7
# how often Frog's corpus must have seen a word for it to be meant, not a slip of a commoner one
_MEANT = 50


def _norm(word: str) -> str:
    return unicodedata.normalize("NFC", word).translate(APOSTROPHES).translate(LIGATURES)


# how often Frog's corpus must have seen an unclassified word for it to count as a name
NAME_SEEN = 3


class SpellChecker:
    """Dictionary look-ups with a cache, an allow-list, and ranked suggestions."""

    def __init__(self, language: str = "nl_NL", extra_words: set[str] | None = None,
                 english: str | None = "en_US", memo=None):
        from pipeline.language import dictionary  # a missing library becomes a clear note, not a crash

        self.dict = dictionary.shared(language)  # opened only for a word it has not answered before
        self._english_tag = english
        self._english = None  # loaded on first use: most runs never need it
        self.extra = {_norm(w) for w in (extra_words or ())}
        self.extra_lower = {w.lower() for w in self.extra if w == w.lower()}
        self._known: dict[str, bool] = {}
        self._suggest: dict[str, tuple[str, ...]] = {}
        # suggestions kept between runs (``get``/``put``/``close``, the result store's), keyed by
        # everything they depend on: the ranking takes about 0.1 s a word plus 0.1 s for the lexicon
        self.memo = memo
        self.lookups = 0

    def close(self) -> None:
        self._known.clear()
        self._suggest.clear()
        if self.memo is not None:
            self.memo.close()

    # -- checking ------------------------------------------------------------------------------
    def known(self, word: str, extra: frozenset[str] = frozenset()) -> bool:
        """True when ``word`` is correct: dictionary, project list, or ``extra`` (brand, metadata)."""
        w = _norm(word)
        if w in extra or w.lower() in extra:
            return True
        hit = self._known.get(w)
        if hit is None:
            hit = self._known[w] = self._check(w)
        return hit

    def _check(self, w: str) -> bool:
        self.lookups += 1
        if w in self.extra or w.lower() in self.extra_lower:
            return True
        if self.dict.check(w):
            return True
        low = w.lower()
        # a sentence-initial or all-capitals form of a lower-case word
        if (w[:1].isupper() or w.isupper()) and low != w and (self.dict.check(low) or low in self.extra_lower):
            return True
        if w.isupper() and (self.dict.check(w[:1] + w[1:].lower()) or w[:1] + w[1:].lower() in self.extra):
            return True  # a word in capitals: a heading, or a brand as its package prints it ("MIFEGYNE")
        if "-" in w.strip("-"):
            return self._prefixed_hyphen(w.strip("-")) or self._hyphenated_ok(w.strip("-").split("-"))
        # possessive or plural with an apostrophe after a known word ("Freya's", "echo's")
        if w.endswith("'s") and (self._check(w[:-2]) or self._abbreviation_plural(w[:-2])):
            return True
        if self._stressed(w) or self._lengthened(low):
            return True
        # a capitalised compound inside a sentence is a name ("Kwakkelhof"): names need a list
        return (self._diminutive(low) or self._project_compound(low) or (w == low and self._compound(low))
                or (w == low and self._verb_form(low)) or (w == low and self._ing_noun(low))
                or (w == low and (self._separable_participle(low) or self._separable_present(low)))
                or (w == low and self._prefixed(low)) or (w[1:] == low[1:] and self._medical_formation(low))
                or (w == low and (self._derivation(low) or self._inflected(low) or self._english_compound(low))))

    def _lengthened(self, low: str) -> bool:
        """An interjection or short word drawn out in a story ("hmm", "pfff", "jaaa", "neeee", "zooo", "ehhh"): a
        vowel written three times or more, or a letter doubled in a word without a vowel, where a dictionary
        word of at most four letters has it once or twice. A doubled letter in a word with a vowel stays a
        slip ("datt", "enn"), and so do a tripled consonant ("dattt") and a tripled letter in a longer word
        ("moederschapppen")."""
        if not low.isalpha() or len(low) > 12:
            return False
        runs = [m.group() for m in _RUNS.finditer(low)]
        if len(low) > 2 and low[-1] == low[-2] and _RUNS.sub(r"\1", low) in spelling_data().interjections:
            return True  # an interjection drawn out at its end ("ehhh", "uhmmm")
        # a vowel drawn out ("jaaa", "zooo"), or any letter of a word without a vowel ("hmm", "pfff"); a
        # consonant typed three times in a word with a vowel is a slip of the keyboard ("dattt", "ennn")
        if not any((len(r) >= 3 and _VOWELS.match(r)) or (len(r) >= 2 and not _VOWELS.search(low)) for r in runs):
            return False
        return any(len(c) <= 4 and self.dict.check(c) for c in _shortened(low))

    def _inflected(self, low: str) -> bool:
        """A regular form of a dictionary word that OpenTaal does not list (pipeline/language/inflection.py):
        an adjective's -e, -en, comparative or superlative ("mediane" from mediaan, "statutairen",
        "evidentst"), a noun's plural ("randomisaties"), a participle ("geïncludeerd") or agent noun
        ("verrichter") of a verb. The base must be a dictionary word of that class, and no other word
        Frog's corpus has seen may lie one edit or slip away ("bevalligen" is a slip of "bevallingen",
        not bevallig + -en). Female forms ("experte") are left out: the lexicon does not tell which
        nouns name persons, so "-e" on any de-word ("doodskiste") would pass."""
        if not low.isalpha() or len(low) < 6:
            return False
        hit = (any(self.adjective(b) for b in inflection.adjective_bases(low))
               or any(self._noun(b) and not (b == low[:-2] and self.english_word(b)) for b in inflection.plural_bases(low))
               or self._participle(low) or self._agent_noun(low))
        return hit and not self._rival_form(low)

    def _rival_form(self, low: str) -> bool:
        """A word Frog's corpus has seen one typical slip, or one letter more or less, away ("bevalligen"
        beside "bevallingen", "momente" beside "momenten"); forms of the same word do not count: a
        shorter one ("expert" beside "experte") or another last letter ("verrichten" beside "verrichter"),
        but d for t is a slip ("geweesd" beside "geweest")."""
        cands = {c for c in _edits1(low) if len(c) != len(low)} | dutch_edits(low)
        return any(len(c) >= 3 and not low.startswith(c) and (c[:-1] != low[:-1] or c[-1] + low[-1] in ("dt", "td"))
                   and self._attested(c) for c in cands - {low})

    def adjective(self, base: str) -> bool:
        """An adjective's plain form: not inflected (-e) or ending in another vowel, not in -en or a
        participle (which take no endings: "aangeboren"), not a partitive ("moois") or a comparative
        ("aandachtiger")."""
        if base[-1:] in VOWELS or base.endswith("en") or not self.dict.check(base) or "vd" in lexicon.tags(base):
            return False
        if base.endswith("s") and self.adjective(base[:-1]):
            return False  # the partitive "iets moois", not an adjective of its own
        return "adj" in lexicon.tags(base) and not (base.endswith("er") and any(
            b != base and self.dict.check(b) and "adj" in lexicon.tags(b) for b in inflection.adjective_bases(base)))

    def _participle(self, low: str) -> bool:
        """[particle] + ge + stem + t/d by 't kofschip: the stem as the dictionary writes it ("ik
        zet") or the stressed -eer of a loan verb ("includeer"), of a verb without an unstressed prefix (which takes no ge-: "verricht"); with a
        particle, particle + infinitive a dictionary verb."""
        for p in inflection.participles(low, spelling_data().separable_particles):
            if (p.ending and p.stem[-1:] in "td") or not (self.dict.check(p.stem) or self._loan_stem(p.stem)):
                continue
            for inf in _infinitives(p.stem):
                ending = inflection.participle_ending(inf[:-2])
                if (p.ending == ending or (not p.ending and p.stem[-1:] in "td")) and self._verb(inf) \
                        and (self._verb(p.particle + inf) if p.particle else not self._prefixed_verb(inf)):
                    return True
        return False

    def _loan_stem(self, stem: str) -> bool:
        """The stressed -eer stem of a loan verb in -eren ("includeer"), not of a Dutch verb whose
        stem ends in a toneless -er ("bibber", so "gebibbeerd" stays an error)."""
        return stem.endswith("eer") and not self.dict.check(stem[:-3] + "er")

    def _prefixed_verb(self, inf: str) -> bool:
        """A verb with an unstressed prefix ("verrichten") or a separable particle ("afleveren"): its
        participle has no ge- in front."""
        return inf.startswith(_UNSTRESSED_PREFIXES) or any(
            inf.startswith(p) and self._verb(inf[len(p):]) for p in spelling_data().separable_particles)

    def _agent_noun(self, low: str) -> bool:
        """A verb's stem + -er, also plural -ers: "verrichter" (verrichten)."""
        stem = low[:-3] if low.endswith("ers") else low[:-2] if low.endswith("er") else ""
        if len(stem) < 4 or (stem[-1] in "td" and any(self._verb(i) for i in _infinitives(stem[:-1]))):
            return False  # "rookt|ers": rookten is a past of roken, not a verb of its own
        return any(self.dict.check(inf) and "inf" in lexicon.tags(inf) for inf in _infinitives(stem))

    def _abbreviation_plural(self, stem: str) -> bool:
        """An abbreviation before its plural 's ("NSAID's", "nsaid's", "pdf's"): in capitals, or a short
        stem in small letters that is no word and no slip of one (Dutch writes 's after abbreviations)."""
        if stem.isupper() and stem.isalpha():
            return True
        return stem.islower() and stem.isalpha() and 2 <= len(stem) <= _ABBREVIATION_MAX and not self._near_word(stem)

    def _medical_formation(self, low: str) -> bool:
        """A medical word built from Greek and Latin parts that no word list holds: combining forms
        ending in a suffix or a dictionary word ("chorio|carcin|oom", "anti|trombine",
        "hyper|thyreo|ïdie"; parts in pipeline/language/data/medical_word_parts.yaml). The whole word
        must split; one edit from a dictionary or project word it is a slip ("antitrombien" stays one)."""
        if len(low) < _MEDICAL_MIN or not low.isalpha():
            return False
        if not (self._medical_split(low, 0) or self._privative(low) or self._latin_name_suffix(low)):
            return False
        return not self.near_attested(low)

    def _privative(self, low: str) -> bool:
        """The Greek privative before a vowel or h ("an|ovulatie", "an|hydr|amnion"), or the numeral
        "di" before a combining form ("di|chori|aal")."""
        parts = medical_parts()
        for prefix in parts.privatives:
            rest = low[len(prefix):]
            if low.startswith(prefix) and (rest[:1] in VOWELS or rest[:1] == "h") and (
                    self._medical_end(rest) or self._medical_split(low, len(prefix))):
                return True
        return any(low.startswith(n) and (self._medical_split(low, len(n)) or low[len(n):] in _NUMBER_SUFFIXES)
                   for n in parts.numerals)

    def _latin_name_suffix(self, low: str) -> bool:
        """A dictionary or listed noun without its ending (-a, -e, -um, -us) before a suffix with a
        vowel: "listeri(a)|ose", "menopauz(e)|aal", "peritone(um)|ale"; also after combining forms
        ("post|menopauz(e)|aal", "intra|peritone(um)|ale")."""
        suffixes = medical_parts().suffixes
        for cut in range(5, len(low) - 2):
            suffix = low[cut:]
            if suffix not in suffixes or suffix[0] not in VOWELS:
                continue
            # a Latin name in -a takes any suffix; a noun in -e, -um or -us only an adjective's
            # ("menopauz|aal"; "zwanger|ose" is no word)
            endings = ("a", *_DROPPED_ENDINGS) if suffix in _RELATION_SUFFIXES else ("a",)
            if any(self._relation_base(low[:cut] + ending, ending) for ending in endings):
                return True
            # a noun in -ie before -oir(e): "ovulat(ie)|oire", "circulat(ie)|oir" (a dictionary noun)
            if suffix in ("oir", "oire") and self.dict.check(low[:cut] + "ie"):
                return True
        return False

    def _relation_base(self, base: str, ending: str) -> bool:
        """A Latin name in -a that the dictionary or a list knows; a noun in -e, -um or -us only when it
        is medical: listed, or made of combining forms ("meno|pauze"; "ziekt|aal" is no word)."""
        known = self._medical_end(base) if ending == "a" else base in self.extra_lower
        return known or (len(base) >= _MEDICAL_MIN and self._medical_split(base, 0))

    def near_attested(self, low: str) -> bool:
        """One edit or typical slip from a project word or a dictionary word that Frog's corpus has
        seen, or a dictionary word without its diaeresis ("arteriele" of arteriële); hunspell's own
        compounds ("antitrombone") do not count."""
        cands = {c for c in (_edits1(low) | dutch_edits(low)) - {low} if not _other_form(low, c)}
        diaeresis = _with_diaeresis(low)
        return bool(cands & self.extra_lower) or any(
            (lexicon.count(c) > 0 or c in diaeresis) and self.dict.check(c) for c in cands)

    def _medical_split(self, low: str, start: int) -> bool:
        """``low[start:]`` is one or more combining forms followed by a suffix or a word (of 4+ letters)."""
        parts = medical_parts()
        for form in parts.forms:
            for head in _medical_heads(form, low, start):
                rest = low[start + len(head):]
                if head[-1] + rest[:1] in VOWEL_CLASH:
                    continue  # two vowels that read as one take a hyphen: auto-ongeluk, angio-oedeem
                # a form loses its vowel before a Greek or Latin part ("hydr|amnion"), not before a
                # Dutch word ("olig|amenorroe" is a slip); a word of four letters ends too much
                if rest in parts.suffixes or (len(rest) >= 5 and (head == form or rest in parts.form_set)
                                              and self._medical_end(rest)):
                    return True
                if len(rest) >= 3 and self._medical_split(low, start + len(head)):
                    return True
        return False

    def _medical_end(self, rest: str) -> bool:
        return self.dict.check(rest) or rest in self.extra_lower

    def typo_of_word(self, low: str) -> bool:
        """One typical Dutch slip (doubled letter, ij/ei, d/t ...) from a dictionary word."""
        return any(c != low and len(c) >= 3 and self.dict.check(c) for c in dutch_edits(low))

    def _separable_participle(self, low: str) -> bool:
        """The participle of a separable verb that OpenTaal does not list: particle + ge + stem + t/d
        ("weggeschraapt" from wegschrapen, "uitgekrabd"), also inflected ("weggeschraapte"). The
        participle without its particle must be a dictionary word and particle + infinitive a verb."""
        if not low.isalpha() or len(low) < 8:
            return False
        form = low[:-1] if low.endswith(("te", "de")) else low
        if not form.endswith(("t", "d")):
            return False
        for particle in spelling_data().separable_particles:
            rest = form[len(particle):]
            if not form.startswith(particle) or not rest.startswith("ge") or len(rest) < 5:
                continue
            if not self.dict.check(rest) or "vd" not in (lexicon.tags(rest) or {"vd"}):
                continue
            # both halves are checked words, so no typo guard: "weggeschraapt" is one slip from
            # "weggeschrapt" (wegschrappen), and both are right
            if any(self._verb(particle + inf) for inf in _infinitives(rest[2:-1])):
                return True
        return False

    def _separable_present(self, low: str) -> bool:
        """The present participle of a separable verb that OpenTaal does not list: particle + the verb's own
        present participle, where particle + infinitive is a dictionary verb ("wegdrijvend" from wegdrijven)
        and the whole no slip of a dictionary word ("voordurend" is one of "voortdurend")."""
        form = low[:-1] if low.endswith("ende") else low
        if not form.endswith("end") or len(form) < 8 or self.typo_of_word(low):
            return False
        return any(form.startswith(particle) and len(form) - len(particle) >= 6 and self.dict.check(form[len(particle):])
                   and self._verb(form[:-1]) for particle in spelling_data().separable_particles)

    def _derivation(self, low: str) -> bool:
        """An adjective in -lijk made from a noun ("baarmoederlijke" from baarmoeder, as in
        buitenbaarmoederlijk), one in -baar from a verb, and a woman's agent noun in -ster beside one in
        -er ("kunstschaatster" beside kunstschaatser, "onderzoekster" beside onderzoeker). The base must
        be a noun and the word no slip of a dictionary word: "duidlijk" lacks the e of "duidelijk"."""
        if not low.isalpha() or len(low) < 9:
            return False
        for end in ("lijke", "lijk"):
            head = low[: -len(end)]
            if low.endswith(end) and len(head) >= 5 and self._noun(head):
                return not self.dict.check(head + "e" + end) and not self._slip_of_attested(low)
        if self._atie_of_verb(low) or self._baar_of_verb(low):
            return True
        base = low[:-1] if low.endswith("sters") else low
        if base != low and self.dict.check(base):
            return True  # the plural of a dictionary agent noun in -ster ("rooksters")
        if base.endswith("ster"):
            agents = {base[:-4] + "er", base[:-3] + "er"}
            return any(self._noun(a) or self.known(a) for a in agents) and not self._slip_of_attested(low)
        return False

    def _baar_of_verb(self, low: str) -> bool:
        """An adjective in -baar made from a dictionary verb's stem ("inleidbaar" of inleiden, as
        behandelbaar of behandelen), with its -e; not a slip of a dictionary word."""
        for end in ("bare", "baar"):
            head = low[: -len(end)]
            doubled = head[-1:] == head[-2:-1] and head[-1:] not in VOWELS  # a stem never ends so ("zwemm")
            if low.endswith(end) and len(head) >= 4 and not doubled \
                    and any(self._verb(inf) for inf in _infinitives(head)):
                return not self._slip_of_attested(low)
        return False

    def _atie_of_verb(self, low: str) -> bool:
        """A noun in -atie of a dictionary verb of a Latin kind in -eren ("cauterisatie" of cauteriseren,
        as implantatie of implanteren, stimulatie of stimuleren), and its plural; not a slip of a
        dictionary word. Other verbs in -eren form their noun otherwise (verandering, controle)."""
        stem = low[:-1] if low.endswith("aties") else low
        verb = stem[:-4] + "eren"
        return (stem.endswith("atie") and len(stem) >= 9 and verb.endswith(_ATIE_VERBS) and self.dict.check(verb)
                and not self._slip_of_attested(low))

    def _prefixed(self, low: str) -> bool:
        """A prefix joined to a known word: "subfertiliteit", "pseudomenstruatie" (list in
        schema/style-language.yaml); the rest is checked like any word, so a typo there stays one.
        Vowels that would read as one sound where they meet take a diaeresis after "pre"
        ("preïmplantatie") and a hyphen after the others (micro-organisme, anti-inflammatoir):
        "preimplantatie", "microörganisme" and "antiinflammatoir" are errors."""
        for prefix in spelling_data().prefixes:
            rest = low[len(prefix):]
            if not low.startswith(prefix) or len(rest) < 4 or not rest.isalpha():
                continue
            seam = prefix[-1] + _PLAIN_VOWEL.get(rest[0], rest[0])
            marked = rest[0] in _PLAIN_VOWEL and prefix in spelling_data().diaeresis_prefixes
            if (seam in VOWEL_CLASH) != marked:
                continue  # a clash without its diaeresis (or hyphen), or a diaeresis where none belongs
            if self.known(_PLAIN_VOWEL.get(rest[0], rest[0]) + rest[1:]):
                return not self.typo_of_word(low)
        return False

    def _prefixed_hyphen(self, w: str) -> bool:
        """A prefix or a medical combining form joined with a hyphen to a known word: "pseudo-menstruatie",
        "intra-uterien", "parvo-infectie"."""
        prefix, _sep, rest = w.partition("-")
        if len(rest) < 2 or not self.known(rest):
            return False
        # a medical combining form written apart before its word: "parvo-infectie", "foeto-maternaal"
        return prefix.lower() in spelling_data().prefixes or (
            prefix[1:].islower() and len(prefix) >= 4 and prefix.lower() in medical_parts().form_set)

    def _verb_form(self, low: str) -> bool:
        """A present or past form of a dictionary verb that OpenTaal does not list: "innestelt"
        (innestelen), "innestelde". The infinitive must be a verb, not only a plural noun, and the
        form must not be one typical slip away from a dictionary word."""
        if not low.isalpha() or len(low) < 6:
            return False
        for ending in _VERB_ENDINGS:
            if not low.endswith(ending):
                continue
            stem = low[: -len(ending)]
            if any(self._verb(inf) and _past_fits(ending, inf) for inf in _infinitives(stem)):
                return not any(c != low and len(c) >= 3 and self.dict.check(c) for c in dutch_edits(low))
        return False

    def _ing_noun(self, low: str) -> bool:
        """A noun in -ing (or plural -ingen) of a dictionary verb that OpenTaal does not list:
        "uitschraping" (uitschrapen), "wegzuiging" (wegzuigen). The verb's infinitive minus -en plus
        -ing keeps its spelling; the noun must not be one typical slip away from a dictionary word."""
        if not low.isalpha() or len(low) < 8:
            return False
        stem = low[:-5] if low.endswith("ingen") else low[:-3] if low.endswith("ing") else ""
        if len(stem) < 4 or not self._verb(stem + "en"):
            return False
        return not any(c != low and len(c) >= 3 and self.dict.check(c) for c in dutch_edits(low))

    def _verb(self, inf: str) -> bool:
        if not self.dict.check(inf):
            return False
        entry = lexicon.entry(inf)
        return entry is None or bool({"inf", "pvmv"} & lexicon.tags(inf))

    def _stressed(self, w: str) -> bool:
        """A stress accent on a known word ("voorkòmen", "láng", "één"), also on a compound or a listed
        word the plain form is accepted as ("éénlingzwangerschap"); a diaeresis is spelling."""
        plain = _STRESS.sub("", unicodedata.normalize("NFD", w))
        if plain == unicodedata.normalize("NFD", w):
            return False
        return self.known(unicodedata.normalize("NFC", plain))

    def _compound(self, low: str) -> bool:
        """A compound of dictionary words that hunspell does not join by itself: "weeënachtige",
        "zwangerschapsrest", "topnavigatiemenu". Parts may carry a linking s; "-achtig" and "-heid"
        count as parts. Two ordinary words also make typos ("oor|zak" for "oorzaak"), so the word must
        not be one typical Dutch slip away from a dictionary word, and with a short first part not one
        edit away at all ("mis|kraan" for "miskraam"); vowels that would read as one sound at the
        seam need a hyphen ("echouitslag" is an error, "echo-uitslag" right)."""
        if not low.isalpha() or len(low) < 7:
            return False
        split = self._plain_split(low)
        if split is None:
            return False
        if split[0] in _GLUED_DETERMINERS and self._attested(low[len(split[0]):]):
            return False  # an article or a determiner glued to a word ("eenkind", "hetbloed"): two words
        if any(a[-1] + b[0] in VOWEL_CLASH for a, b in zip(split, split[1:])):
            return False  # two vowels that read as one sound take a hyphen: echo-uitslag, auto-ongeluk
        # the same parts joined with a linking s count only when that form is attested or the part
        # takes one ("zwangerschaptest" is a slip of "zwangerschapstest"; "vadersgevoelens" is hunspell's)
        seams = _linking_variants(split)
        target = partial(self._slip_target, low, split)
        slip = lambda c: c != low and target(c) and (c not in seams or self._attested(c))  # noqa: E731
        if any(len(c) >= 3 and slip(c) for c in dutch_edits(low)):
            return False
        if min(len(p) for p in split[:-1]) < 4:
            # any one edit counts beside a short first part ("mis|kraan"), but not towards a join nobody
            # writes that keeps neither end of the word's own split ("val|kliniek" is no slip of "valk|linie";
            # "behadel|kamer" is one of "behandel|kamer")
            return not any(slip(c) and not (self.nobodys_join(c) and not self._keeps_end(split, c))
                           for c in _edits1(low))
        # one edit from a word people write often: a slip of that word ("zwangers|cap" for zwangerschap)
        return not any(c != low and len(c) >= 8 and lexicon.count(c) >= COMMON_WORD_COUNT and self.dict.check(c)
                       for c in _edits1(low) if c in lexicon.known_words())

    def _keeps_end(self, split: list[str], cand: str) -> bool:
        """``cand`` keeps the first or the last part of ``split`` with a dictionary word beside it."""
        head, tail = split[0], split[-1]
        return (cand.startswith(head) and self.dict.check(cand[len(head):])) or (
            cand.endswith(tail) and self.dict.check(cand[:-len(tail)]))

    def _plain_split(self, low: str) -> list[str] | None:
        """The first of a compound's splits (longest head first) whose parts are no rare look-alikes of
        frequent words: "blaas|sluitspier", not "blaass|luits|pier". Another split counts only with
        fewer parts than the first ("ziekt|aal" is no "ziek|taal"), and a long look-alike is a slip
        ("zwagerschap" for zwangerschap) that no other split may explain away ("zwager|schaps")."""
        most = 3
        for split in islice(_splits(low, self._compound_part, 3), 8):
            if len(split) > most or any(lexicon.tags(p) == _FINITE_ONLY for p in split[:-1]):
                continue  # a verb form with its -t opens no compound ("botst|ukken" is "bot|stukken")
            if len(split) == 2 and split[0].endswith("s") and self._shadowed(split[1]):
                # the s may start the second part instead of linking: "baarmoeder|spier", not "baarmoeders|pier"
                other = [split[0][:-1], "s" + split[1]]
                if self._compound_part(other[0], False) and self._compound_part(other[1], True):
                    split = other
            shadowed = [p for p in map(self._stem_part, split) if self._shadowed(p)]
            if not shadowed:
                return split
            if max(map(len, shadowed)) >= _LONG_LOOKALIKE:
                return None
            most = len(split) - 1
        return None

    def _slip_target(self, low: str, split: list[str], cand: str) -> bool:
        """``cand`` is a word that ``low`` (split into ``split``) may be a slip of: a dictionary word
        people write ("mis|kraan" of "miskraam"), hunspell's join with the linking s that ``low``
        lacks at a seam ("leven|verrichting"), or a join that splits otherwise ("hartgebrek|ken" of
        "hart|gebreken"); never the same join with one word swapped for another ("heet|aanvallen"
        beside "eet|aanvallen", "boot|pijnen" beside "bot|pijnen", "ouderdoms|wrakje" beside
        "ouderdoms|wratje")."""
        if not self.dict.check(cand):
            return False
        seams = list(accumulate(map(len, split[:-1])))
        at = [k for k, i in enumerate(seams) if _inserted_at(low, cand, {i}, "s")]
        if at:
            return not self._s_read_otherwise(split, at[0])  # a missing linking s, unless the s there is one
        if self._baar_of_verb(cand) or self._derivation(cand):
            return True  # a word Dutch derives ("behandel|bar" of behandelbaar)
        return self.written(cand) and not self.nobodys_join(cand) or not self._swapped_part(split, cand)

    def _s_read_otherwise(self, split: list[str], k: int) -> bool:
        """The single s at the seam after part ``k`` reads as well the other way, with words of three
        letters or more on both sides: as the first part's linking s ("lichaam|sluis" is "lichaams|luis",
        a louse) or as the second part's first letter ("kits|tof" is "kit|stof"); then the word is no
        slip of the join with a doubled s."""
        head, tail = split[k], split[k + 1]
        if tail.startswith("s"):
            other = (head + "s", tail[1:])
        elif head.endswith("s"):
            other = (head[:-1], "s" + tail)
        else:
            return False
        return min(len(other[0].rstrip("s")), len(other[1])) >= 3 and self._compound_part(other[0], False) \
            and self._compound_part(other[1], k + 1 == len(split) - 1)

    def _swapped_part(self, split: list[str], cand: str) -> bool:
        """``cand`` is ``split`` joined with one part, a word people write (Frog's corpus has seen it or
        the dictionary's word file lists it: "spatader"), replaced by another word or join ("eet" by
        "heet", "spatader" by "spat|adder"); a part that is itself a join ("kram|begeleiding") may hide
        the slip."""
        for k, part in enumerate(split):
            pre, post = "".join(split[:k]), "".join(split[k + 1:])
            other = cand[len(pre):len(cand) - len(post)]
            if not (cand.startswith(pre) and cand.endswith(post) and len(other) >= 3 and other != part):
                continue
            written = self.written(part) or any(self.written(b) for b in _noun_bases(part))
            if written and (self.dict.check(other) or _split_compound(other, self._compound_part, 2)):
                return True
        return False

    def written(self, word: str) -> bool:
        """A word people write: Frog's corpus has seen it, or the Dutch dictionary's own word file lists
        it (not just a join hunspell allows)."""
        return self._attested(word) or (self.dict.tag == "nl_NL" and word in dictionary.listed_words()
                                        and self.dict.check(word))

    def nobodys_join(self, word: str) -> bool:
        """A join of two words that only hunspell makes and Frog's corpus never saw ("miss|kraan",
        "toep|dokter"): a poor suggestion beside a word people write."""
        proper = word[:1].isupper() and self.dict.check(word) and not self.dict.check(word.lower())
        return not proper and not self._attested(word.lower()) and word.isalpha() and any(
            self.dict.check(word[:i]) and self.dict.check(word[i:]) for i in range(3, len(word) - 2))

    def _english_compound(self, low: str) -> bool:
        """English words glued before a Dutch noun ("case|control|onderzoek"): every part before the
        last an English word (no plural), one of six letters or more English only, the noun five
        letters or more; the whole no slip and no single edit from a dictionary word ("advise|gesprek"
        is a slip of adviesgesprek), since two parts also make typos."""
        if not low.isalpha() or len(low) < 10:
            return False
        split = _split_compound(low, self._loan_part, 3)
        if split is None or len(split[-1]) < 5 or not self._noun(split[-1]) \
                or not any(len(p) >= _LOAN_MIN and self._english_only(p) for p in split[:-1]):
            return False
        # a letter added where two parts meet is the Dutch spelling of a part ("casecontrol|e|onderzoek")
        seams = {len("".join(split[:i])) for i in range(1, len(split))}
        return not any(c != low and self.dict.check(c) and not _inserted_at(low, c, seams)
                       for c in _edits1(low) | dutch_edits(low))

    def _loan_part(self, part: str, last: bool) -> bool:
        # an English plural is no compound's first part ("aborts|centra" is a slip of abortuscentra)
        return self._compound_part(part, True) if last else (
            len(part) >= 4 and self.english_word(part) and not (part.endswith("s") and not part.endswith("ss")))

    def _english_only(self, part: str) -> bool:
        return len(part) >= 4 and self.english_word(part) and not self.dict.check(part)

    def _slip_of_attested(self, low: str) -> bool:
        """One typical Dutch slip from a word Frog's corpus has seen (hunspell's own joins such as
        "schaatsster" do not count)."""
        return any(c != low and len(c) >= 3 and self._attested(c) for c in dutch_edits(low))

    def _attested(self, word: str) -> bool:
        """A word Frog's corpus has seen, or a project word."""
        return word in self.extra_lower or (lexicon.count(word) > 0 and self.dict.check(word))

    def _with_hyphen(self, low: str) -> set[str]:
        """The compound written with the hyphen its vowel clash needs ("groeiecho" -> "groei-echo")."""
        split = _split_compound(low, self._compound_part, 3) if low.isalpha() and len(low) >= 7 else None
        if split is None:
            return set()
        out = split[0]
        for head, part in zip(split, split[1:]):
            if out[-1] + part[0] in VOWEL_CLASH and not self._noun(head):
                return set()  # an adjective glued to its noun wants a space, not a hyphen
            out += ("-" if out[-1] + part[0] in VOWEL_CLASH else "") + part
        return {out} if "-" in out and self.known(out) else set()

    def _compound_part(self, part: str, last: bool) -> bool:
        if last and part in _BOUND_SUFFIXES:
            return True
        if last and part in _PARTICIPLE_ENDS:
            return False  # "los|val|end" is a present participle short of a letter (losvallend), no compound
        if self.dict.check(part) or self._compound_word(part):
            return True
        if not last and part in spelling_data().compound_forms:
            return True  # the -er- form of a noun with an -eren plural: kinder|uitvaarten, eier|stok
        # a linking s after a non-final part ("zwangerschaps|rest"); not after a vowel
        return (not last and part.endswith("s") and len(part) > 4 and part[-2] not in VOWELS
                and (self.dict.check(part[:-1]) or self._compound_word(part[:-1])))

    def _hyphenated_ok(self, parts: list[str]) -> bool:
        """Every part a word, or a name joined to a word: "Asherman-syndroom", "BeterDichtbij-app".

        A name cannot be checked, so a capitalised part that is no word is taken for a name when
        another part is an ordinary word, unless it is one slip away from a dictionary word (then it
        is a misspelt word at the start of a sentence: "Zwagerschaps-echo")."""
        if all(self._part_ok(p) for p in parts):
            return True
        if self._spelled_out(parts) or self._english_parts(parts) or self._english_compound_phrase(parts):
            return True
        if (len(parts) == 2 and parts[0] == "s" and _name_like(parts[1]) and not self.known(parts[1])
                and not self._near_word(parts[1].lower())):
            return True  # the old genitive before a place name: 's-Hertogenbosch, 's-Gravenhage
        names = [p for p in parts if not self._part_ok(p)]
        words = [p for p in parts if p not in names and p.islower() and len(p) >= 2]
        if not words:  # names joined: "Pfizer-BioNtech", a maker's name and a product's
            return len(names) == len(parts) and any(_camel(p) for p in parts) and all(
                _camel(p) or (_name_like(p) and not self._near_word(p.lower())) for p in parts)
        return all(_camel(p) or (_name_like(p) and not self._near_word(p.lower())) for p in names)

    def _spelled_out(self, parts: list[str]) -> bool:
        """A word written out in syllables for stress ("ab-so-luut"): three parts or more, none
        longer than four letters, that make a dictionary word of six letters or more."""
        whole = "".join(parts)
        return (len(parts) >= 3 and all(len(p) <= 4 for p in parts) and len(whole) >= 6
                and self.dict.check(whole.lower()))

    def _english_parts(self, parts: list[str]) -> bool:
        """English words joined to a Dutch last part ("twin-to-twin-transfusiesyndroom",
        "screening-uitslag"): each English part no Dutch word, the last part a Dutch word."""
        head, last = parts[:-1], parts[-1]
        return ((len(last) >= 4 and last.islower() and self.known(last) or _abbreviation(last))
                and all(p.islower() and self.english_word(p) or self.known(p) for p in head)
                and any(p.islower() and len(p) >= 3 and self.english_word(p) and not self.known(p) for p in head))

    def _english_compound_phrase(self, parts: list[str]) -> bool:
        """An English hyphenated compound as a whole ("peer-reviewed", "well-known"): every part an
        English word in small letters, one of them five letters or more and no Dutch word; not after a
        Dutch prefix, which makes a Dutch word ("extra-uterine" for extra-uterien stays an error)."""
        return (parts[0] not in spelling_data().prefixes and all(p.islower() and self.english_word(p) for p in parts)
                and any(len(p) >= 5 and not self.known(p) for p in parts))

    def hyphenated_name_compound(self, word: str) -> bool:
        """Inside a sentence, where Dutch capitalises only names: a capitalised part joined to words
        ("Apgar-score", "Hegar-stift") is a name, even one slip from a short word ("Fara-team"), as long
        as every other part is a known word in small letters; one slip from a long word it is that word
        misspelt, unless it is an English word."""
        parts = _norm(word).split("-")
        names = [p for p in parts if _name_like(p) and not self._part_ok(p)]
        rest = [p for p in parts if p not in names]
        if len(names) != 1 or parts[0] not in names or not rest:
            return False
        low = names[0].lower()  # one slip from a Dutch word it is a misspelt word, unless an English one
        return (all(p.islower() and len(p) >= 3 and self.known(p) for p in rest)
                and (not self._near_word(low, shortest=8) or self.english_word(names[0])))

    def proper_name(self, word: str, names: frozenset[str] = frozenset()) -> bool:
        """A capitalised word (or hyphenated run of them: "Kübler-Ross") that is not one typical slip
        away from a dictionary word; inside a sentence, where Dutch capitalises only names, such a word
        is a name ("Unicef", "Babyvandaag") rather than a misspelling."""
        parts = _norm(word).split("-")
        if not all(_name_like(p) for p in parts):
            return False
        known = {n.lower() for n in names}
        if known and (_edits1(word.lower()) | dutch_edits(word.lower())) & known:
            return False  # a known name misspelt ("Kwakelhof" beside the brand's "Kwakkelhof")
        if len(parts) > 1:  # capitalised parts joined by a hyphen: a double name ("Kübler-Ross")
            return any(self._seen_as_name(p.lower()) or not self._near_common_word(p.lower()) for p in parts)
        low = parts[0].lower()
        if self._seen_as_name(low) or self._old_name_spelling(low):
            return True
        if any(len(c) >= 8 and lexicon.count(c) >= _COMMON_NAME for c in self._names_close(low)):
            return False  # a slip in a long, common name ("Nederand" for Nederland; "Wilhelmine" is a name)
        return not self._near_common_word(low)

    def _old_name_spelling(self, low: str) -> bool:
        """A family name in its old spelling, y for ij or uy for ui ("Schryvers", "Kuyken"), from a
        word Frog's corpus has seen but not often (a trade, a place); a y for the ij of a common word
        ("Vrydag", "Belangryk") or of a compound nobody saw ("Kraamtyd") stays a slip."""
        return "y" in low and any(self.dict.check(v) and 0 < lexicon.count(v) < _COMMON_IJ_WORD
                                  for v in {low.replace("uy", "ui"), low.replace("y", "ij")} - {low})

    def y_for_ij(self, word: str) -> bool:
        """``word`` is a common word with a y for its ij ("Vrydag", "Blyven"): a slip, no name."""
        low = word.lower()
        return "y" in low and any(self.dict.check(v) and lexicon.count(v) >= _COMMON_IJ_WORD
                                  for v in {low.replace("uy", "ui"), low.replace("y", "ij")} - {low})

    def _seen_as_name(self, low: str) -> bool:
        """A word Frog's corpus has seen a few times without giving it a word class, and no dictionary
        word: a name ("Julie" beside "jullie", "Archie" beside "archief"). Written with a capital inside
        a sentence it is that name, not a slip of its neighbour."""
        return lexicon.count(low) >= NAME_SEEN and not lexicon.tags(low) and not self.dict.check(low)

    def _near_common_word(self, low: str) -> bool:
        """One typical Dutch slip from a dictionary word, or one edit from a word that Frog's corpus
        has seen more often ("Verloskundge", "Miskraan"); hunspell's own compounds ("maanstreek" next
        to "Zaanstreek") do not count."""
        if any(c != low and len(c) >= 3 and self.dict.check(c) for c in dutch_edits(low)):
            return True
        floor = max(1, 5 * lexicon.count(low))  # a name Frog's corpus has seen ("Unicef") needs a far commoner neighbour
        return len(low) >= 5 and any(c != low and lexicon.count(c) >= floor and self.dict.check(c) for c in _edits1(low))

    def name_like(self, word: str) -> bool:
        """A capitalised word with a letter Dutch spelling does not use ("Rodanña", "Çelik"): a name
        from another language, not a typo of a Dutch word."""
        w = _norm(word)
        return _name_like(w) and any(c in _FOREIGN_LETTERS for c in w.lower())

    def one_edit_from_word(self, word: str, endings: tuple[str, ...] = ()) -> bool:
        """One letter added, left out, changed or swapped from a dictionary or listed word; with
        ``endings``, from a listed word that ends in one of them (a Latin word of the lists: "margnalis"
        beside marginalis, not "cysticus" beside the Dutch mysticus)."""
        low = word.lower()
        if endings:  # the same Latin word with another case or gender ("internum" beside internus) is none
            return any(c[:-1] != low[:-1] and c.endswith(endings) and c in self.extra_lower for c in _edits1(low))
        return any(c != low and len(c) >= 3 and (c in self.extra_lower or self.dict.check(c)) for c in _edits1(low))

    def _near_word(self, low: str, ignore: str = "", shortest: int = 3) -> bool:
        """One edit or typical slip from a dictionary word of ``shortest`` letters or more; words starting
        with ``ignore`` (another form of the word itself) do not count."""
        cands = _edits1(low) | dutch_edits(low)
        if low.endswith("s") and len(low) > 4:  # a compound's first part with its linking s
            cands |= {low[:-1]} | _edits1(low[:-1]) | dutch_edits(low[:-1])
        cands.discard(low)
        return any(len(c) >= shortest and not (ignore and c.startswith(ignore)) and self.dict.check(c) for c in cands)

    def _diminutive(self, low: str) -> bool:
        """The regular diminutive of a dictionary noun, or its plural: "foetusje", "baarmoedertje",
        "balletje", "boompjes". OpenTaal lists only the common ones; the form must be the one
        Dutch spelling makes of that noun, so "baarmoederje" or "zwagerschapje" stay errors."""
        w = low[:-1] if low.endswith("jes") else low
        if not w.endswith("je") or len(w) < 5 or not w.isalpha():
            return False
        for stem in _diminutive_stems(w):
            if w in _diminutives(stem) and (self._noun(stem) or self._verb_stem(stem)):
                return True
        return False

    def _verb_stem(self, stem: str) -> bool:
        """The stem of a verb makes a diminutive noun too: "huiltje" (huilen), "knikje", "kusje"."""
        return lexicon.entry(stem) is not None and "pv" in lexicon.tags(stem) and any(
            self._verb(inf) for inf in _infinitives(stem))

    def _noun(self, stem: str) -> bool:
        if stem in self.extra_lower:
            return True
        if not self.dict.check(stem):
            return False
        if lexicon.entry(stem) is not None:
            return "n" in lexicon.tags(stem)
        if stem.endswith(_NOUN_ENDINGS):
            return True  # a dictionary word Frog's corpus has not seen, with an ending only nouns have ("adhesie")
        # a compound the lexicon has not seen: its last part decides ("vruchtzak" -> "zak")
        return any("n" in lexicon.tags(stem[i:]) for i in range(1, len(stem) - 2))

    def _project_compound(self, low: str) -> bool:
        """A compound with a project-list word, which OpenTaal cannot compound with
        ("misoprostoltabletten", "rhesusprik"). Only project words may form one part: two ordinary
        words would also accept typos such as "zwager|schap"."""
        if not self.extra_lower:
            return False
        listed = self._compound_word
        for i in range(3, len(low) - 2):
            head, tail = low[:i], low[i:]
            if listed(head) and (self.dict.check(tail) or listed(tail)):
                return True
            if head.endswith("s") and listed(head[:-1]) and self.dict.check(tail):
                return True
            if listed(tail) and len(head) >= 3 and self.dict.check(head):
                return True
        return False

    def _compound_word(self, part: str) -> bool:
        """A project word that can be part of a compound: not a Latin inflected word of a Latin term
        ("hydrops foetalis", "erythema infectiosum" are written apart, never glued)."""
        return part in self.extra_lower and not part.endswith(medical_parts().latin_endings)

    def _part_ok(self, part: str) -> bool:
        # parts of hyphenated compounds: single letters (anti-D), abbreviations (IUD-spiraal), words
        if not part:
            return False
        if len(part) == 1 or part.isupper() or any(c.isdigit() for c in part) or part.lower() in _BOUND_SUFFIXES:
            return True
        if any(c.isupper() for c in part[1:]) and len(part) <= 6:
            return True  # an abbreviation with inner capitals: hCG-waarde
        if len(part) == 2 and part[0].isupper() and part.isalpha():
            return True  # a two-letter abbreviation in mixed case: Ig (immunoglobulin), Hb
        if self.known(part):
            return True
        if 3 <= len(part) <= 5 and part.isalpha() and self.dict.check(part.upper()):
            return True  # an abbreviation the dictionary has in capitals, written small: dna-test, Dna-onderzoek
        # a first part with its linking s, hyphenated for easy reading ("zwangerschaps-weefsel")
        low = part.lower()
        return (low.endswith("s") and len(low) > 4 and low[-2] not in VOWELS and self.known(low[:-1])
                and not self._shadowed(low[:-1]))

    def _stem_part(self, part: str) -> str:
        return part[:-1] if part.endswith("s") and not self.dict.check(part) else part

    def _shadowed(self, part: str) -> bool:
        """A rare word one edit away from a far more frequent one: in a compound more likely a slip
        ("zwagerschap|s-echo" for "zwangerschaps-echo") than meant. A plural or a diminutive Frog's
        corpus lacks is judged by its noun ("wratten", "wratje": wrat)."""
        bases = _noun_bases(part) if not lexicon.count(part) else set()
        return any(map(self._shadowed_word, bases)) if bases else self._shadowed_word(part)

    def _shadowed_word(self, part: str) -> bool:
        if part in _BOUND_SUFFIXES or part in self.extra_lower or part in spelling_data().compound_forms \
                or self._shared_loan(part):
            return False
        n = lexicon.count(part)
        if n >= _MEANT or self._common_verb_stem(part):  # seen often enough in Frog's corpus to be meant
            return False
        if part in spelling_data().participle_heads:
            return False  # a participle that closes a noun's adjective ("gas|vormend", "energie|sparend")
        # a look-alike only of a word of content: a compound's part is never a function word ("wrat" is
        # no slip of "wat", "steel|wrat" none of "steel|wat")
        floor = max(_MEANT, _MEANT * n)
        return any(lexicon.count(c) >= floor and lexicon.tags(c) and self.dict.check(c)
                   for c in _edits1(part) if c != part)

    @staticmethod
    def _common_verb_stem(part: str) -> bool:
        """The stem of a verb Frog's corpus has seen often, which opens compounds ("beval|bad",
        "wacht|kamer") however rarely it stands alone."""
        return any("inf" in lexicon.tags(inf) and lexicon.count(inf) >= _MEANT for inf in _infinitives(part))

    def _shared_loan(self, part: str) -> bool:
        """A word of six letters or more, no plural, that both the Dutch and the English dictionary
        hold: a loan ("booster|vaccinatie"), not a slip of a commoner Dutch word ("rooster")."""
        return len(part) >= _LOAN_MIN and not part.endswith("s") and self.dict.check(part) and self.english_word(part)

    def english_word(self, word: str) -> bool:
        if len(word) <= 2 or not self._english_tag:
            return False
        if self._english is None:
            import enchant

            try:
                self._english = enchant_dict(self._english_tag)
            except enchant.errors.DictNotFoundError:
                self._english_tag = None
                return False
        word = word.replace("’", "'")
        # a contraction's plural ("don'ts"): the contraction is English
        return self._english.check(word) or ("'" in word[:-2] and word.endswith("s") and self._english.check(word[:-1]))

    def english_loan(self, word: str) -> bool:
        """An English word in small letters (or with a capital at a line's start), six letters or more,
        that is not one edit or one typical Dutch slip away from a Dutch word: a loan ("immunoglobulin",
        "mindfulness", a heading "Miscarriage"), not a typo ("bleeding" is no slip of a Dutch word; "hart"
        mistyped is). In capitals such a word is the name of a study or a trial ("de PROMISE-studie")."""
        w = _norm(word)
        low = w.lower()
        written = w.islower() or w.isupper() or (w[:1].isupper() and w[1:].islower())  # "Miscarriage" opens a line
        if not (written and low.isalpha() and len(low) >= _LOAN_MIN and self.english_word(low)):
            return False
        # a long word is only doubted when it is one typical Dutch slip from a word: "evidence" is one
        # letter from "evidente", but no Dutch writer mistypes that so
        if len(low) >= _LONG_LOAN:
            return not self.typo_of_word(low)
        # the Dutch spelling of the same loan without its silent e ("relapse", Dutch "relaps") is no rival
        return not self._near_word(low, ignore=low[:-1] if low.endswith("se") and self.dict.check(low[:-1]) else "")

    def word_part(self, word: str) -> bool:
        """A Greek or Latin combining form or suffix of four letters or more standing alone: a word
        part being explained ("laparo: buik", "scopie: kijken")."""
        low = _norm(word).lower()
        parts = medical_parts()
        return len(low) >= 4 and (low in parts.forms or low in parts.suffixes)

    # -- suggestions ---------------------------------------------------------------------------
    def suggest(self, word: str, limit: int = 5) -> tuple[str, ...]:
        w = _norm(word)
        if len(w) > MAX_SUGGEST_LENGTH:
            return ()  # no Dutch word is this long; its edits would take minutes to rank
        if w not in self._suggest:
            kept = self.memo.get(f"{limit}|{w}") if self.memo is not None else None
            self._suggest[w] = tuple(kept) if kept is not None else self._rank(w)[:limit]
            if kept is None and self.memo is not None:
                self.memo.put(f"{limit}|{w}", self._suggest[w])
        return self._suggest[w]

    def _abbreviation_in_capitals(self, low: str) -> str | None:
        """"nhg-standaard" -> "NHG-standaard": an abbreviation written small before a hyphen, which
        no dictionary knows in small letters."""
        first, _, rest = low.partition("-")
        if not rest or not (2 <= len(first) <= 5 and first.isalpha() and first.islower()) or self.dict.check(first):
            return None
        cand = first.upper() + "-" + rest
        # an abbreviation's letters: at most one vowel, and no word with a letter more or two swapped
        # ("biuk-echo", "grooi-echo", "bloe-test" are slips of words, not abbreviations)
        looks_abbreviated = sum(c in VOWELS for c in first) <= 1 and not any(
            self.dict.check(c) for c in _edits1(first) if len(c) > len(first) or sorted(c) == sorted(first))
        return cand if looks_abbreviated and self.known(cand) else None

    def _determiner_apart(self, low: str) -> set[str]:
        """"eenkind" -> "een kind", "vanhet" -> "van het": an article, a determiner, "van" or "te" glued to
        the word after it."""
        return {f"{low[:i]} {low[i:]}" for i in range(2, min(6, len(low) - 2))
                if low[:i] in _GLUED_WORDS and self._attested(low[i:])}

    def _by_parts(self, word: str, capital: bool = False) -> set[str]:
        """A hyphenated word with a slip in one part ("nhg-standaaard", "asherman-syndrom" for a capitalised
        word): that part corrected, the others as written, when the whole is then a word (or an
        abbreviation written small before a word)."""
        parts = word.split("-")
        out: set[str] = set()
        for i, part in enumerate(parts):
            if len(parts) < 2 or len(part) < 3 or self.known(part):
                continue
            for fix in self.suggest(part, 3):
                cand = "-".join([*parts[:i], fix if part[:1].isupper() else fix.lower(), *parts[i + 1:]])
                named = cand[:1].upper() + cand[1:] if capital else cand
                if self.known(named):
                    out.add(cand)
                out.update(c for c in [self._abbreviation_in_capitals(cand)] if c)
        return out

    def _rank(self, word: str) -> tuple[str, ...]:
        if word.isupper() and len(word) > 3 and word.isalpha():
            # a word in capitals (a heading) is ranked as written with one capital: hunspell's edits in
            # capitals miss the words and names people write ("MISRAAM" -> MISKRAAM, "NEDERAND" -> NEDERLAND)
            return tuple(dict.fromkeys(c.upper() for c in self._rank(word[:1] + word[1:].lower())))
        capital = word[:1].isupper() and not word.isupper()
        base = word.lower() if capital else word
        pool = self._cheap_pool(base) | self._with_hyphen(base) | (self._names_close(base) if capital else set())
        if base.endswith("'s"):
            pool |= {h + "'s" for h in self._with_hyphen(base[:-2])}  # "groeiecho's" -> groei-echo's
        if not pool:
            # a slip in one part of a hyphenated word, keeping the other parts' capitals ("Rhesus-D-negatiefe")
            pool |= self._by_parts(word[:1].lower() + word[1:] if capital else word, capital)
        if not pool:
            # a slip in a compound the dictionary lacks as a whole ("bloemenlaaan", "zwangerschapssbegeleiding"):
            # a doubled letter too many, or a diminutive's ending, each asked of the compound rules
            pool |= {c for c in _undoubled(base) | _other_diminutive_endings(base) if self.known(c)}
        pool -= {base, word}
        # enchant's own suggester costs 0.2-0.3 s a word: ask it only when the cheap candidates
        # found nothing (typos two or more ordinary edits away)
        if not pool:
            pool = {s.lower() if capital and s[:1].isupper() and s[1:] == s[1:].lower() else s
                    for s in self.dict.suggest(word)} - {base, word}
        apart = self._determiner_apart(base)  # "eenkind": an article glued to its noun, the likeliest reading
        # hunspell's own joins of two words nobody writes ("misskraan") rank behind words people write
        scored = sorted((c for c in pool - apart if all(self.known(p) or capital and self.known(p[:1].upper() + p[1:])
                                                        for p in c.split())),
                        key=lambda c: (suggestion_score(base, c) + (JOIN_PENALTY if self.nobodys_join(c) else 0), c))
        # the word itself in other capitals ("engelse" -> Engelse, "ph" -> pH) comes first
        cases = [v for v in dict.fromkeys((word[:1].upper() + word[1:], word[:1] + word[1:].upper(), word.upper()))
                 if v != word and self.dict.check(v)]
        out = cases + [c for c in [self._abbreviation_in_capitals(base)] if c] + sorted(apart)
        for c in scored:
            if " " in c and " " not in word and suggestion_score(base, c) > 1.5:
                continue  # enchant's "split into two words" ideas rarely help a reader
            out.append(c)
        return tuple(dict.fromkeys(c if c in cases else c[:1].upper() + c[1:] if capital else c for c in out))

    def _names_close(self, base: str) -> set[str]:
        """Names the dictionary writes with a capital and Frog's corpus has seen, one edit or typical
        slip from ``base`` ("Nederand" -> Nederland), which the small-letter edits of ``base`` never reach."""
        names = (c[:1].upper() + c[1:] for c in dutch_edits(base) | _edits1(base) if lexicon.count(c) > 0)
        return {c for c in names if self.dict.check(c) and not self.dict.check(c.lower())}

    def _cheap_pool(self, base: str) -> set[str]:
        """Dictionary words one edit or one or two typical Dutch slips from ``base``."""
        pool: set[str] = set()
        # the lexicon (loaded once, about 0.1 s) says which edits are worth asking the dictionary
        # about; always the same pool, so a word's suggestions never depend on what was ranked before
        known_forms = lexicon.known_words()
        dutch = dutch_edits(base)
        edits = _edits1(base)
        # words one edit away that Frog's lexicon has seen are the likely ones; the full set of
        # edits (about 60 per letter) goes to the dictionary only when none of those is right
        for c in dutch | {c for c in edits if c in known_forms or c in self.extra_lower}:
            if c in self.extra_lower or self.dict.check(c):
                pool.add(c)
        # a plural or other regular form the dictionary does not list, with its missing diaeresis
        # ("hysteroscopieen" -> hysteroscopieën): the checker's own forms count there
        pool.update(c for c in _with_diaeresis(base) if c not in pool and self.known(c))
        if not pool:
            pool.update(c for c in edits if self.dict.check(c))
        # two edits where both are typical Dutch slips ("curretage" for "curettage" needs a doubled
        # and an undoubled letter), when one edit found nothing close
        if not pool or min(_distance(base, c.lower()) for c in pool) > 0.5:
            for c1 in dutch:
                for c in dutch_edits(c1):
                    if c != base and c not in pool and self.dict.check(c):
                        pool.add(c)
        return pool


# vowels at the seam of a compound that would read as one sound: Dutch spelling writes a hyphen
# there (zee-egel, echo-uitslag, auto-ongeluk, ziekte-inzicht)
# a suffix a Greek numeral joins directly ("tri|ploïd", "di|ploïdie")
_NUMBER_SUFFIXES = frozenset(("ploïd", "ploïde", "ploïdie"))
# endings only nouns have: a dictionary word with one is a noun even when Frog's corpus has not seen it
_NOUN_ENDINGS = ("sie", "tie", "ing", "heid", "teit", "isme", "itis", "ose")
# the verbs in -eren whose noun ends in -atie (normaliseren, classificeren, implanteren, stimuleren,
# evalueren, combineren, registreren)
_ATIE_VERBS = ("iseren", "ificeren", "nteren", "uleren", "ueren", "ineren", "treren")
# the endings a noun drops before the suffix of an adjective of relation (menopauz|e, peritone|um)
_DROPPED_ENDINGS = ("e", "um", "us")
_RELATION_SUFFIXES = frozenset(("aal", "ale", "air", "aire", "eel", "ele"))
VOWEL_CLASH = frozenset("aa ae ai au ee ei eu ie ii oe oi oo ou ui uu".split())
# a vowel with its diaeresis, which starts a new syllable after a vowel (pre|ïmplantatie, anti|ëmetica)
_PLAIN_VOWEL = {"ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u"}
# an English word this long is seldom a Dutch typo by chance
_LOAN_MIN = 6
_LONG_LOAN = 8
# stress and emphasis accents on a vowel (grave, acute); a diaeresis (U+0308) is spelling
_STRESS = re.compile("[\u0300\u0301]")
# endings that Dutch attaches to nouns and adjectives like words ("weeën|achtige", "rillerig|heid", "taart|vormig")
_FOREIGN_LETTERS = frozenset("ñçøåłśźżčřšžőűãõ")
_FINITE_ONLY = frozenset({"pvt"})  # Frog's corpus has seen the word only as a finite verb with its -t
_BOUND_SUFFIXES = frozenset({"achtig", "achtige", "achtiger", "heid", "heden", "erig", "erige", "loos", "loze", "vormig",
                             "vormige"})
# endings of finite verb forms after the stem: -t (present), -te/-de/-ten/-den (past)
_VERB_ENDINGS = ("ten", "den", "te", "de", "t")
# the endings of a present participle, which are words of their own too ("een heel end"): never a compound's
# last part after a verb's stem
_PARTICIPLE_ENDS = frozenset({"end", "ende", "enden"})
# unstressed verb prefixes: their verbs make a participle without ge- ("verricht", "besproken")
_UNSTRESSED_PREFIXES = ("be", "ge", "ver", "ont", "her", "er")


_MEDICAL_MIN = 8
# an abbreviation written in small letters before its plural 's is at most this long ("nsaid's")
_ABBREVIATION_MAX = 5


@dataclass(frozen=True)
class MedicalParts:
    forms: tuple[str, ...]  # combining forms with their linking vowel ("carcino", "trombo")
    suffixes: frozenset[str]
    privatives: tuple[str, ...] = ()  # "an", only at the start of a word before a vowel or h
    numerals: tuple[str, ...] = ()  # "di", only before a combining form at the start of a word
    latin_endings: tuple[str, ...] = ()  # inflected Latin words of a Latin term: "foetalis"
    latin_run_endings: tuple[str, ...] = ()  # endings of the words of an unlisted Latin term ("ostium internum")
    latin_adjective_endings: tuple[str, ...] = ()  # of its adjective ("vulgaris"): the term needs no known word
    latin_phrases: frozenset[tuple[str, ...]] = frozenset()  # ("de", "novo"): words accepted together

    def __post_init__(self):
        object.__setattr__(self, "form_set", frozenset(self.forms))


@lru_cache(maxsize=1)
def medical_parts() -> MedicalParts:
    data = load_kept(MEDICAL_PARTS)  # parsed once, then read back (its flow lists parse slowly)
    return MedicalParts(tuple(sorted({f.lower() for f in data["forms"]}, key=len, reverse=True)),
                        frozenset(s.lower() for s in data["suffixes"]),
                        privatives=_lowered(data, "privatives"), numerals=_lowered(data, "numerals"),
                        latin_endings=_lowered(data, "latin_endings"),
                        latin_run_endings=_lowered(data, "latin_run_endings"),
                        latin_adjective_endings=_lowered(data, "latin_adjective_endings"),
                        latin_phrases=frozenset(tuple(p.split()) for p in _lowered(data, "latin_phrases")))


def _lowered(data: dict, key: str) -> tuple[str, ...]:
    return tuple(x.lower() for x in data.get(key) or ())


_RUNS = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")


def _shortened(low: str) -> set[str]:
    """``low`` with every run of a repeated letter written once, and with it written twice."""
    return {_RUNS.sub(r"\1", low), _RUNS.sub(r"\1\1", low)} - {low}


def _other_form(low: str, cand: str) -> bool:
    """``cand`` is ``low`` with one combining form for another ("sono|grafie" beside "mono|grafie"):
    a different word built the same way, not a slip of it."""
    forms = medical_parts().form_set
    for form in forms:
        at = low.find(form)
        while at >= 0:
            tail = low[at + len(form):]
            if cand.startswith(low[:at]) and cand.endswith(tail) and cand[at:len(cand) - len(tail)] in forms:
                return True
            at = low.find(form, at + 1)
    return False


def _medical_heads(form: str, low: str, start: int) -> list[str]:
    """The form as it starts ``low[start:]``: whole, or without its linking vowel before a vowel."""
    heads = [form] if low.startswith(form, start) else []
    cut = form[:-1]
    if form[-1] in "aeio" and len(cut) >= 3 and low.startswith(cut, start) and low[start + len(cut):][:1] in VOWELS:
        heads.append(cut)
    return heads


def _past_fits(ending: str, inf: str) -> bool:
    """'t kofschip: a past in -te(n) after a voiceless stem, in -de(n) after another ("maakte",
    "innestelde"; "accepteerte" is an error)."""
    if ending[0] not in "td" or ending == "t":
        return True
    return ending[0] == inflection.participle_ending(inf[:-2])


def _infinitives(stem: str) -> set[str]:
    """The infinitives a verb stem can come from: nestel -> nestelen, maak -> maken, leef -> leven,
    zet -> zetten."""
    out = {stem + "en"}
    if len(stem) >= 3 and stem[-1] not in VOWELS:
        if stem[-2] == stem[-3] and stem[-2] in "aeou":
            stem = stem[:-2] + stem[-1]  # maak -> mak(en)
            out.add(stem + "en")
        else:
            out.add(stem + stem[-1] + "en")  # zet -> zetten
        if stem[-1] in "fs":
            out.add(stem[:-1] + {"f": "v", "s": "z"}[stem[-1]] + "en")  # leef -> leven, reis -> reizen
    return out


# a first part with one of these endings takes a linking s: "zwangerschapsduur", "gezondheidszorg"
_S_LINKING = ("schap", "heid", "ing", "teit", "dom", "tie")


def _linking_variants(split: list[str]) -> set[str]:
    """The same compound with a linking s added at a seam ("vader|gevoelens" and "vaders|gevoelens"):
    hunspell joins both, and the one without the s is no slip of the other. After a part that takes
    a linking s ("zwangerschap|duur", "leven|verrichting") the form with the s stays the right one."""
    out = set()
    for i in range(1, len(split)):
        head, tail = "".join(split[:i]), "".join(split[i:])
        if not head.endswith("s") and not takes_linking_s(split[i - 1]):
            out.add(head + "s" + tail)
    return out


# how often Frog's corpus must have seen a name for a word one slip from it to be that name misspelt
_COMMON_NAME = 300
# how often Frog's corpus must have seen a word with ij for the same word with a y to be its slip
_COMMON_IJ_WORD = 1000
_CLUSTER_WORDS = 3  # how many words of Frog's corpus must start or end with a consonant cluster


@lru_cache(maxsize=1)
def _edge_clusters() -> tuple[frozenset[str], frozenset[str]]:
    """The consonant clusters Dutch words start and end with, as Frog's corpus writes them
    ("schr", "str"; "ngst", "cht"): the spelling of every word a reader can say. Words without a
    vowel (abbreviations) do not count; a cluster needs a few words ("haydn" alone makes no "-dn")."""
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for w in lexicon.known_words():
        if not w.isalpha() or len(w) < 3:
            continue
        head, tail = _CLUSTER_HEAD.match(w).group(), _CLUSTER_TAIL.search(w).group()
        if len(head) < len(w):
            starts[head] = starts.get(head, 0) + 1
            ends[tail] = ends.get(tail, 0) + 1
    return (frozenset(c for c, n in starts.items() if n >= _CLUSTER_WORDS),
            frozenset(c for c, n in ends.items() if n >= _CLUSTER_WORDS))


_CLUSTER_HEAD = re.compile(r"^[^aeiouyëéèïöüáóàâêîôû]*")
_CLUSTER_TAIL = re.compile(r"[^aeiouyëéèïöüáóàâêîôû]*$")


def speakable(word: str) -> bool:
    """``word`` starts and ends with consonants as Dutch words do: a name can be said, a slip that
    drops a vowel often cannot ("Dinsdg", "Voedng", "Leidn")."""
    low = word.lower()
    if not low.isalpha():
        return True
    starts, ends = _edge_clusters()
    return _CLUSTER_HEAD.match(low).group() in starts and _CLUSTER_TAIL.search(low).group() in ends


@lru_cache(maxsize=4096)
def takes_linking_s(part: str) -> bool:
    """Whether Dutch joins ``part`` to a next word with an s: by its ending (-schap, -heid, -ing ...)
    or because the words Frog's corpus has seen start more often with part + s + word ("levens|loop",
    "niets|nut") than with part + word ("vader|land")."""
    # "-ling" of a person or a set ("tweeling", "leerling") is no "-ing" noun of a verb ("regeling",
    # "bestelling"): whether it takes the s is for the corpus to say ("tweeling|zwangerschap")
    if part.endswith(_S_LINKING) and not (part.endswith("ling") and not _verb_noun(part)):
        return True
    words = _lexicon_sorted()
    with_s = without = 0
    lo = bisect.bisect_left(words, part)
    for w in words[lo:bisect.bisect_left(words, part + "\uffff")]:
        rest = w[len(part):]
        # a word of four letters or more after the seam: short rests are a verb's endings ("bots|ing",
        # "bots|ten" of botsen), not a linking s
        if len(rest) < 4 or rest[0] == "s" and len(rest) < 5:
            continue
        if rest[0] == "s" and lexicon.count(rest[1:]) > 0:
            with_s += 1
        elif rest[0] != "s" and lexicon.count(rest) > 0:
            without += 1
    return with_s > without


def _verb_noun(part: str) -> bool:
    """A noun on -ing made from a verb: "bestelling" (bestellen), "regeling" (regelen)."""
    return "inf" in lexicon.tags(part[:-3] + "en")


@lru_cache(maxsize=1)
def _lexicon_sorted() -> list[str]:
    return sorted(lexicon.known_words())


def _split_compound(low: str, ok, parts_left: int) -> list[str] | None:
    """``low`` as 2..``parts_left`` parts each accepted by ``ok(part, last)``, longest head first."""
    return next(_splits(low, ok, parts_left), None)


def _splits(low: str, ok, parts_left: int):
    """Every split of ``low`` into 2..``parts_left`` parts accepted by ``ok(part, last)``, longest
    head first, two parts before more."""
    for i in range(len(low) - 3, 2, -1):
        head, tail = low[:i], low[i:]
        if not ok(head, False):
            continue
        if ok(tail, True):
            yield [head, tail]
        if parts_left > 2:
            for rest in _splits(tail, ok, parts_left - 1):
                yield [head, *rest]


def _abbreviation(part: str) -> bool:
    """An abbreviation in capitals, also with its plural 's: "NSAID", "NSAID's"."""
    stem = part[:-2] if part.endswith("'s") else part
    return len(stem) >= 2 and stem.isalpha() and stem.isupper()


def _inserted_at(low: str, cand: str, seams: set[int], letter: str = "") -> bool:
    """``cand`` is ``low`` with one letter (``letter`` if given) inserted at one of the ``seams``
    (offsets in ``low``)."""
    return len(cand) == len(low) + 1 and any(
        cand[:i] == low[:i] and cand[i + 1:] == low[i:] and cand[i] == (letter or cand[i]) for i in seams)


def _camel(part: str) -> bool:
    """A product name with inner capitals: "BeterDichtbij", "WhatsApp"."""
    return part.isalpha() and part[:1].isupper() and any(c.isupper() for c in part[1:]) and not part.isupper()


def _name_like(part: str) -> bool:
    return len(part) >= 3 and part.isalpha() and part[:1].isupper() and part[1:].islower()


_DIM_VOWEL_DOUBLE = set("aou")


def _noun_bases(part: str) -> set[str]:
    """The nouns Frog's corpus has seen that ``part`` is the plural or the diminutive of ("wratten",
    "wratje", "wratjes": wrat)."""
    w = part[:-1] if part.endswith("jes") else part
    bases = {b for b in _diminutive_stems(w) if w in _diminutives(b)} if w.endswith("je") else set()
    if part.endswith("en") and len(part) > 5 and part[-3] == part[-4] and part[-3] not in VOWELS:
        bases.add(part[:-3])  # a short vowel's doubled consonant: wrat|ten
    return {b for b in bases | inflection.plural_bases(part) if "n" in lexicon.tags(b)}


def _diminutive_stems(w: str) -> set[str]:
    """Nouns whose diminutive ``w`` (ending in -je) could be, before checking the rules."""
    out = {w[:-2], w[:-3], w[:-4]}
    if len(w) > 6 and w.endswith("etje") and w[-5] == w[-6]:
        out.add(w[:-5])  # bal-l-etje
    if w.endswith("tje") and len(w) > 5 and w[-4] == w[-5] and w[-4] in _DIM_VOWEL_DOUBLE:
        out.add(w[:-4])  # oma-a-tje
    if w.endswith("kje"):
        out.add(w[:-3] + "g")  # woning -> woninkje
    return {s for s in out if len(s) >= 3}


def _diminutives(stem: str) -> set[str]:
    """The diminutive forms Dutch spelling makes of a noun (-je, -tje, -pje, -etje, -kje)."""
    last, before = stem[-1], stem[-2]
    if last in VOWELS:
        out = {stem + "tje"}
        if last in _DIM_VOWEL_DOUBLE and before not in VOWELS:
            out.add(stem + last + "tje")  # omaatje, autootje
        return out
    if last == "w":
        return {stem + "tje"}  # vrouwtje
    if stem.endswith("ng"):
        return {stem + "etje", stem[:-1] + "kje"}  # ringetje, woninkje
    short = before in VOWELS and stem[-3:-2] not in VOWELS  # one vowel letter before the consonant
    if last == "m":
        return {stem + "pje", stem + "metje"} if short else {stem + "pje"}  # boompje, kammetje, armpje
    if last in "lnr":
        if not short:
            return {stem + "tje"}  # stoeltje, hoorntje
        out = {stem + last + "etje"}  # balletje
        if before == "e":
            out.add(stem + "tje")  # moedertje, tafeltje (unstressed e)
        return out
    return {stem + "je"}  # foetusje, hartje


def _other_diminutive_endings(w: str) -> set[str]:
    """A diminutive with another ending: baarmoederje for baarmoedertje, boomje for boompje."""
    out: set[str] = set()
    for end in ("je", "jes"):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)].rstrip("tpk")
            out |= {stem + pre + end for pre in ("t", "et", "p", "k", "")} - {w}
    return out


# words that open a noun phrase and never a compound: written against a noun they are two words
# (not the short ones that open many words: de|venter, die|et, dat|um, je|uk, ons|je)
_GLUED_DETERMINERS = frozenset("de een het geen mijn jouw deze onze".split())
# words glued to the word after them by a missed space ("vanhet", "tenemen"), read apart as a suggestion
_GLUED_WORDS = _GLUED_DETERMINERS | {"van", "te"}


# a word Frog's corpus has seen this often is common: a compound one edit from it is its slip
COMMON_WORD_COUNT = 20
JOIN_PENALTY = 0.5
# a token longer than this (a glued run of a scraped page, a code) gets no suggestions
MAX_SUGGEST_LENGTH = 40  # added to the score of a suggestion that is a join of two words nobody writes


def _undoubled(w: str) -> set[str]:
    """The word with one letter of a doubled or tripled run left out ("bloemenlaaan" -> "bloemenlaan")."""
    return {w[:i] + w[i + 1:] for i in range(len(w) - 1) if w[i] == w[i + 1]}


def _edits1(w: str) -> set[str]:
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = set()
    for a, b in splits:
        if b:
            out.add(a + b[1:])
            for c in ALPHABET:
                if c != b[0]:
                    out.add(a + c + b[1:])
        if len(b) > 1:
            out.add(a + b[1] + b[0] + b[2:])
        for c in ALPHABET:
            out.add(a + c + b)
    return out


_MULTI = [("ij", "ei"), ("ei", "ij"), ("au", "ou"), ("ou", "au"), ("dt", "t"), ("dt", "d"),
          ("ch", "g"), ("g", "ch"), ("y", "ij"), ("ij", "y"), ("c", "k"), ("k", "c")]


def dutch_edits(w: str) -> set[str]:
    """Typical Dutch slips: a letter doubled or undoubled, ij/ei, au/ou, d/t/dt at the end."""
    out = set()
    for i, ch in enumerate(w):
        if ch.isalpha():
            out.add(w[:i] + ch + w[i:])  # double
        if i + 1 < len(w) and w[i + 1] == ch:
            out.add(w[:i] + w[i + 1 :])  # undouble
    for a, b in _MULTI:
        for m in re.finditer(re.escape(a), w):
            out.add(w[: m.start()] + b + w[m.end() :])
    # a linking n or s in a compound added or dropped: ruggeprik/ruggenprik, zwangerschapverlies
    for i in range(2, len(w) - 2):
        a, b = w[i - 1], w[i]
        if a == "e" and b not in VOWELS and b != "n":
            out.add(w[:i] + "n" + w[i:])
        if a == "n" and w[i - 2] == "e" and b not in VOWELS:
            out.add(w[: i - 1] + w[i:])
        if a not in VOWELS and b not in VOWELS and a != "s" and b != "s":
            out.add(w[:i] + "s" + w[i:])
        if a == "s" and w[i - 2] not in VOWELS and b not in VOWELS:
            out.add(w[: i - 1] + w[i:])
    out |= _other_diminutive_endings(w) | _with_diaeresis(w)
    if w.endswith("d"):
        out |= {w[:-1] + "t", w + "t"}
    elif w.endswith("dt"):
        out |= {w[:-1], w[:-2] + "d"}
    elif w.endswith("t"):
        out |= {w[:-1] + "d", w[:-1] + "dt"}
    return out


_DIAERESIS_OF = {"e": "ë", "i": "ï", "o": "ö", "u": "ü"}


def _with_diaeresis(w: str) -> set[str]:
    """A vowel after another vowel with its diaeresis, where it starts a new syllable ("ideeen" ->
    ideeën, "hysteroscopieen" -> hysteroscopieën, "geinformeerd" -> geïnformeerd)."""
    return {w[:i] + _DIAERESIS_OF[w[i]] + w[i + 1:] for i in range(1, len(w))
            if w[i] in _DIAERESIS_OF and w[i - 1] in "aeiou"}


@lru_cache(maxsize=65536)
def _distance(a: str, b: str) -> float:
    """Damerau-Levenshtein distance with cheap Dutch slips (doubling, d/t, ij/ei, vowels)."""
    n, m = len(a), len(b)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + _indel(a, i - 1)
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + _indel(b, j - 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            ca, cb = a[i - 1], b[j - 1]
            sub = 0.0 if ca == cb else _sub(ca, cb)
            best = min(d[i - 1][j] + _indel(a, i - 1), d[i][j - 1] + _indel(b, j - 1), d[i - 1][j - 1] + sub)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, d[i - 2][j - 2] + 0.8)
            for x, y in CONFUSABLE:
                if len(x) + len(y) > 2 and a[:i].endswith(x) and b[:j].endswith(y):
                    best = min(best, d[i - len(x)][j - len(y)] + 0.5)
            d[i][j] = best
    return d[n][m]


def _indel(s: str, k: int) -> float:
    """Cost of inserting or deleting s[k]: cheap when it doubles a neighbour (curetage/curettage)."""
    ch = s[k]
    if (k > 0 and s[k - 1] == ch) or (k + 1 < len(s) and s[k + 1] == ch):
        return 0.4
    if ch in "-'":
        return 0.3
    # a linking n after e, or a linking s, between two consonants of a compound
    nxt = s[k + 1] if k + 1 < len(s) else ""
    if 1 < k and nxt and nxt not in VOWELS:
        if ch == "n" and s[k - 1] == "e":
            return 0.4
        if ch == "s" and s[k - 1] not in VOWELS:
            return 0.5
    return 1.0


def _sub(a: str, b: str) -> float:
    if (a, b) in CONFUSABLE:
        return 0.5
    if a.lower() == b.lower() or unicodedata.normalize("NFD", a)[0] == unicodedata.normalize("NFD", b)[0]:
        return 0.2  # case or accent only
    if a in VOWELS and b in VOWELS:
        return 0.8
    return 1.0


def suggestion_score(word: str, cand: str) -> float:
    """Lower is better: weighted distance, minus a small prior for frequent words."""
    dist = _distance(word.lower(), cand.lower())
    prior = math.log10(1 + lexicon.count(cand)) * 0.15
    first = 0.0 if cand[:1].lower() == word[:1].lower() else 0.5
    return dist + first - prior
