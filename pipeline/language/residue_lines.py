"""Web residue found by what a single line is made of, and by the residue around it.

A scraped page brings lines no leaflet has, whatever their wording: an icon alone ("+", "*"), the
controls of an English site template ("Search", "more"), loose words in small letters that were an
image's text or the page's tags ("handen", "vaginale echo embryo 9 weken" - no article, no
preposition, no verb), a person's name alone (an author box: "H.J. Bos", "ANNA DE WIT", or above
the page's first text "Ilona Verhoeff"), and a line made only of menu items ("Behandelingen &
onderzoeken Gynaecologie").

Page furniture also comes in clusters. After every other detector has run, two rules look at the
lines around: a short line that is no sentence, between residue above and below, belongs to the
same block of furniture ("Pagina's" between a logo and a menu; a contact box's places with their
opening hours count as no line of such a run, however many); and a short heading whose whole
section is residue (only controls, stamps or links under it) is the label of that block ("Betrokken
afdelingen" above a document code and a revision stamp). The page's title - the last short line
above its first paragraph - and headings with a paragraph or a list of their own stay. A place's
contact box may be longer: up to sixteen short lines between residue above and below, two of them
(as the source's lines give them) an address, a phone number (also with a short label), an e-mail
address, a web address or opening hours, counted through the box's lines that other rules already found.
A box, and a heading with only residue under it, needs the web page's residue around it: a printed page's
number, code, date or copyright stands around a leaflet's own contact section and its last lines.
And a printed table of contents gives page numbers to its chapters, not always to their sections: the
short lines between two of its entries are entries too.
"""

from __future__ import annotations

import re

from pipeline.i18n import _
from pipeline.language import lexicon
from pipeline.language.data import residue_words, shape_words
from pipeline.language.residue_layout import LayoutHit, norm
from pipeline.language.residue_shapes import contact_line, hours_block, text_line

_PARTICLES = frozenset("van de der den ter ten te 't da dos del du des la le el von".split())
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,4}$")
_NAME = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)*$")
_CAPS = re.compile(r"^[A-ZÀ-Þ]{2,}(?:-[A-ZÀ-Þ]{2,})*$")
# a word of a tag row or of image keywords: small letters, digits allowed ("covid19", "9")
_LOOSE_TOKEN = re.compile(r"^[a-zà-ÿ0-9][a-zà-ÿ0-9-]*$")
# lines of their own: not an item of a list, not a cell of a table
_LINE_KINDS = frozenset({"paragraph", "heading"})
# a cluster line is short and ends like no sentence
_CLUSTER_WORDS = 8


def _icon(text: str) -> bool:
    """One to three marks with no letter or digit ("+", "*", "›"); a rule of dashes is layout."""
    t = text.strip()
    return 1 <= len(t) <= 3 and not any(c.isalnum() for c in t) and not re.fullmatch(r"([-_=~.])\1+", t)


# dots alone on a line: where a teaser or an excerpt of the page was cut off ("...", "…", ". . .")
_ELLIPSIS = re.compile(r"[ \t]*(?:\.{2,5}|…{1,3}|\.(?:[ \t]\.){2})[ \t]*")


def icons(blocks) -> list[LayoutHit]:
    out = []
    for k, b in enumerate(blocks):
        if _ELLIPSIS.fullmatch(b.text):
            out.append(LayoutHit(k, "ellipsis", _("dots alone on a line, where the web page cut a text off")))
        elif _icon(b.text):
            out.append(LayoutHit(k, "icon", _("an icon or a button of the web page")))
    return out


def interface_lines(blocks) -> list[LayoutHit]:
    """A line of one to three words that are all controls of an English site template."""
    words = shape_words().interface
    out = []
    for k, b in enumerate(blocks):
        toks = re.findall(r"[^\W\d_]+", b.text.lower())
        if 1 <= len(toks) <= 3 and all(t in words for t in toks) and not re.search(r"[.!?:;,]\s*\S", b.text):
            out.append(LayoutHit(k, "control", _("button or control text from a web page")))
    return out


def _loose(text: str) -> bool:
    """Words in small letters with no word of running text among them and no punctuation."""
    toks = text.split()
    sentence = shape_words().sentence
    return (1 <= len(toks) <= 8 and text.strip()[:1].islower() and all(_LOOSE_TOKEN.match(t) for t in toks)
            and not any(t in sentence for t in toks) and any(c.isalpha() for c in text))


def loose_words(blocks) -> list[LayoutHit]:
    """A line of loose words in small letters: an image's text or file name, or the page's tags
    ("handen", "embryo echo 9 weken"). Not the rest of a sentence (the line above ends one or is a
    heading), not an item of a list (no neighbour of the same shape, no colon above)."""
    out = []
    for k, b in enumerate(blocks):
        if b.kind not in _LINE_KINDS or not _loose(b.text):
            continue
        prev = blocks[k - 1] if k else None
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if prev is not None and (prev.text.rstrip()[-1:] in ":," or (prev.kind == "paragraph"
                                                                     and prev.text.rstrip()[-1:].isalpha())):
            continue  # a list after a colon, or a sentence going on
        if (prev is not None and _loose(prev.text)) or (nxt is not None and _loose(nxt.text)):
            continue  # short lines in small letters in a row: a list without bullets
        out.append(LayoutHit(k, "image-text", _("image alternative text, a file name or the page's tags")))
    return out


# a word of a printed cover set with its letters apart and copied letter by letter ("A l l e s", "l o n g aa n d o
# e n i n g"): three pieces or more, letters only, two thirds of them one letter, that join into words of the
# dictionary (a group per wider gap: "b i j  d e  p o l i"), five letters at least; not letters the leaflet spells
# out under a colon ("met losse letters:" / "N U C H T E R") nor a row of initials or options ("A B C D", "a e i o u")
_SPACED_PIECES = 3
_SPACED_LETTERS = 5
_WIDE_GAP = re.compile(r"[ \t]{2,}")


def _spaced(lines: list[str], is_word) -> bool:
    """Every line is letters set apart that join into words; the lines together hold three pieces
    and five letters at least."""
    toks = [t for line in lines for t in line.split()]
    if len(toks) < _SPACED_PIECES or len("".join(toks)) < _SPACED_LETTERS:
        return False
    return all(_spaced_line(line, is_word) for line in lines)


def _spaced_line(line: str, is_word) -> bool:
    toks = line.split()
    return (bool(toks) and all(t.isalpha() and len(t) <= 2 for t in toks)
            and 3 * sum(len(t) == 1 for t in toks) >= 2 * len(toks)
            and all(is_word("".join(group.split()).lower()) for group in _WIDE_GAP.split(line.strip())))


def spaced_letters(blocks, is_word) -> list[LayoutHit]:
    return [LayoutHit(k, "spaced-letters", _("letters set apart on a printed page, copied one by one"))
            for k, b in enumerate(blocks) if b.kind in _LINE_KINDS and _spaced(_source_lines(b), is_word)
            and not (k and blocks[k - 1].text.rstrip().endswith(":"))]


# a company's legal form after its name ("Pharma Noord B.V.", "Steunpunt vzw"): initials of no person
_LEGAL_FORM = re.compile(r"^(?:b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|c\.?v\.?|vzw|bvba|bv|nv|gmbh|ltd\.?|inc\.?)$", re.I)


def _name_tokens(text: str) -> list[str] | None:
    """The tokens of a line that is only a person's name (a dash or comma around it allowed)."""
    t = text.strip().strip("-–—,·|").strip()
    toks = t.split()
    if not 2 <= len(toks) <= 5 or toks[0].lower() in _PARTICLES or _LEGAL_FORM.match(toks[-1]):
        return None
    if not all(_INITIALS.match(x) or _NAME.match(x) or _CAPS.match(x) or x.lower() in _PARTICLES for x in toks):
        return None
    return toks


# a given name in brackets between initials and surname ("W.M. (Pim) Bos"); names joined in a list
_GIVEN_NAME = re.compile(r"[ \t]\((?:[A-ZÀ-Þ][a-zà-ÿ'’-]+[ \t]?){1,3}\)(?=[ \t])")
_NAME_LIST = re.compile(r"[ \t]*(?:,|&|\ben\b)[ \t]*")


def _initials_name(text: str) -> bool:
    """A person's name written with initials ("H.J. Bos", "W.M. (Pim) van Dam")."""
    toks = _name_tokens(_GIVEN_NAME.sub("", text))
    names = [x for x in toks or [] if x.lower() not in _PARTICLES]
    return any(_INITIALS.match(x) for x in names) and any(_NAME.match(x) for x in names)


# academic titles before a name ("Prof.dr. A.B. Bos", "drs. C. de Wit")
_TITLES = re.compile(r"^(?:(?:prof|dr|drs|mr|ir|ing)\.[ \t]*)+", re.I)


def _author_list(text: str) -> bool:
    """A line that is only persons' names written with initials: one ("W.M. (Pim) Bos") or several
    joined by commas, "&" or "en" ("S. Bos en M. de Wit"), also with an academic title before it and
    a role after it ("Prof.dr. A.B. Bos, gynaecoloog.")."""
    t = text.strip().strip("-–—,·|").rstrip(".")
    head, _, role = t.rpartition(",")
    if head and role.strip().lower() in residue_words().person_roles:
        t = head
    parts = [_TITLES.sub("", x) for x in _NAME_LIST.split(t) if x]
    return bool(parts) and all(_initials_name(x) for x in parts)


def person_lines(blocks, is_word, top: set[int]) -> list[LayoutHit]:
    """A line that is only a person's name: with initials ("H.J. Bos") or in capitals that are no
    a first name that is no word ("ANNA DE WIT") anywhere; written normally ("Ilona Verhoeff") only above
    the page's first text and with no Dutch word in it ("Linde Bos" could be a place, "Asherman
    Syndroom" is a title)."""
    out = []
    for k, b in enumerate(blocks):
        toks = _name_tokens(b.text)
        if toks is None:
            if _author_list(b.text) or (_named_role(b.text, is_word) and not _introduced(blocks, k)):
                out.append(LayoutHit(k, "person-name", _("the name of an author or a caption of a portrait")))
            continue
        names = [x for x in toks if x.lower() not in _PARTICLES]
        # a surname may be in capitals ("E.R. de BOS"), when that is no Dutch word ("N.B. LET OP")
        initials = any(_INITIALS.match(x) for x in names) and any(
            _NAME.match(x) or (_CAPS.match(x) and not is_word(x.lower())) for x in names)
        # a first name is seldom a Dutch word; a surname often is ("Bos", "Regenmortel")
        caps = all(_CAPS.match(x) for x in names) and not is_word(names[0].lower()) and (
            len(names) < len(toks) or not any(is_word(x.lower()) for x in names))  # "VAN" or no word at all
        # a title such as "Asherman Syndroom" has a word in it
        plain = k in top and all(_NAME.match(x) for x in names) and not any(is_word(x.lower()) for x in names) \
            and not _named_by_lead_in(blocks, k)
        if initials or caps or plain or (_named_role(b.text, is_word) and not _introduced(blocks, k)):
            out.append(LayoutHit(k, "person-name", _("the name of an author or a caption of a portrait")))
    return out + _name_runs(blocks, {h.block for h in out})


def _named_role(text: str, is_word) -> bool:
    """A person's name written normally with the trade after it ("Anna Bos, verloskundige", "Anna Bos
    Webredacteur"): the caption of a portrait or an expert's box. The first name is no Dutch word ("Linde
    Bos" may be a place)."""
    t = text.strip().rstrip(".")
    head, comma, role = t.rpartition(",")
    if not comma:
        head, _, role = t.rpartition(" ")
    toks = _name_tokens(head)
    names = [x for x in toks or [] if x.lower() not in _PARTICLES]
    return bool(names) and all(_NAME.match(x) for x in names) and not is_word(names[0].lower()) \
        and _role_line(role) and len(role.split()) <= 2


def _introduced(blocks, k: int) -> bool:
    """The line above announces the person: a lead-in with a colon or a short label ("Uw behandelaar")."""
    if k == 0:
        return False
    prev = blocks[k - 1].text.strip()
    return _named_by_lead_in(blocks, k) or (0 < len(prev.split()) <= 3 and prev[-1:] not in ".!")


def _named_by_lead_in(blocks, k: int) -> bool:
    """"Ook wel genoemd:" above "Mola Hydatiformis": the line under a lead-in with a colon is what the
    leaflet announces, not a person, unless the lead-in names a writer ("Door:", "Auteur:")."""
    if k == 0:
        return False
    prev = blocks[k - 1].text.strip()
    words = {w.lower().strip(":") for w in prev.split()}
    return prev.endswith(":") and not words & shape_words().byline


def _name_runs(blocks, names: set[int]) -> list[LayoutHit]:
    """A name written plainly ("Anna Bos", "A. de BOS") right above or below a line found to be a
    name: the next author of a list of authors, one name a line. A line of capitalised Dutch words
    only ("Veel Gestelde Vragen") is a heading: at least one word must be no Dutch word (a name)."""
    found: set[int] = set()
    grew = True
    while grew:
        new = {k for k in range(len(blocks)) if k not in names | found and ({k - 1, k + 1} & (names | found))
               and (toks := _name_tokens(blocks[k].text)) and len(toks) <= 4
               and all(_NAME.match(x) or _INITIALS.match(x) or _CAPS.match(x) or x.lower() in _PARTICLES for x in toks)
               and any(_INITIALS.match(x) or (_NAME.match(x) or _CAPS.match(x)) and not _dutch_word(x) for x in toks)}
        found |= new
        grew = bool(new)
    return [LayoutHit(k, "person-name", _("the name of an author or a caption of a portrait")) for k in sorted(found)]


def _dutch_word(token: str) -> bool:
    """A word Frog's lexicon gives a word class, or a function word it sees very often ("veel")."""
    low = token.lower()
    return bool(lexicon.tags(low)) or lexicon.count(low) >= _FUNCTION_WORD_COUNT


_FUNCTION_WORD_COUNT = 5000


def _menu_items(text: str) -> int:
    """How many known menu items and page labels the line is made of, in order; 0 when a word is
    left over ("Behandelingen & onderzoeken Gynaecologie" is two)."""
    items = residue_words().navigation | shape_words().page_labels
    words = re.sub(r"[|/·•>›»,]", " ", norm(text)).split()
    longest = max((len(i.split()) for i in items), default=1)
    count, i = 0, 0
    while i < len(words):
        step = next((n for n in range(min(longest, len(words) - i), 0, -1) if " ".join(words[i:i + n]) in items), 0)
        if not step:
            return 0
        count, i = count + 1, i + step
    return count


def menu_lines(blocks) -> list[LayoutHit]:
    """A line made of two or more menu items or section labels of the site."""
    return [LayoutHit(k, "navigation", _("a menu item of the web site")) for k, b in enumerate(blocks)
            if len(b.text.split()) <= 8 and _menu_items(b.text) >= 2]


_FRAGMENT_CHARS = 6
_FRAGMENT_RUN = 3


def _fragment(text: str) -> bool:
    """A line of a few letters: a piece of a word, or two ("fo v", "nten")."""
    t = "".join(text.split())
    return 0 < len(t) <= _FRAGMENT_CHARS and len(text.split()) <= 2 and t.isalpha()


def fragments(blocks, is_word) -> list[LayoutHit]:
    """Three or more lines in a row of a few letters each, one of them no word ("in", "fo v", "oor",
    "patië", "nten"): a cover's display type broken into pieces when the copy was made."""
    out, run = [], []
    for k, b in enumerate(blocks + [None]):
        if b is not None and b.kind in _LINE_KINDS and _fragment(b.text):
            run.append(k)
            continue
        if len(run) >= _FRAGMENT_RUN and any(not is_word(t) for j in run for t in blocks[j].text.split()):
            out += [LayoutHit(j, "cut-sentence", _("a piece of a word: display type broken up when the page was copied"))
                    for j in run]
        run = []
    return out


_QUOTE_WORDS = 30
_ROLE_WORDS = 5


def _attribution(text: str, dashed: bool) -> str | None:
    """The surname of a line that is only a person's name with a dash before it, maybe with a comma
    and the person's trade after it ("- Anna de Bos, huisarts")."""
    t = text.strip()
    if not dashed and t[:1] not in "-–—":
        return None  # (a dash that opens a list item went to the list at ingest)
    name, _comma, role = t.lstrip("-–—").partition(",")
    toks = _name_tokens(name)
    if toks is None or len(role.split()) > _ROLE_WORDS or role.strip()[-1:] in ".!?:":
        return None
    return toks[-1] if _NAME.match(toks[-1]) else None


def quote_attributions(blocks) -> list[LayoutHit]:
    """A quote set apart from the text with its speaker on the line under it ("Wie het inademt, wordt
    ziek" / "- Anna de Bos, huisarts"), a speaker the text quotes by name as well: a pull quote of the web
    page, the quote and its speaker's line."""
    out = []
    for k in range(1, len(blocks)):
        surname = _attribution(blocks[k].text, blocks[k].kind == "list_item")
        quote = blocks[k - 1].text.strip()
        if surname is None or not quote or quote[-1:] in ":," or len(quote.split()) > _QUOTE_WORDS \
                or not any(re.search(rf"\b{re.escape(surname)}\b", b.text) for j, b in enumerate(blocks)
                           if j not in (k - 1, k)):
            continue
        out += [LayoutHit(j, "pull-quote", _("a quote set apart from the text, with its speaker (pull quote)"))
                for j in (k - 1, k)]
    return out


# a hospital site's fixed blocks beside every page: its patient portal written as one word ("MijnJBZ", "MijnRadboud") and the
# national campaign of three questions to ask the doctor, its banner alone on a line ("Drie goede vragen")
_PORTAL = re.compile(r"^[ \t]*(?-i:Mijn[A-Z][\w-]+)[ \t]*$")
_CAMPAIGN = re.compile(r"^[ \t]*(?:naar de (?:dokter|arts|specialist)\?[ \t]*)?(?:3|drie) goede vragen!?[ \t]*$", re.I)


def site_blocks(blocks) -> list[LayoutHit]:
    """The site's portal or its campaign of three questions, with the paragraph under it that speaks of
    the same (the portal's name, "goede vragen"): the site's, not the leaflet's."""
    out = []
    for k, b in enumerate(blocks):
        portal, campaign = _PORTAL.match(b.text), _CAMPAIGN.match(b.text)
        if not (portal or campaign):
            continue
        out.append(LayoutHit(k, "site-block", _("a fixed block of the web site (its portal, a campaign)")))
        key = "".join(b.text.split()).lower() if portal else "goede vragen"
        nxt = blocks[k + 1].text if k + 1 < len(blocks) else ""
        if key in ("".join(nxt.split()).lower() if portal else nxt.lower()):
            out.append(LayoutHit(k + 1, "site-block", _("a fixed block of the web site (its portal, a campaign)")))
    return out


def find(blocks, is_word, top: set[int]) -> list[LayoutHit]:
    return icons(blocks) + interface_lines(blocks) + loose_words(blocks) + spaced_letters(blocks, is_word) \
        + person_lines(blocks, is_word, top) + menu_lines(blocks) + fragments(blocks, is_word) + quote_attributions(blocks) + site_blocks(blocks)


# -- roles ---------------------------------------------------------------------------------------

_ROLE_SPLIT = re.compile(r"[ \t]*(?:,|&|/|-|\ben\b)[ \t]*|[ \t]+")


def _role_line(text: str) -> bool:
    """A line made only of persons' trades ("Gynaecoloog, reproductiespecialist"): the roles under
    an author's or expert's name that did not come along."""
    roles = residue_words().person_roles
    words = [w for w in _ROLE_SPLIT.split(text.strip().strip(",").lower()) if w]
    return 0 < len(words) <= 6 and all(w in roles or any(w.endswith(r) and len(r) >= 6 for r in roles)
                                        for w in words)


def role_lines(blocks, kinds: dict[int, set[str]]) -> list[LayoutHit]:
    """A line of trades right above or below other residue (an expert box); a leaflet's own line
    "Gynaecoloog" under a name stays."""
    marked = {k for k, v in kinds.items() if v - PARTIAL_KINDS}
    return [LayoutHit(k, "person-name", _("the name of an author or a caption of a portrait"))
            for k, b in enumerate(blocks) if k not in marked and ({k - 1, k + 1} & marked) and _role_line(b.text)]


# -- names beside a byline ----------------------------------------------------------------------

# the stamps of a web article's byline (a reading time, "2 uur geleden", "Door Anna Bos", a post's
# byline): a name right above or below one is the author's; a colophon's date or update line and a
# team's list of names are the leaflet's own
_BYLINE_TOP = 3  # the blocks of a byline under the title
_BYLINE_KINDS = frozenset({"author-line", "dated-byline", "post-byline", "relative-time", "reading-time",
                           "reading-time-label"})
# words that make a line an organisation's name, not a person's ("Ziekenhuis Amstelland")
_ORGANISATION_WORDS = frozenset({"ziekenhuis", "praktijk", "afdeling", "team", "kliniek", "centrum", "stichting",
                                 "verloskundigen", "verloskundigenpraktijk", "polikliniek", "apotheek", "huisartsen"})
_NAME_WORDS = 4


def _trade(token: str) -> bool:
    """A person's trade, also as the end of a longer word ("Webjournalist", "Eindredacteur")."""
    low = token.lower()
    return any(low == r or (low.endswith(r) and len(r) >= 6) for r in residue_words().person_roles)


def _byline_name(text: str, is_word) -> bool:
    """A line that is only a name of two to four words written plainly, at least one of them no
    Dutch word (for Frog's lexicon nor the dictionary), maybe with the person's trade after it ("Anna Bos Webjournalist"). One word alone
    may be the page's title ("Abortuspil")."""
    toks = text.strip().strip("-–—,·|.").split()
    if toks and len(toks) >= 3 and _trade(toks[-1]):
        toks = toks[:-1]
    if not 2 <= len(toks) <= _NAME_WORDS or toks[0].lower() in _PARTICLES:
        return False
    names = [x for x in toks if x.lower() not in _PARTICLES]
    if any(x.lower() in _ORGANISATION_WORDS for x in names):
        return False
    return all(_NAME.match(x) or _INITIALS.match(x) for x in names) and any(
        not _dutch_word(x) and not is_word(x.lower()) for x in names)


def byline_names(blocks, kinds: dict[int, set[str]], is_word) -> list[LayoutHit]:
    """A name right above or below a web byline's stamp (a reading time, a relative time): the author
    of the page, which the stamp's line did not carry ("Anna Bos" over "5 min read"). A leaflet's
    heading is made of Dutch words and stays; so do a name with text of its own, an organisation's
    name and a colophon's names beside its date. Right under the title a date is such a stamp ("- Anna
    Bos" / "- 3 mrt", a blog's byline written as a list)."""
    anchors = {k for k, v in kinds.items() if v & _BYLINE_KINDS or (k <= _BYLINE_TOP and "date-line" in v)}
    found = [k for k, b in enumerate(blocks) if k not in kinds and (b.kind in _LINE_KINDS or b.kind == "list_item")
             and {k - 1, k + 1} & anchors and _byline_name(b.text, is_word)]
    return [LayoutHit(k, "person-name", _("the name of an author or a caption of a portrait")) for k in found]


# -- clusters ----------------------------------------------------------------------------------

def _short(b) -> bool:
    t = b.text.strip()
    return (b.kind in _LINE_KINDS and bool(t) and len(t.split()) <= _CLUSTER_WORDS and t[-1] not in ".:;,!"
            and not text_line(t))


def first_prose(blocks, residue=frozenset()) -> int:
    """The index of the page's first paragraph that ends a sentence and is no residue (len(blocks)
    when none)."""
    return next((k for k, b in enumerate(blocks) if k not in residue and b.kind == "paragraph" and text_line(b.text)
                 and b.text.strip()[-1:] in ".!?"), len(blocks))


# residue that marks words inside a line of the leaflet's own text, no line of furniture
PARTIAL_KINDS = frozenset({"glued-words", "cut-sentence"})


# the emergency numbers a leaflet gives alone under "Bij spoed:" (112; 113 suicide prevention; 1733 the
# Belgian doctor on duty)
_EMERGENCY = frozenset({"112", "113", "1733"})
_LONE_PHONE = re.compile(r"^[ \t]*\+?[\d() \t/.-]{9,20}[ \t]*$")


def _lone_phone(text: str) -> bool:
    return bool(_LONE_PHONE.match(text)) and 9 <= sum(c.isdigit() for c in text) <= 13


def clusters(blocks, kinds: dict[int, set[str]]) -> list[LayoutHit]:
    """Short lines that belong to the residue around them (see the module's docstring); ``kinds``
    holds the residue kinds found so far per block."""
    kinds = {k: v for k, v in kinds.items() if v - PARTIAL_KINDS}
    start = first_prose(blocks, kinds)
    # the title: the first line of the page that is no residue, or the last short line above the text
    titles = {next((k for k in range(start) if k not in kinds), None),
              max((k for k in range(start) if _short(blocks[k])), default=None)} - _addresses(blocks)
    # a phone number alone on its line is the leaflet's to give, unless a detector of its own marks it
    hours = [hours_block(b.text) for b in blocks]
    free = [k not in kinds and (hours[k] or (_short(b) and k not in titles and not _lone_phone(b.text)
                                             and b.text.strip() not in _EMERGENCY))
            for k, b in enumerate(blocks)]
    out: list[LayoutHit] = []
    k = 0
    while k < len(blocks):
        j, counted = k, 0
        # the hours of a contact box with the place's name above them ("Locatie Noord" / "ma t/m vr van
        # 8.00 - 17.00 uur") count as no line of the run: a box of two places is one piece of furniture
        while j < len(blocks) and free[j] and counted < 3:
            counted += not hours[j]
            j += 1
        if j > k and k > 0 and j < len(blocks) and (k - 1) in kinds and j in kinds and _closed(blocks, j, kinds):
            out += [LayoutHit(i, "cluster", _("a line amid other residue of the web page")) for i in range(k, j)]
        k = max(j, k + 1)
    flagged = {h.block for h in out}
    for k in range(start + 1, len(blocks)):
        if free[k] and k not in flagged and _section_is_residue(blocks, k, kinds, free):
            out.append(LayoutHit(k, "cluster", _("a heading with only residue of the web page under it")))
    return out


_TOC_KINDS = frozenset({"toc-line", "contents", "contents-label"})
_TOC_GAP = 12  # entries without a page number between two entries with one, at most


def contents_gaps(blocks, kinds: dict[int, set[str]]) -> list[LayoutHit]:
    """A printed table of contents gives page numbers to its chapters, not always to their sections:
    the short lines between two of its entries ("3. Voorbereiding ..... 8" / "3.1 Nuchter zijn" / "3.2
    Medicijnen" / "4. Na de operatie ..... 12") are entries too. A section's text between them would
    end a sentence."""
    toc = sorted(k for k, v in kinds.items() if v & _TOC_KINDS)
    out: list[LayoutHit] = []
    for a, b in zip(toc, toc[1:]):
        gap = [k for k in range(a + 1, b) if k not in kinds]
        if gap and b - a - 1 <= _TOC_GAP and all(_toc_entry(blocks[k]) for k in gap):
            out += [LayoutHit(k, "contents", _("a table of contents of the web page")) for k in gap]
    return out


def _toc_entry(b) -> bool:
    t = b.text.strip()
    return b.kind in ("paragraph", "heading", "list_item") and 0 < len(t.split()) <= _CLUSTER_WORDS \
        and t[-1] not in ".:;!?" and "\n" not in t


_BOX_LINES = 16  # the lines of a contact box between two pieces of residue, at most
_LABEL_WORDS = 5  # a label of a box that ends with a colon: "Bij levensbedreigende spoed:"
_BOX_CONTACTS = 2  # its lines that give an address, a phone number, an e-mail address or hours, at least


def contact_boxes(blocks, kinds: dict[int, set[str]]) -> list[LayoutHit]:
    """A place's contact box amid the site's furniture: a run of short lines with residue right above
    and right below it, two of them or more an address, a phone number, an e-mail address or opening
    hours ("Locatie Noord" / "Adres" / "Dorpsstraat 1" / "1234 AB Dorp" / "Route"). The leaflet's own
    contact lines follow its text, not the site's residue."""
    kinds = {k: v for k, v in kinds.items() if v - PARTIAL_KINDS}
    out: list[LayoutHit] = []
    k = 1
    while k < len(blocks):
        if k - 1 not in kinds or k in kinds:
            k += 1
            continue  # a box opens right under residue
        j = k
        while j < len(blocks) and j not in kinds and j - k < _BOX_LINES and _box_line(blocks[j]):
            j += 1
        if j > k and j in kinds and _web(kinds, k - 1) and _web(kinds, j) \
                and _contacts(blocks[k:j]) + _flagged_contacts(blocks, kinds, k, j) >= _BOX_CONTACTS:
            out += [LayoutHit(i, "contact-box", _("a contact box of the web site")) for i in range(k, j)]
        k = max(j, k + 1)
    return out


# what a printed leaflet has around its own contact section too: its page numbers, codes, dates, copyright
_PRINT_KINDS = frozenset({"page-number", "copyright", "document-code", "print-slug", "date-line", "last-update",
                          "code-date", "versioned-footer", "page-stamp", "created-stamp", "created-label",
                          "running-line", "colophon", "dateline", "date-stamp-more"})


def _web(kinds: dict[int, set[str]], k: int) -> bool:
    """Residue of a web page at ``k``, not only a printed page's number, code, date or copyright."""
    return bool(kinds.get(k, set()) - _PRINT_KINDS)


def _flagged_contacts(blocks, kinds, k: int, j: int) -> int:
    """The contact lines of the box that goes on above ``k`` and below ``j`` through lines other rules
    already found ("0341 - 123456" under "Telefoonnummers"): box lines in a row, within the box's length."""
    found = 0
    for rng in (range(k - 1, max(k - 1 - _BOX_LINES, -1), -1), range(j, min(j + _BOX_LINES, len(blocks)))):
        for i in rng:
            if not _box_line(blocks[i]):
                break
            found += _contacts(blocks[i:i + 1])
    return found


def _box_line(b) -> bool:
    """A line of a contact box: short and no sentence (a label may end with a colon: "Bij spoed:"), or an
    address, a phone number or hours."""
    return b.kind in _LINE_KINDS and all(_box_text(t) or _contact(t) for t in _source_lines(b))


def _box_text(t: str) -> bool:
    words, end = len(t.split()), t.strip()[-1:]
    return (words <= _CLUSTER_WORDS and end not in ".:;,!") or (words <= _LABEL_WORDS and end == ":")


def _contacts(blocks) -> int:
    return sum(1 for b in blocks for line in _source_lines(b) if _contact(line))


def _source_lines(b) -> list[str]:
    """The block's text as its source's lines gave it (ingest joins lines it takes for one paragraph)."""
    return [b.text[s.text_start: s.text_start + s.length] for s in b.segments] or [b.text]


# a web address alone on a line: in a contact box, the place's site ("www.huisartsenpost.nl")
_WEB_LINE = re.compile(r"[ \t]*(?:https?://)?www\.[\w-]+(?:\.[\w-]+)+/?[ \t]*", re.I)


# a Dutch or Belgian phone number: 0 or the country's code, then nine digits in groups ("088 979 27 22")
_BOX_PHONE = re.compile(r"(?<![\d.,/-])(?:\+3[12][ \t]?(?:\(0\))?|0)\d(?:[ \t\-–]?\d){7,9}(?![\d.,/-])")
_PHONE_LABEL_WORDS = 6


def _contact(text: str) -> bool:
    return contact_line(text) or hours_block(text) or bool(_WEB_LINE.fullmatch(text)) or _labelled_phone(text)


def _labelled_phone(text: str) -> bool:
    """A phone number with a short label and no sentence ("Slaaponderzoeken 088 979 27 22 - keuze 1")."""
    rest = _BOX_PHONE.sub(" ", text)
    return rest != text and len(rest.split()) <= _PHONE_LABEL_WORDS and not text.rstrip().endswith(".")


# a postal address: a street and its number ("Kanaalweg 12a") on the line above a postcode and town,
# Dutch ("1234 AB Utrecht", which also stands alone or after the street on one line) or Belgian
# ("2000 Antwerpen")
_STREET = r"[A-ZÀ-Þ][\w'’.-]+(?:[ \t]+[\w'’.-]+){0,3}[ \t]+\d{1,4}[ \t]?[a-zA-Z]?"
_NL_POSTCODE = r"\d{4}[ \t]?[A-Z]{2}[ \t]+[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[\w'’-]+){0,2}"
_BE_POSTCODE = re.compile(r"[ \t]*[1-9]\d{3}[ \t]+[A-ZÀ-Þ][a-zà-ÿ'’-]+(?:[ \t]+[a-zà-ÿ'’-]+)?[ \t]*")
_STREET_LINE = re.compile(rf"[ \t]*{_STREET}[ \t]*")
_NL_ADDRESS = re.compile(rf"[ \t]*(?:{_STREET}[ \t]*,?[ \t]+)?{_NL_POSTCODE}[ \t]*")


def _addresses(blocks) -> set[int]:
    """The lines of a postal address: never the page's title, amid the site's furniture they are its
    contact box."""
    out = set()
    for k, b in enumerate(blocks):
        if _NL_ADDRESS.fullmatch(b.text) or (k and _BE_POSTCODE.fullmatch(b.text) and _STREET_LINE.fullmatch(blocks[k - 1].text)):
            out.add(k)
            if k and _STREET_LINE.fullmatch(blocks[k - 1].text):
                out.add(k - 1)
    return out


# -- calls to action and offers ------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_READER = frozenset("je jij jou jouw u uw".split())
_ACTION_WORDS = 25


def _call_to_action(text: str) -> bool:
    """A line that opens with an imperative of looking, going or writing somewhere ("Zoek en vind uw
    zorgverlener", "Stuur een e-mail naar de servicedesk"); no question."""
    t = text.strip()
    words = _WORD.findall(t)
    return (bool(words) and t[:1].isupper() and words[0].lower() in shape_words().action_verbs
            and len(t.split()) <= _ACTION_WORDS and not t.endswith("?"))


def calls_to_action(blocks, kinds: dict[int, set[str]], top: set[int]) -> list[LayoutHit]:
    """A call to action with residue right above and below it, or above the page's first sentence
    (``top``) with residue right above or below it: the site's, not the leaflet's."""
    out = []
    for k, b in enumerate(blocks):
        if k in kinds or b.kind not in _LINE_KINDS or not _call_to_action(b.text):
            continue
        above, below = k - 1 in kinds, k + 1 in kinds
        if (above and below) or (k in top and (above or below)):
            out.append(LayoutHit(k, "call-to-action", _("a call to action of the web site amid its residue")))
    return out


def _promotion(text: str) -> bool:
    """A line to the reader about what the site offers besides the text (a course, a newsletter)."""
    words = {w.lower() for w in _WORD.findall(text)}
    offers = shape_words().promotion
    about = bool(words & offers) or any(" " in o and o in norm(text) for o in offers)
    return about and (bool(words & _READER) or _call_to_action(text))


def _teaser(text: str) -> bool:
    """A short question to the reader ("Wil je zwanger worden?")."""
    t = text.strip()
    return t.endswith("?") and len(t.split()) <= 12 and bool({w.lower() for w in _WORD.findall(t)} & _READER)


def tail_offers(blocks, kinds: dict[int, set[str]]) -> list[LayoutHit]:
    """At the end of the page, below residue that closed its text (a source line, a share row):
    lines that offer the reader a course, a newsletter or an app, and a short question to the
    reader right above such a line. A leaflet's own last paragraph about a course has no residue
    above it."""
    run = []
    k = len(blocks) - 1
    while k >= 0 and (k in kinds or _promotion(blocks[k].text) or _teaser(blocks[k].text)
                      or not text_line(blocks[k].text)):
        run.append(k)
        k -= 1
    out: list[LayoutHit] = []
    for k in run:  # from the bottom up
        closed = any(j in kinds for j in run if j < k)
        offer = _promotion(blocks[k].text) or (_teaser(blocks[k].text) and k + 1 in {h.block for h in out})
        if k not in kinds and closed and offer:
            out.append(LayoutHit(k, "advertisement", _("an offer of the web site at the end of the page")))
    return out


_UNDER_TITLE_KINDS = frozenset({"author-line", "date-line", "dated-byline", "post-byline", "byline", "person-name", "page-number",
                           "date-prefix", "relative-time", "last-update", "created-label", "reading-time"})


def _closed(blocks, j: int, kinds: dict[int, set[str]]) -> bool:
    """The residue below a run of short lines is no byline of a title above it, and what follows
    that residue is no text or list the short lines could head."""
    if not kinds[j] - _UNDER_TITLE_KINDS:
        return False
    while j < len(blocks) and j in kinds:
        j += 1
    return j == len(blocks) or not (blocks[j].kind == "list_item" or text_line(blocks[j].text))


def _section_is_residue(blocks, k: int, kinds: dict[int, set[str]], free: list[bool]) -> bool:
    """Everything under the line ``k``, up to the next free short line or heading, is residue. A short
    line that running text follows may be the publisher's address in a printed column that the copyright
    line cut off from its heading: the heading keeps its text then."""
    section = []
    for j in range(k + 1, len(blocks)):
        if j not in kinds and (free[j] or blocks[j].kind == "heading"):
            if blocks[j].kind != "heading" and _prose_follows(blocks, j + 1, kinds, free):
                return False
            break
        section.append(j)
    # a printed page's number, code or copyright stands under the last line of every leaflet
    return bool(section) and all(j in kinds for j in section) and any(_web(kinds, j) for j in section)


def _prose_follows(blocks, j: int, kinds: dict[int, set[str]], free: list[bool]) -> bool:
    return j < len(blocks) and j not in kinds and not free[j] and blocks[j].kind == "paragraph"
