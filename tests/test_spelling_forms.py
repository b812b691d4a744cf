"""spelling.unknown-word: regular forms of dictionary words, English in Dutch text and abbreviations.

Every accepted word here is one OpenTaal does not list (asserted, so a test cannot pass by the
dictionary alone), and every principle has its refusals: the slips it must keep finding.
"""

from __future__ import annotations

import pytest

from pipeline.language import inflection
from pipeline.language.tokens import spell_tokens
from pipeline.language.wordlists import project_words
from tests.test_spelling import _lint, needs_dict


@pytest.fixture(scope="module")
def spell():
    from pipeline.language.spelling import SpellChecker

    return SpellChecker(extra_words=project_words())


# -- spelling of forms (no dictionary needed) --------------------------------------------------

def test_open_syllable_writes_a_long_vowel_once():
    assert inflection.open_forms("mediaan") == {"median"}
    assert inflection.open_forms("kwalitatief") == {"kwalitatiev"}
    assert inflection.open_forms("dik") == {"dikk"}
    assert inflection.open_forms("nodig") == {"nodig"}  # toneless last syllable: no doubling
    assert inflection.open_forms("ceremonieel") == {"ceremoniël"}
    assert inflection.open_forms("boos") == set()  # boze or bose: the spelling alone cannot tell


def test_closed_form_goes_back_to_the_base():
    assert "mediaan" in inflection.closed("median")
    assert "dik" in inflection.closed("dikk")
    assert "mediaan" not in inflection.closed("mediaan")  # "mediaane" is no form of mediaan


def test_participle_readings_need_a_diaeresis_after_ge():
    assert inflection.participles("geëxcuseerd", ("af",))
    assert not inflection.participles("geexcuseerd", ("af",))
    assert inflection.participle_ending("maak") == "t" and inflection.participle_ending("includer") == "d"


# -- forms of dictionary words -------------------------------------------------------------------

ACCEPTED = {
    "adjective -e, long vowel once": ["mediane"],
    "adjective -en as a noun": ["statutairen", "agressieven"],
    "superlative": ["evidentst", "kwalitatiefste", "afhankelijkst"],
    "plural -s after -atie": ["randomisaties", "ventilaties"],
    "plural -n after -ine, -ose, -ese": ["immunoglobulinen", "trombosen", "anamnesen"],
    "participle of a loan verb in -eren": ["geïncludeerd", "geïncludeerde"],
    "agent noun of a verb": ["verrichter", "weigerer"],
    "plural of -schap": ["moederschappen"],
}


@needs_dict
@pytest.mark.parametrize("word", [w for ws in ACCEPTED.values() for w in ws])
def test_regular_forms_are_words(spell, word):
    assert not spell.dict.check(word), f"{word} is in the dictionary: the test proves nothing"
    assert spell.known(word)


@needs_dict
@pytest.mark.parametrize("word", [
    "mediaane",  # the long vowel written twice in an open syllable
    "achtelose",  # loos -> loze: an s after a long vowel is left to the dictionary
    "betaalbarer",  # after an r the comparative adds -der
    "achteloosst",  # an adjective in -s adds only -t
    "accepteerte", "gebibbeerd",  # 't kofschip; a toneless -er stem is no loan's -eer
    "geafleveerd", "geecht",  # a particle verb takes ge- inside; ge- before e takes a diaeresis
    "bevalligen", "schuders", "momente",  # a slip of bevallingen, schouders, momenten
    "geweesd", "rookters",  # d for t; a past (rookten) is no verb to make an agent noun of
    "miskraamen", "zwangerschapen", "moederschapppen",  # a long vowel written twice in an open syllable; a short one's consonant not doubled
    "complicatien", "infectien", "bacterien", "familien",  # an -ie noun takes -s or -ën, never -n
    "controlen", "brochuren", "capsulen", "shirten",  # these take -s (an English loan too)
    "pijngrensen", "prijsen", "borstkolfen", "lijfen",  # s and f turn z and v before -en
    "medicijnglassen", "hartgebrekken", "urineweggen",  # a short vowel that lengthens: glazen, gebreken, wegen
])
def test_forms_that_are_slips_stay_errors(spell, word):
    assert not spell.known(word)


@needs_dict
def test_a_compound_the_first_split_misreads(spell):
    # the longest head first reads "darms|luits|pier": a shorter split explains the word
    # ("darm|sluitspier"); two words people write stay a compound when the slip it might be is just
    # hunspell's join with one of them swapped ("vet|aanvallen" beside "vent|aanvallen")
    for word in ("darmsluitspier", "vetaanvallen", "rugklachtjes", "kaakpijnen"):
        assert spell.known(word), word
    # a slip hidden in a part that is itself a join, a long look-alike, a missing linking s, and a
    # slip whose split is another
    for word in ("miskrambegeleiding", "zwagerschapsecho", "levenverrichting", "hartgebrekken", "ziektaal",
                 "behandelbar", "planbar"):  # a derivation in -baar with one a
        assert not spell.known(word), word


@needs_dict
def test_a_ligature_is_the_same_word(spell):
    assert spell.known("fœtus") and spell.known("Fœtussen")
    assert not spell.known("fœtis")


@needs_dict
def test_a_drawn_out_interjection_is_no_slip(spell):
    for word in ("hmm", "pfff", "jaaa", "Neeee", "zooo"):
        assert not spell.dict.check(word) and spell.known(word), word
    for word in ("datt", "enn", "moederschapppen", "zwangerrr", "dattt", "ennn", "pijnnn"):
        assert not spell.known(word), word


# -- English in Dutch text -----------------------------------------------------------------------

@needs_dict
def test_a_loan_that_dutch_writes_without_its_e(spell):
    assert spell.english_loan("relapse") and spell.english_loan("prolapse")
    assert not spell.english_loan("bleod")


@needs_dict
def test_english_parts_before_a_dutch_word(spell):
    assert spell.known("casecontrolonderzoek") and spell.known("boostervaccinatie")
    for slip in ("bledafnames", "zwangerchapsafbreking", "chromosoonafwijking", "advisegesprek", "abortscentra",
                 "infectteren"):
        assert not spell.known(slip)


def test_english_title_words_join_a_name_run():
    toks = {t.text: t.in_name for t in spell_tokens("Zie Reviews of Modern Medicine en Trends and Issues.")}
    assert toks["Reviews"] and toks["Medicine"] and toks["Trends"] and toks["Issues"]


@needs_dict
def test_quoted_english_words_and_titles_are_not_misspellings(tmp_path):
    text = ("In een ‘blinded’ onderzoek bleef de “loss of function” bestaan; volgens Reviews of Modern "
            "Medicine is dat zo. Jonge vs. oude eicellen; de omikronvariant.\n")
    _found, diags = _lint(tmp_path, {"a.txt": text})
    assert [d.match for d in diags] == []


@needs_dict
def test_a_dutch_slip_in_quotes_stays_an_error(tmp_path):
    _found, diags = _lint(tmp_path, {"a.txt": "Een ‘zwangerchap’ is dat niet.\n"})
    assert [d.match for d in diags] == ["zwangerchap"]


# -- abbreviations with their plural 's -------------------------------------------------------------

@needs_dict
def test_abbreviation_plurals(spell):
    assert spell.known("nsaid's") and spell.known("NSAID's") and spell.known("non-aspirin-NSAID's")
    assert not spell.known("ecoh's")  # one letter swap from echo


# -- compounds, lists of names, Latin phrases ------------------------------------------------------

@needs_dict
def test_names_beside_a_slash_pair_and_latin_phrases(tmp_path):
    text = ("De middelen van Roche/AbbVie en Lundbeck zijn onderzocht. Een de novo mutatie; "
            "bevruchting in vitro.\n")
    _found, diags = _lint(tmp_path, {"a.txt": text})
    assert [d.match for d in diags] == []
    _found, diags = _lint(tmp_path / "alone", {"a.txt": "Een novo kind; bel de Huisarts en Verloskundge.\n"})
    assert [d.match for d in diags] == ["novo", "Verloskundge"]
    text = "Abortus (arte) provocatus heet dat. Tweemaal à terme bevallen. Onderzoek post mortem.\n"
    _found, diags = _lint(tmp_path / "brackets", {"a.txt": text})
    assert [d.match for d in diags] == []
    _found, diags = _lint(tmp_path / "apart", {"a.txt": "De arte van het onderzoek; (arte) alleen.\n"})
    assert [d.match for d in diags] == ["arte", "arte"]


def test_a_word_with_another_encodings_letters_is_one_token():
    # UTF-8 read as Latin-2 or code page 852: "weeën" becomes "weeĂ«n" or "wee├źn"
    got = [t.text for t in spell_tokens("Bij weeĂ«nactiviteit en wee├źnachtige pijn; zij zei «ja».")]
    assert got == ["Bij", "weeĂ«nactiviteit", "en", "wee├źnachtige", "pijn", "zij", "zei", "ja"]


@needs_dict
def test_the_damaged_word_is_reported_whole(tmp_path):
    _found, diags = _lint(tmp_path, {"a.txt": "Het kan worden beĆÆnvloed door weeĂ«nactiviteit.\n"})
    assert [d.match for d in diags] == ["beĆÆnvloed", "weeĂ«nactiviteit"]


# -- hyphenated parts, file names, words a scan split with spaces -----------------------------------

@needs_dict
def test_hyphenated_parts_abbreviations_and_english_compounds(spell):
    for word in ("dna-uitslag", "Dna-uitslag", "rna-test", "anti-Hb-Ig", "peer-reviewed", "Foeto-maternale"):
        assert not spell.dict.check(word) and spell.known(word), word
    for slip in ("dna-uitslg", "peer-reviewd", "Foeto-maternaale", "to-be", "intra-uterine"):
        assert not spell.known(slip), slip


@needs_dict
def test_a_name_before_a_word_inside_a_sentence(spell):
    assert spell.hyphenated_name_compound("Apgar-score") and spell.hyphenated_name_compound("Bishop-score")
    # one slip from a Dutch word it is a misspelt word, not a name; a slip in the word part stays one
    assert not spell.hyphenated_name_compound("Zwagerschaps-echo")
    assert not spell.hyphenated_name_compound("Apgar-scoer")


@needs_dict
def test_file_names_and_scan_fragments(tmp_path):
    text = ("Zie de foto Buik van moeder.jpg en het verslag.pdf hieronder. Het bloed- ver lies was o ngeveer "
            "gestopt, zei de huis artsenpraktijk.\n")
    _found, diags = _lint(tmp_path, {"a.txt": text})
    assert [d.match for d in diags] == []
    text = "Het bloed verlis stopte; een jpg is een plaatje; de pijn was o nverwcht.\n"
    _found, diags = _lint(tmp_path / "slips", {"a.txt": text})
    assert [d.match for d in diags] == ["verlis"]
    # no dictionary word is close to this one, and a word of consonants only is an acronym: notes to check
    _found, diags = _lint(tmp_path / "terms", {"a.txt": text}, rule="spelling.unknown-term")
    assert [d.match for d in diags] == ["jpg", "nverwcht"]


@needs_dict
def test_english_words_in_a_run_inside_a_dutch_sentence(tmp_path):
    _found, diags = _lint(tmp_path, {"a.txt": "Het was meant to be, zei ze; thank us later.\n"})
    assert [d.match for d in diags] == []
    # a Dutch slip that is an English word beside a word of both languages stays an error
    _found, diags = _lint(tmp_path / "slip", {"a.txt": "Het hat is kapot.\n"})
    assert [d.match for d in diags] == ["hat"]


def test_a_word_cut_off_begins_a_longer_word_of_the_lexicon():
    from pipeline.language import lexicon

    assert lexicon.starts_a_word("zwangerschap")  # zwangerschappen
    assert lexicon.starts_a_word("cont") and lexicon.starts_a_word("verlosk")
    assert not lexicon.starts_a_word("hoofdpijnn") and not lexicon.starts_a_word("verloskundge")


@needs_dict
def test_a_word_read_across_brackets_offers_no_replacement_that_drops_them(tmp_path):
    _found, diags = _lint(tmp_path, {"a.txt": "Als u een(druk)verband heeft, mag het na een dag af.\n"})
    assert [d.match for d in diags] == ["een(druk)verband"] and diags[0].suggestions == ()
