"""Finding and loading leaflets: the input side of every command."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.diagnostic import Diagnostic
from pipeline.ingest import IngestError, load_document
from pipeline.ingest.document import Document
from pipeline.lint.config import Config
from pipeline.paths import LEAFLET_SUFFIXES
from pipeline.yamlio import DataFileError, load_validated

SIDECAR_SUFFIX = ".meta.yaml"


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    # leaflet id -> list of facts (pipeline.facts.model.Fact), filled by the facts stage
    facts: dict[str, list] = field(default_factory=dict)
    # problems found while loading, each already carrying its rule ID (ingest.unreadable, ...)
    problems: list[Diagnostic] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}


def leaflet_id(path: Path) -> str:
    return path.stem


def collect_paths(paths: list[Path], config: Config) -> tuple[list[Path], list[Diagnostic]]:
    """Leaflet files under ``paths`` (files or folders), sorted, with problems for bad paths."""
    found: list[Path] = []
    problems: list[Diagnostic] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in LEAFLET_SUFFIXES and not any(
                    part.startswith(".") for part in f.relative_to(p).parts
                ):
                    found.append(f)
        elif p.is_file():
            if p.suffix.lower() in LEAFLET_SUFFIXES:
                found.append(p)
            else:
                problems.append(_problem(p, f"unsupported file type '{p.suffix or '(none)'}'; "
                                         f"leaflint reads {', '.join(LEAFLET_SUFFIXES)}"))
        else:
            problems.append(_problem(p, "no such file or folder"))
    found = [f for f in found if not config.excluded(f)]
    # stable, de-duplicated
    seen: set[Path] = set()
    unique = []
    for f in found:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, problems


def in_shard(leaflet: str, shard: tuple[int, int] | None) -> bool:
    """Deterministic split by leaflet id: shard (k, n) takes ids whose hash mod n is k-1."""
    if shard is None:
        return True
    k, n = shard
    h = int.from_bytes(hashlib.sha256(leaflet.encode("utf-8")).digest()[:8], "big")
    return h % n == k - 1


def _problem(path: Path, message: str, rule: str = "ingest.unreadable", line: int = 1,
             column: int = 1, leaflet: str = "") -> Diagnostic:
    return Diagnostic(path=str(path), line=line, column=column, message=message, rule=rule,
                      leaflet=leaflet or leaflet_id(path), key=message)


def load_sidecar(path: Path) -> tuple[dict, Diagnostic | None]:
    side = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not side.is_file():
        return {}, None
    try:
        data = load_validated(side, "sidecar.schema.json") or {}
        return data, None
    except DataFileError as e:
        return {}, _problem(side, f"sidecar ignored: {e.message}", rule="facts.schema", line=e.line,
                            column=e.column, leaflet=path.stem)


def select_files(paths: list[Path], config: Config,
                 shard: tuple[int, int] | None = None) -> tuple[list[Path], list[Diagnostic]]:
    """The leaflets to read: walked, excluded, sharded, one file per leaflet id."""
    files, problems = collect_paths(paths, config)
    seen: dict[str, Path] = {}
    chosen = []
    for f in files:
        lid = leaflet_id(f)
        if not in_shard(lid, shard):
            continue
        if lid in seen:
            problems.append(_problem(
                f, f"leaflet id '{lid}' is already used by {seen[lid]}; file names (without extension) must be unique"))
            continue
        seen[lid] = f
        chosen.append(f)
    return chosen, problems


def read_leaflet(path: Path, config: Config) -> tuple[Document | None, list[Diagnostic]]:
    """One leaflet with its sidecar; problems name the file and the cause, never raise."""
    problems = []
    meta, problem = load_sidecar(path)
    if problem:
        problems.append(problem)
    try:
        return load_document(path, meta=meta, limits=config.limits), problems
    except IngestError as e:
        problems.append(_problem(path, e.message))
        return None, problems


def load_corpus(paths: list[Path], config: Config, shard: tuple[int, int] | None = None) -> Corpus:
    files, problems = select_files(paths, config, shard)
    corpus = Corpus(problems=problems)
    for f in files:
        doc, found = read_leaflet(f, config)
        corpus.problems.extend(found)
        if doc is not None:
            corpus.documents.append(doc)
            corpus.paths.append(f)
    return corpus
