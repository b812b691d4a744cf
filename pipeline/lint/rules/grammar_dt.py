"""A d/t error: a verb form with the wrong ending (Frog tags plus lexical knowledge of verb forms).

Checks a participle where the finite verb belongs, a stem without -t after a third-person subject
or after je/u (also at the end of a subordinate clause), a -t form where a participle belongs,
-t after "ik" or before an inverted "je", and inverted questions ("Klop het hartje?").
Frog runs once per run; only sentences that could hold a d/t error go to it. Without Frog the
rule does not run and says so in a note.

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
"""

from __future__ import annotations

from pipeline.diagnostic import Diagnostic
from pipeline.language import dt
from pipeline.language.frog import DEFAULT_CMD, Frog, FrogError, available
from pipeline.text import split_sentences

ID = "grammar.dt"
LEVEL = "error"
SCOPE = "document"
OPTIONS = {"frog": (str, "frog")}


class _Unavailable:
    def close(self):
        pass


def frog_service(ctx, command: str = "frog"):
    """The run's Frog, or None after noting once why grammar.dt did not run."""
    def make():
        if not available(command):
            ctx.note(f"grammar.dt did not run: Frog ('{command}') is not installed "
                     "(Debian packages frog and frogdata); d/t errors and agreement (grammar.agreement) "
                     "were not checked")
            return _Unavailable()
        store = ctx.config.output / ".cache" / "frog-tags.sqlite3"
        return Frog((command, *DEFAULT_CMD[1:]), store=store)
    svc = ctx.service("frog", make)
    return None if isinstance(svc, _Unavailable) else svc


def check(doc, conf, ctx):
    frog = frog_service(ctx, conf["frog"])
    if frog is None:
        return
    todo = []  # (block, sentence start, sentence text)
    for block in doc.blocks:
        for a, b in split_sentences(block.text):
            text = block.text[a:b]
            if dt.suspect(text):
                todo.append((block, a, text))
    if not todo:
        return
    try:
        tagged = frog.tag([t for _, _, t in todo])
    except FrogError as e:
        ctx.note(f"grammar.dt stopped: {e}; d/t errors were not (all) checked")
        return
    for (block, a, text), tokens in zip(todo, tagged):
        for f in dt.analyse(tokens, text):
            span = doc.span(block, a + f.start, a + f.end)
            yield Diagnostic(
                path=str(doc.path), line=span.line, column=span.column, end_line=span.end_line,
                end_column=span.end_column, message=f.message, match=f.word,
                leaflet=doc.id, key=f"{f.check}|{f.word.lower()}",
            ).offering(f.suggestion, safe=True)
