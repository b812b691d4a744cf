"""Runs the rules over a corpus and stamps rule IDs and levels, suppressions and waivers."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.ingest.document import Document
from pipeline.i18n import _
from pipeline.lint import suppress
from pipeline.lint.config import Config
from pipeline.lint.failure import EngineFailure, ToolFailure
from pipeline.lint.rules import RuleMeta, registry
from pipeline.lint.waivers import load_waivers
from pipeline.problems import (BrokenWaivers, ExpiredWaiver, StaleEntry, StepRecords, UnknownSuppression,
                               UnknownWaiverRule)
from pipeline.yamlio import DataFileError


@dataclass
class Context:
    """What rules may use besides their target: config, shared services, run-wide data.

    Services (spell checker, Frog) are created on first use and closed by ``close()``; a rule
    asks with ``ctx.service("frog", factory)``. A factory that raises ``ToolFailure`` is not
    tried again: every later ask raises the same failure. ``notes`` collects one-line messages
    that the CLI prints once; ``failures`` the checks that could not run (the run fails).
    """

    config: Config
    corpus: Corpus
    brands: dict = field(default_factory=dict)
    today: dt.date = field(default_factory=lambda: today())
    notes: list[str] = field(default_factory=list)
    failures: list[EngineFailure] = field(default_factory=list)
    steps: StepRecords = field(default_factory=StepRecords)  # what lint()'s steps met, for their rules
    memos: Any = None  # answers kept between runs (result_store.Memos), when the run keeps a result store
    _services: dict[str, Any] = field(default_factory=dict)

    def service(self, name: str, factory: Callable[[], Any]) -> Any:
        if name not in self._services:
            try:
                self._services[name] = factory()
            except ToolFailure as e:
                self._services[name] = e
        svc = self._services[name]
        if isinstance(svc, ToolFailure):
            raise svc
        return svc

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def close(self) -> None:
        for svc in self._services.values():
            close = getattr(svc, "close", None)
            if close:
                try:
                    close()
                except Exception:  # noqa: BLE001 - closing must not hide the run's result
                    pass
        self._services.clear()


def today() -> dt.date:
    fixed = os.environ.get("LEAFLINT_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def enabled_rules(config: Config, select: set[str] | None = None) -> dict[str, tuple[RuleMeta, Severity]]:
    """Rule ID -> (declaration, configured level) for the rules that are on (and selected)."""
    out = {}
    for rule_id, meta in registry().items():
        if select and not any(rule_id == s or rule_id.startswith(s + ".") for s in select):
            continue
        level = config.level_for(rule_id, meta.level)
        if level is not None:
            out[rule_id] = (meta, level)
    return out


def source_line(doc: Document | None, line: int) -> str:
    """The line a finding is on; for .docx/.odt/.pdf the locator line (a block, a text-layer line)."""
    if doc is None:
        return ""
    return doc.line_text(line)


def _checked(rule_id: str, findings, ctx: Context, leaflet: str | None = None):
    """The rule's findings; a ``ToolFailure`` ends them and is kept in ``ctx.failures``."""
    try:
        yield from findings
    except ToolFailure as e:
        ctx.failures.append(EngineFailure.of(rule_id, e, leaflet))


def run_document_rules(doc: Document, rules: dict, ctx: Context) -> list[Diagnostic]:
    out = []
    for rule_id, (meta, level) in rules.items():
        if meta.scope != "document":
            continue
        conf = ctx.config.options_for(rule_id, meta.options)
        for d in _checked(rule_id, meta.check(doc, conf, ctx), ctx, doc.id):
            out.append(replace(d, rule=rule_id, severity=_severity(d, rule_id, level, ctx.config),
                               leaflet=d.leaflet or doc.id, path=d.path or str(doc.path)))
    return out


def run_corpus_rules(corpus: Corpus, rules: dict, ctx: Context, scope: str = "corpus") -> list[Diagnostic]:
    """The rules of ``scope`` (``corpus``, or an engine step such as ``waivers``) once over the run.

    A corpus rule receives the corpus; a step rule the records of the steps (``ctx.steps``)."""
    out = []
    target = corpus if scope == "corpus" else ctx.steps
    for rule_id, (meta, level) in rules.items():
        if meta.scope != scope:
            continue
        conf = ctx.config.options_for(rule_id, meta.options)
        for d in _checked(rule_id, meta.check(target, conf, ctx), ctx):
            out.append(replace(d, rule=rule_id, severity=_severity(d, rule_id, level, ctx.config)))
    return out


def _severity(d: Diagnostic, rule_id: str, level: Severity, config: Config) -> Severity:
    """The rule's level, unless the rule proposes one (from data, such as the fact catalog's
    severity per key) and the configuration does not set a level for the rule or its category."""
    if d.severity is None:
        return level
    if "level" in config.rules.get(rule_id, {}) or rule_id.split(".", 1)[0] in config.categories:
        return level
    return d.severity


def lint(corpus: Corpus, ctx: Context, select: set[str] | None = None,
         document_results: Callable[[Document, dict, Context], list[Diagnostic]] | None = None,
         ) -> list[Diagnostic]:
    """All findings for ``corpus``, sorted, with suppressions and waivers applied.

    ``document_results`` lets the caller supply per-document findings (from a cache or worker
    processes); by default they are computed here. The problems the loaders recorded in
    ``corpus.problems`` become findings of the rules that own their kinds (corpus scope); each
    step (suppressions, waivers, baseline) records what it met in ``ctx.steps`` and the rules of
    that step report it right after it.
    """
    rules = enabled_rules(ctx.config, select)
    per_doc = document_results or run_document_rules
    ctx.steps = StepRecords()
    found: list[Diagnostic] = []
    for doc in corpus.documents:
        found.extend(per_doc(doc, rules, ctx))
    found.extend(run_corpus_rules(corpus, rules, ctx))
    found = apply_suppressions(found, corpus, ctx.steps)
    found.extend(run_corpus_rules(corpus, rules, ctx, "suppressions"))
    found = apply_waivers(found, ctx)
    found.extend(run_corpus_rules(corpus, rules, ctx, "waivers"))
    found = apply_baseline(found, ctx, rules)
    found.extend(run_corpus_rules(corpus, rules, ctx, "baseline"))
    docs = {str(doc.path): doc for doc in corpus.documents}
    found = [
        replace(d, source_line=d.source_line or source_line(docs.get(d.path), d.line)) for d in found
    ]
    return sorted(set(found), key=Diagnostic.sort_key)


def apply_suppressions(found: list[Diagnostic], corpus: Corpus, steps: StepRecords | None = None) -> list[Diagnostic]:
    """Without the findings a leaflint-disable comment covers; comments naming no rule or category
    leaflint has go to ``steps.suppressions``."""
    sups = {}
    docs = {}
    for doc in corpus.documents:
        if doc.line_based and doc.format in ("md", "html") and "leaflint-" in doc.source:
            sups[str(doc.path)] = suppress.parse(doc.source)
            docs[str(doc.path)] = doc
    kept = [d for d in found if not (d.path in sups and sups[d.path].covers(d.line, d.rule))]
    if steps is not None:
        known = set(registry())
        categories = {r.split(".", 1)[0] for r in known}
        steps.suppressions.extend(
            UnknownSuppression(path, line, column, docs[path].id, name)
            for path, sup in sups.items() for line, column, name in sup.named
            if name not in known and name not in categories)
    return kept


def apply_baseline(found: list[Diagnostic], ctx: Context, rules: dict) -> list[Diagnostic]:
    """Without the findings recorded in the baseline; its stale entries go to ``ctx.steps.stale``."""
    path = ctx.config.baseline
    if path is None:
        return found
    from pipeline import baseline

    leaflets = {d.id for d in ctx.corpus.documents} | set(ctx.corpus.facts)
    applied = baseline.apply(found, baseline.load(Path(path)), leaflets, set(rules), set(registry()))
    if applied.baselined:
        ctx.note(_("{count} finding(s) accepted by the baseline {path}").format(count=applied.baselined, path=path))
    ctx.steps.stale.extend(
        StaleEntry(str(path), e.file_line, e.fingerprint, e.rule, e.leaflet, e.line, e.message) for e in applied.stale)
    return applied.kept


def apply_waivers(found: list[Diagnostic], ctx: Context) -> list[Diagnostic]:
    """Without the findings an active waiver covers; a broken waivers file, waivers naming unknown
    rules and expired waivers (with the findings they no longer waive) go to ``ctx.steps``."""
    path = ctx.config.waivers
    if path is None or ctx.config.outside(Path(path)):  # a link out of the project is reported, not read
        return found
    try:
        waivers = load_waivers(Path(path))
    except DataFileError as e:
        ctx.steps.waivers.append(BrokenWaivers(e.path, e.line, e.column, e.message, e.field))
        return found
    known = registry()
    ctx.steps.waivers.extend(UnknownWaiverRule(w.path, w.line, w.rule) for w in waivers if w.rule not in known)
    active = [w for w in waivers if not w.expired(ctx.today)]
    for w in waivers:
        if w.expired(ctx.today):
            ctx.steps.expired.append(ExpiredWaiver(w.path, w.line, w.rule, w.leaflet, w.expires, w.fact, w.match,
                                                   tuple(d for d in found if w.matches(d))))
    return [d for d in found if not any(w.matches(d) for w in active)]
