"""One long-lived Frog process per run: part-of-speech tags, lemmas and morphology for Dutch.

Frog starts in about 1.5 s and then tags about a thousand sentences per second, so a run starts it
once (``ctx.service("frog", ...)``) and sends each document's sentences in one batch, one
sentence per line (``-n``), followed by a sentinel sentence that marks the end of the batch's
output. A writer thread feeds stdin while the caller reads stdout, so large batches cannot
deadlock on full pipes. Frog may split a line into more sentences or join words (multi-word
units), so tokens are aligned back to the input by their characters, not by counting lines.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import select
import sqlite3
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from pipeline import tools
from pipeline.i18n import _

SENTINEL = "Zzleaflintzz"
# one thread: Frog's default of 8 OpenMP threads spins on a busy 2-core machine and triples its CPU time
DEFAULT_CMD = ("frog", "--skip=mnpca", "--threads=1", "-n")


_BLANKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " ", "\u2028": " ", "\u2029": " "})


class TagStore:
    """Frog's answers kept on disk (SQLite), per sentence and Frog command line.

    Editing one leaflet of a thousand then costs no Frog start when its suspect sentences were
    tagged before; worker processes share the store (WAL mode allows concurrent readers and a
    writer). Any failure of the store only means Frog is asked again.
    """

    def __init__(self, path: Path, command: str):
        self.command = command
        self.db = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path), timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS tags (key TEXT PRIMARY KEY, tokens BLOB)")
        except (sqlite3.Error, OSError):
            self.db = None

    def _key(self, sentence: str) -> str:
        return hashlib.sha256(f"{self.command}\n{sentence}".encode("utf-8")).hexdigest()

    def get_many(self, sentences: list[str]) -> dict[str, list["FrogToken"]]:
        if self.db is None:
            return {}
        keys = {self._key(s): s for s in sentences}
        out: dict[str, list[FrogToken]] = {}
        try:
            items = list(keys.items())
            for i in range(0, len(items), 500):
                chunk = [k for k, _ in items[i : i + 500]]
                marks = ",".join("?" * len(chunk))
                for key, blob in self.db.execute(f"SELECT key, tokens FROM tags WHERE key IN ({marks})", chunk):
                    out[keys[key]] = pickle.loads(blob)
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            return {}
        return out

    def put_many(self, pairs) -> None:
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO tags (key, tokens) VALUES (?, ?)",
                    [(self._key(s), pickle.dumps(t, protocol=pickle.HIGHEST_PROTOCOL)) for s, t in pairs],
                )
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None


class FrogError(Exception):
    """Frog is missing, died, or answered with something that cannot be read."""


@dataclass(frozen=True)
class FrogToken:
    word: str
    lemma: str
    tag: str  # CGN tag, e.g. WW(pv,tgw,ev)
    start: int  # offset in the sentence sent
    end: int

    @property
    def pos(self) -> str:
        return self.tag.split("(", 1)[0]

    @property
    def features(self) -> tuple[str, ...]:
        inner = self.tag[self.tag.find("(") + 1 : -1] if "(" in self.tag else ""
        return tuple(f for f in inner.split(",") if f)

    def has(self, *features: str) -> bool:
        fs = self.features
        return all(f in fs for f in features)


def available(cmd: str = "frog") -> bool:
    return shutil.which(cmd) is not None


# Frog's start-up banner on stderr; what is left is its own account of a failure
_BANNER = ("frog ", "CLST ", "ILK ", "based on [", "removing old debug files", "find: ", "frog-:config read",
           "frog-:configuration version", "ucto: textcat", "frog-mblem-:Init", "frog-tagger-tagger-:reading")


def stderr_summary(text: str, lines: int = 4) -> str:
    """The last lines of Frog's stderr that are not its start-up banner, joined on one line."""
    kept = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith(_BANNER)]
    return " | ".join(kept[-lines:])


# -- Frog processes kept between runs of one long-lived Python process -----------------------------
# A run starts Frog once and stops it at its end. A process that runs many runs one after the other
# (the test suite, the benchmarks over real pages) would start Frog for each: about 2 s every time,
# for answers that do not depend on the run. With ``keep_between_runs(True)`` a Frog that closes in
# good order leaves its process here, and the next Frog of the same command line and executable takes
# it; each run still has its own cache, tag store and counters. Only the process that started a Frog
# takes it again (a forked worker holds a copy of this table, not the right to the pipes).
_kept: dict[tuple, list[tuple[int, subprocess.Popen, tempfile.TemporaryDirectory]]] = {}
_keeping = False


def keep_between_runs(on: bool) -> None:
    """Keep Frog processes between runs of this Python process (off: each run stops its own)."""
    global _keeping
    _keeping = on
    if not on:
        stop_kept()


def stop_kept() -> None:
    """Stop the kept Frog processes that this process started."""
    for key in list(_kept):
        for owner, proc, workdir in _kept.pop(key):
            if owner == os.getpid():
                _terminate(proc)
                workdir.cleanup()


def _kept_key(cmd: tuple[str, ...]) -> tuple:
    exe = shutil.which(cmd[0]) or cmd[0]
    try:
        return (cmd, exe, os.stat(exe).st_mtime_ns)
    except OSError:
        return (cmd, exe, None)


def _take_kept(cmd: tuple[str, ...]):
    for owner, proc, workdir in _kept.pop(_kept_key(cmd), []):
        if owner == os.getpid() and proc.poll() is None:
            return proc, workdir
    return None


def _terminate(p: subprocess.Popen) -> None:
    # Every answer has been read by now; Frog takes over a second to exit on its own, so stop it.
    try:
        p.stdin.close()
    except OSError:
        pass
    p.terminate()
    try:
        p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    p.stdout.close()


atexit.register(stop_kept)


class Frog:
    """A running Frog; ``tag(sentences)`` returns one token list per sentence (cached per sentence).

    Frog runs in a private temporary folder (it writes ``frog.<id>.debug`` files and deletes old
    ones in its working directory) with its stderr in a file there, so that a failure can be told
    in Frog's own words. A Frog that dies before its first answer is not started again.
    """

    def __init__(self, cmd: tuple[str, ...] = DEFAULT_CMD, timeout: float = 120.0, store: Path | None = None):
        if not available(cmd[0]):
            raise FrogError(_("'{command}' is not installed").format(command=cmd[0]))
        self.cmd = cmd
        self.timeout = timeout
        self.cache: dict[str, list[FrogToken]] = {}
        # tags are kept per command line and per installed Frog and data: an upgrade asks Frog again
        self.store = TagStore(store, " ".join(cmd) + "|" + tools.stamp("frog", cmd[0])) if store is not None else None
        self.sentences_tagged = 0
        self.seconds = 0.0
        self._proc: subprocess.Popen | None = None
        self._pending = b""
        self._workdir: tempfile.TemporaryDirectory | None = None
        self._answered = False
        self._busy = False  # a batch was sent and its answer not read to the end (a watchdog stopped it)
        self._broken: FrogError | None = None

    def _start(self) -> subprocess.Popen:
        if self._broken is not None:
            raise self._broken
        if self._proc is None or self._proc.poll() is not None:
            self._stop()
            kept = _take_kept(self.cmd) if _keeping else None
            if kept is not None:
                self._proc, self._workdir = kept
                self._pending, self._answered = b"", True
                return self._proc
            self._workdir = tempfile.TemporaryDirectory(prefix="leaflint-frog-")
            with open(Path(self._workdir.name) / "stderr", "wb") as err:
                self._proc = subprocess.Popen(
                    list(self.cmd), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                    bufsize=0, cwd=self._workdir.name,
                )
            self._pending = b""
            self._answered = False
        return self._proc

    def _died(self) -> FrogError:
        """Frog closed its output: its exit status and its own last words."""
        proc, code = self._proc, None
        if proc is not None:
            try:
                code = proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
        said = ""
        if self._workdir is not None:
            try:
                said = stderr_summary((Path(self._workdir.name) / "stderr").read_text("utf-8", "replace"))
            except OSError:
                pass
        status = _("exit status {code}").format(code=code) if code is not None else _("no exit status")
        error = FrogError(_("frog stopped unexpectedly ({status})").format(status=status) + (f": {said}" if said else ""))
        if not self._answered:
            self._broken = error  # it cannot start: asking again would only cost another start
        self._stop()
        return error

    def _lines(self, proc: subprocess.Popen):
        """Output lines, read from the raw pipe: select() on a buffered reader would wait for data
        that already sits in Python's buffer, so the buffer here is our own."""
        fd = proc.stdout.fileno()
        while True:
            while b"\n" in self._pending:
                line, self._pending = self._pending.split(b"\n", 1)
                yield line.decode("utf-8", errors="replace")
            ready, _, _ = select.select([fd], [], [], self.timeout)
            if not ready:
                self._stop()
                raise FrogError(_("frog did not answer within {seconds} s").format(seconds=f"{self.timeout:.0f}"))
            chunk = os.read(fd, 65536)
            if not chunk:
                raise self._died()
            self._answered = True
            self._pending += chunk

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        p = self._proc
        if _keeping and p is not None and p.poll() is None and not self._pending and self._answered \
                and not self._busy:
            _kept.setdefault(_kept_key(self.cmd), []).append((os.getpid(), p, self._workdir))
            self._proc = self._workdir = None
        self._stop()

    def _stop(self) -> None:
        p, self._proc = self._proc, None
        if p is not None:
            _terminate(p)
        workdir, self._workdir = self._workdir, None
        if workdir is not None:
            workdir.cleanup()

    def tag(self, sentences: list[str]) -> list[list[FrogToken]]:
        import time

        # same length as the input, so token offsets stay offsets into the caller's text
        clean = [s.translate(_BLANKS) if s.strip() else "" for s in sentences]
        todo = list(dict.fromkeys(s for s in clean if s and s not in self.cache))
        if todo and self.store is not None:
            found = self.store.get_many(todo)
            self.cache.update(found)
            todo = [s for s in todo if s not in found]
        if todo:
            t0 = time.perf_counter()
            tagged = self._run(todo)
            for s, toks in zip(todo, tagged):
                self.cache[s] = toks
            if self.store is not None:
                self.store.put_many(zip(todo, tagged))
            self.seconds += time.perf_counter() - t0
            self.sentences_tagged += len(todo)
        return [self.cache.get(s, []) if s else [] for s in clean]

    def _run(self, sentences: list[str]) -> list[list[FrogToken]]:
        proc = self._start()
        payload = ("".join(s.replace(SENTINEL, "") + "\n" for s in sentences) + SENTINEL + "\n").encode("utf-8")

        def feed():
            try:
                proc.stdin.write(payload)
                proc.stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass

        writer = threading.Thread(target=feed, daemon=True)
        self._busy = True
        writer.start()
        rows: list[tuple[str, str, str]] = []
        lines = self._lines(proc)
        for line in lines:
            cols = line.rstrip("\r").split("\t")
            if len(cols) < 5:
                continue  # the blank line between sentences
            if cols[1] == SENTINEL:
                break
            rows.append((cols[1], cols[2], cols[4]))
        # the sentinel sentence ends with a blank line too; leave nothing behind for the next batch
        next(lines, None)
        writer.join()
        self._busy = False
        return _align(sentences, rows)


def _align(sentences: list[str], rows: list[tuple[str, str, str]]) -> list[list[FrogToken]]:
    """Give each token its sentence and offsets by walking the non-space characters of the input."""
    chars: list[tuple[int, int]] = []  # (sentence index, offset) of every non-space input character
    for i, s in enumerate(sentences):
        chars.extend((i, k) for k, c in enumerate(s) if not c.isspace())
    out: list[list[FrogToken]] = [[] for _ in sentences]
    pos = 0
    for word, lemma, tag in rows:
        n = len(word.replace("_", "").replace(" ", ""))
        if pos >= len(chars):
            break
        si, start = chars[pos]
        last = min(pos + n, len(chars)) - 1
        li, end = chars[last]
        if li != si:
            end = len(sentences[si]) - 1
        out[si].append(FrogToken(word, lemma, tag, start, end + 1))
        pos += n
    return out
