"""Catalog-driven fact extraction: quantities in sentences -> facts, by cues in their surroundings.

For every sentence that states a quantity, each fact kind of the catalog whose unit fits is
tried: all its ``require`` cues must match within their scope and no ``exclude`` cue may. The
kind with the highest score wins (cues found in a narrow scope score more), ties go to the kind
listed first. Questions are never read as claims. The scopes are described in
topics/<topic>/catalog.yaml and docs/facts.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from pipeline import literals
from pipeline.facts.catalog import SCOPE_WEIGHT, Catalog, Cue, FactKind, Qualifier
from pipeline.facts.model import Fact
from pipeline.facts.quantity import Quantity, convert, convertible, parse_quantities
from pipeline.ingest.document import Block, Document
from pipeline.text import split_sentences

# a dash between two numbers is a range ("1.300 – 1.500"), not a clause break
_CLAUSE_SPLIT = re.compile(r",\s+|;\s*|(?<!\d)\s+[–—]\s+|\s+[–—]\s+(?!\d)")
_WINDOW = 60  # characters of a before/after window

# narrowest first; the weight of a cue is that of the narrowest scope it matches in
_SEARCH_ORDER = {
    "before": ("before",),
    "after": ("after",),
    "near": ("before", "after"),
    "span": ("span",),
    "clause": ("clause",),
    "sentence": ("clause", "sentence"),
    "topic": ("clause", "sentence", "topic"),
    "context": ("clause", "sentence", "topic", "context"),
}


@dataclass
class _Sentence:
    block: Block
    start: int  # offset of the sentence in the block text
    text: str
    scopes: dict[str, str]  # sentence, topic, context, document, next (and later, once read)
    distant: bool = False  # the sentence before it, in its scope, stands before the list it is in
    catalog: Catalog | None = None  # to read the next sentence when a qualifier asks for it
    found: _Found = field(default_factory=lambda: _Found())  # what the leaflet's patterns found

    def later(self) -> str:
        """The next sentence when it refers back and states no number of its own ("Daarbij zijn
        ook ... meegeteld."); "" otherwise. Read only when a qualifier asks for it."""
        if "later" not in self.scopes:
            nxt, cat = self.scopes.get("next", ""), self.catalog
            refers = bool(nxt) and cat is not None and cat.anaphora is not None and cat.anaphora.search(nxt)
            self.scopes["later"] = nxt if refers and not parse_quantities(nxt, cat.units) else ""
        return self.scopes["later"]


@dataclass
class _Slot:
    """One quantity in its sentence, with the texts its cues are matched against."""

    q: Quantity
    clause: str
    clause_start: int
    before: str
    after: str
    lead: str = ""  # the sentence from the previous quantity (or its start) up to this one
    tail: str = ""  # the sentence after this quantity up to the next one (or its end)

    @cached_property
    def span(self) -> str:
        return self.lead + " " + self.tail


@dataclass(frozen=True)
class _Leaflet:
    """What every sentence of one leaflet is read against."""

    title: str  # the leaflet's first heading says what the whole leaflet is about
    subject: str  # the title lines the page opens with, before its first paragraph of prose
    document: str  # a leaflet about one regimen names it once
    rows: dict[tuple[int, int], dict[int, str]]  # (table, row) -> column -> cell text
    text_kinds: list[FactKind]
    number_kinds: list[FactKind]
    found: _Found


class _Cell(NamedTuple):
    """A table cell's surroundings: it reads as "row header: cell", under its column header."""

    row_head: str = ""
    col_head: str = ""
    row_text: str = ""


class _Window(NamedTuple):
    """A quantity that states a qualifier ("binnen 2 weken"): the qualifier and its value."""

    qualifier: str
    value: float


class _SentenceScope(NamedTuple):
    """The text a sentence's cues are matched in, and the windows its anaphora refers back to."""

    text: str
    prev_windows: list[_Window]


def extract_document(doc: Document, catalog: Catalog) -> list[Fact]:
    """All facts of ``doc`` in document order, without sidecar pins applied."""
    leaflet = _Leaflet(
        title=_title(doc),
        subject=_subject(doc),
        document="\n".join(b.text for b in doc.blocks),
        rows=_table_rows(doc),
        text_kinds=[k for k in catalog.kinds if k.is_text and k.pattern is not None],
        number_kinds=[k for k in catalog.kinds if not k.is_text],
        found=_Found(),
    )
    facts: list[Fact] = []
    prev_block: Block | None = None
    last_prose: Block | None = None
    question = ""  # a question paragraph ("Hoe lang mag ik bloeden?") heads the answer after it
    last_sentence: dict[int, str] = {}  # id(block) -> its last sentence
    flat_head = ""  # the label line of a table flattened to lines of numbers
    for block in doc.blocks:
        lead = _lead(block, prev_block, last_prose, last_sentence)
        sentences = split_sentences(block.text)
        last_sentence[id(block)] = _nth(block, sentences, len(sentences) - 1)
        flat_head = _flat_row_head(block, prev_block, flat_head, catalog.units,
                                   last_sentence.get(id(prev_block), "") if prev_block is not None else "")
        cell = _Cell(row_head=flat_head) if flat_head else _cell(block, leaflet.rows)
        facts.extend(_block_facts(doc, block, sentences, lead, question, cell, leaflet, catalog))
        prev_block = block
        if block.kind != "list_item":
            last_prose = block
        question = _question_after(block, sentences, question)
    return facts


_TITLE_WORDS = 16  # a text file's first line stands for its title when it is this short, without a stop


def _title(doc: Document) -> str:
    """The leaflet's title: its first heading among the first blocks, or the first line of a page
    saved as text when it reads as a title (short, without closing punctuation, text after it):
    "Zo'n 30.000 vrouwen per jaar krijgen een miskraam" says what the whole page is about."""
    heading = next((b.text for b in doc.blocks[:3] if b.kind == "heading"), "")
    if heading or len(doc.blocks) < 2:
        return heading
    first = doc.blocks[0].text.strip()
    if doc.blocks[0].kind == "paragraph" and "\n" not in first and len(first.split()) <= _TITLE_WORDS \
            and first[-1:] not in ".!?:;,":
        return first
    return ""


_SUBJECT_WORDS = 12  # a title line is short
_SUBJECT_LINES = 3


def _subject(doc: Document) -> str:
    """What the page is about, as its opening title lines say: the headings and short lines without
    closing punctuation before its first paragraph of prose ("Parvovirus in de zwangerschap")."""
    lines = []
    for b in doc.blocks[:_SUBJECT_LINES]:
        text = b.text.strip()
        if b.kind != "heading" and (len(text.split()) > _SUBJECT_WORDS or text[-1:] in ".!?:;,"):
            break
        lines.append(text)
    return "\n".join(lines)


def _block_facts(doc: Document, block: Block, sentences: list[tuple[int, int]], lead: str, question: str,
                 cell: _Cell, leaflet: _Leaflet, catalog: Catalog) -> list[Fact]:
    """The facts of one block's sentences; ``lead`` is what its first sentence continues, ``cell``
    the table row and column it stands in."""
    facts: list[Fact] = []
    asked = question  # a question heads the sentences after it, also within one paragraph
    for si, (s, e) in enumerate(sentences):
        stext = block.text[s:e]
        facts.extend(_pattern_facts(doc, block, s, stext, leaflet.text_kinds))
        nxt = _nth(block, sentences, si + 1)
        if _is_question(stext, nxt, catalog):
            # "Ik zag een kloppend hartje. Kan het dan nog misgaan?": the sentence before a
            # question in the same paragraph says what it is about
            asked = (_nth(block, sentences, si - 1) + "\n" if si > 0 else "") + stext
            continue
        qs = parse_quantities(stext, catalog.units)
        if not qs:
            continue
        prev = _referred(block, sentences, si - 1, catalog) if si > 0 else lead
        head = cell.row_head or (_lead_in(block, lead, catalog.units) if si == 0 else "")
        scope = _sentence_scope(stext, prev, nxt, head, catalog)
        heading = block.section if block.kind != "heading" else ""
        topic = "\n".join(x for x in (heading, asked, cell.col_head) if x)
        context = "\n".join(x for x in (block.text, lead, leaflet.title, cell.row_text) if x)
        sent = _Sentence(block, s, stext, {"sentence": scope.text, "topic": topic, "context": context,
                                           "document": leaflet.document, "next": nxt, "page": leaflet.subject},
                         distant=si == 0 and block.kind == "list_item" and not head, catalog=catalog,
                         found=leaflet.found)
        facts.extend(_facts_in_sentence(doc, sent, qs, leaflet.number_kinds, catalog, scope.prev_windows))
    return facts


def _lead_in(block: Block, lead: str, units: tuple = ()) -> str:
    """A list item completes the lead-in before the list ("De kans op een miskraam is:" / "- bij
    vrouwen onder de 35 jaar 1 op 10"): its cues count as the item's own sentence. An item that is
    a row of a table, a label and its value ("- 35 jaar: 20%"), cannot stand alone: it completes the
    sentence before the list, colon or not ("Hieronder de kans op een miskraam per leeftijd")."""
    lead = lead.rstrip()
    if block.kind != "list_item" or not lead:
        return ""
    if lead.endswith(":") or (_LABEL_VALUE.search(block.text) and _flat_row(block.text, units)):
        return lead.rstrip(":")
    return ""


# a row's label and its value, apart: "35 jaar: 20%", "35 jaar | 20%", "35 jaar – 20%"
_LABEL_VALUE = re.compile(r"\d[^:\t|]*(?:[:\t|]|\s[–—]\s)\s*\S")


_CHAIN = 3  # sentences a chain of back references may span


def _referred(block: Block, sentences: list[tuple[int, int]], k: int, catalog: Catalog) -> str:
    """The ``k``-th sentence with the sentences it refers back to: in "De kans op een miskraam
    stijgt met de leeftijd. Onder de 35 jaar is de kans 15%. Tussen 35 en 40 jaar is de kans 20%."
    the third sentence's "de kans" reaches the first through the second."""
    out = [_nth(block, sentences, k)]
    while k > 0 and len(out) < _CHAIN and catalog.anaphora is not None and catalog.anaphora.search(out[-1]):
        k -= 1
        out.append(_nth(block, sentences, k))
    return "\n".join(out)


def _nth(block: Block, sentences: list[tuple[int, int]], k: int) -> str:
    """The text of the ``k``-th sentence of ``block``; "" when there is none."""
    if 0 <= k < len(sentences):
        return block.text[sentences[k][0] : sentences[k][1]]
    return ""


def _table_rows(doc: Document) -> dict[tuple[int, int], dict[int, str]]:
    """(table, row) -> column -> text of every table cell of ``doc``."""
    rows: dict[tuple[int, int], dict[int, str]] = {}
    for b in doc.blocks:
        if b.kind == "table_cell" and b.cell is not None:
            rows.setdefault(b.cell[:2], {})[b.cell[2]] = b.text
    return rows


def _cell(block: Block, rows: dict[tuple[int, int], dict[int, str]]) -> _Cell:
    """The row header, column header and whole row of a table cell (empty for other blocks and for
    the header column itself): "Afwachten | ± 75 %" reads as "Afwachten: ± 75 %"."""
    if block.kind != "table_cell" or block.cell is None or block.cell[2] <= 0:
        return _Cell()
    t, r, c = block.cell
    row = rows.get((t, r), {})
    col_head = rows.get((t, 0), {}).get(c, "") if r > 0 else ""
    return _Cell(row.get(0, ""), col_head, "\n".join(row[k] for k in sorted(row)))


_ROW_WORD = re.compile(r"[^\W\d_]{2,}")
_FLAT_ROW_CHARS = 80  # a row of a flattened table is a short line
_FLAT_ROW_WORDS = 3  # words besides its numbers and units
_LABEL_LINE_WORDS = 10  # the label line above the rows


def _flat_row_head(block: Block, prev: Block | None, head: str, units: tuple = (), prev_last: str = "") -> str:
    """A table flattened to lines of text ("Leeftijd  Kans op een miskraam" / "35 jaar  20%" / "40 jaar
    40%"): a short line of two or more numbers and hardly any words is a row, read under the label
    line the rows follow: a heading, a short line without closing punctuation, or the last sentence
    (``prev_last``) of a paragraph that leads into the rows (it ends in a colon, or without any
    closing punctuation). ``head`` is the label line of the block before when that was such a row;
    "" when ``block`` is no row."""
    if block.kind not in ("paragraph", "list_item") or not _flat_row(block.text, units):
        return ""
    if head:
        return head
    if prev is None or _flat_row(prev.text, units):  # a row is no label line of the rows after it
        return ""
    text = prev.text.rstrip()
    if prev.kind == "heading" or (len(text.split()) <= _LABEL_LINE_WORDS and text[-1:] not in ".!?;,"):
        return text.rstrip(":")
    if text[-1:] not in ".!?;," and prev_last:
        return prev_last.rstrip().rstrip(":")
    return ""


def _flat_row(text: str, units: tuple = ()) -> bool:
    """Two or more quantities with at most a few other words, and no sentence punctuation."""
    text = text.strip()
    if not text or len(text) > _FLAT_ROW_CHARS or text[-1] in ".!?:;":
        return False
    qs = parse_quantities(text, units)
    if len(qs) < 2:
        return False
    rest = "".join(ch if not any(q.start <= i < q.end for q in qs) else " " for i, ch in enumerate(text))
    return len(_ROW_WORD.findall(rest)) <= _FLAT_ROW_WORDS


def _pattern_facts(doc: Document, block: Block, s: int, stext: str, kinds: list[FactKind]) -> list[Fact]:
    """Facts of the text kinds (a pattern, no number) in the sentence ``stext`` at offset ``s``."""
    facts = []
    for kind in kinds:
        for m in kind.pattern.finditer(stext):
            value = m.group().strip()
            a, b = m.start(), m.end()
            if value.startswith("(") and ")" not in value:
                value, a = value[1:].lstrip(), a + 1 + (len(value) - 1 - len(value[1:].lstrip()))
            f = _fact(doc, block, s, a, b, kind, stext, text=value)
            f.evidence = {"cues": [{"text": value, "scope": "pattern"}]}
            facts.append(f)
    return facts


def _is_question(stext: str, nxt: str, catalog: Catalog) -> bool:
    """A question states no claim, unless the next sentence makes it a condition ("Koorts? Bel.")
    or it is rhetorical ("Wist je dat één op de zeven zwangerschappen ... eindigt?")."""
    if not stext.rstrip().endswith("?"):
        return False
    condition = bool(nxt) and catalog.condition_next is not None and catalog.condition_next.search(nxt)
    claim = catalog.claim_question is not None and catalog.claim_question.search(stext)
    return not (condition or claim)


def _sentence_scope(stext: str, prev: str, nxt: str, row_head: str, catalog: Catalog) -> _SentenceScope:
    """The sentence as its cues see it: with its row header, and with the sentence before (or after)
    when a word refers to it."""
    text = f"{row_head}: {stext}" if row_head else stext
    prev_windows: list[_Window] = []
    if catalog.anaphora is not None and prev and catalog.anaphora.search(stext):
        text = stext + "\n" + prev
        # "Wacht je af, dan komt de miskraam binnen 2 weken. Dat gebeurt bij 7 van de 10."
        pq = parse_quantities(prev, catalog.units)
        prev_windows = list(_windows(_slots(prev, pq), catalog).values()) if pq else []
    # a following sentence with a quantity of its own is its own claim
    if nxt and catalog.anaphora_next is not None and catalog.anaphora_next.search(nxt) \
            and not parse_quantities(nxt, catalog.units):
        text += "\n" + nxt
    return _SentenceScope(text, prev_windows)


def _question_after(block: Block, sentences: list[tuple[int, int]], question: str) -> str:
    """The question that heads the blocks after ``block``: a short question paragraph starts one, a
    heading or other prose ends it, list items keep it."""
    if block.kind == "heading":
        return ""
    if block.kind == "paragraph" and len(sentences) <= 3 and block.text.rstrip().endswith("?"):
        return block.text
    return question if block.kind == "list_item" else ""


def _lead(block: Block, prev: Block | None, last_prose: Block | None, last_sentence: dict[int, str]) -> str:
    """The sentence a block's first sentence continues: a heading or question before it, or the
    lead-in of a list ("Bel direct bij:")."""
    src = None
    if block.kind == "list_item":
        src = last_prose
    elif prev is not None and (prev.kind == "heading" or prev.text.rstrip().endswith(("?", ":"))):
        src = prev
    return "" if src is None else last_sentence.get(id(src), "")


def _clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]


def _slots(text: str, qs: list[Quantity]) -> list[_Slot]:
    clauses = _clauses(text)
    slots = []
    for i, q in enumerate(qs):
        cs, ce = next(((a, b) for a, b in clauses if a <= q.core_start < b), (0, len(text)))
        lo = max(cs, qs[i - 1].end if i > 0 and qs[i - 1].end <= q.start else cs, q.core_start - _WINDOW)
        hi = min(ce, qs[i + 1].start if i + 1 < len(qs) and qs[i + 1].start >= q.end else ce, q.end + _WINDOW)
        # the span of a number reaches to the measured numbers around it; a plain count ("na twee
        # miskramen") belongs to the span it stands in, and an age before it to its span ("onder de
        # 35 jaar is het risico 1 op 9")
        measured = [p for p in qs if p.unit not in ("count", "")]
        lead_from = max((p.end for p in measured if p.end <= q.start and p is not q and p.unit != "years"), default=0)
        tail_to = min((p.start for p in measured if p.start >= q.end and p is not q), default=len(text))
        slots.append(_Slot(q, text[cs:ce], cs, text[lo : q.core_start], text[q.end : max(hi, q.end)],
                           text[lead_from : q.core_start], text[q.end : tail_to]))
    return slots


@dataclass
class _Candidate:
    """A fact kind that fits a quantity, with the cues that matched (text, scope, weak)."""

    kind: FactKind
    score: float
    cues: list[tuple[str, str, bool]]


_SLOT_SCOPES = frozenset(("before", "after", "clause", "span"))  # the texts a _Slot holds


class _Found(dict):
    """What each pattern finds in each text, for one leaflet: a cue is asked about the same text
    again and again (a one-clause sentence is its clause, a paragraph is the context of each of
    its sentences, the clause of one quantity is that of the next). A pattern is searched only
    when the text holds one of the strings it cannot match without (``literals``)."""

    def __init__(self):
        super().__init__()
        self.needs: dict[int, literals.Needs] = {}  # id(pattern) -> what it needs
        self.folded: dict[str, str] = {}  # text -> the text folded as the engine compares it

    def search(self, rx: re.Pattern, text: str) -> str | None:
        """The text of ``rx``'s first match in ``text``, or None."""
        key = (id(rx), text)
        try:
            return self[key]
        except KeyError:
            pass
        needs = self.needs.get(id(rx))
        if needs is None:
            needs = self.needs[id(rx)] = literals.needs(rx)
        if needs:
            folded = self.folded.get(text)
            if folded is None:
                folded = self.folded[text] = literals.fold(text)
            if not literals.may_match(needs, folded):
                self[key] = None
                return None
        m = rx.search(text)
        hit = self[key] = None if m is None else m.group()
        return hit


class _Matcher:
    """Cue matching for one sentence, with what the leaflet's patterns found so far."""

    def __init__(self, sent: _Sentence, found: _Found):
        self.sent = sent
        self.found = found

    def search(self, cue: Cue, slot: _Slot, scope: str) -> str | None:
        """The text the cue matches in ``scope``, or None."""
        text = getattr(slot, scope) if scope in _SLOT_SCOPES else self.sent.scopes[scope]
        return self.found.search(cue.rx, text)

    def score(self, cue: Cue, slot: _Slot) -> tuple[float, str, str] | None:
        for scope in _SEARCH_ORDER[cue.scope]:
            hit = self.search(cue, slot, scope)
            if hit is not None:
                return SCOPE_WEIGHT[scope], scope, hit
        return None

    def candidate(self, kind: FactKind, slot: _Slot) -> _Candidate | None:
        total = kind.priority
        cues: list[tuple[str, str, bool]] = []
        for group in kind.require:
            best = None
            for cue in group:
                s = self.score(cue, slot)
                # a strong cue wins over a weak one in a wider scope
                if s is not None and (best is None or (best[1].weak, -best[0][0]) > (cue.weak, -s[0])):
                    best = (s, cue)
            if best is None:
                return None
            (weight, scope, text), cue = best
            total += weight
            cues.append((" ".join(text.split())[:60], scope, cue.weak))
        for cue in kind.exclude:
            if self.score(cue, slot) is not None:
                return None
        return _Candidate(kind, total, cues)


def _windows(slots: list[_Slot], catalog: Catalog) -> dict[int, _Window]:
    """Slot index -> the qualifier a quantity states ("binnen 2 weken")."""
    windows: dict[int, _Window] = {}
    for i, slot in enumerate(slots):
        for qual in catalog.qualifiers.values():
            if qual.unit and qual.before is not None and convertible(slot.q.unit, qual.unit):
                if qual.before.search(slot.before):
                    windows[i] = _Window(qual.name, convert(slot.q.hi, slot.q.unit, qual.unit))
                    break
    return windows


def _facts_in_sentence(doc: Document, sent: _Sentence, qs: list[Quantity], kinds: list[FactKind],
                       catalog: Catalog, prev_windows: list[_Window] = ()) -> list[Fact]:
    slots = _slots(sent.text, qs)
    matcher = _Matcher(sent, sent.found)
    windows = _windows(slots, catalog)
    chosen: dict[int, _Choice] = {}
    for i, slot in enumerate(slots):
        if i in windows:
            continue
        choice = _best(kinds, slot, matcher, catalog)
        if choice is not None:
            chosen[i] = choice
    used_windows: set[int] = set()
    facts = []
    for i, choice in sorted(chosen.items()):
        kind = choice.kind
        quals = _qualifiers(kind, slots[i], sent, catalog)
        for qname in kind.qualifiers:
            if qname in quals:
                continue
            near = sorted((slots[j].clause_start != slots[i].clause_start, abs(j - i), j)
                          for j, w in windows.items() if w.qualifier == qname)
            if near:
                j = near[0][2]
                quals[qname] = _tidy(windows[j].value)
                used_windows.add(j)
            else:
                stated = [w.value for w in prev_windows if w.qualifier == qname]
                if len(stated) == 1:
                    quals[qname] = _tidy(stated[0])
        facts.append(_number_fact(doc, sent, slots[i].q, choice, quals, catalog))
        for qname, value in _also(kind, slots[i], catalog, quals):
            facts.append(_number_fact(doc, sent, slots[i].q, choice, {**quals, qname: value}, catalog))
    for j in sorted(set(windows) - used_windows):
        choice = _best(kinds, slots[j], matcher, catalog)
        if choice is not None:
            facts.append(_number_fact(doc, sent, slots[j].q, choice,
                                      _qualifiers(choice.kind, slots[j], sent, catalog), catalog))
    facts.sort(key=lambda f: (f.line, f.column))
    return _bound_then_estimate(facts)


# between a lower bound and a higher estimate of the same fact: "ten minste één op de tien, maar
# waarschijnlijk zelfs vaker, we denken ongeveer 15%"
_HEDGED_ESTIMATE = re.compile(r"\b(maar|of|en)\b[^.;]*\b(waarschijnlijk|vermoedelijk|misschien|mogelijk|eerder|"
                              r"zelfs|denken|schatten|schat|vermoeden)\b", re.I)


def _bound_then_estimate(facts: list[Fact]) -> list[Fact]:
    """A lower bound and a hedged higher estimate of one fact in one sentence are one range ("at
    least one in ten, but probably about 15 %": 10-15 %), not two values that disagree."""
    out: list[Fact] = []
    for f in facts:
        prev = out[-1] if out else None
        if prev is not None and _estimate_after(prev, f):
            out[-1] = replace(prev, max=f.max, approx=f.approx, end_line=f.end_line, end_column=f.end_column,
                              evidence={**(prev.evidence or {}), "range": "bound and estimate"})
            continue
        out.append(f)
    return out


def _estimate_after(bound: Fact, f: Fact) -> bool:
    if (f.key, f.qualifiers, f.quote) != (bound.key, bound.qualifiers, bound.quote) or bound.max is not None \
            or bound.min is None or f.min is None or f.min < bound.min:
        return False
    start = bound.quote.find(bound.stated)
    end = bound.quote.find(f.stated, start + len(bound.stated))
    return start >= 0 and end >= 0 and _HEDGED_ESTIMATE.search(bound.quote, start + len(bound.stated), end) is not None


@dataclass
class _Choice:
    """The kind chosen for a quantity, how sure the extractor is, and why."""

    kind: FactKind
    confidence: float
    evidence: dict


def _best(kinds: list[FactKind], slot: _Slot, matcher: _Matcher, catalog: Catalog) -> _Choice | None:
    if any(matcher.score(cue, slot) is not None for cue in catalog.not_a_value):
        return None  # a relative change or a hypothesis, no value of any fact
    cands: list[_Candidate] = []
    for kind in kinds:
        if not convertible(slot.q.unit, kind.unit):
            continue
        if kind.plausible is not None:
            lo, hi = convert(slot.q.lo, slot.q.unit, kind.unit), convert(slot.q.hi, slot.q.unit, kind.unit)
            if lo < kind.plausible[0] or hi > kind.plausible[1]:
                continue
        c = matcher.candidate(kind, slot)
        if c is not None:
            cands.append(c)
    if not cands:
        return None
    # a kind that rests on a weak cue ("vrouwen" for the success of waiting) loses to one that rests on
    # none ("krijgt er mee te maken" for how often a miscarriage happens), whatever their scores
    strong = [c for c in cands if not any(weak for _, _, weak in c.cues)] or cands
    best = max(strong, key=lambda c: (c.score, -c.kind.order))
    tied = [c for c in strong if c.score == best.score]
    if len(tied) > 1:
        # "na 2 miskramen 25% en na 3 miskramen 35%": the kind whose cues stand nearest wins
        best = min(tied, key=lambda c: (_distance(c, slot, matcher.sent.text), c.kind.order))
    doubts = []
    if any(weak for _, _, weak in best.cues):
        doubts.append("weak_cue")
    if any(c is not best and c.score >= best.score - 1 for c in cands):
        doubts.append("ambiguous")  # another kind fits almost as well
    if any(scope == "sentence" and text.casefold() not in matcher.sent.text.casefold() for text, scope, _ in best.cues):
        doubts.append("borrowed")  # a cue only in the sentence before ("Dat gebeurt bij 70%")
        if matcher.sent.distant:
            doubts.append("distant")  # ... before the list, without a colon that leads into it
    if slot.q.form == "elliptic":
        doubts.append("elliptic")  # the unit, and the words that tie it, belong to an earlier clause
    if _quoted(matcher.sent, slot.q):
        doubts.append("quoted")  # someone else's words, relayed: the page does not state it itself
    doubted_by = _doubt_cues(best.kind, slot, matcher, catalog) + _other_group(best.kind, slot, matcher.sent, catalog)
    doubts += [d["doubt"] for d in doubted_by if d["doubt"] not in doubts]
    confidence = 1.0
    for d in doubts:
        confidence *= catalog.doubts.get(d, 1.0)
    evidence = {"cues": [{"text": t, "scope": sc, **({"weak": True} if w else {})} for t, sc, w in best.cues]}
    if doubts:
        evidence["doubts"] = doubts
    if doubted_by:
        evidence["doubted_by"] = doubted_by
    return _Choice(best.kind, confidence, evidence)


def _doubt_cues(kind: FactKind, slot: _Slot, matcher: _Matcher, catalog: Catalog) -> list[dict]:
    """The doubt cues of the catalog and of ``kind`` that match around the quantity: what they
    doubt, the words as written and where (one per doubt)."""
    out: list[dict] = []
    for cue in (*catalog.doubt_cues, *kind.doubt):
        if any(d["doubt"] == cue.why for d in out):
            continue
        # the whole scope at once: a cue may say what the sentence lacks ("^(?!.*kans)")
        scope = cue.scope if cue.scope != "near" else None
        hits = [(sc, matcher.search(cue, slot, sc)) for sc in ((scope,) if scope else ("before", "after"))]
        hit = next(((sc, h) for sc, h in hits if h is not None), None)
        if hit is not None and cue.unless is not None and matcher.score(cue.unless, slot) is not None:
            continue
        if hit is not None and cue.unnamed in kind.qualifiers and _whom_counted(
                catalog.qualifiers[cue.unnamed], slot, matcher.sent) is not None:
            continue  # the fact says for whom it holds
        if hit is not None:
            out.append({"doubt": cue.why, "text": " ".join(hit[1].split())[:60], "scope": hit[0]})
    return out


def _other_group(kind: FactKind, slot: _Slot, sent: _Sentence, catalog: Catalog) -> list[dict]:
    """A kind that states no population (a recurrence risk, a treatment's success) counts everyone it
    concerns: a number whose clause counts a subgroup ("bij vrouwen boven de 40 met een kloppend
    hartje") is that group's, so the fact is to check (qualifier ``elsewhere``)."""
    out = []
    for qual in catalog.qualifiers.values():
        if qual.elsewhere is None or qual.name in kind.qualifiers or qual.scope != "clause" \
                or qual.elsewhere_unit not in (None, kind.unit):
            continue
        group = _whom_counted(qual, slot, sent)
        if group in qual.elsewhere_values:
            out.append({"doubt": qual.elsewhere, "text": group, "scope": qual.name})
    return out


# a quotation: between typographic or straight double quotes, or guillemets (single quotes mark words)
# single typographic quotes too, when they open and close a phrase: ’ inside a word is an apostrophe ("zo’n")
_QUOTATION = re.compile(r'“[^“”„]*”|„[^“”„]*[”“]|"[^"\n]*"|«[^«»]*»|(?<!\w)‘(?:[^‘’\n]|’(?=\w))*’(?!\w)')
_QUOTE_MIN_WORDS = 4  # fewer words in quotes name a term ("de 'miskraam'") rather than relay a claim
# a speaker named with the quotation: an interview quote is the page's claim, with its source
_SPEAKER_AFTER = re.compile(r"^\W{0,3}\s*(zegt|zei|vertelt|vertelde|aldus|stelt|legt\s+\w+\s+uit|benadrukt|"
                            r"waarschuwt|verklaart|antwoordt|meldt|vraagt|vroeg|schrijft|schreef|getuigt|reageert|"
                            r"klinkt\s+het|klonk\s+het|voegt\s+\w+\s+toe|besluit|concludeert)\b", re.I)
_SPEAKER_BEFORE = re.compile(r"\b(zegt|zei|vertelt|vertelde|stelt|legt\s+uit|benadrukt|verklaart|antwoordt)\b[^.!?]{0,80}:\s*$"
                             # "X en Y stellen dat het ‘...’ is": the speakers lead into the words in their sentence
                             r"|\b(stellen|stelden|zeggen|zeiden|schrijven|schreven|menen|meenden|betogen|betoogden|"
                             r"concluderen|concludeerden)\s+(dat|:)[^.!?:]{0,120}$", re.I)
# a source cited right after the quotation ("... ’ (2019)", "(Jansen, 1987; p. 12)") names where the words come from
_CITED_AFTER = re.compile(r"^\W{0,3}\s*\([^()]{0,40}\b(1[89]|20)\d\d\b")
# an interview names the speaker before a colon: "Dr. Jansen: “...”", "Gynaecoloog Anna de Vries: “...”"
_NAMED_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]+"
                           r"(?:\s+(?:van|de|der|den|ten|ter|d[’'])?\s*[A-Z][\w’'-]+){0,3}:\s*$")
# a quotation of several sentences is someone speaking (an interview answer, its speaker named in the
# article), not a claim relayed in passing
_ANSWER_SENTENCES = re.compile(r"[.!?]\s+\S")


def _quoted(sent: _Sentence, q: Quantity) -> bool:
    """Whether the quantity stands inside a quotation of at least a few words that names no speaker:
    a claim relayed from elsewhere ("Op een forum las ik: „een op de drie zwangerschappen gaat
    mis”"). A quote with its speaker ("..., zegt de gynaecoloog") is the page's claim."""
    text = sent.block.text
    if not any(ch in text for ch in '“„"«‘'):
        return False
    at = sent.start + q.start
    for m in _QUOTATION.finditer(text):
        if m.start() < at < m.end() and len(m.group().split()) >= _QUOTE_MIN_WORDS:
            before = text[max(0, m.start() - 120):m.start()]
            answer = _ANSWER_SENTENCES.search(m.group()[1:-1].strip())
            after = text[m.end():m.end() + 40]
            return not (_SPEAKER_AFTER.search(after) or _CITED_AFTER.search(after) or _SPEAKER_BEFORE.search(before)
                        or _NAMED_BEFORE.search(before) or answer)
    return False


def _distance(c: _Candidate, slot: _Slot, text: str) -> int:
    """How far, in characters, the candidate's cues stand from the quantity (summed); a cue after
    it counts as further than any before it: the words that qualify a number come before it."""
    low, total = text.casefold(), 0
    for cue_text, _, _ in c.cues:
        t = cue_text.casefold()
        starts = [i for i in range(len(low)) if low.startswith(t, i)] if t else []
        total += min((slot.q.start - i if i <= slot.q.start else len(text) + i - slot.q.start for i in starts),
                     default=3 * len(text))
    return total


def _qualifiers(kind: FactKind, slot: _Slot, sent: _Sentence, catalog: Catalog) -> dict:
    out: dict = {}
    for qname in kind.qualifiers:
        qual = catalog.qualifiers[qname]
        if not qual.values:
            continue
        # the value named right before the quantity wins ("in Nederland 16 weken, in België 20 weken")
        near = [(m.end(), v) for v, rx in qual.values.items() for m in rx.finditer(slot.before)] \
            if qual.scope == "sentence" else []
        if near:
            out[qname] = max(near)[1]
            continue
        if qual.scope == "clause":
            found = _whom_counted(qual, slot, sent)
            if found:
                out[qname] = found
            continue
        scopes = [slot.clause, sent.scopes["sentence"]]
        if qual.scope in ("context", "document"):
            scopes += [sent.scopes["topic"], sent.scopes["context"]]
        if qual.scope == "document":
            scopes.append(sent.scopes["document"])
        for k, text in enumerate(scopes):
            found = [v for v, rx in qual.values.items() if rx.search(text)]
            if len(found) == 1 or (found and qual.scope != "sentence"):
                out[qname] = found[0]  # values are listed most specific first
                if k < 2 and qual.contrast is not None and not qual.contrast.search(sent.scopes["sentence"]):
                    out[qname] = _widened(qual, found[0], sent.scopes["context"])
                break
            if len(found) > 1:
                break  # two values in the sentence but not in this clause: do not guess
    return out


def _whom_counted(qual: Qualifier, slot: _Slot, sent: _Sentence) -> str | None:
    """The value of a clause-scope qualifier (whom a share counts). The phrase right after the
    quantity may say it; "van alle zwangerschappen" is the whole population, unless the words
    before it restrict it or the rest of its clause widens it to the ``wider`` group ("50 % van alle
    zwangerschappen eindigt voordat de vrouw weet dat ze zwanger is"); else the clause decides."""
    own = _own_value(qual, slot.after, slot.tail)
    if own is None:
        found = _clause_value(qual, slot, sent)
        return None if found in _not_with_noun(qual, slot) else found
    if own:
        return own
    lead = slot.lead.rsplit("(", 1)[-1]  # "(10 % van alle zwangerschappen)" stands apart
    found = [v for v, rx in qual.values.items() if rx.search(lead)] or _later_value(qual, sent)
    rest = slot.clause[slot.q.end - slot.clause_start:]
    if not found and qual.wider and qual.values[qual.wider].search(rest):
        found = [qual.wider]
    return found[0] if found else None


_BRACKETED = re.compile(r"\([^()]*\)?")
# a bracket that restates the count before it as a share ("40 zwangerschappen (dit is 27 %)") counts
# the same group
# a bracket that holds only the share ("(12 procent)") gives the share of the words before it
_BARE_SHARE = re.compile(r"^\s*(ongeveer|circa|ca\.?|zo.n|ruim|bijna|±|~)?\s*[\d.,]+\s*((-|–|tot|à)\s*[\d.,]+\s*)?(%|procent|pct\.?)\s*$", re.I)
_RESTATES = re.compile(r"\s*(dit|dat|wat)\s+(is|zijn|komt\s+neer\s+op)\b|\s*(of|ofwel|oftewel|dus|d\.w\.z\.|=)\s", re.I)


def _without_claims_in_brackets(text: str) -> str:
    """``text`` without the brackets that state a number of their own (another claim); a bracket
    without a number is an apposition of the words around it ("bij vrouwen (ouder dan veertig)")."""
    if "(" not in text:
        return text
    def claim(m: re.Match) -> bool:
        return any(q.unit not in ("years", "count") for q in parse_quantities(m.group()))
    return _BRACKETED.sub(lambda m: " " if claim(m) else m.group(), text)


def _clause_value(qual: Qualifier, slot: _Slot, sent: _Sentence) -> str | None:
    """The value of a clause-scope qualifier: named in the quantity's clause or the words around it
    up to the quantities before and after it, else in the sentence an anaphor refers to ("Van deze
    vrouwen krijgt de helft een miskraam"), else (for the values in ``later``) in a following
    sentence that refers back ("Daarbij zijn ook de heel vroege miskramen meegeteld"). A number in
    brackets is read within them; a bracket that counts only a part says the number before it
    counts the wider group ("1 op de 4 (1 op de 5 als je alleen ... meetelt)")."""
    inside = _bracket_around(sent.text, slot.q)
    if inside is not None and qual.part is not None and qual.part.search(inside):
        return None  # the part the bracket counts is the default group
    if inside is not None and _RESTATES.match(inside):
        texts: tuple[str, ...] = (inside, slot.lead, slot.clause)  # "(dit is 29 %)" counts the group before it
    elif inside is not None and _BARE_SHARE.match(inside):
        texts = (inside, slot.lead)  # "bij een vrouw jonger dan 20 jaar (12 procent)": the group before it
    elif inside is not None:
        texts = (inside,)
    else:
        texts = tuple(_without_claims_in_brackets(t) for t in (slot.clause, slot.lead, slot.tail))
        part = _bracket_after(sent.text, slot.q)
        if part and qual.part is not None and qual.part.search(part):
            return qual.wider
        if part and _RESTATES.match(part):
            texts += (part,)  # "1 op de 10 vrouwen (of 15 % van de vrouwen die ...)" names one group
    found = [v for v, rx in qual.values.items() if any(rx.search(t) for t in texts)]
    if found or inside is not None:
        return found[0] if found else None
    if qual.base is not None and qual.base.search(slot.clause):
        return None  # "En na de innesteling gaat 10 % mis": the clause names its own group
    borrowed = sent.scopes["sentence"][len(sent.text):] if sent.scopes["sentence"].startswith(sent.text) else ""
    found = [v for v, rx in qual.values.items() if borrowed and rx.search(borrowed)]
    found = found or _later_value(qual, sent)
    return found[0] if found else None


def _later_value(qual: Qualifier, sent: _Sentence) -> list[str]:
    """The values (of those a later sentence may give) that the next sentence names when it refers back."""
    later = sent.later() if qual.later else ""
    return [v for v in qual.later if later and qual.values[v].search(later)]


def _bracket_around(text: str, q: Quantity) -> str | None:
    """The text of the brackets ``q`` stands in, or None. A bracket right after a count restates that
    count as a share ("17 500 (7 %) vrouwen"): it stands in the clause, not apart."""
    opened = text.rfind("(", 0, q.start)
    if opened < 0 or ")" in text[opened:q.start] or text[:opened].rstrip()[-1:].isdigit():
        return None
    closed = text.find(")", q.end)
    return text[opened + 1 : closed if closed >= 0 else len(text)]


def _bracket_after(text: str, q: Quantity) -> str:
    """The text of the first brackets after ``q`` in its clause, when no other number stands
    between ("een kwart van de zwangerschappen gaat mis (een vijfde als ...)")."""
    opened = text.find("(", q.end)
    if opened < 0 or re.search(r"[,;]|\d", text[q.end:opened]):
        return ""
    closed = text.find(")", opened)
    return text[opened + 1 : closed if closed >= 0 else len(text)]


def _not_with_noun(qual: Qualifier, slot: _Slot) -> tuple[str, ...]:
    """The values the share cannot have because of the noun right after it ("één op de vijf
    zwangerschappen" counts pregnancies, never a woman's lifetime, whatever else the sentence says)."""
    return qual.not_with_noun if qual.noun is not None and qual.noun.match(slot.after) else ()


def _own_value(qual: Qualifier, after: str, tail: str = "") -> str | None:
    """The value the phrase right after a quantity names ("de helft van deze gevallen van dreigende miskraam"):
    a value, "" for the whole population ("10 % van alle zwangerschappen"), None when that phrase
    says neither (the rest of the sentence decides). A value's pattern may look past the phrase into
    the rest of the sentence (``tail``, which starts where ``after`` starts): "15 % van de vrouwen
    krijgt ... tijdens hun eerste zwangerschap" is no lifetime share."""
    m = qual.own.match(after) if qual.own is not None else None
    if m is None:
        return None
    phrase = m.group()
    rest = tail if tail.startswith(phrase) else phrase
    found = next((v for v, rx in qual.values.items() if _starts_within(rx, rest, len(phrase))), None)
    if found is not None:
        return found
    return "" if qual.whole is not None and qual.whole.search(phrase) else None


def _starts_within(rx: re.Pattern, text: str, end: int) -> bool:
    """Whether ``rx`` has a match in ``text`` that starts before ``end``."""
    m = rx.search(text)
    return m is not None and m.start() < end


def _widened(qual: Qualifier, value: str, context: str) -> str:
    """"eerst mifepriston ... dan misoprostol. Daarmee lukt het bij 80%": the treatment the paragraph
    describes (a value listed before ``value``), unless the paragraph sets it apart from this one
    around its mention ("Het toevoegen van mifepriston ...", "... mifepriston toe te voegen")."""
    order = list(qual.values)
    for v in order[: order.index(value)]:
        m = qual.values[v].search(context)
        if m and not qual.contrast.search(context[max(0, m.start() - 40) : m.end() + 25]):
            return v
    return value


_AND = re.compile(r"^\W*(en|of|en ook|maar ook|evenals|net als)\W", re.I)


def _also(kind: FactKind, slot: _Slot, catalog: Catalog, quals: dict) -> list[tuple[str, str]]:
    """Other values of a qualifier named together right before the quantity: "In België en volgens
    de WHO ligt die grens bij 20 weken" states 20 weeks for both."""
    out = []
    for qname in kind.qualifiers:
        qual = catalog.qualifiers[qname]
        if not qual.values or qual.scope != "sentence" or qname not in quals:
            continue
        hits = sorted((m.start(), m.end(), v) for v, rx in qual.values.items() for m in rx.finditer(slot.before))
        chain = [hits[-1]] if hits else []
        for h in reversed(hits[:-1]):
            if h[2] != chain[-1][2] and _AND.match(slot.before[h[1] : chain[-1][0]] + " "):
                chain.append(h)
            else:
                break
        out += [(qname, v) for _, _, v in chain[1:] if v != quals[qname]]
    return out


def _number_fact(doc: Document, sent: _Sentence, q: Quantity, choice: _Choice, quals: dict,
                 catalog: Catalog) -> Fact:
    kind = choice.kind
    if kind.mode == "threshold":
        lo, hi = q.lo, q.hi
    else:
        lo, hi = q.min, q.max
    original = None
    if q.unit != kind.unit:
        original = {"min": lo, "max": hi, "unit": q.unit}
        lo, hi = convert(lo, q.unit, kind.unit), convert(hi, q.unit, kind.unit)
    f = _fact(doc, sent.block, sent.start, q.start, q.end, kind, sent.text)
    f.min, f.max = _tidy(lo), _tidy(hi)
    f.approx = q.approx
    f.qualifiers = quals
    f.original = original
    confidence, evidence = choice.confidence, choice.evidence
    if _atypical(kind, f, catalog):
        evidence = {**evidence, "doubts": [*evidence.get("doubts", []), "atypical"]}
        confidence *= catalog.doubts.get("atypical", 1.0)
    f.confidence, f.evidence = round(confidence, 2), evidence
    f.confident = confidence >= catalog.confident_at
    return f


def _atypical(kind: FactKind, f: Fact, catalog: Catalog) -> bool:
    """A value wholly outside the kind's typical range while the fact names no group: "de helft
    van de zwangerschappen" with an age or a subgroup the text states in words the catalog does
    not know."""
    if kind.typical is None:
        return False
    named = any(f.qualifiers.get(q) not in (None, catalog.qualifiers[q].default)
                for q in kind.qualifiers if catalog.qualifiers[q].values)
    lo = f.min if f.min is not None else f.max
    hi = f.max if f.max is not None else f.min
    return not named and (lo > kind.typical[1] or hi < kind.typical[0])


def _fact(doc: Document, block: Block, offset: int, start: int, end: int, kind: FactKind, quote: str,
          text: str | None = None) -> Fact:
    span = doc.span(block, offset + start, offset + end)
    return Fact(
        key=kind.key, text=text, unit=kind.unit, line=span.line, column=span.column,
        end_line=span.end_line, end_column=span.end_column, quote=" ".join(quote.split()),
        stated=" ".join(block.text[offset + start : offset + end].split()),
        leaflet=doc.id, path=str(doc.path), leaflet_region=doc.region,
    )


def _tidy(v):
    if v is None:
        return None
    v = round(float(v), 2)
    return int(v) if v.is_integer() else v
