"""HTML reader: visible text only, exact positions in the HTML source, nothing fetched."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import load_document
from pipeline.ingest.document import Document
from pipeline.ingest.htmlreader import parse_html
from tests.test_ingest_common import check_source_map, coverage

DATA = Path(__file__).parent / "data" / "ingest"
HOSTILE = DATA / "hostile.html"


def find(doc, needle):
    hits = [b for b in doc.blocks if needle in b.text]
    assert len(hits) == 1, (needle, [b.text for b in hits])
    b = hits[0]
    i = b.text.index(needle)
    return b, doc.span(b, i, i + len(needle))


def file_pos(path: Path, needle: str) -> tuple[int, int]:
    for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return no, line.index(needle) + 1
    raise AssertionError(needle)


def test_hostile_html_only_visible_text(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    before = HOSTILE.read_bytes()
    doc = load_document(HOSTILE)
    text = "\n".join(b.text for b in doc.blocks)
    for hidden in ["Niet tonen", "VERBORGEN", "evil", "Home", "Menu", "pixel", "geheim", "passwd", "shadow",
                   "iframe tekst", "JavaScript", "Sjabloon", "Verborgen alinea", "Onzichtbare", "icoon", "Praktijk", "alert", "steal",
                   "file:", "secret", "folder", "onload", "color"]:
        assert hidden not in text, hidden
    assert HOSTILE.read_bytes() == before
    kinds = [(b.kind, b.level, b.text) for b in doc.blocks if b.kind != "table_cell"]
    assert kinds[0] == ("heading", 1, "Miskraam: wat nu?")
    assert ("heading", 2, "Wanneer bellen?") in kinds
    assert ("list_item", 1, "Bij koorts boven 38,5 graden") in kinds
    assert ("list_item", 1, "Bij veel bloedverlies") in kinds
    nested = [b for b in doc.blocks if b.text == "meer dan een maandverband per uur"][0]
    assert (nested.kind, nested.level, nested.ordered) == ("list_item", 2, True)
    assert nested.section == "Wanneer bellen?"
    assert [(b.cell, b.text) for b in doc.blocks if b.kind == "table_cell"] == [
        ((0, 0, 0), "Wat"), ((0, 0, 1), "Wanneer"), ((0, 1, 0), "Echo"), ((0, 1, 1), "na 1 week")]
    assert doc.blocks[-1].text == "Lees meer op onze site. Tel: 06-12345678"


def test_html_entities_and_positions():
    doc = load_document(HOSTILE)
    check_source_map(doc, inserted=" ó…&")
    assert max(coverage(doc)) == 1
    b, _ = find(doc, "vóór 16 weken")
    assert "zwangerschap vóór 16 weken. Bij 1 op de 10 zwangerschappen… gebeurt dit & dat." in b.text
    for needle in ["Miskraam: wat nu?", "Een miskraam is", "weken. Bij 1 op", "38,5", "graden", "Wanneer bellen?",
                   "meer dan een maandverband", "na 1 week", "op onze site", "Tel: 06-12345678"]:
        _, span = find(doc, needle)
        assert (span.line, span.column) == file_pos(HOSTILE, needle), needle
    # "vóór" starts at the "v" and the é-entity maps to its "&".
    b, span = find(doc, "vóór")
    assert (span.line, span.column) == file_pos(HOSTILE, "v&oacute;")
    i = b.text.index("vóór")
    assert doc.span(b, i + 1, i + 2).column == file_pos(HOSTILE, "&oacute;")[1]
    # The sentence that wraps in the source ends on the next line.
    b, span = find(doc, "zwangerschap vóór")
    assert span.line == 13 and span.end_line == 14


def test_html_unclosed_and_odd_markup():
    src = ("<p>Eerste <b>alinea<p>Tweede &unknown; &amp &#x1F600; alinea<ul><li>een<li>twee</ul>"
           "<div>los <span>stuk</div><nav>menu")
    doc = Document(Path("x.html"), "x", "html", src, parse_html(src))
    check_source_map(doc, inserted=" &\U0001F600")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "Eerste alinea"), ("paragraph", "Tweede &unknown; & \U0001F600 alinea"),
        ("list_item", "een"), ("list_item", "twee"), ("paragraph", "los stuk")]


def test_bold_paragraph_as_heading():
    src = ("<h1>Miskraam</h1><p><strong>Wanneer bellen?</strong></p><p>Bel ons <b>direct</b>.</p>"
           "<p><b>Dit is een hele zin in vet.</b></p><ul><li><b>Koorts</b></li></ul><p><b>Onafgesloten</p>"
           "<p>Gewone tekst</p>")
    doc = Document(Path("x.html"), "x", "html", src, parse_html(src))
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "Miskraam"), ("heading", 2, "Wanneer bellen?"), ("paragraph", 0, "Bel ons direct."),
        ("paragraph", 0, "Dit is een hele zin in vet."), ("list_item", 1, "Koorts"), ("heading", 2, "Onafgesloten"),
        ("paragraph", 0, "Gewone tekst")]


_HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<h2>", "</h2>", "<li>", "</li>", "<ul>", "</ul>", "<td>", "<tr>", "<table>", "</table>",
    "<script>", "</script>", "<br>", "<!-- x -->", "&amp;", "&eacute;", "&#65;", "&bogus;", "<", ">", "&",
    "woord", " ", "\n", "\r\n", "\t", "é", "<b>", "</b>", "<div hidden>", "</div>", "<img src=x>", "\u00a0",
    "<![", "<![CDATA[x]]>", "<!", "]]>", "<!doctype html>", "<?php x ?>", "<a href='file:///etc/passwd'>",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=40).map("".join))
def test_property_html_never_crashes_and_maps_exactly(text):
    doc = Document(Path("p.html"), "p", "html", text, parse_html(text))
    check_source_map(doc, inserted=" &éA")
    assert max(coverage(doc), default=0) <= 1


def test_unclosed_tags_are_text_and_do_not_stall_the_parser():
    # html.parser rescans the rest of the input for every unclosed tag; 20,000 of them took ~45 s
    # before the reader defused them. A browser shows them as text, and so does the reader.
    src = "<p>Begin</p>" + "<a " * 20_000 + "\n<p>Einde &amp; <b>klaar</b></p>"
    doc = Document(Path("x.html"), "x", "html", src, parse_html(src))
    check_source_map(doc, inserted=" &")
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Begin" and texts[-1] == "Einde & klaar"
    assert texts[1] == ("<a " * 20_000).strip()
    nested = "<div>" * 5_000 + "<p>diep</p>" + "<li>los" * 3_000
    blocks = parse_html(nested)
    assert blocks[0].text == "diep" and len(blocks) == 3_001
