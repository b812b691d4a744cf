"""Words of another language inside Dutch text, which the Dutch dictionary cannot know.

Two safe cases, both decided by the sentence around the word rather than by the word alone:

- a sentence that is itself English: more of its words are English and not Dutch than Dutch and not
  English, and at least two are ("Always look on the bright side, it is free."): its English words
  are quoted text, not Dutch misspellings;
- a word cited in quotation marks in a sentence that names its language ("het Griekse woord
  'hydatis'", "van het Latijnse 'abortus' ('ab', weg)");
- the words of a Latin phrase of medicine written together ("een de novo mutatie"; data in
  pipeline/language/data/medical_word_parts.yaml), and two or more words in a row with Latin endings
  ("ostium internum uteri", "placenta praevia marginalis");
- English words in quotation marks, a term taken over as it is ("een 'nested' studie", "de “loss of
  function”-variant"): every word of the quotation English, at least one of them no Dutch word.

- a sentence in another language (German, French): two or more of its words, and a quarter of them,
  are that language's words that are no Dutch words; and a phrase of it inside a Dutch sentence
  ("thé au citron", "déjà vu"): an unknown word one space from such a word.

A single English word in Dutch text is decided by the spell checker (``english_loan``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language.data import spelling as spelling_data
from pipeline.language.spelling import medical_parts
from pipeline.text import split_sentences

_QUOTES_OPEN = "'‘“\"„«"
_QUOTES_CLOSE = "'’”\"»"
_MIN_ENGLISH = 2


def _sentences(text: str, toks) -> list[list[int]]:
    """Token indices grouped by the sentences ``split_sentences`` finds (the other checks' sentences)."""
    groups: list[tuple[list[int], int]] = []  # (token indices, sentence number)
    spans = split_sentences(text)
    s = 0
    for k, tok in enumerate(toks):
        while s < len(spans) and spans[s][1] <= tok.start:
            s += 1
        if s == len(spans) or tok.start < spans[s][0]:
            continue  # outside every sentence (a lone mark)
        if not groups or groups[-1][1] != s:
            groups.append(([], s))
        groups[-1][0].append(k)
    return [g for g, _ in groups]


def english_tokens(spell, text: str, toks) -> set[int]:
    """Indices of the English words in sentences that are English as a whole."""
    out: set[int] = set()
    for group in _sentences(text, toks):
        words = [toks[k].text for k in group if len(toks[k].text) > 2]  # "a", "we", "to": either language
        english = [w for w in words if _english(spell, w) and not spell.known(w)]
        dutch = [w for w in words if spell.known(w) and not _english(spell, w)]
        if len(english) >= _MIN_ENGLISH and len(english) > len(dutch):
            # its other words are English too ("ectopic"), unless one is a typical Dutch slip
            out.update(k for k in group if len(toks[k].text) <= 2 or _english(spell, toks[k].text)
                       or not spell.typo_of_word(toks[k].text.lower()))
    return out


# a sentence is in another language when this many of its words, and this share of them, are that
# language's words that Dutch lacks
_MIN_FOREIGN = 2
_FOREIGN_SHARE = 0.25


def other_language_tokens(spell, text: str, toks) -> set[int]:
    """Indices of the words of sentences in another language than Dutch or English ("Was ihnen ein
    Ultraschall während der Schwangerschaft verrät"): two or more, and a quarter, of the sentence's
    words are one language's words that are no Dutch words (schema/style-language.yaml), and they
    outnumber its Dutch words."""
    languages = spelling_data().foreign_words
    out: set[int] = set()
    for group in _sentences(text, toks):
        words = [toks[k].text.lower() for k in group]
        for lang in languages:
            n = sum(w in lang for w in words)
            if n >= _MIN_FOREIGN and n >= _FOREIGN_SHARE * len(words) \
                    and n > sum(1 for w in words if w not in lang and len(w) > 2 and spell.known(w)):
                out.update(group)
                break
    return out


@lru_cache(maxsize=1)
def _foreign_words() -> frozenset[str]:
    """The words of every other language in the data that Dutch lacks, as one set."""
    return frozenset().union(*spelling_data().foreign_words)


def foreign_phrase_tokens(spell, text: str, toks) -> set[int]:
    """Indices of unknown words one space from a word of another language that Dutch lacks ("thé au
    citron", "dejà vu"): a phrase of that language kept as it is, no Dutch misspelling."""
    foreign = _foreign_words()
    out: set[int] = set()
    for k, tok in enumerate(toks):
        if tok.text.lower() not in foreign:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(toks) and text[toks[min(k, j)].end : toks[max(k, j)].start] == " " \
                    and not spell.known(toks[j].text):
                out.add(j)
    return out


def _english(spell, word: str) -> bool:
    """An English word, or English words joined by a hyphen ("meta-analysis")."""
    return all(spell.english_word(p) or (len(p) <= 2 and p.isalpha()) for p in word.split("-"))


def cited_tokens(text: str, toks) -> set[int]:
    """Indices of words standing alone in quotation marks in a sentence that names a language."""
    names = spelling_data().language_names
    out: set[int] = set()
    for group in _sentences(text, toks):
        if not any(toks[k].text.lower() in names for k in group):
            continue
        out.update(k for k in group if _quoted(text, toks[k]))
    return out


# a short quotation on one line: its opening mark, its words, its closing mark
_QUOTATION = re.compile(r"[‘“\"'„«]([^‘’“”\"'„«»\n]{2,60})[’”\"'»]")
_WORD = re.compile(r"[^\W\d_]+")


def quoted_english_tokens(spell, text: str, toks) -> set[int]:
    """Indices of the words of a quotation that is English: each word of three letters or more an
    English word, at least one of them no Dutch word ("een ‘nested’ onderzoek")."""
    out: set[int] = set()
    for m in _QUOTATION.finditer(text):
        words = [w for w in _WORD.findall(m.group(1)) if len(w) > 2]
        if words and all(spell.english_word(w) for w in words) and not all(spell.known(w) for w in words):
            out.update(k for k, t in enumerate(toks) if m.start(1) <= t.start and t.end <= m.end(1))
    return out


def named_tokens(spell, text: str, toks) -> set[int]:
    """Indices of a word standing alone in quotation marks right after a word that names it ("een
    techniek genaamd ‘karyomapping’", "zij bedacht het woord 'verliesgeboorte'"): a coined term or a
    name, unless it is one slip from a Dutch word ("het woord 'miskaam'" stays an error)."""
    naming = spelling_data().naming_words
    out: set[int] = set()
    for m in _QUOTATION.finditer(text):
        inner = [k for k, t in enumerate(toks) if m.start(1) <= t.start and t.end <= m.end(1)]
        before = _WORD.findall(text[max(0, m.start() - 30) : m.start()])
        if len(inner) == 1 and before and before[-1].lower() in naming \
                and not spell._near_word(toks[inner[0]].text.lower()):
            out.update(inner)
    return out


_LATIN_GAP = re.compile(r"^(?: |\) | \()$")


def latin_phrase_tokens(text: str, toks) -> set[int]:
    """Indices of the words of a listed Latin phrase standing together ("de novo", "in vitro"), a word
    of it in brackets too ("abortus (arte) provocatus")."""
    phrases = medical_parts().latin_phrases
    out: set[int] = set()
    for k in range(len(toks) - 1):
        pair = (toks[k].text.lower(), toks[k + 1].text.lower())
        if pair in phrases and _LATIN_GAP.match(text[toks[k].end : toks[k + 1].start]):
            out.update((k, k + 1))
    return out


def latin_run_tokens(spell, text: str, toks) -> set[int]:
    """Indices of the unknown words of a Latin term: two or more words in a row, one space apart, each
    with a Latin ending (``latin_run_endings`` in pipeline/language/data/medical_word_parts.yaml), one of
    them a word the dictionary or a list knows ("placenta praevia marginalis", "ostium internum
    uteri"), or one of them an adjective ("impetigo vulgaris"). A word one letter from a known Latin word is
    a slip ("placenta praevia margnalis"); one letter from a Dutch word is its Latin cousin ("otitis media
    acuta" beside acute)."""
    parts = medical_parts()
    endings, adjectives = parts.latin_run_endings, parts.latin_adjective_endings
    latin = [_latin_shaped(text, toks, i, endings) for i in range(len(toks))]
    out: set[int] = set()
    k = 0
    while k < len(toks):
        j = k
        while j + 1 < len(toks) and latin[j] and latin[j + 1] and toks[j + 1].text[:1].islower() \
                and text[toks[j].end : toks[j + 1].start] == " ":
            j += 1
        run = range(k, j + 1)
        if j > k and any(spell.known(toks[i].text) or toks[i].text.endswith(adjectives) for i in run):
            out.update(i for i in run if not spell.known(toks[i].text)
                       and not spell.one_edit_from_word(toks[i].text, endings))
        k = j + 1
    return out


def _latin_shaped(text: str, toks, i: int, endings: tuple[str, ...]) -> bool:
    """A word of four letters or more with a Latin ending, in small letters; a capital only where a term
    may open: a sentence ("Enuresis nocturna") or a genus before its species ("Haemophilus influenzae")."""
    t = toks[i].text
    if len(t) < 4 or not t.lower().endswith(endings):
        return False
    if t.islower():
        return True
    if not t[1:].islower():
        return False
    before = text[max(0, toks[i].start - 8): toks[i].start].rstrip()[-1:]
    return not before.isalnum() or (i + 1 < len(toks) and toks[i + 1].text.islower())


def _quoted(text: str, tok) -> bool:
    return text[tok.start - 1 : tok.start] in tuple(_QUOTES_OPEN) and text[tok.end : tok.end + 1] in tuple(_QUOTES_CLOSE)
