"""PDF text layer via pdftotext: structure, text-layer positions, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import IngestError, load_document
from tests.conftest import have
from tests.test_ingest_common import check_source_map

# causes are checked by their English msgids; tests/test_messages.py checks the Dutch texts
pytestmark = [pytest.mark.system, pytest.mark.skipif(not have("pdftotext"), reason="poppler-utils not installed"),
              pytest.mark.usefixtures("english")]

LEAFLET_HTML = """<html lang="nl"><body style="font-family: sans-serif; font-size: 11pt; width: 14cm">
<h1>Nazorg na een curettage</h1>
<p>Na een curettage mag je meestal dezelfde dag naar huis. Je kunt nog een paar dagen wat buikpijn
hebben, vergelijkbaar met menstruatiepijn. Neem daarvoor paracetamol.</p>
<h2>Wanneer bellen?</h2>
<ul><li>bij koorts boven 38,5 graden</li>
<li>bij veel bloedverlies, meer dan één maandverband per uur, of als je je flauw of duizelig voelt</li></ul>
<p style="page-break-before: always">Op de tweede pagina: het herstel duurt meestal een paar weken.</p>
<p style="width: 5cm; hyphens: auto">Vruchtbaarheidsbehandeling verloskundigenpraktijk</p>
</body></html>"""


def make_pdf(tmp_path: Path, html: str, name: str = "folder.pdf") -> Path:
    from weasyprint import HTML

    out = tmp_path / name
    HTML(string=html).write_pdf(str(out))
    return out


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory):
    return load_document(make_pdf(tmp_path_factory.mktemp("pdf"), LEAFLET_HTML))


def test_pdf_structure(pdf_doc):
    doc = pdf_doc
    assert doc.format == "pdf" and doc.line_based is False
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", "Nazorg na een curettage")
    assert ("heading", "Wanneer bellen?") in kinds
    assert ("list_item", "bij koorts boven 38,5 graden") in kinds
    assert ("list_item", "bij veel bloedverlies, meer dan één maandverband per uur, of als je je flauw of "
                         "duizelig voelt") in kinds
    para = [b for b in doc.blocks if b.text.startswith("Na een curettage")][0]
    assert para.text.endswith("vergelijkbaar met menstruatiepijn. Neem daarvoor paracetamol.")
    # words hyphenated by the typesetter (U+2010 at the line end) are whole again
    assert any("Vruchtbaarheidsbehandeling verloskundigenpraktijk" in b.text for b in doc.blocks)


def test_pdf_positions_in_text_layer(pdf_doc):
    doc = pdf_doc
    check_source_map(doc)
    assert doc.source.count("\f") >= 2  # one form feed after each page
    for b in doc.blocks:
        for word in ("paracetamol", "duizelig", "tweede", "curettage"):
            i = b.text.find(word)
            if i == -1:
                continue
            span = doc.span(b, i, i + len(word))
            line = doc.line_text(span.line)
            assert line[span.column - 1:span.column - 1 + len(word)] == word
    second_page = [b for b in doc.blocks if b.text.startswith("Op de tweede pagina")][0]
    line = doc.span(second_page, 0, 1).line
    assert "\f" in "\n".join(doc.source.split("\n")[:line])


def test_pdf_without_text_layer(tmp_path):
    path = make_pdf(tmp_path, "<html><body><div style='width:5cm;height:5cm;background:#333'></div></body></html>")
    with pytest.raises(IngestError) as e:
        load_document(path)
    assert e.value.message == "no text layer (scanned PDF?)"


@pytest.mark.parametrize("data,cause", [
    (b"Dit is geen PDF maar tekst.\n", "not a PDF file"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nrommel zonder xref\n", "PDF"),
])
def test_bad_pdf_files(tmp_path, data, cause):
    p = tmp_path / "kapot.pdf"
    p.write_bytes(data)
    with pytest.raises(IngestError) as e:
        load_document(p)
    assert cause in e.value.message and str(p) in str(e.value)


def test_truncated_pdf(tmp_path):
    good = make_pdf(tmp_path, LEAFLET_HTML, "heel.pdf").read_bytes()
    p = tmp_path / "half.pdf"
    p.write_bytes(good[: len(good) // 3])
    try:
        doc = load_document(p)
    except IngestError as e:
        assert e.message and str(p) in str(e)
    else:
        assert doc.blocks  # poppler recovered part of the text


FURNITURE_HTML = """<html lang="nl"><head><style>
@page {{ size: A6; margin: 2cm 1.5cm; @top-left {{ content: "Verloskundigenpraktijk De Linde"; font-size: 8pt }}
        @bottom-center {{ content: "Pagina " counter(page) " van " counter(pages); font-size: 8pt }} }}
body {{ font-size: 10pt }}</style></head><body><h1>Miskraam</h1>{body}</body></html>"""


def test_page_furniture_left_out_and_paragraphs_run_over_page_breaks(tmp_path):
    body = "".join(f"<p>Alinea {i}: een miskraam is het verlies van een zwangerschap in de eerste zestien weken "
                   f"en dit komt vaak voor bij veel vrouwen die zwanger zijn, zeker in het begin.</p>"
                   for i in range(1, 14))
    doc = load_document(make_pdf(tmp_path, FURNITURE_HTML.format(body=body)))
    assert doc.source.count("\f") >= 3
    texts = [b.text for b in doc.blocks]
    assert not any("Pagina" in t or "De Linde" in t for t in texts)
    paras = [t for t in texts if t.startswith("Alinea")]
    assert len(paras) == 13 and all(t.endswith("zeker in het begin.") for t in paras)
    assert any("page furniture" in n for n in doc.notes)


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path, LEAFLET_HTML, "open.pdf")
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim", owner_password="eigenaar")
    locked = tmp_path / "slot.pdf"
    with open(locked, "wb") as f:
        writer.write(f)
    with pytest.raises(IngestError) as e:
        load_document(locked)
    assert e.value.message == "the PDF is password-protected"


WATERMARK_HTML = """<html lang="nl"><head><style>
@page {{ size: A5; margin: 2cm 1.5cm; @top-left {{ content: "Praktijk De Linde"; font-size: 8pt }}
        @bottom-left {{ content: "Patiënteninformatie · versie 2 · 1 mei 2026"; font-size: 8pt }}
        @bottom-right {{ content: "Pagina " counter(page) " van " counter(pages); font-size: 8pt }} }}
.stempel {{ position: fixed; top: 40%; left: 10%; transform: rotate(-35deg); font-size: 40pt; color: #fcc }}
body {{ font-size: 10pt }}</style></head><body><div class="stempel">VOORBEELD — niet uitdelen</div>
<h1>Miskraam</h1>{body}</body></html>"""


def test_a_diagonal_watermark_is_left_out_and_the_text_it_crosses_kept(tmp_path):
    body = "".join(f"<p>Alinea {i}: een miskraam is het verlies van een zwangerschap in de eerste zestien weken "
                   f"en dit komt vaak voor bij veel vrouwen die zwanger zijn, zeker in het begin.</p>"
                   for i in range(1, 12))
    doc = load_document(make_pdf(tmp_path, WATERMARK_HTML.format(body=body)))
    texts = [b.text for b in doc.blocks]
    assert doc.source.count("\f") >= 1  # two pages at least: the footer is furniture on each
    assert not any("VOORBEELD" in t or "niet uitdelen" in t for t in texts)
    assert not any(len(t.replace(" ", "")) <= 3 for t in texts), texts  # no pieces of the stamp
    joined = " ".join(texts)
    for i in range(1, 12):  # every sentence whole, no word left out, no piece of the stamp inside
        assert f"Alinea {i}: een miskraam is het verlies van een zwangerschap in de eerste zestien weken en dit " \
               f"komt vaak voor bij veel vrouwen die zwanger zijn, zeker in het begin." in joined
    assert not any("Pagina" in t or "versie 2" in t or "De Linde" in t for t in texts)
    assert any("diagonal text" in n for n in doc.notes)


def test_a_leaflet_without_diagonal_text_reads_as_before(tmp_path):
    from pipeline.ingest.pdfreader import _pdftotext, _upright_text

    pdf = make_pdf(tmp_path, LEAFLET_HTML)
    assert _upright_text(pdf) == (_pdftotext(pdf), 0)
