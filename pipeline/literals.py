"""The words a pattern cannot match without: a quick test that skips most regular expression searches.

Many patterns are searched for in texts they almost never match: a catalog cue in the clause, the
sentence and the paragraph of every quantity, a residue or button phrase on every line. Each
pattern is read once (with Python's own parser) for the strings every match must contain, e.g.
``kans`` or ``risico`` for ``\\b(kans|risico)\\b``: when none of them is in the text (compared as the
regex engine compares case-insensitively), the search cannot match and is skipped. A pattern without
such strings, or with one shorter than ``MIN_LENGTH``, is always searched.

Reading a pattern costs about a tenth of a millisecond, so what was read is kept in
``__pycache__`` like bytecode (for this interpreter only; nothing is written when Python is told
not to write bytecode or the folder is read-only).
"""

from __future__ import annotations

import atexit
import re
import sys
from pathlib import Path

from pipeline import patterns

try:  # the regex engine's own parser and case table (CPython's): without them nothing is skipped
    import re._casefix as _casefix
    import re._constants as _C
    import re._parser as _parser

    _EXTRA_CASES: dict = _casefix._EXTRA_CASES
except (ImportError, AttributeError):  # pragma: no cover - another Python implementation
    _parser = None
    _EXTRA_CASES = {}

MIN_LENGTH = 3  # shorter strings are in nearly every text: testing them costs more than it saves
CACHE = Path(__file__).parent / "__pycache__" / f"literals.{sys.implementation.cache_tag}.marshal"
_STAMP = (1, sys.version)

Needs = tuple  # the strings (folded) of which every match contains at least one; () for none known


def _canonical() -> dict[int, int]:
    """Characters the engine takes as equal ignoring case although their lower cases differ
    (s and long s, i and dotless i, some Greek letters): each mapped to one of its group."""
    parent: dict[int, int] = {}

    def root(c: int) -> int:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for c, others in _EXTRA_CASES.items():
        for o in others:
            a, b = root(c), root(o)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {c: root(c) for c in _EXTRA_CASES if root(c) != c}


_CANONICAL = _canonical()
_UNUSUAL = re.compile("[" + "".join(re.escape(chr(c)) for c in _CANONICAL) + "]") if _CANONICAL else None


def fold(text: str) -> str:
    """``text`` as the engine compares it ignoring case: two texts that match each other
    case-insensitively, character by character, fold to the same string."""
    if "İ" in text:  # its lower case is two characters; the engine takes it as "i"
        text = text.replace("İ", "i")
    low = text.lower()
    if _UNUSUAL is not None and not low.isascii() and _UNUSUAL.search(low):
        low = low.translate(_CANONICAL)
    return low


def may_match(needs: Needs, folded: str) -> bool:
    """Whether a text (``folded``) holds one of the strings a pattern needs."""
    if not needs:
        return True
    for s in needs:
        if s in folded:
            return True
    return False


_kept: dict[tuple[str, int], Needs] | None = None
_new: dict[tuple[str, int], Needs] = {}


def needs(rx: re.Pattern) -> Needs:
    """The strings (folded) of which every match of ``rx`` contains one; () when none are known."""
    key = (rx.pattern, int(rx.flags))
    if not isinstance(key[0], str) or _parser is None:
        return ()
    found = _table().get(key)
    if not isinstance(found, tuple):
        found = _new.get(key)
    if found is None:
        try:
            strings = _of(_parser.parse(rx.pattern, rx.flags))
        except Exception:  # noqa: BLE001 - a parser this module does not know: always search
            strings = None
        found = () if not strings or min(map(len, strings)) < MIN_LENGTH else tuple(sorted(strings))
        _new[key] = found
    return found


def _better(a: frozenset | None, b: frozenset | None) -> frozenset | None:
    """Of two sets of needed strings the one that says most: the longest shortest string, then the fewest."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


_REPEATS = tuple(getattr(_C, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if _parser is not None and hasattr(_C, name))


def _of(items) -> frozenset | None:
    """Needed strings of a parsed sequence: each item that must match gives a set (a run of
    literal characters one string, alternatives the union of theirs); the most telling is kept.
    Anchors, classes, look-arounds and optional parts give none."""
    best, run = None, []
    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best, run = _better(best, frozenset((fold("".join(run)),))), []
        if op is _C.SUBPATTERN:
            best = _better(best, _of(av[3]))
        elif op is _C.ATOMIC_GROUP:
            best = _better(best, _of(av))
        elif op is _C.BRANCH:
            alternatives = [_of(a) for a in av[1]]
            if all(a is not None for a in alternatives):
                best = _better(best, frozenset().union(*alternatives))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _of(av[2]))
        elif op is _C.IN and av and all(o is _C.LITERAL for o, _ in av):
            best = _better(best, frozenset(fold(chr(c)) for _, c in av))
    if run:
        best = _better(best, frozenset((fold("".join(run)),)))
    return best


def _table() -> dict:
    global _kept
    if _kept is None:
        _kept = patterns.read_kept(CACHE, _STAMP)
        atexit.register(save)
    return _kept


def save() -> None:
    """Write what was read with what this process read (at exit; a worker's is lost)."""
    if _new:
        patterns.save_kept(CACHE, _STAMP, _table(), _new)
