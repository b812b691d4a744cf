"""Normalized Markdown: front matter, every sentence once, and it reads back to the same blocks."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import load_document
from pipeline.ingest.document import Document
from pipeline.ingest.mdreader import parse_markdown
from pipeline.ingest.normalize import to_markdown
from pipeline.ingest.plaintext import parse_text
from pipeline.ingest.textmap import spaces_to_blank
from pipeline.text import split_sentences
from pipeline.yamlio import load_yaml
from tests.conftest import SEEDS
from tests.test_ingest_common import coverage, markup_offsets

DATA = Path(__file__).parent / "data" / "ingest"
SEED_FILES = sorted(SEEDS.glob("[0-9]*.txt"))
OWN_FILES = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".md", ".html"))


def split_front_matter(md: str) -> tuple[dict, str]:
    m = re.match(r"---\n(.*?)\n---\n", md, re.S)
    assert m, "no front matter"
    return m.group(1), md[m.end():]


def unescape(md: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md)


def tokens(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("path", SEED_FILES + OWN_FILES, ids=lambda p: p.name[:12])
def test_reads_back_to_the_same_blocks(path):
    doc = load_document(path)
    md = to_markdown(doc)
    back = parse_markdown(md)
    assert [(b.kind, b.text) for b in back] == [(b.kind, b.text) for b in doc.blocks]
    assert [b.level for b in back if b.kind == "heading"] == [b.level for b in doc.blocks if b.kind == "heading"]
    assert [b.cell for b in back if b.kind == "table_cell"] == [b.cell for b in doc.blocks if b.kind == "table_cell"]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_every_sentence_exactly_once(path, tmp_path):
    doc = load_document(path)
    fm, body = split_front_matter(to_markdown(doc))
    meta = load_yaml_text(fm, tmp_path)
    assert meta["id"] == path.stem and meta["format"] == "txt" and meta["region"] == "NL"
    assert meta["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    # No word of the source is lost or doubled: the source minus list markers, word by word.
    source = doc.source
    marks = markup_offsets(source)
    used = coverage(doc)  # a numbered heading keeps its number: not every marker is markup
    bare = "".join(" " if i in marks and not used[i] else c for i, c in enumerate(spaces_to_blank(source)))
    assert tokens(" ".join(b.text for b in doc.blocks)) == tokens(bare)
    # Every sentence is in the Markdown as often as in the source (seed 002 repeats a section).
    plain = unescape(body)
    flat = " ".join(bare.split())
    for b in doc.blocks:
        for s, e in split_sentences(b.text):
            sentence = b.text[s:e]
            assert plain.count(sentence) == flat.count(" ".join(sentence.split())), sentence


def load_yaml_text(text: str, tmp_path: Path) -> dict:
    p = tmp_path / "fm.yaml"
    p.write_text(text, encoding="utf-8")
    return load_yaml(p)


def test_seed_002_sentences_by_hand():
    doc = load_document([p for p in SEED_FILES if p.name.startswith("002")][0])
    md = unescape(to_markdown(doc))
    assert md.count("Bij 70% van de vrouwen is dit het geval.") == 1
    assert md.count("## Belinstructies\n\n- maandverband binnen 30min doordrenkt met bloed\n- toename buikpijn") == 2
    assert md.count("Neem contact op met de dienstdoende verloskundige:") == 2
    assert "[www.FIOM.nl](http://www.FIOM.nl)" in md  # literal in a .txt, so escaped, not a link


def test_front_matter_title_from_sidecar_meta(tmp_path):
    p = tmp_path / "folder.txt"
    p.write_text("Miskraam\nEen miskraam is het verlies van een zwangerschap.\n", encoding="utf-8")
    doc = load_document(p, meta={"title": "Miskraam: wat nu?", "region": "BE", "language": "nl"})
    fm, body = split_front_matter(to_markdown(doc))
    meta = load_yaml_text(fm, tmp_path)
    assert meta["title"] == "Miskraam: wat nu?" and meta["region"] == "BE" and meta["language"] == "nl"
    assert body.strip() == "## Miskraam\n\nEen miskraam is het verlies van een zwangerschap."


def test_lists_tables_and_escapes_rendered():
    text = "# Kop met \\#\n\n1. een\n   - twee \\*ster\\*\n2. drie\n\n| a | b |\n|---|---|\n| c \\| d | e |\n\n2\\. Geen lijst\n"
    doc = Document(Path("x.md"), "x", "md", text, parse_markdown(text))
    _, body = split_front_matter(to_markdown(doc))
    assert body.strip() == ("# Kop met \\#\n\n1. een\n    - twee \\*ster\\*\n2. drie\n\n| a | b |\n|---|---|\n"
                            "| c \\| d | e |\n\n2\\. Geen lijst")


def test_pandoc_reads_the_normalized_markdown(tmp_path):
    from pipeline.ingest.pandoc_ast import pandoc_path

    doc = load_document(DATA / "nazorg.md")
    out = tmp_path / "n.md"
    out.write_text(to_markdown(doc), encoding="utf-8")
    html = subprocess.run([pandoc_path(), "--sandbox", "-f", "markdown", "-t", "html", str(out)], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    assert "<h3" in html and "<table>" in html and "<ol" in html


_TEXT = st.lists(st.sampled_from(list("abc AB.:?*_#-1)[]<>&|`\\\n\n") + ["12. ", "- ", "## ", "&amp;", "***", "    "]),
                 max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_property_markdown_round_trip(text):
    doc = Document(Path("p.txt"), "p", "txt", text, parse_text(text))
    back = parse_markdown(to_markdown(doc))
    assert [(b.kind, b.text) for b in back] == [(b.kind, b.text) for b in doc.blocks]
