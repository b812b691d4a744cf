"""Word (.docx) and OpenDocument (.odt) through pandoc: structure, locator positions, bad files."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from pipeline.ingest import IngestError, load_document
from pipeline.ingest.pandoc_ast import pandoc_path, walk

# causes are checked by their English msgids; tests/test_messages.py checks the Dutch texts
pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data" / "ingest"
SOURCE_MD = DATA / "bloedverlies.md"


def convert(tmp_path: Path, fmt: str, md: Path = SOURCE_MD) -> Path:
    """Make a real .docx/.odt with pandoc itself (no binary fixtures in the repository)."""
    out = tmp_path / f"bloedverlies.{fmt}"
    subprocess.run([pandoc_path(), "--sandbox", "-f", "markdown", "-o", str(out), str(md)], check=True,
                   capture_output=True, timeout=60)
    return out


@pytest.fixture(scope="module", params=["docx", "odt"])
def office(request, tmp_path_factory):
    path = convert(tmp_path_factory.mktemp(request.param), request.param)
    return path, load_document(path)


def test_structure(office):
    path, doc = office
    assert doc.format == path.suffix[1:] and doc.line_based is False
    got = [(b.kind, b.level, b.ordered, b.text) for b in doc.blocks if b.kind != "table_cell"]
    assert ("heading", 1, False, "Wat is er aan de hand?") in got
    assert ("heading", 2, False, "Wat kun je zelf doen?") in got
    assert ("list_item", 1, True, "Rust nemen als je buikpijn hebt.") in got
    assert ("list_item", 2, False, "Gebruik maandverband.") in got
    assert ("paragraph", 0, False, "Twijfel je? Bel gerust, ook ’s nachts.") in got
    # a paragraph set in bold from start to end is a heading one level below the last one
    assert ("heading", 3, False, "Herstel na bloedverlies") in got
    assert ("paragraph", 0, False, "Het bloedverlies stopt meestal vanzelf binnen een paar dagen.") in got
    para = [b for b in doc.blocks if b.text.startswith("Bloedverlies in de eerste")][0]
    assert para.text == ("Bloedverlies in de eerste weken komt vaak voor: bij ongeveer 1 op de 4 zwangeren. "
                         "Het betekent niet altijd dat er een miskraam komt.")
    # the footnote follows the paragraph that cites it
    assert doc.blocks[para.index + 1].text == "Bron: richtlijn van de beroepsvereniging."
    cells = [(b.cell, b.text) for b in doc.blocks if b.kind == "table_cell"]
    assert cells == [((0, 0, 0), "Situatie"), ((0, 0, 1), "Wat te doen"), ((0, 1, 0), "Koorts boven 38 °C"),
                     ((0, 1, 1), "Direct bellen"), ((0, 2, 0), "Meer dan 1 verband/uur"),
                     ((0, 2, 1), "Bel de spoedlijn")]
    assert [b for b in doc.blocks if b.text == "Direct bellen"][0].section == "Wanneer bellen?"


def test_docx_title_style_is_kept(tmp_path):
    doc = load_document(convert(tmp_path, "docx"))
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "Bloedverlies in het begin van de zwangerschap"


def test_locator_is_block_number_and_character(office):
    _, doc = office
    lines = doc.source.split("\n")
    assert len(lines) == len(doc.blocks)
    for b in doc.blocks:
        assert lines[b.index] == b.text
        i = len(b.text) // 2
        span = doc.span(b, i, len(b.text))
        assert (span.line, span.column) == (b.index + 1, i + 1)
        assert (span.end_line, span.end_column) == (b.index + 1, len(b.text) + 1)


def test_walker_visits_every_string(office):
    path, _ = office
    from pipeline.ingest.pandoc_ast import run_pandoc

    ast = run_pandoc(path, path.suffix[1:])
    words = []
    walk(ast["blocks"], lambda el: words.append(el["c"]) if el["t"] == "Str" else None)
    assert "spoedlijn" in words and "beroepsvereniging." in words


@pytest.mark.parametrize("suffix,name", [(".docx", "Word"), (".odt", "OpenDocument")])
def test_not_a_zip(tmp_path, suffix, name):
    p = tmp_path / f"folder{suffix}"
    p.write_bytes(b"Dit is platte tekst met een verkeerde extensie.\n")
    with pytest.raises(IngestError) as e:
        load_document(p)
    assert e.value.message.startswith(f"not a {name} file") and "zip" in e.value.message


def test_old_binary_word_file(tmp_path):
    p = tmp_path / "oud.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(IngestError) as e:
        load_document(p)
    assert ".doc" in e.value.message and "password" in e.value.message


def test_zip_without_document_and_zip_bomb(tmp_path):
    p = tmp_path / "leeg.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("iets.txt", "hallo")
    with pytest.raises(IngestError) as e:
        load_document(p)
    assert "no word/document.xml" in e.value.message
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/media/nul.bin", b"\x00" * 40_000_000)
    with pytest.raises(IngestError) as e:
        load_document(bomb)
    assert "zip bomb" in e.value.message


def test_broken_document_xml(tmp_path):
    p = tmp_path / "kapot.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p>niet afgesloten")
    with pytest.raises(IngestError) as e:
        load_document(p)
    assert e.value.message  # pandoc's complaint or "no text found", never a traceback
