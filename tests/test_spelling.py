"""spelling.unknown-word: the seeds, correct text, suggestions, the cache, and what is never checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.language.tokens import spell_tokens
from pipeline.language.wordlists import project_words, read_list
from tests.case_runner import run_case
from tests.conftest import SEEDS

HERE = Path(__file__).parent
CLEAN = sorted(HERE.glob("test_language_clean*.txt"))


def _enchant_nl() -> bool:
    try:
        import enchant

        return enchant.dict_exists("nl_NL")
    except Exception:  # noqa: BLE001
        return False


needs_dict = pytest.mark.skipif(not _enchant_nl(), reason="hunspell-nl through enchant is not installed")


def _lint(tmp_path, leaflets: dict[str, str], rule="spelling.unknown-word", **extra):
    tmp_path.mkdir(parents=True, exist_ok=True)
    return run_case(rule, {"leaflets": leaflets, "expect": [], **extra}, tmp_path)


# -- tokens (no dictionary needed) ------------------------------------------------------------

def test_masks_urls_mail_phones_and_units():
    text = ("Mail info@praktijk-zon.nl, bel 06-43789244 of 0183 64 42 17, zie www.FIOM.nl, "
            "https://thuisarts.nl/miskraam en miskraambegeleiding.nl; 30min, 38.0°C, 400 mcg.")
    got = [t.text for t in spell_tokens(text)]
    assert got == ["Mail", "bel", "of", "zie", "en"]


def test_a_templates_tags_and_attributes_are_code():
    text = 'Fout <txp:article_list limit="3" form="lijst"> en <o:p> tekst'
    assert [t.text for t in spell_tokens(text)] == ["Fout", "en", "tekst"]


def test_letters_in_brackets_inside_a_word_give_both_forms():
    got = [(t.text, t.start, t.end) for t in spell_tokens("Een verzorg(st)er komt.")]
    assert got == [("Een", 0, 3), ("verzorger", 4, 17), ("verzorgster", 4, 17), ("komt", 18, 22)]
    assert [t.text for t in spell_tokens("zwangerschap(s)diabetes")] == ["zwangerschap", "s", "diabetes"]


def test_line_break_hyphen_is_joined_but_elision_is_not():
    toks = spell_tokens("De gynaeco- loog en de zwangerschaps- en kraamzorg.")
    assert [(t.text, t.joined) for t in toks] == [
        ("De", False), ("gynaecoloog", True), ("en", False), ("de", False), ("en", False), ("kraamzorg", False)]


def test_runs_of_capitalised_words_are_names():
    toks = {t.text: t.in_name for t in spell_tokens("Door Nassim Assefi en Emily M. Godfrey. Wanner je komt.")}
    assert toks["Assefi"] and toks["Godfrey"] and toks["Emily"]
    assert not toks["Wanner"] and not toks["je"]


def test_word_list_reads_comments_and_blank_lines(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("# comment\nmisoprostol  # a medicine\n\nBeterDichtbij\n", encoding="utf-8")
    assert read_list(f) == {"misoprostol", "BeterDichtbij"}
    assert {"misoprostol", "mifepriston"} <= project_words()


# -- with the OpenTaal dictionary ------------------------------------------------------------

@pytest.mark.system
@needs_dict
def test_seeds_only_the_real_misspellings(tmp_path, seeds_copy):
    from pipeline import orchestrate
    from pipeline.lint.config import Config

    result = orchestrate.run_lint([seeds_copy], Config(), select={"spelling.unknown-word"})
    got = sorted((Path(d.path).name[:3], d.line, d.match, d.suggestions[0] if d.suggestions else "")
                 for d in result.diagnostics)
    assert got == [("001", 3, "zwagerschapsverlies", "zwangerschapsverlies"),
                   ("002", 11, "curetage", "curettage"),
                   ("003", 38, "Wanner", "Wanneer")]


@pytest.mark.system
@needs_dict
def test_correct_text_stays_clean(tmp_path):
    """The false-positive target: at most 1 finding per 1,000 words of correct Dutch."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in CLEAN}
    n_words = sum(len(re.findall(r"\w+", t)) for t in texts.values())
    found, diags = _lint(tmp_path, texts)
    assert n_words > 1000
    assert len(found) <= n_words / 1000, [d.message for d in diags]


@pytest.mark.system
@needs_dict
@pytest.mark.parametrize("word,expected,within", [
    ("curetage", "curettage", 1), ("zwagerschapsverlies", "zwangerschapsverlies", 1),
    ("Wanner", "Wanneer", 3), ("bloedverlis", "bloedverlies", 1), ("verloskundge", "verloskundige", 1),
    ("gynecoloog", "gynaecoloog", 1), ("medicjnen", "medicijnen", 1), ("misoprostil", "misoprostol", 1),
    # a linking n or s dropped from a compound
    ("ruggeprik", "ruggenprik", 1), ("zwangerschapverlies", "zwangerschapsverlies", 1),
    # hunspell's own join of two words ("miss|kraan") gives way to a real word
    ("miskraan", "miskraam", 1),
])
def test_suggestions_rank_the_intended_word_first(word, expected, within):
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker(extra_words=project_words())
    assert not spell.known(word)
    assert expected in spell.suggest(word)[:within]


@pytest.mark.system
@needs_dict
def test_suggestions_do_not_depend_on_the_words_ranked_before():
    # a worker that met many unknown words earlier must suggest what a fresh one suggests
    from pipeline.language.spelling import SpellChecker

    words = ["bloedverlis", "verloskundge", "medicjnen", "curetage", "zwangerschapverlies",
             "ruggeprik", "misoprostil", "gynecoloog", "Wanner", "echoo", "baarmoder"]
    busy = SpellChecker(extra_words=project_words())
    after_many = {w: busy.suggest(w) for w in words}
    for w in (words[-1], words[0]):
        assert SpellChecker(extra_words=project_words()).suggest(w) == after_many[w]


@pytest.mark.system
@needs_dict
def test_each_distinct_word_is_looked_up_once():
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker()
    for _ in range(3):
        for w in ("miskraam", "Miskraam", "curetage", "miskraam"):
            spell.known(w)
    assert spell.lookups == 3


@pytest.mark.system
@needs_dict
def test_hyphenated_compounds_and_capitals():
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker()
    for w in ("anti-D-injectie", "niet-levensvatbare", "X-chromosomen", "Zwangerschap", "BLOEDVERLIES", "echo’s"):
        assert spell.known(w), w
    assert not spell.known("anti-D-injektie")


@pytest.mark.system
@needs_dict
@pytest.mark.parametrize("word", ["foetusje", "Foetusje", "foetusjes", "baarmoedertje", "boompje", "balletje",
                                  "kammetje", "omaatje", "woninkje", "vruchtzakje", "armpje"])
def test_regular_diminutives_of_dictionary_nouns(word):
    from pipeline.language.spelling import SpellChecker

    assert SpellChecker().known(word)


@pytest.mark.system
@needs_dict
@pytest.mark.parametrize("word", [
    "baarmoederje",  # wrong ending: -tje after -er
    "foetustje",  # wrong ending: -je after -s
    "balltje", "zwangerchapje",  # the noun itself misspelt
    "mooitje",  # an adjective, no noun
])
def test_wrong_diminutives_stay_errors(word):
    from pipeline.language.spelling import SpellChecker

    assert not SpellChecker().known(word)


@pytest.mark.system
@needs_dict
def test_a_name_or_product_name_joined_to_a_word():
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker()
    for w in ("Asherman-syndroom", "BeterDichtbij-app", "Down-syndroom"):
        assert spell.known(w), w
    # the word part is still checked, and a misspelt word is no name even when capitalised
    for w in ("Asherman-syndrom", "BeterDichtbij-ap", "Zwagerschaps-echo", "Baarmoder-ontsteking"):
        assert not spell.known(w), w


def test_invisible_characters_do_not_split_words():
    text = "een zwanger\u200bschap en een mis\u00adkraam"
    toks = spell_tokens(text)
    assert [t.text for t in toks] == ["een", "zwangerschap", "en", "een", "miskraam"]
    assert text[toks[1].start : toks[1].end] == "zwanger\u200bschap"


@pytest.mark.system
@needs_dict
def test_invisible_characters_give_no_finding_but_a_typo_behind_one_does(tmp_path):
    # ingest shows a zero-width space as a space; the rule must still read one word: no finding in
    # "miskra|am" and "gynae|coloog", one for each typo hidden by an invisible character
    text = "Na een miskra\u200bam. Een curet\u00adage. Een gynae\u200bcoloog. Late zwager\u200bschapsverlies.\n"
    html = "<p>" + text.replace("\u200b", "&#8203;") + "</p>"
    found, diags = _lint(tmp_path, {"a.txt": text, "b.md": text, "c.html": html})
    assert found == ["a.txt:1:23 spelling.unknown-word", "a.txt:1:57 spelling.unknown-word",
                     "b.md:1:23 spelling.unknown-word", "b.md:1:57 spelling.unknown-word",
                     "c.html:1:32 spelling.unknown-word", "c.html:1:72 spelling.unknown-word"]
    assert [d.key for d in diags[:2]] == ["curetage", "zwagerschapsverlies"]
    assert diags[0].suggestions[0] == "curettage"


@pytest.mark.system
@needs_dict
def test_names_from_sidecar_and_brand(tmp_path):
    # at the start of a sentence a capital does not mark a name: only the sidecar and brand data know them
    text = {"a.txt": "Qirrendal belt je terug. Qorvathe ook.\n"}
    found, _ = _lint(tmp_path / "1", text, rule="spelling.unknown-term")
    assert len(found) == 2  # no dictionary word is close to either: a name or a term to check
    found, _ = _lint(tmp_path / "2", text, sidecars={"a": "publisher: Praktijk Qirrendal\n"},
                     brands={"b": 'name: Qorvathe\ncolors: {primary: "#000000", text: "#000000", '
                                  'background: "#ffffff"}\ncontact: {phone: "020-1234567"}\nleaflets: [a]\n'})
    assert found == []


@pytest.mark.system
def test_missing_dictionary_is_a_failure_not_a_silent_pass(tmp_path):
    found, _ = _lint(tmp_path, {"a.txt": "Wanner je bloed verliest.\n"},
                     config={"rules": {"spelling.unknown-word": {"options": {"dictionary": "xx_XX"}}}})
    assert found == []
    from pipeline import orchestrate
    from pipeline.lint.config import load_config

    config = load_config(tmp_path / "leaflint.yaml")
    result = orchestrate.run_lint([tmp_path / "leaflets"], config, select={"spelling.unknown-word"})
    [failure] = result.failures
    assert failure.rule == "spelling.unknown-word" and failure.tool == "enchant" and "xx_XX" in failure.detail


def test_a_heading_in_capitals_is_no_name():
    toks = spell_tokens("(DREIGENDE) MISKRAAM / BLOEDVERIES IN DE EERSTE MAANDEN")
    assert not any(t.in_name for t in toks)


@pytest.mark.system
@needs_dict
def test_separable_participles_and_prefixes_are_words_but_their_typos_are_not():
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker()
    for w in ("weggeschraapt", "weggeschraapte", "uitgekrabd", "pseudo-menstruatie", "pseudomenstruatie",
              "subfertiliteit", "intra-uterien", "hypermenstruatie"):
        assert spell.known(w), w
    for w in ("weggeschraapdt", "wegeschraapt", "uitgekrapt", "pseudo-menstruatei", "subfertilitiet",
              "pseudo-xyzzy"):
        assert not spell.known(w), w


@pytest.mark.system
@needs_dict
def test_abbreviations_are_accepted_only_with_their_full_stop(tmp_path):
    found, _notes = _lint(tmp_path / "a", {"a.txt": "Dit duurt ca. twee weken, bijv. na een curettage; Drs. Jansen e.a.\n"})
    assert not found
    found, _notes = _lint(tmp_path / "b", {"b.txt": "Dit duurt ca twee weken, bijv na een curettage.\n"})
    assert found == ["b.txt:1:11 spelling.unknown-word", "b.txt:1:26 spelling.unknown-word"]  # ca, bijv


@pytest.mark.parametrize("word,fix", [("echouitslag", "echo-uitslag"), ("autoongeluk", "auto-ongeluk"),
                                      ("echoonderzoek", "echo-onderzoek")])
def test_a_compound_with_a_vowel_clash_needs_its_hyphen(word, fix):
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker()
    assert not spell.known(word) and spell.known(fix)
    assert spell.suggest(word)[0] == fix


def test_compounds_without_a_vowel_clash_stay_words():
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker()
    for word in ("menstruatieachtige", "buikpijnklachten", "zwangerschapsweefselresten", "miskraamervaring"):
        assert spell.known(word), word


def test_a_linking_s_that_hunspell_also_joins_is_no_slip_but_a_missing_one_is():
    # hunspell joins "vaders|gevoelens" and "moeders|liefde" as readily as the forms without an s;
    # after a part that takes an s ("leven", "zwangerschap", "niet" as in "niets|nut") the s is needed
    from pipeline.language.spelling import SpellChecker, takes_linking_s

    spell = SpellChecker()
    for word in ("vadergevoelens", "moedergevoelens", "partnerverlof"):
        assert spell.known(word), word
    for word in ("zwangerschapduur", "levenverrichting", "gezondheidzorg", "nietlevensvatbare"):
        assert not spell.known(word), word
    assert takes_linking_s("leven") and takes_linking_s("zwangerschap") and not takes_linking_s("vader")


@pytest.mark.parametrize("word,known", [
    ("baarmoederlijke", True),  # baarmoeder + -lijk, as in buitenbaarmoederlijk
    ("kunstschaatster", True),  # beside kunstschaatser
    ("onderzoekster", True),  # beside onderzoeker
    ("vriendlijke", False),  # the e of vriendelijke is missing
])
def test_derivations_in_lijk_and_ster(word, known):
    from pipeline.language.spelling import SpellChecker

    assert SpellChecker().known(word) is known


def test_an_english_word_in_capitals_is_a_studys_name(tmp_path):
    found, _notes = _lint(tmp_path, {"a.txt": "De resultaten van de studie PROMISE kwamen in 2015. Een MISKRAAN is zeldzaam.\n"})
    assert found == ["a.txt:1:57 spelling.unknown-word"]  # MISKRAAN, not PROMISE


# -- medical words built from Greek and Latin parts -------------------------------------------
@pytest.fixture(scope="module")
def medical_spell():
    from pipeline.language.spelling import SpellChecker

    return SpellChecker(extra_words=project_words())


@needs_dict
@pytest.mark.parametrize("word", ["choriocarcinoom", "antitrombine", "antifosfolipidesyndroom",
                                  "hyperhomocysteïnemie", "hyperthyreoïdie", "Hyperthyreoïdie",
                                  "cytomegalovirus", "hydatidosa", "trombocytopenie", "endometritis",
                                  # parts of neighbouring specialties: prenatal diagnosis, infection,
                                  # endocrinology, haematology, imaging
                                  "amniocentese", "oligohydramnion", "anovulatie", "protrombine",
                                  "alfafoetoproteïne", "endocrinologische", "etiologische", "parvovirus",
                                  "amniotomie", "embryoscopie", "sonograaf",
                                  # a Latin name in -a before a suffix: listeri(a)|ose, salmonell(a)|ose
                                  "listeriose", "salmonellose",
                                  # one form where a dictionary word has another (mono|grafie)
                                  "sonografie",
                                  # roots that are words (hydr|amnion), "an" before h, "di" before a form,
                                  # a listed Latin name in -a (decidu(a)|aal)
                                  "polyhydramnion", "anhydramnion", "chorioamnionitis", "dichoriaal",
                                  "deciduaal", "cordocentese", "cardiotocografie", "myomectomie",
                                  # a noun without its -e or -um before an adjective's suffix, also
                                  # after a form (post|menopauz(e)|aal); -ale after a form (di|chori|ale)
                                  "menopauzaal", "postmenopauzale", "dichoriale",
                                  # a noun in -atie of a dictionary verb in -eren (cauteriseren)
                                  "cauterisatie",
                                  # -oir(e) after a dictionary noun in -ie, -euze after a form, a numeral
                                  # before -ploïd, a plural of a dictionary noun Frog has not seen
                                  "ovulatoire", "circulatoir", "polycysteuze", "triploïd", "adhesies",
                                  "hypothalamo-hypofysaire"])
def test_medical_word_built_from_known_parts_is_accepted(medical_spell, word):
    assert medical_spell.known(word)


@needs_dict
@pytest.mark.parametrize("word", [
    "choriocarsinoom",  # c written as s inside a part
    "antitrombien",  # suffix misspelt
    "hyperthyreoidie",  # the diaeresis Dutch spelling needs is missing
    "hyperthyroidie",
    "hyperhomocysteinemie",
    "hypertyreoïdie",  # a letter left out of a part
    "cytomegalovirsu",
    "antifosfolipidesyndroon",
    "dezwangerschap",  # a short word glued to a word is no combining form
    "hypoglykemi",  # shorter than a suffix
    "myoomen",  # too short to judge
    "autoongeluk",  # vowels that read as one at the seam need a hyphen
    "amniocentesse", "anovulaite", "sonogarfie", "listerose", "parvovirsu", "protrombien",
    "etiologsche", "alfafoetoproteine",  # slips inside the new parts
    "anzwangerschap",  # the privative only before a vowel
    "zwangerose",  # a Dutch word in -e is no Latin name in -a
    "zwangeraal",  # an adjective's -e drops before no suffix: only a noun's does
    "menopauzaaal", "postmenopauzal",  # slips in the suffix
    "cauteristie", "implanatie",  # an -atie noun one slip from another or without its verb
    "verandatie", "controlatie", "waardatie", "functionatie",  # -eren verbs whose noun is no -atie
    "ziektaal", "periodeel",  # a Dutch noun in -e takes no adjective's suffix of relation
    "ovulatore", "polycysteze", "triplooïd",  # slips in the new suffixes
    "karyograp",  # a Dutch word of four letters after a form ends nothing
    "oligamenorroe",  # a form keeps its vowel before a Dutch word
    "dizwangerschap",  # "di" only before a combining form
])
def test_typo_in_a_medical_word_is_still_flagged(medical_spell, word):
    assert not medical_spell.known(word)


@needs_dict
def test_medical_word_one_slip_from_a_known_word_is_flagged():
    from pipeline.language.spelling import SpellChecker

    spell = SpellChecker(extra_words={"hydatidosa"})
    # both split wholly into parts ("hydatid|ose", "endometri|ase"), but each is one letter from a
    # listed word or a dictionary word seen in Frog's corpus ("endometriose"): a slip, not a new word
    assert spell._medical_split("hydatidose", 0) and not spell.known("hydatidose")
    assert spell._medical_split("endometriase", 0) and not spell.known("endometriase")


@needs_dict
@pytest.mark.parametrize("word", ["parvo-infectie", "foeto-maternaal"])
def test_medical_form_with_a_hyphen_before_a_word_is_accepted(medical_spell, word):
    assert medical_spell.known(word)


@needs_dict
def test_medical_form_with_a_hyphen_before_a_typo_is_flagged(medical_spell):
    assert not medical_spell.known("parvo-infecite")


def test_medical_parts_file_is_read_and_digested():
    from pipeline.cache_keys import _DATA_SUFFIXES
    from pipeline.language.spelling import MEDICAL_PARTS, medical_parts
    from pipeline.paths import PACKAGE_DIR

    parts = medical_parts()
    assert {"anti", "hyper", "cyto", "chorio", "trombo"} <= set(parts.forms)
    assert {"oom", "itis", "emie", "syndroom", "virus"} <= parts.suffixes
    assert min(len(f) for f in parts.forms) >= 3
    # code_digest hashes the package's data files, so editing the list checks every leaflet again
    assert MEDICAL_PARTS.is_relative_to(PACKAGE_DIR) and MEDICAL_PARTS.suffix in _DATA_SUFFIXES


def test_medical_parts_read_back_from_the_yaml_cache_are_those_parsed(tmp_path, monkeypatch):
    from pipeline import yamlio
    from pipeline.language import spelling

    folder = tmp_path / ".cache" / "yaml"
    folder.mkdir(parents=True)
    monkeypatch.setitem(yamlio._cache_dir, "yaml", folder)
    plain = yamlio.load_yaml(spelling.MEDICAL_PARTS)
    spelling.medical_parts.cache_clear()
    first = spelling.medical_parts()  # parsed and kept
    assert list(folder.glob("rt-*.pickle"))
    spelling.medical_parts.cache_clear()
    again = spelling.medical_parts()  # read back
    spelling.medical_parts.cache_clear()
    assert first == again
    assert set(again.forms) == {f.lower() for f in plain["forms"]}
    assert again.suffixes == {s.lower() for s in plain["suffixes"]}


def test_a_name_that_is_also_in_a_web_address_is_a_name(tmp_path):
    # "Kraamzog" is one slip from "kraamzorg": without its address it reads as a typo
    found, _notes = _lint(tmp_path, {"a.txt": "Meer over het Kraamzog project lees je op www.kraamzog.nl.\n",
                                     "b.txt": "Meer over het Kraamzog project lees je op de site.\n"})
    assert found == ["b.txt:1:15 spelling.unknown-word"]


@needs_dict
def test_a_term_written_three_times_is_one_note_and_a_repeated_slip_stays_an_error(tmp_path):
    text = ("Bij een anembryonie is er geen embryo. Een anembryonie zie je op de echo. Na een anembryonie "
            "volgt vaak een miskraam.\n\nDe patienten krijgen uitleg. Alle patienten mogen bellen. "
            "De patienten mogen blijven.\n")
    _found, notes = _lint(tmp_path / "terms", {"a.txt": text}, rule="spelling.unknown-term")
    _found, errors = _lint(tmp_path / "words", {"a.txt": text})
    terms = [d for d in notes + errors if d.match == "anembryonie"]
    slips = [d for d in notes + errors if d.match == "patienten"]
    assert [(d.rule, d.severity.value) for d in terms] == [("spelling.unknown-term", "info")]
    assert "3" in terms[0].message
    assert [(d.rule, d.severity.value) for d in slips] == [("spelling.unknown-word", "error")] * 3


@needs_dict
def test_a_term_written_once_is_a_note_and_no_error(tmp_path):
    text = {"a.txt": "Een anembryonie is zeldzaam.\n"}
    _found, notes = _lint(tmp_path / "terms", text, rule="spelling.unknown-term")
    _found, errors = _lint(tmp_path / "words", text)
    assert [(d.rule, d.severity.value) for d in notes + errors] == [("spelling.unknown-term", "info")]


@needs_dict
@pytest.mark.parametrize("word,known", [("kinderuitvaarten", True), ("eierdonatie", True), ("kinderafdelingen", True),
                                        ("kinderuitvaartn", False), ("kinderzwagerschap", False)])
def test_the_er_form_of_a_noun_starts_a_compound(medical_spell, word, known):
    # "kinder", "eier": the form of a noun with an -eren plural before another noun; a slip after it stays one
    assert medical_spell.known(word) is known


@needs_dict
def test_a_slip_of_a_rare_medical_word_written_three_times_stays_an_error(tmp_path):
    text = ("Na de curretage rust je uit. De curretage duurt kort. Bel na de curretage bij koorts.\n")
    found, diags = _lint(tmp_path, {"a.txt": text})
    assert [d.severity.value for d in diags if d.match == "curretage"] == ["error"] * 3


@needs_dict
def test_a_token_longer_than_any_word_gets_no_suggestions():
    # a glued run of a scraped page: ranking its edits would take minutes, and no word is that long
    from pipeline.language.spelling import MAX_SUGGEST_LENGTH, SpellChecker

    spell = SpellChecker()
    long_token = "zwangerschapsbegeleiding" * 3
    assert len(long_token) > MAX_SUGGEST_LENGTH and spell.suggest(long_token) == ()
    assert spell.suggest("zwangerschapsbegeleidng")  # a long word of its own still gets one
