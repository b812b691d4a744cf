"""Markdown reader: block structure, inline markup removed, exact positions."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.ingest import load_document
from pipeline.ingest.document import Document
from pipeline.ingest.mdreader import parse_markdown
from tests.test_ingest_common import check_source_map, coverage

DATA = Path(__file__).parent / "data" / "ingest"


def find(doc, needle):
    hits = [b for b in doc.blocks if needle in b.text]
    assert len(hits) == 1, (needle, [b.text for b in hits])
    b = hits[0]
    i = b.text.index(needle)
    return b, doc.span(b, i, i + len(needle))


def file_pos(path: Path, needle: str, nth: int = 0) -> tuple[int, int]:
    hits = []
    for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        start = line.find(needle)
        while start != -1:
            hits.append((no, start + 1))
            start = line.find(needle, start + 1)
    return hits[nth]


def test_own_markdown_leaflet_structure():
    doc = load_document(DATA / "nazorg.md")
    assert doc.format == "md"
    got = [(b.kind, b.level, b.text) for b in doc.blocks if b.kind != "table_cell"]
    assert got[0] == ("heading", 1, "Nazorg na een miskraam")  # setext, front matter skipped
    assert ("heading", 2, "Lichamelijk herstel") in got  # closing #'s dropped
    assert ("heading", 3, "Wanneer bellen?") in got
    assert ("paragraph", 0, "Let op: gebruik geen tampons zolang je bloed verliest.") in got  # block quote
    assert ("list_item", 1, "koorts boven 38,5 °C") in got  # code span
    assert ("list_item", 2, "meer dan één maandverband per uur") in got
    assert ("list_item", 1, "pijn die niet *minder* wordt") in got  # escapes
    item = [b for b in doc.blocks if b.text == "grote stolsels"][0]
    assert item.ordered and item.section == "Wanneer bellen?"
    para = [b for b in doc.blocks if b.text.startswith("Deze folder")][0]
    assert para.text == ("Deze folder is voor iedereen die een miskraam heeft gehad. Lees hem rustig door; "
                         "bel bij twijfel de praktijk.")
    links = [b for b in doc.blocks if "Thuisarts" in b.text][0]
    assert "Zie ook de website van Thuisarts of https://www.freya.nl." in links.text
    assert "4–6 weken" in links.text and "(" not in links.text
    assert [b.text for b in doc.blocks if b.text.startswith("Tekst in")] == ["Tekst in HTML & een blok."]
    assert doc.blocks[-1].text == "Met vriendelijke groet, het team van Praktijk De Linde"
    assert all("interne notitie" not in b.text and "alert" not in b.text for b in doc.blocks)


def test_markdown_tables():
    doc = load_document(DATA / "nazorg.md")
    cells = [(b.cell, b.text) for b in doc.blocks if b.kind == "table_cell"]
    assert cells == [((0, 0, 0), "Klacht"), ((0, 0, 1), "Wat doe je?"), ((0, 1, 0), "Koorts"),
                     ((0, 1, 1), "Bel direct"), ((0, 2, 0), "Pijn"), ((0, 2, 1), "Neem paracetamol | bel bij twijfel")]


def test_markdown_positions_match_the_file():
    path = DATA / "nazorg.md"
    doc = load_document(path)
    check_source_map(doc, inserted=" –&")
    assert max(coverage(doc)) == 1
    for needle, nth in [("iedereen", 0), ("heeft gehad", 0), ("twijfel de praktijk", 0), ("1 tot 2 weken", 0),
                        ("terug", 0), ("de website van Thuisarts", 0), ("https://www.freya.nl", 0),
                        ("Let op", 0), ("38,5 °C", 0), ("minder", 0), ("grote stolsels", 0), ("Bel", 0),
                        ("Neem paracetamol", 0), ("blok.", 0), ("het team van", 0)]:
        _, span = find(doc, needle)
        assert (span.line, span.column) == file_pos(path, needle, nth), needle
    # A word after an entity keeps its column; the entity maps to its "&".
    b, span = find(doc, "4–6")
    line, col = file_pos(path, "4&ndash;6")
    assert (span.line, span.column) == (line, col)
    assert doc.span(b, b.text.index("–"), b.text.index("–") + 1).column == col + 1
    # A sentence over two lines ends on the second line.
    b, span = find(doc, "bel bij twijfel de praktijk.")
    assert (span.end_line, span.end_column) == (9, len("twijfel de praktijk.") + 1)


def test_markdown_crlf_and_tabs_keep_positions():
    text = "# Kop\r\n\r\nEerste\tregel met **nadruk**\r\ntweede regel.\r\n\r\n- punt\r\n"
    doc = Document(Path("x.md"), "x", "md", text, parse_markdown(text))
    check_source_map(doc)
    assert [b.text for b in doc.blocks] == ["Kop", "Eerste regel met nadruk tweede regel.", "punt"]
    b, span = find(doc, "tweede")
    assert (span.line, span.column) == (4, 1)
    b, span = find(doc, "nadruk")
    assert (span.line, span.column, span.end_column) == (3, 20, 26)


def test_bold_paragraph_as_heading():
    text = "## Zorg\n\n**Wanneer bellen?**\n\nBel ons **direct**.\n\n**Een zin in vet.**\n\n- **Koorts**\n"
    doc = Document(Path("x.md"), "x", "md", text, parse_markdown(text))
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 2, "Zorg"), ("heading", 3, "Wanneer bellen?"), ("paragraph", 0, "Bel ons direct."),
        ("paragraph", 0, "Een zin in vet."), ("list_item", 1, "Koorts")]
    _, span = find(doc, "Wanneer")
    assert (span.line, span.column) == (3, 3)


_MD_PIECES = st.sampled_from([
    "# ", "## ", "\n", "\n\n", "- ", "1. ", "> ", "**", "*", "_", "`", "[", "](u)", "<http://a.nl>", "&amp;",
    "\\*", "<!-- c -->", "<p>", "</p>", "| a | b |\n|---|---|\n", "===", "---", "woord", "tekst ", " ", "é", "\t",
    "\r\n", "    ", "```", "~~",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MD_PIECES, max_size=40).map("".join))
@example("`\n`# ")  # a code span of white space: its content is not looked for past its closing backtick
def test_property_markdown_never_crashes_and_maps_exactly(text):
    doc = Document(Path("p.md"), "p", "md", text, parse_markdown(text))
    check_source_map(doc, inserted=" &é")
    assert max(coverage(doc), default=0) <= 1
