"""Web residue found by the shape of a line and the lines around it, with word lists for the parts
of a line instead of whole phrases.

A phrase list only knows the wordings it was given; page furniture comes in endless wordings of a
few parts. So a short line made only of furniture words, names, dates and numbers is residue in any
order ("Artikel | 6 minuten lezen", "Laatst herzien: 3 januari 2025", "Door: Anna Bos,
verloskundige", "Versie 3.1, juni 2024"); a run of short lines of which several are menu items is
the menu, with the items no list knows ("Home / Over ons / Zwangerschap / Contact" on lines of their
own); two or more social networks on lines of their own are share buttons; a form's field labels
end in an asterisk ("Naam *"); the paragraphs under "Over de auteur" are a biography; a department
or content-type label ("Gynaecologie", "Patiëntenfolder") and an organisation's name
("Verloskundigenpraktijk De Horizon") above the page's first text belong to the site. The word
lists are data (schema/residue.yaml, ``shapes``). A heading with text under it stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.i18n import _
from pipeline.language.data import control_line, residue_words, shape_words, spelling as spelling_data
from pipeline.language.residue_layout import LayoutHit, norm, title_shaped

_MONTHS = frozenset(
    "jan januari feb febr februari mrt maart apr april mei jun juni jul juli aug augustus sep sept september "
    "okt oktober nov november dec december".split())
_DAYS = frozenset("ma di wo do vr za zo maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split())
_PARTICLES = frozenset("van de der den ter ten te 't da del du des la le el".split())
# words, numbers with their separators (dates, times, versions), and single marks
_TOKEN = re.compile(r"\d+(?:[-/.:,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")
# a line of furniture is short
_FURNITURE_WORDS = 12
# a menu item is a line of at most this many words
_MENU_WORDS = 4
# a user name or a code: letters with digits or underscores ("zonnetje88", "moeder_van_2", "F-0311")
_HANDLE = re.compile(r"(?<![\w-])(?=[\w-]*[^\W\d_])(?=[\w-]*[\d_])[\w]+(?:-[\w]+)*")
# a metadata field: one or two words, a colon, a short value ("Rubriek: Lichaam", "Datum uitgifte: april 2023")
# ("Auteur(s): Team X": a plural in brackets)
_FIELD = re.compile(r"^[ \t]*([^\W\d_]+(?:\((?:s|en|n)\))?(?:[ \t]+[^\W\d_]+)?)[ \t]*:[ \t]*([^.!?;:\n]{1,60})$")
# a row of short items split by | · • or by two spaces or more ("Over ons  Adverteren  Contact")
_ROW_SPLIT = re.compile(r"[ \t]*[|·•][ \t]*|[ \t]{2,}")
_PHONE_OR_TIME = re.compile(r"\d{2,4}[- ]?\d{2,3}[- ]?\d{2}[- ]?\d{2}|\b\d{1,2}[.:]\d{2}\b")
# a phone number: nine to thirteen digits in groups ("06 - 87 65 43 21", "+31 (0)10 123 4567")
_PHONE = re.compile(r"\+?\(?\d[\d \t\-–()/]{6,}\d")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:nl|be|com|org|net|eu|info|nu)$", re.I)


def text_line(text: str) -> bool:
    """A line of running text: a sentence of five words or more, or fifteen words."""
    t = text.strip()
    n = len(t.split())
    return n >= 15 or (n >= 5 and t[-1:] in ".!?")


def _word_ok(word: str, low: str, names_ok: bool, is_word) -> bool:
    w = shape_words()
    if low in w.furniture or low in w.function or low in w.page_labels or low in _MONTHS or low in _DAYS or low in residue_words().person_roles:
        return True
    if not word[:1].isupper():
        return low in _PARTICLES and names_ok
    # a capitalised word is a name after a byline word ("Door: Anna de Wit"), else only when no
    # dictionary knows it ("Sanne")
    return names_ok or not is_word(low)


def furniture_line(text: str, is_word) -> bool:
    """A short line made only of furniture words, names, dates, numbers and separators, with at
    least one furniture word that is no function word ("Door: Anna Bos" has one: door is both)."""
    t = text.strip()
    if not t or t[-1:] in "!?;" or (t.endswith(".") and not re.search(r"\b(?:min|nr|blz|pag)\.$", t, re.I)):
        return False
    if any(9 <= sum(c.isdigit() for c in m.group()) <= 13 for m in _PHONE.finditer(t)):
        return False  # a phone number is contact data of the leaflet ("Afdeling Gynaecologie: 0318 - 43 48 50")
    if _field(t, is_word):
        return True
    tokens = _TOKEN.findall(_HANDLE.sub("0", t))
    words = [x for x in tokens if x[:1].isalpha()]
    if not words or len(words) > _FURNITURE_WORDS:
        return False
    w = shape_words()
    lows = [x.lower() for x in words]
    names_ok = any(x in w.byline for x in lows)
    strong = [x for x in lows if x in w.furniture and x not in w.function and len(x) > 1]  # "x": a tick, not X
    if not strong and not (names_ok and any(x[:1].isupper() for x in words[1:])):
        return False
    return all(_word_ok(x, x.lower(), names_ok, is_word) for x in words)


def _field(text: str, is_word) -> bool:
    """A metadata field: a label with a furniture word, a colon and a short value ("Rubriek:
    Lichaam", "Datum uitgifte: april 2023"); "Let op: ..." has no furniture word."""
    m = _FIELD.match(text)
    if not m or len(m.group(2).split()) > 6:
        return False
    w = shape_words()
    label = re.sub(r"\((?:s|en|n)\)", "", m.group(1).lower())
    return any(x in w.furniture and x not in w.function for x in label.split())


def meta_row(text: str) -> bool:
    """A row of three or more short items split by | · • or wide spaces, with no sentence, phone
    number or clock time in it: a menu, a footer or an article's labels ("Informatie | Gynaecologie |
    2 min"). Opening hours and phone numbers in a row are a leaflet's content."""
    t = text.strip()
    items = [x for x in _ROW_SPLIT.split(t) if x]
    if len(items) < 3 or _PHONE_OR_TIME.search(t) or re.search(r"[.!?;:]", t):
        return False
    return all(len(x.split()) <= 4 and any(c.isalpha() for c in x) for x in items[:-1]) and len(items[-1].split()) <= 4


def furniture(blocks, is_word) -> list[LayoutHit]:
    """Lines of page furniture; one or two words with running text under them are a heading
    ("Video" above a sentence about a film), and so is a line without figures over a list of
    sentences ("Terug op de afdeling" above what happens there); an item of a list that a sentence
    of the leaflet opens with a colon is the leaflet's ("tips: ... / Volg het nieuws minder")."""
    out = []
    for k, b in enumerate(blocks):
        if not (furniture_line(b.text, is_word) or meta_row(b.text)) or _listed(blocks, k):
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        bare = not any(c.isdigit() for c in b.text)
        if bare and nxt is not None and text_line(nxt.text) and (len(b.text.split()) <= 2 or nxt.kind == "list_item"):
            continue
        out.append(LayoutHit(k, "furniture", _("page furniture of a web page (date, author, controls)")))
    return out


_LIST_ITEMS = 3  # short lines under a lead-in, at least, to make a list
_ITEM_WORDS = 8
_LEAD_WORDS = 6  # a sentence, not a label such as "Volg ons op:"


def _listed(blocks, k: int) -> bool:
    """Line ``k`` is one of three or more short lines right under a sentence that ends with a colon."""
    def short(j: int) -> bool:
        t = blocks[j].text.strip()
        return bool(t) and len(t.split()) <= _ITEM_WORDS and not text_line(t)
    lo = k
    while lo > 0 and short(lo - 1):
        lo -= 1
    hi = k
    while hi + 1 < len(blocks) and short(hi + 1):
        hi += 1
    lead = blocks[lo - 1].text.strip() if lo > 0 else ""
    return short(k) and hi - lo + 1 >= _LIST_ITEMS and lead.endswith(":") and len(lead.split()) >= _LEAD_WORDS


def _menu_item(text: str) -> bool:
    t = text.strip()
    return title_shaped(t, _MENU_WORDS) and t[-1:] not in "?" and not any(c.isdigit() for c in t)


def _known_item(text: str) -> bool:
    bare = re.sub(r"^[^\w(]+", "", norm(text)).rstrip("?!:. ")
    return bare in residue_words().navigation or bare in shape_words().social


def _text_follows(blocks, j: int, is_word) -> bool:
    """Whether running text starts at block ``j``, after any lines of page furniture (a byline, a
    date): the line above is then the page's title or a heading."""
    while j < len(blocks) and not text_line(blocks[j].text) and (
            furniture_line(blocks[j].text, is_word) or meta_row(blocks[j].text) or control_line(blocks[j].text)):
        j += 1
    return j < len(blocks) and text_line(blocks[j].text)


def menu_runs(blocks, is_word) -> list[LayoutHit]:
    """Three or more short lines in a row, two of them (and one in three) menu items or social
    networks: the site's menu or a share row, with the items no list knows. The last line stays
    when text follows it, after any byline or date, and no list knows it (it is the title or
    a heading)."""
    out: list[LayoutHit] = []
    k = 0
    while k < len(blocks):
        j = k
        while j < len(blocks) and blocks[j].kind != "list_item" and _menu_item(blocks[j].text):
            j += 1
        run = list(range(k, j))
        if run and _text_follows(blocks, j, is_word) and not _known_item(blocks[run[-1]].text):
            run = run[:-1]  # the title or a heading, with its byline and text under it
        known = sum(_known_item(blocks[i].text) for i in run)
        if len(run) >= 3 and known >= 2 and 3 * known >= len(run):
            out += [LayoutHit(i, "menu", _("a menu item of the web site")) for i in run]
        k = max(j, k + 1)
    return out


def form_labels(blocks) -> list[LayoutHit]:
    """The label of a form field, marked as required with an asterisk ("Naam *", "E-mail*")."""
    return [LayoutHit(k, "form", _("a form field of the web page")) for k, b in enumerate(blocks)
            if re.fullmatch(r"[^\W\d_][^.!?\n*]{0,40}?[ \t]*\*", b.text.strip())]


def about_author(blocks) -> list[LayoutHit]:
    """The paragraphs under "Over de auteur": an author's biography, up to the next heading."""
    labels = shape_words().about_labels
    out: list[LayoutHit] = []
    for k, b in enumerate(blocks):
        if norm(b.text).rstrip(":. ") not in labels:
            continue
        out.append(LayoutHit(k, "author-bio", _("a biography of the web article's author")))
        for j in range(k + 1, min(len(blocks), k + 5)):
            if blocks[j].kind == "heading" or not text_line(blocks[j].text):
                break
            out.append(LayoutHit(j, "author-bio", _("a biography of the web article's author")))
    return out


_QUESTION_WORDS = 6


def top_zone(blocks) -> list[int]:
    """The blocks above the page's first line of running text (a short question alone on its line,
    "Hoe kunnen wij u helpen?", heads something and is none)."""
    out = []
    for k, b in enumerate(blocks):
        t = b.text.strip()
        if text_line(t) and not (t.endswith("?") and "\n" not in t and len(t.split()) <= _QUESTION_WORDS):
            break
        out.append(k)
    return out


# small words inside an organisation's name ("Centrum voor Geestelijke Gezondheidszorg", "Huis & Zorg")
_NAME_LINKS = frozenset({"&", "voor", "en", "in", "op", "aan"})


def _site_name(text: str) -> bool:
    """An organisation's name ("Ziekenhuis Noordwest", "Verloskundigenpraktijk De Horizon") or a
    domain name ("voorbeeld.nl")."""
    t = text.strip()
    if _DOMAIN.match(t):
        return True
    words = t.split()
    if not title_shaped(t, 5) or not all(x[:1].isupper() or x in _PARTICLES or x in _NAME_LINKS for x in words):
        return False
    lows = [x.lower().strip(",") for x in words]
    return any(x == o or (len(o) >= 5 and x.endswith(o)) for x in lows for o in shape_words().organisation)


def _user_name(blocks, top: list[int], k: int, is_word) -> bool:
    """One word in small letters that no dictionary knows, written again in another line above the
    text: a user name over its byline ("moeder_van_twee" / "moeder_van_twee Verhalen 3 mei 2024")."""
    t = blocks[k].text.strip()
    if len(t.split()) != 1 or t != t.lower() or len(t) < 5 or not t[:1].isalpha() or is_word(t):
        return False
    return any(j != k and t in blocks[j].text.split() for j in top)


# a line that is only an address or a phone number: a street with its number ("Ziekenhuislaan 2"), a
# postcode with its town ("1234 AB Dorp", "B-3000 Leuven", "B 3000 Leuven"), a post-office box, a phone number with
# or without its label, opening hours ("Ma t/m do van 9.00 tot 17.00 uur")
_POSTCODE = re.compile(r"^(?:\d{4}[ \t]?[A-Z]{2}|(?:B[- ]?)?\d{4})[ \t]+[A-Z][\w'’. -]+$")
_EMAIL = re.compile(r"(?:e-?mail[ \t]*:?[ \t]*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_POSTBOX = re.compile(r"^Postbus[ \t]+\d+$", re.I)
_PHONE_LABEL = re.compile(r"^(?:(?:telefoonnummer|telefoon|tel|fax|t|f)\.?[ \t]*:?|(?:[^\W\d][^\d\n?:]{0,30}\?[ \t]*){1,3}"
                          r"|(?-i:[A-ZÀ-Þ][a-zà-ÿ]+)(?:[ \t]+(?-i:[a-zà-ÿ]+)){0,2}[ \t]*:?)[ \t]*",
                          re.I)  # also short questions before it: "Een afspraak? Een vraag? 010 ...", a label: "Spoed 010 ..."
_HOURS = re.compile(r"^(?:(?:ma|maandag|di|dinsdag|wo|woensdag|do|donderdag|vr|vrijdag|za|zaterdag|zo|zondag)\b.*)?"
                    r"\d{1,2}[.:]\d{2}\s*(?:-|–|tot)\s*\d{1,2}[.:]\d{2}(?:\s*uur)?$", re.I)


# a street, its number and the postcode on one line ("Parklaan 12 1234 AB", "Dorpsstraat 3, 1234 AB Dorp"),
# the site's address under its name (a package leaflet's licence holder, "Farma B.V.", has its own)
_STREET_POSTCODE = re.compile(r"^[A-Z][^\d\n]{2,40}[ \t]\d{1,4}[a-zA-Z]?,?[ \t]+\d{4}[ \t]?[A-Z]{2}(?:[ \t]+[A-Z'‘’][\w'‘’ .-]*)?$")
# a town alone on its line, under an address that ends in its postcode ("1234 AB" / "'s-Gravenhage")
_TOWN = re.compile(r"^[ \t]*(?:['‘’]s-)?[A-Z][a-zà-ÿ'-]+(?:[ \t-][A-Z][a-zà-ÿ'-]+){0,2}[ \t]*$")
_BARE_POSTCODE = re.compile(r"\b\d{4}[ \t]?[A-Z]{2}[ \t]*$")
# the page's title with the site's name after a dash or a bar ("Depressie – Huisartsenpraktijk Oost – Dorp")
_TITLE_PARTS = re.compile(r"[ \t]+[–—|│][ \t]+")  # also a box-drawing bar


def _titled_with_site(text: str) -> bool:
    parts = _TITLE_PARTS.split(text.strip())
    return 2 <= len(parts) <= 4 and all(title_shaped(p, 8) for p in parts) and any(_site_name(p) for p in parts[1:])


_DAY = r"(?:ma|maandag|di|dinsdag|wo|woensdag|do|donderdag|vr|vrijdag|za|zaterdag|zo|zondag)\.?"
# times, also two ranges glued by the page's copy ("8:30-13:0014:00-18:30")
_TIMES = r"\d{1,2}[.:]\d{2}(?:[ \t]*(?:-|–|tot|en|/|,)?[ \t]*\d{1,2}[.:]\d{2})*(?:[ \t]*uur)?"
# the days of a place's opening hours, under its name, on lines of their own or run into one ("Locatie
# Noord ma t/m vr van 8.00 - 17.00 uur za van 9.00 - 12.00 uur", "ma 8:30-13:00 di 8:30-13:00")
_HOURS_BLOCK = re.compile(rf"^(?:(?-i:[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){{0,3}})[ \t\n]+)?"
                          rf"(?:{_DAY}(?:[ \t]*(?:t/m|-|–|tot en met)[ \t]*{_DAY})?[ \t:]+(?:van[ \t]+)?{_TIMES}[ \t\n]*)+$", re.I)


def hours_block(text: str) -> bool:
    """Opening hours, under the name of the place they are for (see ``_HOURS_BLOCK``)."""
    return bool(_HOURS_BLOCK.match(text.strip()))


# one item of a contact row: a phone or fax number with its label, an e-mail or a web address
_CONTACT_ITEM = re.compile(r"(?:\b(?:t|tel|telefoon|f|fax)\.?[ \t]*:?[ \t]*)?\+?\(?\d[\d \t\-–()/]{6,}\d"
                           r"|(?:e-?mail[ \t]*:?[ \t]*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bwww\.[\w-]+(?:\.[\w-]+)+", re.I)


@lru_cache(maxsize=1)
def _address_item() -> re.Pattern:
    """A street with its number ("Dorpsstraat 12a") or a postcode with its town ("1234 AB Dorp")."""
    streets = "|".join(re.escape(w) for w in spelling_data().street_words)
    return re.compile(rf"(?-i:[A-ZÀ-Þ])[\w'’.-]*(?:{streets})[ \t]+\d{{1,4}}[a-zA-Z]?\b"
                      r"|\b\d{4}[ \t]?(?-i:[A-Z]{2})[ \t]+(?-i:[A-ZÀ-Þ][a-zà-ÿ'’-]+)(?:[ \t]+(?-i:[A-ZÀ-Þ][a-zà-ÿ'’-]+))?", re.I)


def _contact_row(t: str) -> bool:
    """Two items of contact or more on one line and nothing else but separators ("T 012 345 67 89 F 012
    345 67 90 info@voorbeeld.nl"), also the address before them ("Dorpsstraat 12 1234 AB Dorp Tel: 012
    ...")."""
    addresses = _address_item().findall(t)
    rest = _address_item().sub(" ", t)  # first: a house number and a postcode read as a phone number
    items = _CONTACT_ITEM.findall(rest)
    return bool(items) and len(items) + len(addresses) >= 2 and not _CONTACT_ITEM.sub("", rest).strip(" \t|•·,;/-–:")


def contact_line(text: str) -> bool:
    """A line that is only an address, a post-office box, a phone number, an e-mail address, opening
    hours, or a row of phone numbers and addresses."""
    t = " ".join(text.split()).lstrip("•·-* ")
    words = t.split()
    street = len(words) >= 2 and re.fullmatch(r"\d+[a-zA-Z]?(?:[-/]\d+)?", words[-1]) and words[0][:1].isupper() \
        and words[-2].lower().endswith(spelling_data().street_words)
    return bool(street or _POSTCODE.match(t) or _POSTBOX.match(t) or _HOURS.match(t) or _EMAIL.fullmatch(t)
                or _PHONE.fullmatch(_PHONE_LABEL.sub("", t)) or _contact_row(t))


def _info(blocks, top: list[int], k: int) -> bool:
    """A page's practical label ("Wachttijd") or its value on the line under it ("4 weken"), or the two on
    one line ("Wachttijd 11 weken", "Openingstijden: maandag t/m vrijdag van 8.30 tot 16.30 uur")."""
    bare = norm(blocks[k].text).strip("•·-*:. ")
    labels = shape_words().info_labels
    if bare in labels or any(bare.startswith(w + " ") for w in labels if " " in w):
        return True
    label = _info_label_rx(labels).match(bare)
    if label and len(bare.split()) <= _INFO_LINE_WORDS and _info_value(label[1]):
        return True
    above = norm(blocks[k - 1].text).strip("•·-*:. ") if k - 1 in top else ""
    return above in labels and len(bare.split()) <= _LABEL_WORDS


_INFO_LINE_WORDS = 10  # words of a practical label with its value on one line
_INFO_VALUE = re.compile(r"(?:ca\.?\s*|circa\s*|±\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s+(?:dagen|weken|werkdagen|maanden)")


@lru_cache(maxsize=4)
def _info_label_rx(labels: frozenset[str]) -> re.Pattern:
    """A practical label, with or without its colon, and the rest of the line."""
    return re.compile(r"(?:%s)\s*:?\s+(.+)" % "|".join(map(re.escape, sorted(labels, key=len, reverse=True))))


def _info_value(rest: str) -> bool:
    """The value of a practical label: a number of days or weeks, or opening hours."""
    return bool(_INFO_VALUE.fullmatch(rest) or _HOURS.match(rest))


def page_top(blocks, is_word) -> list[LayoutHit]:
    """Above the page's first text: a department or content-type label, the site's name on one of
    the first two lines (a logo's text may come first) and a user name, each with another line under it
    that is no text; the site's address, phone number and practical labels (opening hours, waiting time)."""
    top = top_zone(blocks)
    out: list[LayoutHit] = []
    contact = {k for k in top if contact_line(blocks[k].text) or (
        _STREET_POSTCODE.match(blocks[k].text.strip()) and k - 1 in top and _site_name(blocks[k - 1].text))}
    for k in top:
        if k in contact or _info(blocks, top, k) or (k - 1 in contact and _TOWN.match(blocks[k].text)
                                                     and _BARE_POSTCODE.search(blocks[k - 1].text)):
            out.append(LayoutHit(k, "site-contact", _("the web site's address, phone number or opening hours")))
            continue
        if _titled_with_site(blocks[k].text):
            out.append(LayoutHit(k, "site-name", _("the name of the web site")))
            continue
        bare = norm(blocks[k].text).rstrip(":. ")
        if k + 1 < len(blocks) and _crumb_ends_with(blocks[k + 1].text, bare):
            continue  # the page's title: the breadcrumb under it ends in it ("Polikliniek" / "Home > Polikliniek")
        if bare in shape_words().section_labels:
            out.append(LayoutHit(k, "page-label", _("a label of the web page")))
            continue  # a section of the site, whatever follows it
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if nxt is None or text_line(nxt.text):
            continue  # a heading with its text under it
        if bare in shape_words().page_labels or bare in shape_words().top_labels:
            out.append(LayoutHit(k, "page-label", _("a label of the web page")))
        elif (k in top[:2] or k + 1 in contact) and _site_name(blocks[k].text):
            out.append(LayoutHit(k, "site-name", _("the name of the web site")))
        elif _user_name(blocks, top, k, is_word):
            out.append(LayoutHit(k, "person-name", _("the name of an author or a caption of a portrait")))
    return out


_CRUMB_STEP = re.compile(r"[ \t]*(?:>>|[>›»/|])[ \t]*")


def _crumb_ends_with(text: str, bare: str) -> bool:
    """``text`` is a breadcrumb whose last step is ``bare``."""
    steps = _CRUMB_STEP.split(text.strip())
    return len(steps) >= 2 and norm(steps[-1]).rstrip(":. ") == bare


_LABEL_WORDS = 5
_LETTERS = re.compile(r"[^\W\d_]{4,}")


def _related(a: str, b: str) -> bool:
    """Two words of one family: one holds the other ("rouw", "rouwverwerking") or they begin alike."""
    return a in b or b in a or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def stray_label(blocks, marked: set[int]) -> list[LayoutHit]:
    """The page's first line that is no residue, when it is a short label (no word of a sentence in
    it: "Meer informatie", "Wat kun je doen" head the text) above another heading-like line and the
    page never uses its words elsewhere: a section of the site ("Afdelingen &
    Specialismen"), the name of a reference work or of the site, while the text comes back to the
    line under it: that is the title. A leaflet's title names its subject, and the text comes back
    to it."""
    rest = [k for k in range(len(blocks)) if k not in marked]
    if len(rest) < 2:
        return []
    k, nxt = rest[0], rest[1]
    label = blocks[k].text.strip()
    if not title_shaped(label, _LABEL_WORDS) or label.endswith("?") or not title_shaped(blocks[nxt].text) \
            or text_line(blocks[nxt].text):
        return []
    elsewhere = {w.lower() for j, b in enumerate(blocks) if j != k for w in _LETTERS.findall(b.text)}
    text = {w.lower() for b in blocks[nxt + 1:] for w in _LETTERS.findall(b.text)}
    words, title = _topic_words(label), _topic_words(blocks[nxt].text)
    if not words or any(w.lower() in shape_words().sentence for w in label.split()) or any(_related(w, r) for w in words for r in elsewhere) \
            or not any(_related(w, r) for w in title for r in text):
        return []  # the label's words come back, or the line under it is no title the text is about
    return [LayoutHit(k, "page-label", _("a label of the web page"))]


def _title_above_text(blocks, top: list[int], marked: set[int]) -> int | None:
    """The page's title: the first line above the first text whose words the text takes up."""
    after = [b for b in blocks[top[-1] + 1:] if text_line(b.text)][:3]
    text = {w for b in after for w in _topic_words(b.text)}
    return next((k for k in top if k not in marked and title_shaped(blocks[k].text, 12)
                 and any(_related(w, r) for w in _topic_words(blocks[k].text) for r in text)), None)


def above_title(blocks, marked: set[int], offers: frozenset[int] = frozenset()) -> list[LayoutHit]:
    """Short lines above the page's title whose words neither the title, the lines under them nor the
    first text takes up: the site's section, a shop's offer, an image's name ("Achtergrondfoto", "Op
    reis" above "Vaccinaties voor de reis naar ..."). Not a question, a lead-in or a list item; the
    page's first line only with another such line or a shop's offer or a picture's text under it (a
    title the text does not repeat stays, also above its table of contents)."""
    top = top_zone(blocks)
    title = _title_above_text(blocks, top, marked) if top else None
    if title is None:
        return []
    after = [b for b in blocks[title + 1:] if text_line(b.text)][:3]
    found = []
    for k in range(title):
        t = blocks[k].text.strip()
        words = _topic_words(t)
        if k in marked or blocks[k].kind == "list_item" or not words or t[-1:] in "?:" \
                or (len(t.split()) > 8 and t[:1] not in "\"“‘'"):
            continue
        later = {w for b in blocks[k + 1: title + 1] + after for w in _topic_words(b.text)}
        if not any(_related(w, r) for w in words for r in later):
            found.append(k)
    first = next((k for k in range(len(blocks)) if k not in marked), None)
    return [LayoutHit(k, "page-label", _("a label of the web page")) for k in found
            if (k != first or k + 1 in found or k + 1 in offers)
            and not (k + 1 < len(blocks) and blocks[k + 1].kind == "list_item")]


def _topic_words(text: str) -> set[str]:
    return {w for w in (x.lower() for x in _LETTERS.findall(text)) if w not in shape_words().sentence}


def small_labels(blocks) -> list[LayoutHit]:
    """A department or content-type label written in small letters alone on a line, anywhere: a tag
    of the page ("gezondheid", "artikel"); a heading of the leaflet starts with a capital."""
    labels = shape_words().page_labels
    return [LayoutHit(k, "page-label", _("a label of the web page")) for k, b in enumerate(blocks)
            if b.kind != "list_item" and b.text.strip() == b.text.strip().lower() and norm(b.text) in labels]


def find(blocks, is_word) -> list[LayoutHit]:
    return (furniture(blocks, is_word) + menu_runs(blocks, is_word) + form_labels(blocks) + about_author(blocks)
            + page_top(blocks, is_word) + small_labels(blocks))
