"""Each grammar.agreement check on its own: sentences it fires on (at the expected word, with the
expected suggestion) and near misses it leaves alone, all written here. The sentences are tagged by
Frog, as in a run; the check function is called on every token of the sentence, and the pre-check
must select every sentence a check fires on."""

from __future__ import annotations

import pytest

from pipeline.language import agreement as ag
from pipeline.language.frog import Frog, available

pytestmark = [pytest.mark.system, pytest.mark.skipif(not available(), reason="frog is not installed")]

# check -> [(sentence it fires on, word, suggestion)], [near misses]
CASES = {
    ag.article: ([("Het vrucht groeit niet verder.", "Het", "De"),
                  ("De arts onderzoekt de kind.", "de", "het"),
                  ("Het placenta wordt ook verwijderd.", "Het", "De"),
                  ("Bij het curettage krijg je een roesje.", "het", "de"),
                  ("De roesje is kort.", "De", "Het"),
                  ("Let op de aantal dagen dat je bloedt.", "de", "het"),
                  ("Na het vroegtijdig miskraam kwam de rouw.", "het", "de"),
                  ("Er zijn twee vormen, namelijk het vroegtijdig miskraam en de late.", "het", "de")],
                 ["Het kind groeit.", "Na een week ben je weer op de been.", "Het foetus groeit.", "De foetus groeit.",
                  "Als het hematoom klein is, verdwijnt het vanzelf.", "De vleesboom groeit.",
                  "Het vroegtijdige foetus.",
                  "Het maakt het makkelijk hulp te vragen.", "Het snel hulp vragen helpt.",
                  "Bij de eerste trimester echo zie je het hartje.",
                  "Het kan zijn dat het lange tijd niet lukt om zwanger te worden.",
                  "De eerste paar dagen na de ingreep blijf je thuis.",
                  "Na de uitslag is het zaak om snel een afspraak te maken.",
                  "Het charter is door alle ziekenhuizen ondertekend.",
                  "Het zorgcharter geldt vanaf volgend jaar.", "De echo laat zien dat het hartje klopt.",
                  "Het medicijn werkt snel.", "Bij de curettage krijg je een roesje.",
                  "Het aantal weken telt.", "Dit hangt af van het percentage vrouwen dat zwanger wordt."]),
    ag.demonstrative: ([("Bij dit zwangerschap hoort een echo.", "dit", "deze"),
                        ("Bij dat koffieconsumptie hoort een waarschuwing.", "dat", "die")],
                       ["Ik weet dat pijn erbij hoort.", "Doet dit pijn?",
                        "Onderzoek wijst uit dat koffieconsumptie niet schadelijk is.",
                        "De arts gebruikt een transducer, die gebruik maakt van geluidsgolven.",
                        "Soms noemen we dit vroege zwangerschapsverlies.",]),
    ag.adjective_ending: ([("Er is een klein kans op een miskraam.", "klein", "kleine"),
                           ("Er is een goed geleiding nodig.", "goed", "goede"),
                           ("Het lichamelijk herstelproces duurt een paar weken.", "lichamelijk", "lichamelijke"),
                           ("Het emotioneel rouwproces duurt lang.", "emotioneel", "emotionele"),
                           ("Een (vroeg) miskraam komt vaak voor.", "vroeg", "vroege"),
                           ("Is dit een (vroeg) miskraam?", "vroeg", "vroege"),
                           ("Bel bij vaginale bloedverlies de verloskundige.", "vaginale", "vaginaal"),
                           ("Daarna verlies je al het overblijvend weefsel.", "overblijvend", "overblijvende"),
                           ("Er is geen enkel mogelijkheid om dit te voorkomen.", "enkel", "enkele"),
                           ("Een buitenbaarmoederlijk zwangerschap is zeldzaam.", "buitenbaarmoederlijk",
                            "buitenbaarmoederlijke"),
                           ("Na een vroeg miskraam kun je snel weer zwanger worden.", "vroeg", "vroege"),
                           ("Het is een veelvoorkomende probleem.", "veelvoorkomende", "veelvoorkomend"),
                           ("De meest vrouwen hebben geen klachten.", "meest", "meeste"),
                           # an adjective Frog reads as free between "de" and its noun
                           ("Er zijn de mogelijk oplossingen besproken.", "mogelijk", "mogelijke"),
                           ("De belangrijk vragen staan hieronder.", "belangrijk", "belangrijke"),
                           ("Er zijn eventuele mogelijk therapieën besproken.", "mogelijk", "mogelijke"),
                           ("Bij een (dreigend) miskraam bel je de verloskundige.", "dreigend", "dreigende"),
                           ("Bij herhaald miskramen wordt onderzoek gedaan.", "herhaald", "herhaalde"),
                           ("De lichamelijk klachten verdwijnen snel.", "lichamelijk", "lichamelijke"),
                           ("Er zijn geen klachten of ernstig problemen gemeld.", "ernstig", "ernstige"),
                           ("Dat schrijven de kranten, volgens Vlaams onderzoekers Jan Peeters en Els Janssens.",
                            "Vlaams", "Vlaamse"),
                           ("Als een vrouw herhaald bloedingen heeft, volgt onderzoek.", "herhaald", "herhaalde"),
                           ("Daarna nestelt het bevrucht ei zich in de baarmoeder.", "bevrucht", "bevruchte"),
                           # "meest"/"minst" between the article and the adjective
                           ("Dit is het meest opvallend verschijnsel van de ziekte.", "opvallend", "opvallende"),
                           # a participle opening a sentence or list item, alone or after its finite verb
                           ("• herhaald bloedingen of vroeggeboorte", "herhaald", "herhaalde"),
                           ("Getest vrouwen krijgen binnen een week de uitslag.", "Getest", "Geteste"),
                           ("Behandeld vrouwen herstellen snel als de pijn weg is.", "Behandeld", "Behandelde"),
                           ("Komen herhaald miskramen voor, dan volgt onderzoek.", "herhaald", "herhaalde"),
                           # after the de-forms of the gendered determiners
                           ("Bij ons heeft elke gemeentelijk begraafplaats een apart veld.", "gemeentelijk",
                            "gemeentelijke"),
                           ("Iedere nieuw zwangerschap voelt spannend.", "nieuw", "nieuwe"),
                           ("Zulke ernstig klachten zijn zeldzaam.", "ernstig", "ernstige")],
                          [# an opening participle as an adverb before the object of a subject infinitive
                           "Gericht oefeningen doen helpt tegen de pijn.", "Gericht oefeningen doen is goed voor je.",
                           "Het lichamelijk herstel gaat vlot.", "Om een goede geleiding te krijgen, gebruiken we gel.", "Het inwendig onderzoek doet geen pijn.",
                           "Het natuurlijk verloop is meestal gunstig.", "Het academisch ziekenhuis belt je.",
                           "Het centraal zenuwstelsel groeit snel.", "Het menselijk lichaam herstelt.",
                           "Een (vroege) miskraam komt vaak voor.", "Een (klein) risico blijft.",
                           "Ze werkt als (klinisch) verloskundige en doula.",
                           "Je praat met een klinisch psycholoog of een medisch specialist.",
                           "Uw behandelend arts legt het uit.", "Het behandelend team belt u.",
                           "Er is geen enkele kans, een enkel woord volstaat.",
                           "Een buitenbaarmoederlijke zwangerschap is zeldzaam.",
                           "Je kunt met medisch specialisten praten.", "De behandelend artsen overleggen samen.",
                           "De meest voorkomende klachten zijn buikpijn en bloedverlies.",
                           "Het is het meest gebruikte middel.", "Het minst ingrijpende onderzoek komt eerst.",
                           "Demissionair minister Jansen wil een regeling.", "Er zijn grote verschillen.",
                           "Het zijn echt verschillen die tellen.", "Het zijn gewoon mensen.",
                           "Soms zijn extra controles nodig.", "Het is bedoeld ouders te helpen.",
                           "Wanneer iemand gebroken botten heeft, volgt een foto.",
                           "Dit vertellen Nederlandse artsen.",
                           "Bij de eerste afspraak bij Puur verloskundigen krijg je een formulier.",
                           "Stress, hard werken, intensief sporten of een val is nooit de oorzaak.",
                           "Ik vind het gebroken glas niet mooi.", "Omdat het verwacht werd, was het goed.",
                           "Herhaalde miskramen komen vaak voor.", "Gericht vragen stellen helpt.",
                           "Hebben gebroken vliezen gevolgen?", "Elke nieuwe zwangerschap is spannend.",
                           "Elk klein kind huilt soms.", "Zo zijn ze elke ochtend misselijk.",
                           "Is gebleken dat artsen het weten?", "Gemeten waarden staan in het dossier."]),
    ag.article_before_pronoun: ([("Praat er niet over tegen een iemand die je niet kent.", "een iemand", "iemand")],
                                ["Dit is een iets grotere kans.", "Vertel het aan iemand die je vertrouwt.",
                                 "Het is een zaak van iedereen."]),
    ag.abbreviation_article: ([("In de VS en de VK is dat anders.", "de", "het")],
                              ["Volgens de NHG-standaard is dat zo.", "Het VK en de EU overleggen.",
                               "De GGD en het RIVM geven advies."]),
    ag.adverb_ending: ([("Voor het lichaam is dit medische gezien geen probleem.", "medische", "medisch")],
                       ["Statistisch gezien is de kans klein.", "De zieke wordt opgenomen.",
                        "Vroege echo's zijn nuttig; late zijn dat minder.", "De eerste gezien door de arts is zij."]),
    ag.pronoun_for_verb: ([("Dat kan voor ouders heel moeilijk zij.", "zij", "zijn"),
                           ("Zo'n uitslag kan best moeilijk zij.", "zij", "zijn")],
                          ["Dat kunnen alleen zij.", "Wie helpt de ouders? Dat doen zij.",
                           "De vrouwen weten het, want dat zeggen zij.", "Dit kan heel goed zijn, zeggen zij.",
                           "Dat mag je niet vergeten, zei zij."]),
    ag.te_infinitive: ([("Je kunt te bellen met de praktijk.", "te bellen", "bellen"),
                        ("Je hoeft niet bellen als het goed gaat.", "bellen", "te bellen"),
                        ("Je hoeft je niet schuldig voelen.", "voelen", "te voelen")],
                       ["Je kunt te maken krijgen met bloedverlies.", "Je moet het te weten komen.",
                        "Je mag te allen tijde bellen.", "Je kunt te veel bloed verliezen.", "Je hoeft niet te bellen.",
                        "Je had niet hoeven komen.", "Je hoeft niets te doen.", "Je moet proberen te slapen.",
                        "Je kunt ons bellen om te overleggen.", "Dat hoeft niet meer gecontroleerd te worden."]),
    ag.predicate_ending: ([("Het bloedverlies is meestal hevige.", "hevige", "hevig"),
                           ("Je voelt je misschien verdrietige.", "verdrietige", "verdrietig")],
                          ["Dit is een lastige.", "Dat is het beste.", "Alles blijft bij het oude.",
                           "Je mag weer alles eten, ook rauwe.", "Dit geldt ook voor de partner en andere.",
                           "De kleur is oranje.", "Zij is de oudste."]),
    ag.demonstrative_plural: ([("Dit klachten gaan vanzelf over.", "Dit", "Deze"),
                               ("Bij dit klachten bel je ons.", "dit", "deze"),
                               ("Het klachten zijn meestal mild.", "Het", "De")],
                              ["Het is normaal dat klachten vanzelf overgaan.", "Als dit vrouwen overkomt, is het zwaar.",
                               "Door dit ouders te vertellen help je ze.", "Dat vrouwen verdriet hebben, is normaal.",
                               "Dit zijn klachten die vanzelf overgaan.", "Als het klachten geeft, bel je ons.",
                               "Het kinderen krijgen is een wens.", "Door het ouders te vertellen help je ze.",
                               "Bij het tellen van de weeën let je op de tijd.",
                               "Bij het klokken van de weeën reken je vanaf het begin."]),
    ag.verb_for_pronoun: ([("Zei is zwanger van haar tweede kind.", "Zei", "Zij")],
                          ["Hij zei dat het goed ging.", "Dat zei ik ook."]),
    ag.superlative_without_article: ([("Bij wie treedt dit met meest op?", "met meest", "het meest")],
                                     ["Deze klachten komen het meest voor.", "Dit is de meest voorkomende oorzaak.",
                                      "Op zijn meest duurt het twee weken.", "Dat doet het minst pijn."]),
    ag.bare_adjective: ([("Een curettage, ook wel medisch ingreep genoemd, duurt kort.", "medisch", "medische"),
                         ("Normaal kramp is geen reden tot zorg.", "Normaal", "Normale"),
                         ("Hevig pijn hoort er niet bij.", "Hevig", "Hevige"),
                         ("Neem bij aanhoudend pijn contact op.", "aanhoudend", "aanhoudende"),
                         ("Het verlies heeft ook emotioneel impact.", "emotioneel", "emotionele")],
                        ["Direct hulp zoeken is belangrijk.", "Neem bij aanhoudende pijn contact op.",
                         "Normaal is kramp geen reden tot zorg.", "Hevig bloedverlies is een reden om te bellen.",
                         "Vol verwachting gingen ze naar de echo.",
                         "Maar om echt zekerheid te hebben is een tweede onderzoek nodig.",
                         "Je hebt waarschijnlijk koorts.", "Bij spontaan verlies is geen behandeling nodig.",
                         "Je hebt dan vaak last van krampen.", "Dat heeft natuurlijk invloed op je stemming.",
                         "U hoeft niet formeel toestemming te geven.",
                         "Het verlies heeft ook emotionele impact.",
                         "Een klinisch psycholoog, medisch specialist of maatschappelijk werker helpt je."]),
    ag.degree_modifier: ([("Er is een hele kleine kans op een herhaling.", "hele", "heel"),
                          ("Er is een relatieve kleine kans op een herhaling.", "relatieve", "relatief"),
                          ("De zorg volgt internationale vastgestelde richtlijnen.", "internationale",
                           "internationaal"),
                          ("Je zit dan in een relatieve ‘veilige’ periode.", "relatieve", "relatief")],
                         ["De hele eerste week is het bloedverlies hevig.", "Er is een heel kleine kans.",
                          "Het is een hele opgave.", "Het was een enorme emotionele klap.",
                          "Een medisch geschoolde echoscopist maakt de echo.", "Het is een ‘mooie’ grote kans."]),
    ag.noun_slot: ([("Het vruchtje is nu ter grote van een druif.", "grote", "grootte"),
                    ("Bij grotendeels van de zwangeren komt het vanzelf op gang.", "grotendeels",
                     "het grootste deel")],
                   ["De grote baarmoeder drukt op de blaas.", "Dat hangt grotendeels van de leeftijd af."]),
    ag.acting_participle: ([("De behandeld gynaecoloog bespreekt de uitslag.", "behandeld", "behandelend")],
                           ["Uw behandelend arts bespreekt de uitslag.", "Een behandelde vrouw herstelt snel."]),
    ag.conjunction_for_preposition: ([("Tijdens dat je wacht, mag je iets drinken.", "Tijdens dat", "Terwijl"),
                                      ("Afwachten tot dat het weefsel vanzelf komt, kan ook.", "tot dat", "totdat")],
                                     ["Zorg er voor dat je genoeg drinkt.", "Na dat onderzoek mag je naar huis.",
                                      "Het kan gebeuren zonder dat je iets merkt.",
                                      "Om dat te voorkomen, krijg je medicijnen."]),
    ag.verb_for_noun: ([("In deze wekken groeit het vruchtje.", "wekken", "weken")],
                       ["Je krijgt medicatie; deze wekken de miskraam op."]),
    ag.verb_cluster: ([("Een miskraam kan niet worden tegenhouden.", "tegenhouden", "tegengehouden")],
                      ["Een miskraam kan niet worden tegengehouden.", "Het bloedverlies moet worden gecontroleerd."]),
    ag.doubled_verb: ([("Een echo is bij bloedverlies in de eerste weken is nodig.", "is", None)],
                      ["Het is wat het is.", "Of het erg is is de vraag.",
                       "Het bloedverlies is minder dan het is bij een menstruatie.",
                       "Het is verstandig te wachten tot het bloedverlies over is.",
                       "De klachten kunnen verschillen kunnen verschillen per vrouw.",
                       "De kans is groter dan 1 op 10 en is hoger bij oudere vrouwen."]),
    ag.relative_pronoun: ([("Het weefsel die achterblijft, komt vanzelf naar buiten.", "die", "dat"),
                           ("De pijn dat blijft, is meestal normaal.", "dat", "die"),
                           ("Het kan ook weefsel zijn die achterblijft.", "die", "dat"),
                           ("Het is een zware ervaring dat aandacht verdient.", "dat", "die"),
                           ("Het verlies geldt als een pijnlijke gebeurtenis dat erkenning verdient.", "dat", "die"),
                           ("Rouw daarna op een manier dat goed bij je past.", "dat", "die"),
                           ("Als een miskraam dat vroeg optreedt pijn geeft, bel dan.", "dat", "die"),
                           ("Kies een vorm dat bij jullie gezin past.", "dat", "die"),
                           # a comma closes the relative clause; the subordinate clause's verb follows
                           ("Als het vruchtje die op de echo te zien is, niet groeit, volgt een tweede echo.",
                            "die", "dat"),
                           ("Als het embryo die je op de echo ziet, geen hartslag heeft, is het een miskraam.",
                            "die", "dat")],
                          ["Je krijgt een echo van het hartje die laat zien of het klopt.",
                           "Er komen meer echo's als uw arts dat nodig vindt.",
                           "Als uw arts dat nodig vindt, krijgt u een tweede echo.",
                           "Als de arts dat nodig vindt, als het bloeden niet stopt, volgt een tweede echo.",
                           "Als het vruchtje dat op de echo te zien is, niet groeit, volgt een tweede echo.",
                           "Als het embryo dat je op de echo ziet, geen hartslag heeft, is het een miskraam.",
                           "Dat kan alleen wanneer uw gezondheid dat toelaat, zegt de arts.",
                           "Als een miskraam die vroeg optreedt pijn geeft, bel dan.",
                           "De kans dat er iets mis is, is klein.", "De angst dat ook deze zwangerschap misgaat, is groot.",
                           "Geef het kind die medicijnen.", "Het bloedverlies dat je hebt, is normaal.",
                           "Je moet de arts vertellen dat het pijn doet.",
                           "Het moet een vrouw zijn die veel bloed verliest.", "Het kan ook weefsel zijn dat achterblijft.",
                           "De kans dat hulp komt, is groot.", "De dag dat je het hoorde, vergeet je niet.",
                           "Dan hoort de vrouw dat bloedverlies normaal is.", "Het deed zo'n pijn dat huilen hielp.",
                           "Het onderzoek van de baarmoeder dat pijn doet, duurt kort.",
                           "De kans dat bij jou een miskraam optreedt, is klein.",
                           "Dat gebeurt ook in de week dat het kind komt.",
                           "Ze gaf de boodschap dat rust belangrijk is.",
                           "Soms vertelt de verloskundige dat alles goed gaat."]),
    ag.comparative_als: ([("Bij vrouwen ouder als 35 jaar is de kans groter.", "als", "dan"),
                          ("Het bloedverlies duurt meestal langer als twee weken.", "als", "dan")],
                         ["De kans is groter als je ouder bent.", "Als het langer als 2 weken duurt, bel ons.",
                          "Bij vrouwen ouder dan 35 jaar is de kans groter."]),
    ag.preposition_for_conjunction: ([("Terwijl de behandeling mag je niet eten.", "Terwijl", "Tijdens"),
                                      ("Nadat de miskraam is het goed om rust te nemen.", "Nadat", "Na"),
                                      ("De eisprong kan plaatsvinden zodra twee weken na de ingreep.", "zodra",
                                       "vanaf")],
                                     ["Terwijl de behandeling loopt, mag je niet eten.",
                                      "Voordat de arts komt mag je niet eten.", "Nadat de arts is geweest, mag je naar huis.",
                                      "Doordat het lichaam herstelt is er minder pijn.",
                                      "We bellen je zodra de uitslag binnen is.", "Bel ons zodra mogelijk."]),
    ag.one_of_plural: ([("Eén van de mogelijke behandeling is afwachten.", "behandeling", "behandelingen"),
                        ("Een van de meest voorkomende klacht is pijn.", "klacht", "klachten")],
                       ["Een van de oorzaken is leeftijd.", "Het is een van de eerste keren.",
                        "Een van de twee is goed.", "Ze kreeg een van de arts gekregen recept mee."]),
    ag.one_before_plural: ([("Het ei is bevrucht door één zaadcellen.", "zaadcellen", "zaadcel"),
                            ("Het lezen duurt 1 minuten.", "minuten", "minuut"),
                            ("Je krijgt 1 grote tabletten mee.", "tabletten", "tablet"),
                            ("Eén bezoekers mag mee.", "bezoekers", "bezoeker"),
                            ("Er is maar één criteria.", "criteria", "criterium")],
                           ["Je krijgt één of twee tabletten.", "Dit duurt 1 à 2 weken.",
                            "Dit geldt voor fase 1 studies.", "Eén op de tien vrouwen krijgt een miskraam.",
                            "Ruim 1 miljoen vrouwen kregen dit.", "Er is 1 embryo teruggeplaatst.",
                            "Het was één grote chaos.", "Je neemt twee of één tablet.",
                            # "één" as a pronoun after "er", a label after a noun, the end of a ratio
                            "Van de tien vrouwen krijgt er één klachten.",
                            "Van de honderd vrouwen had er maar één problemen met de pil.",
                            "In week één treden vaak klachten op.", "De fase één studies zijn klaar.",
                            "Er zijn één op één gesprekken.", "Er zijn 1 op 1 gesprekken."]),
    ag.several_singular: ([("In sommige gemeente kun je een kindje laten registreren.", "gemeente", "gemeenten"),
                           ("Meerdere oorzaak kunnen een rol spelen.", "oorzaak", "oorzaken")],
                          ["Sommige informatie is lastig te lezen.", "Je mag meerdere keer bellen.",
                           "In beide gevallen bel je ons.", "Sommige vrouwen bloeden.",
                           "De mogelijk gevaarlijke stoffen staan op de lijst.",
                           "Vele vrouwen merken er niets van.", "Sommige zorg wordt vergoed."]),
    ag.determiner_form: ([("Beiden partners hebben verdriet.", "Beiden", "Beide"),
                          ("Het kindje wordt met anderen kinderen begraven.", "anderen", "andere")],
                         ["Ze zijn beiden verdrietig.", "Beide partners hebben verdriet.",
                          "Met anderen praten helpt.", "Anderen hebben geen klachten.",
                          "Sommigen vinden steun bij vrienden, terwijl anderen behoefte hebben aan hulp."]),
    ag.one_as_determiner: ([("Aan de een kant ben je opgelucht.", "een", "ene"),
                            ("Van de een op de andere dag verdwijnen de klachten.", "een", "ene")],
                           ["Op de een of andere manier voel je het.", "De een wil erover praten, de ander niet.",
                            "Aan de ene kant ben je opgelucht."]),
    ag.joined_word: ([("Drink niet teveel koffie.", "teveel", "te veel"),
                      ("De weeën kunnen vanzelf opgang komen.", "opgang", "op gang"),
                      ("De arts zet de bevalling met medicijnen ingang.", "ingang", "in gang"),
                      ("Veel vrouwen gaan opzoek naar lotgenoten.", "opzoek", "op zoek"),
                      ("Als je toch opzoek bent, bel ons.", "opzoek", "op zoek")],
                     ["Met ingang van maandag gaat de praktijk open.", "Bij de ingang staat een bord.",
                      "Je hebt een teveel aan vocht in je lichaam.", "De opgang naar de afdeling is links.",
                      "De weeën komen vanzelf op gang.", "Drink niet te veel koffie.",
                      "Als ik het adres opzoek, bel ik je."]),
    ag.gendered_determiner: ([("Onze team staat voor je klaar.", "Onze", "Ons"),
                              ("Ons praktijk is open op maandag.", "Ons", "Onze"),
                              ("Elk vrouw reageert anders.", "Elk", "Elke"),
                              ("Welk behandeling past bij jou?", "Welk", "Welke"),
                              ("Bij elke ander overlijden mag je verlof nemen.", "elke", "elk")],
                             ["Ons team staat voor je klaar.", "Bel ons maandag tussen 9 en 12 uur.",
                              "Geef ons informatie over je klachten.", "Ieder voor zich.",
                              "Elke vrouw reageert anders.", "Onze kinderen zijn nog klein.",
                              "Bij elk ander overlijden mag je verlof nemen.", "Elke andere vrouw reageert anders."]),
    ag.object_as_subject: ([("Ouders vinden het moeilijk, hun hebben ook verdriet.", "hun", "zij")],
                           ["Het is niet wat hun overkomt.", "Hun kinderen hebben ook verdriet.",
                            "Wij vragen hun hoe het gaat."]),
    ag.doubled_article: ([("Dit is belangrijk voor de het kind.", "de het", "het"),
                          ("Na de het onderzoek mag je naar huis.", "de het", "het")],
                         ["Ik vind het de moeite waard.", "Je merkt het de eerste dagen.",
                          "Dit is belangrijk voor het kind."]),
    ag.article_before_plural: ([("Er is een kleine kans op een chromosomale en congenitale afwijkingen.",
                                 "een chromosomale", "chromosomale"),
                                ("Ze hebben een ernstige en langdurige klachten.", "een ernstige", "ernstige")],
                               ["Je bloedt een goede drie weken.", "Je hebt een paar dagen rust nodig.",
                                "Een aantal vrouwen heeft klachten.", "Er zijn een of twee controles nodig.",
                                "Er is een ernstige en langdurige klacht."]),
    ag.passive_infinitive: ([("Een groot deel wordt tegenhouden door de baarmoedermond.", "tegenhouden",
                              "tegengehouden"),
                             ("De zaadcellen komen voorbij de baarmoederhals, waar anders een deel wordt "
                              "tegenhouden.", "tegenhouden", "tegengehouden")],
                            ["Het wordt afwachten wat de echo laat zien.", "Roken wordt afgeraden.",
                             "Een groot deel wordt tegengehouden."]),
    ag.modal_for_have: ([("Roken heeft effect hebben op het kind.", "heeft", "kan"),
                         ("Alcohol drinken in de zwangerschap heeft gevolgen hebben voor het kind.", "heeft",
                          "kan")],
                        ["Ze heeft het laten weten.", "De arts heeft nog vragen.", "Ze heeft moeite met slapen.",
                         "Hij heeft zitten wachten.", "Je hebt het recht om te stoppen.",
                         "Een man die een verlies had gewoon boos zijn mag best.",
                         "Vrouwen die koffie drinken hebben meer kans dan vrouwen die thee nemen.",
                         "Roken kan effect hebben op het kind.",
                         "Daarom heeft een vrouw heftiger zwangerschapsverschijnselen zoals braken."]),
    ag.equality_dan: ([("Wie rookt, heeft dubbel zoveel kans op longkanker dan wie nooit rookte.", "dan",
                        "als"),
                       ("Het risico is even groot dan bij vrouwen zonder klachten.", "dan", "als")],
                      ["Het risico is even groot als bij vrouwen zonder klachten.",
                       "Het risico is niet zo groot, dan kun je rustig thuisblijven.",
                       "Dat is even groot of groter dan bij anderen.", "Je kunt niets anders doen dan afwachten.",
                       "Is het zo erg dan?"]),
    ag.article_as_and: ([("Ze hoopte dat ze en zoon zou krijgen.", "en", "een"),
                         ("De kans op en bloeding is klein.", "en", "een"),
                         ("Je praat daarna met en verpleegkundige.", "en", "een"),
                         ("Je hebt een kans op en bloeding.", "en", "een")],
                        ["Ze en haar partner krijgen hulp.", "Zij en haar partner krijgen hulp.",
                         "Voor en na de ingreep mag je niet eten.", "Dit geldt met en zonder klachten.",
                         "Het was op en top geregeld.", "Ze liep in en uit het ziekenhuis.",
                         "We en onze kinderen gaan mee.", "Als jij en je partner willen praten, bel ons.",
                         # the particle of a separable verb closes the clause before "en"
                         "Het bloeden houdt op en pijn is zeldzaam.",
                         "Het medicijn werkt snel in en misselijkheid verdwijnt.",
                         "De arts zoekt het uit en vrouw en kind wachten."]),
    ag.coordinated_adjective: ([("Discreet en snelle hulp is wat je nodig hebt.", "Discreet", "Discrete"),
                                ("De kleine en rustig kamer is voor jullie.", "rustig", "rustige")],
                               ["Een klein en rustig plekje.", "Het is klein en grote kinderen spelen er.",
                                "Met kleine of grote klachten kun je bellen.", "Een mooi en rustig huis.",
                                "Een emotionele en mogelijk lichamelijke klap.",
                                "Een vals positieve of vals negatieve uitslag."]),
    ag.listed_adjective: ([("Het was een prospectieve, multicentrische, dubbelblind, gerandomiseerde studie.",
                            "dubbelblind", "dubbelblinde"),
                           ("Je krijgt een grote, licht, rustige kamer.", "licht", "lichte")],
                          ["Je krijgt een groot, licht, rustig huis.", "Ze kocht grote, brood, warme melk en kaas.",
                           "Na lange, zware, moeilijke jaren kwam er rust, zei ze, en nu gaat het goed."]),
    ag.comparative_phrase_als: ([("Een vroege miskraam is vaak minder zwaar als het verlies van een kind.",
                                  "als", "dan"),
                                 ("De pijn is erger als bij een menstruatie.", "als", "dan")],
                                ["Het risico is groter als de moeder rookt.", "Het is minder erg als je het weet.",
                                 "Het risico is hoger als de vrouw ouder dan 35 is.",
                                 "Ze werkt al jaren als een soort doula.", "Ze voelt zich sterker als moeder.",
                                 "Roken geeft een hoger risico op ziektes als de suikerziekte."]),
    ag.pronominal_adverb: ([("We kunnen er vanuit gaan dat het goed gaat.", "er vanuit", "ervan uit"),
                            ("Ik ga daar vanuit als je niet belt.", "daar vanuit", "daarvan uit"),
                            ("We gingen er toen eigenlijk vanuit dat het goed ging.", "er toen eigenlijk vanuit",
                             "er toen eigenlijk van uit")],
                           ["Vanuit het ziekenhuis gaan we naar huis.", "Er komt vanuit de baarmoeder bloed.",
                            "We gingen er toen vanuit het ziekenhuis naartoe.",
                            "We gaan ervan uit dat het goed gaat."]),
}


@pytest.fixture(scope="module")
def tagged():
    sentences = sorted({s for fires, misses in CASES.values() for s in [f[0] for f in fires] + misses})
    f = Frog()
    try:
        return dict(zip(sentences, f.tag(sentences)))
    finally:
        f.close()


def run(check, tokens):
    return [f for i in range(len(tokens)) if (f := check(tokens, i))]


def test_every_check_has_a_case():
    assert set(CASES) == set(ag.CHECKS)


@pytest.mark.parametrize("check", list(CASES), ids=lambda c: c.__name__)
def test_check_fires(check, tagged):
    for sentence, word, suggestion in CASES[check][0]:
        assert ag.suspect(sentence), sentence
        [f] = run(check, tagged[sentence])
        assert (f.word, f.suggestion, sentence[f.start:f.end]) == (word, suggestion, word), sentence


@pytest.mark.parametrize("check", list(CASES), ids=lambda c: c.__name__)
def test_check_leaves_the_near_misses_alone(check, tagged):
    for sentence in CASES[check][1]:
        assert run(check, tagged[sentence]) == [], sentence


def test_near_misses_give_no_finding_of_any_check(tagged):
    misses = [s for _fires, ms in CASES.values() for s in ms]
    assert {s: ag.analyse(tagged[s], s) for s in misses if ag.analyse(tagged[s], s)} == {}


def test_docstring_examples():
    import re

    from pipeline.lint.rules import all_rules, examples

    ex = examples(all_rules()["grammar.agreement"])
    fails = [re.match(r"^(?P<text>.*?)\s*\((?P<sug>[^()]+)\)$", e) for e in ex["fail"]]
    passes = [s.strip() for line in ex["pass"] for s in re.findall(r"[^.?!]+[.?!]", line)]
    f = Frog()
    try:
        tagged = f.tag([m["text"] for m in fails] + passes)
    finally:
        f.close()
    for m, tokens in zip(fails, tagged):
        assert [x.suggestion for x in ag.analyse(tokens, m["text"])] == [m["sug"]], m["text"]
    for s, tokens in zip(passes, tagged[len(fails):]):
        assert ag.analyse(tokens, s) == [], s
