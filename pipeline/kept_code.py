"""The methods that ``dataclasses`` writes for every dataclass, compiled once and kept like bytecode.

For each dataclass, ``dataclasses`` writes the source of ``__init__``, ``__repr__``, ``__eq__`` (and
``__setattr__``, ``__hash__`` ... for frozen ones) and compiles it when the class is created: every
process compiles them again, about a tenth of the start-up of a re-lint of one leaflet. The same
source always compiles to the same code, so the code is kept in ``__pycache__``, for this
interpreter only (next to the kept regular expressions, :mod:`pipeline.patterns`), and later
processes run the kept code instead of compiling the text. The text is the key: a changed class
gives another text, compiled as usual. Nothing is written when Python writes no bytecode.
"""

from __future__ import annotations

import builtins
import dataclasses
import importlib.util
import sys
from pathlib import Path

from pipeline.patterns import KeptTable

_STAMP = (sys.version, importlib.util.MAGIC_NUMBER)
KEPT = KeptTable(Path(__file__).parent / "__pycache__" / f"dataclass-code.{sys.implementation.cache_tag}.marshal",
                 _STAMP)


def kept_exec(source, globals=None, locals=None):  # noqa: A002 - exec's own parameter names
    """``exec`` as ``dataclasses`` calls it, with the code of a source text compiled before."""
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    code = KEPT.get(source)
    if code is None:
        code = KEPT.new[source] = builtins.compile(source, "<string>", "exec")
    return builtins.exec(code, globals, locals)


def install() -> None:
    """Dataclasses created from now on in this process take their methods' code from the kept table
    (``dataclasses`` looks ``exec`` up in its own module before the builtins)."""
    dataclasses.exec = kept_exec
