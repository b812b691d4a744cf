"""Web residue found by where a line stands and what it looks like, not by its words alone.

A web page around the text of a leaflet brings lines that read like headings: the menu
("Wie zijn wij?", "Wachtkamer"), a table of contents whose entries come back further down as
headings, the site's name above the title ("DOQ", "verloskundigen praktijk x"), the name of the
author or of the person in a portrait ("Promovenda Anna Bos" when the text names Bos), and image
text written like a headline ("Verdrietig koppel bespreekt de uitslag"). Each detector needs a
shape and a place: a leaflet's own "Contact" heading with the phone number under it, its title
and its subtitle stay. The word lists are data (schema/residue.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.i18n import _
from pipeline.language.data import caption, control_line, residue_words, shape_words

# a heading-like line: no more than this many words, no full stop, comma or semicolon at the end
_TITLE_WORDS = 12
_NAME_PARTICLES = frozenset("van de der den ter ten te 't da dos del la le el bin".split())
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'’]+)*|[A-Z]\.)$")
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# the site's name stands in the first lines of the page
_MASTHEAD_LINES = 4
_MENU_SPLIT = re.compile(r"[ \t]*[|·•/][ \t]*")
# prose starts here: a block of this many words, or one that ends a sentence
_PROSE_WORDS = 12


@dataclass(frozen=True)
class LayoutHit:
    block: int
    kind: str
    reason: str
    start: int = 0  # offsets in the block's text; end None: to the end of the block
    end: int | None = None


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def title_shaped(text: str, max_words: int = _TITLE_WORDS) -> bool:
    """Short, with letters, and not ending like a sentence or a clause (a question may end it)."""
    t = text.strip()
    return bool(t) and len(t.split()) <= max_words and t[-1] not in ".,;:" and any(c.isalpha() for c in t)


def _prose(text: str) -> bool:
    t = text.strip()
    return len(t.split()) >= _PROSE_WORDS or t[-1:] in ".!:;"


def contents_runs(blocks) -> list[LayoutHit]:
    """A table of contents: three or more short lines in a row, each of which comes back word for
    word further down the file, in order and with text between them (the headings the entries
    link to)."""
    keys = [_unnumbered(b.text) for b in blocks]  # a numbered list's items lose their numbers at ingest
    last = {key: i for i, key in enumerate(keys)}
    out: list[LayoutHit] = []
    run: list[int] = []
    for k, b in enumerate(blocks + [None]):
        if b is not None and title_shaped(b.text) and last[keys[k]] > k and (not run or keys[k] not in
                                                                           {keys[j] for j in run}):
            run.append(k)
            continue
        if len(run) >= 3 and _spread([last[keys[j]] for j in run]) and not _lead_in(blocks, run[0]):
            out += [LayoutHit(j, "contents", _("a table of contents of the web page")) for j in run]
        run = []
    return out


def _lead_in(blocks, first: int) -> bool:
    """The leaflet's own sentence that opens the list ("De belangrijkste oorzaken zijn:"): the list is
    its text, which the sections below explain one by one; a label of the page's contents ("In dit
    artikel lees je:") opens a table of contents all the same."""
    if first == 0:
        return False
    t = blocks[first - 1].text.strip()
    labels = residue_words().contents_labels
    return t.endswith(":") and len(t.split()) >= 4 and _bare(t) not in labels and not _contents_intro(t, labels) \
        and not _ABOUT_THE_TEXT.search(t)


# a lead-in that speaks of the text itself opens its table of contents ("In deze folder leest u meer over:",
# "Deze folder gaat over de volgende onderwerpen:")
_ABOUT_THE_TEXT = re.compile(r"\b(?:folder|brochure|pagina|artikel|tekst|hoofdstuk|hoofdstukken|onderwerpen|inhoud|"
                             r"lees|leest|lezen|vindt|vind)\b", re.I)


# the number of a section ("4", "4.2.1.", "10.") or a lettered sub-entry ("a.") before its title
_SECTION_NUMBER = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-h]\.)[ \t]+(?=[^\W\d_(])")
# a numbered table of contents starts within the first blocks of the page and has this many entries
_CONTENTS_ZONE = 20
_CONTENTS_MIN = 4


def _numbered_pieces(b) -> list[tuple[int, int]] | None:
    """The entries of a block that holds only numbered section titles ("4.1 Oorzaken", or several
    glued into one block), as (start, end) offsets; an item of a numbered list is one entry."""
    if b.kind == "list_item":
        return [(0, len(b.text))] if b.ordered and title_shaped(b.text) else None
    starts = [m.start() for m in _SECTION_NUMBER.finditer(b.text)]
    if not starts or starts[0] != 0 or not b.text[:1].isdigit():
        return None
    pieces = list(zip(starts, starts[1:] + [len(b.text)]))
    ok = all(title_shaped(b.text[s:e].rstrip(".:?"), _TITLE_WORDS) or b.text[s:e].rstrip()[-1:] == "?"
             for s, e in pieces)
    return pieces if ok and all(len(b.text[s:e].split()) <= _TITLE_WORDS + 1 for s, e in pieces) else None


def _unnumbered(text: str) -> str:
    return norm(_SECTION_NUMBER.sub("", text, count=1)).rstrip(".:? ")


def numbered_contents(blocks) -> list[LayoutHit]:
    """A table of contents of numbered section titles near the top of a brochure ("4.1 Oorzaken",
    "10. Tot slot"): four or more entries in a row with no text between them, followed at once by the
    section of the first entry (a list of steps is not followed by its first step again). The page's copy
    often stops before most sections: the entries whose section is missing point at nothing and are
    residue; an entry whose section follows stays, and so do numbered headings with text under them."""
    out: list[LayoutHit] = []
    k = 0
    while k < min(len(blocks), _CONTENTS_ZONE):
        run = []
        while k < len(blocks) and (pieces := _numbered_pieces(blocks[k])) is not None and not _has_body(blocks, k):
            run += [(k, s, e) for s, e in pieces]
            k += 1
        back = _coming_back(blocks, run, k)
        first = _unnumbered(blocks[run[0][0]].text[run[0][1]:run[0][2]]) if run else ""
        opens = k < len(blocks) and bool(first) and (_unnumbered(blocks[k].text) + " ").startswith(first + " ")
        if len(run) >= _CONTENTS_MIN and opens:
            out += [LayoutHit(j, "contents", _("an entry of a table of contents whose section is not in the text"), s, e)
                    for (j, s, e), found in zip(run, back) if not found]
        k += 1 if not run else 0
    return out


# an entry of a printed table of contents with its page number at the end, its section number before it
# ("02 Diagnose 04"); a contents label may be glued to the first one ("Inhoud01 Inleiding 04")
_PAGED_ENTRY = re.compile(r"^[ \t]*(?:(?i:inhoud(?:sopgave|stafel)?)[ \t]*)?(?P<num>\d{1,2}(?:\.\d{1,2})*\.?)?[ \t]*"
                          r"(?P<title>[^\W\d_][^\n]*?)[ \t]+(?P<page>\d{1,3})[ \t]*$")
_PAGED_MIN = 3
# a tag of the page's markup inside a copied line ("<br />", "<strong>")
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:[ \t][^<>\n]*)?/?>", re.I)


# entries run into one line ("1. Voorwoord 3 2. De knie 4 3. De operatie 7"): section number, title, page
_RUN_ENTRY = re.compile(r"[ \t]*(?:(?P<num>\d{1,2}\.)[ \t]+)?(?P<title>[^\W\d_][^\d\n]*?)[ \t]+(?P<page>\d{1,3})"
                        r"(?=[ \t]+\d{1,2}\.[ \t]|[ \t]*$)")


def _paged_entries(text: str) -> list[re.Match] | None:
    """The entries of a block whose every line is a title with a page number after it (the page's
    markup left out: "Inleiding 3<br />"), or three or more such entries run into one line."""
    found: list[re.Match] = []
    for line in (ln for ln in _TAG.sub("", text).split("\n") if ln.strip()):
        m = _PAGED_ENTRY.match(line)
        if m and title_shaped(m["title"]):
            found.append(m)
            continue
        run = list(_RUN_ENTRY.finditer(line))
        if len(run) < _PAGED_MIN or "".join(x.group(0) for x in run).strip() != line.strip() \
                or not all(title_shaped(x["title"]) for x in run) or not all(x["num"] for x in run[1:]):
            return None
        found += run
    return found or None


def paged_contents(blocks) -> list[LayoutHit]:
    """A printed table of contents: three or more entries in a row, each a title with its page number
    after it and the page numbers never going down, each with a section number before it too ("02
    Diagnose 04") or under a contents label ("Inhoud"): a list of doses ("Vitamine D 10") has neither, and
    a schedule whose every number repeats its step's ("1. Dag 1", "2. Dag 2") is none."""
    out: list[LayoutHit] = []
    run: list[tuple[int, list[re.Match]]] = []
    for k, b in enumerate(blocks + [None]):
        entries = _paged_entries(b.text) if b is not None else None
        last = int(run[-1][1][-1]["page"]) if run else 0
        if entries and int(entries[0]["page"]) >= last \
                and all(int(x["page"]) <= int(y["page"]) for x, y in zip(entries, entries[1:])):
            run.append((k, entries))
            continue
        ms = [m for _, e in run for m in e]
        labelled = bool(run) and (_contents_label(blocks, run[0][0]) or _bare(run[0][1][0].group(0)).startswith("inhoud"))
        if len(ms) >= _PAGED_MIN and (labelled or _numbered(blocks, run)) and not _steps(ms):
            out += [LayoutHit(j, "contents", _("a table-of-contents line with a page number from a printed page"))
                    for j, _e in run]
        run = [(k, entries)] if entries else []
    return out


# the heading of a printed contents list's page column after its label ("Inhoudsopgave Pagina")
_PAGE_COLUMN = re.compile(r"[ \t]+(?:pagina|pag\.?|blz\.?)$")


def _steps(ms: list[re.Match]) -> bool:
    """Each title ends in its own step's number ("1. Dag 1", the list's number gone to the list at ingest:
    the numbers count 1, 2, 3): a schedule, not page numbers."""
    pages = [int(m["page"]) for m in ms]
    return pages == list(range(1, len(ms) + 1)) or all(m["num"] and m["num"].rstrip(".") == m["page"] for m in ms)


def _numbered(blocks, run: list[tuple[int, list[re.Match]]]) -> bool:
    """Every entry has its section number (an ordered list item's first one went to the list at ingest)."""
    return all(m["num"] or (i == 0 and blocks[k].kind == "list_item" and blocks[k].ordered)
               for k, ms in run for i, m in enumerate(ms))


def _contents_label(blocks, first: int) -> bool:
    if first == 0:
        return False
    label = _PAGE_COLUMN.sub("", norm(_TAG.sub("", blocks[first - 1].text)))
    return _bare(label) in residue_words().contents_labels


def _has_body(blocks, k: int) -> bool:
    """A numbered title with text under it: a section of the leaflet, no entry of a contents list."""
    nxt = blocks[k + 1] if k + 1 < len(blocks) else None
    return nxt is not None and _numbered_pieces(nxt) is None and _prose(nxt.text)


def _coming_back(blocks, run, after: int) -> list[bool]:
    """For each entry: does its section start further down (a block that begins with its title)?"""
    if not run:
        return []  # most blocks near the top start no run: the rest of the file is not read for them
    later = [_unnumbered(b.text) + " " for b in blocks[after:]]
    titles = [_unnumbered(blocks[j].text[s:e]) for j, s, e in run]
    return [bool(t) and any(x.startswith(t + " ") for x in later) for t in titles]


# a section number alone on a line: a printed table of contents puts it beside its entry
_BARE_NUMBER = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]*$")
_RETURN_ENTRIES = 5  # entries with words before the first one comes back


def _toc_entry(text: str) -> bool:
    """An entry of a table of contents or a menu: a section number alone, or a short line that ends
    no sentence and holds none (an entry wrapped over several lines is one block)."""
    t = text.strip()
    return bool(_BARE_NUMBER.match(t)) or (title_shaped(t, _ENTRY_WORDS + 2) and not re.search(r"[.!?][ \t]+[A-Z]", t))


def contents_returning(blocks) -> list[LayoutHit]:
    """A table of contents or a site's menu whose first entry comes back as the heading of the
    text's first section, with prose under it ("Inleiding" ... "1 Inleiding" / text): the short
    lines from that entry up to its return, five entries or more with no prose between them,
    numbers on their own lines and entries wrapped over several lines included. A list of steps
    or items is not followed by its first item again."""
    out: list[LayoutHit] = []
    first: dict[str, int] = {}
    for k, b in enumerate(blocks):
        if not _toc_entry(b.text):
            first = {}
            continue
        key = _unnumbered(b.text)
        i = first.get(key)
        if i is not None and k + 1 < len(blocks) and _prose(blocks[k + 1].text) and _distinct_entries(blocks, i, k) \
                and not _lead_in(blocks, i):
            out += [LayoutHit(j, "contents", _("a table of contents of the web page")) for j in range(i, k)]
            first = {}
        elif not _BARE_NUMBER.match(b.text):
            first.setdefault(key, k)
    return out


def _distinct_entries(blocks, i: int, k: int) -> bool:
    """Five entries or more from ``i`` up to ``k``, none of them twice: the cells of a table that
    lost its lines repeat ("Max 2 embryo's" in two rows), the entries of a contents list do not."""
    keys = [_unnumbered(blocks[j].text) for j in range(i, k) if not _BARE_NUMBER.match(blocks[j].text)]
    return len(keys) >= _RETURN_ENTRIES and len(set(keys)) == len(keys)


def link_lists(blocks) -> list[LayoutHit]:
    """The short lines under a label such as "Op deze pagina" (links within the page), "Lees
    ook" (links to other articles, whose label is residue too) or "U bevindt zich hier" (a
    breadcrumb written one link a line)."""
    w = residue_words()
    out = []
    for k, b in enumerate(blocks):
        label = _bare(b.text)
        if label in w.contents_labels or _contents_intro(b.text, w.contents_labels):
            out += [LayoutHit(j, "jump-links", _("a link to a section of the web page (\"Op deze pagina\")"))
                    for j in contents_entries(blocks, k + 1)]
        elif (label in w.related_labels or _more_about(b.text)) and (menu := _menu_below(blocks, k)):
            out += [LayoutHit(j, "navigation", _("a menu item of the web site")) for j in menu]
        elif label in w.related_labels or _more_about(b.text):
            entries = contents_entries(blocks, k + 1, first_is_link=True)
            out += [LayoutHit(j, "related-links", _("a link to another article of the web site"))
                    for j in ([k] + entries if entries else [])]
        elif label in w.trail_labels and k + 1 < len(blocks) and blocks[k + 1].kind == "list_item":
            # the links in a list right under it (a title under a bare label stays)
            out += [LayoutHit(j, "breadcrumb", _("a breadcrumb trail from a web page"))
                    for j in [k, *contents_entries(blocks, k + 1)]]
        elif label in w.document_labels:
            out += [LayoutHit(j, "related-documents", _("the title of another document on the sharing site"))
                    for j in document_titles(blocks, k + 1)]
    return out + contents_without_label(blocks)


def _more_about(text: str) -> bool:
    """A label "Meer over <subject>:" above links to other pages on that subject ("Meer over
    bevallen:"); with its colon and at most four words after "Meer over"."""
    t = norm(text)
    return t.startswith("meer over ") and t.endswith(":") and len(t.split()) <= 6


def _menu_item(text: str) -> bool:
    bare = _bare(text)
    return bare in residue_words().navigation or bare in shape_words().interface or control_line(text)


def _menu_below(blocks, k: int) -> list[int]:
    """When the line under a label such as "Nuttige links" is an item of the site's menu ("Login",
    "Contact"), the label is one more item of that menu and no list of articles heads the lines
    below: the label and the menu items right under it."""
    j = k + 1
    while j < len(blocks) and _menu_item(blocks[j].text):
        j += 1
    return list(range(k, j)) if j > k + 1 else []


_ENTRY_WORDS = 14  # an entry of a table of contents: a title or a question


def contents_without_label(blocks) -> list[LayoutHit]:
    """A list above the page's first prose whose entries come back further down as the text's own
    headings ("- Hoe ontstaat een meerling?" ... "Hoe ontstaat een meerling?"): the page's table of
    contents without a label. Two entries or more must come back; then every entry is a link."""
    out, k = [], 0
    while k < min(len(blocks), _CONTENTS_ZONE, len(_top(blocks)) + 1):
        j = k
        while j < len(blocks) and blocks[j].kind == "list_item" and _entry_shaped(blocks[j].text):
            j += 1
        if j - k >= _CONTENTS_MIN:
            later = {_unnumbered(b.text) for b in blocks[j:] if b.kind != "list_item"}
            if sum(_unnumbered(blocks[i].text) in later for i in range(k, j)) >= 2:
                out += [LayoutHit(i, "jump-links", _("a link to a section of the web page (\"Op deze pagina\")"))
                        for i in range(k, j)]
        k = max(j, k + 1)
    return out


def _entry_shaped(text: str) -> bool:
    t = text.strip()
    return 0 < len(t.split()) <= _ENTRY_WORDS and not t.endswith((".", ";", ",", ":"))


_DOCUMENT_TITLE_WORDS = 30  # a document's title on a sharing site, with its publisher and a line of its text


def document_titles(blocks, first: int) -> list[int]:
    """The titles under "Vergelijkbare documenten": every block up to ``_DOCUMENT_TITLE_WORDS`` words, repeats
    and a sentence of the other document's text included, until a longer block."""
    out = []
    for j in range(first, len(blocks)):
        if len(blocks[j].text.split()) > _DOCUMENT_TITLE_WORDS:
            break
        out.append(j)
    return out


def _contents_intro(text: str, labels: frozenset[str]) -> bool:
    """A longer label of the page's contents, ending in a colon: "Op deze pagina vind je informatie
    over:", "Lees in dit artikel meer over:" (a label of three words or more inside it)."""
    t = norm(text)
    return t.endswith(":") and len(t.split()) <= 12 and any(len(x.split()) >= 3 and x in t for x in labels)


def contents_entries(blocks, first: int, first_is_link: bool = False) -> list[int]:
    """The entries of a table of contents that starts at ``first`` (under its label): list items
    of up to twelve words (a question is long), or else short heading-like lines; it ends where the
    kind changes, where an entry comes back (the first section starts) or at a line with prose under
    it. Under "Lees ook" the first line is a link even with prose under it: no article puts its own
    heading there."""
    items = first < len(blocks) and blocks[first].kind == "list_item"
    seen: set[str] = set()
    out = []
    for j in range(first, len(blocks)):
        b = blocks[j]
        key = norm(b.text)
        # a question in a list of questions is long ("Welke onderzoeken kan ik verwachten als ...?")
        words = (_ENTRY_WORDS + 2 if b.text.rstrip().endswith("?") else 12) if items else 10
        if (b.kind == "list_item") != items or key in seen or not title_shaped(b.text, words):
            break
        if not items and j + 1 < len(blocks) and _prose(blocks[j + 1].text):
            if first_is_link and j == first:
                out.append(j)
            break
        seen.add(key)
        out.append(j)
    return out


def _spread(targets: list[int]) -> bool:
    """The entries come back in order with text between them: headings of sections, not a
    passage written twice (that is structure.duplicate-section's)."""
    return all(b - a >= 2 for a, b in zip(targets, targets[1:]))


def _bare(text: str) -> str:
    """The words of a label, without an icon before it or punctuation after it ("📑 In dit artikel:")."""
    return re.sub(r"^[^\w(]+", "", norm(text)).rstrip("?!:. ")


def navigation(blocks) -> list[LayoutHit]:
    """A menu item of the web site alone on a line with nothing under it (the next block is
    another heading or menu item, or there is none), or a row of menu items split by | · • /."""
    nav = residue_words().navigation
    out = []
    for k, b in enumerate(blocks):
        items = [_bare(x) for x in _MENU_SPLIT.split(b.text)]
        if _menu_row(items, nav):
            out.append(LayoutHit(k, "navigation", _("a menu item of the web site")))
            continue  # a row of menu items ("Contact | Over ons | Privacy")
        if _bare(b.text) not in nav:
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        # a label with data under it ("Openingstijden" / "Maandag t/m vrijdag 8.00-16.30") is content
        if nxt is None or (nxt.kind == "heading" and not any(c.isdigit() for c in nxt.text)) or _bare(nxt.text) in nav:
            out.append(LayoutHit(k, "navigation", _("a menu item of the web site")))
    return out


def _menu_row(items: list[str], nav: frozenset[str]) -> bool:
    """Menu items split by | · • /: all of them known, or in a row of four or more all short and all but
    one known ("Contact | Nieuws | Nieuwsbrief | Geavanceerd zoeken")."""
    known = sum(i in nav for i in items)
    return len(items) > 1 and (known == len(items) or (
        len(items) >= 4 and known >= len(items) - 1 and all(len(i.split()) <= 3 for i in items)))


def _top(blocks) -> list[int]:
    """The blocks above the first prose: the page's masthead, menu and title."""
    out = []
    for k, b in enumerate(blocks):
        if _prose(b.text):
            break
        out.append(k)
    return out


# the first words of a title's second line ("Hoge bloeddruk" / "bij zwangerschap"): a site's name in
# small letters opens with none of them
_TITLE_CONTINUATIONS = frozenset("bij van voor na in met tijdens over op tot zonder door om en of de het een".split())


def masthead(blocks, is_word) -> list[LayoutHit]:
    """The site's name above the title: in the lines above the first prose, a line with another
    heading-like line under it that is an acronym no dictionary knows ("DOQ") or written all in
    small letters ("verloskundigen praktijk noord"), not the second line of a title ("bij zwangerschap")."""
    top = _top(blocks)[:_MASTHEAD_LINES]
    out = []
    for k in top[:-1]:
        t = blocks[k].text.strip()
        if blocks[k].kind == "list_item":
            continue
        words = _WORDS.findall(t)
        acronym = len(words) == 1 and t.isupper() and 2 <= len(t) <= 6 and t.isalpha() and not is_word(t.lower())
        small = len(words) >= 2 and t == t.lower() and title_shaped(t) and t[-1:] != "?" \
            and not any(c.isdigit() for c in t) and words[0] not in _TITLE_CONTINUATIONS
        if acronym or small:
            out.append(LayoutHit(k, "site-name", _("the name of the web site")))
    return out


def _name_parts(text: str) -> tuple[bool, list[str]] | None:
    """(starts with a role, the capitalised words) of a line that is only a name, or None."""
    tokens = text.split()
    roles = residue_words().person_roles
    role = bool(tokens) and tokens[0].lower() in roles
    names = tokens[1:] if role else tokens
    if not 2 <= len(names) <= 5 or names[0].lower() in _NAME_PARTICLES:
        return None
    if not all(_NAME_TOKEN.match(w) or w in _NAME_PARTICLES for w in names):
        return None
    caps = [w for w in names if _NAME_TOKEN.match(w) and not w.endswith(".")]
    return (role, caps) if len(caps) >= 2 else None


def name_lines(blocks, is_word) -> list[LayoutHit]:
    """A line that is only a person's name (after a role such as "promovenda"), named elsewhere on
    the page too: an author line or the caption of a portrait. A first name that is a Dutch word
    needs the role ("Linde Bos" could be a place)."""
    out = []
    for k, b in enumerate(blocks):
        parts = _name_parts(b.text.strip())
        if parts is None:
            continue
        role, caps = parts
        if not role and is_word(caps[0].lower()):
            continue
        surname = caps[-1]
        pattern = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
        if any(pattern.search(o.text) for j, o in enumerate(blocks) if j != k):
            out.append(LayoutHit(k, "person-name", _("the name of an author or a caption of a portrait")))
    return out


_OPEN_QUOTES = "“\"„«‘'"
_CLOSE_QUOTES = "”\"»’'"
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
# a sentence this long repeated word for word is a quote of the text, not a chance
_QUOTE_WORDS = 4
# the speaker after a quote's closing mark: a dash maybe, a name and a trade, no sentence ("- Anna Bos, huisarts")
_ATTRIBUTION = re.compile(r"(?<=[”\"’'])[ \t]*[-–—]?[ \t]*(?:(?:[Dd]r|[Pp]rof|[Dd]rs|[Mm]r)\.[ \t]*)?[A-ZÀ-Þ][\w'’-]+"
                          r"(?:[ \t]+(?:van|de|der|den|ter|ten|[A-ZÀ-Þ][\w'’-]+)){0,4}(?:[ \t]*,[ \t]*[^.!?:;\n”\"“]{1,50})?[ \t]*$")


def pull_quotes(blocks) -> list[LayoutHit]:
    """A pull quote: a paragraph in quotation marks that repeats a sentence of the text around it
    (a magazine's way to catch the eye; in a leaflet the words stand twice), also with the speaker's name
    and trade after it ("... aankomt." Anna Bos, huisarts)."""
    out = []
    for k, b in enumerate(blocks):
        t = _ATTRIBUTION.sub("", b.text.strip())
        if len(t) < 2 or t[0] not in _OPEN_QUOTES or t.rstrip(".!? ")[-1:] not in _CLOSE_QUOTES:
            continue
        inner = t.strip(_OPEN_QUOTES + _CLOSE_QUOTES + " ")
        sentences = [x.strip(" .!?" + _CLOSE_QUOTES) for x in _SENTENCE.findall(inner)]
        sentences = [x for x in sentences if len(x.split()) >= _QUOTE_WORDS]
        others = [o.text for j, o in enumerate(blocks) if j != k]
        if any(x in o for x in sentences for o in others):
            out.append(LayoutHit(k, "pull-quote", _("a quote that repeats a sentence of the text (pull quote)")))
    return out


_HOME = frozenset({"home", "homepage", "startpagina", "hoofdpagina"})


def numbered_trail(blocks) -> list[LayoutHit]:
    """A breadcrumb copied as a numbered list: "1. Home", "2. Behandeling & onderzoek", "3. <the page's
    title>", short items in a row after the site's home."""
    out: list[LayoutHit] = []
    for k, b in enumerate(blocks):
        if b.kind != "list_item" or not b.ordered or _bare(b.text) not in _HOME:
            continue
        j = k + 1
        while j < len(blocks) and blocks[j].kind == "list_item" and blocks[j].ordered and title_shaped(blocks[j].text, 8):
            j += 1
        if j - k >= 2:
            out += [LayoutHit(i, "breadcrumb", _("a breadcrumb trail from a web page")) for i in range(k, j)]
    return out


def find(blocks, is_word) -> list[LayoutHit]:
    hits = contents_runs(blocks) + numbered_contents(blocks) + paged_contents(blocks) + contents_returning(blocks) + navigation(blocks) + masthead(blocks, is_word) + name_lines(blocks, is_word)
    hits += pull_quotes(blocks) + numbered_trail(blocks)
    hits += [LayoutHit(k, "image-text", _("image alternative text or a logo caption")) for k in captions(blocks)]
    return hits


def captions(blocks) -> list[int]:
    """Image text written like a headline ("Bezorgde vrouw belt met de huisarts"), also opening
    with "een" ("Een vrouw heeft een gesprek met de arts") when no running text follows it: such a
    line over a paragraph may be a statement heading the leaflet's own section."""
    def bare(k: int) -> bool:  # nothing of the leaflet's follows: no prose, no list of its own
        return blocks[k].kind != "list_item" and (
            k + 1 == len(blocks) or not (_prose(blocks[k + 1].text) or blocks[k + 1].kind == "list_item"))
    return [k for k, b in enumerate(blocks) if caption(b.text) or (caption(b.text, article=True) and bare(k))]
