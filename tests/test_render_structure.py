"""Rendering keeps the leaflet's structure: tables, links (with their address in print), title
and heading levels; brands may allow third-party numbers; outputs are readable by others."""

from __future__ import annotations

import os
import re
import shutil
import stat
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.ingest import load_document
from pipeline.paths import SOURCES_DIR
from pipeline.brands.load import load_brands
from pipeline.problems import Kind
from pipeline.render.html import body_html, render_html
from pipeline.render.pdf import render_pdf

ROOT = Path(__file__).resolve().parent.parent
BRAND_HEAD = """name: Praktijk De Linde
colors: {primary: "#1f4e79", text: "#111111", background: "#ffffff"}
"""


@pytest.fixture(scope="module")
def brands():
    found, problems = load_brands(SOURCES_DIR)
    assert problems == []
    return found


def _leaflet(tmp_path: Path, name: str, text: str, meta: dict | None = None):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load_document(p, meta=meta or {})


class _Tree(HTMLParser):
    """Start tags in order and the text of every table cell, by (tag, text)."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.cells: list[tuple[str, str, str]] = []  # (section thead/tbody, th/td, text)
        self.links: list[tuple[str, str, str]] = []  # (href, class, text)
        self.headings: list[tuple[int, str]] = []
        self._section = ""
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag in ("thead", "tbody"):
            self._section = tag
        if tag in ("th", "td", "a") or re.fullmatch(r"h[1-6]", tag):
            self._open.append([tag, a, ""])

    def handle_data(self, data):
        for o in self._open:
            o[2] += data

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            t, a, text = self._open.pop()
            text = " ".join(text.split())
            if t in ("th", "td"):
                self.cells.append((self._section, t, text))
            elif t == "a":
                self.links.append((a.get("href", ""), a.get("class") or "", text))
            else:
                self.headings.append((int(t[1]), text))


def _tree(fragment: str) -> _Tree:
    t = _Tree()
    t.feed(fragment)
    return t


TABLE_MD = """# Miskraam

## Hoe vaak?

| Zwangerschapsduur | Kans op een miskraam |
|-------------------|----------------------|
| 6 weken           | 10 procent           |
| 12 weken          | 3 procent            |

Daarna volgt gewone tekst.
"""

TABLE_HTML = """<!DOCTYPE html><html lang="nl"><head><title>Miskraam</title></head><body>
<h1>Miskraam</h1>
<table>
<tr><th>Zwangerschapsduur</th><th>Kans op een miskraam</th></tr>
<tr><th>6 weken</th><td>10 procent</td></tr>
<tr><th>12 weken</th><td>3 procent</td></tr>
</table>
<table><tr><td>zonder</td><td>kop</td></tr><tr><td>twee</td><td>rijen</td></tr></table>
</body></html>
"""


def test_markdown_table_renders_as_a_table_with_its_header_row(tmp_path):
    doc = _leaflet(tmp_path, "tabel.md", TABLE_MD)
    t = _tree(body_html(doc, "Miskraam"))
    assert t.tags.count("table") == 1 and t.tags.count("tr") == 3
    assert t.cells == [
        ("thead", "th", "Zwangerschapsduur"), ("thead", "th", "Kans op een miskraam"),
        ("tbody", "td", "6 weken"), ("tbody", "td", "10 procent"),
        ("tbody", "td", "12 weken"), ("tbody", "td", "3 procent"),
    ]
    # the cells are no longer paragraphs of their own
    assert "<p>6 weken</p>" not in body_html(doc, "Miskraam")


def test_html_table_keeps_header_row_and_header_column_and_plain_tables_stay_plain(tmp_path):
    doc = _leaflet(tmp_path, "tabel.html", TABLE_HTML)
    t = _tree(body_html(doc, "Miskraam"))
    assert t.tags.count("table") == 2 and t.tags.count("thead") == 1
    first, second = t.cells[:6], t.cells[6:]
    assert first[:2] == [("thead", "th", "Zwangerschapsduur"), ("thead", "th", "Kans op een miskraam")]
    assert [c[1:] for c in first[2:]] == [("th", "6 weken"), ("td", "10 procent"), ("th", "12 weken"),
                                          ("td", "3 procent")]
    assert [c[1] for c in second] == ["td"] * 4 and [c[2] for c in second] == ["zonder", "kop", "twee", "rijen"]


def test_docx_table_renders_as_a_table(tmp_path):
    import pypandoc

    src = tmp_path / "tabel.docx"
    pypandoc.convert_text(TABLE_MD, "docx", format="markdown", outputfile=str(src))
    doc = load_document(src, meta={})
    t = _tree(body_html(doc, "Miskraam"))
    assert t.tags.count("table") == 1
    assert [c[2] for c in t.cells] == ["Zwangerschapsduur", "Kans op een miskraam", "6 weken", "10 procent",
                                       "12 weken", "3 procent"]


def test_cells_in_a_ragged_table_keep_their_columns(tmp_path):
    doc = _leaflet(tmp_path, "ragged.md", "| a | b | c |\n|---|---|---|\n| 1 |   | 3 |\n")
    t = _tree(body_html(doc, "x"))
    assert [c[2] for c in t.cells] == ["a", "b", "c", "1", "", "3"]


LINKS_MD = """# Miskraam

Lees over [rouwverwerking](https://www.rouw.example/verwerking "Rouw") en
[de richtlijn][nvog]. Of kijk op <https://www.thuisarts.nl/miskraam>.
Plaatje: ![echo](https://tracker.example/pixel.png) blijft tekst.

[nvog]: https://www.nvog.example/richtlijn
"""


def test_markdown_links_keep_their_url(tmp_path):
    doc = _leaflet(tmp_path, "links.md", LINKS_MD)
    para = next(b for b in doc.blocks if b.kind == "paragraph")
    found = {para.text[i.start:i.end]: i.href for i in para.inlines if i.kind == "link"}
    assert found == {"rouwverwerking": "https://www.rouw.example/verwerking",
                     "de richtlijn": "https://www.nvog.example/richtlijn",
                     "https://www.thuisarts.nl/miskraam": "https://www.thuisarts.nl/miskraam"}
    links = _tree(body_html(doc, "Miskraam")).links
    assert ("https://www.rouw.example/verwerking", "print-url", "rouwverwerking") in links
    assert ("https://www.nvog.example/richtlijn", "print-url", "de richtlijn") in links
    # a link that shows its own address is not printed twice
    assert ("https://www.thuisarts.nl/miskraam", "", "https://www.thuisarts.nl/miskraam") in links
    assert not [h for h, _c, _t in links if "tracker" in h]


def test_html_links_keep_their_url_and_relative_ones_stay_text(tmp_path):
    doc = _leaflet(tmp_path, "links.html", """<html><body><h1>Miskraam</h1>
<p>Lees over <a href="https://www.rouw.example/a?x=1&amp;y=2">rouw&shy;verwerking</a>,
<a href="/intern">onze pagina</a> en <a href="javascript:alert(1)">dit</a>.</p></body></html>
""")
    links = _tree(body_html(doc, "Miskraam")).links
    assert [(h, c, t.replace("\xad", "")) for h, c, t in links] == [
        ("https://www.rouw.example/a?x=1&y=2", "print-url", "rouwverwerking")]
    page = body_html(doc, "Miskraam")
    assert "onze pagina" in page and "javascript" not in page


def test_plain_text_urls_become_links(tmp_path):
    doc = _leaflet(tmp_path, "folder.txt", "Meer informatie op www.thuisarts.nl/miskraam of https://nvog.nl.\n")
    links = _tree(body_html(doc, "x")).links
    assert [(h, t) for h, _c, t in links] == [("https://www.thuisarts.nl/miskraam", "www.thuisarts.nl/miskraam"),
                                              ("https://nvog.nl", "https://nvog.nl")]


@pytest.mark.slow
def test_printed_leaflet_shows_link_addresses_and_a_real_table(tmp_path, brands):
    doc = _leaflet(tmp_path, "links.md", LINKS_MD + "\n" + TABLE_MD.split("## Hoe vaak?")[1])
    pdf, refused = render_pdf(render_html(doc, brands["meidoorn"]))
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", "", text)
    assert "rouwverwerking(https://www.rouw.example/verwerking)" in flat
    assert "derichtlijn(https://www.nvog.example/richtlijn)" in flat
    assert flat.count("https://www.thuisarts.nl/miskraam") == 1
    assert refused == []
    # table cells share a line in the text layer: a row, not a paragraph per cell
    assert re.search(r"6 weken\s*10 procent", text)


CAPS_TXT = """MISKRAAM IN DE EERSTE WEKEN
Informatie voor zwangeren en hun partner

Wat is een miskraam?
Een miskraam is het verlies van een zwangerschap in de eerste 16 weken.

Hoe vaak komt het voor?
Ongeveer een op de tien zwangerschappen eindigt in een miskraam.

Wanneer bellen?
Bel bij veel bloedverlies direct de praktijk.
"""


@pytest.mark.parametrize("title", ["Miskraam in de eerste weken", "Een miskraam: wat nu?"])
def test_question_headings_after_a_title_line_and_subtitle_are_siblings(tmp_path, brands, title):
    doc = _leaflet(tmp_path, "caps.txt", CAPS_TXT, {"title": title})
    page = render_html(doc, brands["meidoorn"])
    main = page[page.index("<main>"):page.index("</main>")]
    t = _tree(main)
    assert t.headings == [(1, title), (2, "Wat is een miskraam?"), (2, "Hoe vaak komt het voor?"),
                          (2, "Wanneer bellen?")]
    assert "Informatie voor zwangeren en hun partner" in main  # kept, as a subtitle
    same = title.upper() == "MISKRAAM IN DE EERSTE WEKEN"
    assert main.count("MISKRAAM IN DE EERSTE WEKEN") == (0 if same else 1)


def test_web_page_title_is_printed_once(tmp_path, brands):
    doc = _leaflet(tmp_path, "pagina.html", """<html><head><title>Miskraam</title></head><body>
<p>Home &gt; Zwangerschap</p><h1>Miskraam!</h1><p>Tekst.</p><h2>Wat is het?</h2><p>Uitleg.</p>
</body></html>""", {"title": "Miskraam"})
    page = render_html(doc, brands["meidoorn"])
    main = page[page.index("<main>"):page.index("</main>")]
    assert _tree(main).headings == [(1, "Miskraam"), (2, "Wat is het?")]
    assert len(re.findall(r"Miskraam", main)) == 1


def test_nested_headings_never_skip_and_siblings_share_a_level(tmp_path):
    doc = _leaflet(tmp_path, "n.md", "# Titel\n\nIntro.\n\n### Diep\n\ntekst\n\n## A\n\ntekst\n\n#### A1\n\nt\n\n## B\n\nt\n")
    fragment = body_html(doc, "Iets anders")
    # "# Titel" is the leaflet's own title line in other words than the page title: kept as text
    assert _tree(fragment).headings == [(2, "Diep"), (2, "A"), (3, "A1"), (2, "B")] and "Titel" in fragment
    doc = _leaflet(tmp_path, "m.md", "## Eerst\n\nt\n\n#### Diep\n\nt\n\n## A\n\nt\n\n### A1\n\nt\n\n# Los\n\nt\n")
    assert _tree(body_html(doc, "Iets anders")).headings == [(2, "Eerst"), (3, "Diep"), (2, "A"), (3, "A1"),
                                                                 (2, "Los")]


# -- brands: third-party numbers ----------------------------------------------------------------

def _brand_dir(tmp_path: Path, contact: str) -> Path:
    d = tmp_path / "sources" / "brands"
    d.mkdir(parents=True)
    (d / "linde.yaml").write_text(BRAND_HEAD + contact + "leaflets: [folder]\n", encoding="utf-8")
    return d.parent


def test_brand_other_numbers_are_validated_and_shown_in_the_contact_box(tmp_path):
    sources = _brand_dir(tmp_path, """contact:
  phone: "0123-456789"
  other_numbers:
    - {number: "0900-1234567", label: Huisartsenpost}
""")
    brands, problems = load_brands(sources)
    assert problems == [] and brands["linde"]["contact"]["other_numbers"][0]["label"] == "Huisartsenpost"
    doc = _leaflet(tmp_path, "folder.txt", "Bel bij twijfel.\n")
    page = render_html(doc, brands["linde"])
    box = page[page.index('<aside class="contact"'):page.index("</aside>")]
    assert 'Huisartsenpost: <a href="tel:+319001234567">0900-1234567</a>' in box


@pytest.mark.parametrize("other, field", [
    ('[{number: "0900-1234567"}]', "label"),
    ('[{number: "bel ons", label: X}]', "number"),
    ('"0900-1234567"', "other_numbers"),
])
def test_malformed_other_numbers_skip_the_brand_with_a_clear_message(tmp_path, other, field):
    sources = _brand_dir(tmp_path, f'contact:\n  phone: "0123-456789"\n  other_numbers: {other}\n')
    brands, problems = load_brands(sources)
    assert brands == {} and len(problems) == 1
    p = problems[0]
    assert p.kind is Kind.BRAND and p.path.endswith("linde.yaml") and field in p.message + p.key


# -- output files -------------------------------------------------------------------------------

@pytest.mark.slow
def test_build_outputs_are_readable_by_others(tmp_path):
    from pipeline import orchestrate
    from pipeline.lint.config import Config
    from pipeline.render.build import build

    leaflets = tmp_path / "leaflets"
    leaflets.mkdir()
    for f in (ROOT / "sources" / "leaflets").glob("demo_miskraam.*"):
        shutil.copy2(f, leaflets / f.name)
    config = Config(sources=ROOT / "sources", output=tmp_path / "output")
    old = os.umask(0o022)
    try:
        result = orchestrate.run_lint([leaflets], config)
        out = build(result.corpus, result.diagnostics, result.brands, config, tmp_path / "output", jobs=1)
    finally:
        os.umask(old)
    assert out.rendered
    files = [p for p in (tmp_path / "output").rglob("*") if p.is_file()]
    assert any(p.suffix == ".pdf" for p in files) and any(p.suffix == ".html" for p in files)
    for p in files:
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, p


@pytest.mark.slow
def test_changing_only_a_link_address_renders_the_leaflet_again(tmp_path):
    from pipeline import orchestrate
    from pipeline.lint.config import Config
    from pipeline.render.build import build

    leaflets = tmp_path / "leaflets"
    leaflets.mkdir()
    src = leaflets / "links.md"
    src.write_text(LINKS_MD, encoding="utf-8")
    config = Config(sources=ROOT / "sources", output=tmp_path / "output")

    def run():
        result = orchestrate.run_lint([leaflets], config, cache=False)
        return build(result.corpus, result.diagnostics, result.brands, config, tmp_path / "output", jobs=1)

    assert run().rendered and run().skipped and not run().rendered
    src.write_text(LINKS_MD.replace("www.rouw.example/verwerking", "www.rouw.example/nieuw"), encoding="utf-8")
    again = run()
    assert again.rendered and not again.skipped
    html = next((tmp_path / "output" / "html").rglob("links.html")).read_text(encoding="utf-8")
    assert "https://www.rouw.example/nieuw" in html and "/verwerking" not in html


def test_no_cell_text_is_lost_when_cells_share_a_position_or_have_none(tmp_path):
    from pipeline.ingest.document import identity_block

    doc = _leaflet(tmp_path, "t.txt", "kop\nA\nB\nC\nD\n")
    doc.blocks = [identity_block("table_cell", "A", 4, cell=(0, 0, 0), index=0),
                  identity_block("table_cell", "B", 6, cell=(0, 0, 0), index=1),
                  identity_block("table_cell", "C", 8, cell=(0, 1, 1), index=2),
                  identity_block("table_cell", "D", 10, cell=None, index=3)]
    fragment = body_html(doc, "kop")
    t = _tree(fragment)
    assert t.tags.count("table") == 1 and [c[2] for c in t.cells] == ["A B", "", "", "C"]
    assert "<p>D</p>" in fragment
