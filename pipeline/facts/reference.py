"""A topic's reference registry (topics/<topic>/reference.yaml): accepted values per fact key, with citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
import re
from pathlib import Path

from pipeline.facts.model import Fact
from pipeline.i18n import _
from pipeline.yamlio import DataFileError, load_validated, position


@dataclass(frozen=True)
class Citation:
    id: str
    title: str
    publisher: str
    year: int | None = None
    url: str | None = None
    verified: bool = True

    def short(self) -> str:
        """"Nederlandse Vereniging voor Obstetrie en Gynaecologie (NVOG)" and 2017 -> "NVOG 2017"."""
        m = re.search(r"\(([^()]{2,12})\)\s*$", self.publisher)
        return (m.group(1) if m else self.publisher) + (f" {self.year}" if self.year else "")

    def __str__(self) -> str:
        s = f"{self.publisher}, {self.title}"
        if self.year:
            s += f" ({self.year})"
        if self.url:
            s += f", {self.url}"
        if not self.verified:
            s += " [source not yet verified]"
        return s


@dataclass
class ReferenceValue:
    key: str
    min: float
    max: float
    tolerance: float = 0
    region: str | None = None
    qualifiers: dict = field(default_factory=dict)
    default: bool = False
    citations: tuple[Citation, ...] = ()
    note: str = ""
    line: int = 1
    path: str = ""  # the registry file, for a finding's related place

    @property
    def accepted(self) -> tuple[float, float]:
        return self.min - self.tolerance, self.max + self.tolerance

    def applies(self, fact: Fact, region: str | None) -> int | None:
        """How specifically this entry applies to ``fact`` (higher is better), or None."""
        if self.key != fact.key:
            return None
        if self.region is not None and self.region != region:
            return None
        score = 1 if self.region else 0
        if any(k != "region" and k not in self.qualifiers for k in fact.qualifiers):
            return None  # about another population, outcome or window than the entry
        for name, value in self.qualifiers.items():
            stated = fact.qualifiers.get(name)
            if stated is None:
                if not self.default:
                    return None
            elif str(stated) != str(value):
                return None
            else:
                score += 2
        return score


@dataclass
class Registry:
    path: Path
    entries: list[ReferenceValue]

    def for_fact(self, fact: Fact, region: str | None) -> ReferenceValue | None:
        best, best_score = None, -1
        for e in self._of_key().get(fact.key, ()):  # an entry of another key never applies
            s = e.applies(fact, region)
            if s is not None and s > best_score:
                best, best_score = e, s
        return best


    def _of_key(self) -> dict[str, list[ReferenceValue]]:
        """The entries per key, in their order (built again when the list of entries changes)."""
        cached = self.__dict__.get("_index")
        if cached is None or cached[0] != len(self.entries):
            index: dict[str, list[ReferenceValue]] = {}
            for e in self.entries:
                index.setdefault(e.key, []).append(e)
            cached = self.__dict__["_index"] = (len(self.entries), index)
        return cached[1]


def default_path() -> Path:
    """The registry of the built-in default topic (miskraam), for callers that name no topic."""
    from pipeline.facts.topics import DEFAULT_TOPIC, REFERENCE_FILE, TOPICS_DIR

    return TOPICS_DIR / DEFAULT_TOPIC / REFERENCE_FILE


def load_registry(path: Path | str | None = None) -> Registry:
    p = Path(path) if path is not None else default_path()
    data = load_validated(p, "reference.schema.json")
    cites = {
        cid: Citation(cid, str(c["title"]), str(c["publisher"]), c.get("year"), c.get("url"), bool(c.get("verified", True)))
        for cid, c in data["citations"].items()
    }
    entries = []
    for i, r in enumerate(data["references"]):
        for j, cid in enumerate(r["cite"]):
            if cid not in cites:
                line, col = position(data, ["references", i, "cite", j])
                message = _("unknown citation '{name}' (declare it under citations)").format(name=cid)
                raise DataFileError(p, f"references/{i}/cite/{j}: {message}", line, col, f"references/{i}/cite/{j}")
        lo = float(r["value"]) if "value" in r else float(r["min"])
        hi = float(r["value"]) if "value" in r else float(r["max"])
        if lo > hi:
            line, col = position(data, ["references", i])
            raise DataFileError(p, f"references/{i}: " + _("min is larger than max"), line, col, f"references/{i}")
        entries.append(ReferenceValue(
            key=str(r["key"]), min=lo, max=hi, tolerance=float(r.get("tolerance", 0)), region=r.get("region"),
            qualifiers={str(k): v for k, v in (r.get("qualifiers") or {}).items()}, default=bool(r.get("default", False)),
            citations=tuple(cites[c] for c in r["cite"]), note=str(r.get("note", "")),
            line=position(data, ["references", i])[0], path=str(p),
        ))
    return Registry(p, entries)


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Registry:
    return load_registry(Path(path))


def default_registry(path: Path | str | None = None) -> Registry:
    """The registry at ``path`` (default: the default topic one), loaded once per file version."""
    p = Path(path) if path is not None else default_path()
    return _cached(str(p), p.stat().st_mtime)


def registry_or_none(path: Path | str | None = None) -> Registry | None:
    """The registry, or None when it is broken or missing (the facts stage reports that)."""
    try:
        return default_registry(path)
    except (DataFileError, OSError):
        return None
