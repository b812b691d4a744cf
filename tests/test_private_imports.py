"""No module of pipeline/ imports another module's private name (``from x import _y``): a helper
used in two modules is public in one of them. ``_`` (the gettext function) is public by custom."""

from __future__ import annotations

import ast
from pathlib import Path

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"


def private_imports(source: str) -> list[tuple[int, str, str]]:
    """(line, module, name) of every private name imported from another module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                name = alias.name
                if name.startswith("_") and name != "_" and not (name.startswith("__") and name.endswith("__")):
                    found.append((node.lineno, "." * node.level + (node.module or ""), name))
    return found


def test_the_check_finds_private_imports():
    src = "from pipeline.x import _y, z\nfrom .a import b as _b\nfrom pipeline.i18n import _\ndef f():\n    from m import _k\n"
    assert private_imports(src) == [(1, "pipeline.x", "_y"), (5, "m", "_k")]


def test_no_private_name_is_imported_across_modules():
    bad = [f"{p.relative_to(PIPELINE.parent)}:{line}: from {mod} import {name}"
           for p in sorted(PIPELINE.rglob("*.py"))
           for line, mod, name in private_imports(p.read_text(encoding="utf-8"))]
    assert not bad, "private names imported across modules:\n" + "\n".join(bad)
