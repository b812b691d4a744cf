"""Where a leaflet still carries text of the web page or printed page it came from.

Four shapes: the phrases of schema/residue.yaml (buttons, advertisements, page numbers, cookie
notices ...), words glued together by scraping ("markerenFavorietDe", "doorzoeken.Zoek"), short
lines repeated through the file (a running header or footer such as "Miskraam/curettage" on
every page), and the jump links listed under "Op deze pagina". style.web-residue reports them; the spelling rule leaves
their words alone, since "advertisement" is residue, not a misspelling.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline import literals
from pipeline.i18n import _
from pipeline.language import residue_layout, residue_lines, residue_runs, residue_shapes
from pipeline.language.data import french_words, placeholder_words, residue_phrases, running_lines, shape_words
from pipeline.language.data import spelling as spelling_data
from pipeline.language.tokens import HTML_TAG

# a lower-case word running into a capitalised one ("markerenFavorietDe", "podcastEen"); not app
# names such as "mijnRadboud" or "eHealth"
_GLUED = re.compile(r"(?<![\w.@/])(?!(?:mijn|uw|jouw)[A-Z])[a-zà-ÿ]{3,}(?:(?:[A-Z][a-zà-ÿ]+)+|[A-Z]{3,})\b"
                    # a word running into the capitalised word that opens the next sentence ("PodcastEen
                    # zwangerschap"): a function word, which no product name ends in
                    r"|(?<![\w.@/])[A-Z][a-zà-ÿ]{3,}(?:De|Het|Een|Je|Jij|U|Wat|Hoe|Als|Bij|Ook|Er|Dit|Dat|Deze|Ik|We|Wij|Zo|Na)\b(?=[ \t])"
                    # a phone number or other digits running into a word ("071 589 8078Aanmelden"),
                    # place names joined by bullets without a space ("Leiden•Leiderdorp•Oegstgeest")
                    r"|(?<=\d\d)[A-Z][a-zà-ÿ]{3,}\b|\b[^\W\d_]{2,}•[^\W\d_]{2,}(?:•[^\W\d_]+)*")


@dataclass(frozen=True)
class ResidueHit:
    block: int  # index in doc.blocks
    start: int  # offsets in the block's text
    end: int
    kind: str
    reason: str


@lru_cache(maxsize=1)
def _phrases_needing() -> tuple:
    """Each phrase with the strings one of which every match of it contains (none known: ())."""
    return tuple((phrase, literals.needs(phrase.regex)) for phrase in residue_phrases())


def _phrases(k: int, text: str) -> list[ResidueHit]:
    return [ResidueHit(k, start, end, kind, reason) for start, end, kind, reason in _phrase_spans(text)]


@lru_cache(maxsize=8192)
def _phrase_spans(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """The phrases' matches in a block's text, kept per text: a run's leaflets share headers,
    footers and whole sections, and the phrases are tried on every block. A line that no phrase
    matches is tried again behind the emoji that open it ("📋 Inhoud van dit artikel"); a phrase that
    reads the emoji itself ("👉 Lees ook …", a shouted title) matches first."""
    folded = literals.fold(text)
    out = _matches(text, folded)
    if not out and _LEADING_EMOJI.search(text):
        out = _matches(_LEADING_EMOJI.sub(lambda m: m[1] + " " * len(m[2]), text), folded)
    return out


# emoji that open a line, after its indent (the class of the shouted-title phrase in schema/residue.yaml)
_LEADING_EMOJI = re.compile(r"(?m)^([ \t]*)([\U0001F300-\U0001FAFF](?:[ \t]*[\U0001F300-\U0001FAFF])*)")


def _matches(text: str, folded: str) -> tuple[tuple[int, int, str, str], ...]:
    out = []
    for phrase, needs in _phrases_needing():
        if needs and not any(s in folded for s in needs):
            continue  # a string every match needs is not in the text: no search
        out.extend((m.start(), m.end(), phrase.id, phrase.text) for m in phrase.regex.finditer(text) if m.end() > m.start())
    return tuple(out)


# words glued at a full stop, a question or an exclamation mark ("doorzoeken.Zoek", "af.Dat", "doen?Ja"):
# in running prose too, where the reviewer adds the lost space; not an abbreviation's full stop ("dr.Jansen")
_GLUED_STOP = re.compile(r"(?<![\w.@/])([a-zà-ÿ]{2,})[.?!][A-Z][a-zà-ÿ]+\b(?!\.\w)")


def _glued(k: int, text: str) -> list[ResidueHit]:
    twice = _glued_twice(k, text)
    if twice:
        return twice
    stops = [m for m in _GLUED_STOP.finditer(text) if m.group(1).lower() not in spelling_data().dotted_abbreviations]
    return [ResidueHit(k, m.start(), m.end(), "glued-words", _("words glued together when the page was copied"))
            for m in [*_GLUED.finditer(text), *stops]]


def _glued_twice(k: int, text: str) -> list[ResidueHit]:
    """A label glued to its own copy ("Algemene infoAlgemene info"): a menu's or a tab's two labels,
    copied as one line."""
    t = text.strip()
    half = len(t) // 2
    if len(t) % 2 or half < 4 or t[:half] != t[half:] or not (t[half - 1].islower() and t[half].isupper()):
        return []
    return [ResidueHit(k, 0, len(text), "glued-words", _("words glued together when the page was copied"))]


def _inline_markup(doc) -> list[ResidueHit]:
    """HTML tags among a line's words ("<strong>Prenatale</strong> raadpleging<br />"): one hit at the
    first such tag of the document, naming how many blocks hold them (a copied page has them on every
    line). A line of markup alone is a phrase's (schema/residue.yaml, markup)."""
    found = [m for k, b in enumerate(doc.blocks) if (m := _first_inline_tag(k, b.text))]
    if not found:
        return []
    k, first = found[0]
    reason = _("markup of the web page left in the text") if len(found) == 1 else \
        _("markup of the web page left in the text ({n} paragraphs)").format(n=len(found))
    return [ResidueHit(k, first.start(), first.end(), "markup", reason)]


def _first_inline_tag(k: int, text: str):
    for m in HTML_TAG.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = len(text) if (e := text.find("\n", m.end())) < 0 else e
        if any(c.isalpha() for c in HTML_TAG.sub(" ", text[line_start:line_end])):
            return k, m
    return None


def _running(doc) -> list[ResidueHit]:
    """Short blocks that repeat word for word through the file: running headers and footers."""
    conf = running_lines()
    def key(b) -> str:
        return " ".join(b.text.split()).lower()
    counts = Counter(key(b) for b in doc.blocks if 0 < len(b.text.split()) <= conf["max_words"])
    out = []
    for k, b in enumerate(doc.blocks):
        n = counts.get(key(b), 0)
        if n >= conf["min_count"] and any(c.isalpha() for c in b.text) and not _instruction(key(b)):
            out.append(ResidueHit(k, 0, len(b.text), "running-line",
                                  _("a line repeated {n} times through the file (running header or footer)").format(n=n)))
    return out


def _instruction(key: str) -> bool:
    """A line (lower case) that opens with a verb of the leaflet's instructions ("ga naar de
    huisartsenpost"): a leaflet repeats it under each warning sign; no header, footer or title."""
    return key.split(" ", 1)[0] in (running_lines().get("instruction_verbs") or ())


# a page's title is often repeated just below it (the browser title, then the heading)
_TITLE_ZONE = 6
_TITLE_WORDS = 12


def _key(text: str) -> str:
    return " ".join(text.split()).lower().rstrip(".?! ")  # a title repeated without its question mark


def _repeated_title(doc) -> list[ResidueHit]:
    """A short block near the top that repeats an earlier one word for word: the page title twice
    (a lead-in that ends in a colon introduces what follows; it is no title)."""
    seen: set[str] = set()
    out = []
    for k, b in enumerate(doc.blocks[:_TITLE_ZONE]):
        key = _key(b.text)
        if not any(c.isalpha() for c in key) or len(key.split()) > _TITLE_WORDS or key.endswith(":"):
            continue
        if key in seen and not _instruction(key):
            out.append(ResidueHit(k, 0, len(b.text), "repeated-title", _("the page title repeated")))
        if b.kind != "list_item":
            seen.add(key)  # an item of the leaflet's own list may come back as its section's heading
    return out


def _title_again(doc) -> list[ResidueHit]:
    """The page's title (its first heading-like line) once more further down, with no text under it:
    the title of a tab or of the site's footer, not a section of the leaflet (nor a passage written
    twice, title and all: that is structure.duplicate-section's)."""
    blocks = doc.blocks
    first = next((k for k, b in enumerate(blocks) if residue_layout.title_shaped(b.text)), None)
    if first is None:
        return []
    title = _key(blocks[first].text)
    if _instruction(title):
        return []  # "Ga naar de huisartsenpost" under each warning sign: the leaflet's instruction, no title
    under = _key(blocks[first + 1].text) if first + 1 < len(blocks) else ""
    out = []
    for k in range(max(first + 1, _TITLE_ZONE), len(blocks)):
        nxt = blocks[k + 1].text if k + 1 < len(blocks) else ""
        if _key(blocks[k].text) == title and not residue_shapes.text_line(nxt) and _key(nxt) != under:
            out.append(ResidueHit(k, 0, len(blocks[k].text), "repeated-title", _("the page title repeated")))
    return out


# a document-sharing site's preview line that repeats the title of its copy ("Transcript of <title>")
_TRANSCRIPT = re.compile(r"^[ \t]*(?:transcript of|(?:page|pagina)[ \t]+\d{1,4}[ \t]*:)[ \t]*(.+?)[ \t]*$", re.I)


def _document_title(doc) -> list[ResidueHit]:
    """The document site's title of its copy ("<title> · 2017-07-25 · <TITLE>..."): a line that its
    preview lines repeat after "Transcript of" or "Page 1:", strung with dots or cut short; the leaflet's
    own title ("Herhaalde miskramen") stays."""
    previews, lines = set(), []
    for k, b in enumerate(doc.blocks):
        m = _TRANSCRIPT.match(b.text)
        if m:
            previews.add(" ".join(m.group(1).split()).lower())
        else:
            lines.append((k, " ".join(b.text.split()).lower()))
    out = []
    for k, key in lines:
        cut = key.endswith(("...", "…"))
        stem = key.rstrip(".…")
        if (" · " in key or cut) and len(stem) >= _TITLE_STEM and any(
                p == key or (cut and p.startswith(stem)) for p in previews):
            out.append(ResidueHit(k, 0, len(doc.blocks[k].text), "repeated-title",
                                  _("the document site's title of its copy")))
    return out


_TITLE_STEM = 10  # letters a cut title keeps at least: "..." alone repeats nothing


def _doubled_heading(doc, found: set[int]) -> list[ResidueHit]:
    """A heading written twice in a row, word for word ("Hoe lang duurt het?" and again right under it):
    a section's title copied along with its folded-out panel. The second one is the copy."""
    blocks = doc.blocks
    return [ResidueHit(k, 0, len(blocks[k].text), "repeated-title", _("the heading written twice in a row"))
            for k in range(1, len(blocks))
            if k not in found and blocks[k].kind != "list_item" and blocks[k - 1].kind != "list_item"
            and residue_layout.title_shaped(blocks[k].text) and _key(blocks[k].text) == _key(blocks[k - 1].text)]


def _tab_labels(doc, marked: set[int]) -> list[ResidueHit]:
    """A journal page's tab label ("Abstract") right under other residue (a reference, a download
    button); under the article's title it heads the text."""
    labels = shape_words().tab_labels
    return [ResidueHit(k, 0, len(b.text), "page-label", _("a label of the web page"))
            for k, b in enumerate(doc.blocks) if k - 1 in marked and k not in marked and _key(b.text) in labels]


def _jump_links(doc) -> list[ResidueHit]:
    """The entries under "Op deze pagina" / "Inhoudsopgave" (links within the web page) and the
    label and entries of "Lees ook" / "Gerelateerde artikelen" (links to other pages)."""
    out = []
    for h in residue_layout.link_lists(doc.blocks):
        out.append(ResidueHit(h.block, 0, len(doc.blocks[h.block].text), h.kind, h.reason))
    return out


# a line of three or more short lower-case word groups split by commas ("woman, hospital, sad couple")
_WORD_LIST = re.compile(r"^[ \t]*[a-z]+(?:[ \t]+[a-z]+){0,3}(?:[ \t]*,[ \t]*[a-z]+(?:[ \t]+[a-z]+){0,3}){2,}[ \t]*$")
# the first word of a block when it is written in small letters
_LOWER_START = re.compile(r"^[a-zà-ÿ]{2,}\b")


@lru_cache(maxsize=1)
def _dictionaries():
    """(Dutch, English) enchant dictionaries, or None when they are missing (the spelling rule then
    reports the missing tool)."""
    try:
        from pipeline.language.dictionary import enchant_dict

        return enchant_dict("nl_NL"), enchant_dict("en_US")
    except Exception:  # noqa: BLE001 - ImportError or DictNotFoundError
        return None


def _english_alt(k: int, text: str) -> list[ResidueHit]:
    """Image alternative text in English: a line of lower-case word groups split by commas, half
    of its words (two at least) English and not Dutch (the Dutch dictionary knows loans such as
    "pregnant")."""
    if not _WORD_LIST.match(text) or _dictionaries() is None:
        return []
    nl, en = _dictionaries()
    words = re.findall(r"[a-z]+", text)
    english = sum(1 for w in words if en.check(w) and not nl.check(w))
    if 2 * english < len(words) or english < 2:
        return []
    return [ResidueHit(k, 0, len(text), "image-text", _("image alternative text or a logo caption"))]


_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?")
# a literature reference keeps its English title: a year in brackets, "et al.", a doi
_REFERENCE = re.compile(r"\((?:19|20)\d\d\b|\bet al\b|\bdoi\b|\b(?:19|20)\d\d;\s*\d", re.I)
# a line for readers who do not read Dutch ("If you do not speak Dutch, ask for an interpreter") belongs
# in the leaflet; so does a title (a line without a sentence's end)
_FOR_READERS = re.compile(r"\b(?:dutch|english|interpreter|translat\w*|language|languages)\b", re.I)
# unless it tells how to work the site's own translation tool ("Select the text with your mouse"): the
# web page's instructions, not the leaflet's
_SITE_TOOL = re.compile(r"\b(?:website|mouse|touchpad|desktop|laptops?|browser|click|select|tap)\b", re.I)
_ENGLISH_LINE_MIN = 3  # English words, not Dutch ones, a line needs to be English
# a sentence that ends inside the line: a slogan of two sentences whose last has no full stop ("... makes
# it simple. Scan, read and ask for free") is no title
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][ \t]+[A-Z][a-z]")


def _english_line(k: int, text: str) -> list[ResidueHit]:
    """A sentence that is English as a whole in a Dutch leaflet: a site template's slogan or offer
    ("Loved by 2.5M+ users.", "Question on this topic? Get an instant answer."), a quotation left in
    English. Three or more of its words English and not Dutch, more than a third of its words (words both
    languages have count for neither), and more than twice its Dutch words that are not English; not a
    title (no sentence end, at its end or inside it), a reference, or a line for readers of another
    language ("If you do not speak Dutch, ...")."""
    for_readers = _FOR_READERS.search(text) and not _SITE_TOOL.search(text)
    if "\n" in text.strip() or _dictionaries() is None or _REFERENCE.search(text) or for_readers:
        return []
    nl, en = _dictionaries()
    if not (text.rstrip()[-1:] in ".!?" or _SENTENCE_INSIDE.search(text)):
        return _english_instruction(k, text, nl, en) or _english_label(k, text, nl, en)
    # capitalised words inside a sentence are a title or a name ("de studie Early Pregnancy Loss")
    words = [m.group() for m in _LETTER_WORD.finditer(text) if len(m.group()) > 1
             and (m.group()[:1].islower() or not text[: m.start()].strip() or text[: m.start()].rstrip()[-1] in ".!?:")]
    english = sum(1 for w in words if en.check(w) and not nl.check(w) and not nl.check(w.lower()))
    dutch = sum(1 for w in words if (nl.check(w) or nl.check(w.lower())) and not en.check(w))
    # words that both languages have ("the", "item", "state") count for neither; a line whose every word
    # is English needs two that Dutch lacks ("Feel good about your daily routine.")
    every = dutch == 0 and len(words) >= 4 and english >= 2 and all(en.check(w) for w in words)
    if not every and (english < _ENGLISH_LINE_MIN or 3 * english <= len(words) or english <= 2 * dutch):
        return []
    return [ResidueHit(k, 0, len(text), "english-line", _("an English line in a Dutch leaflet"))]


_INSTRUCTION_WORDS = 6  # words of an English line without a sentence's end that is no title
_ALT_WORDS = 4  # a shorter one is an image's English alternative text ("Woman reading a book")


def _english_instruction(k: int, text: str, nl, en) -> list[ResidueHit]:
    """An English line without a full stop: the template's instruction ("Use quicklinks to navigate
    to sections of the page quickly"), too long for a title and written as no title; four of its words English and not Dutch, and
    no word Dutch and not English (one that neither language knows may be the site's own, "quicklinks"); from four words
    up with three English words an image's alternative text ("Woman reading a book")."""
    words = [m.group() for m in _LETTER_WORD.finditer(text)]
    # a title of a guide or a book has a colon or a full stop, or capitals ("Coping With Loss. A Guide")
    if re.search(r"[:.;]", text) or sum(1 for w in words[1:] if w[:1].isupper()):
        return []
    english = [w for w in words if en.check(w) or en.check(w.lower())]
    dutch = [w for w in words if nl.check(w) or nl.check(w.lower())]
    if len(words) < _ALT_WORDS or len(words) - len(english) > 1 or set(dutch) - set(english):
        return []
    if len(set(english) - set(dutch)) < (4 if len(words) >= _INSTRUCTION_WORDS else 3):
        return []
    return [ResidueHit(k, 0, len(text), "english-line", _("an English line in a Dutch leaflet"))]


_EN_LABEL_WORDS = 3  # words of a short English label of a site ("Health", "Translate instructions")


def _english_label(k: int, text: str, nl, en) -> list[ResidueHit]:
    """A short label of an English site template between the Dutch text ("Health", "Translate
    instructions"): up to three words, each English and none Dutch (in small letters or with a capital)."""
    words = [m.group() for m in _LETTER_WORD.finditer(text)]
    if not words or len(words) > _EN_LABEL_WORDS or re.search(r"[^\w\s'’-]", text.strip()):
        return []
    if not all(len(w) > 2 and (en.check(w) or en.check(w.lower())) and not (nl.check(w) or nl.check(w.lower()))
               for w in words):
        return []
    return [ResidueHit(k, 0, len(text), "english-line", _("an English line in a Dutch leaflet"))]


_FRENCH_ACCENT = re.compile(r"[éèêàâçôûùî]", re.I)
_DUTCH_FUNCTION = frozenset("de het een en van in op met is zijn voor niet je u die dat te bij of naar als om aan er ook wat we".split())
_FRENCH_LINE_MIN = 3


def _french_line(k: int, text: str) -> list[ResidueHit]:
    """A line in French in a Dutch leaflet: the address or menu of a bilingual site ("Plan du site -
    Département de Gynécologie"). Three or more French words (from the list, or written with a French
    accent and unknown to the Dutch dictionary), more than its Dutch function words."""
    if "\n" in text.strip():
        return []
    written = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
    words = [w.lower() for w in written]
    french = sum(1 for k, w in enumerate(words) if w in french_words()
                 or (_FRENCH_ACCENT.search(w) and not _is_word(w) and not _in_name(written, k)))
    dutch = sum(1 for w in words if w in _DUTCH_FUNCTION)
    if french < _FRENCH_LINE_MIN or french <= dutch:
        return []
    return [ResidueHit(k, 0, len(text), "french-line", _("a line in French in a Dutch leaflet"))]


_PLACEHOLDER_WORDS = 6  # words of filler text, at least, that make a paragraph a placeholder


def _placeholder(k: int, text: str) -> list[ResidueHit]:
    """A paragraph of a site theme's Latin filler text that was never replaced, with or without its
    opening "Lorem ipsum": six of its words or more from ``placeholder_words`` and more than two thirds
    of its words (a Latin name or a phrase such as "palpatio per anum" is no paragraph of them)."""
    words = [w.lower() for w in _LETTER_WORD.findall(text)]
    filler = sum(1 for w in words if w in placeholder_words())
    if filler < _PLACEHOLDER_WORDS or 3 * filler <= 2 * len(words):
        return []
    return [ResidueHit(k, 0, len(text), "placeholder-text", _("button or control text from a web page"))]


_TITLES = frozenset({"dr", "prof", "mevr", "dhr", "mr", "mw", "drs", "ir"})


def _in_name(written: list[str], k: int) -> bool:
    """A capitalised word beside another one or after a title: a person's name ("dr. Frédéric Lemaître"),
    whatever its accents."""
    if not written[k][:1].isupper():
        return False
    before = written[k - 1] if k else ""
    after = written[k + 1] if k + 1 < len(written) else ""
    return before[:1].isupper() or after[:1].isupper() or before.lower() in _TITLES


def _cut_starts(doc) -> list[ResidueHit]:
    """A block that starts with the tail of a word cut off when the page was copied: a first word in
    small letters that is no Dutch word, after a block that does not end a sentence."""
    out = []
    for k in range(1, len(doc.blocks)):
        if doc.blocks[k].kind != "paragraph" or doc.blocks[k - 1].kind != "paragraph":
            continue  # a list item or the text under a heading starts where it likes
        m = _LOWER_START.match(doc.blocks[k].text)
        prev = doc.blocks[k - 1].text.rstrip()
        if m and prev[-1:].isalpha() and _dictionaries() is not None and not _dictionaries()[0].check(m.group()):
            out.append(ResidueHit(k, 0, m.end(), "cut-sentence", _("a sentence cut off when the page was copied")))
    return out


def _is_word(word: str) -> bool:
    """A Dutch dictionary word; without the dictionary every word counts as one (nothing is
    then taken for a name or a site's acronym)."""
    dicts = _dictionaries()
    return dicts is None or dicts[0].check(word)


def _whole(doc, hits) -> list[ResidueHit]:
    return [ResidueHit(h.block, h.start, len(doc.blocks[h.block].text) if h.end is None else h.end, h.kind, h.reason)
            for h in hits]


def _layout(doc) -> list[ResidueHit]:
    top = set(residue_shapes.top_zone(doc.blocks))
    return _whole(doc, residue_layout.find(doc.blocks, _is_word) + residue_shapes.find(doc.blocks, _is_word)
                  + residue_lines.find(doc.blocks, _is_word, top) + residue_runs.category_menus(doc.blocks)
                  + residue_runs.legends(doc.blocks) + residue_runs.teaser_cards(doc.blocks)
                  + residue_runs.source_lists(doc.blocks) + residue_runs.folded_sections(doc.blocks)
                  + residue_runs.menu_lists(doc.blocks))


_last: tuple = (None, (), [])  # the document asked last, its blocks' texts, its hits


def find(doc) -> list[ResidueHit]:
    """Every residue hit of ``doc``, in block order. Two rules ask for the same document one after
    the other (the spelling rule leaves residue alone, style.web-residue reports it): the hits of the
    last document are kept while its blocks' texts are the same."""
    global _last
    texts = tuple(b.text for b in doc.blocks)
    if _last[0] is not doc or _last[1] != texts:
        _last = (doc, texts, _find(doc))
    return list(_last[2])


# what a page shows above its title besides labels: a shop's offer, a picture's text or file name
_OFFER_KINDS = frozenset({"advertisement", "shop-offer", "promotion", "image-text", "image-file", "camera-file"})


def _find(doc) -> list[ResidueHit]:
    hits = _running(doc) + _cut_starts(doc) + _inline_markup(doc)
    for k, b in enumerate(doc.blocks):
        hits.extend(_phrases(k, b.text))
        hits.extend(_glued(k, b.text))
        hits.extend(_english_alt(k, b.text) or _english_line(k, b.text) or _french_line(k, b.text)
                    or _placeholder(k, b.text))
    # a line's shape or place is reported only when no phrase already marks that line; a repeated
    # title only when nothing marks it and it is no entry of a table of contents coming back
    marked = {h.block for h in hits}
    hits += [h for h in _layout(doc) + _jump_links(doc) if h.block not in marked]
    marked = {h.block for h in hits}
    hits += _tab_labels(doc, marked) + _whole(doc, residue_shapes.stray_label(doc.blocks, marked))
    marked = {h.block for h in hits}
    offers = frozenset(h.block for h in hits if h.kind in _OFFER_KINDS)
    hits += _whole(doc, residue_shapes.above_title(doc.blocks, marked, offers))
    marked = {h.block for h in hits}
    entries = {_key(doc.blocks[h.block].text) for h in hits if h.kind in ("contents", "jump-links")}
    titles = _repeated_title(doc) + _title_again(doc) + _document_title(doc)
    hits += [h for h in titles + _doubled_heading(doc, {h.block for h in titles})
             if h.block not in marked and _key(doc.blocks[h.block].text) not in entries]
    # furniture comes in clusters: the items of a dated listing, short lines amid residue, and
    # headings with only residue under them
    hits += _whole(doc, residue_runs.listings(doc.blocks, _kinds(hits)))
    hits += _whole(doc, residue_runs.key_figures(doc.blocks))
    hits += _whole(doc, residue_lines.byline_names(doc.blocks, _kinds(hits), _is_word))
    hits += _whole(doc, residue_lines.role_lines(doc.blocks, _kinds(hits)))
    hits += _whole(doc, residue_lines.contents_gaps(doc.blocks, _kinds(hits)))
    hits += _whole(doc, residue_lines.contact_boxes(doc.blocks, _kinds(hits)))
    hits += _whole(doc, residue_lines.clusters(doc.blocks, _kinds(hits)))
    hits += _whole(doc, residue_runs.alternations(doc.blocks, _kinds(hits)))
    hits += _beside_residue(doc, hits)
    return sorted(hits, key=lambda h: (h.block, h.start, h.kind))


def _kinds(hits) -> dict[int, set[str]]:
    kinds: dict[int, set[str]] = {}
    for h in hits:
        kinds.setdefault(h.block, set()).add(h.kind)
    return kinds


def _beside_residue(doc, hits) -> list[ResidueHit]:
    """The site's calls to action and offers, which stand next to its other residue (a line that
    only has words glued or cut is no residue line)."""
    kinds: dict[int, set[str]] = {}
    for h in hits:
        if h.kind not in residue_lines.PARTIAL_KINDS:
            kinds.setdefault(h.block, set()).add(h.kind)
    top = set(range(residue_lines.first_prose(doc.blocks, kinds)))
    return _whole(doc, residue_lines.calls_to_action(doc.blocks, kinds, top)
                  + residue_lines.tail_offers(doc.blocks, kinds)) + _caption_twice(doc, kinds) \
        + _widget_hours(doc, kinds)


def _widget_hours(doc, kinds) -> list[ResidueHit]:
    """The days with their hours in a run of lines that the opening-hours widget's own lines touch
    ("Toon uren" above, "za Gesloten" below): the widget's table, not the leaflet's text."""
    blocks, out = doc.blocks, []
    hours = [residue_shapes.hours_block(b.text) for b in blocks]
    for k, b in enumerate(blocks):
        if k in kinds or not hours[k]:
            continue
        lo, hi = k, k
        while lo - 1 >= 0 and hours[lo - 1]:
            lo -= 1
        while hi + 1 < len(blocks) and hours[hi + 1]:
            hi += 1
        if any("opening-widget" in kinds.get(j, ()) for j in (lo - 1, hi + 1)):
            out.append(ResidueHit(k, 0, len(b.text), "opening-widget", _("button or control text from a web page")))
    return out


def _caption_twice(doc, kinds) -> list[ResidueHit]:
    """A line of three words or more that the residue line next to it repeats and goes on from: an
    image's alternative text above its caption with the photo's credit."""
    out = []
    for k, b in enumerate(doc.blocks):
        key = _key(b.text)
        if k in kinds or len(key.split()) < 3:
            continue
        near = [_key(doc.blocks[j].text) for j in (k - 1, k + 1) if j in kinds]
        if any(x != key and x.startswith(key) for x in near):
            out.append(ResidueHit(k, 0, len(b.text), "image-text", _("image alternative text or a logo caption")))
    return out


def spans_by_block(doc) -> dict[int, list[tuple[int, int]]]:
    out: dict[int, list[tuple[int, int]]] = {}
    for h in find(doc):
        out.setdefault(h.block, []).append((h.start, h.end))
    return out
