"""What loaders and the engine's steps meet, as data: no rule ID, no severity.

A loader that cannot read a file records a :class:`Problem` of a :class:`Kind`; the engine, while it
applies suppressions, waivers and the baseline, records what it met in :class:`StepRecords`. The
rule module that owns a kind (``PROBLEMS`` in the module) or a step (its ``SCOPE``) turns the
records into its findings; nothing else makes a finding with a rule ID.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from pipeline.diagnostic import Diagnostic, Related


class Kind(str, Enum):
    """What went wrong while loading; each kind has exactly one rule that reports it."""

    UNREADABLE = "unreadable"  # a leaflet that cannot be read (type, broken, empty, too large, id taken)
    OUTSIDE_LINK = "outside-link"  # a file that links out of the project: not read
    SCHEMA = "schema"  # a sidecar, fact file, catalog or reference that does not match its schema
    BRAND = "brand"  # a brand file that cannot be used


@dataclass(frozen=True)
class Problem:
    """A file a loader could not use: where, and the cause in the reader's language."""

    kind: Kind
    path: str
    message: str
    line: int = 1
    column: int = 1
    leaflet: str = ""
    key: str = ""
    related: tuple[Related, ...] = ()

    def finding(self) -> Diagnostic:
        """The problem as a finding without rule and severity (its rule stamps those)."""
        return Diagnostic(path=self.path, line=self.line, column=self.column, message=self.message,
                          leaflet=self.leaflet, key=self.key or self.message, related=self.related)


def of_kind(problems: list[Problem], kind: Kind) -> list[Problem]:
    return [p for p in problems if p.kind is kind]


@dataclass(frozen=True)
class UnknownSuppression:
    """A leaflint-disable comment naming a rule or category leaflint does not have."""

    path: str
    line: int
    column: int
    leaflet: str
    name: str


@dataclass(frozen=True)
class BrokenWaivers:
    """The waivers file cannot be read or does not match its schema."""

    path: str
    line: int
    column: int
    cause: str
    field: str = ""


@dataclass(frozen=True)
class UnknownWaiverRule:
    path: str
    line: int
    rule: str


@dataclass(frozen=True)
class ExpiredWaiver:
    """A waiver past its date, with the findings it no longer waives."""

    path: str
    line: int
    rule: str
    leaflet: str
    expires: dt.date
    fact: str | None
    match: str | None
    hits: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class StaleEntry:
    """A baseline entry that no finding of this run matches."""

    baseline: str
    file_line: int
    fingerprint: str
    rule: str
    leaflet: str
    line: int
    message: str


@dataclass
class StepRecords:
    """What the engine met while applying suppressions, waivers and the baseline of one run."""

    suppressions: list[UnknownSuppression] = field(default_factory=list)
    waivers: list[BrokenWaivers | UnknownWaiverRule] = field(default_factory=list)
    expired: list[ExpiredWaiver] = field(default_factory=list)
    stale: list[StaleEntry] = field(default_factory=list)
