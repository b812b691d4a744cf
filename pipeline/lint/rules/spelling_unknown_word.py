"""A word that is not in the OpenTaal dictionary, the project word list or the brand's list, one slip from a word that is.

Accepted beyond the dictionary: regular diminutives of its nouns (foetusje), hyphenated
compounds of a name and a word (Asherman-syndroom, BeterDichtbij-app), compounds of dictionary
words with a linking s or "-achtig" (zwangerschapsrest, weeënachtige, zwangerschaps-weefsel) unless
one typical slip away from a word, one edit from a common word (zwangers|hap is zwangerschap), or two vowels at the seam read as one sound (echouitslag is an
error; the suggestion is echo-uitslag; a linking s that hunspell would also join is no slip, unless the
first part takes one: vadergevoelens is right, zwangerschapduur wrong), forms of dictionary verbs (innestelt),
adjectives in -lijk of nouns (baarmoederlijke) and women's agent nouns in -ster (kunstschaatster), diminutives of verb stems
(huiltje), derivations with -erig and -loos, participles of separable verbs (weggeschraapt from wegschrapen) and present participles of them (losvallend; "losvalend", a letter short, is no
compound ending in "end"), adjectives of a noun and a participle the data lists (gasvormend, huidkleurend), the rest of a word whose initial
stands before it in brackets when an acronym is spelled out ("C (ompressie)"),
regular forms by Dutch spelling: an adjective's -e, -en, comparative and superlative (mediane from mediaan,
statutairen, evidentst), a plural in -s (randomisaties), a loan verb's participle (geïncludeerd), an agent noun
(verrichter), each unless another word lies one slip away (bevalligen, geweesd stay errors),
abbreviations with their plural 's (nsaid's, NSAID's),
a prefix before a known word (pseudo-menstruatie, subfertiliteit), abbreviations with their full stop
(ca., bijv., drs., o.a.; without it a warning that gives the dotted form: "nr" -> nr., "oa" -> o.a.), an
ordinal's ending set apart from its number (de 20 ste week), stress accents (voorkòmen), interjections drawn out in a story (hmm, jaaa, ehhh; listed in
``spelling.interjections``), and names: with particles
(Kyano van den Pol), with letters Dutch does not use (Rodanña), before "ziekenhuis" or "praktijk"
(het Bravis ziekenhuis), after "syndroom van" or "ziekte van" also in small letters (het syndroom van patau;
heads in the style data, ``spelling.eponym_heads``), capitalised inside a sentence and not one slip from a word or a known name
(Unicef, Kübler-Ross), a name that also stands in one of the leaflet's web or e-mail addresses
(het Kraamzog project, www.kraamzog.nl), and at a sentence start when the leaflet uses the same name inside one; a
capitalised word written at least twice, once inside a sentence, and never in small letters is a
name even when it is one slip from a word. Web residue ("advertisement") is left to style.web-residue. Suggestions are ranked
for Dutch typos (doubled letters, ij/ei, d/t, a linking n or s) and word frequency. Not
checked: URLs, e-mail addresses, phone numbers, numbers with units, abbreviations in capitals,
product names with inner capitals (YouTube), runs of capitalised words (names), names in the
leaflet's metadata and brand data, English words inside an English phrase or alone in brackets, and a longer English word in small
letters that is no slip away from a Dutch word (a loan word such as "immunoglobulin"; in capitals the name
of a study, "PROMISE"; from eight letters only a typical Dutch slip counts: "evidence"; a loan Dutch writes
without its e, "relapse" beside relaps), English words in quotation marks ('blinded') or joining a title's
capitalised words (Reviews of Modern Medicine), English words before a Dutch noun (casecontrolonderzoek), the words of a sentence
that is English as a whole, a word one space from a French or German word Dutch lacks ("thé au
citron", "déjà vu"), a word in quotation marks in a sentence naming its language (het Griekse
'ektos'), a Greek or Latin word part standing alone (laparo: buik), the words of a Latin term with one
word a list knows or a Latin adjective or genitive (ostium internum uteri, impetigo vulgaris, otitis media acuta,
Haemophilus influenzae with its genus's capital; not one
letter from a Latin word a list knows: placenta praevia margnalis), English parts before a Dutch last part
(twin-to-twin-transfusiesyndroom), a word spelled in syllables (ab-so-luut), names listed beside names
(AstraZeneca, Moderna en Novavax), written in a run of names elsewhere (Anna Wielstra ... Wielstra zegt)
or cited as an author (Rosen et al.), or a word of another language that the sentence explains ("nefros
betekent nier") unless it is a slip of a Dutch word. In hyphenated compounds also an abbreviation written
small (dna-uitslag),
a two-letter one (anti-Hb-Ig), an English compound as a whole (peer-reviewed; not after a Dutch prefix,
extra-uterine) and, inside a sentence, a name before known words (Apgar-score) unless one slip from a Dutch
word. A run of English words inside a Dutch sentence (meant to be) with two of them no Dutch word passes. A file name's extension (scan.jpg) is
not checked, and pieces of a word a scan split with stray spaces (o ngeveer, bloed- ver lies) pass when up to
four of them make a dictionary word of eight letters or more. A zero-width space
or soft hyphen inside a word does not split it. Reported here is a word with a dictionary word close
to it (a slip, about two typical slips at most; a join of two words only hunspell makes, "beenverlettekening",
counts only one typical slip away, and so does any word for an English word) and a word glued to an
article, "van" or "te" ("vanhet": van het) and an abbreviation without its full stop (a warning);
a word with no dictionary word close to it, and one that writes the Latin ae where the dictionary
has e or the other way round (gynecoloog), is a term or a name the writer means: spelling.unknown-term
gives it one note at its first use. A repeated slip ("patienten") stays an error everywhere, and a
lower-case name is a slip of the name (nederlandse -> Nederlandse).

A compound written apart after its linking s ("het zwangerschaps verlof") is one word: the finding
gives it (zwangerschapsverlof); "zwangerschaps- en bevallingsverlof" stays.
pass: Een curettage is een kleine ingreep; bel de gynaeco- loog via 06-12345678 of www.fiom.nl.
pass: Op de echo is het foetusje te zien; het Asherman-syndroom is zeldzaam; de BeterDichtbij-app.
pass: Menstruatieachtige buikpijn en weeënpijn; het zwangerschaps-weefsel; bel Kyano van tevoren.
pass: Dit duurt ca. twee weken, bijv. na een curettage; bel z.s.m., evt. i.p.v. mailen.
pass: Het weefsel wordt weggeschraapt; de weggeschraapte resten; een pseudo-menstruatie.
pass: Bij subfertiliteit en een intra-uterien hematoom.
pass: In het Engels heet een echo ultrasound.
pass: Een nefroscopie is een kijkonderzoek: nefros betekent nier, scopie betekent kijken.
pass: Neem je zorgpas mee, of je nieuwe ezo+-kaart.
pass: Stuur een mail met als titel hulp voor vzl; een doos van 20 tabl. of 50 caps.
pass: Rust helpt -als het kan- bij de meeste klachten.
pass: Onze zoons zijn 1-eiig; 2 eiige tweelingen komen vaker voor.
pass: Dienst Kinderen: Dr. Mollier: Dr. Verbraeken.
pass: Abcz+ folders: na de uitschraping en de wegzuiging van het weefsel.
pass: Bij een missed abortion of een tubaire zwangerschap; de lochia na een anembryonale zwangerschap.
pass: Bij een éénlingzwangerschap zet de echoscopiste de echokop op je buik.
pass: Het hCG in milli-internationale eenheden; zie bl. 4 van de folder.
pass: Een myoom kan de placentaire groei storen; een partus immaturus; de dood in utero.
pass: Zijn vadergevoelens; een kunstschaatster; de studie PROMISE.
pass: Het Griekse 'ektos' (laparo: buik); weinig evidence; AstraZeneca, Moderna en Novavax.
pass: De mediane waarde, de evidentste reden en twee randomisaties; zij werd geïncludeerd.
pass: Een ‘blinded’ casecontrolonderzoek; een relapse; pijnstillers vs. nsaid's.
pass: Een dna-uitslag, de Apgar-score en een peer-reviewed studie; zie buik.jpg; het bloed- ver lies.
fail: Bij een curetage wordt de baarmoeder leeggemaakt. (suggests curettage)
fail: Wanner je bloed verliest, bel ons. (suggests Wanneer)
fail: Een miskraaam betekent verlies. (a slip of a Dutch word, though the sentence explains it)
fail: Het wrdt snel beter. (consonants only, but a vowel put back makes a word: suggests wordt)
fail: Je krijgt een ruggeprik. (suggests ruggenprik)
fail: Dit duurt ca twee weken. (a warning: write 'ca.')
fail: Het weefsel wordt weggeschraapdt.
fail: Een pseudo-menstruatei is normaal.
fail: Bij een éénlingzwagerschap is de kans kleiner.
fail: De zwangerschapduur is kort.
fail: Dit gebeurt ivm je leeftijd. (a warning: write 'i.v.m.')
fail: Het zwangerschaps verlof begint rond 34 weken. (suggests zwangerschapsverlof)
fail: Na de ingreep bent u fl ink moe; we maken een pro fi el van uw herstel.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from pipeline.diagnostic import Diagnostic, Severity
from pipeline.i18n import _
from pipeline.facts import topics
from pipeline.language import lexicon, residue
from pipeline.language.data import spelling as spelling_data
from pipeline.language.foreign import (cited_tokens, english_tokens, foreign_phrase_tokens, latin_phrase_tokens,
                                      latin_run_tokens, named_tokens, other_language_tokens, quoted_english_tokens)
from pipeline.language.leaflet import brand_of, own_names
from pipeline.language.spelling import dutch_edits, speakable as spell_speakable, suggestion_score
from pipeline.language.tokens import mojibake, restore_invisible, spell_tokens
from pipeline.language.wordlists import brand_words, project_words, topic_words
from pipeline.lint.failure import ToolFailure
from pipeline.tools import TOOLS

ID = "spelling.unknown-word"
LEVEL = "error"
SCOPE = "document"
OPTIONS = {
    "dictionary": (str, "nl_NL"),
    "suggestions": (int, 5),
    # unknown all-capital words up to this length are taken for abbreviations (NVOG, HELLP); longer
    # ones are checked, so a heading in capitals is spell-checked like any other text
    "max_abbreviation": (int, 5),
}

# a fix is applied on its own only when the best suggestion scores at most CLEAR_SCORE (about one
# typical Dutch slip: a doubled letter, ij/ei, d/t) and CLEAR_GAP better than the next one
CLEAR_SCORE = 0.8
CLEAR_GAP = 0.35


def checker(ctx, dictionary: str = "nl_NL", topic: str | None = None):
    """The run's shared spell checker for leaflets of ``topic`` (the project's word lists and the
    topic's own); raises ``ToolFailure`` when enchant or the dictionary is missing."""
    def make():
        try:
            from pipeline.language.dictionary import kept
            from pipeline.language.spelling import SpellChecker

            kept(ctx, dictionary)  # the dictionary's answers kept in the run's store
            words = project_words(ctx.config.sources, ctx.config.outside)
            words |= topic_words(topic, ctx.config, ctx.config.outside)
            return SpellChecker(dictionary, words, memo=_memo(ctx, dictionary, words))
        except Exception as e:  # noqa: BLE001 - ImportError or enchant's DictNotFoundError
            raise ToolFailure("enchant", _("no dictionary '{name}' ({error})").format(name=dictionary, error=e),
                              TOOLS["enchant"].fix) from None
    return ctx.service(f"spelling:{dictionary}:{topic or ''}", make)


def _memo(ctx, dictionary: str, words: set[str]):
    """Where suggestions are kept between runs: under the dictionary and the word lists (and the
    code, data and engines the run's memos mix in), so a changed list ranks its words afresh."""
    if ctx.memos is None:
        return None
    return ctx.memos.memo("suggestions", dictionary, "\n".join(sorted(words)))


def _skip(tok, text: str, max_abbr: int) -> bool:
    w = tok.text
    if any(c.isdigit() for c in w):
        return True  # a code, or a page number glued on in a copied table of contents ("miskraam3")
    if w.lower() in _FILE_EXTENSIONS and text[tok.start - 1:tok.start] == "." and text[tok.start - 2:tok.start - 1].strip():
        return True  # a file name's extension ("scan.jpg", "folder.pdf")
    if text[tok.end:tok.end + 1] == "+" and not text[tok.end + 1:tok.end + 2].isalnum():
        return True  # a name with a plus glued to it is a brand or a card ("Mumc+", "Disney+", "isi+-kaart")
    if w.islower():
        # an ordinal's ending set apart from its number ("de 20 ste week")
        return len(w) < 2 or (w in ("ste", "de") and re.search(r"\d[ \t]$", text[:tok.start]) is not None)
    if len(w) < 2:
        return True
    if w.isupper() and len(w.replace("-", "")) <= max_abbr:
        return True
    # inner capitals mark product names and abbreviations (BeterDichtbij, YouTube, pH, mRNA), not a
    # letter of another encoding's reading ("WeeĂ«n")
    if any(c.isupper() for c in w[1:].replace("-", "")) and not w.isupper() and "-" not in w and not mojibake(w):
        return True
    return False


_FILE_EXTENSIONS = frozenset("jpg jpeg png gif webp svg tif tiff bmp pdf doc docx odt rtf txt htm html xls xlsx "
                             "ppt pptx csv mp3 mp4 zip".split())

# words after which a capitalised word is the name of a hospital or practice ("het Bravis ziekenhuis")
_INSTITUTIONS = frozenset("ziekenhuis ziekenhuizen kliniek praktijk verloskundigenpraktijk gezondheidscentrum "
                          "centrum apotheek huisartsenpraktijk".split())


def _names_an_institution(tok, toks, k: int) -> bool:
    return tok.text[:1].isupper() and k + 1 < len(toks) and toks[k + 1].text.lower() in _INSTITUTIONS


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'‘“(")
    return not before or before[-1] in ".!?:•"


def check(doc, conf, ctx):
    checked, found, kind, sugg = unknown_in(doc, conf, ctx)
    for block, text, u in found:
        if kind_of(kind, u.tok.text) == "slip":
            yield _finding(doc, block, text, u.tok, checked, conf, sugg[u.tok.text])
        elif kind_of(kind, u.tok.text) == "abbreviation":
            yield _abbreviation_finding(doc, block, text, u.tok)
    for block in doc.blocks:
        yield from _linked_apart(doc, block, checked.spell)
        yield from _ligatures_apart(doc, block, checked.spell)


# the letters a PDF's ligature stands for, which a copy may set apart from the rest of the word
# ("fl ink", "fi etsen", "pro fi el")
_LIGATURE_PIECES = frozenset({"fi", "fl", "ff", "ffi", "ffl"})


def _ligature_join(spell, text: str, toks, k: int) -> tuple[int, int, str] | None:
    """The word a ligature's letters at token ``k`` belong to, set apart by spaces: (first token,
    last token, the word) when the letters with the piece after them, and maybe the one before, make a
    dictionary word that the pieces are not."""
    if toks[k].text not in _LIGATURE_PIECES or k + 1 >= len(toks) or text[toks[k].end:toks[k + 1].start] != " ":
        return None
    nxt = toks[k + 1].text
    if not nxt.islower():
        return None
    prev = toks[k - 1].text if k and text[toks[k - 1].end:toks[k].start] == " " and toks[k - 1].text.isalpha() else None
    short, long = toks[k].text + nxt, (prev or "") + toks[k].text + nxt
    # a piece before that is no word of its own belongs to the word ("pro fi el" -> profiel), a word
    # before it does only when the letters and the piece after them make none ("de fi etsen" -> fietsen)
    for first, word in (((k - 1, long),) if prev and not _whole_word(spell, prev) else ()) \
            + ((k, short),) + (((k - 1, long),) if prev else ()):
        if len(word) >= 4 and spell.dict.check(word.lower()):
            return first, k + 1, word
    return None


def _ligatures_apart(doc, block, spell):
    """A word a PDF's ligature split ("fl ink" -> flink): one finding with the word."""
    text = restore_invisible(doc, block)
    toks = spell_tokens(text)
    for k in range(len(toks)):
        found = _ligature_join(spell, text, toks, k)
        if found is None:
            continue
        a, b, word = found
        words = text[toks[a].start:toks[b].end]
        span = doc.span(block, toks[a].start, toks[b].end)
        yield Diagnostic.at(doc, span, _("'{words}' is one word: '{fix}'").format(words=words, fix=word),
                            words, word.lower()).offering(word, safe=True)


def _linked_apart(doc, block, spell):
    """A compound written apart after its linking -s ("het zwangerschaps verlof" -> zwangerschapsverlof):
    the first piece is no word (also not with its capital: "het Engels heet ..."), without its s it is
    one, and the two make a dictionary word (the split
    that a scan's stray space makes is let through as such, so this is said here)."""
    text = restore_invisible(doc, block)
    toks = spell_tokens(text)
    for a, b in zip(toks, toks[1:]):
        first, second = a.text, b.text
        if text[a.end:b.start] != " " or not first.endswith("s") or not second.islower() or len(second) < 3 \
                or _whole_word(spell, first) or spell.dict.check(first) or not _whole_word(spell, first[:-1]) \
                or not _whole_word(spell, second):
            continue
        joined = first + second
        if len(joined) < SPLIT_WORD_MIN or not spell.dict.check(joined.lower()):
            continue
        words = text[a.start:b.end]
        span = doc.span(block, a.start, b.end)
        yield Diagnostic.at(doc, span, _("'{words}' is one word: '{fix}'").format(words=words, fix=joined),
                            words, joined.lower()).offering(joined, safe=True)


class Unknown(NamedTuple):
    """A leaflet's unknown words, worked out once for this rule and spelling.unknown-term."""
    checked: "_Checked"
    found: list  # (block, text, unknown word): the words no list knows, names left out
    kind: dict  # term key -> "slip" | "term" | "variant" | "abbreviation" (see ``kinds``)
    suggestions: dict  # word -> its suggestions


def unknown_in(doc, conf, ctx) -> Unknown:
    """The unknown words of ``doc``, kept for the last leaflet the run checked."""
    last = ctx.service("spelling:last-leaflet", dict)
    key = (conf["dictionary"], conf["max_abbreviation"], conf["suggestions"])
    if last.get("doc") is not doc or last.get("key") != key:
        checked, found = _gather(doc, conf, ctx)
        last.update(doc=doc, key=key, unknown=Unknown(checked, found, *kinds(checked, found, conf)))
    return last["unknown"]


def _gather(doc, conf, ctx):
    spell = checker(ctx, conf["dictionary"], topics.name_of(doc.meta, ctx.config))
    brand_id, brand = brand_of(doc, ctx.brands)
    extra = set(own_names(doc, brand)) | _site_names(doc)
    if brand_id:
        extra |= brand_words(brand_id, ctx.config.sources, ctx.config.outside)
    extra_f = frozenset(extra)
    found = []
    leftovers = residue.spans_by_block(doc)
    for b, block in enumerate(doc.blocks):
        text = restore_invisible(doc, block)
        found += [(block, text, u) for u in
                  _unknown_words(spell, text, conf["max_abbreviation"], extra_f, leftovers.get(b, ()))]
    # a name at the start of a sentence is known by the same name elsewhere inside a sentence
    names = {u.tok.text for *_, u in found if u.name} | _repeated_names([u for *_, u in found])
    names |= _names_in_runs(doc) if any(u.start for *_, u in found) else set()
    found = [(block, text, u) for block, text, u in found if u.tok.text not in names]
    return _Checked(spell, extra_f), found


class _Checked(NamedTuple):
    spell: object
    extra: frozenset


def kinds(checked, found, conf):
    """Per term key (see ``term_key``) what its first use is: "slip" (a dictionary word lies close:
    an error), "term" (none does: a term or name for spelling.unknown-term), "variant" (another spelling
    of a Latin sound, "gynecoloog" beside "gynaecoloog": a note) or "abbreviation" (one written
    without its full stop, "nr", "oa": a warning with the dotted form); and each word's suggestions.
    A capitalised word inside a sentence taken for a name ("name", a note) is kept under the word as
    written: the same letters in small letters elsewhere are judged on their own (see ``kind_of``)."""
    kind: dict[str, str] = {}
    sugg: dict[str, list] = {}
    for *_, u in found:
        word = u.tok.text
        if spelling_data().dotted_form(word) and not _in_other_capitals(checked.spell, word):
            kind.setdefault(term_key(word), "abbreviation")
            continue
        own = _own_name_close(word, checked.extra)
        if word not in sugg:
            sugg[word] = own or checked.spell.suggest(word, conf["suggestions"])
        if not own and not u.start and _name_shaped(word) and _name_inside(checked.spell, word, sugg[word]):
            kind.setdefault(word, "name")
            continue
        if not own and _no_vowel(word) and not any(x.lower() == word.lower() for x in sugg[word]) \
                and not _vowel_dropped(checked.spell, word):
            kind.setdefault(term_key(word), "term")  # "vzl", "rkz": an acronym in small letters, no Dutch word
            continue
        kind.setdefault(term_key(word), "slip" if own else _kind_of(word, _close(checked.spell, word, sugg[word])))
    return kind, sugg


_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")
_NO_VOWEL_MAX = 5


def _vowel_dropped(spell, word: str) -> bool:
    """A vowel put back between its letters makes a word people write ("wrdt" -> wordt, "vn" -> van): a
    slip after all; one added at an end makes another abbreviation ("bvb" -> bvba), no slip."""
    low = word.lower()
    return any(lexicon.count(c) > 0 and spell.dict.check(c)
               for c in (low[:i] + v + low[i:] for i in range(1, len(low)) for v in "aeiou"))


def _no_vowel(word: str) -> bool:
    """A short word of consonants only: no Dutch word is written so; an organisation's acronym in small
    letters ("vzl") or a code, for a reviewer to check as a term, not a slip to correct."""
    return word.isalpha() and len(word) <= _NO_VOWEL_MAX and not _VOWELS & set(word.lower())


def kind_of(kind: dict, word: str) -> str:
    """The kind ``kinds`` gave ``word``: as a name where it was taken for one, else its term key's."""
    return kind.get(word) or kind[term_key(word)]


def _name_inside(spell, word: str, sugg) -> bool:
    """A capitalised word inside a sentence is a name (a firm, a person: "Yarden", "Dela"), not a slip
    of a short word or name that happens to lie close ("aarden", "deal", "Delta"). A close long word or
    name makes it a slip ("Verloskundge", "Nederand": names seldom lie one slip from a long word), and
    so do a start or an end no Dutch word has ("Dinsdg", "Leidn": a dropped vowel), a y for the ij of a
    common word ("Vrydag") and a slip of the hand ("Tabelt", "Infuss")."""
    close = [s for s in sugg if suggestion_score(word, s) <= TERM_DISTANCE]
    return spell_speakable(word) and not spell.y_for_ij(word) and not any(
        len(s) >= _LONG_WORD or _typing_slip(word, s) for s in close)


def _typing_slip(word: str, other: str) -> bool:
    """``word`` is ``other`` with two letters side by side swapped or one letter typed twice or once too
    few ("Tabelt", "Infuss", "Parnter"): slips of the hand that names seldom make of words."""
    a, b = word.lower(), other.lower()
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[i] == long_[i - 1] and long_[:i] + long_[i + 1:] == short for i in range(1, len(long_)))


_LONG_WORD = 8


def _in_other_capitals(spell, word: str) -> bool:
    """A dictionary word in other capitals ("ph" for "pH", a unit): no abbreviation without its stop."""
    mixed = word[:1].lower() + word[1:].upper()
    return len(word) >= 2 and mixed not in (word, word.upper()) and spell.dict.check(mixed)


def _own_name_close(word: str, names) -> tuple[str, ...]:
    """A name of the leaflet's own (its practice, its brand) one slip from ``word`` ("Kwakelhof"): the
    dictionary does not know it, so it suggests nothing near."""
    if len(word) < 4 or not word[:1].isupper():
        return ()
    close = sorted((suggestion_score(word, n), n) for n in names if abs(len(n) - len(word)) <= 2 and n[:1].isupper())
    return tuple(n for score, n in close if score <= CLEAR_SCORE)[:1]


def _close(spell, word: str, sugg) -> list[str]:
    """The suggestions that make ``word`` a slip: a join of two words that only hunspell makes
    ("klimakter|iem" beside klimakterium, "week|en|delen|tumor") counts only one typical Dutch slip away
    (a doubled letter, ij/ei, a linking n or s: "schildklieraafwijkingen"); an English word
    ("sidebar", "semen") is a loan unless a Dutch word lies one typical slip away or is the same letters
    with an apostrophe, a hyphen or a space ("embryos" for embryo's, suggested as "embryo")."""
    low = word.lower()
    typical = dutch_edits(low)
    english = len(low) >= 4 and word[:1].islower() and spell.english_word(word)
    return [s for s in sugg if s.lower() in typical or _same_letters(low, s) or not english and (
        " " in s or spell.written(s.lower()) or not spell.nobodys_join(s))]


def _same_letters(low: str, other: str) -> bool:
    """``other`` is ``low`` with an apostrophe, a hyphen or a space, or the word a plural in -s without
    its apostrophe is made of ("embryos": embryo)."""
    bare = re.sub(r"[-'’ ]", "", other.lower())
    return bare == low or (low.endswith("s") and bare == low[:-1] and bare[-1:] in "aeiouy")


def _kind_of(word: str, sugg) -> str:
    if mojibake(word) or re.search(r"(\w)\1\1", word):
        return "slip"  # a word damaged by another encoding's reading, or a letter typed three times
    if sugg and _classical_variant(word, sugg[0]):
        return "variant"
    return "slip" if sugg and suggestion_score(word, sugg[0]) <= TERM_DISTANCE else "term"


def _classical_variant(word: str, other: str) -> bool:
    """``word`` writes the Latin ae where the dictionary word has its Dutch e, or the other way round
    (haemoglobine/hemoglobine, gynecoloog/gynaecoloog). A dropped o of oe is a slip ("onderzek",
    "tampoen"), and k for c, ks for x are the spellings of today ("direkt" is a slip): no variants."""
    low, other = word.lower(), other.lower()
    return low != other and ("ae" in low or "ae" in other) and low.replace("ae", "e") == other.replace("ae", "e")


def term_key(word: str) -> str:
    """A term counted with its inflected forms: "paternaal", "paternale" (an adjective's -e, a plural's -en)."""
    low = word.lower()
    for end in ("en", "e"):
        if low.endswith(end) and len(low) - len(end) >= 5:
            return low[: -len(end)]
    return low


# suggestion_score of the closest dictionary word above which none is close: the word is a term or
# a name the writer means (a medical word the dictionary lacks, "anembryonie"), not a slip. A slip
# of a rare medical word (curretage, misoprostrol) scores up to about 1.0, a slip in the first letter
# (nevalling, cerloskundige) or two slips in one word (bevruhtting, vermeodheid) up to about 1.6
TERM_DISTANCE = 1.7


def _names_in_runs(doc) -> set[str]:
    """The words of runs of capitalised words inside sentences ("aldus Tim Nawrot"): the same word
    at a sentence start is that name ("Nawrot en zijn team ...")."""
    out: set[str] = set()
    for b in doc.blocks:
        text = b.text
        out.update(t.text for t in spell_tokens(text) if t.in_name and not _sentence_start(text, t.start))
    return out


# the name in a web or e-mail address ("www.voorbeeldregister.be", "info@kliniek-noord.nl")
_ADDRESS_NAME = re.compile(r"(?:\bwww\.|@|//)([a-z0-9][a-z0-9-]{2,40})\.(?:[a-z]{2,6})\b", re.I)


def _site_names(doc) -> set[str]:
    """The names in the leaflet's web and e-mail addresses: an organisation written as a word in the
    text ("het Voorbeeldregister rapport - www.voorbeeldregister.be") is that name, not a typo."""
    out: set[str] = set()
    for b in doc.blocks:
        for m in _ADDRESS_NAME.finditer(b.text):
            out.add(m.group(1).lower())
            out.update(p for p in m.group(1).lower().split("-") if len(p) >= 3)
    return out


class _Unknown(NamedTuple):
    tok: object  # a token of pipeline.language.tokens
    name: bool  # taken for a name where it stands
    start: bool  # at the start of a sentence


def _repeated_names(found: list[_Unknown]) -> set[str]:
    """A capitalised word the leaflet writes at least twice, once inside a sentence, and never in
    small letters: a name ("zegt Meerte" and "Meerte vertelt"), even one slip from a word. A typo of
    a word is written in small letters inside a sentence."""
    lower = {u.tok.text.lower() for u in found if u.tok.text.islower()}
    caps = Counter(u.tok.text for u in found if u.tok.text[:1].isupper() and u.tok.text[1:].islower())
    inside = {u.tok.text for u in found if not u.start}
    return {w for w, n in caps.items() if n >= 2 and w in inside and w.lower() not in lower}


# endings of a profession whose woman's form adds -e ("orthoptist(e)", "assistent(e)", "kandidaat")
_PROFESSION_ENDINGS = ("ist", "ant", "ent", "aat", "oog", "eut")


def _cut_or_plural(spell, tok, extra) -> bool:
    """A teaser's last word cut off before its ellipsis that begins a word ("cont.." of contact), or a
    plural's ending in brackets after a word whose last consonant the plural doubles ("eicel(en)":
    eicellen), or a woman's -e after a profession ending in a consonant ("orthoptist(e)"); "hoofdpijnn…"
    and "kind(en)" stay errors."""
    if tok.cut:
        return lexicon.starts_a_word(tok.text.lower())
    if not tok.tail:
        return False
    base, tail = tok.text[:-tok.tail], tok.text[-tok.tail:]
    if tail == "e" and base.lower().endswith(_PROFESSION_ENDINGS):
        return spell.known(base, extra)
    return spell.known(base, extra) and "n" in lexicon.tags((base + base[-1] + tail).lower())


def _number_compound_part(spell, tok, text: str, extra) -> bool:
    """A word with its linking s after a number and a hyphen: the first part of a compound ("de
    24-uurs urine", "een 3-jaars opleiding"); "Na een uurs wachten" stays an error. Or the rest of a
    word that opens with a number written in figures ("1-eiig", "2 eiige": eeneiig, tweeëiige)."""
    m = _FIGURE_BEFORE.search(text, 0, tok.start)
    if m is None:
        return False
    if m.group(2) == "-" and tok.text.endswith("s") and spell.known(tok.text[:-1], extra):
        return True
    word = _NUMBER_WORDS.get(m.group(1))
    low = tok.text.lower()
    return word is not None and any(spell.known(w, extra) for w in (
        word + low, f"{word}-{low}", word + _DIAERESIS.get(low[:1], low[:1]) + low[1:]))


_FIGURE_BEFORE = re.compile(r"(?<![\d.,])(\d{1,2})([- ])\Z")
_NUMBER_WORDS = dict(zip("1 2 3 4 5 6 7 8 9 10".split(), "een twee drie vier vijf zes zeven acht negen tien".split()))
_DIAERESIS = {"e": "ë", "i": "ï", "o": "ö", "u": "ü"}


def _dotted_abbreviation(tok, text: str) -> bool:
    """An abbreviation of schema/style-language.yaml written with its full stop ("ca.", "bijv.")."""
    return text[tok.end : tok.end + 1] == "." and tok.text.lower() in spelling_data().dotted_abbreviations


def _pieces_of_a_word(spell, tok, text: str, toks, k: int, extra) -> bool:
    """A word rejoined from a line-break hyphen, a word split by stray spaces, or two words with a
    dash between them: no unknown word."""
    return bool(tok.joined and spell.known(tok.text.replace(" ", ""), extra)) or _split_word(spell, text, toks, k) \
        or _dash_between_words(spell, tok, text) or _in_ligature_word(spell, text, toks, k) \
        or _initial_apart(spell, tok, text, extra)


# an acronym spelled out with each initial set before the rest of its word: "R (ust)", "C (ompressie)"
_INITIAL_BEFORE = re.compile(r"(?:^|[\s•·(/-])([A-ZÀ-Þ])[ \t]*\($")


def _initial_apart(spell, tok, text: str, extra) -> bool:
    """The rest of a word whose initial stands before it in brackets, when the two make a word."""
    m = _INITIAL_BEFORE.search(text, max(0, tok.start - 5), tok.start)
    return (m is not None and text[tok.end:tok.end + 1] == ")" and tok.text[:1].islower()
            and spell.known(m.group(1) + tok.text, extra))


def _in_ligature_word(spell, text: str, toks, k: int) -> bool:
    """The token is a piece of a word a ligature split, reported whole by ``_ligatures_apart``."""
    return any((found := _ligature_join(spell, text, toks, j)) is not None and found[0] <= k <= found[1]
               for j in range(max(0, k - 1), min(len(toks), k + 1)))


def _dash_between_words(spell, tok, text: str) -> bool:
    """"als het kan- bij de klachten": a dash glued to the word before it, between two words of their own,
    is no line-break hyphen inside one word (that one is joined: "gynaeco- loog")."""
    if not tok.joined:
        return False
    halves = text[tok.start:tok.end].split("-", 1)
    return len(halves) == 2 and all(_whole_word(spell, h.strip()) for h in halves)


def _unknown_words(spell, text: str, max_abbr: int, extra, skip):
    """(token, is_name) for each word of ``text`` that no list knows; a capitalised word inside a
    sentence that is not one slip away from a word or a known name is a name ("Unicef", "Kübler-Ross")."""
    toks = spell_tokens(text)
    foreign: dict = {}
    for k, tok in enumerate(toks):
        if _skip(tok, text, max_abbr) or any(s < tok.end and tok.start < e for s, e in skip):
            continue
        if spell.known(tok.text, extra) or _dotted_abbreviation(tok, text) or _cut_or_plural(spell, tok, extra) \
                or _number_compound_part(spell, tok, text, extra):
            continue
        start = _sentence_start(text, tok.start)
        if tok.text[:1].isupper() and start and spell.known(tok.text.lower(), extra):
            continue
        if _pieces_of_a_word(spell, tok, text, toks, k, extra):
            continue
        if _acronym_in_sentence(spell, tok, text):
            continue
        if tok.in_name or spell.name_like(tok.text) or _names_an_institution(tok, toks, k) or _street(tok, text) \
                or (tok.text[:1].isupper() and _TITLE_BEFORE.search(text, 0, tok.start)):
            continue  # (a capitalised word after "Dr." or "Mevr." is a name, though the full stop ends nothing)
        if _quoted_compound(spell, tok, text, extra) or _explained_abbreviation(spell, text, toks, k) \
                or _partitive(spell, toks, k):
            continue
        if _ET_AL.match(text, tok.end) or (tok.text[:1].isupper() and _NAME_AFTER.match(text, tok.end)):
            # a cited author ("Jansen et al.", "Kolte, 2015)") or a person with an age ("Archie (1)"):
            # a name here and wherever the leaflet writes it
            yield _Unknown(tok, True, start)
            continue
        if _foreign(spell, text, toks, k, foreign):
            continue
        if spell.word_part(tok.text) or _mentioned(spell, tok, text) or _eponym(spell, tok, text):
            continue  # a word part explained on its own ("laparo: buik"), a name after "syndroom van"
        name = not start and (spell.proper_name(tok.text, extra) or spell.hyphenated_name_compound(tok.text)
                              or _listed_with_names(spell, text, toks, k))
        yield _Unknown(tok, name, start)


# a word explained as a word: "Cystos betekent blaas", "Hyster staat voor baarmoeder"
_MENTION = re.compile(r"[ \t]+(?:betekent|betekenen|staat voor|wil zeggen)[ \t]+(?:[^\s.,;:!?]+[ \t]+){0,2}[^\s.,;:!?]+[.,;]")


def _mentioned(spell, tok, text: str) -> bool:
    """A word that the sentence explains in a few words ("Cystos betekent blaas, scopie ..."): a word of
    another language named, not used; a slip of a Dutch word ("Miskraaam betekent verlies.") stays."""
    return bool(_MENTION.match(text, tok.end)) and not spell.near_attested(tok.text.lower())


_EPONYM_VAN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t]+van[ \t]+(?:de[ \t]+|von[ \t]+)?$")
_EPONYM_REACH = 40  # characters before the word that "<head> van" stands in


def _eponym(spell, tok, text: str) -> bool:
    """The name a syndrome, disease or test is named after, written small ("het syndroom van patau", "de
    ziekte van crohn"); a typical Dutch slip of a word people write there ("de ziekte van Pfeifer" is a name,
    "het syndroom van dwon" is not caught: names lie close to names) stays an error ("ziekte van hett")."""
    m = _EPONYM_VAN.search(text, max(0, tok.start - _EPONYM_REACH), tok.start)
    if not m or m.group(1).lower() not in spelling_data().eponym_heads:
        return False
    low = tok.text.lower()
    return not any(lexicon.count(c) > 0 and spell.dict.check(c) for c in dutch_edits(low) - {low})


_HOUSE_NUMBER = re.compile(r"[ \t]+\d{1,4}[a-zA-Z]?\b")


# words after which an adjective takes the partitive -s ("iets moois", "niets uitdrukkelijks"), and
# the adverbs that may stand between ("iets heel bijzonders")
# ("veel", "weinig" take a plural as often: "weinig zwangeren", so they are left out)
_PARTITIVE_HEADS = frozenset("iets niets wat allerlei genoeg zoiets niks".split())
_PARTITIVE_ADVERBS = frozenset("heel erg zo zeer nog echt best vrij extra".split())


_ACRONYM_MAX = 8


def _acronym_in_sentence(spell, tok, text: str) -> bool:
    """A word in capitals amid words in small letters on its line is an acronym ("volgens INSERM"), not a
    heading in capitals to check, unless it is one edit from a word Frog's corpus has seen ("de MISKAAM")."""
    w = tok.text
    if not (w.isalpha() and w.isupper() and len(w) <= _ACRONYM_MAX):
        return False
    start, end = text.rfind("\n", 0, tok.start) + 1, text.find("\n", tok.end)
    line = text[start:end if end >= 0 else len(text)]
    return sum(c.islower() for c in line) > 2 * sum(c.isupper() for c in line) \
        and not spell.near_attested(w.lower())


def _partitive(spell, toks, k: int) -> bool:
    """An adjective with the partitive -s after "iets", "niets", "veel" ... ("niets uitdrukkelijks"):
    a form the dictionary lists for common adjectives only."""
    low = toks[k].text.lower()
    if not (low.endswith("s") and len(low) >= 5 and spell.adjective(low[:-1])):
        return False
    j = k - 1
    while j >= 0 and k - j <= 3 and toks[j].text.lower() in _PARTITIVE_ADVERBS:
        j -= 1
    return j >= 0 and toks[j].text.lower() in _PARTITIVE_HEADS


# what stands between an abbreviation and the word it shortens: "Alb / albumine", "Hb (hemoglobine)"
_EXPLAINED_GAP = re.compile(r"^\.?\s*(?:[/=:(]|\s-)\s*$")


def _explained_abbreviation(spell, text: str, toks, k: int) -> bool:
    """A short word right before or after the word it abbreviates ("Alb / albumine", "revisie (rev)"):
    its letters are the start and, in order, letters of that known word, as a glossary writes it."""
    tok = toks[k]
    if not (2 <= len(tok.text) <= 5 and tok.text.isalpha()):
        return False
    for j in (k + 1, k - 1):
        if not 0 <= j < len(toks):
            continue
        a, b = sorted((k, j))
        gap = text[toks[a].end:toks[b].start]
        if (_EXPLAINED_GAP.match(gap) or gap.strip() in ("(", ")")) and _abbreviates(tok.text, toks[j].text) \
                and spell.known(toks[j].text):
            return True
    return False


def _abbreviates(short: str, word: str) -> bool:
    short, word = short.lower(), word.lower()
    if len(word) <= len(short) + 1 or not word.startswith(short[:2]):
        return False
    rest = iter(word[1:])
    return all(c in rest for c in short[1:])


# a quotation mark that opens: at the text's start or after a space or bracket, before a letter
_QUOTE_OPENS = re.compile(r"(?:^|[\s(\[])[‘“'\"](?=\w)")
_QUOTED_HEAD = re.compile(r"^(?P<head>.+)[’'”\"]-(?P<noun>[^\W\d_]+)$")


def _quoted_compound(spell, tok, text: str, extra) -> bool:
    """A quoted phrase joined to a noun by a hyphen ("de ‘Black Lives Matter’-beweging", "het ‘Kijk
    maar’-boek"): the quoted words are cited, often in another language; only the noun is checked."""
    m = _QUOTED_HEAD.match(tok.text)
    if not m or not _QUOTE_OPENS.search(text[max(0, tok.start - 80):tok.start + 1]):
        return False
    head = m.group("head")  # the quoted phrase's last word: a name or another language's word, or checked
    cited = spell.known(head, extra) or spell.english_word(head) or spell.proper_name(head, extra)
    return cited and spell.known(m.group("noun"), extra)


def _street(tok, text: str) -> bool:
    """A street name before its house number ("Michelangelolaan 2"): a capitalised word whose last
    part is a street word, with three letters or more before it."""
    low = tok.text.lower()
    return tok.text[:1].isupper() and _HOUSE_NUMBER.match(text, tok.end) is not None and any(
        low.endswith(w) and len(low) - len(w) >= 3 for w in spelling_data().street_words)


# pieces of a word split by stray spaces join to a dictionary word of at least this length
SPLIT_WORD_MIN = 8


def _split_word(spell, text: str, toks, k: int) -> bool:
    """A piece of a word that a scan's text recognition split with stray spaces ("o ngeveer",
    "bloed- ver lies"): up to four neighbouring pieces, one space apart, make a dictionary word of eight
    letters or more, as a line-break hyphen's halves do; every piece but the last is no word of its own. The
    long word and the pieces guard against a typo that happens to join its neighbour into a word."""
    for first in range(max(0, k - 3), k + 1):
        for last in range(max(k, first + 1), min(len(toks), first + 4)):
            if any(text[toks[j].end:toks[j + 1].start] != " " or _whole_word(spell, toks[j].text)
                   for j in range(first, last)):
                continue  # a word of its own is no piece ("de", "het" before a typo)
            whole = "".join(toks[j].text.replace("- ", "") for j in range(first, last + 1))
            if len(whole) >= SPLIT_WORD_MIN and whole.isalpha() and spell.dict.check(whole.lower()):
                return True
    return False


# short English words that are no Dutch words; "to", "is", "we" are both and prove nothing
_ENGLISH_SHORT = frozenset("be us my by it he if an".split())


def _english_run(spell, text: str, toks, k: int) -> bool:
    """A word in a run of English words one space apart inside a Dutch sentence ("het was meant to be"):
    at least two of them no Dutch word, one of those three letters or more, so a Dutch slip that happens
    to be an English word beside a word of both languages ("het hat is") stays an error."""
    def english(j):
        w = toks[j].text
        return w.lower() in _ENGLISH_SHORT or w in ("to", "of", "in", "is", "on", "we", "me", "so", "do", "up") \
            or len(w) > 2 and w.isalpha() and spell.english_word(w)
    first = last = k
    if not english(k):
        return False
    while first > 0 and text[toks[first - 1].end:toks[first].start] == " " and english(first - 1):
        first -= 1
    while last + 1 < len(toks) and text[toks[last].end:toks[last + 1].start] == " " and english(last + 1):
        last += 1
    only = [toks[j].text for j in range(first, last + 1)
            if toks[j].text.lower() in _ENGLISH_SHORT or len(toks[j].text) > 2 and not spell.known(toks[j].text)]
    return len(only) >= 2 and any(len(w) > 2 for w in only)


def _whole_word(spell, piece: str) -> bool:
    return len(piece) > 1 and " " not in piece and spell.dict.check(piece.lower())


# Dutch function words that are English words too
_BOTH_LANGUAGES = frozenset("van is in of we op had was die door been over hem and".split())


def _foreign(spell, text: str, toks, k: int, foreign: dict) -> bool:
    """An English phrase or sentence, an English gloss in brackets ("ontijdige (immature) geboorte"),
    a loan word Dutch medical text uses as it is ("immunoglobulin"), or a word cited in quotation
    marks in a sentence that names its language ("het Griekse woord 'hydatis'") or right after a word
    that names it ("een techniek genaamd 'karyomapping'")."""
    tok = toks[k]
    # beside an English word: Dutch function words that English also has ("van", "is", "over") prove
    # nothing ("de groei van embryos is snel": embryos is a Dutch slip for embryo's)
    if spell.english_word(tok.text) and (any(
            0 <= j < len(toks) and spell.english_word(toks[j].text) and toks[j].text.lower() not in _BOTH_LANGUAGES
            for j in (k - 1, k + 1))
            or text[tok.start - 1 : tok.start] == "(" and text[tok.end : tok.end + 1] == ")"):
        return True
    if spell.english_loan(tok.text) or _english_run(spell, text, toks, k):
        return True
    if not foreign:  # worked out once per text, and only for a text with an unknown word
        foreign["english"] = english_tokens(spell, text, toks) | other_language_tokens(spell, text, toks) \
            | foreign_phrase_tokens(spell, text, toks)
        foreign["cited"] = cited_tokens(text, toks) | quoted_english_tokens(spell, text, toks) \
            | latin_phrase_tokens(text, toks) | latin_run_tokens(spell, text, toks) | named_tokens(spell, text, toks)
    return k in foreign["english"] or k in foreign["cited"]


_ET_AL = re.compile(r"\s+et\s+al\b")
# a person's title right before a word: the word is their name ("Dr. Jansen", "mevr. De Wit")
_TITLE_BEFORE = re.compile(r"\b(?:dr|drs|prof|mr|mevr|mw|dhr|ir|ing|dokter|professor)\.?[ \t]+\Z", re.I)
# what follows a capitalised name in a citation or a news item: a cited author with a year ("Kolte,
# 2015)", "Jansen (2019)") or a person with an age in brackets ("zoon Thijs (1)", "Fleur Smit (34)")
_NAME_AFTER = re.compile(r"(?:\s+et\s+al\.?)?,?\s+(?:19|20)\d\d[a-z]?\s*[;)]|\s*\((?:(?:19|20)\d\d[a-z]?|\d{1,3})\)")
# what may stand between names in a list ("AstraZeneca, Moderna en Novavax")
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+(?:en|of)\s+|\s*/\s*)$")
_LIST_BEFORE = re.compile(r"(?P<name>[^\W\d_]+)(?:\s*,\s*|\s+(?:en|of)\s+|\s*/\s*)$")
_LIST_AFTER = re.compile(r"(?:\s*,\s*|\s+(?:en|of)\s+|\s*/\s*)(?P<name>[^\W\d_]+)")


def _listed_with_names(spell, text: str, toks, k: int) -> bool:
    """A capitalised word inside a sentence listed beside a name that no dictionary doubts (a name
    run, inner capitals, a name no slip from a word): a name too ("AstraZeneca, Moderna en Novavax"),
    unless it is one typical Dutch slip from a word ("Verloskundge")."""
    tok = toks[k]
    if not _name_shaped(tok.text) or spell.typo_of_word(tok.text.lower()):
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(toks) and _LIST_GAP.match(text[toks[min(j, k)].end : toks[max(j, k)].start]):
            if toks[j].in_name or _undoubted_name(spell, toks[j].text):
                return True
    # a neighbour in the text itself, also one the word list leaves out ("Pfizer/BioNTech en Moderna"):
    # only a name with inner capitals is sure enough there ("Bel Pfizer en Verloskundge" stays an error)
    before, after = _LIST_BEFORE.search(text, 0, tok.start), _LIST_AFTER.match(text, tok.end)
    return any(m and _inner_capitals(m.group("name")) for m in (before, after))


def _inner_capitals(word: str) -> bool:
    return word[:1].isupper() and any(c.isupper() for c in word[1:])


def _undoubted_name(spell, other: str) -> bool:
    """Inner capitals ("BioNTech"), or a capitalised word no dictionary knows and no slip from one."""
    return _inner_capitals(other) or (_name_shaped(other) and not spell.known(other) and spell.proper_name(other))


def _name_shaped(word: str) -> bool:
    return len(word) >= 3 and word[:1].isupper() and word[1:].islower() and word.isalpha()


def _finding(doc, block, text: str, tok, checked, conf, sugg) -> Diagnostic:
    span = doc.span(block, tok.start, tok.end)
    match = text[tok.start:tok.end]
    if sugg and match == tok.text and sugg[0].replace("-", "") == tok.text.replace("’", "'"):
        return _hyphen_finding(doc, span, tok.text, sugg[0].replace("'", "’") if "’" in tok.text else sugg[0])
    message = (_("unknown word '{word}'; did you mean '{suggestion}'?").format(word=tok.text, suggestion=sugg[0])
               if sugg else _("unknown word '{word}'").format(word=tok.text))
    if "(" in match:
        # a word read across letters in brackets ("een(druk)verband"): a replacement of the whole span
        # would drop what the brackets hold, so the message names the close word and nothing is offered
        return Diagnostic.at(doc, span, message, match, tok.text.lower())
    return Diagnostic.at(doc, span, message, match, tok.text.lower()).offering(
        *sugg, safe=match == tok.text and clear_candidate(checked.spell, tok.text, sugg, checked.extra))


def _hyphen_finding(doc, span, word: str, fix: str) -> Diagnostic:
    """The same letters with a hyphen at a seam where two vowels would read as one ("groeiecho" ->
    "groei-echo"): that one fix, no look-alike words beside it."""
    return Diagnostic.at(doc, span, _("'{word}' takes a hyphen: '{fix}'").format(word=word, fix=fix),
                         word, word.lower()).offering(fix, safe=True)


def _abbreviation_finding(doc, block, text: str, tok) -> Diagnostic:
    """An abbreviation without its full stop ("nr 3", "oa toxoplasmose"): the dotted form, a warning."""
    span = doc.span(block, tok.start, tok.end)
    dotted = spelling_data().dotted_form(tok.text)
    return Diagnostic.at(doc, span, _("abbreviation without its full stop: write '{dotted}'").format(dotted=dotted),
                         text[tok.start:tok.end], tok.text.lower(), severity=Severity.WARNING,
                         ).offering(dotted[:-1] if text[tok.end:tok.end + 1] == "." else dotted, safe=True)


def clear_candidate(spell, word: str, sugg, extra) -> bool:
    """One clear candidate: a close correction well ahead of the next one, for a word that is not
    made of two known words (a correct compound the dictionary lacks must never be "corrected")."""
    if not sugg or " " in sugg[0] or sugg[0].lower() == word.lower():
        return False
    best = suggestion_score(word, sugg[0])
    if best > CLEAR_SCORE or (len(sugg) > 1 and suggestion_score(word, sugg[1]) - best < CLEAR_GAP):
        return False
    low = word.lower()
    return not any(spell.known(low[:i], extra) and spell.known(low[i:], extra) for i in range(3, len(low) - 2))
