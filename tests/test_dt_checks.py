"""Each d/t token check on its own: one sentence it fires on (at the expected word, with the
expected suggestion) and one near miss it leaves alone. The sentences are tagged by Frog, as in a
run; the check function is called on every token of the sentence."""

from __future__ import annotations

import pytest

from pipeline.language import dt_checks as dc
from pipeline.language.frog import Frog, available

pytestmark = [pytest.mark.system, pytest.mark.skipif(not available(), reason="frog is not installed")]

# check -> (sentence it fires on, word, suggestion), near miss
CASES = {
    dc.participle_without_finite: (("Soms gebeurd er niets.", "gebeurd", "gebeurt"),
                                   "Dat het gebeurd is, is niet jouw schuld."),
    dc.participle_after_subject: (("De arts verteld u wat er gaat gebeuren.", "verteld", "vertelt"),
                                  "Omdat de arts verteld heeft wat er gebeurt, weet je het."),
    dc.participle_before_reflexive: (("De pijn wordt minder en verspreid zich niet.", "verspreid", "verspreidt"),
                                     "De infectie heeft zich snel verspreid."),
    dc.finite_for_participle: (("Na twee weken is het lichaam voldoende herstelt om weer te sporten.", "herstelt",
                                "hersteld"),
                               "Na twee weken herstelt het lichaam voldoende."),
    dc.first_person_t: (("Ik wordt morgen onderzocht.", "wordt", "word"),
                        "Ik word morgen onderzocht."),
    dc.finite_as_adjective: (("Je krijgt geen vergoedt bedrag terug.", "vergoedt", "vergoed"),
                             "Wat dit betekent vindt u in deze folder."),
    dc.inverted_je_t: (("Wordt je morgen gebeld?", "Wordt", "Word"), "Wordt je kindje gecontroleerd?"),
    dc.inverted_question: (("Klop het hartje van de baby?", "Klop", "Klopt"), "Klopt het hartje van de baby?"),
    dc.inverted_subject: (("Daarna word de pijn minder.", "word", "wordt"), "Bij koorts bel de verloskundige."),
    dc.second_person_stem: (("Wanneer je vermoed dat er iets mis is, bel ons.", "vermoed", "vermoedt"),
                            "Vind je het fijn?"),
    dc.third_person_stem: (("Men spreek van een miskraam.", "spreek", "spreekt"), "Men spreekt van een miskraam."),
    dc.opening_imperative_t: (("Neemt contact op met de praktijk.", "Neemt", "Neem"),
                              "Neem contact op met de praktijk."),
    dc.singular_subject: (("De volgende instantie kunnen je helpen.", "kunnen", "kan"),
                          "De volgende instanties kunnen je helpen."),
    dc.existential_number: (("Er is verschillende oorzaken voor een miskraam.", "is", "zijn"),
                            "Er zijn een aantal redenen voor een miskraam."),
    dc.plural_subject: (("De meeste klachten verdwijnt vanzelf.", "verdwijnt", "verdwijnen"),
                        "De meeste klachten verdwijnen vanzelf."),
    dc.participle_in_embedded: (("De verloskundige bespreekt met u wat er gebeurd.", "gebeurd", "gebeurt"),
                                "De verloskundige bespreekt met u wat er gebeurd is."),
    dc.coordinated_stem: (("Het lichaam herstelt zich snel en word daarna weer ongesteld.", "word", "wordt"),
                          "Soms beslist de arts dat een curettage nodig is en word je opgenomen."),
    dc.closing_stem: (("Het weefsel dat verwijderd word, gaat naar het lab.", "word", "wordt"),
                      "Ik hoop dat ik snel geholpen word."),
    dc.plural_pronoun: (("Na de echo hoefde wij niet lang te wachten.", "hoefde", "hoefden"),
                        "Na de echo hoefden wij niet lang te wachten."),
    dc.coordinated_imperative: (("Neem rust en houdt rekening met je grenzen.", "houdt", "houd"),
                                "Neem je tijd en houd rekening met je grenzen."),
    dc.possessive_subject_t: (("Uw kind kunt daarna weer naar school.", "kunt", "kan"),
                              "Uw kind kunt u morgen ophalen."),
}


@pytest.fixture(scope="module")
def tagged():
    sentences = sorted({s for (fire, miss) in CASES.values() for s in (fire[0], miss)})
    f = Frog()
    try:
        return dict(zip(sentences, f.tag(sentences)))
    finally:
        f.close()


def run(check, tokens, sentence):
    return [f for c in dc.token_contexts(tokens, sentence) if (f := check(c))]


def test_every_token_check_has_a_case():
    assert set(CASES) == set(dc.TOKEN_CHECKS)


@pytest.mark.parametrize("check", list(CASES), ids=lambda c: c.__name__)
def test_check_fires(check, tagged):
    (sentence, word, suggestion), _ = CASES[check]
    [f] = run(check, tagged[sentence], sentence)
    assert (f.word, f.suggestion, sentence[f.start:f.end]) == (word, suggestion, word)


@pytest.mark.parametrize("check", list(CASES), ids=lambda c: c.__name__)
def test_check_leaves_the_near_miss_alone(check, tagged):
    _, sentence = CASES[check]
    assert run(check, tagged[sentence], sentence) == []
    assert dc.analyse(tagged[sentence], sentence) == []


# words the lexicon knows as stems (or participles on -d) that are no finite verb in their place;
# each with a sentence of the same shape that keeps its finding
NOT_A_VERB = [
    # a noun opening a list in a relative clause whose verb stands last
    ("Het is erg, omdat een verlies dat zorg, tijd en begrip vraagt vaak vergeten wordt.",
     ("Het is erg, omdat een verlies dat steeds erger word vaak vergeten wordt.", "wordt")),
    # "dat" the subject, "je" the object
    ("Het is een bericht dat je diep heeft geraakt.", ("Het is de kans dat je een miskraam heeft.", "hebt")),
    # a fixed expression with a repeated noun, and the particle of misgaan
    ("De behandeling stap voor stap", None),
    ("Soms gaat er bij de bevruchting of kort daarna iets mis.", None),
    # a passive phrase with its agent and no subject (a byline) keeps its participle
    ("Inhoudelijk beoordeeld door de redactie.", ("De arts beoordeeld de echo.", "beoordeelt")),
    ("Trombose objectief bevestigd door beeldvorming.", ("De arts beoordeeld door middel van een echo de groei.", "beoordeelt")),
    ("Bloeding bevestigd door echo.", ("Dokter Jansen beoordeeld door middel van een echo of het hartje klopt.", "beoordeelt")),
    # participles as adjectives: before a noun, or in a heading without a subject
    ("Een regeling voor betaald verlof na een miskraam", ("Soms gebeurd er niets.", "gebeurt")),
    ("b. Erfelijk bepaald (bij een van beide ouders)", None),
    # the finding on a stem after "U" stays
    ("U krijgt stap voor stap uitleg.", ("U vraag direct een uitkering aan en betaalt het loon door.", "vraagt")),
    # "krijgt" takes a participle at the end like an auxiliary; a finite verb of an embedded clause stays
    ("Je krijgt een brief die de arts ondertekent.",
     ("De werkgever krijgt de kosten van de verzekeraar vergoedt.", "vergoed")),
    ("Je krijgt de uitslag binnen een week toegestuurd.", None),
    # ellipsis without a subject; an imperative before "en"; "ik" shares the stem
    ("Zoals besproken krijg je een afspraak.", ("Niemand weet precies wat er gebeurd.", "gebeurt")),
    ("Let goed op en bel bij koorts.", ("Je leest de folder en vind het moeilijk.", "vindt")),
    ("Ik lees de folder en vind het moeilijk.", None),
    # a -d form that is the stem, opening the sentence before je/u: an imperative (or inversion with je)
    ("Bereid u goed voor op de ingreep.", ("Vanaf de tweede week verminderd dit tot bijna niets.", "vermindert")),
    ("Elke maatschappij doet het anders, informeer u dus vooraf.", ("Elke maatschappij doet het anders, informeer u zich dus vooraf.", "informeert")),
    ("Ontspan u na de ingreep.", ("Beperk u het gebruik van alcohol.", "Beperkt")),
    # a heading without its full stop: the last "voor" is still voorbereiden's particle; "zich houden aan"
    ("Bereid u goed voor", ("Houd u er rekening mee dat het pijn doet.", "Houdt")),
    ("Houd u aan de regels van het ziekenhuis.", ("Houd u de afspraak aan?", "Houdt")),
    ("Verzeker u ervan dat u vervoer hebt.", ("Informeer u uw werkgever over de ziekmelding.", "Informeert")),
    ("Bereid je voor op de uitslag.", None),
    # a -t form as an adjective between a determiner and its noun, or before a closing "vindt"; a
    # pronoun before a finite verb and its object stays a subject
    ("Dat verklaart klachten bij veel vrouwen.", ("Bespreek met de arts of hij dit verantwoordt vindt.", "verantwoord")),
    ("Het vergoedt kosten van de behandeling.", ("Wij vinden een verantwoordt besluit belangrijk.", "verantwoord")),
    ("Niet elke verzekeraar is hetzelfde: de een vergoedt fysiotherapie, de ander niet.", None),
    ("Ga naar huis en neem u kind mee.", None),
    # "je" before a noun is possessive: the noun is the subject of "heeft"
    ("Let op of je kindje het koud heeft in bed.", ("Let op of je het koud heeft in bed.", "hebt")),
    # "waar" opens a clause whose subject may be "dit" or "het"
    ("Het is de plek waar het gebeurd is.", ("In sommige ziekenhuizen waar dit vaak gebeurd, is een speciale kamer.", "gebeurt")),
    # a noun phrase after "en" in a sentence that an imperative opens is its object, no subject
    ("Vul de vragenlijst en het formulier in en breng deze mee naar de afspraak.",
     ("Als de vragenlijst klaar is en het formulier (ingevuld) op tafel lig, bel je ons.", "ligt")),
    # "u" before a count noun without its determiner is the possessive's slip (grammar.agreement: uw)
    ("Neem u partner mee naar het gesprek.", ("Zo voorkom u problemen.", "voorkomt")),
    ("Bel u verloskundige als de pijn erger wordt.", ("Neem u de tijd voor het herstel.", "Neemt")),
    ("Verspreid je het nieuws?", None),
    # a plural in a fronted prepositional phrase is no subject; a plural subject keeps the plural form
    ("De klachten verspreid zich.",
     ("Na een paar dagen verminderd dit tot bijna niets.", "vermindert")),
    # after a fronted prepositional phrase "je" is the inverted subject; before a noun it is possessive
    ("Na de ingreep helpt je partner met het huishouden.",
     ("Na een week herstelt je snel.", "herstel")),
    ("De verloskundige helpt je met de voeding.", None),
    # the subject pronoun after a relative or question pronoun decides the verb's person
    ("Het boek dat ik nooit heb gelezen, ligt daar.", ("Het kindje dat je nooit heb gezien, blijft bij je.", "hebt")),
    # heeft/is before an inverted je; a question word may be the subject, "je eigen" is possessive
    ("Wat heeft je geholpen?", ("Heeft je al een afspraak gemaakt?", "Heb")),
    ("Nu is je eigen gevoel belangrijk.", ("Soms is je erg moe.", "ben")),
    # "jouw" always opens a third-person subject, "je" may be the subject itself
    ("Na de bevalling word je moeder opgevangen.", ("Word jouw partner ook gebeld?", "Wordt")),
    ("Bel je moeder?", ("Daarna word jouw kindje onderzocht.", "wordt")),
    # "dat" after a finite verb with no subject after it is that verb's subject, not a conjunction
    ("In de meeste gevallen is dat binnen een week gebeurd.", ("Het probleem is dat het vaak gebeurd.", "gebeurt")),
    ("Wat ik heb gezien, vertel ik.", ("Je mist iets, wat je nooit heb gekend.", "hebt")),
    # "je" before a noun that another noun phrase follows is possessive; one noun: "je" is the subject
    ("Omdat je baby tijd nodig heeft om te groeien, wacht je nog even.",
     ("Omdat je rust nodig heeft, blijf je thuis.", "hebt")),
    # a -t verb after "en" shares the third-person subject before it: "je" is its object
    ("De uitslag is na een week bekend en vertelt je of er iets aan de hand is.",
     ("Als je de uitslag hebt, wordt je gebeld.", "word")),
    # a subject with its relative clause before a comma: the verb after it has "je" as its object
    ("Een centrum dat de zorg regelt, helpt je verder.", ("Als je de uitslag hebt, wordt je gebeld.", "word")),
    # a noun phrase opens the clause before the verb, whatever Frog made of its last word
    ("Een goed bijgehouden temperatuurlijst helpt je te zien wanneer je vruchtbaar bent.", None),
    # an imperative before "en" makes the verb after it one too; a verb with its own subject stays
    ("Lees de folder en bel bij vragen de praktijk.", ("Lees de folder en belt bij vragen de praktijk.", "bel")),
    ("Neem rust en houdt u rekening met de uitslag?", None),
    # a plural subject with one prepositional phrase before its verb takes the plural; a fronted
    # object keeps the verb of the subject after it, an infinitive may be the subject of "is"
    ("Klachten tijdens de zwangerschap komen vaak voor.",
     ("Klachten tijdens de zwangerschap komt vaak voor.", "komen")),
    ("Vragen over de behandeling stelt u aan de arts.",
     ("Problemen met de placenta kan leiden tot groeivertraging.", "kunnen")),
    ("Zorgen over de toekomst is normaal.", ("De meeste klachten na een miskraam gaat snel over.", "gaan")),
    ("Tientallen van de vrouwen kreeg een brief.", None),
    # a singular on -s that Frog may read as a plural opening the sentence (its lemma is itself)
    ("Bloedverlies tijdens de zwangerschap kan onschuldig zijn.", None),
    ("Bloedverlies hoort niet bij een gewone zwangerschap.", None),
    ("Wensen voor de bevalling bespreek je met de verloskundige.", None),
    # "je" before a word Frog reads as attributive is possessive: the verb keeps its -t
    ("Twee weken daarna is je uitgerekende datum.", ("Soms is je erg moe.", "ben")),
    ("Misschien stuurt je leidinggevende een kaartje.", ("Misschien stuurt je een kaartje naar de arts.", "stuur")),
    # en/of between two attributive adjectives joins them in one noun phrase, no clauses
    ("Hoewel ik mezelf een nuchter en sterk persoon vind, huil ik vaak.",
     ("De arts vind een sterk en gezond kind.", "vindt")),
    ("We vertellen je of dit betaald of onbetaald verlof is.", None),
    # "als" before a noun phrase with no finite verb is the preposition: the auxiliary before it governs
    ("Bloedverlies wordt vaak als het eerste teken beschouwd", ("Je mag naar huis als de pijn verminderd.", "vermindert")),
    # a noun after "meer"/"veel" in a prepositional phrase is no subject
    ("Voor meer info zie: de website van de praktijk.", ("Meer info vind de lezer op de website.", "vindt")),
    # a fronted prepositional phrase may hold an attributive participle: "je" after the verb is its subject
    ("Tijdens elke volgende controle wordt je kindje gewogen.",
     ("Tijdens elke volgende controle wordt je gewogen.", "word")),
    # a verb right after "en" shares the subject before it: the noun phrase after it is its object
    ("Ik ben een vrouw van 34 en heb een dochter van 6.", ("Bij koorts word de pijn erger.", "wordt")),
    # ... unless a subject pronoun follows the verb: then it is the verb's own inverted subject
    ("Ik ben 34 en heb een dochter.", ("Na de ingreep rust u even uit en word u naar huis gebracht.", "wordt")),
    ("Na de ingreep rust u even uit en wordt u naar huis gebracht.",
     ("U mag douchen, maar vind u het eng, wacht dan.", "vindt")),
    ("U mag douchen, maar vindt u het eng, wacht dan.", ("Of word u liever thuis behandeld?", "wordt")),
    ("Of wordt u liever thuis behandeld?", ("En word u daarna opgehaald?", "wordt")),
    ("En wordt u daarna opgehaald?", None),
]


@pytest.fixture(scope="module")
def tagged_near():
    sentences = sorted({s for miss, fire in NOT_A_VERB for s in (miss, *(fire[:1] if fire else ()))})
    f = Frog()
    try:
        return dict(zip(sentences, f.tag(sentences)))
    finally:
        f.close()


@pytest.mark.parametrize(("miss", "fire"), NOT_A_VERB, ids=[m for m, _ in NOT_A_VERB])
def test_no_verb_in_its_place(miss, fire, tagged_near):
    assert dc.analyse(tagged_near[miss], miss) == []
    if fire:
        sentence, suggestion = fire
        assert [f.suggestion for f in dc.analyse(tagged_near[sentence], sentence)] == [suggestion]

