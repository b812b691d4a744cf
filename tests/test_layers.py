"""Layers import only downward: every import of every module of pipeline/ (parsed, not run),
including imports inside functions, goes to the module's own layer or one below."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipeline.layers import LAYERS, UPWARD_ALLOWED, layer_of

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, module) of every pipeline module imported; ``from pipeline.x import y`` names y when
    y is a module, else x; relative imports are resolved against ``package``."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "pipeline"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] != "pipeline":
                continue
            for a in node.names:
                sub = f"{base}.{a.name}"
                is_module = (PACKAGE.parent / (sub.replace(".", "/") + ".py")).is_file() or \
                    (PACKAGE.parent / sub.replace(".", "/")).is_dir()
                out.append((node.lineno, sub if is_module else base))
    return out


def all_imports():
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for line, target in imported(ast.parse(path.read_text(encoding="utf-8")), package):
            yield path, line, name, target


def test_every_module_has_a_layer():
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        try:
            layer_of(module_name(path))
        except KeyError:
            missing.append(module_name(path))
    assert not missing, "add these to pipeline/layers.py: " + ", ".join(missing)


def test_imports_go_only_downward():
    upward = []
    for path, line, name, target in all_imports():
        if (name, target) in UPWARD_ALLOWED:
            continue
        if layer_of(target) > layer_of(name):
            upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} ({LAYERS[layer_of(name)][0]}) "
                          f"imports {target} ({LAYERS[layer_of(target)][0]})")
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_the_allowed_exceptions_still_exist():
    found = {(name, target) for _path, _line, name, target in all_imports()}
    assert set(UPWARD_ALLOWED) <= found, "remove exceptions that no longer occur from pipeline/layers.py"


@pytest.mark.parametrize("source, expected", [
    ("from pipeline.lint.config import Config\n", "pipeline.lint.config"),
    ("def f():\n    from pipeline import orchestrate\n", "pipeline.orchestrate"),
    ("import pipeline.render.html\n", "pipeline.render.html"),
])
def test_imports_are_found_where_they_hide(source, expected):
    assert [t for _line, t in imported(ast.parse(source), "pipeline.corpus")] == [expected]


def test_an_upward_import_is_caught():
    # corpus (layer corpus) importing the lint configuration would be one
    assert layer_of("pipeline.lint.config") > layer_of("pipeline.corpus")
    assert layer_of("pipeline.facts.stage") > layer_of("pipeline.facts.model")
