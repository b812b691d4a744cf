"""What the source says, the page shows: bold, italic, links and table header rows from .md,
.html, .docx and .odt reach the HTML (and the PDF), while the block text stays plain for checkers."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.ingest import load_document
from pipeline.paths import SOURCES_DIR
from pipeline.brands.load import load_brands
from pipeline.render.html import body_html, pandoc_path, render_html

MD = """# Na een miskraam

Bel **direct de praktijk** bij *veel* bloedverlies. Lees meer op [Thuisarts](https://www.thuisarts.nl/miskraam).

| Klacht | Wat te doen |
|---|---|
| **Koorts** boven 38 graden | Bel de praktijk |
"""
HTML = """<html><body><h1>Na een miskraam</h1>
<p>Bel <strong>direct de praktijk</strong> bij <i>veel</i> bloedverlies. Lees meer op
<a href="https://www.thuisarts.nl/miskraam">Thuisarts</a>.</p>
<table><tr><th>Klacht</th><th>Wat te doen</th></tr>
<tr><td><b>Koorts</b> boven 38 graden</td><td>Bel de praktijk</td></tr></table>
</body></html>
"""
PLAIN = "Bel direct de praktijk bij veel bloedverlies. Lees meer op Thuisarts."


class _Marks(HTMLParser):
    """Text inside <strong>, <em>, <a href> and <th> of a fragment."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.found: dict[str, list[str]] = {"strong": [], "em": [], "a": [], "th": []}
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.found:
            self.stack.append((tag, dict(attrs)))
            self.found[tag].append("")
            if tag == "a":
                self.hrefs.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i]
                break

    def handle_data(self, data):
        for tag in {t for t, _a in self.stack}:
            self.found[tag][-1] += data


def _marks(fragment: str) -> _Marks:
    m = _Marks()
    m.feed(fragment)
    return m


def _source(tmp_path: Path, fmt: str) -> Path:
    if fmt == "html":
        p = tmp_path / "folder.html"
        p.write_text(HTML, encoding="utf-8")
        return p
    md = tmp_path / "folder.md"
    md.write_text(MD, encoding="utf-8")
    if fmt == "md":
        return md
    out = tmp_path / f"folder.{fmt}"
    subprocess.run([pandoc_path(), str(md), "-o", str(out)], check=True, timeout=60)
    return out


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "odt"])
def test_bold_italic_links_and_header_rows_reach_the_html(tmp_path, fmt):
    doc = load_document(_source(tmp_path, fmt), meta={})
    para = next(b for b in doc.blocks if b.kind == "paragraph")
    assert para.text == PLAIN  # checkers still see plain text
    m = _marks(body_html(doc, "Na een miskraam"))
    assert m.found["strong"] == ["direct de praktijk", "Koorts"]
    assert m.found["em"] == ["veel"]
    assert m.found["a"] == ["Thuisarts"] and m.hrefs == ["https://www.thuisarts.nl/miskraam"]
    assert m.found["th"] == ["Klacht", "Wat te doen"]


def test_positions_of_formatted_text_stay_exact(tmp_path):
    doc = load_document(_source(tmp_path, "md"), meta={})
    para = next(b for b in doc.blocks if b.kind == "paragraph")
    start = para.text.index("direct")
    span = doc.span(para, start, start + len("direct"))
    assert doc.line_text(span.line)[span.column - 1:span.end_column - 1] == "direct"
    bold = next(i for i in para.inlines if i.kind == "strong")
    assert para.text[bold.start:bold.end] == "direct de praktijk"


def test_overlapping_and_nested_formatting_nest_properly(tmp_path):
    p = tmp_path / "n.md"
    p.write_text("Dit is ***heel* belangrijk** en [**vet in een link**](https://x.example).\n", encoding="utf-8")
    fragment = body_html(load_document(p, meta={}), "x")
    assert "<strong><em>heel</em> belangrijk</strong>" in fragment
    assert '<a href="https://x.example"' in fragment and "<strong>vet in een link</strong></a>" in fragment


def test_unsafe_links_stay_text_and_headings_are_not_double_bold(tmp_path):
    p = tmp_path / "u.md"
    p.write_text("## **Wanneer bellen?**\n\nKlik [hier](javascript:alert(1)) of [daar](pagina.html).\n",
                 encoding="utf-8")
    fragment = body_html(load_document(p, meta={}), "x")
    assert "<a " not in fragment and "href" not in fragment and "pagina.html" not in fragment
    assert "<strong>" not in fragment and "hier" in fragment


@pytest.mark.slow
def test_bold_really_shows_in_the_pdf(tmp_path):
    """The PDF uses the bold face of the brand font for a bold warning (font names in the PDF)."""
    from pypdf import PdfReader

    from pipeline.render.pdf import render_pdf

    brands, _problems = load_brands(SOURCES_DIR)
    doc = load_document(_source(tmp_path, "md"), meta={})
    pdf, _refused = render_pdf(render_html(doc, brands["meidoorn"]))
    fonts = set()
    for page in PdfReader(__import__("io").BytesIO(pdf)).pages:
        for f in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert any("Bold" in f for f in fonts) and any("Italic" in f for f in fonts), fonts


def test_spans_follow_the_text_when_invisible_characters_are_taken_out(tmp_path):
    p = tmp_path / "s.html"
    p.write_text("<p>Lees <a href='https://x.example'>rouw&shy;ver\u200bwerking</a>, en <b>bel</b>.</p>",
                 encoding="utf-8")
    para = load_document(p, meta={}).blocks[0]
    assert para.text == "Lees rouwverwerking, en bel."
    assert [(para.text[i.start:i.end], i.kind) for i in para.inlines] == [("rouwverwerking", "link"),
                                                                         ("bel", "strong")]
