"""The per-document work (ingest, facts, document-scope rules) for one leaflet at a time, in this
process or in a pool of worker processes, each leaflet under a watchdog.

Each leaflet is independent of the others here, so the work runs in parallel for many leaflets;
a leaflet that takes longer than ``limits.max_seconds_per_leaflet`` is reported and skipped, and so
is a leaflet whose worker process dies under it (killed, out of memory, a crash inside a library):
the run goes on and ends.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import i18n
from pipeline.corpus import Corpus, read_leaflet
from pipeline.diagnostic import Diagnostic
from pipeline.lint.config import Config
from pipeline.lint.engine import Context, enabled_rules, run_document_rules
from pipeline.lint.failure import EngineFailure
from pipeline.problems import Kind, Problem
from pipeline.result_store import Memos

# Below this many leaflets one process is faster than starting workers (each starts its own Frog).
PARALLEL_THRESHOLD = 24


@dataclass
class DocumentResult:
    """What the per-document work yields for one leaflet (kept in the result store)."""

    path: str
    document: object | None = None
    facts: list = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[EngineFailure] = field(default_factory=list)

    @property
    def cacheable(self) -> bool:
        """A result made while a checker could not run is incomplete: it is never stored."""
        return not self.failures


def extract_facts(corpus: Corpus, config: Config) -> None:
    if importlib.util.find_spec("pipeline.facts.stage") is None:
        return
    from pipeline.facts.stage import extract_corpus

    extract_corpus(corpus, config)


_worker: dict = {}


def start_worker(config: Config, brands: dict, rule_ids: list[str] | None, parent: int | None = None,
                 keep: Path | None = None) -> None:
    """Make this process (or thread) ready to check leaflets one at a time with ``process``;
    ``keep``: the result store in which rules keep costly answers between runs (None: none kept)."""
    if parent is not None:
        from pipeline.lifeline import die_with_parent  # only worker processes need it (and ctypes)

        die_with_parent(parent)
    _worker["config"] = config
    _worker["brands"] = brands
    _worker["rules"] = {k: v for k, v in enabled_rules(config).items() if rule_ids is None or k in rule_ids}
    _worker["ctx"] = Context(config=config, corpus=Corpus(), brands=brands, memos=memos(keep))


def memos(keep: Path | None) -> Memos | None:
    """Kept answers under the digest of the code, data and engines (``cache_keys``)."""
    if keep is None:
        return None
    from pipeline import cache_keys, tools

    return Memos(keep, lambda: f"{cache_keys.code_digest()}|{tools.fingerprint()}")


def stop_worker() -> None:
    """Stop the worker's services (Frog) and remove its temporary folder."""
    ctx = _worker.get("ctx")
    if ctx is not None:
        ctx.close()


class LeafletTimeout(Exception):
    """The watchdog's alarm: one leaflet took longer than limits.max_seconds_per_leaflet."""


def _alarm(signum, frame):
    raise LeafletTimeout()


def process(path_str: str) -> DocumentResult:
    """``process_one`` under a watchdog: a leaflet that takes longer than
    ``limits.max_seconds_per_leaflet`` is reported and skipped, and the run goes on."""
    seconds = int(_worker["config"].limits.get("max_seconds_per_leaflet", 300))
    if threading.current_thread() is not threading.main_thread():
        return process_one(path_str)  # signals reach only the main thread (the language server)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return process_one(path_str)
    except LeafletTimeout:
        _worker["ctx"].close()  # a tool (Frog) stopped mid-answer starts afresh for the next leaflet
        message = i18n._("took more than {seconds} s (limits.max_seconds_per_leaflet): skipped").format(
            seconds=seconds)
        return not_checked(path_str, message, "timeout")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def not_checked(path_str: str, message: str, key: str) -> DocumentResult:
    """The result of a leaflet whose check did not finish: one problem that says why."""
    path = Path(path_str)
    problem = Problem(kind=Kind.UNREADABLE, path=path_str, message=message, leaflet=path.stem, key=key)
    return DocumentResult(path=path_str, problems=[problem])


def process_one(path_str: str) -> DocumentResult:
    """Ingest one leaflet, extract its facts, run the document-scope rules."""
    config: Config = _worker["config"]
    ctx: Context = _worker["ctx"]
    path = Path(path_str)
    result = DocumentResult(path=path_str)
    doc, result.problems = read_leaflet(path, config)
    if doc is None:
        return result
    one = Corpus(documents=[doc], paths=[path])
    extract_facts(one, config)
    result.problems.extend(one.problems)
    result.document = doc
    result.facts = one.facts.get(doc.id, [])
    ctx.corpus = one
    before, failed = len(ctx.notes), len(ctx.failures)
    result.diagnostics = run_document_rules(doc, _worker["rules"], ctx)
    result.notes = ctx.notes[before:]
    result.failures = ctx.failures[failed:]
    return result


def _start_pool_worker(config: Config, brands: dict, rule_ids: list[str] | None, parent: int,
                       keep: Path | None, lang: str) -> None:
    i18n.set_language(lang)  # a worker started afresh has not seen the command line's --lang
    start_worker(config, brands, rule_ids, parent, keep)
    # a pool worker leaves through os._exit: only multiprocessing's own finalizers run, so this one
    # stops the worker's Frog and removes its temporary folder
    from multiprocessing import util as mp_util

    mp_util.Finalize(None, stop_worker, exitpriority=10)


def _pool_process(path_str: str) -> DocumentResult:
    return process(path_str)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def compute(todo: list[str], config: Config, brands: dict, rule_ids: list[str] | None, jobs: int | None,
            keep: Path | None = None):
    """Per-document results for ``todo``, in worker processes when there are enough of them (``keep``:
    see ``start_worker``)."""
    jobs = jobs or default_jobs()
    if len(todo) >= PARALLEL_THRESHOLD and jobs > 1:
        yield from _in_pool(todo, jobs, (config, brands, rule_ids, os.getpid(), keep, i18n.language()))
    elif todo:
        start_worker(config, brands, rule_ids, keep=keep)
        try:
            for p in todo:
                yield process(p)
        finally:
            stop_worker()


def _executor(jobs: int, initargs: tuple):
    import multiprocessing as mp  # not imported by a run that checks a few leaflets in this process
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, mp_context=mp.get_context(start_method()), initializer=_start_pool_worker,
                               initargs=initargs)


def start_method() -> str:
    """How worker processes start. A fork copies only the thread that forks: a lock that another
    thread of this process held at that moment stays locked for ever in the worker, which then waits
    for ever (the language server reading a folder it has not read before, with its server threads
    running). So a process with more than one thread starts its workers afresh ("spawn": a new
    Python that imports leaflint, about a second more per worker); a plain run forks them."""
    return "fork" if threading.active_count() == 1 else "spawn"


def _in_pool(todo: list[str], jobs: int, initargs: tuple):
    """Results in the order of ``todo``, a batch of leaflets per task. A worker that dies breaks the
    pool (a plain pool would wait for its answer for ever): the leaflets not answered by then are
    tried again one at a time."""
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(32, len(todo) // (jobs * 4)))
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    unanswered: list[str] = []
    with _executor(jobs, initargs) as pool:
        futures = [pool.submit(_pool_batch, batch) for batch in batches]
        for batch, future in zip(batches, futures):
            try:
                yield from future.result()
            except BrokenProcessPool:
                unanswered.extend(batch)
    yield from _one_at_a_time(unanswered, initargs)


def _one_at_a_time(paths: list[str], initargs: tuple):
    """Each leaflet alone in one worker, so that a worker that dies again names its leaflet; that
    leaflet is reported as not checked and a new worker takes the rest."""
    from concurrent.futures.process import BrokenProcessPool

    left = list(paths)
    while left:
        with _executor(1, initargs) as pool:
            done = 0
            for path in left:
                done += 1
                try:
                    yield pool.submit(_pool_process, path).result()
                except BrokenProcessPool:
                    message = i18n._("the worker process stopped while checking this file (killed from "
                                     "outside or out of memory): not checked")
                    yield not_checked(path, message, "worker-died")
                    break
        left = left[done:]


def _pool_batch(paths: list[str]) -> list[DocumentResult]:
    return [process(p) for p in paths]
