"""Functions short enough to read at once: none in pipeline/ is longer than 60 lines (from its
``def`` to its last line, decorators not counted). There is no allow-list: split a longer one."""

from __future__ import annotations

import ast
from pathlib import Path

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
MAX_LINES = 60


def long_functions(source: str, limit: int = MAX_LINES) -> list[tuple[int, str, int]]:
    """(line, name, length) of every function or method longer than ``limit`` lines."""
    return [(n.lineno, n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(ast.parse(source))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > limit]


def test_the_check_measures_from_def_to_last_line():
    body = "".join(f"    x{i} = {i}\n" for i in range(60))
    assert long_functions(f"def short():\n{body[:-len('    x59 = 59')-1]}\n") == []
    assert long_functions(f"class C:\n    def m(self):\n    {body.replace(chr(10), chr(10) + '    ')}") == [(2, "m", 61)]
    assert long_functions(f"def f():\n{body}") == [(1, "f", 61)]


def test_no_function_in_pipeline_is_longer_than_60_lines():
    found = [f"{p.relative_to(PIPELINE.parent)}:{line}: {name} ({length} lines)"
             for p in sorted(PIPELINE.rglob("*.py"))
             for line, name, length in long_functions(p.read_text(encoding="utf-8"))]
    assert not found, f"functions longer than {MAX_LINES} lines (split them):\n" + "\n".join(found)
