"""Web residue found as a unit the page repeats: a listing and a category menu.

A site's list of events or of other articles repeats one small unit: a date alone on a line, the
item's title, and often a bulleted place or category ("12 Apr" / "Workshop voor ouders" / "•
Utrecht", again and again). Two dated units close together make a listing: the short lines
between two date lines are its items, and the lines after the last date that repeat the shape of
the unit before it (the same kinds of block) close it. A leaflet's dated lines stand apart or head
running text, which is never short.

A site's category menu is a run of labels of two words joined by "&" ("Onderzoek & Advies",
"Zorg & Welzijn"); one such heading is a leaflet's, two or more close together are a menu.

A drug database's legend repeats the unit "code, explanation" under its label ("Uitleg
symbolen", data under ``shapes.legend_labels``): "XYZ Dit middel wordt niet vergoed." - each entry
opens with its code or label in capitals.

Furniture also alternates with the lines it frames: a printed table of contents with each page
number on a line of its own ("2. Oorzaken" / "5" / "3. Behandeling" / "7"), a breadcrumb with an
arrow between its items, author names between their role labels. A short line with residue right
above and right below it, in a row where the next or the one before such line does the same, is
part of that furniture; one short line between two residue lines may be the leaflet's heading.

A site's teaser cards repeat the unit "paragraph, then its link" ("... wat je kunt regelen." /
"Meer informatie", card after card): a short link line that opens with a verb of looking or going or
asks for more ("Lees meer", "Meer informatie", "Ontdek"), the same words right under a paragraph
in two units back to back, makes the paragraphs above it the teasers of other pages. A
leaflet's heading "Meer informatie" has its own section under it, not one paragraph and the same
heading again. Cards with a title of their own have buttons a card or two apart, each naming its own
file ("Download het dagboek" ... "Download de checklist"): the same verb is enough there. The last card's
button may read otherwise when it is written as the others are (all capitals, the same kind of block).

A page's list of sources may come first when its sidebar is copied above the text: list items
that each cite a web site ("nhs.uk - Week voor week") or a book with its author ("Zwanger: Anna
Bos"). Above the first running text it is the page's; a leaflet's own sources stand under its text.

A page's folded sections keep only their titles when the page is copied: short questions one after the
other with nothing under them ("Voor wie?" / "Voorwaarden?" / "Hoe aanvragen?" / "Afhandeling?" / text).
In a run of three or more such questions every one but the last, which has the text under it, is an empty
title; a leaflet's question heads its own text.

A site's menu copied as a list is a run of five list items or more, each a label of one or two words
with a capital ("Voeding" / "Slapen" / "Webshop"), one of them a menu item the data knows; a
leaflet's list of complaints or steps names none.

An organisation's key figures stand in a run of lines that each give a number and what it counts,
two or more of them in thousands ("205.000 verpleegdagen" / "32.000 opnames per jaar" / "350
specialisten"); a leaflet's list of doses or times counts milligrams and days, not thousands.
"""

from __future__ import annotations

import re

from pipeline.i18n import _
from pipeline.language.data import residue_words, shape_words
from pipeline.language.residue_layout import LayoutHit, norm, title_shaped
from pipeline.language.residue_shapes import text_line, top_zone

# the residue kinds of a line that is only a date or a time
DATE_KINDS = frozenset({"date-line", "dateline", "relative-time", "timestamp"})
_UNIT = 4  # a unit: the date and at most three lines
_ITEM_WORDS = 12
_PAIR = re.compile(r"[ \t]*[A-ZÀ-Þ][\w’'-]+[ \t]+&[ \t]+[\w’'-]+[ \t]*")
_MENU_SPAN = 6  # two labels of a menu stand at most this many blocks apart
_MENU_RUN = 5  # a site's menu copied as a list: at least this many labels in a row
_MENU_WORDS = 2


def _item(b) -> bool:
    t = b.text.strip()
    return bool(t) and len(t.split()) <= _ITEM_WORDS and not text_line(t)


def listings(blocks, kinds: dict[int, set[str]]) -> list[LayoutHit]:
    """The items between dates of a listing, and the last unit's items after its date."""
    dates = [k for k in sorted(kinds) if kinds[k] & DATE_KINDS]
    out: set[int] = set()
    for a, b in zip(dates, dates[1:]):
        between = range(a + 1, b)
        if b - a > _UNIT or not between or not all(_item(blocks[i]) for i in between):
            continue
        out.update(i for i in between if i not in kinds)
        if not any(0 < d - b <= _UNIT for d in dates):  # the run's last date
            out.update(_last_unit(blocks, kinds, a, b))
    return [LayoutHit(k, "listing", _("an item of the web site's list of events or articles")) for k in sorted(out)]


def _last_unit(blocks, kinds, a: int, b: int) -> list[int]:
    """The lines after the last date ``b`` whose kinds of block repeat the unit after date ``a``."""
    shape = [blocks[i].kind for i in range(a + 1, b)]
    after = list(range(b + 1, min(b + 1 + len(shape), len(blocks))))
    if [blocks[i].kind for i in after] != shape or not all(_item(blocks[i]) for i in after):
        return []
    return [i for i in after if i not in kinds]


def category_menus(blocks) -> list[LayoutHit]:
    """Labels of two words joined by "&" with another such label close by."""
    pairs = [k for k, b in enumerate(blocks) if _PAIR.fullmatch(b.text)]
    near = {k for k in pairs if any(j != k and abs(j - k) <= _MENU_SPAN for j in pairs)}
    return [LayoutHit(k, "navigation", _("a menu item of the web site")) for k in sorted(near)]


_LEGEND_ENTRIES = 8
# an entry opens with a code in capitals ("ZV", "OTC") or a label of up to three words before the
# capital of its explanation ("Extra controle Dit middel ...")
_CODE_START = re.compile(r"(?:[A-ZÀ-Þ0-9]{1,6}\b|[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[\w'’-]+){0,2}[ \t]+[A-ZÀ-Þ][a-zà-ÿ])")


def legends(blocks) -> list[LayoutHit]:
    """The entries under a legend's label: paragraphs that open with a code or a label, up to the
    first that does not, a heading or another kind of block."""
    labels = shape_words().legend
    out = []
    for k, b in enumerate(blocks):
        if norm(b.text).rstrip(":") not in labels:
            continue
        for j in range(k + 1, min(k + 1 + _LEGEND_ENTRIES, len(blocks))):
            if blocks[j].kind != "paragraph" or not _CODE_START.match(blocks[j].text):
                break
            out.append(LayoutHit(j, "legend", _("an entry of the web site's legend of symbols")))
    return out


# residue that marks words inside a line of the leaflet's own text: it frames no line
_PARTIAL = frozenset({"glued-words", "cut-sentence"})
# a stamp or byline right under a line makes that line a title, whatever stands above it
_STAMP_KINDS = DATE_KINDS | {"last-update", "created-label", "reading-time", "byline", "author-line", "dated-byline",
                             "post-byline", "date-prefix"}


def _entry(b) -> bool:
    """An entry of a list of links or contents: short, a title or a question, no sentence."""
    t = b.text.strip()
    return bool(t) and len(t.split()) <= _ITEM_WORDS and t[-1] not in ".,;:"


def alternations(blocks, kinds: dict[int, set[str]]) -> list[LayoutHit]:
    """Short lines at every other place in a run of residue lines (see the module's docstring)."""
    marked = {k for k, v in kinds.items() if v - _PARTIAL}
    first = next((k for k in range(len(blocks)) if k not in marked), None)
    title = first if first and "breadcrumb" in kinds.get(first - 1, ()) else None  # the trail's last step
    framed = {k for k in range(1, len(blocks) - 1)
              if k not in marked and k != title and k - 1 in marked and k + 1 in marked and _entry(blocks[k])
              and not kinds[k + 1] <= _STAMP_KINDS}
    return [LayoutHit(k, "cluster", _("a line amid other residue of the web page"))
            for k in sorted(framed) if k - 2 in framed or k + 2 in framed]


_CARD_LINK_WORDS = 6
_CARD_SPAN = 6  # blocks between the buttons of two cards with titles, at most
_MORE = frozenset({"meer", "more"})
# a card's link reads or looks on ("Lees verder", "Bekijk de folder"); "Ga naar de huisartsenpost" under
# each warning sign is a leaflet's instruction, not a link
_CARD_VERBS = frozenset({"lees", "bekijk", "ontdek", "kijk", "klik", "download", "bestel", "ontvang"})


def _card_link(text: str) -> bool:
    """A card's link: a short line that opens with a verb of looking or going, or asks for more."""
    t = text.strip()
    words = re.findall(r"[^\W\d_]+", t.lower())
    return (title_shaped(t, _CARD_LINK_WORDS) and not t.endswith("?") and bool(words)
            and (words[0] in _CARD_VERBS or bool(_MORE & set(words))))


def _teaser(b) -> bool:
    return b.kind == "paragraph" and text_line(b.text)


def teaser_cards(blocks) -> list[LayoutHit]:
    """The paragraphs and links of a row of teaser cards (see the module's docstring)."""
    keys = [norm(b.text) for b in blocks]
    links = {k for k in range(1, len(blocks)) if _card_link(blocks[k].text) and _teaser(blocks[k - 1])}
    chained = {k for k in links if any(j in links and keys[j] == keys[k] for j in (k - 2, k + 2))}
    # cards with a title of their own above the paragraph, each button naming its own file ("Download het
    # dagboek" ... "Download de checklist"): the same verb, a card or two apart
    verb = {k: w for k in links for w in keys[k].split()[:1] if w in _CARD_VERBS}
    chained |= {k for k in verb if any(verb.get(j) == verb[k] and keys[j] != keys[k]
                                       for j in range(k - _CARD_SPAN, k + _CARD_SPAN + 1) if abs(j - k) > 2)}
    cards = set(chained)
    for k in chained:
        j = k + 2  # the last card, with a button of its own wording
        if k + 2 not in chained and j < len(blocks) and _teaser(blocks[k + 1]) and _alike(blocks[k], blocks[j]):
            cards.add(j)
    return [LayoutHit(i, "teaser", _("a teaser of another page of the web site, with its link"))
            for i in sorted({i for k in cards for i in (k - 1, k)})]


def _alike(link, other) -> bool:
    """A button written as the card links are: all capitals, the same kind of block, short."""
    t = other.text.strip()
    return (other.kind == link.kind and link.text.strip().isupper() and t.isupper()
            and title_shaped(t, _CARD_LINK_WORDS) and not t.endswith("?"))


# a cited source: a web site's domain, a dash and the page's title ("nhs.uk - Week voor week"), or a
# title with its author's name after a colon or a comma ("Zwanger worden: Anna de Vries")
_SOURCE_SITE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}[ \t]+[-–][ \t]+\S")
_SOURCE_BOOK = re.compile(r"[:,][ \t]+[A-Z][a-zà-ÿ]+(?:[ \t]+(?:van|de|der|den|ter|ten)){0,2}[ \t]+[A-Z][a-zà-ÿ]+[ \t]*$")
_SOURCES_MIN = 3


def source_lists(blocks) -> list[LayoutHit]:
    """A list of sources above the page's first running text (see the module's docstring): three
    list items or more in a row, each a cited site or book, one at least a web site."""
    out: list[LayoutHit] = []
    top = top_zone(blocks)
    k = 0
    while k < len(top):
        j = k
        while j < len(top) and blocks[j].kind == "list_item" and (
                _SOURCE_SITE.search(blocks[j].text.strip()) or _SOURCE_BOOK.search(blocks[j].text.strip())):
            j += 1
        if j - k >= _SOURCES_MIN and any(_SOURCE_SITE.search(blocks[i].text.strip()) for i in range(k, j)):
            out += [LayoutHit(i, "sources", _("a list of the web page's sources above its text")) for i in range(k, j)]
        k = max(j, k + 1)
    return out


# a number and what it counts, alone on its line; in thousands ("205.000", "60.000+") and with a few words
_FIGURE_LINE = re.compile(r"^[ \t]*\d[\d.,]*\+?[ \t]+[^\W\d_][^.!?:;\n]{2,60}$")
_THOUSANDS = re.compile(r"^[ \t]*\d{1,3}(?:[.,]\d{3})+\+?[ \t]")
_FIGURE_WORDS = 8
_FIGURES = 3


# a number with a unit is a dose, an amount or a weight: a leaflet's own ("1.000 mg per dag")
_UNITS = frozenset("mg mcg µg microgram milligram g gr gram kg kilo ml cl dl l liter mmol ie iu kcal cm mm km "
                   "euro € % procent keer maal".split())


def _figure_lines(b) -> list[str] | None:
    lines = [ln for ln in b.text.split("\n") if ln.strip()]
    ok = lines and all(_FIGURE_LINE.match(ln) and len(ln.split()) <= _FIGURE_WORDS
                       and ln.split()[1].lower() not in _UNITS for ln in lines)
    return lines if ok else None


def key_figures(blocks) -> list[LayoutHit]:
    """The lines of an organisation's key figures (see the module's docstring)."""
    hits, run, lines = [], [], []
    for k, b in enumerate([*blocks, None]):
        found = _figure_lines(b) if b is not None else None
        if found:
            run.append(k)
            lines += found
            continue
        if len(lines) >= _FIGURES and sum(bool(_THOUSANDS.match(ln)) for ln in lines) >= 2:
            hits += [LayoutHit(j, "key-figures", _("an organisation's key figures from its web page")) for j in run]
        run, lines = [], []
    return hits


_FOLDED_WORDS = 5  # a folded section's title: a short question
_FOLDED_RUN = 3


def menu_lists(blocks) -> list[LayoutHit]:
    """A site's menu copied as a list: five list items or more in a row, each a label of one or two
    words with a capital and no sentence's punctuation, one of them a menu item the data knows
    ("Webshop", "Contact"); a leaflet's list of symptoms or steps names no menu item."""
    nav = residue_words().navigation

    def label(k: int) -> bool:
        t = blocks[k].text.strip()
        return (blocks[k].kind == "list_item" and 0 < len(t.split()) <= _MENU_WORDS and t[:1].isupper()
                and t[-1:] not in ".,;:!?" and "\n" not in t)
    return [LayoutHit(i, "navigation", _("a menu item of the web site"))
            for k, j in _runs(len(blocks), label, _MENU_RUN) if any(norm(blocks[i].text) in nav for i in range(k, j))
            for i in range(k, j)]


def _runs(n: int, member, least: int):
    """(first, end) of each run of at least ``least`` indexes in a row below ``n`` that ``member`` takes."""
    k = 0
    while k < n:
        j = k
        while j < n and member(j):
            j += 1
        if j - k >= least:
            yield k, j
        k = max(j, k + 1)


def folded_sections(blocks) -> list[LayoutHit]:
    """Short question titles in a run of three or more with nothing under them (folded sections): all of
    them but the last, which heads the text that follows."""
    def question(k: int) -> bool:
        t = blocks[k].text.strip()
        return t.endswith("?") and len(t.split()) <= _FOLDED_WORDS and blocks[k].kind != "list_item" and "\n" not in t
    why = _("the title of a folded section of the web page, with nothing under it")
    return [LayoutHit(i, "folded-section", why) for k, j in _runs(len(blocks), question, _FOLDED_RUN)
            for i in range(k, j - 1)]
