"""Hostile and broken input, end to end through the CLI: named, survived, never a traceback."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from tests.conftest import run_cli

GOOD = "Een miskraam is het verlies van een zwangerschap.\n\nBel de praktijk als je vragen hebt.\n"


def _make_corpus(folder):
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "word1252.txt").write_bytes("Een miskraam komt vaak voor. Praat erover met je partner – of een vriendin.\n".encode("cp1252"))
    (folder / "bom.md").write_bytes(b"\xef\xbb\xbf# Herstel\n\nHet herstel gaat meestal vlot.\n")
    (folder / "crlf.txt").write_bytes(b"Herstel\r\n\r\nHet herstel gaat meestal vlot.\r\n")
    (folder / "notzip.docx").write_bytes(b"PK but not really a zip")
    (folder / "notext.md").write_text("<!-- alleen commentaar -->\n\n   \n", encoding="utf-8")
    (folder / "hostile.html").write_text(
        '<html><head><script>alert(1)</script><style>p{}</style></head><body onload="evil()">'
        '<h1>Herstel</h1><p onclick="x()">Het herstel gaat meestal vlot.</p>'
        '<img src="http://example.invalid/track.png"><img src="file:///etc/passwd">'
        '<iframe src="http://example.invalid/"></iframe><script>document.write("kwaad")</script>'
        "</body></html>", encoding="utf-8")
    with zipfile.ZipFile(folder / "emptyzip.docx", "w") as z:
        z.writestr("hello.txt", "not a word document")
    (folder / "good.meta.yaml").write_text("region: [unclosed\n", encoding="utf-8")
    return folder


def _hash(folder):
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


@pytest.mark.slow
def test_hostile_corpus_is_survived_and_named(tmp_path, english):
    corpus = _make_corpus(tmp_path / "in")
    before = _hash(corpus)
    rtf = tmp_path / "notes.rtf"  # a folder walk skips unknown types; named explicitly it is reported
    rtf.write_text("{\\rtf1 hallo}", encoding="utf-8")
    r = run_cli("lint", corpus, rtf, "--format", "json", "--no-cache", cwd=tmp_path)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    by_file: dict[str, list[str]] = {}
    for d in doc["diagnostics"]:
        if d["rule"] in ("ingest.unreadable", "facts.schema"):
            by_file.setdefault(d["path"].rsplit("/", 1)[-1], []).append(d["message"])
    assert "empty" in " ".join(by_file["empty.txt"])
    assert "binary" in " ".join(by_file["binary.txt"]).lower()
    assert by_file["notzip.docx"] and by_file["emptyzip.docx"]
    assert "no text" in " ".join(by_file["notext.md"])
    assert "unsupported" in " ".join(by_file["notes.rtf"])
    assert "good.meta.yaml" in by_file and "YAML" in by_file["good.meta.yaml"][0]
    for ok in ("good.txt", "word1252.txt", "bom.md", "crlf.txt", "hostile.html"):
        assert ok not in by_file, (ok, by_file.get(ok))
    assert _hash(corpus) == before


@pytest.mark.slow
def test_hostile_html_yields_text_only(tmp_path):
    corpus = _make_corpus(tmp_path / "in")
    r = run_cli("ingest", corpus / "hostile.html", "--out", tmp_path / "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Het herstel gaat meestal vlot." in r.stdout
    for bad in ("alert", "evil", "kwaad", "example.invalid", "passwd", "onclick"):
        assert bad not in r.stdout


def test_config_yaml_syntax_error_exits_2_with_the_file(tmp_path):
    (tmp_path / "leaflint.yaml").write_text("rules:\n  a: b\n c: d\n", encoding="utf-8")
    r = run_cli("lint", tmp_path, cwd=tmp_path)
    assert r.returncode == 2
    assert "leaflint.yaml:3" in r.stderr and "Traceback" not in r.stderr


def test_a_large_text_file_is_refused_over_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Dit is een zin over herstel na een miskraam. " * 1000, encoding="utf-8")
    (tmp_path / "leaflint.yaml").write_text("limits: {max_file_bytes: 10000}\n", encoding="utf-8")
    r = run_cli("lint", big, "--format", "json", cwd=tmp_path)
    assert r.returncode == 1
    d = json.loads(r.stdout)["diagnostics"]
    assert [x["rule"] for x in d] == ["ingest.unreadable"] and "limit" in d[0]["message"]
