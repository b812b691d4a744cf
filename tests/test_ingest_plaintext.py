"""Plain-text reader: seeds, own leaflets, source positions, hostile input, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import IngestError, load_document
from pipeline.ingest.plaintext import parse_text
from pipeline.ingest.document import Document
from tests.conftest import SEEDS
from tests.test_ingest_common import check_every_char_once, check_source_map

DATA = Path(__file__).parent / "data" / "ingest"
SEED_FILES = sorted(SEEDS.glob("[0-9]*.txt"))


def seed(prefix: str) -> Document:
    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return load_document(path)


def headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "heading"]


def block_with(doc: Document, needle: str):
    found = [b for b in doc.blocks if needle in b.text]
    assert len(found) == 1, f"{needle!r} in {len(found)} blocks"
    return found[0]


def pos_of(doc: Document, needle: str) -> tuple[int, int]:
    b = block_with(doc, needle)
    i = b.text.index(needle)
    sp = doc.span(b, i, i + len(needle))
    return sp.line, sp.column


def line_col_in_file(path: Path, needle: str) -> tuple[int, int]:
    """Where ``needle`` starts in the file, counted independently of the reader."""
    text = path.read_text(encoding="utf-8-sig")
    for no, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return no, line.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_source_map_exact_and_complete(path):
    doc = load_document(path)
    check_source_map(doc)
    check_every_char_once(doc)


def test_seed_000_headings_lists_and_wraps():
    doc = seed("000")
    hs = headings(doc)
    for h in ["(DREIGENDE) MISKRAAM / BLOEDVERLIES IN DE EERSTE MAANDEN", "Wat is een miskraam?",
              "1. Afwachten", "2. Medicijnen", "3. Curettage", "Herstel", "Lichamelijk", "Emotioneel"]:
        assert h in hs
    title = doc.blocks[0]
    assert title.kind == "heading" and title.level == 1
    assert doc.blocks[[b.text for b in doc.blocks].index("Lichamelijk")].level > \
        doc.blocks[[b.text for b in doc.blocks].index("Herstel")].level
    # A hard-wrapped paragraph is one block; its second line is found on line 6.
    para = block_with(doc, "Als er in de prille ontwikkeling")
    assert "gaat kan de zwangerschap eindigen in een miskraam." in para.text
    assert pos_of(doc, "eindigen in een miskraam") == line_col_in_file(SEED_FILES[0], "eindigen in een miskraam")
    # A bullet whose sentence continues after a blank line stays one list item.
    item = block_with(doc, "Erg hevig bloedverlies")
    assert item.kind == "list_item"
    assert item.text.endswith("gepaard gaat met klachten van sterretjes zien of flauwvallen.")
    assert pos_of(doc, "klachten van sterretjes") == line_col_in_file(SEED_FILES[0], "klachten van sterretjes")
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items[0] == "Aanhoudende buikpijn" and len(items) == 4
    # Sections follow the headings.
    assert block_with(doc, "Gedurende één tot twee").section == "Lichamelijk"


def test_seed_001_list_intro_headings():
    doc = seed("001")
    hs = headings(doc)
    for h in ["Hoe vaak komt het voor", "Kans op herhaling", "Symptomen;", "Behandeling bij een miskraam;",
              "Inversie", "Rouwproces bij zwangerschapsverlies"]:
        assert h in hs
    assert block_with(doc, "Hevige krampen").kind == "list_item"
    assert block_with(doc, "Hevige krampen").section == "Symptomen;"
    # NBSP becomes a plain space in the text but keeps its column.
    b = block_with(doc, "zwangerschapsduur <12")
    assert "\u00a0" not in b.text
    assert pos_of(doc, "<12") == line_col_in_file(SEED_FILES[1], "<12")


def test_seed_002_markdown_headings_and_broken_sentence():
    doc = seed("002")
    hs = headings(doc)
    assert hs.count("Belinstructies") == 2
    assert "Lichamelijk herstel" in hs and "Wat te doen als een miskraam bij een echo is vastgesteld?" in hs
    call = [b for b in doc.blocks if b.text == "Neem contact op met de dienstdoende verloskundige:"]
    assert len(call) == 2 and call[0].kind == "paragraph"
    span = doc.span(call[0], call[0].text.index("dienstdoende"), len(call[0].text))
    start = line_col_in_file(SEED_FILES[2], "dienstdoende")
    assert (span.line, span.column) == start
    assert (span.end_line, span.end_column) == (start[0] + 1, len("verloskundige:") + 1)
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items[:4] == ["maandverband binnen 30min doordrenkt met bloed", "toename buikpijn", "schouderpijn",
                         "koorts >38.0°C"]
    assert all(b.level == 2 for b in doc.blocks if b.kind == "heading")


def test_seed_003_question_headings():
    doc = seed("003")
    hs = headings(doc)
    assert "Hoe weet je of een miskraam volledig is?" in hs
    assert "Kan seks een miskraam veroorzaken?" in hs
    # A sentence ending in a full stop is not a heading, even when it reads like a question.
    assert block_with(doc, "Hoe weet je dat je alles hebt verloren").kind == "paragraph"
    assert block_with(doc, "Klop het hartje van de baby?").kind == "paragraph"
    assert block_with(doc, "geen tampons gebruiken").kind == "list_item"


def test_seed_004_one_paragraph_per_line():
    doc = seed("004")
    assert "Dit kun je bij een miskraam merken:" in headings(doc)
    assert "Je krijgt géén miskraam door:" in headings(doc)
    paras = [b for b in doc.blocks if b.kind == "paragraph"]
    # unwrapped text: lines that end a sentence are not joined
    assert block_with(doc, "Ongeveer 1 op de 10").text == "Ongeveer 1 op de 10 zwangerschappen eindigt in een miskraam."
    assert len(paras) >= 8


def test_own_wrapped_crlf_leaflet():
    path = DATA / "wrapped-crlf.txt"
    doc = load_document(path)
    check_source_map(doc)
    check_every_char_once(doc)
    assert "\r" not in "".join(b.text for b in doc.blocks)
    assert headings(doc)[:3] == ["NAZORG NA EEN CURETTAGE", "Bloedverlies", "Bel de praktijk als:"]
    para = block_with(doc, "mag je dezelfde dag")
    assert para.text.endswith("tot vier keer per dag twee tabletten van 500 mg.")
    # CRLF: columns do not count the CR, the line after a CRLF starts at column 1
    assert pos_of(doc, "paracetamol, tot vier") == (5, 1)
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items[:3]] == ["je koorts hebt boven 38,5 graden", "het bloedverlies toeneemt of ruikt",
                                           "je veel pijn hebt die niet minder wordt met paracetamol"]
    assert [b.ordered for b in items] == [False, False, False, True, True]
    assert pos_of(doc, "ruikt") == (15, 3)
    # An address under a heading is not a pile of headings.
    assert block_with(doc, "Lindelaan 4").kind == "paragraph"


def test_spaces_tabs_and_separators_keep_columns():
    text = "Titel\tmet tab\n\nEen\u00a0zin\u2028met scheiding. En nog\u2003een.\n"
    blocks = parse_text(text)
    doc = Document(Path("x.txt"), "x", "txt", text, blocks)
    check_source_map(doc)
    body = block_with(doc, "Een zin")
    assert body.text == "Een zin met scheiding. En nog een."
    assert pos_of(doc, "nog") == (3, 27)


def test_setext_rules_and_nested_lists():
    text = ("Over deze folder\n================\n\nIntro tekst die uitlegt wat er staat.\n\n***\n\n"
            "Klachten\n--------\n* buikpijn\n  * in de onderbuik\n  * in de rug\n* koorts\n")
    blocks = parse_text(text)
    doc = Document(Path("x.txt"), "x", "txt", text, blocks)
    check_source_map(doc)
    check_every_char_once(doc)
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 1, "Over deze folder"), ("paragraph", 0, "Intro tekst die uitlegt wat er staat."),
        ("heading", 2, "Klachten"), ("list_item", 1, "buikpijn"), ("list_item", 2, "in de onderbuik"),
        ("list_item", 2, "in de rug"), ("list_item", 1, "koorts")]


def test_numbered_list_versus_numbered_sections():
    text = "Wat kun je doen\n1. Afwachten\n2. Medicijnen\n3. Curettage\n\n1. Uitleg\nDit is de uitleg van de eerste stap.\n"
    blocks = parse_text(text)
    kinds = [(b.kind, b.text) for b in blocks]
    assert ("list_item", "Afwachten") in kinds and ("list_item", "Curettage") in kinds
    assert ("heading", "1. Uitleg") in kinds


def test_old_mac_line_ends(tmp_path):
    path = tmp_path / "mac.txt"
    path.write_bytes(b"Titel\r\rEen zin die doorloopt\rop de volgende regel.\r- punt een\r- punt twee\r")
    doc = load_document(path)
    check_source_map(doc)
    check_every_char_once(doc)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Titel"), ("paragraph", "Een zin die doorloopt op de volgende regel."),
        ("list_item", "punt een"), ("list_item", "punt twee")]
    # positions count LF only: everything is on line 1
    assert pos_of(doc, "punt twee") == (1, doc.source.index("punt twee") + 1)


# --- hostile input -------------------------------------------------------------------------------

def write(tmp_path, name, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name,data,cause", [
    ("leeg.txt", b"", "empty file"),
    ("spaties.txt", b"  \n\t\n \xc2\xa0 \n", "no text"),
    ("bullets.txt", "•\n-\n#\n".encode(), "no text"),
    ("plaatje.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("raar.txt", bytes(range(1, 9)) * 200, "binary"),
    ("folder.rtf", b"{\\rtf1 Een miskraam}", "unsupported file type '.rtf'"),
])
def test_hostile_files_give_clear_errors(tmp_path, name, data, cause, english):
    path = write(tmp_path, name, data)
    with pytest.raises(IngestError) as e:
        load_document(path)
    assert cause in e.value.message
    assert str(path) in str(e.value)
    assert path.read_bytes() == data  # never changed


def test_windows_1252_and_bom_and_utf16(tmp_path):
    text = "Miskraam\nGedurende één tot twee weken – soms langer – verlies je “wat” bloed.\n"
    cp = load_document(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert block_with(cp, "Gedurende").text == text.splitlines()[1]
    assert any("Windows-1252" in n for n in cp.notes)
    bom = load_document(write(tmp_path, "b.txt", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert bom.blocks[0].text == "Miskraam" and pos_of(bom, "Miskraam") == (1, 1)
    u16 = load_document(write(tmp_path, "c.txt", text.encode("utf-16")))
    assert block_with(u16, "Gedurende").text == text.splitlines()[1]
    assert pos_of(u16, "één") == (2, 11)


@pytest.mark.slow
def test_large_file_within_limit_and_over_limit(tmp_path):
    para = ("Een miskraam is het verlies van een zwangerschap in de eerste 16 weken. Bel bij koorts boven "
            "38 graden direct de verloskundige, ook 's nachts en in het weekend.\n")
    big = tmp_path / "groot.txt"
    chunk = para + "\n"
    reps = 21_000  # more blocks than the default block limit (20,000), about 3.5 MB
    big.write_text(chunk * reps, encoding="utf-8")
    assert big.stat().st_size > 3_000_000
    doc = load_document(big, limits={"max_file_bytes": 25_000_000, "max_blocks": 1_000_000,
                                          "max_characters": 30_000_000})
    assert len(doc.blocks) == reps
    assert doc.blocks[-1].text.startswith("Een miskraam")
    with pytest.raises(IngestError) as e:
        load_document(big, limits={"max_file_bytes": 2_000_000})
    assert "limits.max_file_bytes" in e.value.message
    with pytest.raises(IngestError) as e:
        load_document(big, limits={"max_characters": 30_000_000})  # default block limit
    assert "limits.max_blocks" in e.value.message
    with pytest.raises(IngestError) as e:
        load_document(big, limits={"max_characters": 500_000})  # more bytes than 4 a character: refused unread
    assert "limits.max_characters" in e.value.message


# --- properties -----------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("abcAB yz.:;?!-*#•–1)(\n\n\n\t\u00a0\u2028\r=é'’") + ["12. ", "- ", "## ", "\r\n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_property_any_text_parses_and_keeps_every_character(text):
    blocks = parse_text(text)
    doc = Document(Path("p.txt"), "p", "txt", text, blocks)
    for i, b in enumerate(blocks):
        b.index = i
    check_source_map(doc)
    check_every_char_once(doc)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_property_arbitrary_unicode_never_crashes(text):
    blocks = parse_text(text)
    doc = Document(Path("p.txt"), "p", "txt", text, blocks)
    check_source_map(doc)
    check_every_char_once(doc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")),
       suffix=st.sampled_from([".txt", ".md", ".markdown", ".html", ".htm"]))
def test_property_any_bytes_give_a_document_or_a_clear_error(tmp_path, data, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    try:
        doc = load_document(path)
    except IngestError as e:
        assert e.message and str(path) in str(e)
    else:
        assert doc.blocks and all(b.text for b in doc.blocks)


def test_page_furniture_and_page_breaks_in_a_text_layer():
    from pipeline.ingest.pdfreader import page_furniture

    words = ["een", "twee", "drie", "vier"]
    pages = []
    for n in range(1, 5):
        pages.append(f"Praktijk De Linde – folder {n}\n\nTekst op pagina {words[n - 1]} loopt door\n"
                     f"tot het einde van {words[n - 1]}\n\n{n}\n\n")
    layer = "\f".join(pages) + "\f"
    skip = page_furniture(layer)
    lines = layer.split("\n")
    assert {lines[i].strip("\f") for i in skip} == {"Praktijk De Linde – folder 1", "Praktijk De Linde – folder 2",
                                                    "Praktijk De Linde – folder 3", "Praktijk De Linde – folder 4",
                                                    "1", "2", "3", "4"}
    blocks = parse_text(layer, skip)
    texts = [b.text for b in blocks]
    # a wrapped paragraph continues on the next page past the footer, header and blank lines
    assert texts[0] == "Tekst op pagina een loopt door tot het einde van een Tekst op pagina twee loopt door " \
                       "tot het einde van twee Tekst op pagina drie loopt door tot het einde van drie Tekst op " \
                       "pagina vier loopt door tot het einde van vier"
    # without the furniture list the page numbers stay text
    assert "1" in [b.text for b in parse_text(layer)]


def test_own_word_copy_leaflet():
    """Copied out of Word: tab after bullets, symbol-font bullets, bullets lost, 1) with a) sub-items."""
    doc = load_document(DATA / "word-copy.txt")
    check_source_map(doc)
    check_every_char_once(doc)
    got = [(b.kind, b.level, b.ordered, b.text) for b in doc.blocks]
    assert ("heading", 2, False, "Wat kun je verwachten?") in got
    # indented lines without bullets under a heading: the bullets were lost in the copy
    assert [g for g in got if g[3] in ("Bloedverlies, soms met stolsels", "Krampen in de onderbuik",
                                       "Soms misselijkheid")] == [
        ("list_item", 1, False, "Bloedverlies, soms met stolsels"), ("list_item", 1, False, "Krampen in de onderbuik"),
        ("list_item", 1, False, "Soms misselijkheid")]
    assert block_with(doc, "Behandelopties").kind == "heading"
    items = [(b.level, b.ordered, b.text) for b in doc.blocks if b.section == "Behandelopties"]
    assert items == [(1, True, "Afwachten"), (1, True, "Medicatie (misoprostol)"), (2, True, "tabletten in de vagina"),
                     (2, True, "tabletten onder de tong"), (1, True, "Curettage")]
    assert [b.text for b in doc.blocks if b.section == "Na de behandeling"] == ["Rust goed uit", "Gebruik geen tampons"]
    assert block_with(doc, "E-mail").kind == "paragraph"  # contact details are no heading
    assert pos_of(doc, "Gebruik geen") == line_col_in_file(DATA / "word-copy.txt", "Gebruik geen")


HYPHENATED = ("Tijdens de zwanger-\nschap en de kraam-\ntijd kun je een e-\nmail sturen naar de zwangerschaps-\n"
              "en kraamzorg of de anti-\nD-injectie (of het ver\u00ad\nloskundigenteam).\n")


def test_words_broken_at_line_ends_are_joined():
    blocks = parse_text(HYPHENATED)
    doc = Document(Path("h.txt"), "h", "txt", HYPHENATED, blocks)
    check_source_map(doc)
    check_every_char_once(doc)
    (b,) = blocks
    # no space where the line broke a word; "zwangerschaps- en" keeps its space; soft hyphen goes
    assert "e-mail" in b.text and "anti-D-injectie" in b.text and "zwangerschaps- en kraamzorg" in b.text
    assert "verloskundigenteam" in b.text
    assert " schap" not in b.text and " tijd kun" not in b.text
    i = b.text.index("injectie")
    assert (doc.span(b, i, i + 8).line, doc.span(b, i, i + 8).column) == (6, 3)


@pytest.mark.system
def test_dictionary_decides_which_line_end_hyphens_go():
    enchant = pytest.importorskip("enchant")
    if not enchant.dict_exists("nl_NL"):
        pytest.skip("no Dutch dictionary (hunspell-nl)")
    (b,) = parse_text(HYPHENATED)
    assert b.text == ("Tijdens de zwangerschap en de kraamtijd kun je een e-mail sturen naar de zwangerschaps- en "
                      "kraamzorg of de anti-D-injectie (of het verloskundigenteam).")


def test_own_faq_web_copy():
    """Copied from a web page: no blank lines, questions as headings, a date line, bare links."""
    path = DATA / "faq-webcopy.txt"
    doc = load_document(path)
    check_source_map(doc)
    check_every_char_once(doc)
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got[0] == ("heading", "Miskraam – veelgestelde vragen")
    assert ("paragraph", "Laatst bijgewerkt: 12 maart 2026") in got  # data, not a title
    assert ("heading", "Mag ik sporten na een miskraam?") in got
    assert block_with(doc, "Luister wel").section == "Mag ik sporten na een miskraam?"
    # a question inside a paragraph does not make it a heading
    assert block_with(doc, "Staat jouw vraag er niet bij?").kind == "paragraph"
    assert got[-2:] == [("paragraph", "https://www.thuisarts.nl/miskraam"), ("paragraph", "https://www.nvog.nl")]


def test_heading_right_under_a_wrapped_paragraph():
    text = ("Een curettage is een kleine operatieve ingreep. De baarmoederholte wordt hierbij via de vagina\n"
            "schoongemaakt. De ingreep duurt ongeveer tien tot vijftien minuten en je krijgt een korte narcose.\n"
            "Herstel\n"
            "Het lichamelijk herstel na een spontane abortus of een curettage is meestal vlot. Gedurende een tot\n"
            "twee weken bestaat vaak nog wat bloedverlies en bruinige afscheiding. Het is verstandig om te wachten.\n"
            "Soms een paar weken eerder of later.\n")
    blocks = parse_text(text)
    assert [(b.kind, b.text.split()[0], b.text.split()[-1]) for b in blocks] == [
        ("paragraph", "Een", "narcose."), ("heading", "Herstel", "Herstel"), ("paragraph", "Het", "later.")]


def test_question_heading_wrapped_over_two_lines():
    text = ("Soms klein, maar meestal groot.\n\nWat te doen als een miskraam bij een\necho is vastgesteld?\n"
            "Meestal wordt er een paar dagen afgewacht.\n")
    blocks = parse_text(text)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Soms klein, maar meestal groot."),
        ("heading", "Wat te doen als een miskraam bij een echo is vastgesteld?"),
        ("paragraph", "Meestal wordt er een paar dagen afgewacht.")]


def test_button_and_logo_lines_of_a_scraped_page_stay_paragraphs():
    text = ("Logo Ziekenhuis Zuiderhaven\n\nPrint pagina\nDownload PDF\n\nMiskraam\n\n"
            "Een miskraam komt vaak voor.\n\nadvertisement\n\nwat je kunt doen\n")
    blocks = parse_text(text)
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["Logo Ziekenhuis Zuiderhaven"] == "paragraph"
    assert kinds["Print pagina"] == "paragraph" and kinds["Download PDF"] == "paragraph"
    assert kinds["Miskraam"] == "heading"
    assert kinds["advertisement"] == "paragraph"  # not joined to the lower-case line after it


def test_image_text_and_teasers_of_a_scraped_page_stay_paragraphs():
    text = ("Verdrietig stel bespreekt de uitslag van de echo\n\nWat is…\n\nMiskraam\n\n"
            "Een miskraam komt vaak voor.\n\nVrouwen met een herhaalde miskraam\n\nZij krijgen een gesprek.\n")
    kinds = {b.text: b.kind for b in parse_text(text)}
    assert kinds["Verdrietig stel bespreekt de uitslag van de echo"] == "paragraph"
    assert kinds["Wat is…"] == "paragraph"
    assert kinds["Miskraam"] == "heading" and kinds["Vrouwen met een herhaalde miskraam"] == "heading"


def test_loose_words_between_blank_lines_stay_a_line_of_their_own():
    # an image's text under a title is no rest of the title's sentence; a sentence cut by a stray
    # blank line still runs on
    blocks = parse_text("Verlof na een miskraam voor iedereen\n\nhanden\n\nDe minister regelt twee dagen verlof.\n")
    assert [b.text for b in blocks] == ["Verlof na een miskraam voor iedereen", "handen",
                                        "De minister regelt twee dagen verlof."]
    blocks = parse_text("Na de behandeling mag je naar huis als je\n\ngoed geplast hebt en je je goed voelt.\n")
    assert [b.text for b in blocks] == ["Na de behandeling mag je naar huis als je goed geplast hebt en je je goed voelt."]


def test_a_wrapped_sentence_ending_in_a_buttons_word_runs_on():
    blocks = parse_text("Na afloop komt je menstruatie na 4 tot 6 weken\nterug.\n\nBel bij koorts.\n")
    assert [b.text for b in blocks] == ["Na afloop komt je menstruatie na 4 tot 6 weken terug.", "Bel bij koorts."]
