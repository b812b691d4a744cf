"""Cache keys: what a stored result depends on, as digests.

A result is valid for one leaflet (its path, bytes and sidecar), one configuration, one build of
the code, shared data and engines, and the files of the leaflet's own topic (topics/<topic>/);
every key mixes in all of them, so a stale entry is never read, and editing one topic's catalog
leaves the results of the other topics' leaflets valid.
A file whose size and modification time are those recorded with its digest is not read again.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline import __version__, i18n, tools
from pipeline.facts import topics
from pipeline.lint.config import Config
from pipeline.paths import PACKAGE_DIR, SCHEMA_DIR, SIDECAR_SUFFIX, SOURCES_DIR, sidecar_of
from pipeline.result_store import ResultStore
from pipeline.yamlio import DataFileError, load_yaml

CACHE_FORMAT = 2
SETTLED_NS = 2_000_000_000  # a file changed this recently may change again within one mtime tick
_DATA_SUFFIXES = (".py", ".yaml", ".json", ".txt", ".dic", ".tsv", ".gz", ".po")
# compiled modules, and the benchmark (it measures runs and changes no result)
_NOT_RESULTS = frozenset({"__pycache__", "bench"})


@lru_cache(maxsize=None)
def code_digest() -> str:
    """Everything that changes results besides the leaflet and its topic: code, schemas, shared data."""
    h = hashlib.sha256(f"{__version__}|{CACHE_FORMAT}".encode())
    for root in (PACKAGE_DIR, SCHEMA_DIR):
        for name in _result_files(os.fspath(root)):
            h.update(f"{root.name}/{name}".encode())
            with open(os.path.join(root, name), "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def _result_files(root: str) -> list[str]:
    """The files under ``root`` (relative, with '/') whose suffix is one of _DATA_SUFFIXES, outside
    _NOT_RESULTS, in pathlib's order (by their parts): strings and one os.walk, as this runs on every lint."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _NOT_RESULTS]
        rel = os.path.relpath(folder, root)
        for name in files:
            dot = name.rfind(".")
            if 0 < dot < len(name) - 1 and name[dot:] in _DATA_SUFFIXES and name not in _NOT_RESULTS:
                found.append(name if rel == "." else f"{rel}/{name}")
    return sorted(found, key=lambda n: n.split("/"))


def config_digest(config: Config, rule_ids: list[str] | None, brands: dict) -> str:
    """What a leaflet's per-document result depends on besides the leaflet."""
    h = hashlib.sha256(code_digest().encode())
    h.update(i18n.language().encode())  # messages are made in the run's language
    h.update(repr(sorted((k, sorted(v.items())) for k, v in config.rules.items())).encode())
    h.update(repr(sorted(config.categories.items())).encode())
    h.update(repr(sorted(config.limits.items())).encode())
    h.update(repr(sorted(rule_ids) if rule_ids is not None else None).encode())
    h.update(repr(sorted(brands.items(), key=lambda kv: kv[0])).encode())
    # the project word list is always read, a configured sources/ adds its own
    for wordlists in dict.fromkeys([SOURCES_DIR / "wordlists", config.sources / "wordlists"]):
        if wordlists.is_dir():
            for f in sorted(wordlists.rglob("*")):
                if f.is_file():
                    h.update(f.name.encode())
                    h.update(f.read_bytes())
    # results are only valid for the engines and data that made them (Frog, dictionary, pandoc, ...)
    h.update(tools.fingerprint().encode())
    return h.hexdigest()


def facts_digest(config: Config) -> str:
    """What a leaflet's facts depend on besides the leaflet: code and data, ingest limits."""
    h = hashlib.sha256(code_digest().encode())
    h.update(b"facts|")
    h.update(repr(sorted(config.limits.items())).encode())
    h.update(tools.fingerprint().encode())  # ingest engines (pandoc, poppler) shape the text facts come from
    return h.hexdigest()


def content_digest(path: Path) -> str | None:
    """The leaflet as read: its absolute path, its bytes and its sidecar's."""
    h = hashlib.sha256()
    try:
        h.update(str(path.resolve()).encode())
        h.update(path.read_bytes())
        side = sidecar_of(path)
        if side.is_file():
            h.update(side.read_bytes())
    except OSError:
        return None
    return h.hexdigest()


@dataclass
class _Seen:
    """What one ``content_keys`` call learns once for all its files: folder listings (whether a
    sidecar exists costs no failed system call) and each topic's digest."""

    listing: dict[str, frozenset[str]] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)

    def sidecar(self, path: str) -> str | None:
        """The sidecar of the leaflet at ``path`` when it exists (string operations only: this runs
        for every leaflet of the corpus)."""
        folder, name = os.path.split(path)
        dot = name.rfind(".")
        side = (name[:dot] if 0 < dot < len(name) - 1 else name) + SIDECAR_SUFFIX
        key = folder or "."
        if key not in self.listing:
            try:
                self.listing[key] = frozenset(os.listdir(key))
            except OSError:
                self.listing[key] = frozenset()
        return os.path.join(folder, side) if side in self.listing[key] else None


def _signature(path: str, side: str | None) -> tuple[str, int] | None:
    """Size and modification time of the leaflet and its sidecar, and the newest mtime."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    side_sig, side_mtime = "-", 0
    if side is not None:
        try:
            sst = os.stat(side)
            side_sig, side_mtime = f"{sst.st_size}:{sst.st_mtime_ns}", sst.st_mtime_ns
        except OSError:
            pass
    return f"{st.st_size}:{st.st_mtime_ns}:{side_sig}", max(st.st_mtime_ns, side_mtime)


def topic_digest(path: Path, config: Config | None = None, seen: _Seen | None = None) -> str:
    """The data of the leaflet's topic (its sidecar's ``topic:``, else the default one)."""
    seen = seen or _Seen()
    name = _sidecar_topic(seen.sidecar(os.fspath(path))) or topics.default_name(config)
    if name not in seen.topics:
        found = topics.find(name, config)
        seen.topics[name] = found.digest() if found is not None else f"missing:{name}"
    return seen.topics[name]


def _sidecar_topic(side: str | None) -> str | None:
    if side is None:
        return None
    try:
        text = Path(side).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if "topic" not in text:
        return None
    try:
        meta = load_yaml(side)
    except DataFileError:
        return None  # reported by the leaflet's ingest; its bytes are in the content digest
    return str(meta["topic"]) if isinstance(meta, dict) and meta.get("topic") else None


def content_keys(files: list[Path], base: str, store: ResultStore | None,
                 config: Config | None = None) -> dict[str, str | None]:
    """Each file's key under ``base`` and its topic's data. A file whose size and mtime are those
    recorded with its digest is not read again (as git does), unless it changed within SETTLED_NS
    of being recorded."""
    known = store.signatures([os.path.abspath(f) for f in files]) if store else {}
    now = time.time_ns()
    out: dict[str, str | None] = {}
    fresh = []
    seen = _Seen()
    for f in files:
        name = os.fspath(f)
        side = seen.sidecar(name)
        where, sig = os.path.abspath(name), _signature(name, side)
        rec = known.get(where)
        same = bool(sig and rec and rec[0] == sig[0])
        digest = rec[1] if same else content_digest(f)
        if digest and sig and not same and now - sig[1] > SETTLED_NS:
            fresh.append((where, sig[0], digest))
        out[name] = None if digest is None else _key(base, f"{digest}|{topic_digest(f, config, seen)}")
    if store:
        store.put_signatures(fresh)
    return out


def _key(base: str, content: str) -> str:
    return hashlib.sha256(f"{base}|{content}".encode()).hexdigest()
