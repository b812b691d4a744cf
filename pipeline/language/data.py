"""The language rules' data files (schema/residue.yaml, schema/style-language.yaml), validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.paths import SCHEMA_DIR
from pipeline.yamlio import _plain, load_validated


@lru_cache(maxsize=1)
def style() -> dict:
    return _plain(load_validated(SCHEMA_DIR / "style-language.yaml", "style-language.schema.json"))


@dataclass(frozen=True)
class Pattern:
    id: str
    regex: re.Pattern
    text: str  # reason or message
    replace: str = ""


@lru_cache(maxsize=1)
def residue_phrases() -> tuple[Pattern, ...]:
    data = _plain(load_validated(SCHEMA_DIR / "residue.yaml", "residue.schema.json"))
    return tuple(Pattern(p["id"], re.compile(p["pattern"], re.I | re.M), p["reason"]) for p in data["phrases"])


@lru_cache(maxsize=1)
def typography() -> tuple[Pattern, ...]:
    return tuple(Pattern(p["id"], re.compile(p["pattern"]), p["message"], p["replace"])
                 for p in style()["typography"])
