"""The text of a review comment, and reading a comment and its answers back.

A comment is a few short paragraphs: the message, the reference with its source, the other
leaflets' values, the suggested replacement, how to answer, and a last line that identifies the
finding (``leaflint: rule · fact · line:column-end · "match"``) so that an answer can be traced
back however the document was edited around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import i18n
from pipeline.diagnostic import Diagnostic
from pipeline.i18n import _, N_

MAX_OTHERS = 6
SUGGESTION = N_("Suggestion: {replacement}")
_IDENT = re.compile(r'^leaflint: (?P<rule>[a-z]+\.[a-z0-9-]+) · (?P<fact>\S+) · (?P<line>\d+):(?P<column>\d+)'
                    r'-(?P<end_line>\d+):(?P<end_column>\d+)(?: · "(?P<match>.*)")?\s*$')


@dataclass(frozen=True)
class FindingRef:
    """What a comment's last line says about its finding."""

    rule: str
    fact: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    match: str


def ident_line(d: Diagnostic) -> str:
    end_line = d.end_line or d.line
    end_column = d.end_column or d.column
    match = f' · "{d.match}"' if d.match and "\n" not in d.match else ""
    return f"leaflint: {d.rule} · {d.fact or '-'} · {d.line}:{d.column}-{end_line}:{end_column}{match}"


def parse_ident(text: str) -> FindingRef | None:
    m = _IDENT.match(text.strip())
    if m is None:
        return None
    return FindingRef(rule=m["rule"], fact=None if m["fact"] == "-" else m["fact"], line=int(m["line"]),
                      column=int(m["column"]), end_line=int(m["end_line"]), end_column=int(m["end_column"]),
                      match=m["match"] or "")


def comment_paragraphs(d: Diagnostic, reference: str = "") -> list[str]:
    """The paragraphs of the comment for ``d``; ``reference`` is the reference value and source."""
    out = [d.message]
    if reference:
        out.append(_("Reference: {reference}").format(reference=reference))
    if d.related:
        others = [r.message or f"{r.path}:{r.line}" for r in d.related[:MAX_OTHERS]]
        more = len(d.related) - MAX_OTHERS
        text = "; ".join(others) + (_(" and {n} more").format(n=more) if more > 0 else "")
        out.append(_("Other places: {places}").format(places=text))
    if d.suggestions:
        out.append(_(SUGGESTION).format(replacement=" | ".join(d.suggestions[:5])))
    out.append(ident_line(d))
    return out


def suggestion_in(paragraphs: list[str]) -> str | None:
    """The first suggested replacement in a comment, in either language."""
    for lang in i18n.LANGUAGES:
        prefix = i18n.translate(lang, SUGGESTION).split("{replacement}")[0]
        for p in paragraphs:
            if p.startswith(prefix):
                return p[len(prefix):].split(" | ")[0].strip() or None
    return None


# -- answers --------------------------------------------------------------------------------------

ACCEPT = "accept"
REJECT = "reject"
_ACCEPT = re.compile(r"^\s*(akkoord|accoord|accepteer|accepted|accept|agreed|ok[eé]?)\b[\s.!]*", re.I)
_REJECT = re.compile(r"^\s*(afwijzen|afgewezen|wijs af|niet akkoord|reject(?:ed)?)\b\s*[:\-–—]?\s*(?P<reason>.*)$",
                     re.I | re.S)


@dataclass(frozen=True)
class Answer:
    kind: str  # ACCEPT or REJECT
    reason: str = ""


def parse_answer(text: str) -> Answer | None:
    """An answer in the agreed form, or None. "afwijzen" is checked first ("niet akkoord")."""
    m = _REJECT.match(text)
    if m:
        return Answer(REJECT, " ".join(m["reason"].split()))
    if _ACCEPT.match(text):
        return Answer(ACCEPT)
    return None
