"""Rules, one module each, found by scanning this package (never a hand-kept list).

A rule module declares, at the top:

- ``ID``: ``category.kebab-name``
- ``LEVEL``: default severity, ``"error" | "warning" | "info"`` (config may change it)
- ``SCOPE``: ``"document"`` (``check(doc, conf, ctx)`` per leaflet) or ``"corpus"``
  (``check(corpus, conf, ctx)`` once per run)
- ``OPTIONS``: ``{name: (type, default)}``
- a docstring whose first line is the summary, followed by ``pass:`` and ``fail:`` example lines
- ``check(...)``: a generator of :class:`pipeline.diagnostic.Diagnostic` without rule or severity.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache
from types import ModuleType

from pipeline.diagnostic import RuleInfo, Severity

_ID = re.compile(r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=None)
def all_rules() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        rule_id = getattr(mod, "ID", None)
        if rule_id is None:
            continue
        if not _ID.match(rule_id):
            raise RuntimeError(f"rule module {info.name}: ID {rule_id!r} is not category.kebab-name")
        if rule_id in found:
            raise RuntimeError(f"rule ID {rule_id} declared twice ({found[rule_id].__name__}, {mod.__name__})")
        found[rule_id] = mod
    return found


def rule_info(mod: ModuleType) -> RuleInfo:
    doc = (mod.__doc__ or "").strip()
    summary = doc.splitlines()[0] if doc else mod.ID
    return RuleInfo(
        id=mod.ID,
        level=Severity(mod.LEVEL),
        summary=summary,
        doc=doc,
        options={k: v[1] for k, v in getattr(mod, "OPTIONS", {}).items()},
        help_uri=_help_uri(mod.ID),
    )


def _help_uri(rule_id: str) -> str:
    from pipeline.lint.docs import help_uri

    return help_uri(rule_id)


def examples(mod: ModuleType) -> dict[str, list[str]]:
    """The ``pass:`` and ``fail:`` lines of a rule's docstring."""
    out: dict[str, list[str]] = {"pass": [], "fail": []}
    for line in (mod.__doc__ or "").splitlines():
        s = line.strip()
        for kind in ("pass", "fail"):
            if s.startswith(kind + ":"):
                out[kind].append(s[len(kind) + 1 :].strip())
    return out
