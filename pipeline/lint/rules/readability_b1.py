"""Reading ease below the B1 level that Dutch patient information aims at (Flesch-Douma).

Scores the whole leaflet and each section long enough to judge; below ``min_score`` gives one
info finding naming the longest sentences as related locations.

pass: Je bent zwanger. Er is bloed. Dat is eng. Bel ons dan. Wij kijken met je mee.
fail: Gedurende de eerste zwangerschapsperiode kunnen chromosomale afwijkingen, hormonale disregulatie en immunologische factoren resulteren in een spontane beëindiging van de zwangerschap, hetgeen medisch aangeduid wordt als abortus.
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic, Related
from pipeline.i18n import _
from pipeline.language.readability import flesch_douma, sentences

ID = "readability.b1"
LEVEL = "info"
SCOPE = "document"
OPTIONS = {
    "min_score": (float, 60.0),
    "min_words": (int, 25),  # leaflets shorter than this are not scored
    "min_section_words": (int, 150),  # sections shorter than this are not scored on their own
    "longest": (int, 3),  # how many long sentences to name
}


def _finding(doc, sents, score, conf, where: str, key: str):
    longest = sorted(sents, key=lambda s: (-s.words, s.block.index, s.start))[: conf["longest"]]
    spans = [(doc.span(s.block, s.start, s.end), s) for s in longest]
    first = doc.span(sents[0].block, sents[0].start, sents[0].end)
    return Diagnostic(
        path=str(doc.path), line=first.line, column=first.column,
        message=_("{where} reads above B1: Flesch-Douma {score} (aim for {target} or more); "
                  "the longest sentences are related").format(
            where=where, score=f"{score:.0f}", target=f"{conf['min_score']:.0f}"),
        leaflet=doc.id, key=key,
        related=tuple(Related(str(doc.path), sp.line, sp.column, _("long sentence: {n} words").format(n=s.words),
                              sp.end_line, sp.end_column) for sp, s in spans),
    )


def check(doc, conf, ctx):
    all_sents = sentences(doc.blocks)
    if sum(s.words for s in all_sents) < conf["min_words"]:
        return
    score = flesch_douma(all_sents)
    if score is not None and score < conf["min_score"]:
        yield _finding(doc, all_sents, score, conf, _("the leaflet"), "leaflet")
    sections = [(h, body) for h, body in doc.sections() if h is not None]
    if len(sections) < 2:
        return
    for heading, body in sections:
        sents = sentences(body)
        if sum(s.words for s in sents) < conf["min_section_words"]:
            continue
        score = flesch_douma(sents)
        if score is not None and score < conf["min_score"]:
            title = heading.text.lstrip("#").strip()
            yield _finding(doc, sents, score, conf, _("section '{title}'").format(title=title), f"section|{title.lower()}")
