"""Topics: the subject a leaflet is about (miskraam, zwangerschapsdiabetes), each a folder of data.

A topic folder holds ``catalog.yaml`` (its fact kinds and units), ``reference.yaml`` (its accepted
values with citations) and optionally ``words.txt`` (correct words of the subject that the Dutch
dictionary lacks). A leaflet names its topic in its sidecar (``topic:``); without one it has the
project's default (``topic:`` in leaflint.yaml, else ``miskraam``). Topic folders are looked up in
the configured ``topics:`` folder first, then in leaflint's own ``topics/``.

A leaflet's facts are extracted with its topic's catalog and compared only with facts of leaflets
of the same topic and against that topic's reference, so two topics never conflict.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from pipeline.paths import PROJECT_DIR

TOPICS_DIR = PROJECT_DIR / "topics"
DEFAULT_TOPIC = "miskraam"
CATALOG_FILE = "catalog.yaml"
REFERENCE_FILE = "reference.yaml"
WORDS_FILE = "words.txt"


@dataclass(frozen=True)
class Topic:
    name: str
    folder: Path

    @property
    def catalog_path(self) -> Path:
        return self.folder / CATALOG_FILE

    @property
    def reference_path(self) -> Path:
        return self.folder / REFERENCE_FILE

    @property
    def words_path(self) -> Path:
        return self.folder / WORDS_FILE

    def digest(self) -> str:
        """The topic's data as used: every file of the folder, by name and content."""
        return _digest(str(self.folder), _stamp(self.folder))


@dataclass
class TopicFacts:
    """The facts of the leaflets of one topic, with that topic's catalog and reference
    (None when the topic is missing or its file is broken: the facts stage reports that)."""

    name: str
    facts: list
    catalog: Any = None
    registry: Any = None


def _stamp(folder: Path) -> tuple:
    try:
        return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in sorted(folder.iterdir()) if f.is_file())
    except OSError:
        return ()


@lru_cache(maxsize=64)
def _digest(folder: str, stamp: tuple) -> str:
    h = hashlib.sha256(b"topic|")
    for name, _mtime, _size in stamp:
        h.update(name.encode() + b"\0")
        try:
            h.update((Path(folder) / name).read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def default_name(config=None) -> str:
    return str(getattr(config, "topic", None) or DEFAULT_TOPIC)


def folders(config=None) -> tuple[Path, ...]:
    """Where topic folders are looked up: the configured folder, then leaflint's own."""
    configured = getattr(config, "topics", None)
    return tuple(dict.fromkeys(([Path(configured)] if configured else []) + [TOPICS_DIR]))


def find(name: str, config=None) -> Topic | None:
    """The topic folder called ``name``, or None when no topic folder has that name."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    for base in folders(config):
        folder = base / name
        if folder.is_dir():
            return Topic(name, folder)
    return None


def known(config=None) -> list[str]:
    """The names of every topic that can be used."""
    names: set[str] = set()
    for base in folders(config):
        if base.is_dir():
            names |= {d.name for d in base.iterdir() if d.is_dir() and not d.name.startswith((".", "_"))}
    return sorted(names)


def name_of(meta: dict | None, config=None) -> str:
    """The topic a leaflet with sidecar data ``meta`` is about."""
    stated = (meta or {}).get("topic") if isinstance(meta, dict) else None
    return str(stated) if stated else default_name(config)


def catalog_of(name: str, config=None):
    """The topic's catalog, or None when the topic is missing or its catalog is broken."""
    from pipeline.facts.catalog import catalog_or_none

    topic = find(name, config)
    return catalog_or_none(topic.catalog_path) if topic else None


def registry_of(name: str, config=None):
    """The topic's reference registry, or None when the topic is missing or it is broken."""
    from pipeline.facts.reference import registry_or_none

    topic = find(name, config)
    return registry_or_none(topic.reference_path) if topic else None


def fact_topic(fact, config=None) -> str:
    return getattr(fact, "topic", "") or default_name(config)


def by_topic(facts: Iterable, config=None) -> list[TopicFacts]:
    """``facts`` split by the topic of their leaflet, each part with its topic's data, by name."""
    parts: dict[str, list] = {}
    for f in facts:
        parts.setdefault(fact_topic(f, config), []).append(f)
    return [TopicFacts(name, items, catalog_of(name, config), registry_of(name, config))
            for name, items in sorted(parts.items())]


def catalog_for_fact(fact, config=None):
    return catalog_of(fact_topic(fact, config), config)


class AllTopics:
    """Every topic's catalog and reference at once, for views that show facts of several topics
    side by side (the reviewer report, the Word review): each fact finds its own topic's entry,
    a key its label (the default topic first)."""

    def __init__(self, config=None):
        self.config = config
        names = sorted(known(config), key=lambda n: n != default_name(config))
        self.catalogs = {n: catalog_of(n, config) for n in names}
        self.registries = {n: registry_of(n, config) for n in names}

    @property
    def entries(self) -> list:
        return [e for r in self.registries.values() if r is not None for e in r.entries]

    def kind(self, key: str):
        for catalog in self.catalogs.values():
            found = catalog.kind(key) if catalog is not None else None
            if found is not None:
                return found
        return None

    def for_fact(self, fact, region):
        registry = self.registries.get(fact_topic(fact, self.config))
        return registry.for_fact(fact, region) if registry is not None else None
