"""A check that could not run: a rule raises ``ToolFailure``, the engine keeps an ``EngineFailure``.

A rule whose engine (Frog, the enchant dictionary) is missing or breaks raises ``ToolFailure``
with the tool's name and its own error text. The engine catches it per rule and leaflet, keeps the
other rules' findings, and records an ``EngineFailure``; the CLI prints the findings, then the
failures, and exits 2. A result with a failure in it is never cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.i18n import _, ngettext


class ToolFailure(Exception):
    """Raised by a rule: its external tool is missing or failed, so the check did not run."""

    def __init__(self, tool: str, detail: str, fix: str = ""):
        super().__init__(f"{tool}: {detail}")
        self.tool = tool
        self.detail = detail
        self.fix = fix


@dataclass(frozen=True)
class EngineFailure:
    """One rule that could not run because of one tool, with the leaflets it was meant to check."""

    rule: str
    tool: str
    detail: str
    fix: str = ""
    leaflets: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, rule: str, error: ToolFailure, leaflet: str | None = None) -> "EngineFailure":
        return cls(rule, error.tool, error.detail, error.fix, (leaflet,) if leaflet else ())

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.tool, self.detail)

    def message(self) -> str:
        """One line: which check, for how many leaflets, which tool, the tool's own words."""
        if not self.leaflets:
            return _("{rule} could not run: {tool}: {detail}").format(
                rule=self.rule, tool=self.tool, detail=self.detail)
        return ngettext("{rule} could not run ({count} leaflet not checked): {tool}: {detail}",
                        "{rule} could not run ({count} leaflets not checked): {tool}: {detail}",
                        len(self.leaflets)).format(rule=self.rule, count=len(self.leaflets), tool=self.tool,
                                                   detail=self.detail)

    def hint(self) -> str:
        """How to repair it, or how to run without the check on purpose."""
        off = _("or turn the rule off in leaflint.yaml, under rules: `{rule}: off`").format(rule=self.rule)
        if not self.fix:
            return off
        return _("install: {command}; {turn_off}").format(command=self.fix, turn_off=off)


def merge(failures) -> list[EngineFailure]:
    """One failure per rule, tool and error text, with the leaflets of all of them, in first-seen order."""
    out: dict[tuple, EngineFailure] = {}
    for f in failures:
        seen = out.get(f.key)
        if seen is None:
            out[f.key] = f
        else:
            leaflets = seen.leaflets + tuple(x for x in f.leaflets if x not in seen.leaflets)
            out[f.key] = EngineFailure(seen.rule, seen.tool, seen.detail, seen.fix, leaflets)
    return list(out.values())
