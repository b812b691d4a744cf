"""House-style, contact and readability rules, their data files, and the seed acceptance list."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from pipeline.language import data, phones
from pipeline.language.readability import syllables
from pipeline.paths import SCHEMA_DIR
from pipeline.yamlio import DataFileError, load_validated
from tests.case_runner import run_case


def _run(tmp_path, rule, leaflets, **extra):
    tmp_path.mkdir(parents=True, exist_ok=True)
    return run_case(rule, {"leaflets": leaflets, "expect": [], **extra}, tmp_path)


# -- data files -----------------------------------------------------------------------------

def test_data_files_validate_and_compile():
    assert len(data.residue_phrases()) >= 8
    assert {p.id for p in data.typography()} >= {"a-accent"}
    assert "je" in data.style()["address_form"]["informal"]


def test_a_bad_residue_file_names_the_field(tmp_path):
    bad = tmp_path / "residue.yaml"
    bad.write_text("phrases:\n  - id: x\n    pattern: 'a'\n", encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        load_validated(bad, "residue.schema.json")
    assert "reason" in e.value.message


def test_every_residue_pattern_leaves_the_correct_texts_alone():
    here = Path(__file__).parent
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(here.glob("test_language_clean*.txt")))
    for p in data.residue_phrases():
        assert not p.regex.search(text), p.id


def test_lexicon_builder_reads_frogs_format(tmp_path):
    from pipeline.language.build_lexicon import build

    src = tmp_path / "lex"
    src.write_text("100 klopt WW(pv,tgw,met-t):100 \n40 klop N(soort,ev):35 WW(pv,tgw,ev):5 \n1 zzz N(soort):1 \n",
                   encoding="utf-8")
    out = tmp_path / "lex.tsv.gz"
    assert build(src, out) == 2
    rows = gzip.open(out, "rt", encoding="utf-8").read().splitlines()
    assert rows == ["klop\t40\tn,pv", "klopt\t100\tpvt"]


# -- pieces ---------------------------------------------------------------------------------

@pytest.mark.parametrize("word,n", [("miskraam", 2), ("zwangerschap", 3), ("bloedverlies", 3), ("ideeën", 3),
                                     ("geïnformeerd", 4), ("echo", 2), ("baarmoeder", 3), ("pijn", 1)])
def test_dutch_syllables(word, n):
    assert syllables(word) == n


def test_phone_numbers_and_their_digits():
    text = "Bel 06-43789244, 0183 64 42 17, +31 (0)20 123 4567 of 0800-0123. In 2024 kregen 20.000 vrouwen 1 op 10."
    assert [n.digits for n in phones.find_numbers(text)] == ["0643789244", "0183644217", "0201234567", "08000123"]


def test_phone_owner_and_service():
    text = "Bel de praktijk overdag op 020 123 4567. Buiten kantooruren bel je de dienstdoende verloskundige: 06 12345678."
    numbers = phones.find_numbers(text)
    assert [phones.owner(text, n.start) for n in numbers] == ["praktijk", "verloskundige"]
    assert [sorted(phones.service(text, n.start).key) for n in numbers] == [["daytime"], ["after-hours", "emergency"]]


def test_phone_owner_in_a_later_sentence_of_a_line():
    text = "Na twee dagen nog geen bloedverlies? Bel de praktijk op 0123-456789."
    assert phones.owner(text, text.index("0123")) == "praktijk"


@pytest.mark.parametrize("text,owners", [
    # a contact two lines up, or inside an e-mail address, owns no number on an e-mail line
    ("Buiten kantooruren bel je de huisartsenpost.\nE-mail: info@praktijk.nl of bel 020-1234567.", [""]),
    ("Bel de huisartsenpost. Mail ons of bel 020-1234567.", [""]),
    # the nearest contact in the sentence, and a label next to a number is that number's only
    ("Bel de praktijk op 020-1234567 of de huisartsenpost op 088-1234567.", ["praktijk", "huisartsenpost"]),
    ("Bel de praktijk: 020-1234567 (huisartsenpost: 088-1234567).", ["praktijk", "huisartsenpost"]),
    ("Bel 020-1234567 (huisartsenpost) of 06-12345678.", ["huisartsenpost", ""]),
])
def test_phone_owner_is_the_nearest_contact_in_the_same_sentence(text, owners):
    assert [phones.owner(text, n.start) for n in phones.find_numbers(text)] == owners


def test_phone_hours():
    text = ("Bij spoed kun je de praktijk dag en nacht bellen: 06-12345678. Buiten kantooruren bel je 020-7654321. "
            "Overdag: 020-1111111. Vragen? Bel direct 020-2222222. Tussen 17.00 en 8.00 uur: 06-11111111. "
            "Na 24 uur nog koorts? Bel 020-3333333.")
    keys = [sorted(phones.service(text, n.start).key) for n in phones.find_numbers(text)]
    assert keys == [["always", "emergency"], ["after-hours"], ["daytime"], [], ["17.00-08.00"], []]


# -- rules ----------------------------------------------------------------------------------

def test_address_form_names_every_minority_location(tmp_path):
    text = {"a.txt": "Je krijgt een echo.\n\nHeeft u vragen? Bel uw verloskundige.\n\nJe mag altijd bellen. Jouw gevoel telt.\n"}
    found, diags = _run(tmp_path, "style.address-form", text)
    assert found == ["a.txt:3:7 style.address-form"]
    assert [(r.line, r.column) for r in diags[0].related] == [(3, 7), (3, 21)]
    assert "'u/uw'" in diags[0].message


def test_web_residue_in_the_middle_of_a_line(tmp_path):
    found, diags = _run(tmp_path, "style.web-residue",
                        {"a.txt": "Een miskraam komt vaak voor. Deel dit artikel met je vrienden.\n"})
    assert found == ["a.txt:1:30 style.web-residue"] and "deelknoppen" in diags[0].message


def test_web_residue_numbered_contents_whose_sections_are_missing(tmp_path):
    contents = "1. Inleiding\n2. Wat gebeurt er\n2.1 De eerste dagen\n3. Na de behandeling\n4. Adressen\n\n"
    text = ("Na een curettage\n\n" + contents + "1. Inleiding\n\nIn deze folder lees je hoe een curettage gaat en "
            "wat je daarna kunt verwachten.\n")
    found, _ = _run(tmp_path, "style.web-residue", {"a.txt": text})
    # the entry whose section follows stays; the entries that point at nothing go
    assert [f.split(":")[1] for f in found] == ["4", "5", "6", "7"]
    # numbered steps are no contents list: the first step does not come back as a section
    steps = ("Wat kun je doen\n\n1. Neem rust\n2. Drink genoeg water\n3. Neem zo nodig paracetamol\n"
             "4. Bel bij koorts de praktijk\n\nBel ook als je veel bloed verliest of als de pijn erger wordt.\n")
    assert _run(tmp_path / "steps", "style.web-residue", {"b.txt": steps})[0] == []


def test_duplicate_section_in_plain_text_without_marked_headings(tmp_path):
    body = "Bel bij koorts boven 38 graden.\n\nBel bij hevig bloedverlies.\n\n"
    text = "Belinstructies\n\n" + body + "Emotioneel herstel\n\nPraat erover.\n\nBelinstructies\n\n" + body
    found, _ = _run(tmp_path, "structure.duplicate-section", {"a.txt": text})
    assert found == ["a.txt:11:1 structure.duplicate-section"]


def test_phone_mismatch_accepts_the_emergency_number(tmp_path):
    brand = ('name: Praktijk\ncolors: {primary: "#123456", text: "#000000", background: "#ffffff"}\n'
             'contact: {phone: "020-1234567", emergency_phone: "06-12345678"}\nleaflets: [a]\n')
    found, _ = _run(tmp_path, "contact.phone-mismatch",
                    {"a.txt": "Overdag: 020 123 45 67. Spoed: 06 1234 5678. Oud nummer: 020-1234568.\n"},
                    brands={"p": brand})
    assert found == ["a.txt:1:58 contact.phone-mismatch"]


def test_readability_names_the_longest_sentences(tmp_path):
    long = ("Gedurende de eerste zwangerschapsperiode kunnen chromosomale afwijkingen, hormonale disregulatie en "
            "immunologische factoren resulteren in een spontane beëindiging van de zwangerschap.")
    text = {"a.txt": f"Dit is kort. {long} Dat is ook kort. {long.replace('Gedurende', 'Tijdens')}\n"}
    found, diags = _run(tmp_path, "readability.b1", text)
    assert found == ["a.txt:1:1 readability.b1"]
    assert len(diags[0].related) == 3 and diags[0].related[0].column == 14


@pytest.mark.system
@pytest.mark.slow
def test_correct_leaflets_get_no_language_findings(tmp_path):
    """Three correct leaflets of our own, different from the seeds: no finding of any language rule."""
    from pipeline import orchestrate
    from pipeline.lint.config import Config

    folder = tmp_path / "leaflets"
    folder.mkdir()
    for p in sorted(Path(__file__).parent.glob("test_language_clean*.txt")):
        (folder / p.name.replace("test_language_", "")).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    rules = {"spelling", "grammar", "style", "structure", "typography", "contact", "readability"}
    result = orchestrate.run_lint([folder], Config(), select=rules)
    assert result.diagnostics == [], [f"{d.path}:{d.line} {d.rule} {d.message}" for d in result.diagnostics]


# -- the seed acceptance list ----------------------------------------------------------------

@pytest.mark.system
@pytest.mark.slow
def test_seed_acceptance(seeds_copy):
    from pipeline import orchestrate
    from pipeline.lint.config import Config

    rules = {"spelling", "grammar", "style", "structure", "typography", "contact"}
    result = orchestrate.run_lint([seeds_copy], Config(), select=rules)
    got = {(Path(d.path).name[:3], d.line, d.rule) for d in result.diagnostics}
    expected = {
        ("000", 7, "grammar.dt"), ("000", 38, "typography.substitution"),
        ("001", 3, "grammar.dt"), ("001", 3, "spelling.unknown-word"),
        ("002", 11, "spelling.unknown-word"), ("002", 33, "grammar.dt"), ("002", 57, "structure.duplicate-section"),
        ("003", 38, "spelling.unknown-word"), ("003", 38, "grammar.dt"), ("003", 80, "grammar.dt"),
        ("003", 5, "style.web-residue"), ("003", 6, "style.web-residue"), ("003", 30, "style.web-residue"),
        ("004", 25, "style.web-residue"), ("004", 29, "style.web-residue"), ("004", 30, "style.web-residue"),
        # real-word errors in the seeds: "tot dat" before a clause (totdat), "een hele vroege miskraam" (heel),
        # "of teveel aanwezig is" (te veel: the Woordenlijst writes "teveel" only as a noun, "een teveel aan"),
        # "of één van de verloskundige dit bekijken" (één van de verloskundigen), "ouders die een miskraam mee
        # maken" (meemaken), "veel voorkomende emoties" (veelvoorkomende: the Woordenlijst writes it as one word)
        ("001", 26, "grammar.agreement"), ("003", 16, "grammar.agreement"), ("001", 51, "grammar.agreement"),
        ("002", 25, "grammar.agreement"), ("001", 66, "grammar.agreement"), ("000", 72, "grammar.agreement"),
    }
    assert expected <= got
    assert {r for f, _, r in got if r == "style.address-form" and f in ("003", "004")} == {"style.address-form"}
    assert sorted(f for f, _, r in got if r == "style.address-form") == ["003", "004"]
    # nothing else: every finding of these rules on the seeds is on the list
    assert {g for g in got if g[2] != "style.address-form"} == expected
