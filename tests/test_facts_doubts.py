"""Abstention: a fact whose sentence names a hedge, another event, another population or a time of
another kind is written "te controleren" (to check), with the words that doubted it, and takes part
in no cross-leaflet or reference rule. Sentences written for these tests."""

from __future__ import annotations

from pipeline.corpus import Corpus
from pipeline.facts.catalog import default_catalog
from pipeline.facts.extract import extract_document
from pipeline.lint.rules import registry
from tests.test_facts_catalog import make_doc

CAT = default_catalog()


def incidence(text: str, heading: str | None = None) -> list:
    return [f for f in extract_document(make_doc(text, heading), CAT) if f.key == "miscarriage.incidence_pct"]


def test_a_denied_number_is_to_check_and_the_one_put_instead_is_used():
    facts = {f.min: f for f in incidence("Het is niet 1 op 4 zwangerschappen die in een miskraam eindigt, maar 1 op 10.")}
    assert not facts[25].confident and facts[25].evidence["doubted_by"][0]["doubt"] == "hedged"
    assert facts[10].confident


def test_doubted_facts_give_no_finding_against_the_reference_or_other_leaflets():
    """A relayed claim of 1 in 3 against the registry's 10-20 % and another leaflet's 15 %: the
    claim is kept, to check, and nothing is reported."""
    doubted = incidence("Je leest vaak dat een op de drie zwangerschappen in een miskraam eindigt, maar dat klopt niet.")
    sure = incidence("Ongeveer 15% van de zwangerschappen eindigt in een miskraam.")
    assert doubted and not doubted[0].confident and sure[0].confident
    for f, lid in ((doubted[0], "a"), (sure[0], "b")):
        f.leaflet, f.path = lid, f"{lid}.md"
    corpus = Corpus(facts={"a": doubted, "b": sure})
    for rule_id in ("facts.conflict", "facts.reference", "facts.internal-conflict"):
        rule = registry()[rule_id]
        assert list(rule.check(corpus, rule.defaults(), None)) == [], rule_id
    # the same claim stated as the page's own is held against the reference
    own = incidence("Een op de drie zwangerschappen eindigt in een miskraam.")
    own[0].leaflet, own[0].path = "c", "c.md"
    rule = registry()["facts.reference"]
    assert [d.leaflet for d in rule.check(Corpus(facts={"c": own}), rule.defaults(), None)] == ["c"]


def test_the_evidence_names_each_doubt_once_with_its_words_and_scope():
    [f] = incidence("Een dreigende miskraam komt bij ongeveer een op de vijf zwangerschappen voor.")
    assert f.evidence["doubts"] == ["other_event"]
    assert f.evidence["doubted_by"] == [{"doubt": "other_event", "text": "dreigende miskraam", "scope": "span"}]
    assert f.confidence == CAT.doubts["other_event"] and not f.confident
    assert f.to_json()["evidence"]["doubted_by"][0]["doubt"] == "other_event"


def test_a_doubt_is_lifted_by_its_unless_words_in_their_own_scope():
    """A paragraph about IVF doubts a rate (it may count the treated group), unless the rate's own
    sentence calls it the general one; the catalog says both in data (``unless``)."""
    [doubted] = incidence("Bij IVF wordt al vroeg getest. Van de zwangerschappen eindigt 15 procent in een miskraam.")
    assert doubted.evidence["doubted_by"][0]["doubt"] == "other_population" and not doubted.confident
    [general] = incidence("Bij IVF wordt al vroeg getest. In het algemeen eindigt 15 procent van de zwangerschappen in een miskraam.")
    assert general.confident and "doubts" not in general.evidence


def test_a_quotation_is_the_page_claim_when_an_interview_names_its_speaker():
    """Relayed words without a speaker are to check; a speaker named before a colon, a verb of
    asking after the quotation, or a paragraph that is one answer of several sentences make the
    words the page's own (sentences written here)."""
    relayed = incidence("Op een forum staat: „een op de drie zwangerschappen eindigt in een miskraam”.")
    named = incidence("Verloskundige Sanne de Wit: “Een op de acht zwangerschappen eindigt in een miskraam.”")
    asked = incidence("“Als een op de acht zwangerschappen in een miskraam eindigt, waarom praten we er niet over?”, vraagt ze.")
    answer = incidence("“Wij zien het vaak. Een op de acht zwangerschappen eindigt in een miskraam. Dat is veel.”")
    assert relayed and not relayed[0].confident and "quoted" in relayed[0].evidence["doubts"]
    assert named and asked and answer
    assert all(f.confident for f in named + asked + answer)


def test_single_quotes_and_long_quotations():
    """Words in single typographic quotes are a quotation too (a remark a page lists as one not to
    make), while an apostrophe inside a word is none; a quotation of several sentences is someone
    speaking, and so are words that named speakers "stellen" or that cite their source (sentences
    written here)."""
    [remark] = incidence("‘Eén op de acht zwangerschappen eindigt toch in een miskraam, joh’")
    assert not remark.confident and "quoted" in remark.evidence["doubts"]
    [apostrophe] = incidence("Zo’n één op de acht zwangerschappen eindigt in een miskraam, zo’n 12 procent.")[:1]
    assert apostrophe.confident
    [speech] = incidence("Een miskraam komt vaak voor. „Wij zien het elke week. Eén op de acht zwangerschappen "
                         "eindigt in een miskraam. Dat weten veel mensen niet.”")
    assert speech.confident
    [stated] = incidence("Twee artsen stellen dat ‘één op de acht zwangerschappen in een miskraam eindigt’.")
    [cited] = incidence("In het rapport staat: ‘één op de acht zwangerschappen eindigt in een miskraam’ (2019).")
    assert stated.confident and cited.confident


def test_a_leaflet_that_never_names_a_miscarriage_but_an_abortion_doubts_its_treatment_not_its_fever():
    """An abortion clinic's page: the bleeding after its pills is that event's, the fever to call
    about is the same sign; the same bleeding sentence on a miscarriage leaflet is used."""
    def facts(text, heading):
        return {f.key: f for f in extract_document(make_doc(text, heading), CAT)}
    text = "Na een abortus met pillen bloed je. Het bloedverlies duurt gemiddeld tien dagen. Bel bij koorts boven 38 graden."
    other = facts(text, "Abortus met pillen")
    assert not other["recovery.bleeding_weeks"].confident and other["alarm.fever_c"].confident
    own = facts(text.replace("abortus", "miskraam"), "Na een miskraam met pillen")
    assert own["recovery.bleeding_weeks"].confident and own["alarm.fever_c"].confident
    # a miscarriage leaflet that names no miscarriage but denies an abortion, or names a miscarriage in Latin
    for text, heading in (("Na de curettage duurt het bloedverlies gemiddeld tien dagen. Dit is geen abortus.",
                           "Curettage bij een niet-doorgaande zwangerschap"),
                          ("Bij een abortus incompletus blijft weefsel achter. Het bloedverlies duurt gemiddeld tien "
                           "dagen. Een abortus incompletus is niet gevaarlijk.", "Curettage")):
        assert facts(text, heading)["recovery.bleeding_weeks"].confident, text


def test_a_condition_counted_in_its_own_clause_is_no_miscarriage_rate_but_a_second_clause_rate_is():
    doubted = incidence("Deze aandoening komt bij 1% van de zwangerschappen voor en de kans op een miskraam wordt groter.")
    assert doubted and not doubted[0].confident
    for text in ("Deze afwijking komt vaak voor en ongeveer 15% van alle zwangerschappen eindigt in een miskraam.",
                 "Een miskraam is een complicatie. Deze complicatie treedt op bij 1 op de 10 zwangerschappen."):
        facts = incidence(text)
        assert facts and facts[0].confident, text
