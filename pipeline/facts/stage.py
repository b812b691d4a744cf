"""The facts stage: extract every leaflet's facts, apply reviewer pins, write and read fact files.

The CLI calls :func:`extract_corpus` (after loading), :func:`write_fact_files` (``leaflint facts
--out``) and :func:`load_fact_files` (the gather step after sharded runs: the cross-leaflet rules
then run on the facts alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from pipeline.corpus import SIDECAR_SUFFIX, Corpus
from pipeline.facts import topics
from pipeline.facts.catalog import Catalog, FactKind, default_catalog
from pipeline.facts.extract import extract_document
from pipeline.facts.model import Fact
from pipeline.facts.reference import default_registry
from pipeline.i18n import _
from pipeline.ingest.document import Document
from pipeline.problems import Kind, Problem
from pipeline.yamlio import DataFileError, atomic_write, dump_yaml, load_yaml, plain, position, round_trip, validate

FACTS_SCHEMA = "facts.schema.json"
GENERATOR = "leaflint facts (regenerated on every run; pin or waive facts in the leaflet's sidecar)"


def _problem(path: Path | str, message: str, line: int = 1, column: int = 1, leaflet: str = "",
             field: str = "") -> Problem:
    return Problem(kind=Kind.SCHEMA, path=str(path), line=line, column=column, message=message,
                   leaflet=leaflet, key=f"{Path(path).name}|{field}" if field else message)


def load_catalog_checked(problems: list[Problem], topic: topics.Topic | None = None) -> Catalog | None:
    """The topic's catalog (default: the default topic's); a broken one is a facts.schema problem."""
    try:
        return default_catalog(topic.catalog_path if topic else None)
    except DataFileError as e:
        problems.append(_problem(e.path, _("fact catalog unusable, no facts extracted: {cause}").format(cause=e.message),
                                 e.line, e.column, field=e.field))
    except OSError as e:
        problems.append(_problem(topic.catalog_path if topic else "catalog.yaml",
                                 _("fact catalog unusable, no facts extracted: {cause}").format(cause=e.strerror or e)))
    return None


def _check_registry(problems: list[Problem], topic: topics.Topic) -> None:
    try:
        default_registry(topic.reference_path)
    except DataFileError as e:
        problems.append(_problem(e.path, _("reference registry unusable, facts.reference did not run: {cause}").format(
            cause=e.message), e.line, e.column, field=e.field))
    except OSError as e:
        problems.append(_problem(topic.reference_path, _(
            "reference registry unusable, facts.reference did not run: {cause}").format(cause=e.strerror or e)))


def _missing_topic(doc: Document, name: str, config: Any) -> Problem:
    """The problem of a sidecar that names a topic no topic folder has."""
    line, col = position(doc.meta, ["topic"])
    if line == 1:  # the sidecar as read carries no positions: find its line
        line = _key_line(sidecar_path(doc), "topic") or line
    message = _("topic '{name}' not found (known topics: {known}); no facts extracted").format(
        name=name, known=", ".join(topics.known(config)) or "-")
    return _problem(sidecar_path(doc), message, line, col, doc.id, "topic")


def _key_line(path: Path, key: str) -> int | None:
    """The line of a top-level ``key:`` in a YAML file, or None."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None)


def extract_corpus(corpus: Corpus, config: Any = None) -> None:
    """Fill ``corpus.facts[leaflet_id]`` for every document, with its topic's catalog and the
    sidecar pins applied; every fact carries its leaflet's topic.

    A missing topic, a broken catalog, reference registry or pin adds a ``facts.schema`` problem
    to ``corpus.problems`` and the other leaflets go on; extraction never raises for bad input.
    """
    catalogs: dict[str, Catalog | None] = {}
    for doc in corpus.documents:
        name = topics.name_of(doc.meta, config)
        topic = topics.find(name, config)
        if topic is None:
            corpus.problems.append(_missing_topic(doc, name, config))
            continue
        if name not in catalogs:
            catalogs[name] = load_catalog_checked(corpus.problems, topic)
            _check_registry(corpus.problems, topic)
        catalog = catalogs[name]
        if catalog is None:
            continue
        facts = extract_document(doc, catalog)
        facts, problems = apply_pins(doc, facts, catalog)
        for f in facts:
            f.topic = name
        corpus.facts[doc.id] = facts
        corpus.problems.extend(problems)


# ---------------------------------------------------------------------------------------------
# pins


def sidecar_path(doc: Document) -> Path:
    return doc.path.with_name(doc.path.stem + SIDECAR_SUFFIX)


def _pin_value(pin: dict) -> tuple[float | None, float | None] | None:
    v = pin.get("value")
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v), float(v)
    if isinstance(v, (list, tuple)):
        return (None if v[0] is None else float(v[0])), (None if v[1] is None else float(v[1]))
    return (None if v.get("min") is None else float(v["min"])), (None if v.get("max") is None else float(v["max"]))


class Pinned(NamedTuple):
    """Facts with the sidecar's pins applied, and the problems of pins that could not apply."""

    facts: list[Fact]
    problems: list[Problem]


def apply_pins(doc: Document, facts: list[Fact], catalog: Catalog) -> Pinned:
    """Apply the sidecar's ``facts:`` pins to freshly extracted facts.

    A pin selects the facts of its key (on its ``line`` if given) and sets value, text, approx
    or qualifiers, marks them reviewed, or waives them with a reason. ``add: true`` adds the fact
    when extraction did not find it. Pins live in the sidecar, so they survive re-extraction.
    """
    pins = doc.meta.get("facts") or []
    problems: list[Problem] = []
    side = sidecar_path(doc)
    out = list(facts)
    for i, pin in enumerate(pins):
        line, col = position(doc.meta, ["facts", i])
        key = str(pin.get("key", ""))
        kind = catalog.kind(key)
        if kind is None:
            problems.append(_problem(side, f"facts/{i}/key: unknown fact key '{key}' (see {catalog.path})",
                                     line, col, doc.id, f"facts/{i}/key"))
            continue
        targets = [f for f in out if f.key == key and (pin.get("line") is None or f.line == pin["line"])]
        if not targets and pin.get("add") and (pin.get("value") is not None or pin.get("text")):
            targets = [_added_fact(doc, kind, pin)]
            out.extend(targets)
        if not targets:
            where = f" on line {pin['line']}" if pin.get("line") else ""
            problems.append(_problem(side, f"facts/{i}: pin for {key}{where} matches no extracted fact "
                                           f"(use add: true with a value to add it)", line, col, doc.id, f"facts/{i}"))
            continue
        value = _pin_value(pin)
        for f in targets:
            _pin(f, pin, value)
    out.sort(key=lambda f: (f.line, f.column))
    return Pinned(out, problems)


def _added_fact(doc: Document, kind: FactKind, pin: dict) -> Fact:
    """A fact the extractor did not find, added by a pin with ``add: true`` (on its line, or line 1)."""
    line = int(pin.get("line") or 1)
    return Fact(key=kind.key, unit=kind.unit, line=line, column=1, leaflet=doc.id, path=str(doc.path),
                leaflet_region=doc.region, quote=doc.line_text(line).strip() if doc.line_based else "")


def _pin(f: Fact, pin: dict, value: tuple[float | None, float | None] | None) -> None:
    """Set what ``pin`` states on fact ``f``, keeping the extracted value as ``original``."""
    if value is not None:
        if f.original is None and (f.min, f.max) != value:
            f.original = {"min": f.min, "max": f.max, "unit": f.unit}
        f.min, f.max, f.text = value[0], value[1], None
        f.pinned = True
    if pin.get("text"):
        if f.original is None and f.text is not None and f.text != str(pin["text"]):
            f.original = {"text": f.text, "unit": f.unit}
        f.text, f.min, f.max, f.pinned = str(pin["text"]), None, None, True
    if "approx" in pin:
        f.approx, f.pinned = bool(pin["approx"]), True
    for qk, qv in dict(pin.get("qualifiers") or {}).items():
        if qv is None:
            f.qualifiers.pop(str(qk), None)
        else:
            f.qualifiers[str(qk)] = qv
        f.pinned = True
    if pin.get("reviewed") or pin.get("reviewer"):
        f.reviewed = True
        f.reviewer = str(pin["reviewer"]) if pin.get("reviewer") else f.reviewer
    if pin.get("waive"):
        f.waived = str(pin["waive"])
    if f.pinned or f.reviewed:
        f.confident = True  # a reviewer looked at it: no longer "te controleren"


def pin_fact(sidecar: Path, pin: dict) -> None:
    """Add or replace a pin in ``sidecar`` (same key and line), keeping its comments and order.

    Raises DataFileError when the sidecar is broken or the result would not be valid.
    """
    y = round_trip()
    data = load_yaml(sidecar, rt=True) if sidecar.is_file() else None
    if data is None:
        data = y.load("{}\n")
    pins = data.get("facts")
    if pins is None:
        data["facts"] = pins = y.load("[]\n")
    for i, old in enumerate(pins):
        if old.get("key") == pin.get("key") and old.get("line") == pin.get("line"):
            for k in list(old.keys()):
                if k not in pin:
                    del old[k]
            for k, v in pin.items():
                old[k] = v
            break
    else:
        pins.append(pin)
    validate(data, "sidecar.schema.json", sidecar)
    atomic_write(sidecar, dump_yaml(data))


# ---------------------------------------------------------------------------------------------
# fact files


def fact_file_data(leaflet: str, path: str, region: str, facts: list[Fact], topic: str = "") -> dict:
    entries = []
    for f in facts:
        d = f.to_json()
        d.pop("path")
        d.pop("leaflet")
        entries.append(d)
    head = {"leaflet": leaflet, "path": path, "region": region}
    if topic:
        head["topic"] = topic
    return {**head, "generator": GENERATOR, "facts": entries}


def write_fact_files(corpus: Corpus, out_dir: Path, prune: bool = False) -> list[Path]:
    """Write ``out_dir/<id>.yaml`` for every leaflet with facts extracted; returns the paths.

    Each file is validated against schema/facts.schema.json before it is written atomically.
    With ``prune``, fact files in ``out_dir`` of leaflets not in the corpus are removed (only
    files leaflint wrote: a ``generator`` starting with "leaflint facts" and a ``leaflet`` field),
    so that ``gather`` does not report on deleted leaflets. Call it with prune=True only when the
    run covers the whole sources folder.
    """
    out_dir = Path(out_dir)
    written = []
    docs = corpus.by_id()
    for lid in sorted(corpus.facts):
        facts = corpus.facts[lid]
        doc = docs.get(lid)
        path = str(doc.path) if doc else (facts[0].path if facts else "")
        region = doc.region if doc else (facts[0].leaflet_region if facts else "NL")
        topic = facts[0].topic if facts else str(((doc.meta if doc else None) or {}).get("topic") or "")
        data = fact_file_data(lid, path, region, facts, topic)
        target = out_dir / f"{lid}.yaml"
        validate(data, FACTS_SCHEMA, target)
        atomic_write(target, dump_yaml(data))
        written.append(target)
    if prune:
        prune_fact_files(out_dir, {d.id for d in corpus.documents} | set(corpus.facts))
    return written


def prune_fact_files(out_dir: Path, keep: set[str]) -> list[Path]:
    """Remove leaflint fact files in ``out_dir`` whose leaflet is not in ``keep``; returns them.

    Other YAML files (not written by leaflint, or unreadable) are left alone.
    """
    removed = []
    for p in sorted(Path(out_dir).glob("*.yaml")):
        if p.stem in keep:
            continue
        try:
            data = load_yaml(p)
        except (DataFileError, OSError):
            continue
        if (isinstance(data, dict) and str(data.get("generator", "")).startswith("leaflint facts")
                and "leaflet" in data and "facts" in data and str(data["leaflet"]) not in keep):
            try:
                p.unlink()
            except OSError:
                continue
            removed.append(p)
    return removed


def load_fact_file(path: Path) -> tuple[str, list[Fact]]:
    """One fact file -> (leaflet id, facts); raises DataFileError naming the failing field."""
    data = load_yaml(path, rt=True)
    validate(data, FACTS_SCHEMA, path)
    lid = str(data["leaflet"])
    region = str(data.get("region") or "NL")
    topic = str(data.get("topic") or "")  # older fact files: the default topic
    facts = []
    for entry in data["facts"]:
        d = dict(entry)
        d["leaflet"], d["path"] = lid, str(data.get("path") or "")
        fact = Fact.from_json(plain(d), leaflet_region=region)
        fact.topic = topic
        facts.append(fact)
    return lid, facts


def load_fact_files(dir: Path) -> tuple[dict[str, list[Fact]], list[Problem]]:
    """Read every ``*.yaml`` fact file in ``dir``: (leaflet id -> facts, facts.schema problems)."""
    facts: dict[str, list[Fact]] = {}
    problems: list[Problem] = []
    d = Path(dir)
    if not d.is_dir():
        return facts, [_problem(d, "fact file folder not found")]
    for p in sorted(d.glob("*.yaml")):
        try:
            lid, fs = load_fact_file(p)
        except DataFileError as e:
            problems.append(_problem(p, f"fact file ignored: {e.message}", e.line, e.column, p.stem, e.field))
            continue
        if lid in facts:
            problems.append(_problem(p, f"fact file ignored: leaflet '{lid}' already read from another file", leaflet=lid,
                                     field="leaflet"))
            continue
        facts[lid] = fs
    return facts, problems
