"""Real words that do not fit together: de/het, deze/dit, adjective endings, word class, verb forms.

Checks de/het and deze/dit, die/dat with the noun, the -e of an adjective (after een/het/geen, without
an article or after a verb, of an adjective the lexicon has not seen by its ending, of "de een"
before a noun, and of a degree word before another adjective: "een heel vroege"), a word of another
class where a noun, a conjunction or a preposition belongs ("deze wekken", "bij grotendeels van",
"tijdens dat", "ouder als 35 jaar"), a word written as one where two belong ("teveel bloed", "opgang
komen"), ons/onze, elk/elke, welk/welke with the noun, "hun" as a subject, a relative pronoun of the other gender ("het weefsel die", also after the verb that closes
the clause: "het kan weefsel zijn die"; "dat" after a de-word in a phrase that follows another de-word,
"Bel de huisarts bij keelpijn dat aanhoudt", or opening a list item), an infinitive where a participle belongs, and the same
finite verb twice in one clause, an adjective with -e before "gezien" ("medisch gezien"), "zij" where
the infinitive "zijn" belongs, "met meest" where "het meest" belongs, and "te" with an infinitive where
the verb before it does not take it ("je kunt te bellen") or lacks where it does ("je hoeft niet
bellen"), an adjective with -e closing its clause after a linking verb ("is hevige"), and dit/dat
before a plural ("Dit klachten gaan"), and "zei" before a finite verb where "zij" belongs; two
articles in a row, "een" before a plural, "wordt" or "heeft" with an infinitive where a participle or
a modal belongs, "dan" after "even"/"zoveel", "er vanuit gaan", "en" after a weak pronoun where "een"
belongs, a conjunction before a phrase without a verb up to the sentence's end ("zodra twee weken na"), a plural
noun after "één" or "1", "en" for "een" after a preposition ("de kans op en bloeding"), the -e after
"elke"/"iedere"/"zulke" and of a participle opening a sentence or list item before a plural, and
"uw"/"jouw" before a finite verb where the subject pronoun belongs ("Uw kunt" -> U), and a word of
like shape in a fixed phrase ("geen spraken van" -> sprake), an adverb that a clause takes once twice
in it ("ook de behoefte ... ook toeneemt"), and a singular verb in a relative clause after a plural
noun whose subject is "die" ("vrouwen die zwanger wordt" -> worden; not after "een van de", nor after
a noun in a prepositional phrase that may describe the noun before it), and the same possessive twice
before one noun ("haar twee haar kindjes") or "er" twice ("er erover"), and two nouns written apart that
make one word ("een intake afspraak" -> intakeafspraak; only a compound a lexicon or word list holds, not
after a preposition or before a bare mass noun: "in je buik pijn"). Each check is a
function in pipeline.language.agreement (``CHECKS``); word lists are in schema/style-language.yaml.

Frog's tags give word class, number and adjective form; the gender of nouns comes from the
lexicon (a compound takes the gender of its last part, a diminutive is "het"). Only sentences
that a cheap lexicon pre-check selects go to Frog, and Frog's answers are kept per sentence.
"het" as a pronoun ("ik vind het fijn"), "dat" as a conjunction and "die" as a relative pronoun
are left alone, and so are "voor" as the separated part of the verb ("het komt voor dat": voorkomen),
"die" with no verb after it in its clause (a demonstrative object), an adjective without -e that the
leaflet writes before the same noun three times or more (its term: "het prenataal huisbezoek"), a superlative standing for a noun
named before ("de binnenste daarvan") and words run together ("medicijnenGebruik"). When Frog is missing or fails, the check did not run: the run fails (exit 2) with
Frog's own error, unless the rule is turned off in leaflint.yaml.

pass: Het kind groeit. Ik vind het fijn dat dat kan. De vrouw die bloed verliest, belt ons.
pass: Een kleine kans, een klein risico, bij vaginaal bloedverlies; het kan niet worden tegengehouden.
fail: Het vrucht groeit niet verder. (De)
fail: Bij dit zwangerschap hoort een echo. (deze)
fail: Er is een klein kans op een miskraam. (kleine)
fail: Dit is een voorkomende voorbeeld. (voorkomend)
fail: Bel bij vaginale bloedverlies. (vaginaal)
fail: In deze wekken groeit het vruchtje. (weken)
fail: Een miskraam kan niet worden tegenhouden. (tegengehouden)
fail: Er is geen enkel mogelijkheid om dit te voorkomen. (enkele)
fail: Uw kunt ons altijd bellen. (U)
pass: Er is geen enkele kans, een enkel woord volstaat en enkel bij koorts bel je ons.
fail: Een curettage, ook wel medisch ingreep genoemd, duurt kort. (medische)
fail: Daarna verlies je al het overblijvend weefsel. (overblijvende)
fail: Er is een relatieve kleine kans op een herhaling. (relatief)
fail: Tijdens dat je wacht, mag je iets drinken. (Terwijl)
fail: Bij grotendeels van de zwangeren komt het vanzelf op gang. (het grootste deel)
fail: Het weefsel die achterblijft, komt vanzelf naar buiten. (dat)
fail: Bij vrouwen ouder als 35 jaar is de kans groter. (dan)
fail: Terwijl de behandeling mag je niet eten. (Tijdens)
fail: Een buitenbaarmoederlijk zwangerschap is zeldzaam. (buitenbaarmoederlijke)
fail: Het verlies heeft ook emotioneel impact. (emotionele)
fail: Aan de een kant ben je opgelucht. (ene)
fail: Drink niet teveel koffie. (te veel)
fail: Het kan ook weefsel zijn die achterblijft. (dat)
fail: Onze team staat voor je klaar. (Ons)
fail: Elk vrouw reageert anders. (Elke)
fail: De meest vrouwen hebben geen klachten. (meeste)
fail: Het placenta wordt ook verwijderd. (De)
fail: Ouders vinden het moeilijk, hun hebben ook verdriet. (zij)
pass: Ons team staat voor je klaar. Bel ons maandag. Het is niet wat hun overkomt.
pass: Op de een of andere manier lukt het. Je hebt een teveel aan vocht. Je hebt vaak last van krampen.
pass: Het lichamelijk herstel gaat vlot; een klinisch psycholoog helpt; direct hulp zoeken is belangrijk.
pass: De hele eerste week is het bloedverlies hevig. Zorg ervoor dat je genoeg drinkt. Weer op de been.
pass: Soms komt het voor dat je bloed verliest. Het doet zich wel eens voor dat de echo niets toont.
pass: Na een week verliest het vruchtje die niet. De wand heeft drie lagen; de binnenste daarvan is dun.
pass: Gebruik met andere medicijnenGebruik bij zwangerschap
fail: We wachten voor dat de arts komt. (voordat)
fail: Het kind die het niet redt, krijgt zorg. (dat)
fail: Er zijn geen klachten of ernstig problemen gemeld. (ernstige)
fail: Als een vrouw herhaald bloedingen heeft, volgt onderzoek. (herhaalde)
fail: Voor het lichaam is dit medische gezien geen probleem. (medisch)
fail: Dat kan voor ouders heel moeilijk zij. (zijn)
fail: Bij wie treedt dit met meest op? (het meest)
fail: Let op de aantal dagen dat je bloedt. (het)
fail: Het is een zware ervaring dat aandacht verdient. (die)
pass: De kans dat hulp komt, is groot. De dag dat je het hoorde, vergeet je niet. Het deed zo'n pijn dat huilen hielp.
fail: Het bloedverlies is meestal hevige. (hevig)
fail: Dit klachten gaan vanzelf over. (Deze)
fail: Zei is zwanger van haar tweede kind. (Zij)
pass: Dit is een lastige. Dat is het beste. Je mag weer alles eten, ook rauwe. Door dit ouders te vertellen help je ze.
fail: Je kunt te bellen met de praktijk. (bellen)
fail: Je hoeft niet bellen als het goed gaat. (te bellen)
pass: Je kunt te maken krijgen met bloedverlies. Je hoeft niet te bellen. Je kunt ons bellen om te overleggen.
pass: Het zijn gewoon mensen. Statistisch gezien is de kans klein. Dat kunnen alleen zij.
pass: Deze klachten komen het meest voor. Het aantal weken telt. Stress of intensief sporten is geen oorzaak.
fail: Dit is belangrijk voor de het kind. (het)
fail: Er is een kans op een erfelijke en aangeboren afwijkingen. (erfelijke)
fail: Een groot deel wordt tegenhouden door de baarmoedermond. (tegengehouden)
fail: Roken heeft effect hebben op het kind. (kan)
fail: Het risico is even groot dan bij vrouwen zonder klachten. (als)
fail: We kunnen er vanuit gaan dat het goed gaat. (ervan uit)
fail: Het lichamelijk herstelproces duurt een paar weken. (lichamelijke)
fail: Normaal kramp is geen reden tot zorg. (Normale)
pass: Ik vind het de moeite waard. Je bloedt een goede drie weken. Het wordt afwachten wat de echo laat zien.
pass: Ze heeft het laten weten. Dat is even groot of groter dan bij anderen. Vanuit het ziekenhuis gaan we naar huis.
pass: Het natuurlijk verloop is gunstig. Normaal is kramp geen reden tot zorg. Vol verwachting gingen ze naar de echo.
fail: Een (vroeg) miskraam komt vaak voor. (vroege)
fail: De eisprong kan plaatsvinden zodra twee weken na de ingreep. (vanaf)
fail: Ze hoopte dat ze en zoon zou krijgen. (een)
pass: Ze en haar partner krijgen hulp. We bellen je zodra de uitslag binnen is. Een (vroege) miskraam komt vaak voor.
fail: Je krijgt één tabletten mee. (tablet)
fail: De kans op en bloeding is klein. (een)
fail: Iedere nieuw zwangerschap is anders. (nieuwe)
fail: Komen herhaald miskramen voor, dan volgt onderzoek. (herhaalde)
pass: Je krijgt één of twee tabletten. Voor en na de ingreep eet je niet. Elk klein kind huilt.
fail: Je krijgt een intake afspraak bij de verloskundige. (intakeafspraak)
fail: De kraam zorg komt bij je thuis. (kraamzorg)
pass: Als je in je buik pijn hebt, bel je ons. Je kunt de baby voeding geven. Drink een glas water.
"""

from __future__ import annotations

import re

from pipeline.language import agreement
from pipeline.lint.rules.grammar_dt import sentence_findings

ID = "grammar.agreement"
LEVEL = "warning"
SCOPE = "document"
OPTIONS = {"frog": (str, "frog")}


def check(doc, conf, ctx):
    text = "\n".join(b.text for b in doc.blocks)
    yield from sentence_findings(doc, conf, ctx, agreement, safe=False, drop=lambda f, s: _fixed_term(f, s, text))


# how often a leaflet writes an adjective without -e before the same noun, after het/dit/dat, for the
# pair to be its term
FIXED_TERM_USES = 2
_NEUTER_BEFORE = re.compile(r"(?:^|\W)(?:het|dit|dat)\s+$", re.I)


def _fixed_term(f, sentence: str, text: str) -> bool:
    """An adjective without its -e after het/dit/dat that the leaflet writes so before the same noun
    again ("het prenataal huisbezoek", a service's name, like "het openbaar vervoer"): a fixed term, no
    slip. After "een" the rule only flags a de-word's adjective, which is never such a term."""
    if f.check != "adjective" or f.word.endswith("e") or not (f.suggestion or "").endswith("e") \
            or not _NEUTER_BEFORE.search(sentence[:f.start]):
        return False
    noun = re.match(r"\s+(\w+)", sentence[f.end:])
    if noun is None:
        return False
    pair = rf"{re.escape(f.word)}\s+{re.escape(noun.group(1))}\b"
    after_neuter = re.findall(rf"(?:^|\W)(?:het|dit|dat)\s+{pair}", text, re.I)
    return len(after_neuter) >= FIXED_TERM_USES and len(re.findall(rf"(?<!\w){pair}", text, re.I)) > FIXED_TERM_USES