"""Finding and loading leaflets: the input side of every command."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from pipeline.i18n import _
from pipeline.ingest import IngestError, load_document
from pipeline.ingest.document import Document
from pipeline.paths import LEAFLET_SUFFIXES, SIDECAR_SUFFIX
from pipeline.problems import Kind, Problem
from pipeline.yamlio import DataFileError, load_validated



class Settings(Protocol):
    """What reading leaflets takes from the project's configuration (``pipeline.lint.config.Config``
    has all of it; this module does not import the lint layer above it)."""

    sources: Path
    waivers: Path | None
    limits: dict[str, int]
    follow_symlinks: bool

    def outside(self, path: Path, *extra: Path) -> bool: ...

    def excluded(self, path: Path) -> bool: ...


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    # leaflet id -> list of facts (pipeline.facts.model.Fact), filled by the facts stage
    facts: dict[str, list] = field(default_factory=dict)
    # files the loaders could not use, as data; the rule that owns each kind reports them
    problems: list[Problem] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    # the leaflets whose findings are wanted (a changed-files run): rules that look at one leaflet's
    # facts at a time skip the others; None is every leaflet
    focus: set[str] | None = None
    # with ``focus``: the other leaflets as summaries per comparison group (pipeline.facts.others.Others);
    # their ids are in ``facts`` with no facts, and the cross-leaflet rules compare with the summaries
    others: object | None = None

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def focused(self) -> list[str]:
        """Leaflet ids with facts, sorted, limited to ``focus`` when it is set."""
        return sorted(lid for lid in self.facts if self.focus is None or lid in self.focus)


def leaflet_id(path: Path) -> str:
    return path.stem


def collect_paths(paths: list[Path], config: Settings) -> tuple[list[Path], list[Problem]]:
    """Leaflet files under ``paths`` (files or folders), sorted, with problems for bad paths.

    A file that is a symbolic link out of the given folders and the project is not read but
    reported (``ingest.outside-link``), unless ``config.follow_symlinks``.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    plain: set[Path] = set()  # files found with no symbolic link on their way
    for p in paths:
        if p.is_dir():
            found.extend(_walk(p, config.follow_symlinks, plain))
        elif p.is_file():
            if p.suffix.lower() in LEAFLET_SUFFIXES:
                found.append(p)
            else:
                problems.append(_problem(p, _("unsupported file type '{suffix}'; leaflint reads {kinds}").format(
                    suffix=p.suffix or _("(none)"), kinds=", ".join(LEAFLET_SUFFIXES))))
        else:
            problems.append(_problem(p, _("no such file or folder")))
    found = [f for f in found if not config.excluded(f)]
    given = [p if p.is_dir() else p.parent for p in paths]
    # a file without a link on its way is where it seems: not outside, and its own real path
    refused = [f for f in found if f not in plain and config.outside(f, *given)]
    problems.extend(outside_link(f) for f in refused)
    # stable, de-duplicated
    seen: set[Path] = set(refused)
    unique = []
    for f in found:
        r = _absolute(f) if f in plain else f.resolve()
        if f not in seen and r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, problems


def _walk(folder: Path, follow: bool, plain: set[Path]) -> list[Path]:
    """Leaflet files under ``folder``, hidden ones left out; linked folders only when ``follow``
    (each real folder once, so a link loop ends). One ``os.scandir`` per folder; the files reached
    without any symbolic link on the way are added to ``plain``."""
    out: list[Path] = []
    visited: set[str] = set()
    top = os.fspath(folder)
    stack = [(top, os.path.realpath(top) == os.path.abspath(top))]
    while stack:
        root, clean = stack.pop()
        real = os.path.realpath(root)
        if real in visited:
            continue
        visited.add(real)
        try:
            with os.scandir(root) as it:
                entries = list(it)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        folders = []
        for e in entries:
            if e.name.startswith("."):
                continue
            if _is_dir(e):
                if follow or not e.is_symlink():
                    folders.append((e.name, e.path, clean and not e.is_symlink()))
                continue
            f = Path(e.path)
            if f.suffix.lower() in LEAFLET_SUFFIXES and e.is_file():
                out.append(f)
                if clean and not e.is_symlink():
                    plain.add(f)
        # depth first in name order, as os.walk: with links followed, the first way to a folder is kept
        stack.extend((path, ok) for _name, path, ok in sorted(folders, reverse=True))
    return sorted(out)


def _absolute(f: Path) -> Path:
    a = os.path.abspath(f)
    return f if a == str(f) else Path(a)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def outside_link(path: Path, what: str = "") -> Problem:
    """The problem of a file that is not read because it links out of the project."""
    message = _("symbolic link to a place outside the given folders and the project: not read "
                "(leaflint --follow-symlinks reads it)")
    return _problem(path, f"{what}: {message}" if what else message, kind=Kind.OUTSIDE_LINK)


def link_problems(config: Settings) -> list[Problem]:
    """Word lists and the waivers file that link out of the project (they are not read)."""
    from pipeline.language.wordlists import list_files

    files = [f for f in list_files(config.sources) if f.is_file()]
    if config.waivers is not None and Path(config.waivers).is_file():
        files.append(Path(config.waivers))
    return [outside_link(f) for f in files if config.outside(f)]


def in_shard(leaflet: str, shard: tuple[int, int] | None) -> bool:
    """Deterministic split by leaflet id: shard (k, n) takes ids whose hash mod n is k-1."""
    if shard is None:
        return True
    k, n = shard
    h = int.from_bytes(hashlib.sha256(leaflet.encode("utf-8")).digest()[:8], "big")
    return h % n == k - 1


def _problem(path: Path, message: str, kind: Kind = Kind.UNREADABLE, line: int = 1,
             column: int = 1, leaflet: str = "") -> Problem:
    return Problem(kind=kind, path=str(path), line=line, column=column, message=message,
                   leaflet=leaflet or leaflet_id(path), key=message)


def load_sidecar(path: Path, config: Settings | None = None) -> tuple[dict, Problem | None]:
    side = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not side.is_file():
        return {}, None
    if config is not None and config.outside(side, path.parent):
        return {}, replace(outside_link(side), leaflet=path.stem)
    try:
        data = load_validated(side, "sidecar.schema.json") or {}
        return data, None
    except DataFileError as e:
        return {}, _problem(side, _("sidecar ignored: {cause}").format(cause=e.message), kind=Kind.SCHEMA, line=e.line,
                            column=e.column, leaflet=path.stem)


def select_files(paths: list[Path], config: Settings,
                 shard: tuple[int, int] | None = None) -> tuple[list[Path], list[Problem]]:
    """The leaflets to read: walked, excluded, sharded, one file per leaflet id."""
    files, problems = collect_paths(paths, config)
    problems.extend(link_problems(config))
    seen: dict[str, Path] = {}
    chosen = []
    for f in files:
        lid = leaflet_id(f)
        if not in_shard(lid, shard):
            continue
        if lid in seen:
            problems.append(_problem(f, _(
                "leaflet id '{id}' is already used by {other}; file names (without extension) must be unique").format(
                id=lid, other=seen[lid])))
            continue
        seen[lid] = f
        chosen.append(f)
    return chosen, problems


def read_leaflet(path: Path, config: Settings) -> tuple[Document | None, list[Problem]]:
    """One leaflet with its sidecar; problems name the file and the cause, never raise."""
    problems = []
    meta, problem = load_sidecar(path, config)
    if problem:
        problems.append(problem)
    try:
        return load_document(path, meta=meta, limits=config.limits), problems
    except IngestError as e:
        problems.append(_problem(path, e.message))
        return None, problems


def load_corpus(paths: list[Path], config: Settings, shard: tuple[int, int] | None = None) -> Corpus:
    files, problems = select_files(paths, config, shard)
    corpus = Corpus(problems=problems)
    for f in files:
        doc, found = read_leaflet(f, config)
        corpus.problems.extend(found)
        if doc is not None:
            corpus.documents.append(doc)
            corpus.paths.append(f)
    return corpus
