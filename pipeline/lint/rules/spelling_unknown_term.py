"""A word no dictionary knows and that is no slip of a dictionary word: a term or a name to check once.

spelling.unknown-word reports a word with a dictionary word close to it (a slip: curetage,
Wanner); a word with none close (decidualisatie, Cerazette, anembryonie) is most often a medical
term, a brand or a name the dictionary lacks, and so is a word whose closest words are only joins of
two words that hunspell makes and nobody writes ("beenverlittekening" beside "beenverlettekening") or
an English word no typical Dutch slip from a Dutch one ("spine"), a short word of consonants only (an
acronym in small letters: "vzl"); a word that writes the Latin ae where a dictionary word
has e, or the other way round (gynecoloog beside gynaecoloog, haemoglobine beside hemoglobine), is
no slip either. A capitalised word inside a sentence that lies close only to a short word is taken
for a name (a firm, a person: "uitvaart bij Koortz"): its note names the word it might have meant.
Each gets one note at its first use in the leaflet,
with the number of times the leaflet writes it (its inflected forms counted in): a reviewer checks
it once and puts a right word in the word list; a term nobody explains is hard for a patient to read.

pass: Bij een curettage wordt de baarmoeder leeggemaakt.
fail: De decidualisatie begint vroeg; later zie je de decidualisatie beter.
fail: Na de curettage komt de gynecoloog langs.
"""

from __future__ import annotations

from collections import Counter

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _
from pipeline.lint.rules import spelling_unknown_word as words

ID = "spelling.unknown-term"
LEVEL = "info"
SCOPE = "document"


def check(doc, conf, ctx):
    # the words are found with the options of spelling.unknown-word (its dictionary): one set of words
    word_conf = ctx.config.options_for(words.ID, _word_options())
    _checked, found, kind, sugg = words.unknown_in(doc, word_conf, ctx)
    uses = Counter(_key(kind, u.tok.text) for *_, u in found)
    told: set[str] = set()
    for block, text, u in found:
        key, what = _key(kind, u.tok.text), words.kind_of(kind, u.tok.text)
        if what in ("term", "variant", "name") and key not in told:
            told.add(key)
            other = sugg[u.tok.text][0] if what in ("variant", "name") and sugg[u.tok.text] else None
            yield _note(doc, block, text, u.tok, uses[key], other, what)


def _key(kind: dict, word: str) -> str:
    """A name counted as written, a term with its inflected forms (see ``term_key``)."""
    return word if kind.get(word) == "name" else words.term_key(word)


def _word_options():
    from pipeline.lint.rules import registry
    return registry()[words.ID].options


def _note(doc, block, text: str, tok, uses: int, other: str | None, what: str) -> Diagnostic:
    span = doc.span(block, tok.start, tok.end)
    return Diagnostic.at(
        doc, span, message=_message(tok.text, uses, other, what),
        match=text[tok.start:tok.end], key=tok.text.lower(),
        suggestions=(other,) if other else (),
    )


def _message(word: str, uses: int, other: str | None, what: str) -> str:
    if what == "name":
        return _("unknown word '{word}': a name? Or '{other}'? If the name is right, add it to the word "
                 "list").format(word=word, other=other) if other else \
            _("unknown word '{word}': a name? If it is right, add it to the word list").format(word=word)
    if other:
        return _("unknown word '{word}': another spelling of '{other}'; if it is right here, add it to the "
                 "word list").format(word=word, other=other)
    if uses == 1:
        return _("unknown word '{word}', no dictionary word is close to it: a term or a name? If it is right, "
                 "add it to the word list").format(word=word)
    return _("unknown word '{word}', used {count} times, no dictionary word is close to it: a term or a name? "
             "If it is right, add it to the word list").format(word=word, count=uses)
