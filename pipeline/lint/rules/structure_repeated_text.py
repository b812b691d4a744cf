"""The same sentence or paragraph twice in one leaflet, and a word written twice in a row.

A copy-and-paste slip or a scraped page repeats text word for word. Compared after folding case
and white space; headings, lines that read as headings (one short line without a full stop: a
title, a contents entry), short sentences (fewer than ``min_words`` words) and list items shorter
than that are left alone, and so are sections that structure.duplicate-section reports.
A repeated paragraph gives one finding, not one per sentence. Doubled words: "het het", "de de";
"dat dat", "die die" and "je je" are good Dutch ("ik weet dat dat kan", "de vrouwen die die keuze
maken", "als je je zorgen maakt"), and so are "heel heel", "nee nee", "ja ja". Doubled word groups of
two to four words: "in de in de", "kunnen verschillen kunnen verschillen"; the same words on both
sides of "en"/"of" ("beschermt en beschermt"; not "meer en meer", "erger en erger") or glossed by
themselves in brackets ("baarmoederholte (baarmoederholte)"), or written again right after a bracketed
aside ("ligt (placenta praevia) ligt"), or a preposition written again right after its participle
("te maken hebben met gehad met"; not the particle of a separable verb written apart, "op gelet op", nor
a preposition of er/daar before it: "er niet om gevraagd om geboren te worden", nor a noun or adjective of
participle shape: "vraagt om geduld om weer ..."); not across a sentence end
("Neem rust. Neem rust.") and not when every word of the group may stand twice ("nee nee, nee nee"),
and not a capitalised word opening a sentence after its own capitalised copy, a heading run into its
text ("Behandeling Behandeling is niet altijd nodig").

pass: Bel de verloskundige bij koorts. Bel de huisarts bij vragen. Ik weet dat dat kan.
fail: Een miskraam komt vaak voor bij vrouwen. ... Een miskraam komt vaak voor bij vrouwen.
fail: Neem het het liefst op tijd in.
fail: De klachten kunnen verschillen kunnen verschillen per vrouw.
fail: Het weefsel blijft in de in de baarmoeder achter.
fail: Het vruchtwater beschermt en beschermt het kindje. Het gaat om een miskraam of een miskraam.
fail: Het weefsel in de baarmoederholte (baarmoederholte) komt vanzelf naar buiten.
fail: De placenta ligt (placenta praevia) ligt laag in de baarmoeder.
fail: Veel vrouwen hebben te maken met gehad met een miskraam.
fail: Het lichaam probeert de zwangerschap in stand te houden en in stand te houden. Het hCG (zwangerschapshormoon) of hCG (zwangerschapshormoon) stijgt.
pass: Het bloedverlies werd meer en meer. De pijn werd erger en erger. Twee moeders: moeder en moeder.
pass: Voor aanstaande ouders en ouders met jonge kinderen. Tot de uitvaart en de uitvaart zelf. Niet invasieve en invasieve behandelingen.
pass: Er zijn miskramen en miskramen. Op die en die dag. Als u (of uw partner) u zorgen maakt, bel ons.
pass: Als uw partner klachten heeft of heeft gehad, zeg het dan.
pass: Neem rust. Neem rust. Behandeling Behandeling is niet altijd nodig. Bel ons als de pijn erger wordt, als de pijn erger wordt of koorts krijgt.
"""

from __future__ import annotations

import re

from pipeline.diagnostic import Diagnostic, Related
from pipeline.i18n import _
from pipeline.language import lexicon, residue
from pipeline.lint.rules.structure_duplicate_section import normalized, sections
from pipeline.text import split_sentences

ID = "structure.repeated-text"
LEVEL = "warning"
SCOPE = "document"
OPTIONS = {"min_words": (int, 6)}

# the second word followed by a hyphen is the first part of a shortened compound: "een een- of
# twee-eiige tweeling" doubles nothing
_DOUBLED = re.compile(r"\b([^\W\d_]+)\s+(\1)\b(?!-)", re.IGNORECASE | re.UNICODE)
# a group of two to four words written twice in a row ("in de in de", "kunnen verschillen kunnen
# verschillen"), also with a comma between ("foetale sterfte, foetale sterfte"); only white space and
# that comma between the words, so never across a sentence end
_DOUBLED_GROUP = re.compile(r"\b((?:[^\W\d_]+[ \t]+){1,3}[^\W\d_]+)(?:[ \t]+|[ \t]*,[ \t]*)(\1)\b",
                            re.IGNORECASE | re.UNICODE)
# doubled words that are good Dutch: a conjunction before a pronoun, a relative before a determiner,
# a subject before its reflexive ("als je je zorgen maakt"), a possessive before a noun ("haar haar")
_DOUBLE_OK = frozenset({"dat", "die", "had", "was", "heel", "ja", "nee", "hé", "ha", "nou", "toe", "je",
                        "haar", "ons", "er", "zo"})


def _in_duplicate_sections(doc) -> set[int]:
    """Block indexes of sections that repeat as a whole (structure.duplicate-section's findings)."""
    seen: set[tuple[str, str]] = set()
    out: set[int] = set()
    index = {id(b): k for k, b in enumerate(doc.blocks)}
    for heading, body in sections(doc, 8):
        key = (normalized(heading.text), normalized(" ".join(b.text for b in body)))
        if key[1] and key in seen:
            out.update(index[id(b)] for b in body)
        seen.add(key)
    return out


def _pieces(doc, min_words: int):
    """(block index, start, end, normalised text): whole paragraphs, then their sentences."""
    skip = _in_duplicate_sections(doc)
    for k, b in enumerate(doc.blocks):
        if b.kind == "heading" or _heading_like(b.text) or k in skip or len(b.text.split()) < min_words:
            continue
        yield k, 0, len(b.text), "p:" + normalized(b.text)
        for s, e in split_sentences(b.text):
            if len(b.text[s:e].split()) >= min_words:
                yield k, s, e, "s:" + normalized(b.text[s:e])


def _heading_like(text: str) -> bool:
    """One short line without a full stop: a title or a contents entry ("2. …en wat is een herhaalde
    miskraam?"), which a printed leaflet repeats on purpose (contents, then the section)."""
    t = text.strip()
    return "\n" not in t and len(t.split()) <= 15 and not t.endswith((".", "!", ";", ",")) and len(split_sentences(t)) <= 1


def _repeats(doc, min_words: int):
    first: dict[str, tuple[int, int, int]] = {}
    whole: set[int] = set()  # blocks already reported as a repeated paragraph
    for k, s, e, key in _pieces(doc, min_words):
        if key not in first:
            first[key] = (k, s, e)
            continue
        if key.startswith("s:") and k in whole:
            continue
        if key.startswith("p:"):
            whole.add(k)
        yield (k, s, e), first[key], key.startswith("p:")


def check(doc, conf, ctx):
    yield from _repeated(doc, conf["min_words"])
    yield from _doubled_words(doc)


def _repeated(doc, min_words: int):
    leftovers = None  # the residue of the leaflet, worked out at the first repeat (most leaflets have none)
    for (k, s, e), (k0, s0, e0), paragraph in _repeats(doc, min_words):
        leftovers = residue.spans_by_block(doc) if leftovers is None else leftovers
        if _in_residue(leftovers, k, s, e) or _in_residue(leftovers, k0, s0, e0):
            continue  # a web page's furniture repeated ("Page 2: ...", a caption): style.web-residue's
        block, block0 = doc.blocks[k], doc.blocks[k0]
        span, span0 = doc.span(block, s, e), doc.span(block0, s0, e0)
        msg = (_("this paragraph also stands on line {line}") if paragraph
               else _("this sentence also stands on line {line}")).format(line=span0.line)
        yield Diagnostic.at(
            doc, span, message=msg, match=block.text[s:e],
            key=("paragraph|" if paragraph else "sentence|") + normalized(block.text[s:e])[:60],
            related=(Related(str(doc.path), span0.line, span0.column, _("first occurrence")),),
        )


def _in_residue(leftovers: dict[int, list[tuple[int, int]]], k: int, s: int, e: int) -> bool:
    return any(a <= s and (b is None or e <= b) for a, b in leftovers.get(k, ()))


def _doubles(text: str):
    """Doubled word groups, then doubled single words outside them; a group or word whose every
    word may stand twice ("nee nee", "dat dat") is left alone."""
    groups = [m for m in _DOUBLED_GROUP.finditer(text)
              if not all(w.lower() in _DOUBLE_OK for w in m.group(1).split()) and not _new_sentence_after_comma(m)]
    yield from groups
    for m in _DOUBLED.finditer(text):
        if m.group(1).lower() not in _DOUBLE_OK and not any(g.start() <= m.start() < g.end() for g in groups) \
                and not _heading_run_in(text, m) and not _name_or_letter(m) and not _particle_then_preposition(m):
            yield m


# particles of separable verbs that are prepositions too
_PARTICLES = frozenset("op aan af in uit door over voor om na bij".split())
_SENTENCE_START = re.compile(r"[.!?:]\s|\n")


def _particle_then_preposition(m: re.Match) -> bool:
    """"we zochten de kliniek op op de kaart", "Bereid je goed voor voor de bevalling": the first word is the
    particle of a verb earlier in the sentence (opzoeken, voorbereiden: the particle before a form of it
    is a word of the lexicon), closing its clause; the second opens a phrase. "Kijk op op de site" and
    "lees je op op onze website" stay doubled words."""
    particle = m.group(1).lower()
    if particle not in _PARTICLES or m.group(1) != m.group(2):
        return False
    start = max((s.end() for s in _SENTENCE_START.finditer(m.string, 0, m.start())), default=0)
    words = re.findall(r"[^\W\d_]+", m.string[start:m.start()])
    return any(lexicon.tags(particle + w.lower()) & _VERB_TAGS for w in words[-8:])


_VERB_TAGS = frozenset({"pv", "pvt", "pvv", "pvmv", "vd", "inf"})


def _name_or_letter(m: re.Match) -> bool:
    """A single letter of a word spaced out ("v l o k k e n": five single letters or more in the text),
    and a name written twice with capitals inside a sentence, a word the lexicon has no class for: a
    double name ("Lou Lou") or a place before its own name; "De De", "Bel Bel" and "Afdeling Afdeling"
    stay slips."""
    first, second = m.group(1), m.group(2)
    text = m.string
    if len(first) == 1:
        return len(_SINGLE_LETTER.findall(text)) >= _SPACED_LETTERS  # a word spaced out, letter by letter
    before = text[:m.start()].rstrip(" \t•*-–")
    return first == second and first[:1].isupper() and first[1:].islower() and len(first) > 2 \
        and first.lower() not in _FUNCTION_WORDS and not lexicon.tags(first.lower()) \
        and bool(before) and before[-1] not in ".!?:\n"


_SINGLE_LETTER = re.compile(r"(?<!\S)[^\W\d_](?!\S)")
_SPACED_LETTERS = 5
_FUNCTION_WORDS = frozenset("""de het een en of in op van te dat die dit deze is zijn wordt bij met voor aan
    als dan maar ook niet om tot uit over naar door na je u we ze zij hij ik""".split())


def _new_sentence_after_comma(m: re.Match) -> bool:
    """"... verward met abortus provocatus, Abortus provocatus is ...": a capital after the comma where
    the first is written small starts a new sentence that takes up the words (a comma for a full stop)."""
    return "," in m.group(0)[len(m.group(1)) : m.start(2) - m.start()] and m.group(2)[:1].isupper() \
        and not m.group(1)[:1].isupper()


def _heading_run_in(text: str, m: re.Match) -> bool:
    """"Behandeling Behandeling van een miskraam ...": a capitalised word that opens the text or a
    sentence, then the same word capitalised: a heading or list label run into the sentence that
    starts with it (a slip writes the copy as it stands: "De de"); short words ("De De") stay."""
    first, second = m.group(1), m.group(2)
    before = text[:m.start()].rstrip(" \t•*-–")
    return (first[:1].isupper() and second[:1].isupper() and len(first) > 3
            and (not before or before[-1] in ".!?:\n"))


# the same words on both sides of "en"/"of" ("beschermt en beschermt", "een miskraam of een miskraam"),
# and a word glossed by itself in brackets ("baarmoederholte (baarmoederholte)")
_JOINED_SAME = re.compile(r"\b((?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]{3,}(?:[ \t]*\([^()\n]{1,40}\))?)[ \t]+(?:en|of|en/of)[ \t]+"
                          r"(\1)(?![\w'’-])", re.IGNORECASE | re.UNICODE)
_BRACKETED_SAME = re.compile(r"\b([^\W\d_]{4,})[ \t]*\([ \t]*(\1)[ \t]*\)", re.IGNORECASE | re.UNICODE)
# a word written again right after a bracketed aside ("zijn (placenta praevia lateralis) zijn")
_AROUND_BRACKET = re.compile(r"\b([^\W\d_]+)[ \t]+\([^()\n]{1,80}\)[ \t]+(\1)\b(?![-'’])", re.IGNORECASE | re.UNICODE)
# a word joined to itself on purpose: "meer en meer", "keer op keer", "door en door", a comparative
# ("langer en langer"), a kinship word ("moeder en moeder")
_JOINED_OK = frozenset({"meer", "minder", "steeds", "door", "over", "wel", "niet", "zo", "een", "één", "nee", "ja",
                        "die", "dit", "dat", "zus", "toen", "nu", "hier", "daar"})
# a pronoun or article may stand on both sides of a bracketed aside ("als u (of uw partner) u zorgen maakt")
_AROUND_OK = _DOUBLE_OK | {"u", "ze", "zij", "hij", "we", "wij", "ik", "het", "de", "een", "en", "of"}
# "er zijn miskramen en miskramen", "je hebt artsen en artsen": kinds of a thing, an idiom
_KINDS_BEFORE = re.compile(r"\b(?:zijn|is|heb|hebt|heeft|hebben|bestaan|bestaat)[ \t]+$", re.IGNORECASE)


# one side has words of its own, so the two differ: "niet invasieve en invasieve", "aanstaande ouders
# en ouders met jonge kinderen", "de dagen tot de uitvaart en de uitvaart zelf"
_OWN_BEFORE = re.compile(r"(?:\bniet|\bgeen|\b(?!(?:de|deze|die|elke|iedere|alle|beide|sommige|onze|welke|andere)\b)[^\W\d_]+e)[ \t-]*$",
                         re.IGNORECASE | re.UNICODE)
_OWN_AFTER = re.compile(r"^[ \t]*(?:zelf|met|van|die|dat|zonder|uit|in|op|voor|bij|na|tot|tijdens|waar\w*|"
                        r"(?!(?:de|je|deze|die|onze|hare|eigen)\b)[^\W\d_]+e\b(?![ \t]*[.,;:!?]))",
                        re.IGNORECASE | re.UNICODE)


# the same preposition on both sides of a participle ("te maken hebben met gehad met"): the phrase
# was rewritten and its old preposition stayed; a participle closes its clause, so a preposition
# after it opens no second phrase of the same kind ("op gewacht op", "van gehoord van")
_AROUND_PARTICIPLE = re.compile(r"\b(met|van|op|in|aan|voor|over|naar|bij|uit|om|tot|tegen)[ \t]+([^\W\d_]{4,})[ \t]+(\1)\b"
                                r"(?![-'’])", re.IGNORECASE | re.UNICODE)


def _around_participle(text: str):
    """A preposition written again right after the participle it stands before; not a separable verb's
    participle written apart ("op gelet": opgelet), which spelling and the verb's own use leave alone,
    nor a word that is also a noun or an adjective ("om geduld om ...": the noun heads its own phrase)."""
    for m in _AROUND_PARTICIPLE.finditer(text):
        middle = m.group(2).lower()
        if _only_participle(middle) and not lexicon.is_participle(m.group(1).lower() + middle) \
                and not _SPLIT_ADVERB_BEFORE.search(text[: m.start()]):
            yield m


def _only_participle(word: str) -> bool:
    """A ge- participle the lexicon knows in no other word class ("gehad", not "geduld", "gerust")."""
    return word.startswith("ge") and lexicon.is_participle(word) and not lexicon.tags(word) & {"n", "adj"}


# "er ... om gevraagd om geboren te worden", "daar nooit van gehoord, van die ...": the first preposition
# belongs to er/daar/hier/waar earlier in the clause and the second opens the phrase or clause it announces
# (at most four words between: "waar mannen die te maken hebben met gehad met" is a relative "waar")
_SPLIT_ADVERB_BEFORE = re.compile(r"\b(?:er|daar|hier|waar)(?:[ \t]+[^\W\d_]+){0,4}[ \t]*$", re.IGNORECASE | re.UNICODE)


_AUXILIARIES = frozenset("heb hebt heeft hebben had hadden ben bent is zijn was waren".split())


def _tense_pair(words: list[str], after: str) -> bool:
    """"als uw partner klachten heeft of heeft gehad": an auxiliary on both sides, the second with its
    participle, says now or before, not one word twice."""
    nxt = after.split(maxsplit=1)[0].strip(".,;:!?").lower() if after.strip() else ""
    return len(words) == 1 and words[0] in _AUXILIARIES and lexicon.is_participle(nxt)


def _joined_same(text: str):
    """The same words joined by "en"/"of", or glossed by themselves in brackets."""
    for m in _JOINED_SAME.finditer(text):
        words = m.group(1).lower().split()
        if len(words) == 1 and (words[0] in _JOINED_OK or words[0].endswith("er")):
            continue
        before = text[: m.start()]
        after = text[m.end() :]
        if not (_OWN_BEFORE.search(before) or _KINDS_BEFORE.search(before) or _OWN_AFTER.match(after)
                or _tense_pair(words, after)):
            yield m
    yield from _BRACKETED_SAME.finditer(text)
    yield from (m for m in _AROUND_BRACKET.finditer(text) if m.group(1).lower() not in _AROUND_OK)
    yield from _around_participle(text)


def _doubled_words(doc):
    for block in doc.blocks:
        found = [(m, _("'{word}' twice in a row")) for m in _doubles(block.text)]
        found += [(m, _("'{word}' written twice: '{text}'")) for m in _joined_same(block.text)]
        for m, message in found:
            word = " ".join(m.group(1).split())
            if "\n" in m.group(0):
                continue
            span = doc.span(block, m.start(), m.end())
            yield Diagnostic.at(
                doc, span, message=message.format(word=word, text=" ".join(m.group(0).split())),
                match=m.group(0), key=f"doubled|{word.lower()}",
            ).offering(word)
