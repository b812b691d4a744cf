"""Hostile input end to end: every bad file gets a clear message naming it, nothing crashes,
nothing is fetched, and the sources are never changed."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from pipeline.corpus import load_corpus
from pipeline.lint.config import Config
from pipeline.paths import LEAFLET_SUFFIXES
from pipeline.problems import Kind
from tests.conftest import ROOT, SEEDS

# causes are checked by their English msgids; tests/test_messages.py checks the Dutch texts
pytestmark = pytest.mark.usefixtures("english")

GOOD = "Miskraam\nEen miskraam is het verlies van een zwangerschap in de eerste 16 weken.\n"


def hostile_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Files with leaflet extensions that must each be refused, and the cause expected for each."""
    d = tmp_path / "leaflets"
    d.mkdir()
    expected = {}

    def put(name, data: bytes, cause: str | None):
        (d / name).write_bytes(data)
        if cause:
            expected[name] = cause

    put("leeg.txt", b"", "empty file")
    put("plaatje.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data")
    put("geen-zip.docx", b"Dit is platte tekst.\n", "not a Word file")
    put("geen-zip-odf.odt", b"PK but not really", "not a OpenDocument file")
    put("alleen-script.html", b"<html><head><title>x</title><script>alert(1)</script></head><body>"
        b"<iframe src='file:///etc/passwd'></iframe><img src='https://example.invalid/p.gif'></body></html>",
        "no text found")
    put("alleen-opmaak.md", b"---\ntitle: x\n---\n\n***\n\n<!-- leeg -->\n", "no text found")
    put("geen.pdf", b"GIF89a not a pdf", "not a PDF file")
    # a byte order mark before bytes that are no UTF-16: the "text" is two CJK characters
    put("valse-bom.txt", b"\xff\xfe\x00bad", "no letter of the Latin alphabet")
    # readable ones, in the encodings Word and Notepad produce
    put("goed-cp1252.txt", "Miskraam\nGedurende één tot twee weken – “wat” bloed.\n".encode("cp1252"), None)
    put("goed-bom.txt", b"\xef\xbb\xbf" + GOOD.encode(), None)
    put("goed-crlf.txt", GOOD.replace("\n", "\r\n").encode(), None)
    return d, expected


def test_corpus_collects_problems_instead_of_crashing(tmp_path):
    folder, expected = hostile_folder(tmp_path)
    corpus = load_corpus([folder], Config())
    by_file = {Path(p.path).name: p.message for p in corpus.problems}
    for name, cause in expected.items():
        assert name in by_file, f"{name} was not refused"
        assert cause in by_file[name], (name, by_file[name])
    assert sorted(d.id for d in corpus.documents) == ["goed-bom", "goed-cp1252", "goed-crlf"]
    assert all(p.kind is Kind.UNREADABLE for p in corpus.problems)


def test_cli_ingest_names_each_bad_file_and_never_shows_a_traceback(tmp_path, cli):
    folder, expected = hostile_folder(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    out = tmp_path / "out"
    r = cli("ingest", folder, "--out", out, "--no-print")
    assert "Traceback" not in r.stderr + r.stdout
    assert r.returncode == 1
    for name, cause in expected.items():
        line = [ln for ln in r.stderr.splitlines() if name in ln]
        assert line and cause in line[0], (name, r.stderr)
    written = sorted(p.name for p in (out / "normalized").iterdir())
    assert written == ["goed-bom.md", "goed-cp1252.md", "goed-crlf.md"]
    assert "Gedurende één tot twee weken – “wat” bloed." in (out / "normalized" / "goed-cp1252.md").read_text()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_unsupported_extension_given_by_name(tmp_path, cli):
    p = tmp_path / "folder.rtf"
    p.write_text("{\\rtf1 Een miskraam}")
    r = cli("ingest", p, "--out", tmp_path / "out", "--no-print")
    assert "Traceback" not in r.stderr and "folder.rtf" in r.stderr and "unsupported file type" in r.stderr


def digest_tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_ingesting_the_seeds_never_changes_sources(tmp_path, cli):
    sources = ROOT / "sources"
    before = digest_tree(sources)
    r = cli("ingest", SEEDS, "--out", tmp_path / "out", "--no-print")
    assert r.returncode == 0, r.stderr
    leaflets = [p for p in SEEDS.iterdir() if p.suffix in LEAFLET_SUFFIXES]
    assert len(list((tmp_path / "out" / "normalized").glob("*.md"))) == len(leaflets)
    assert digest_tree(sources) == before


def test_zip_bomb_docx_is_refused_before_pandoc(tmp_path):
    bomb = tmp_path / "leaflets" / "bom.docx"
    bomb.parent.mkdir()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/media/nul.bin", b"\x00" * 30_000_000)
    corpus = load_corpus([bomb.parent], Config())
    assert corpus.documents == [] and "zip bomb" in corpus.problems[0].message
