"""The real-page scorer counts what a reviewer would: written pages and findings, no real page."""

from pipeline.bench.language_real import _score_page
from pipeline.diagnostic import Diagnostic

PAGE = ("Een miskraam komt vaak voor.\n"
        "Een miskraam komt vaak voor. Daarna volgt een controle.\n"
        "Het embryo dat zich innesteld in de baarmoeder groeit.\n"
        "Het woord stond hier gewoon.\n")


def _d(rule, line, match, *sugg):
    return Diagnostic("p.txt", line, 1, "m", match=match, rule=rule, suggestions=sugg)


def test_a_repeated_text_is_found_on_either_occurrence():
    notes = {"errors": [{"text": "Een miskraam komt vaak voor.", "kind": "repeated"}]}
    res = _score_page("p", PAGE, [_d("structure.repeated-text", 2, "Een miskraam komt vaak voor.")], notes, 30)
    assert res.errors_found == [("repeated", "Een miskraam komt vaak voor.")] and not res.other


def test_a_finding_on_another_line_finds_nothing():
    notes = {"errors": [{"text": "Een miskraam komt vaak voor.", "kind": "repeated"}]}
    res = _score_page("p", PAGE, [_d("structure.repeated-text", 4, "Het woord stond hier gewoon.")], notes, 30)
    assert res.errors_missed and res.other


def test_a_residue_finding_that_names_a_repeated_line_finds_a_repeated_title_and_no_other_error():
    notes = {"errors": [{"text": "Een miskraam komt vaak voor.", "kind": "repeated"},
                        {"text": "Het woord stond", "kind": "agreement"}]}
    found = [Diagnostic("p.txt", 1, 1, "m", rule="style.web-residue", key="repeated-title"),
             Diagnostic("p.txt", 4, 1, "m", rule="style.web-residue", key="repeated-title")]
    res = _score_page("p", PAGE, found, notes, 30)
    assert res.errors_found == [("repeated", "Een miskraam komt vaak voor.")]
    assert res.errors_missed == [("agreement", "Het woord stond")]
    other = [Diagnostic("p.txt", 1, 1, "m", rule="style.web-residue", key="button")]
    assert _score_page("p", PAGE, other, notes, 30).errors_found == []


def test_a_term_note_is_counted_apart_from_spelling_errors():
    notes = {"nonwords": ["innesteld"]}
    found = [_d("spelling.unknown-term", 3, "innesteld"), _d("spelling.unknown-term", 4, "woord")]
    res = _score_page("p", PAGE, found, notes, 30)
    assert res.term_notes == [("innesteld", True), ("woord", False)] and not res.false_spelling


def test_a_spelling_finding_on_the_slip_of_a_real_word_error_is_no_false_alarm():
    notes = {"errors": [{"text": "zich innesteld in de baarmoeder", "kind": "dt"}]}
    res = _score_page("p", PAGE, [_d("spelling.unknown-word", 3, "innesteld", "innestelt")], notes, 30)
    assert res.true_spelling == ["innesteld"] and not res.false_spelling
    assert res.errors_found == [("dt", "zich innesteld in de baarmoeder")]


def test_a_spelling_finding_on_another_word_stays_false():
    notes = {"errors": [{"text": "zich innesteld in de baarmoeder", "kind": "dt"}]}
    res = _score_page("p", PAGE, [_d("spelling.unknown-word", 4, "woord", "woorden")], notes, 30)
    assert res.false_spelling == ["woord"] and res.errors_missed


def test_a_stored_excerpt_loses_only_its_cut_sentence(tmp_path):
    from pipeline.bench.language_real import page_text

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text("# https://example.org\nEen zin. Nog een\n- Bron.nl\nHet einde van een ha",
                                              encoding="utf-8")
    assert page_text(tmp_path, "p") == "Een zin. Nog een\n- Bron.nl\n"
    # a last line the annotations list as a residue line is whole, not the excerpt's cut
    (tmp_path / "pages" / "q.txt").write_text("# https://example.org\nEen zin.\nBeeld: Fotobureau", encoding="utf-8")
    assert page_text(tmp_path, "q") == "Een zin.\nBeeld:\n"  # a colon ends a sentence
    assert page_text(tmp_path, "q", ("Beeld: Fotobureau",)) == "Een zin.\nBeeld: Fotobureau\n"


def test_a_residue_finding_covers_every_line_of_its_span():
    page = "Inhoud\n1.1 Oorzaken van\nhet bloedverlies\nEen miskraam komt vaak voor.\n"
    notes = {"residue": ["1.1 Oorzaken van", "het bloedverlies"]}
    found = [Diagnostic("p.txt", 2, 1, "m", end_line=3, end_column=17, rule="style.web-residue", key="contents")]
    res = _score_page("p", page, found, notes, 10)
    assert res.residue_found == ["1.1 Oorzaken van", "het bloedverlies"] and not res.residue_extra


def test_an_annotation_in_the_dropped_fragment_is_neither_found_nor_missed():
    # the stored excerpt stopped inside the sentence that holds the error: that fragment was not linted
    notes = {"errors": [{"text": "een jongetjes", "kind": "agreement"}], "residue": ["Lees 1 maand gratis"]}
    res = _score_page("p", PAGE, [], notes, 30)
    assert res.errors_missed == [] and res.residue_missed == []
    assert res.cut == ["een jongetjes", "Lees 1 maand gratis"]


def test_a_compound_with_a_number_written_apart_is_found_by_typography_and_no_other_substitution():
    page = "Daarna volgt de 20 weken echo.\nDe uitslag komt later .\n"
    notes = {"errors": [{"text": "de 20 weken echo", "kind": "other"}, {"text": "komt later .", "kind": "other"}]}
    found = [Diagnostic("p.txt", 1, 18, "m", match=" weken ", rule="typography.substitution", key="number-compound-apart"),
             Diagnostic("p.txt", 2, 22, "m", match=" ", rule="typography.substitution", key="space-before-punctuation")]
    res = _score_page("p", page, found, notes, 10)
    assert res.errors_found == [("other", "de 20 weken echo")]
    assert res.errors_missed == [("other", "komt later .")]


def test_a_hyphenated_word_with_a_misspelt_part_is_a_real_find():
    notes = {"nonwords": ["porcelijn"]}
    res = _score_page("p", PAGE, [_d("spelling.unknown-word", 4, "porcelijn-wit")], notes, 30)
    assert res.true_spelling == ["porcelijn-wit"] and not res.false_spelling


def test_the_word_where_a_kept_last_line_is_cut_counts_neither_way():
    page = PAGE + "Lees ook: Een miskraam en rou\n"
    found = [_d("spelling.unknown-word", 5, "rou"), _d("spelling.unknown-word", 4, "woord")]
    res = _score_page("p", page, found, {"residue": ["Lees ook: Een miskraam en rou"]}, 30)
    assert res.false_spelling == ["woord"] and not res.true_spelling


def test_a_spelling_finding_on_a_marked_abbreviation_is_counted_apart():
    page = "Bel ivm de uitslag.\nBel evt de praktijk.\n"
    found = [_d("spelling.unknown-word", 1, "ivm", "i.v.m."), _d("spelling.unknown-word", 2, "evt", "evt.")]
    res = _score_page("p", page, found, {"abbrevs": ["ivm"]}, 8)
    assert res.abbreviations == ["ivm"] and res.false_spelling == ["evt"] and not res.true_spelling


def test_a_section_written_twice_finds_a_repeated_sentence_of_it():
    page = ("Oorzaken\nRoken is de grootste oorzaak van de ziekte.\nAnders\nOorzaken\n"
            "Roken is de grootste oorzaak van de ziekte.\n")
    notes = {"errors": [{"text": "Roken is de grootste oorzaak van de ziekte.", "kind": "repeated"}]}
    section = Diagnostic("p.txt", 4, 1, "m", match="Oorzaken", rule="structure.duplicate-section", end_line=5)
    assert _score_page("p", page, [section], notes, 20).errors_found
    heading_only = Diagnostic("p.txt", 4, 1, "m", match="Oorzaken", rule="structure.duplicate-section", end_line=4)
    assert _score_page("p", page, [heading_only], notes, 20).errors_missed


def test_a_finding_on_words_glued_at_a_full_stop_finds_that_slip_only():
    page = "De prik geeft weinig klachten.Er is soms koorts. Het gaat vanzelf over.Dat duurt kort.\n"
    notes = {"errors": [{"text": "klachten.Er", "kind": "other"}, {"text": "over.Dat", "kind": "other"}]}
    glued = Diagnostic("p.txt", 1, 25, "m", match="klachten.Er", rule="style.web-residue", key="glued-words")
    res = _score_page("p", page, [glued], notes, 15)
    assert res.errors_found == [("other", "klachten.Er")] and res.errors_missed == [("other", "over.Dat")]
