"""The pipeline wired together: ingest -> facts -> lint. The CLI, the language server, tests and the
benchmark call these.

Per-document work (pipeline.workers) is independent per leaflet; its results are kept in one
SQLite result store (pipeline.result_store) under keys from pipeline.cache_keys: a warm run reads
results back, editing one leaflet re-checks only that one, and a run that only compares with the
other leaflets reads just their facts. Cross-leaflet rules always run, on the facts of all
leaflets, in this process.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import cache_keys, workers
from pipeline.brands.load import load_brands as read_brands
from pipeline.corpus import Corpus, leaflet_id, select_files
from pipeline.diagnostic import Diagnostic
from pipeline.lint.config import Config
from pipeline.lint.engine import Context, enabled_rules, lint
from pipeline.lint.failure import EngineFailure, merge
from pipeline.lint.rules import cross_leaflet_rules, problem_rules, rules_in_scope
from pipeline.paths import facts_at, rebase
from pipeline.problems import Kind
from pipeline.progress import Progress, quiet
from pipeline.result_store import ResultStore
from pipeline.workers import DocumentResult

STORE_BATCH = 200  # results written per transaction: an interrupted run keeps what it finished


@dataclass
class LintResult:
    corpus: Corpus
    diagnostics: list[Diagnostic]
    notes: list[str] = field(default_factory=list)
    brands: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    failures: list[EngineFailure] = field(default_factory=list)  # checks that could not run


def load_brands(config: Config) -> tuple[dict, list[Diagnostic]]:
    """The configured project's brand profiles and the problems of their files."""
    return read_brands(config.sources, outside=config.outside)


def open_store(config: Config) -> ResultStore:
    return ResultStore(config.output / ".cache" / "results.sqlite")


def process_documents(files: list[Path], config: Config, brands: dict, select: set[str] | None,
                      jobs: int | None = None, cache: bool = True,
                      progress: Progress | None = None) -> tuple[list[DocumentResult], dict]:
    """Each leaflet's per-document result: from the result store when its key is there, else computed
    (in worker processes for many leaflets) and stored, with its facts, for the next run."""
    rules = enabled_rules(config, select)
    rule_ids = sorted(rules) if select else None
    results: dict[str, DocumentResult] = {}
    keys: dict[str, str | None] = {}
    store = open_store(config) if cache else None
    if store:
        keys = cache_keys.content_keys(files, cache_keys.config_digest(config, rule_ids, brands), store, config)
        hits = store.results([k for k in keys.values() if k])
        for f in files:
            hit = hits.get(keys[str(f)] or "")
            if hit is not None:
                results[str(f)] = rebase(hit, str(f))
    todo = [str(f) for f in files if str(f) not in results]
    progress = progress or quiet()
    progress.advance(len(files) - len(todo))
    fresh: list[DocumentResult] = []
    for r in workers.compute(todo, config, brands, rule_ids, jobs, keep=store.path if store else None):
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
    fkeys = cache_keys.content_keys([Path(r.path) for r in done], cache_keys.facts_digest(config), store, config)
    part = fact_part(config)
    store.put_facts([(fkeys[r.path], r.document.id, r.facts) for r in done if fkeys.get(r.path)], part, part.sides)


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
    try:
        diagnostics = lint(corpus, ctx, select=cross_leaflet_rules() | problem_rules(Kind.SCHEMA))
    finally:
        ctx.close()
    return LintResult(corpus, diagnostics, list(ctx.notes), failures=merge(ctx.failures))


def run_lint_changed(changed: list[Path], corpus_paths: list[Path], config: Config,
                     select: set[str] | None = None, jobs: int | None = None, cache: bool = True) -> LintResult:
    """``changed`` linted in full; the other leaflets of ``corpus_paths`` take part with their facts
    only, so the cross-leaflet rules still see the whole corpus. Findings are those on the changed
    leaflets and those elsewhere that name a changed leaflet (the other side of a conflict)."""
    chosen, problems = select_files(changed, config)
    mine = {leaflet_id(f) for f in chosen}
    everything, _problems = select_files(corpus_paths, config)
    others = [f for f in everything if leaflet_id(f) not in mine]
    brands, brand_problems = load_brands(config)
    results, stats = process_documents(chosen, config, brands, select, jobs=jobs, cache=cache)
    # the cross-leaflet rules compare facts within comparison groups and report only on groups a
    # changed leaflet takes part in: of the others only those groups are read, as summaries
    part = fact_part(config)
    groups = {p for r in results for p in map(part, r.facts) if not p.endswith(UNCOMPARED)}
    stats["compared"] = len(others)
    view = stored_others(others, config, brands, groups, part, jobs) if cache else None
    try:
        corpus = Corpus(problems=problems + brand_problems, focus=mine)
        if view is not None:
            corpus.facts.update({lid: [] for lid in view.ids})
            corpus.others = view
        else:
            corpus.facts.update(facts_of(others, config, brands, jobs=jobs, cache=cache, parts=groups))
        result = lint_results(corpus, results, config, brands, select, stats)
    except OthersUnreadable:  # the store changed under the run: compare with the facts themselves
        corpus = Corpus(problems=problems + brand_problems, focus=mine)
        corpus.facts.update(facts_of(others, config, brands, jobs=jobs, cache=cache, parts=groups))
        result = lint_results(corpus, results, config, brands, select, stats)
    finally:
        if view is not None:
            view.close()
    result.diagnostics = [d for d in result.diagnostics if concerns(d, mine)]
    return result


class OthersUnreadable(Exception):
    """A leaflet a summary names has no readable facts in the result store."""


class StoredOthers:
    """The other leaflets of a changed-files run: per comparison group a summary of their sides,
    their facts read from the result store only for the leaflets a finding shows."""

    def __init__(self, store: ResultStore, part: "FactParts", keys: dict[str, str], paths: dict[str, str],
                 sides: dict[str, list[tuple[str, str]]], fresh: dict[str, list]):
        from pipeline.facts.others import summarise

        self.store, self.part = store, part
        self.keys, self.paths, self.fresh = keys, paths, fresh  # fresh: leaflets computed in this run
        self.ids = set(keys) | set(fresh)
        self.summaries = {label: summarise(rows) for label, rows in sides.items()}

    def summary(self, f):
        from pipeline.facts.others import Summary

        return self.summaries.get(self.part(f)) or Summary()

    def loader(self, f):
        label = self.part(f)

        def load(lids: list[str]) -> dict[str, list]:
            out = {lid: [g for g in self.fresh[lid] if self.part(g) == label] for lid in lids if lid in self.fresh}
            stored = self.store.facts([self.keys[lid] for lid in lids if lid not in out and lid in self.keys], {label})
            for leaflet, facts in stored.values():
                out[leaflet] = facts_at(facts, self.paths[leaflet])
            if any(lid not in out for lid in lids):
                raise OthersUnreadable(", ".join(lid for lid in lids if lid not in out))
            return out
        return load

    def close(self) -> None:
        self.store.close()


class HeldOthers:
    """The other leaflets' facts held in memory (the language server), compared as summaries per
    group; ``focused_on(lid)`` leaves out the leaflet being checked."""

    def __init__(self, config: Config):
        self.part = fact_part(config)
        self.facts: dict[str, tuple[list, list[str]]] = {}  # leaflet id -> (facts, their parts)
        self.sides: dict[str, dict[str, str]] = {}  # leaflet id -> part -> side
        self.excluded: str | None = None
        self._summaries: dict[str, object] = {}

    def put(self, lid: str, facts: list) -> None:
        labels = [self.part(f) for f in facts]
        self.facts[lid] = (facts, labels)
        self.sides[lid] = dict(line.split("\t", 1) for line in self.part.sides(facts, labels).split("\n") if line)
        self._summaries.clear()

    def focused_on(self, lid: str) -> "HeldOthers":
        if lid != self.excluded:
            self.excluded = lid
            self._summaries.clear()
        return self

    def summary(self, f):
        from pipeline.facts.others import summarise

        label = self.part(f)
        if label not in self._summaries:
            self._summaries[label] = summarise((lid, sides[label]) for lid, sides in self.sides.items()
                                               if lid != self.excluded and label in sides)
        return self._summaries[label]

    def loader(self, f):
        label = self.part(f)
        return lambda lids: {lid: [g for g, p in zip(*self.facts[lid]) if p == label] for lid in lids}


def stored_others(files: list[Path], config: Config, brands: dict, wanted: set[str], part: "FactParts",
                  jobs: int | None = None) -> StoredOthers | None:
    """The other leaflets as summaries of the groups in ``wanted``, from the sides the result store
    keeps with their facts; leaflets not stored yet are computed (facts only) and stored. None when
    the store cannot be used."""
    store = open_store(config)
    keys = cache_keys.content_keys(files, cache_keys.facts_digest(config), store, config)
    rows = store.sides([k for k in keys.values() if k])
    if store.broken:
        return None
    missing = [f for f in files if (keys.get(str(f)) or "") not in rows]
    fresh = facts_of(missing, config, brands, jobs=jobs) if missing else {}
    sides: dict[str, list[tuple[str, str]]] = {label: [] for label in wanted}
    ids, paths = {}, {}
    for f in files:
        row = rows.get(keys.get(str(f)) or "")
        if row is None:
            continue
        lid, text = row
        ids[lid], paths[lid] = keys[str(f)], str(f)
        _add_sides(sides, lid, text)
    for lid, facts in fresh.items():
        _add_sides(sides, lid, part.sides(facts, [part(g) for g in facts]))
    return StoredOthers(store, part, ids, paths, sides, fresh)


def _add_sides(sides: dict[str, list], lid: str, text: str) -> None:
    for line in text.split("\n"):
        label, _tab, side = line.partition("\t")
        if label in sides:
            sides[label].append((lid, side))


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
             cache: bool = True, parts: set[str] | None = None) -> dict[str, list]:
    """Leaflet id -> facts (only those whose ``fact_part`` is one of ``parts`` when given): what the
    cross-leaflet rules need of a leaflet. From the result store's facts table when the leaflet is
    unchanged; else ingest and facts only (no per-document rules), stored for the next run."""
    store = open_store(config) if cache else None
    out: dict[str, list] = {}
    keys: dict[str, str | None] = {}
    hits: dict = {}
    if store:
        keys = cache_keys.content_keys(files, cache_keys.facts_digest(config), store, config)
        hits = store.facts([k for k in keys.values() if k], parts)
        for f in files:
            hit = hits.get(keys[str(f)] or "")
            if hit is not None:
                out[hit[0]] = facts_at(hit[1], str(f))
    todo = [str(f) for f in files if (keys.get(str(f)) or "") not in hits]
    corpus_rules = rules_in_scope("corpus")  # no document rule: facts only
    fresh = []
    part = fact_part(config)
    for r in workers.compute(todo, config, brands, corpus_rules, jobs):
        if r.document is not None:
            out[r.document.id] = [f for f in r.facts if parts is None or part(f) in parts]
            if keys.get(r.path) and r.cacheable:
                fresh.append((keys[r.path], r.document.id, r.facts))
    if store:
        store.put_facts(fresh, part, part.sides)
        store.close()
    return out


UNCOMPARED = "#-"  # the part of a fact that takes part in no comparison


class FactParts:
    """A fact's part in the result store: its kind and its comparison group (topic, kind, region,
    population and outcome) when the cross-leaflet rules compare it, else its kind and UNCOMPARED;
    and a leaflet's sides (pipeline.facts.others.side), one line per group."""

    def __init__(self, config: Config):
        self.config = config
        self.topics: dict[str, tuple] = {}  # topic -> (catalog, registry)

    def _topic(self, f) -> tuple[str, tuple]:
        from pipeline.facts.topics import catalog_of, fact_topic, registry_of

        topic = fact_topic(f, self.config)
        if topic not in self.topics:
            self.topics[topic] = (catalog_of(topic, self.config), registry_of(topic, self.config))
        return topic, self.topics[topic]

    def __call__(self, f) -> str:
        from pipeline.facts.compare import comparable, group_key

        topic, (catalog, _registry) = self._topic(f)
        kind = str(f.key).replace(" ", "_")
        if not comparable(f, catalog):
            return kind + UNCOMPARED
        group = repr((topic, group_key(f, catalog)))
        return f"{kind}#{hashlib.sha256(group.encode()).hexdigest()[:16]}"

    def sides(self, facts: list, labels: list[str]) -> str:
        from pipeline.facts.compare import group_key
        from pipeline.facts.others import side

        per: dict[str, list] = {}
        for f, label in zip(facts, labels):
            if not label.endswith(UNCOMPARED):
                per.setdefault(label, []).append(f)
        lines = []
        for label, group in sorted(per.items()):
            _topic, (catalog, registry) = self._topic(group[0])
            region = group_key(group[0], catalog).region
            entry = (lambda f: registry.for_fact(f, region)) if registry is not None else (lambda f: None)
            lines.append(f"{label}\t{side(group, entry, registry.entries if registry is not None else [])}")
        return "\n".join(lines)


def fact_part(config: Config) -> FactParts:
    return FactParts(config)
