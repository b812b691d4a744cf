"""Text that is safe to print on a terminal or in a one-line format.

Leaflet text, messages and file names come from input: a control character (an escape sequence,
a carriage return, a newline in a file name) or a bidi control (which reorders what the terminal
shows, as in "Trojan Source") must never reach the terminal raw. Each such character is shown as
``<U+XXXX>``, so a reviewer sees that it is there and which one it is.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.ingest.invisible import HIDDEN

_UNSAFE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
# A fast first look: ASCII controls, DEL, C1 controls, the soft hyphen and everything past Latin-1.
_MAYBE = re.compile(r"[\x00-\x1f\x7f-\x9f\xad\u0100-\U0010ffff]")


def _unsafe(c: str) -> bool:
    return unicodedata.category(c) in _UNSAFE_CATEGORIES or HIDDEN.fullmatch(c) is not None


def printable(text: str, keep: str = "") -> str:
    """``text`` with control, format, bidi, invisible and unassigned characters as ``<U+XXXX>``;
    characters in ``keep`` (say a tab) stay as they are."""
    if not _MAYBE.search(text):
        return text
    return "".join(f"<U+{ord(c):04X}>" if c not in keep and _MAYBE.match(c) and _unsafe(c) else c for c in text)
