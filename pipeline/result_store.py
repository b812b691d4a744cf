"""The result store: per-leaflet results of earlier runs in one SQLite file, keyed by content.

One file (``output/.cache/results.sqlite``) instead of a pickle per leaflet: a warm run reads
every result with one query, and a run that needs only the facts of the other leaflets (a changed
leaflet compared with the corpus, the language server) reads just those, from their own table.
Keys are digests of the leaflet's bytes (and its sidecar), its path and everything else that
changes a result (code, data, configuration, engines), so a stale entry is never read; entries
nobody asks for any more are pruned when the store grows well past the corpus.
A store that cannot be opened or written only costs time: the run goes on without it.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import time
from pathlib import Path
from typing import Callable

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, used REAL, result BLOB);
-- facts: pickled per part (``put_facts``' label of a fact: its kind, or its kind and comparison group)
-- sides: per comparison group a line 'part<TAB>side' (pipeline.facts.others.side), what a run
-- comparing other leaflets with this one reads instead of its facts
CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, used REAL, leaflet TEXT, parts TEXT, facts BLOB,
                                  sides TEXT);
CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, signature TEXT, digest TEXT);  -- key: the path
CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, used REAL, answer BLOB);
"""
FORMAT = 6  # a store written with another layout is set aside, never misread
_ERRORS = (sqlite3.Error, OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError,
           ValueError)
_CHUNK = 900  # SQLite's limit on host parameters in one statement is 999 on old builds


class ResultStore:
    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self.broken = False

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None and not self.broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                    db.executescript("DROP TABLE IF EXISTS results; DROP TABLE IF EXISTS facts; "
                                     "DROP TABLE IF EXISTS files;")
                    db.execute(f"PRAGMA user_version = {FORMAT}")
                db.executescript(SCHEMA)
                self._db = db
            except _ERRORS:
                self.broken = True
        return self._db

    def _rows(self, table: str, columns: str, keys: list[str]) -> list[tuple]:
        db = self._conn()
        if db is None or not keys:
            return []
        rows: list[tuple] = []
        try:
            for i in range(0, len(keys), _CHUNK):
                part = keys[i : i + _CHUNK]
                marks = ",".join("?" * len(part))
                rows += db.execute(f"SELECT key, {columns} FROM {table} WHERE key IN ({marks})", part).fetchall()
        except _ERRORS:
            return []
        return rows

    def results(self, keys: list[str]) -> dict[str, object]:
        """Stored per-document results by key (missing and unreadable ones are left out)."""
        out = self._unpickled("results", "result", keys)
        self._touch("results", list(out))
        return out

    def _unpickled(self, table: str, column: str, keys: list[str]) -> dict[str, object]:
        out = {}
        for key, blob in self._rows(table, column, keys):
            try:
                out[key] = pickle.loads(blob)
            except _ERRORS:
                continue
        return out

    def facts(self, keys: list[str], parts: set[str] | None = None) -> dict[str, tuple[str, list]]:
        """Stored facts by key: (leaflet id, facts), only those of the ``parts`` (labels given to
        ``put_facts``) when given. Each part is pickled apart, so only those asked for are unpickled."""
        out = {}
        for key, leaflet, stored_parts, blob in self._rows("facts", "leaflet, parts, facts", keys):
            if parts is not None and not parts.intersection(stored_parts.split()):
                out[key] = (leaflet, [])
                continue
            try:
                per_part = pickle.loads(blob)
                placed = [p for label, part in per_part.items() if parts is None or label in parts
                          for p in pickle.loads(part)]
            except _ERRORS:
                continue
            out[key] = (leaflet, [f for _i, f in sorted(placed, key=lambda p: p[0])])
        self._touch("facts", list(out))
        return out

    def sides(self, keys: list[str]) -> dict[str, tuple[str, str]]:
        """Stored sides by key: (leaflet id, lines 'part<TAB>side'); entries stored without sides are left out."""
        rows = self._rows("facts", "leaflet, sides", keys)
        return {key: (leaflet, sides) for key, leaflet, sides in rows if sides is not None}

    def signatures(self, paths: list[str]) -> dict[str, tuple[str, str]]:
        """path -> (stat signature, content digest) as recorded when the digest was computed."""
        return {p: (sig, digest) for p, sig, digest in self._rows("files", "signature, digest", paths)}

    def put_signatures(self, rows: list[tuple[str, str, str]]) -> None:
        self._write("INSERT OR REPLACE INTO files (key, signature, digest) VALUES (?, ?, ?)", rows)

    def put_results(self, items: list[tuple[str, object]]) -> None:
        self._write("INSERT OR REPLACE INTO results (key, used, result) VALUES (?, ?, ?)",
                    [(k, time.time(), pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for k, r in items])

    def put_facts(self, items: list[tuple[str, str, list]], label: Callable[[object], str] | None = None,
                  sides: Callable[[list, list[str]], str] | None = None) -> None:
        """(key, leaflet id, facts) kept, each fact in the part ``label(fact)`` names (no spaces;
        default: its kind), so a reader can ask for some parts only; ``sides(facts, labels)`` gives
        the summary lines kept with them."""
        label = label or _kind
        rows = []
        for k, lid, facts in items:
            labels = [label(f) for f in facts]
            rows.append((k, time.time(), lid, " ".join(sorted(set(labels))), _per_part(facts, labels),
                         sides(facts, labels) if sides else None))
        self._write("INSERT OR REPLACE INTO facts (key, used, leaflet, parts, facts, sides) VALUES (?, ?, ?, ?, ?, ?)",
                    rows)

    def answers(self, keys: list[str]) -> dict[str, object]:
        """Kept answers (``Memo``) by key."""
        return self._unpickled("memo", "answer", keys)

    def answer(self, key: str) -> object | None:
        """One kept answer (asked for word by word: one prepared query, no list built)."""
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT answer FROM memo WHERE key = ?", (key,)).fetchone()
            return pickle.loads(row[0]) if row else None
        except _ERRORS:
            return None

    def put_answers(self, items: list[tuple[str, object]]) -> None:
        self._write("INSERT OR REPLACE INTO memo (key, used, answer) VALUES (?, ?, ?)",
                    [(k, time.time(), pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)) for k, a in items])

    def _write(self, sql: str, rows: list[tuple]) -> None:
        db = self._conn()
        if db is None or not rows:
            return
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(sql, rows)
        except _ERRORS:
            pass

    def _touch(self, table: str, keys: list[str]) -> None:
        """Mark entries as used (for pruning), cheaply: only those not marked today."""
        db = self._conn()
        if db is None or not keys:
            return
        now = time.time()
        try:
            with db:
                for i in range(0, len(keys), _CHUNK):
                    part = keys[i : i + _CHUNK]
                    db.execute(f"UPDATE {table} SET used = ? WHERE used < ? AND key IN ({','.join('?' * len(part))})",
                               [now, now - 86400, *part])
        except _ERRORS:
            pass

    def prune(self, keep_per_table: int) -> None:
        """Drop the least recently used entries beyond ``keep_per_table`` (old configs, old texts)."""
        db = self._conn()
        if db is None:
            return
        try:
            with db:
                for table in ("results", "facts", "memo"):
                    (n,) = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
                    if n > keep_per_table:
                        db.execute(f"DELETE FROM {table} WHERE key IN (SELECT key FROM {table} "
                                   f"ORDER BY used LIMIT ?)", (n - keep_per_table,))
        except _ERRORS:
            pass

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


def _kind(fact) -> str:
    return fact.key


def _per_part(facts: list, labels: list[str]) -> bytes:
    """Facts pickled per part, each with its place in the leaflet's list (read back in that order)."""
    parts: dict[str, list] = {}
    for i, (f, label) in enumerate(zip(facts, labels)):
        parts.setdefault(label, []).append((i, f))
    return pickle.dumps({k: pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for k, v in parts.items()},
                        protocol=pickle.HIGHEST_PROTOCOL)


class Memo:
    """The answers of one costly computation (a word's spelling suggestions) kept between runs, each
    under a digest of its question and ``context`` (everything the answer depends on: code, data,
    engines, word lists). New answers are written together when the memo is closed."""

    def __init__(self, path: Path, context: str):
        self.store = ResultStore(path)
        self.context = context
        self.pending: dict[str, object] = {}

    def _key(self, question: str) -> str:
        return hashlib.sha256(f"{self.context}|{question}".encode()).hexdigest()

    def get(self, question: str) -> object | None:
        key = self._key(question)
        if key in self.pending:
            return self.pending[key]
        return self.store.answer(key)

    def put(self, question: str, answer: object) -> None:
        self.pending[self._key(question)] = answer

    def close(self) -> None:
        if self.pending:
            self.store.put_answers(list(self.pending.items()))
            self.pending.clear()
        self.store.close()


class Memos:
    """Where a run keeps answers between runs: a ``Memo`` per kind of answer, in the store at
    ``path``; ``base`` gives the digest of the code, data and engines (asked for once, when needed)."""

    def __init__(self, path: Path, base: Callable[[], str]):
        self.path = path
        self.base = base

    def memo(self, name: str, *parts: str) -> Memo:
        h = hashlib.sha256(f"{self.base()}|{name}".encode())
        for part in parts:
            h.update(b"\0" + part.encode())
        return Memo(self.path, h.hexdigest())
