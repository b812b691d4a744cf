"""The fact model: one claim of a leaflet, tied to a catalog key and to its place in the source."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline import i18n

JSON_FIELDS = ("path", "leaflet", "key", "min", "max", "text", "unit", "approx", "qualifiers",
               "line", "column", "quote")


@dataclass
class Fact:
    key: str
    min: float | None = None
    max: float | None = None
    text: str | None = None  # non-numeric values (a phone number as written)
    unit: str = ""
    approx: bool = False
    qualifiers: dict[str, Any] = field(default_factory=dict)
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    quote: str = ""  # the whole sentence
    stated: str = ""  # the quantity as written ("tot 20 weken"), what line/column..end point at
    leaflet: str = ""
    path: str = ""
    original: dict | None = None  # {"min", "max", "unit"} when converted (months -> weeks)
    pinned: bool = False  # value or qualifiers set by a reviewer in the sidecar
    reviewed: bool = False
    reviewer: str | None = None
    waived: str | None = None  # reason; a waived fact takes part in no check
    leaflet_region: str = "NL"  # the leaflet's region (sidecar), for facts without a region
    topic: str = ""  # the leaflet's topic (sidecar or leaflint.yaml); facts of two topics never meet
    # how sure the extractor is (0-1) and why: the cues that matched, in which scope, what
    # lowered it; below the catalog's `confident_at` a fact is "te controleren" (to check) and
    # takes part in no cross-leaflet or reference rule
    confidence: float = 1.0
    evidence: dict | None = None
    confident: bool = True

    @property
    def match(self) -> str:
        """The flagged source text for a finding: the quantity as written (the sentence for
        facts read from older fact files, which lack it)."""
        return self.stated or self.quote

    @property
    def numeric(self) -> bool:
        return self.text is None

    def region(self) -> str:
        """The fact's region: stated in the text, else its leaflet's."""
        return str(self.qualifiers.get("region") or self.leaflet_region or "NL")

    def value_str(self) -> str:
        """The value as a reader would say it: "16 weken", "10–15 %", "≥ 10 %", "ongeveer 6 weken"."""
        orig = tuple(sorted(self.original.items())) if self.original else None
        return value_text(self.min, self.max, self.text, self.unit, self.approx, orig)

    def to_json(self) -> dict:
        """The JSON contract fields, then the extras."""
        d: dict[str, Any] = {
            "path": self.path, "leaflet": self.leaflet, "key": self.key,
            "min": _jnum(self.min), "max": _jnum(self.max), "text": self.text, "unit": self.unit,
            "approx": self.approx, "qualifiers": dict(self.qualifiers), "line": self.line,
            "column": self.column, "quote": self.quote,
            "end_line": self.end_line, "end_column": self.end_column,
        }
        if self.stated:
            d["stated"] = self.stated
        if self.original:
            d["original"] = {k: _jnum(v) if k != "unit" else v for k, v in self.original.items()}
        d["confidence"] = round(self.confidence, 2)
        d["confident"] = self.confident
        if self.evidence:
            d["evidence"] = self.evidence
        d["pinned"] = self.pinned
        d["reviewed"] = self.reviewed
        if self.reviewer:
            d["reviewer"] = self.reviewer
        if self.waived:
            d["waived"] = self.waived
        return d

    @classmethod
    def from_json(cls, d: dict, leaflet_region: str = "NL") -> "Fact":
        return cls(
            key=d["key"], min=d.get("min"), max=d.get("max"), text=d.get("text"), unit=d.get("unit") or "",
            approx=bool(d.get("approx", False)), qualifiers=dict(d.get("qualifiers") or {}),
            line=int(d.get("line", 1)), column=int(d.get("column", 1)), end_line=d.get("end_line"),
            end_column=d.get("end_column"), quote=d.get("quote") or "", stated=d.get("stated") or "", leaflet=d.get("leaflet") or "",
            path=d.get("path") or "", original=dict(d["original"]) if d.get("original") else None,
            pinned=bool(d.get("pinned", False)), reviewed=bool(d.get("reviewed", False)),
            reviewer=d.get("reviewer"), waived=d.get("waived"), leaflet_region=leaflet_region,
            confidence=float(d.get("confidence", 1.0)), evidence=d.get("evidence"),
            confident=bool(d.get("confident", True)),
        )


def value_text(lo, hi, text, unit, approx, original) -> str:
    """The value in the reader's notation and the run's language: "16 weken", "10–15 %"."""
    return _value_in(lo, hi, text, unit, approx, original, i18n.language())


@lru_cache(maxsize=4096)
def _value_in(lo, hi, text, unit, approx, original, lang: str) -> str:
    # cached: conflict messages on large corpora repeat the same few values many times
    if text is not None:
        return text
    s = i18n.quantity(lo, hi, unit, approx, lang=lang)
    if original:
        o = dict(original)
        stated = _value_in(o.get("min"), o.get("max"), None, o.get("unit", ""), False, None, lang)
        s += " " + i18n.translate(lang, "(stated as {value})").format(value=stated)
    return s


def _jnum(v):
    if v is None:
        return None
    v = round(float(v), 4)
    return int(v) if v.is_integer() else v
