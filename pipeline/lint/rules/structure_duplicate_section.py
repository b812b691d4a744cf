"""The same section twice: an identical heading followed by identical content.

Headings come from ingest; in plain text without marked headings, a short line without closing
punctuation that stands as a paragraph of its own ("## Belinstructies", "Belinstructies") is taken
for one. Text is compared after folding case, white space and list bullets. The finding spans the
whole second copy, its heading and its text.

pass: two sections "Belinstructies" and "Emotioneel herstel" with different text
fail: the section "Belinstructies" with the same list of symptoms appears twice
"""

from __future__ import annotations

import re

from pipeline.diagnostic import Diagnostic, Related
from pipeline.i18n import _

ID = "structure.duplicate-section"
LEVEL = "warning"
SCOPE = "document"
OPTIONS = {"max_heading_words": (int, 8)}

_BULLET = re.compile(r"(?m)^\s*(?:[-*•·–]|\d+[.)])\s+|(?<=\s)[-*•·–](?=\s)")


def normalized(text: str) -> str:
    text = _BULLET.sub(" ", text.lstrip("#").strip())
    return " ".join(text.lower().split())


def _looks_like_heading(text: str, max_words: int) -> bool:
    t = text.strip()
    if t.startswith("#"):
        return True
    return (0 < len(t.split()) <= max_words and t[-1:] not in ".,;:!?" and any(c.isalpha() for c in t)
            and not t[:1].islower())


def sections(doc, max_words: int):
    """(heading block, body blocks); falls back to heading-like paragraphs when ingest marked none."""
    if any(b.kind == "heading" for b in doc.blocks):
        return [(h, body) for h, body in doc.sections() if h is not None]
    out, cur = [], None
    for b in doc.blocks:
        if b.kind == "paragraph" and _looks_like_heading(b.text, max_words):
            cur = (b, [])
            out.append(cur)
        elif cur is not None:
            cur[1].append(b)
    return out


def check(doc, conf, ctx):
    seen: dict[tuple[str, str], object] = {}
    for heading, body in sections(doc, conf["max_heading_words"]):
        content = normalized(" ".join(b.text for b in body))
        if not content:
            continue
        key = (normalized(heading.text), content)
        if key in seen:
            first = seen[key]
            sp = doc.span(heading, 0, len(heading.text))
            end = doc.span(body[-1], 0, len(body[-1].text))  # the whole section: its heading and its text
            fsp = doc.span(first, 0, len(first.text))
            title = heading.text.lstrip("#").strip()
            yield Diagnostic(
                path=str(doc.path), line=sp.line, column=sp.column, end_line=end.end_line,
                end_column=end.end_column,
                message=_("section '{title}' repeats the section on line {line} word for word; keep one").format(
                    title=title, line=fsp.line),
                match=heading.text, leaflet=doc.id, key=key[0],
                related=(Related(str(doc.path), fsp.line, fsp.column, _("first occurrence")),),
            )
        else:
            seen[key] = heading
