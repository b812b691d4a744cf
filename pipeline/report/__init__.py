"""Formatters: one module per output format, selected by name; they read only the diagnostic model.

Lifecycle (flake8): ``begin(rules)``, ``emit(diagnostic)`` per finding in order, ``end(summary) -> str``.
Formatters never decide the exit code.
"""

from __future__ import annotations

import importlib
import os
import sys

FORMATS = ("text", "parsable", "json", "sarif", "junit", "github", "gitlab", "rdjson")


def resolve(name: str, stream=None) -> str:
    """``auto``: github under GitHub Actions, text otherwise (coloured on a terminal)."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text"


def formatter(name: str, **options):
    name = resolve(name)
    if name not in FORMATS:
        raise ValueError(f"unknown format '{name}' (choose from auto, {', '.join(FORMATS)})")
    mod = importlib.import_module(f"pipeline.report.{name}_format")
    return mod.Formatter(**options)


def render(name: str, diagnostics, rules, summary, **options) -> str:
    f = formatter(name, **options)
    f.begin(rules)
    for d in diagnostics:
        f.emit(d)
    return f.end(summary)


def colour_wanted(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()
