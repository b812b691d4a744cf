"""grammar.dt: the docstring's examples, correct text, one Frog for a run, and a missing Frog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.language import dt_checks
from pipeline.language.frog import Frog, FrogToken, _align, available
from pipeline.lint.rules import all_rules, examples
from tests.case_runner import run_case

HERE = Path(__file__).parent
needs_frog = pytest.mark.skipif(not available(), reason="frog is not installed")

# fail examples of the docstring: "sentence (suggestion)"
_FAIL = re.compile(r"^(?P<text>.*?)\s*\((?P<sug>[^()]+)\)$")


@pytest.fixture(scope="module")
def frog():
    f = Frog()
    yield f
    f.close()


def _findings(frog: Frog, sentences: list[str]):
    return [dt_checks.analyse(toks, s) for toks, s in zip(frog.tag(sentences), sentences)]


# -- without Frog ---------------------------------------------------------------------------

def test_tokens_are_aligned_to_the_input_when_frog_splits_or_joins():
    sents = ["Dit is een. Dat ook.", "Den Haag  ligt"]
    rows = [("Dit", "dit", "VNW()"), ("is", "zijn", "WW(pv,tgw,ev)"), ("een", "een", "LID()"), (".", ".", "LET()"),
            ("Dat", "dat", "VNW()"), ("ook", "ook", "BW()"), (".", ".", "LET()"),
            ("Den_Haag", "Den_Haag", "SPEC(deeleigen)"), ("ligt", "liggen", "WW(pv,tgw,met-t)")]
    out = _align(sents, rows)
    assert [(t.word, sents[0][t.start:t.end]) for t in out[0]][-3:] == [("Dat", "Dat"), ("ook", "ook"), (".", ".")]
    assert [(t.start, t.end) for t in out[1]] == [(0, 8), (10, 14)]


def test_lexicon_knows_verb_forms():
    from pipeline.language import lexicon

    assert lexicon.is_finite_t("klopt") and lexicon.is_stem("klop")
    assert lexicon.is_participle("hersteld") and not lexicon.is_participle("herstelt")
    assert lexicon.is_stem("groei")  # mostly a noun, sometimes a verb: the rare reading is kept
    assert not lexicon.is_finite_t("gebeurd")  # typos in Frog's training corpus are filtered out


def test_prefilter_lets_through_every_error_sentence_and_skips_plain_ones():
    errors = [ex for ex in examples(all_rules()["grammar.dt"])["fail"]]
    for ex in errors:
        assert dt_checks.suspect(_FAIL.match(ex)["text"]), ex
    for plain in ("Het bloedverlies wordt minder.", "Je krijgt een echo als het bloedverlies niet stopt.",
                  "Het is gebeurd voordat je het wist.", "De miskraam is het verlies van een zwangerschap."):
        assert not dt_checks.suspect(plain), plain


def test_clause_analysis_on_hand_made_tags():
    def tok(word, lemma, tag, start):
        return FrogToken(word, lemma, tag, start, start + len(word))

    s = "Hij vind het fijn."
    toks = [tok("Hij", "hij", "VNW(pers,pron,nomin,vol,3,ev,masc)", 0), tok("vind", "vinden", "WW(pv,tgw,ev)", 4),
            tok("het", "het", "VNW(pers,pron,stan,red,3,ev,onz)", 9), tok("fijn", "fijn", "ADJ(vrij,basis,zonder)", 13),
            tok(".", ".", "LET()", 17)]
    [f] = dt_checks.analyse(toks, s)
    assert (f.word, f.suggestion, f.check) == ("vind", "vindt", "third-person-stem")
    inverted = [tok("Vind", "vinden", "WW(pv,tgw,ev)", 0), tok("je", "je", "VNW(pers,pron,nomin,red,2v,ev)", 5),
                tok("het", "het", "VNW(pers,pron,stan,red,3,ev,onz)", 8), tok("?", "?", "LET()", 11)]
    assert dt_checks.analyse(inverted, "Vind je het?") == []


def test_missing_frog_is_one_failure_naming_both_leaflets(tmp_path):
    case = {"leaflets": {"a.txt": "Soms gebeurd er niets.\n", "b.txt": "Men spreek van een miskraam.\n"},
            "config": {"rules": {"grammar.dt": {"options": {"frog": "frog-not-installed-here"}}}}, "expect": []}
    found, _ = run_case("grammar.dt", case, tmp_path)
    assert found == []
    from pipeline import orchestrate
    from pipeline.lint.config import load_config

    config = load_config(tmp_path / "leaflint.yaml")
    result = orchestrate.run_lint([tmp_path / "leaflets"], config, select={"grammar.dt"})
    [failure] = result.failures
    assert (failure.rule, failure.tool, sorted(failure.leaflets)) == ("grammar.dt", "Frog", ["a", "b"])
    assert "frog-not-installed-here" in failure.detail


# -- with Frog ------------------------------------------------------------------------------

@pytest.mark.system
@pytest.mark.slow
@needs_frog
def test_docstring_examples(frog):
    ex = examples(all_rules()["grammar.dt"])
    fails = [_FAIL.match(e) for e in ex["fail"]]
    got = _findings(frog, [m["text"] for m in fails])
    for m, found in zip(fails, got):
        assert [f.suggestion for f in found] == [m["sug"]], m["text"]
    passes = [s for line in ex["pass"] for s in re.findall(r"[^.?!]+[.?!]", line)]
    assert all(f == [] for f in _findings(frog, [s.strip() for s in passes]))


@pytest.mark.system
@pytest.mark.slow
@needs_frog
def test_more_errors_and_correct_look_alikes(frog):
    wrong = {
        "Hij vind het fijn.": "vindt", "U word gebeld door de verloskundige.": "wordt",
        "Word u gebeld door de verloskundige?": "Wordt", "De baarmoeder word schoongemaakt.": "wordt",
        "Het wordt verwacht dat het lichaam zich snel hersteld.": "herstelt",
        "De kans dat je een erfelijke afwijking heeft is klein.": "hebt", "Jij heeft recht op verlof.": "hebt",
        "Het is een bacterie die de infectie verspreid.": "verspreidt", "De infectie verspreid zich snel.": "verspreidt",
        "Het is een test die de zwangerschap bevestigd.": "bevestigt", "De infectie wordt snel verspreidt.": "verspreid",
        # a clause opened by "waarmee", "waarbij" ... needs its own finite verb, whatever the main clause has
        "Een curettage is een ingreep waarmee men het weefsel zoveel mogelijk verwijderd.": "verwijdert",
        "Dit is een ingreep waarbij de arts het weefsel verwijderd.": "verwijdert",
    }
    right = ["De verloskundige bel je morgen.", "Als je wil, kun je langskomen.", "Je kan altijd bellen.",
             "In het ziekenhuis beoordeel ik de echo.", "Wat vind je daarvan?", "Dat het gebeurd is, is niet jouw schuld.",
             "Gebeurt dat, bel dan de praktijk.", "De miskraam is voltooid en het lichaam herstelt zich.",
             "Zij vertelt je wat er gebeurt.", "Wordt u gebeld door de verloskundige?",
             "U heeft recht op verlof.", "Als je kind koorts heeft, bel ons.", "Heeft je partner ook verdriet?",
             "Zo'n verlies: het treft je hard.", "Dat helpt je verder.", "Ergens is er iets mis gegaan.",
             "Dit is het weefsel dat de arts heeft verwijderd.", "De infecties verspreiden zich snel.",
             "De infectie heeft zich verspreid.", "Het gaat om een ziekte van de lever, zegt de arts.",
             "Het is een ingreep waarbij het weefsel wordt verwijderd.", "Dit is de manier waarop het weefsel verwijderd is.",
             "Het is een methode waarmee weefsel verwijderd wordt.", "Het weefsel waarin de vrucht zat, is verwijderd."]
    for (s, sug), found in zip(wrong.items(), _findings(frog, list(wrong))):
        assert [f.suggestion for f in found] == [sug], s
    for s, found in zip(right, _findings(frog, right)):
        assert found == [], s


@pytest.mark.system
@pytest.mark.slow
@needs_frog
def test_participle_after_the_subject_with_an_embedded_clause_behind_it(frog):
    """The finite verb of the embedded clause ("gaat") is not the main clause's verb."""
    wrong = {
        "De arts verteld u wat er gaat gebeuren.": "vertelt",
        "De verloskundige verteld je wat je kunt doen.": "vertelt",
        "Je verteld de arts wat je voelt.": "vertelt",
        "Als de arts verteld hoe het gaat, luister je.": "vertelt",
    }
    right = ["De arts vertelt u wat er gaat gebeuren.", "Omdat de arts verteld heeft wat er gebeurt, weet je het.",
             "De arts heeft u verteld wat er gaat gebeuren.", "Dat het kind gewenst was, weet iedereen.",
             "Wat de arts verteld heeft, is belangrijk.", "Nadat het bloedverlies gestopt is, voel je je beter."]
    assert all(dt_checks.suspect(s) for s in wrong)
    for (s, sug), found in zip(wrong.items(), _findings(frog, list(wrong))):
        assert [(f.suggestion, f.check) for f in found] == [(sug, "participle-for-finite")], s
    for s, found in zip(right, _findings(frog, right)):
        assert found == [], s


@pytest.mark.system
@pytest.mark.slow
@needs_frog
def test_correct_text_stays_clean(tmp_path):
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(HERE.glob("test_language_clean*.txt"))}
    found, diags = run_case("grammar.dt", {"leaflets": texts, "expect": []}, tmp_path)
    assert found == [], [d.message for d in diags]


@pytest.mark.system
@pytest.mark.slow
@needs_frog
def test_one_frog_process_serves_many_batches():
    f = Frog()
    try:
        f.tag(["Soms gebeurd er niets."])
        pid = f._proc.pid
        out = f.tag(["Men spreek van een miskraam.", "Soms gebeurd er niets.", "", "Klop het hartje?"])
        assert f._proc.pid == pid
        assert f.sentences_tagged == 3  # the repeated sentence came from the cache
        assert [t.word for t in out[3]] == ["Klop", "het", "hartje", "?"]
        assert out[2] == []
    finally:
        f.close()


@pytest.mark.system
@pytest.mark.slow
@needs_frog
def test_seeds_give_exactly_the_known_dt_errors(seeds_copy):
    from pipeline import orchestrate
    from pipeline.lint.config import Config

    result = orchestrate.run_lint([seeds_copy], Config(), select={"grammar.dt"})
    got = sorted((Path(d.path).name[:3], d.line, d.match, d.suggestions[0]) for d in result.diagnostics)
    assert got == [("000", 7, "gebeurd", "gebeurt"), ("001", 3, "spreek", "spreekt"),
                   ("002", 33, "herstelt", "hersteld"), ("003", 38, "vermoed", "vermoedt"),
                   ("003", 80, "Klop", "Klopt")]


@pytest.mark.system
@needs_frog
def test_a_kept_frog_serves_the_next_run_with_its_own_cache_and_a_stopped_one_is_not_kept():
    from pipeline.language import frog as frog_module

    was = frog_module._keeping
    frog_module.keep_between_runs(True)
    try:
        first = Frog()
        first.tag(["Soms gebeurd er niets."])
        pid = first._proc.pid
        first.close()
        second = Frog()
        out = second.tag(["Soms gebeurd er niets.", "Men spreek van een miskraam."])
        assert second._proc.pid == pid  # no second start
        assert second.sentences_tagged == 2  # the run's own cache starts empty
        assert [t.word for t in out[1]][:2] == ["Men", "spreek"]
        second._busy = True  # as when a watchdog stopped a leaflet in the middle of an answer
        second.close()
        assert frog_module._take_kept(second.cmd) is None
        third = Frog()
        third.tag(["Klop het hartje?"])
        assert third._proc.pid != pid
        third.close()
    finally:
        frog_module.keep_between_runs(was)
    assert was or frog_module._kept == {}


@pytest.mark.system
def test_tags_are_kept_on_disk_so_a_later_run_needs_no_frog(tmp_path):
    from pipeline.language.frog import Frog

    store = tmp_path / "tags.sqlite3"
    first = Frog(store=store)
    try:
        tagged = first.tag(["Soms gebeurd er niets."])
    finally:
        first.close()
    second = Frog(store=store)
    try:
        again = second.tag(["Soms gebeurd er niets."])
        assert again == tagged
        assert second._proc is None and second.sentences_tagged == 0  # answered from the store
    finally:
        second.close()


# -- grammar.agreement: the lexical parts (no Frog needed) -----------------------------------

def test_gender_from_the_lexicon_the_head_of_a_compound_and_diminutives():
    from pipeline.language import agreement

    assert agreement.gender("kind") == "het" and agreement.gender("vrucht") == "de"
    assert agreement.gender("zwangerschap") == "de"  # a rare "het" reading is a tagging slip
    assert agreement.gender("zwangerschapsweefselrestant") in ("het", None)
    assert agreement.gender("baarmoederweefsel") == "het"  # the last part decides
    assert agreement.gender("vruchtzakje") == "het"
    assert agreement.gender("pad") is None  # de pad, het pad: both right
    assert agreement.gender("echo-onderzoek") == "het"


def test_adjective_forms_and_participles():
    from pipeline.language import agreement

    assert [agreement.inflected(w) for w in ("klein", "groot", "dik", "vaginaal", "hevig", "lief")] == [
        "kleine", "grote", "dikke", "vaginale", "hevige", "lieve"]
    assert agreement.uninflected("vaginale", "vaginaal") == "vaginaal"
    assert agreement.uninflected("voorkomende", "voorkomen") == "voorkomend"
    assert agreement.participle("tegenhouden") == "tegengehouden"
    assert agreement.participle("opwekt") == "opgewekt"
    assert agreement.participle("controleren") == "gecontroleerd"


def test_the_pre_check_selects_the_errors_and_lets_most_correct_sentences_pass():
    from pipeline.language import agreement

    wrong = ["Het vrucht groeit niet.", "Bij dit zwangerschap hoort een echo.", "Er is een klein kans.",
             "Dit is een voorkomende voorbeeld.", "Bel bij vaginale bloedverlies.", "In deze wekken groeit het.",
             "Het kan niet worden tegenhouden."]
    assert all(agreement.suspect(s) for s in wrong)
    right = ["Bel de verloskundige als je bloed verliest.", "Neem contact op met je huisarts.",
             "Je krijgt een echo in het ziekenhuis.", "De kans op een miskraam neemt toe met de leeftijd."]
    assert not any(agreement.suspect(s) for s in right)


def test_emphasis_accents_come_off_only_where_the_lexicon_knows_the_plain_word():
    from pipeline.language.stress import unstressed

    # "zíjn" and "wórdt" Frog's lexicon does not know; "één", "vóór", "café" (and "níet", "dát") it does
    assert unstressed("Dat zíjn de feiten, níet één. Vóór de ingreep wórdt het in het café gedaan.") == \
        "Dat zijn de feiten, níet één. Vóór de ingreep wordt het in het café gedaan."
    assert unstressed("Geen accent hier.") == "Geen accent hier."
