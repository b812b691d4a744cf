"""Links written in plain text: "[label](url)" kept from a web page or Markdown, and bare web
addresses. Found here once; rendering turns them into links."""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]", re.I)
# Text copied from a web page or Markdown often keeps "[label](https://...)" links.
_MD_LINK = re.compile(r"(!?)\[([^\[\]\n]{1,200})\]\(((?:https?://|mailto:)[^()\s<>\"]+)\)", re.I)


@dataclass(frozen=True)
class TextLink:
    """A link in ``text[start:end]``: its label (the address itself for a bare one) and target."""

    start: int
    end: int
    label: str
    url: str
    image: bool = False  # "![description](source)": an image, whose description is its text


def typed_links(text: str) -> list[TextLink]:
    """The "[label](url)" and "![description](url)" links typed in ``text``."""
    return [TextLink(m.start(), m.end(), m.group(2), m.group(3), image=bool(m.group(1)))
            for m in _MD_LINK.finditer(text)]


def bare_urls(text: str) -> list[TextLink]:
    """Web addresses written out in ``text`` ("www." ones link to https://)."""
    out = []
    for m in _URL.finditer(text):
        url = m.group()
        href = url if url.lower().startswith("http") else "https://" + url
        out.append(TextLink(m.start(), m.end(), url, href))
    return out
