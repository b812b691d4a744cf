"""A d/t error: a verb form with the wrong ending (Frog tags plus lexical knowledge of verb forms).

Checks a participle where the finite verb belongs, a stem without -t after a third-person subject
or after je/u (also at the end of a subordinate clause), a -t form where a participle belongs,
-t after "ik" or before an inverted "je", inverted questions ("Klop het hartje?"), "heeft" after
je/jij ("dat je een afwijking heeft" -> hebt), a -t form where "krijgt" takes a participle
("krijgt de kosten vergoedt", also right before it: "hoeveel u vergoedt krijgt"), a participle ending a clause opened by "wat" ("wat er gebeurd") or by
"waarmee", "waarbij" and the like, which needs its own finite verb whatever the main clause has ("een
ingreep waarmee men het weefsel verwijderd" -> verwijdert),
and a stem after "en" that shares the subject of a -t verb ("herstelt snel en word weer ..."), and a -t
form after "en" that shares an imperative ("Neem rust en houdt rekening" -> houd), and a singular verb
after a plural noun phrase that opens the sentence, also past one prepositional phrase ("De meeste
klachten verdwijnt", "Klachten na de ingreep verdwijnt" -> verdwijnen; not
after a measure, a group or a fronted object: "Twee weken is lang"), and the other way round ("De
volgende instantie kunnen je helpen" -> kan, or the noun in the plural; not after a time: "Deze week zijn
de klachten minder"), and a -t form opening an instruction before a bare noun, adverbs between them or not ("Houdt
rekening met", "Houdt hier altijd rekening mee" -> Houd), or before its object in a sentence closed by a full
stop ("Houdt daarom de handen schoon." -> Houd; not in a question or a condition with "dan" or a comma, colon or
dash, nor before "u", "een" or a pronoun, nor in a list item or under a lead-in with a colon, which goes on from
its subject: "Dit medicijn: / - Verlaagt de bloeddruk."), "word" closing a clause after a participle without "ik" ("waarover
gesproken word" -> wordt), a singular verb next to "wij"/"we" ("Daarna hoefde wij" -> hoefden), and "er is"/"er zijn" that does not agree with the
noun after it ("Er is verschillende oorzaken" -> zijn, "Er zijn aanleg tot ..." -> is; not after a
collective before a plural, "er zijn een aantal redenen", nor before nouns joined by en/of).
And kunt, wilt or zult after a subject of a possessive and a noun ("Uw kind kunt weer naar school" -> kan;
not when a pronoun is the subject: "Uw kind kunt u morgen ophalen"). Imperatives stay alone: a verb that takes zich before "u" ("Meld u aan"), a verb opening the main
clause after a subordinate clause ("Als u ... gebruikt, meld dit"), a capitalised stem that starts a
sentence whose full stop was lost; so does a noun phrase after a subject pronoun ("als ik een kat
zie") and "je" after a subject that holds a clause ("De vraag waarom ... houdt je bezig").
Frog runs once per run; only sentences that could hold a d/t error go to it, without the emphasis accents
that Frog does not know ("zíjn", "wórdt"; both grammar rules). When Frog is missing
or fails, the check did not run: the run fails (exit 2) with Frog's own error, unless the rule is
turned off in leaflint.yaml.

pass: Soms gebeurt er niets. Vind je het fijn? Word je snel beter? Het lichaam is hersteld.
fail: Soms gebeurd er niets. (gebeurt)
fail: De arts verteld u wat er gaat gebeuren. (vertelt)
fail: Men spreek van een miskraam. (spreekt)
fail: Het vruchtje groei niet verder. (groeit)
fail: De arts beoordeel de echo. (beoordeelt)
fail: Wanneer je vermoed het kindje verloren te hebben, bel ons. (vermoedt)
fail: Nadat het bloedverlies is gestopt, is het lichaam voldoende herstelt om zwanger te worden. (hersteld)
fail: Klop het hartje van de baby? (Klopt)
fail: Als je het fijn vind, kom je langs. (vindt)
fail: Wordt je gebeld door de arts? (Word)
fail: Ik wordt gebeld door de arts. (word)
fail: Buiten kantooruren word u doorverbonden. (wordt)
fail: Let op bloedverlies dat erg ruik. (ruikt)
fail: De kans dat je een erfelijke afwijking heeft is klein. (hebt)
fail: De werkgever krijgt de kosten van de verzekeraar vergoedt. (vergoed)
fail: De verloskundige bespreekt met u wat er gebeurd. (gebeurt)
fail: Het lichaam herstelt zich snel en word daarna weer ongesteld. (wordt)
pass: Je krijgt de uitslag toegestuurd. Soms is een curettage nodig en word je opgenomen.
pass: U heeft recht op verlof. Als je kind koorts heeft, bel ons. Zo'n verlies: het treft je hard.
pass: Meld u bij de balie van de polikliniek. Als u pijnstillers (paracetamol) gebruikt, meld dit dan.
pass: Elke keer als ik een baby zie, word ik verdrietig. Lees het hele verhaal in de krant Onthoud mijn keuze
pass: De vraag waarom dit gebeurt houdt je misschien lang bezig.
fail: Meld u zich eerst aan bij de balie. (Meldt)
fail: Als je belt wordt je doorverbonden. (word)
fail: Na een week herstelt je snel. (herstel)
fail: Het kindje dat je nooit heb gezien, blijft bij je. (hebt)
fail: Na een paar dagen verminderd dit tot bijna niets. (vermindert)
fail: Er is verschillende oorzaken voor een miskraam. (zijn)
fail: Heeft je al een afspraak gemaakt? (Heb)
fail: Word jouw partner ook gebeld? (Wordt)
pass: Wat heeft je geholpen? Na de bevalling word je moeder opgevangen. Nu is je eigen gevoel belangrijk.
pass: Bereid u goed voor op de ingreep. Bereid je voor op de uitslag. In de meeste gevallen is dat binnen een week gebeurd.
fail: Neem rust en houdt rekening met je grenzen. (houd)
pass: De uitslag is na een week bekend en vertelt je of er iets aan de hand is. Inhoudelijk beoordeeld door de redactie.
fail: De meeste klachten verdwijnt binnen een week. (verdwijnen)
fail: De volgende instantie kunnen je helpen. (kan)
fail: Neemt contact op met de praktijk. (Neem)
fail: Wanneer dit niet gebeurd zullen we je bellen. (gebeurt)
fail: Klachten na de ingreep verdwijnt meestal vanzelf. (verdwijnen)
pass: Vragen over de behandeling stelt u aan de arts. Zorgen over de toekomst is normaal.
fail: Over dit onderwerp is al veel gesproken word. (wordt)
fail: Na de ingreep hoefde wij niet lang te wachten. (hoefden)
pass: Ik hoop dat ik snel geholpen word. Daarna hoefden wij niet lang te wachten.
pass: Twee weken is een normale duur. Een aantal vrouwen krijgt pijn. Deze tabletten geeft de arts mee.
pass: Omdat je baby tijd nodig heeft om te groeien, wacht je nog even. Een nauwkeurig dagboek helpt je te weten wanneer je ovuleert.
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.language import dt_checks
from pipeline.language.frog import DEFAULT_CMD, Frog, FrogError
from pipeline.language.stress import unstressed
from pipeline.lint.failure import ToolFailure
from pipeline.paths import content_cache
from pipeline.tools import TOOLS
from pipeline.text import split_sentences

ID = "grammar.dt"
LEVEL = "error"
SCOPE = "document"
OPTIONS = {"frog": (str, "frog")}


def frog_service(ctx, command: str = "frog") -> Frog:
    """The run's Frog; raises ``ToolFailure`` (once per run, then again on every ask) without it."""
    def make():
        store = content_cache(ctx.config.output) / "frog-tags.sqlite3"
        try:
            return Frog((command, *DEFAULT_CMD[1:]), store=store)
        except FrogError as e:
            raise ToolFailure("Frog", str(e), TOOLS["frog"].fix) from None
    return ctx.service("frog", make)


def tagged_sentences(doc, conf, ctx, suspect):
    """(block, sentence start in the block, sentence, Frog's tokens) for every sentence of ``doc``
    that ``suspect`` selects, tagged in one batch; Frog is asked for only when one is selected. The
    sentence is given without its emphasis accents ("zíjn"), which Frog does not know."""
    sentences = [(block, a, unstressed(block.text[a:b]))
                 for block in doc.blocks for a, b in split_sentences(block.text)]
    todo = [(block, a, text) for block, a, text in sentences if suspect(text)]
    if not todo:
        return
    frog = frog_service(ctx, conf["frog"])
    try:
        tagged = frog.tag([text for _block, _a, text in todo])
    except FrogError as e:
        raise ToolFailure("Frog", str(e), TOOLS["frog"].fix) from None
    for (block, a, text), tokens in zip(todo, tagged):
        yield block, a, text, tokens


def _keep_dictionary(ctx) -> None:
    """The pre-checks ask the Dutch dictionary about words: its answers kept in the run's store."""
    try:
        from pipeline.language.dictionary import kept

        kept(ctx)
    except Exception:  # noqa: BLE001 - no pyenchant or no Dutch dictionary: the analysis judges no unseen word
        pass


def sentence_findings(doc, conf, ctx, analysis, safe: bool, drop=None):
    """The findings of ``analysis`` (its ``suspect`` pre-check and ``analyse``) on the tagged sentences;
    ``drop(finding, sentence)`` leaves out those the rule knows better of."""
    _keep_dictionary(ctx)
    for block, a, text, tokens in tagged_sentences(doc, conf, ctx, analysis.suspect):
        for f in analysis.analyse(tokens, text):
            if drop is not None and drop(f, text):
                continue
            span = doc.span(block, a + f.start, a + f.end)
            yield Diagnostic.at(doc, span, f.message, block.text[a + f.start:a + f.end],
                                f"{f.check}|{f.word.lower()}").offering(f.suggestion, safe=safe)


def check(doc, conf, ctx):
    for d in sentence_findings(doc, conf, ctx, dt_checks, safe=True):
        if not (d.key or "").startswith("opening-imperative-object|") or not _goes_on_from_lead_in(doc, d):
            yield d


_LEAD_IN_OPENERS = frozenset("de het een dit deze dat die uw je jouw onze ons mijn zijn haar hun".split())


def _goes_on_from_lead_in(doc, d) -> bool:
    """The finding's verb opens a block (a list item or a line) under a lead-in that ends with a colon
    and names who or what does it ("Dit medicijn: / - Verlaagt de bloeddruk.", "De verloskundige: /
    Controleert de hartslag.", "Daarnaast:"): the verb goes on from the lead-in's subject. Not under a
    lead-in that asks for advice ("Om klachten te voorkomen is het verstandig om:"), nor a sentence
    further on in the item."""
    for k, b in enumerate(doc.blocks):
        start = doc.span(b, 0, 0)
        if (start.line, start.column) != (d.line, d.column):
            continue
        j = k - 1
        while j >= 0 and b.kind == "list_item" and doc.blocks[j].kind == "list_item":
            j -= 1
        lead = doc.blocks[j].text.strip() if j >= 0 else ""
        words = lead.split()
        return lead.endswith(":") and bool(words) and (words[0].lower() in _LEAD_IN_OPENERS or len(words) <= 2)
    return False
