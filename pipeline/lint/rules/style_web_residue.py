"""Text that came with a web page or a printed page and does not belong in a leaflet.

The phrases are data (schema/residue.yaml): ratings ("Score: 4.6/5 (70 stemmen)"), "Gevraagd
door", "gerelateerde vragen gevonden", share buttons and rows ("Facebook Twitter WhatsApp"), "Lees
ook", cookie notices, link text whose link was lost ("Hier en hier vind je informatiefilms"),
breadcrumbs ("Home > Zwangerschap > Miskraam"), bylines with date or reading time, "Print deze
pagina", "Terug naar boven", "Was deze informatie nuttig?", footers ("© 2025 X | Disclaimer"),
button text ("Klik op deze knop om ...", "Download PDF", "Grotere tekst"), skip links, logo
captions, advertisements, page numbers ("1/9"), and films the leaflet does not have ("vind je
hier in filmpjes"). Besides the phrases: words glued together by scraping ("markerenFavorietDe")
and short lines repeated through the file (running headers and footers); a site's copyright line
(with "alle rechten voorbehouden", a domain or a range of years; a leaflet's own "© 2025 Praktijk X"
stays), lines
that are only a date (and time), author lines ("Door Anna de Vries", "Tekst: ..."), comment counters
("3 reacties", "Reageer"), "Inhoudsopgave" alone, a site name and date before a title, English image
text ("woman, hospital bed, sad couple"), a line in English (a template's slogan, "Loved by 2.5M+
users"; not a Dutch line with loans or an English title) and sentences cut when the page was copied
("... weken. D").
By shape and place (pipeline/language/residue_layout.py, word lists in schema/residue.yaml): the
entries under "Inhoudsopgave"/"Op deze pagina" and under "Lees ook"/"Gerelateerde artikelen", the
other documents' titles under "Vergelijkbare documenten" on a document-sharing site (with its
transcript's "Page 2: ..." lines and a copied thesis cover), a table of contents whose entries come
back as headings (also a list without a label above the first prose), a menu item with nothing under it ("Wie zijn
wij?"), the site's name above the title (an unknown acronym, a line in small letters), a name line
of an author or portrait whose surname the page uses again, image text written like a headline
("Verdrietig stel bespreekt de uitslag"), a teaser cut short ("Wat is…") and a pull quote that
repeats a sentence of the text (also with the speaker's name and trade after it), and above the first prose the site's own address lines (a street with
its number, a postcode with its town, a phone number alone, opening hours) and practical labels with
their values ("Wachttijd" / "3 weken"); the same lines under the text are the leaflet's contact
details and stay. By what a line is made of (pipeline/language/residue_lines.py): an icon
alone ("+"), an English template's controls ("Search", "more"), loose words in small letters with
no word of running text (an image's text or the page's tags: "handen", "echo embryo 9 weken"), a
person's name alone (with initials, in capitals, or above the first text), a line of menu items
and section labels. And by the residue around a line: a short line amid residue above and below,
and a heading with only residue under it. Also site widgets (a feedback question, a survey pop-up,
closed comments, hashtags, social media embeds), datelines ("oktober 3, 2021", "Utrecht, 12 maart
2024"), a user name or initials alone, a video title in capitals and emoji, and the page's title
again further down with no text under it. Also a site's editorial policy ("op feiten
gecontroleerd"), key combinations ("Ctrl + Enter"), pointers to the page's columns ("in de
linkerkolom"), a printed table of contents run into one line, a guideline's cover on one line, a
reference work's name, a caption with its "Beeld" credit; short lines that alternate with residue
(contents entries between their page numbers), a list of authors one a line, a line of trades in an
expert box, and a label above the title whose words the page never uses again; a row of teaser cards
(a paragraph above the same "Meer informatie" link, card after card) and the postal address of the
site's contact box amid its furniture, and the whole box (its labels, places and route lines too, up
to sixteen short lines) when two of its lines give an address, a phone number, an e-mail address or
hours and residue stands right above and below it; the sections without a page number between two
entries of a printed table of contents; a label with a phone number above the text ("Spoed 012 ..."), a
press agency after © alone on a line, a logo's file name ("logo_ziekenhuis"), a download button ("Download
de checklist") and download cards with titles of their own, who is responsible for the text with a month
and year after a bar, an expert's name written normally with the trade after it ("Anna Bos, slaapcoach"; not
under a label that announces the person); a table of contents or a site's long menu whose first entry
comes back as the heading of the first section (section numbers on their own lines and entries
wrapped over lines included), an article's contents under "Artikel inhoud", a list of sources
above the text ("nhs.uk - title"), and the furniture of a site where readers post poems or
stories ("Print dit gedicht", "Ingezonden door", the votes, "Reacties op ...", "click here"); an
author's name (two to four words, one no Dutch word, a trade maybe glued on) beside a byline's stamp
("5 min read", a date) or another author's name, image text opening with "een" when no running text
follows it, a site's name before its copyright sign and web address, and a line that only sends the
reader to a video or post above or below it. A heading of Dutch words or a one-word title beside a
date, a table whose cells repeat, a list whose first item never comes back and a leaflet's own sources
under its text stay. Also a news site's subscription prompts ("Al abonnee?", "Lees 1 maand gratis"), a
blog's comment form, a breadcrumb written one link a line under "U bevindt zich hier:", a picture's name
("Foto bij ...", "Medische illustratie van het hart") and a credit after a caption ("... naar huis. Foto: Jan de Vries"), a pointer to a video
above or below the article, a site's contact footer on one line (three or more of a postcode, a P.O. box,
a visiting address, phone, fax, chamber of commerce or VAT number; a leaflet's own address in a sentence
stays) and a line in French (three or more French words, more than its Dutch function words). Also a printed
cover's letters set apart and copied one by one, when they join into words of five letters or more ("W e l k o m";
not letters the leaflet spells out under a colon, nor a row of initials or options: "A B C D"), and a media file
described by its format and size or announced for later ("Videobestand mp4, 2:10 minuten, 24mb", "Audiobestand
volgt binnenkort"; not an upload limit: "jpg of png, maximaal 10 MB"). A leaflet's title, subtitle and headings with
text under them stay; so do the short lines of a list that a sentence of the leaflet opens with a colon ("Onze
tips: / Volg het nieuws minder / ..."), and a line without figures above a list of sentences ("Terug op de kamer"). A contact box goes on through the lines
other rules found: its labels above the site's numbers ("Telefoonnummers" / "Receptie"), a label that ends with a
colon, a web address and a phone number with a short label ("Slaaponderzoeken 012 345 67 89 - keuze 1") count as
its lines; a box, and a heading with only residue under it, needs the web page's residue around it: a printed
leaflet's page numbers, codes, dates and copyright frame its own contact section, which stays. A lone 112
or 113 is an emergency number, never a page number. Also "Stuur door aan een vriend", "Beoordeel dit antwoord"
and a notice that the page has no translation.
One finding per kind and line and none on words another finding covers (glued words only where
nothing else is found on the line; a shape
or place only where no phrase marks the line).

pass: Bel de praktijk als je vragen hebt. Lees de bijsluiter van het medicijn.
pass: Door de pijn kun je slecht slapen; de inhoud van de baarmoeder wordt verwijderd.
pass: In maart 2024 kwam er een nieuwe richtlijn. Je krijgt vitamine D
pass: Reageer direct als je veel bloed verliest; koorts, buikpijn, bloed.
pass: Vrouw met buikpijn en koorts
pass: De nieuwe richtlijn geldt vanaf 1 januari 2024
pass: Terug naar huis
pass: U bent hier welkom voor een gesprek met de verloskundige.
pass: Beeld je in dat je op een rustige plek bent.
fail: Score: 4.6/5 (70 stemmen)
fail: Deze website plaatst cookies om de site te verbeteren.
fail: Home > Zwangerschap > Miskraam
fail: Klik op deze knop om dit document te printen.Print pagina
fail: De knop om deze folder als favoriet te markerenFavorietDe knop
fail: © 2010-2024 Stichting Voorbeeld. Alle rechten voorbehouden.
fail: Geschreven en geverifieerd door Marieke Bos, verloskundige
fail: di 12 maart 2024 14:30
fail: 3 reacties
fail: Inhoudsopgave
fail: Voorbeeldsite 2022-10 Miskraam: wat nu?
fail: woman, hospital bed, sad couple
fail: Dat duurt meestal twee weken. D
fail: Wat is…
fail: Zwangere vrouw houdt haar buik vast in de wachtkamer
fail: Laatste revisie: 3 maart 2024 - 10:15
fail: 5 mei 2023 | Door redactie
fail: Code VK-204
fail: Terug naar zwangerschap
fail: Zorg na de behandeling uitklapper, klik om te openen
fail: Lees onze tips en trap niet in phishing.
fail: bezorgde vrouw belt met de verloskundige
fail: date 2023-05 Veel vrouwen bloeden in het begin van de zwangerschap.
fail: Meer weten? deelviawhatsapp
fail: Bannerfoto wachtkamer
fail: JavaScript staat uit in je browser.
fail: Verschenen op 12/05/2023
fail: K.L. Mulder
fail: Sla navigatie over
fail: Wat vond je van dit artikel?
fail: oktober 3, 2021
fail: Question on this topic? Get an instant answer from our team.
fail: Ziet u een fout? Selecteer de tekst en druk op Ctrl + Enter.
fail: Bekijk de video in de tweet hieronder
fail: W e l k o m
fail: - Videobestand mp4, 2:10 minuten, 24mb
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _
from pipeline.language import residue

ID = "style.web-residue"
LEVEL = "warning"
SCOPE = "document"
OPTIONS: dict = {}


def check(doc, conf, ctx):
    seen: set[tuple[str, int]] = set()
    hits = [(h, doc.span(doc.blocks[h.block], h.start, h.end)) for h in residue.find(doc)]
    # glued words next to a button phrase are the same residue: one finding for the line
    other_lines = {span.line for h, span in hits if h.kind != "glued-words"}
    reported: list = []
    for hit, span in hits:
        block = doc.blocks[hit.block]
        if (hit.kind, span.line) in seen or (hit.kind == "glued-words" and span.line in other_lines):
            continue
        if any(r.block == hit.block and r.start < hit.end and hit.start < r.end for r in reported):
            continue  # two phrases on the same words ("Bekijk de video"): one finding
        seen.add((hit.kind, span.line))
        reported.append(hit)
        text = block.text[hit.start:hit.end]
        yield Diagnostic.at(
            doc, span,
            message=_("web residue: {reason} ('{text}')").format(reason=_(hit.reason) if hit.reason else "", text=_short(text.strip())),
            match=text, key=hit.kind,
        )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
