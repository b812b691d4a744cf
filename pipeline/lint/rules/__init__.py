"""Rules, one module each, found by scanning this package (never a hand-kept list).

A rule module declares, at the top (read once, checked when the registry loads, see
:class:`RuleMeta`):

- ``ID``: ``category.kebab-name``
- ``LEVEL``: default severity, ``"error" | "warning" | "info"`` (config may change it)
- ``SCOPE``: what ``check(target, conf, ctx)`` receives and when it runs:
  ``"document"`` (each leaflet), ``"corpus"`` (the whole run once), or the engine step whose
  records it reads, run once right after that step: ``"suppressions"``, ``"waivers"``,
  ``"baseline"`` (target: :class:`pipeline.problems.StepRecords`)
- ``OPTIONS``: ``{name: (type, default)}`` (optional)
- ``CROSS_LEAFLET = True`` (optional, corpus scope only): compares the facts of several leaflets
  and reads nothing else, so it runs on gathered fact files and is left out of a shard
- ``PROBLEMS``: the loader problem kinds (:class:`pipeline.problems.Kind`) this rule reports
  (optional, corpus scope only); every kind belongs to exactly one rule
- a docstring whose first line is the summary, followed by ``pass:`` and ``fail:`` example lines
- ``check(...)``: a generator of :class:`pipeline.diagnostic.Diagnostic` without rule or severity.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType, ModuleType
from typing import Any, Callable, Mapping

from pipeline.diagnostic import RuleInfo, Severity
from pipeline.problems import Kind

_ID = re.compile(r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")
STEPS = ("suppressions", "waivers", "baseline")
SCOPES = ("document", "corpus", *STEPS)
_OPTION_TYPES = (bool, int, float, str, list)


class RuleDeclarationError(RuntimeError):
    """A rule module whose declaration is wrong; raised when the registry loads."""


@dataclass(frozen=True)
class RuleMeta:
    """A rule's declaration, checked: the one place rule metadata is read from."""

    id: str
    level: Severity
    scope: str
    options: Mapping[str, tuple[type, Any]]
    cross_leaflet: bool
    problems: frozenset[Kind]
    module: ModuleType

    @property
    def check(self) -> Callable:
        return self.module.check

    def defaults(self) -> dict[str, Any]:
        return {name: default for name, (_typ, default) in self.options.items()}


def declaration(mod: ModuleType) -> RuleMeta:
    """The checked declaration of rule module ``mod``; RuleDeclarationError names the module."""
    name = mod.__name__.rsplit(".", 1)[-1]

    def bad(what: str) -> RuleDeclarationError:
        return RuleDeclarationError(f"rule module {name}: {what}")

    declared = vars(mod)
    rule_id = declared["ID"]
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise bad(f"ID {rule_id!r} is not category.kebab-name")
    level = declared.get("LEVEL")
    if level not in {s.value for s in Severity}:
        raise bad(f"LEVEL {level!r} is not error, warning or info")
    scope = declared.get("SCOPE")
    if scope not in SCOPES:
        raise bad(f"SCOPE {scope!r} is not one of {', '.join(SCOPES)}")
    if not callable(declared.get("check")):
        raise bad("no check() function")
    options = _options(declared.get("OPTIONS", {}), bad)
    cross = declared.get("CROSS_LEAFLET", False)
    problems = declared.get("PROBLEMS", ())
    if not isinstance(cross, bool) or (cross and scope != "corpus"):
        raise bad("CROSS_LEAFLET must be True or False, and True only with SCOPE 'corpus'")
    if not all(isinstance(k, Kind) for k in problems) or (problems and scope != "corpus"):
        raise bad("PROBLEMS must hold pipeline.problems.Kind members, and only with SCOPE 'corpus'")
    return RuleMeta(id=rule_id, level=Severity(level), scope=scope, options=MappingProxyType(options),
                    cross_leaflet=cross, problems=frozenset(problems), module=mod)


def _options(declared: Any, bad: Callable[[str], Exception]) -> dict[str, tuple[type, Any]]:
    if not isinstance(declared, dict):
        raise bad("OPTIONS must be a dict {name: (type, default)}")
    for key, spec in declared.items():
        if not (isinstance(spec, tuple) and len(spec) == 2 and spec[0] in _OPTION_TYPES):
            raise bad(f"option {key!r} must be (type, default) with type one of bool, int, float, str, list")
        typ, default = spec
        if not accepts(typ, default):
            raise bad(f"option {key!r}: default {default!r} is not {typ.__name__}")
    return dict(declared)


def accepts(typ: type, value: Any) -> bool:
    """Whether ``value`` may be given for an option of type ``typ`` (an int for a float, no bool for an int)."""
    if typ is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, typ) and not (typ is int and isinstance(value, bool))


@lru_cache(maxsize=None)
def registry() -> Mapping[str, RuleMeta]:
    """Rule ID -> its checked declaration, for every rule module in this package."""
    found: dict[str, RuleMeta] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if getattr(mod, "ID", None) is None:
            continue
        meta = declaration(mod)
        if meta.id in found:
            raise RuleDeclarationError(f"rule ID {meta.id} declared twice ({found[meta.id].module.__name__}, "
                                       f"{mod.__name__})")
        found[meta.id] = meta
    _check_problem_owners(found)
    return MappingProxyType(found)


def _check_problem_owners(found: dict[str, RuleMeta]) -> None:
    for kind in Kind:
        owners = sorted(m.id for m in found.values() if kind in m.problems)
        if len(owners) != 1:
            raise RuleDeclarationError(f"problem kind {kind.value!r} must be reported by exactly one rule, "
                                       f"not {owners or 'none'}")


def all_rules() -> dict[str, ModuleType]:
    """Rule ID -> module (for its docstring, examples and check); metadata comes from :func:`registry`."""
    return {rule_id: meta.module for rule_id, meta in registry().items()}


def cross_leaflet_rules() -> set[str]:
    """The rules that compare facts across leaflets: left out of a shard, run by ``gather``."""
    return {rule_id for rule_id, meta in registry().items() if meta.cross_leaflet}


def problem_rules(kind: Kind) -> set[str]:
    """The rule that reports loader problems of ``kind`` (one, checked when the registry loads)."""
    return {rule_id for rule_id, meta in registry().items() if kind in meta.problems}


def rules_in_scope(scope: str) -> list[str]:
    return [rule_id for rule_id, meta in registry().items() if meta.scope == scope]


def rule_info(mod: ModuleType) -> RuleInfo:
    meta = registry()[mod.ID]
    doc = (mod.__doc__ or "").strip()
    summary = doc.splitlines()[0] if doc else mod.ID
    return RuleInfo(
        id=meta.id,
        level=meta.level,
        summary=summary,
        doc=doc,
        options=meta.defaults(),
        help_uri=_help_uri(meta.id),
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
