"""The pipeline wired together: ingest -> facts -> lint. The CLI, tests and benchmark call these.

Per-document work (ingest, fact extraction, document-scope rules) is independent per leaflet, so
it runs in worker processes and is kept in one SQLite result store keyed by content hash
(pipeline.result_store): a warm run reads results back, editing one leaflet re-checks only that
one, and a run that only compares with the other leaflets reads just their facts. Cross-leaflet
rules always run, on the facts of all leaflets, in this process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import multiprocessing as mp
from multiprocessing import util as mp_util
import os
import signal
import threading
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from pipeline import __version__, i18n, tools
from pipeline.corpus import SIDECAR_SUFFIX, Corpus, read_leaflet, select_files
from pipeline.diagnostic import Diagnostic
from pipeline.lifeline import die_with_parent
from pipeline.lint.config import Config
from pipeline.lint.engine import Context, enabled_rules, lint, run_document_rules
from pipeline.lint.failure import EngineFailure, merge
from pipeline.lint.rules import all_rules
from pipeline.paths import PACKAGE_DIR, SCHEMA_DIR, SOURCES_DIR
from pipeline.progress import Progress, quiet
from pipeline.result_store import ResultStore

CACHE_FORMAT = 1
# Below this many leaflets one process is faster than starting workers (each starts its own Frog).
PARALLEL_THRESHOLD = 24
STORE_BATCH = 200  # results written per transaction: an interrupted run keeps what it finished


@dataclass
class LintResult:
    corpus: Corpus
    diagnostics: list[Diagnostic]
    notes: list[str] = field(default_factory=list)
    brands: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    failures: list[EngineFailure] = field(default_factory=list)  # checks that could not run


@dataclass
class DocumentResult:
    """What the per-document work yields for one leaflet (kept in the result store)."""

    path: str
    document: object | None = None
    facts: list = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[EngineFailure] = field(default_factory=list)

    @property
    def cacheable(self) -> bool:
        """A result made while a checker could not run is incomplete: it is never stored."""
        return not self.failures


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def load_brands(config: Config) -> tuple[dict, list[Diagnostic]]:
    if not _has("pipeline.render.brand"):
        return {}, []
    from pipeline.render.brand import load_brands as _load

    return _load(config.sources, outside=config.outside)


def extract_facts(corpus: Corpus, config: Config) -> None:
    if not _has("pipeline.facts.stage"):
        return
    from pipeline.facts.stage import extract_corpus

    extract_corpus(corpus, config)


# --- per-document work ------------------------------------------------------------------------

_worker: dict = {}


def _init_worker(config: Config, brands: dict, rule_ids: list[str] | None, parent: int | None = None) -> None:
    if parent is not None:
        die_with_parent(parent)
    _worker["config"] = config
    _worker["brands"] = brands
    _worker["rules"] = {k: v for k, v in enabled_rules(config).items() if rule_ids is None or k in rule_ids}
    _worker["ctx"] = Context(config=config, corpus=Corpus(), brands=brands)


class LeafletTimeout(Exception):
    """The watchdog's alarm: one leaflet took longer than limits.max_seconds_per_leaflet."""


def _alarm(signum, frame):
    raise LeafletTimeout()


def _process(path_str: str) -> DocumentResult:
    """``_process_one`` under a watchdog: a leaflet that takes longer than
    ``limits.max_seconds_per_leaflet`` is reported and skipped, and the run goes on."""
    seconds = int(_worker["config"].limits.get("max_seconds_per_leaflet", 300))
    if threading.current_thread() is not threading.main_thread():
        return _process_one(path_str)  # signals reach only the main thread (the language server)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return _process_one(path_str)
    except LeafletTimeout:
        _worker["ctx"].close()  # a tool (Frog) stopped mid-answer starts afresh for the next leaflet
        message = i18n._("took more than {seconds} s (limits.max_seconds_per_leaflet): skipped").format(
            seconds=seconds)
        return DocumentResult(path=path_str, problems=[outside_time(Path(path_str), message)])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def outside_time(path: Path, message: str) -> Diagnostic:
    return Diagnostic(path=str(path), line=1, column=1, message=message, rule="ingest.unreadable",
                      leaflet=path.stem, key="timeout")


def _process_one(path_str: str) -> DocumentResult:
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


def _init_pool_worker(config: Config, brands: dict, rule_ids: list[str] | None, parent: int) -> None:
    _init_worker(config, brands, rule_ids, parent)
    # a pool worker leaves through os._exit: only multiprocessing's own finalizers run, so this one
    # stops the worker's Frog and removes its temporary folder
    mp_util.Finalize(None, _close_worker, exitpriority=10)


def _close_worker() -> None:
    ctx = _worker.get("ctx")
    if ctx is not None:
        ctx.close()


def _pool_process(path_str: str) -> DocumentResult:
    return _process(path_str)


# one leaflet at a time in this process (the language server): the worker's services stay open
start_document_worker = _init_worker
process_leaflet = _process
stop_document_worker = _close_worker


# --- cache --------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _code_digest() -> str:
    """Everything that changes results besides the leaflet: code, schemas, catalog, word lists."""
    h = hashlib.sha256(f"{__version__}|{CACHE_FORMAT}".encode())
    roots = [PACKAGE_DIR, SCHEMA_DIR]
    for root in roots:
        for f in sorted(root.rglob("*")):
            if f.is_file() and f.suffix in (".py", ".yaml", ".json", ".txt", ".dic", ".tsv", ".gz", ".po") and "__pycache__" not in f.parts:
                h.update(f.relative_to(root.parent).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _config_digest(config: Config, rule_ids: list[str] | None, brands: dict) -> str:
    h = hashlib.sha256(_code_digest().encode())
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


def _content_digest(path: Path) -> str | None:
    """The leaflet as read: its absolute path, its bytes and its sidecar's."""
    h = hashlib.sha256()
    try:
        h.update(str(path.resolve()).encode())
        h.update(path.read_bytes())
        side = path.with_name(path.stem + SIDECAR_SUFFIX)
        if side.is_file():
            h.update(side.read_bytes())
    except OSError:
        return None
    return h.hexdigest()


SETTLED_NS = 2_000_000_000  # a file changed this recently may change again within one mtime tick


def _signature(path: Path) -> tuple[str, int] | None:
    """Size and modification time of the leaflet and its sidecar, and the newest mtime."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    try:
        side = os.stat(path.with_name(path.stem + SIDECAR_SUFFIX))
        side_sig, side_mtime = f"{side.st_size}:{side.st_mtime_ns}", side.st_mtime_ns
    except OSError:
        side_sig, side_mtime = "-", 0
    return f"{st.st_size}:{st.st_mtime_ns}:{side_sig}", max(st.st_mtime_ns, side_mtime)


def content_keys(files: list[Path], base: str, store: ResultStore | None) -> dict[str, str | None]:
    """Each file's key under ``base``. A file whose size and mtime are those recorded with its digest
    is not read again (as git does), unless it changed within SETTLED_NS of being recorded."""
    known = store.signatures([os.path.abspath(f) for f in files]) if store else {}
    now = time.time_ns()
    out: dict[str, str | None] = {}
    fresh = []
    for f in files:
        where, sig = os.path.abspath(f), _signature(f)
        rec = known.get(where)
        same = bool(sig and rec and rec[0] == sig[0])
        digest = rec[1] if same else _content_digest(f)
        if digest and sig and not same and now - sig[1] > SETTLED_NS:
            fresh.append((where, sig[0], digest))
        out[str(f)] = None if digest is None else _key(base, digest)
    if store:
        store.put_signatures(fresh)
    return out


def _key(base: str, content: str) -> str:
    return hashlib.sha256(f"{base}|{content}".encode()).hexdigest()


def _facts_digest(config: Config) -> str:
    """What a leaflet's facts depend on besides the leaflet: code and data, ingest limits."""
    h = hashlib.sha256(_code_digest().encode())
    h.update(b"facts|")
    h.update(repr(sorted(config.limits.items())).encode())
    h.update(tools.fingerprint().encode())  # ingest engines (pandoc, poppler) shape the text facts come from
    return h.hexdigest()


def result_store(config: Config) -> ResultStore:
    return ResultStore(config.output / ".cache" / "results.sqlite")


def _rebase(result: DocumentResult, path: str) -> DocumentResult:
    """A cached result under the path as given in this run (relative or absolute, from any folder)."""
    old = result.path
    if old == path:
        return result

    def fix(d: Diagnostic) -> Diagnostic:
        related = tuple(replace(r, path=path) if r.path == old else r for r in d.related)
        return replace(d, path=path if d.path == old else d.path, related=related)

    old_side = str(Path(old).with_name(Path(old).stem + SIDECAR_SUFFIX))
    new_side = str(Path(path).with_name(Path(path).stem + SIDECAR_SUFFIX))

    def fix_problem(d: Diagnostic) -> Diagnostic:
        d = fix(d)
        return replace(d, path=new_side) if d.path == old_side else d

    result.path = path
    result.diagnostics = [fix(d) for d in result.diagnostics]
    result.problems = [fix_problem(d) for d in result.problems]
    for fact in result.facts:
        if getattr(fact, "path", None) == old:
            fact.path = path
    if result.document is not None:
        result.document.path = Path(path)
    return result


# --- the run ------------------------------------------------------------------------------------

def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def process_documents(files: list[Path], config: Config, brands: dict, select: set[str] | None,
                      jobs: int | None = None, cache: bool = True,
                      progress: Progress | None = None) -> tuple[list[DocumentResult], dict]:
    """Each leaflet's per-document result: from the result store when its key is there, else computed
    (in worker processes for many leaflets) and stored, with its facts, for the next run."""
    rules = enabled_rules(config, select)
    rule_ids = sorted(rules) if select else None
    results: dict[str, DocumentResult] = {}
    keys: dict[str, str | None] = {}
    store = result_store(config) if cache else None
    if store:
        keys = content_keys(files, _config_digest(config, rule_ids, brands), store)
        hits = store.results([k for k in keys.values() if k])
        for f in files:
            hit = hits.get(keys[str(f)] or "")
            if hit is not None:
                results[str(f)] = _rebase(hit, str(f))
    todo = [str(f) for f in files if str(f) not in results]
    progress = progress or quiet()
    progress.advance(len(files) - len(todo))
    fresh: list[DocumentResult] = []
    for r in _compute(todo, config, brands, rule_ids, jobs):
        results[r.path] = r
        progress.advance()
        if store and keys.get(r.path) and r.cacheable:
            fresh.append(r)
            if len(fresh) >= STORE_BATCH:
                _store_results(store, config, keys, fresh)
                fresh = []
    if store:
        _store_results(store, config, keys, fresh)
        store.close()
    stats = {"documents": len(files), "cached": len(files) - len(todo), "processed": len(todo)}
    return [results[str(f)] for f in files], stats


def _store_results(store: ResultStore, config: Config, keys: dict, fresh: list[DocumentResult]) -> None:
    store.put_results([(keys[r.path], r) for r in fresh])
    done = [r for r in fresh if r.document is not None]  # only cacheable results come here
    fkeys = content_keys([Path(r.path) for r in done], _facts_digest(config), store)
    store.put_facts([(fkeys[r.path], r.document.id, r.facts) for r in done if fkeys.get(r.path)])


def _compute(todo: list[str], config: Config, brands: dict, rule_ids: list[str] | None, jobs: int | None):
    """Per-document results for ``todo``, in worker processes when there are enough of them."""
    jobs = jobs or default_jobs()
    if len(todo) >= PARALLEL_THRESHOLD and jobs > 1:
        ctx = mp.get_context("fork")
        with ctx.Pool(jobs, initializer=_init_pool_worker,
                      initargs=(config, brands, rule_ids, os.getpid())) as pool:
            chunk = max(1, min(32, len(todo) // (jobs * 4)))
            yield from pool.imap(_pool_process, todo, chunksize=chunk)
            pool.close()
            pool.join()
    elif todo:
        _init_worker(config, brands, rule_ids)
        try:
            for p in todo:
                yield _process(p)
        finally:
            _close_worker()


def run_lint(paths: list[Path], config: Config, select: set[str] | None = None,
             shard: tuple[int, int] | None = None, jobs: int | None = None,
             cache: bool = True, progress: bool = False) -> LintResult:
    """``progress``: a bar on stderr when it is a terminal and the per-leaflet work takes long."""
    chosen, problems = select_files(paths, config, shard)
    corpus = Corpus(problems=problems)
    brands, brand_problems = load_brands(config)
    corpus.problems.extend(brand_problems)
    bar = Progress("leaflint", len(chosen)) if progress else None
    try:
        results, stats = process_documents(chosen, config, brands, select, jobs=jobs, cache=cache, progress=bar)
    finally:
        if bar:
            bar.close()
    return lint_results(corpus, results, config, brands, select, stats)


def lint_results(corpus: Corpus, results: list[DocumentResult], config: Config, brands: dict,
                  select: set[str] | None, stats: dict) -> LintResult:
    """The per-document results in ``corpus``, then the cross-leaflet rules, suppressions, waivers."""
    per_doc: dict[str, list[Diagnostic]] = {}
    notes: list[str] = []
    failures: list[EngineFailure] = []
    for r in results:
        corpus.problems.extend(r.problems)
        failures.extend(r.failures)
        for n in r.notes:
            if n not in notes:
                notes.append(n)
        if r.document is not None:
            corpus.documents.append(r.document)
            corpus.paths.append(Path(r.path))
            corpus.facts[r.document.id] = r.facts
            per_doc[r.document.id] = r.diagnostics
    ctx = Context(config=config, corpus=corpus, brands=brands)
    try:
        diagnostics = lint(corpus, ctx, select=select,
                           document_results=lambda doc, rules, c: per_doc.get(doc.id, []))
    finally:
        ctx.close()
    for n in ctx.notes:
        if n not in notes:
            notes.append(n)
    return LintResult(corpus, diagnostics, notes, brands, stats, merge(failures + ctx.failures))


def run_gather(fact_dirs: list[Path], config: Config) -> LintResult:
    """Cross-leaflet rules on fact files written by sharded `leaflint facts`/`lint` runs."""
    from pipeline.facts.stage import load_fact_files

    corpus = Corpus()
    for d in fact_dirs:
        facts, problems = load_fact_files(d)
        for leaflet, items in facts.items():
            corpus.facts.setdefault(leaflet, []).extend(items)
        corpus.problems.extend(problems)
    ctx = Context(config=config, corpus=corpus)
    gather_rules = {r for r, m in all_rules().items()
                    if getattr(m, "SCOPE", "document") == "corpus" and getattr(m, "GATHER", False)}
    try:
        diagnostics = lint(corpus, ctx, select=gather_rules | {"facts.schema"})
    finally:
        ctx.close()
    return LintResult(corpus, diagnostics, list(ctx.notes), failures=merge(ctx.failures))


def run_lint_changed(changed: list[Path], corpus_paths: list[Path], config: Config,
                     select: set[str] | None = None, jobs: int | None = None, cache: bool = True) -> LintResult:
    """``changed`` linted in full; the other leaflets of ``corpus_paths`` take part with their facts
    only, so the cross-leaflet rules still see the whole corpus. Findings are those on the changed
    leaflets and those elsewhere that name a changed leaflet (the other side of a conflict)."""
    from pipeline.corpus import leaflet_id

    chosen, problems = select_files(changed, config)
    mine = {leaflet_id(f) for f in chosen}
    everything, _problems = select_files(corpus_paths, config)
    others = [f for f in everything if leaflet_id(f) not in mine]
    corpus = Corpus(problems=problems, focus=mine)
    brands, brand_problems = load_brands(config)
    corpus.problems.extend(brand_problems)
    results, stats = process_documents(chosen, config, brands, select, jobs=jobs, cache=cache)
    # only facts of the kinds the changed leaflets state can meet them in a cross-leaflet rule
    kinds = {f.key for r in results for f in r.facts}
    corpus.facts.update(facts_of(others, config, brands, jobs=jobs, cache=cache, kinds=kinds))
    stats["compared"] = len(others)
    result = lint_results(corpus, results, config, brands, select, stats)
    result.diagnostics = [d for d in result.diagnostics if concerns(d, mine)]
    return result


def concerns(d: Diagnostic, leaflets: set[str]) -> bool:
    if not d.leaflet and not d.related:
        return True  # a configuration problem (waivers file, catalog): always news
    return (d.leaflet or _stem(d.path)) in leaflets or any(_stem(r.path) in leaflets for r in d.related)


def _stem(path: str) -> str:
    """The leaflet id of a path (pathlib's stem, without building a Path for every related place)."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def facts_of(files: list[Path], config: Config, brands: dict, jobs: int | None = None,
             cache: bool = True, kinds: set[str] | None = None) -> dict[str, list]:
    """Leaflet id -> facts (only of the fact ``kinds`` when given): what the cross-leaflet rules need
    of a leaflet. From the result store's facts table when the leaflet is unchanged; else ingest and
    facts only (no per-document rules), stored for the next run."""
    store = result_store(config) if cache else None
    out: dict[str, list] = {}
    keys: dict[str, str | None] = {}
    hits: dict = {}
    if store:
        keys = content_keys(files, _facts_digest(config), store)
        hits = store.facts([k for k in keys.values() if k], kinds)
        for f in files:
            hit = hits.get(keys[str(f)] or "")
            if hit is not None:
                out[hit[0]] = _facts_at(hit[1], str(f))
    todo = [str(f) for f in files if (keys.get(str(f)) or "") not in hits]
    corpus_rules = sorted(r for r, m in all_rules().items() if getattr(m, "SCOPE", "document") == "corpus")
    fresh = []
    for r in _compute(todo, config, brands, corpus_rules, jobs):
        if r.document is not None:
            out[r.document.id] = [f for f in r.facts if kinds is None or f.key in kinds]
            if keys.get(r.path) and r.cacheable:
                fresh.append((keys[r.path], r.document.id, r.facts))
    if store:
        store.put_facts(fresh)
        store.close()
    return out


def _facts_at(facts: list, path: str) -> list:
    for f in facts:
        if getattr(f, "path", path) != path:
            f.path = path
    return facts
