"""Regular expressions compiled once: those of the data files (fact catalogs, residue and style
lists) and, once ``install``ed (the package does it when imported), every other one ``re`` compiles.

Python's ``re`` parses and compiles every pattern in pure Python each time a process starts: for
the catalog and the language data that is about a tenth of a second of every re-lint, for the
patterns modules compile when imported a few hundredths more. Like the
bytecode Python keeps in ``__pycache__``, the compiled form of each pattern (the program that the
regex engine runs) is kept there, for this interpreter only, and later processes build the same
pattern objects from it directly. A pattern is kept only after the object built from the kept form
compared equal to what ``re.compile`` makes; a pattern that does not compile raises ``re.error`` as
always (its file is reported by the caller) and is never kept. Nothing is written when Python is
told not to write bytecode (``PYTHONDONTWRITEBYTECODE``) or the folder is read-only.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from pathlib import Path

try:  # the regex engine's own modules (CPython's, not part of re's documented interface): without
    # them, or when they change, every pattern is compiled as usual and nothing is kept
    import _sre
    import re._compiler
    import re._parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

MAX_KEPT = 20_000  # patterns; beyond this the file starts afresh with those of the current process
_STAMP = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))


class KeptTable:
    """A table kept in ``__pycache__`` (``read_kept``/``save_kept``): read on first use; what this
    process adds to ``new`` is written at exit (a worker's is lost)."""

    def __init__(self, path: Path, stamp: tuple):
        self.path, self.stamp = path, stamp
        self.kept: dict | None = None
        self.new: dict = {}

    def table(self) -> dict:
        if self.kept is None:
            self.kept = read_kept(self.path, self.stamp)
            atexit.register(self.save)
        return self.kept

    def get(self, key):
        found = self.table().get(key)
        return self.new.get(key) if found is None else found

    def save(self) -> None:
        if self.new:
            save_kept(self.path, self.stamp, self.table(), self.new)


KEPT = KeptTable(Path(__file__).parent / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.marshal", _STAMP)


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the same name as re.compile
    """``re.compile(pattern, flags)``, built from the kept compiled form when there is one."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    return _kept_or(str(pattern), flags, re.compile)  # a YAML loader's string is kept as a plain one


def _kept_or(pattern: str, flags: int, compile_as_usual) -> re.Pattern:
    """The pattern built from its kept form, else ``compile_as_usual(pattern, flags)`` (which raises
    re.error for a broken pattern: never kept), its form kept when the two compare equal."""
    key = (pattern, flags)
    entry = KEPT.get(key)
    if entry is not None:
        try:
            return _build(pattern, entry)
        except Exception:  # noqa: BLE001 - a damaged entry: compile as usual
            pass
    compiled = compile_as_usual(pattern, flags)
    try:
        entry = _program(pattern, flags)
        if _build(pattern, entry) == compiled:  # equal: same pattern, flags and program
            KEPT.new[key] = entry
    except Exception:  # noqa: BLE001 - an engine this module does not know: nothing kept
        pass
    return compiled


def install() -> None:
    """Every pattern of this process that ``re`` compiles (module-level ones of the package and the
    libraries it imports too) built from its kept form: ``re.compile`` and ``re.search`` keep
    their own cache and checks and ask the engine's compile only for a pattern they have not seen."""
    if _sre is None or getattr(re._compiler.compile, "_kept", False):
        return
    as_usual = re._compiler.compile

    def kept_compile(p, flags=0):
        if type(p) is not str or flags & re.DEBUG:  # bytes, parsed patterns, debugging output: as usual
            return as_usual(p, flags)
        return _kept_or(p, int(flags), as_usual)

    kept_compile._kept = True
    re._compiler.compile = kept_compile


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to the engine, as plain data."""
    p = re._parser.parse(pattern, flags)
    code = re._compiler._code(p, flags)
    indexgroup = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        indexgroup[i] = name
    return (int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1,
            {str(k): int(v) for k, v in p.state.groupdict.items()}, tuple(indexgroup))


def _build(pattern: str, entry: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, code, groups, dict(groupindex), tuple(indexgroup))


def save_kept(path: Path, stamp: tuple, kept: dict, new: dict) -> None:
    """Write a kept table with what this process ``new``ly added, and empty ``new`` once written;
    nothing when Python writes no bytecode. Past MAX_KEPT entries the table starts afresh with ``new``."""
    if not new or sys.dont_write_bytecode:
        return
    table = {**kept, **new} if len(kept) + len(new) <= MAX_KEPT else dict(new)
    if write_kept(path, stamp, table):
        new.clear()


def read_kept(path: Path, stamp: tuple) -> dict:
    """A table that ``write_kept`` wrote under ``stamp``; empty when missing, damaged or of another Python."""
    try:
        kept_stamp, table = marshal.loads(path.read_bytes())
        if tuple(kept_stamp) == stamp and isinstance(table, dict):
            return table
    except Exception:  # noqa: BLE001 - missing, damaged or from another Python: start empty
        pass
    return {}


def write_kept(path: Path, stamp: tuple, table: dict) -> bool:
    """Write ``table`` under ``stamp`` at once, like bytecode; False when the folder is read-only
    (then it is made again next time)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        tmp.write_bytes(marshal.dumps((stamp, table)))
        os.replace(tmp, path)
        return True
    except (OSError, ValueError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
