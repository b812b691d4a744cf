"""A topic's fact catalog (topics/<topic>/catalog.yaml): fact kinds, their cues, qualifiers and units."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline import patterns
from pipeline.i18n import _
from pipeline.yamlio import DataFileError, load_validated, plain, position

SCOPES = ("before", "after", "near", "span", "clause", "sentence", "topic", "context")
# a cue that matches in a narrow scope says more than one that matches somewhere in the paragraph
SCOPE_WEIGHT = {"before": 4, "after": 4, "near": 4, "span": 3.5, "clause": 3, "sentence": 2, "topic": 1.5, "context": 1}


@dataclass(frozen=True)
class Cue:
    scope: str
    rx: re.Pattern
    weak: bool = False  # says little on its own: a fact resting on it is "te controleren"
    why: str = ""  # a doubt cue: the doubt (a name under `doubts`) it stands for
    unless: "Cue | None" = None  # a doubt cue: words in another scope that lift the doubt
    unnamed: str | None = None  # a doubt cue: only for a fact that names no value of this qualifier


@dataclass(frozen=True)
class Unit:
    """A unit the topic's data declares (``units:`` in its catalog): its name is how values are
    shown ("7,8 mmol/l"); ``rx`` matches its words right after a number."""

    name: str
    rx: re.Pattern


@dataclass
class Qualifier:
    name: str
    values: dict[str, re.Pattern] = field(default_factory=dict)
    unit: str | None = None
    before: re.Pattern | None = None
    scope: str = "sentence"
    # without a match in the sentence, a more specific value named in the paragraph wins
    contrast: re.Pattern | None = None
    # the value a fact has when it states none (compared as such: "goed afloopt" is never
    # compared with a risk of loss); values in `incomparable` are never compared at all
    default: str | None = None
    incomparable: frozenset[str] = frozenset()
    # the phrase right after a quantity that says whom it counts ("10 % van alle zwangerschappen"):
    # a value named there wins over the rest of the sentence; `whole` there means the default
    own: re.Pattern | None = None
    whole: re.Pattern | None = None
    # a bracket right after a quantity matching `part` counts only a part of the group ("(1 op de 5
    # als je alleen de vastgestelde zwangerschappen meetelt)"): the quantity counts the `wider` value
    part: re.Pattern | None = None
    wider: str | None = None
    # the quantity's own clause names the default group itself ("na de innesteling"): nothing is
    # borrowed from a sentence an anaphor refers to, whatever group that sentence counts
    base: re.Pattern | None = None
    # values a following sentence that refers back may give ("Daarbij zijn ook ... meegeteld")
    later: tuple[str, ...] = ()
    # the noun right after a share that names what it counts ("één op de vijf zwangerschappen"), and
    # the values the rest of the sentence then cannot give (a woman's lifetime is no pregnancy)
    noun: re.Pattern | None = None
    not_with_noun: tuple[str, ...] = ()
    # for a kind without this qualifier (of unit `elsewhere_unit`): the doubt a quantity gets when
    # its clause names one of `elsewhere_values` (a recurrence risk among an age group)
    elsewhere: str | None = None
    elsewhere_values: tuple[str, ...] = ()
    elsewhere_unit: str | None = None

    def effective(self, stated) -> str | None:
        return self.default if stated is None else str(stated)


@dataclass
class FactKind:
    key: str
    label: str
    unit: str
    severity: str
    mode: str = "interval"
    compare: bool = True
    priority: float = 0
    qualifiers: tuple[str, ...] = ()
    pattern: re.Pattern | None = None
    require: tuple[tuple[Cue, ...], ...] = ()  # every group must match; a group of several is "any of"
    exclude: tuple[Cue, ...] = ()
    doubt: tuple[Cue, ...] = ()  # cues that lower the confidence (another event, population, time)
    plausible: tuple[float, float] | None = None
    typical: tuple[float, float] | None = None  # for a fact that names no group (doubt "atypical")
    examples: list = field(default_factory=list)
    counterexamples: list = field(default_factory=list)
    to_check: list = field(default_factory=list)  # {text, heading?} that may yield it only "te controleren"
    order: int = 0

    @property
    def is_text(self) -> bool:
        return self.unit == "text"


@dataclass
class Catalog:
    path: Path
    kinds: list[FactKind]
    qualifiers: dict[str, Qualifier]
    anaphora: re.Pattern | None
    anaphora_next: re.Pattern | None = None
    condition_next: re.Pattern | None = None
    claim_question: re.Pattern | None = None  # a question that states a claim ("Wist je dat ...?")
    confident_at: float = 0.6
    not_a_value: tuple[Cue, ...] = ()  # a quantity these match is no value of any fact
    doubts: dict[str, float] = field(default_factory=dict)  # doubt -> factor on the confidence
    doubt_cues: tuple[Cue, ...] = ()  # cues that lower the confidence of a fact of any kind
    units: tuple[Unit, ...] = ()  # the topic's own units, besides the built-in ones

    def kind(self, key: str) -> FactKind | None:
        index = self.__dict__.get("_index")  # asked for every fact by the cross-leaflet rules
        return (index if index is not None else self._by_key()).get(key)

    def _by_key(self) -> dict[str, FactKind]:
        if not hasattr(self, "_index"):
            self._index = {k.key: k for k in self.kinds}
        return self._index


# "één" opens a sentence as "Eén" (a capital without its accent), which a case-blind "één" misses
_ONE = re.compile(r"(?<![\w\[])één(?![\w\]])")


def _compile(data, path: Path, where: list, text: str) -> re.Pattern:
    try:
        return patterns.compile(_ONE.sub("(?:één|eén)", text), re.IGNORECASE)
    except re.error as e:
        line, col = position(data, where)
        field_name = "/".join(str(w) for w in where)
        message = _("not a valid regular expression ({error})").format(error=e)
        raise DataFileError(path, f"{field_name}: {message}", line, col, field_name) from None


def default_path() -> Path:
    """The catalog of the built-in default topic (miskraam), for callers that name no topic."""
    from pipeline.facts.topics import CATALOG_FILE, DEFAULT_TOPIC, TOPICS_DIR

    return TOPICS_DIR / DEFAULT_TOPIC / CATALOG_FILE


def load_catalog(path: Path | str | None = None) -> Catalog:
    """Load and validate a catalog; raise DataFileError naming the file and field."""
    p = Path(path) if path is not None else default_path()
    data = load_validated(p, "catalog.schema.json")
    units = _units(data, p)
    _check_units(data, p, {u.name for u in units})
    quals = _load_qualifiers(data, p)
    kinds: list[FactKind] = []
    seen: set[str] = set()
    for i, k in enumerate(data["facts"]):
        key = str(k["key"])
        if key in seen:
            line, col = position(data, ["facts", i, "key"])
            raise DataFileError(p, f"facts/{i}/key: " + _("'{key}' is declared twice").format(key=key), line, col, f"facts/{i}/key")
        seen.add(key)
        kinds.append(_load_kind(data, p, i, quals))

    def optional(name: str) -> re.Pattern | None:
        return _compile(data, p, [name], data[name]) if data.get(name) else None

    doubts = {str(k): float(v) for k, v in (data.get("doubts") or {}).items()}
    doubt_cues = _doubt_cues(data, p, ["doubt_cues"], doubts)
    for i, kind in enumerate(kinds):
        kind.doubt = _doubt_cues(data, p, ["facts", i, "doubt"], doubts)
    return Catalog(path=p, kinds=kinds, qualifiers=quals, anaphora=optional("anaphora"),
                   anaphora_next=optional("anaphora_next"), condition_next=optional("condition_next"),
                   claim_question=optional("claim_question"),
                   confident_at=float(data.get("confident_at", 0.6)),
                   doubts=doubts, doubt_cues=doubt_cues, units=units,
                   not_a_value=tuple(Cue(c["in"], _compile(data, p, ["not_a_value", j, "cue"], c["cue"]))
                                     for j, c in enumerate(data.get("not_a_value") or [])))


def _doubt_cues(data: dict, p: Path, where: list, doubts: dict[str, float]) -> tuple[Cue, ...]:
    """The doubt cues at ``where`` in the catalog; each names a doubt declared under ``doubts``."""
    items = data
    for w in where:
        items = items.get(w) if isinstance(items, dict) else (items[w] if w < len(items) else None)
        if items is None:
            return ()
    out = []
    for j, c in enumerate(items):
        if c["why"] not in doubts:
            line, col = position(data, [*where, j, "why"])
            name = "/".join(str(w) for w in [*where, j, "why"])
            raise DataFileError(p, f"{name}: " + _("unknown doubt '{name}' (declare its factor under doubts)").format(
                name=c["why"]), line, col, name)
        unless = c.get("unless")
        out.append(Cue(c["in"], _compile(data, p, [*where, j, "cue"], c["cue"]), why=str(c["why"]),
                       unless=Cue(unless["in"], _compile(data, p, [*where, j, "unless", "cue"], unless["cue"]))
                       if unless else None, unnamed=c.get("unnamed")))
    return tuple(out)


def _load_qualifiers(data: dict, p: Path) -> dict[str, Qualifier]:
    quals: dict[str, Qualifier] = {}
    for name, q in (data.get("qualifiers") or {}).items():
        qual = Qualifier(name=name, unit=q.get("unit"), scope=str(q.get("scope", "sentence")),
                         default=q.get("default"), incomparable=frozenset(q.get("incomparable") or ()),
                         wider=q.get("wider"), later=tuple(str(v) for v in q.get("later") or ()),
                         not_with_noun=tuple(str(v) for v in (q.get("noun") or {}).get("not") or ()))
        if q.get("noun"):
            qual.noun = _compile(data, p, ["qualifiers", name, "noun", "after"], q["noun"]["after"])
        if q.get("elsewhere"):
            qual.elsewhere = str(q["elsewhere"]["doubt"])
            qual.elsewhere_values = tuple(str(v) for v in q["elsewhere"]["values"])
            qual.elsewhere_unit = q["elsewhere"].get("unit")
        for value, rx in (q.get("values") or {}).items():
            qual.values[str(value)] = _compile(data, p, ["qualifiers", name, "values", value], rx)
        if q.get("before"):
            qual.before = _compile(data, p, ["qualifiers", name, "before"], q["before"])
        for attr in ("contrast", "own", "whole", "part", "base"):
            if q.get(attr):
                setattr(qual, attr, _compile(data, p, ["qualifiers", name, attr], q[attr]))
        for v in (*qual.later, *([qual.wider] if qual.wider else []), *qual.elsewhere_values, *qual.not_with_noun):
            if v not in qual.values:
                line, col = position(data, ["qualifiers", name])
                message = _("unknown value '{value}' (declare it under values)").format(value=v)
                raise DataFileError(p, f"qualifiers/{name}: {message}", line, col, f"qualifiers/{name}")
        quals[name] = qual
    return quals


def _load_kind(data: dict, p: Path, i: int, quals: dict[str, Qualifier]) -> FactKind:
    """The ``i``-th fact kind of the catalog, its cues compiled."""
    k = data["facts"][i]
    for qn in k.get("qualifiers") or []:
        if qn not in quals:
            line, col = position(data, ["facts", i, "qualifiers"])
            message = _("unknown qualifier '{name}' (declare it under qualifiers)").format(name=qn)
            raise DataFileError(p, f"facts/{i}/qualifiers: {message}", line, col, f"facts/{i}/qualifiers")
    require = []
    for j, c in enumerate(k.get("require") or []):
        alternatives = [(a, ["any", m]) for m, a in enumerate(c["any"])] if "any" in c else [(c, [])]
        require.append(tuple(Cue(a["in"], _compile(data, p, ["facts", i, "require", j, *at, "cue"], a["cue"]),
                                 bool(a.get("weak", False))) for a, at in alternatives))
    exclude = tuple(Cue(c["in"], _compile(data, p, ["facts", i, "exclude", j, "cue"], c["cue"]))
                    for j, c in enumerate(k.get("exclude") or []))
    return FactKind(
        key=str(k["key"]), label=str(k["label"]), unit=str(k["unit"]), severity=str(k["severity"]),
        mode=str(k.get("mode", "interval")), compare=bool(k.get("compare", True)),
        priority=float(k.get("priority", 0)), qualifiers=tuple(k.get("qualifiers") or ()),
        pattern=_compile(data, p, ["facts", i, "pattern"], k["pattern"]) if k.get("pattern") else None,
        require=tuple(require), exclude=exclude,
        plausible=(float(k["plausible"][0]), float(k["plausible"][1])) if k.get("plausible") else None,
        typical=(float(k["typical"][0]), float(k["typical"][1])) if k.get("typical") else None,
        examples=[plain(e) for e in k["examples"]], counterexamples=[str(c) for c in k["counterexamples"]],
        to_check=[plain(c) if isinstance(c, dict) else {"text": str(c)} for c in k.get("to_check") or []],
        order=i,
    )


def _units(data, path: Path) -> tuple[Unit, ...]:
    """The catalog's own units: each written as one of its ``words`` right after a number."""
    out = []
    for name, u in (data.get("units") or {}).items():
        words = sorted((str(w) for w in u["words"]), key=len, reverse=True)
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("/", r"\s*/\s*") for w in words)
        out.append(Unit(str(name), _compile(data, path, ["units", name, "words"], rf"\s*(?:{alternatives})(?![\w/])")))
    return tuple(out)


def _check_units(data, path: Path, declared: set[str]) -> None:
    """Every unit a fact kind or qualifier names is built in or declared under ``units``."""
    from pipeline.facts.quantity import UNITS

    known = set(UNITS) | {"text"} | declared
    where = [(["facts", i, "unit"], k.get("unit")) for i, k in enumerate(data.get("facts") or [])]
    where += [(["qualifiers", n, "unit"], q.get("unit")) for n, q in (data.get("qualifiers") or {}).items()]
    for field_path, unit in where:
        if unit is not None and str(unit) not in known:
            line, col = position(data, field_path)
            name = "/".join(str(x) for x in field_path)
            raise DataFileError(path, f"{name}: " + _("unknown unit '{unit}' (built in: {units}; or declare it "
                                                      "under units)").format(unit=unit, units=", ".join(UNITS)),
                                line, col, name)



@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Catalog:
    return load_catalog(Path(path))


def default_catalog(path: Path | str | None = None) -> Catalog:
    """The catalog at ``path`` (default: the default topic one), loaded once per file version."""
    p = Path(path) if path is not None else default_path()
    return _cached(str(p), p.stat().st_mtime)


def catalog_or_none(path: Path | str | None = None) -> Catalog | None:
    """The catalog for the rules, or None when it is broken: the facts stage reports that as
    facts.schema, and the rules fall back to their defaults instead of failing the run."""
    try:
        return default_catalog(path)
    except (DataFileError, OSError):
        return None
