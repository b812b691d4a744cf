"""Runs the rules over a corpus and stamps rule IDs and levels, suppressions and waivers."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.ingest.document import Document
from pipeline import i18n
from pipeline.i18n import _
from pipeline.lint import suppress
from pipeline.lint.config import Config
from pipeline.lint.failure import EngineFailure, ToolFailure
from pipeline.lint.rules import all_rules
from pipeline.lint.waivers import Waiver, load_waivers
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
    today: dt.date = field(default_factory=lambda: _today())
    notes: list[str] = field(default_factory=list)
    failures: list[EngineFailure] = field(default_factory=list)
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


def _today() -> dt.date:
    fixed = os.environ.get("LEAFLINT_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def enabled_rules(config: Config, select: set[str] | None = None) -> dict[str, tuple[Any, Severity]]:
    out = {}
    for rule_id, mod in all_rules().items():
        if select and not any(rule_id == s or rule_id.startswith(s + ".") for s in select):
            continue
        level = config.level_for(rule_id, Severity(mod.LEVEL))
        if level is not None:
            out[rule_id] = (mod, level)
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
    for rule_id, (mod, level) in rules.items():
        if getattr(mod, "SCOPE", "document") != "document":
            continue
        conf = ctx.config.options_for(rule_id, getattr(mod, "OPTIONS", {}))
        for d in _checked(rule_id, mod.check(doc, conf, ctx), ctx, doc.id):
            out.append(replace(d, rule=rule_id, severity=level, leaflet=d.leaflet or doc.id,
                               path=d.path or str(doc.path)))
    return out


def run_corpus_rules(corpus: Corpus, rules: dict, ctx: Context) -> list[Diagnostic]:
    out = []
    for rule_id, (mod, level) in rules.items():
        if getattr(mod, "SCOPE", "document") != "corpus":
            continue
        conf = ctx.config.options_for(rule_id, getattr(mod, "OPTIONS", {}))
        for d in _checked(rule_id, mod.check(corpus, conf, ctx), ctx):
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
    processes); by default they are computed here.
    """
    rules = enabled_rules(ctx.config, select)
    per_doc = document_results or run_document_rules
    found: list[Diagnostic] = []
    for doc in corpus.documents:
        found.extend(per_doc(doc, rules, ctx))
    found.extend(run_corpus_rules(corpus, rules, ctx))
    # problems met while loading carry their rule already; the config decides their level
    for p in corpus.problems:
        if p.rule in rules:
            found.append(replace(p, severity=rules[p.rule][1]))
    found = apply_suppressions(found, corpus, rules)
    found = apply_waivers(found, ctx, rules)
    found = apply_baseline(found, ctx, rules)
    docs = {str(doc.path): doc for doc in corpus.documents}
    found = [
        replace(d, source_line=d.source_line or source_line(docs.get(d.path), d.line)) for d in found
    ]
    return sorted(set(found), key=Diagnostic.sort_key)


def apply_suppressions(found: list[Diagnostic], corpus: Corpus, rules: dict | None = None) -> list[Diagnostic]:
    sups = {}
    docs = {}
    for doc in corpus.documents:
        if doc.line_based and doc.format in ("md", "html") and "leaflint-" in doc.source:
            sups[str(doc.path)] = suppress.parse(doc.source)
            docs[str(doc.path)] = doc
    if not sups:
        return found
    kept = [d for d in found if not (d.path in sups and sups[d.path].covers(d.line, d.rule))]
    if rules and "config.suppression" in rules:
        known = set(all_rules())
        categories = {r.split(".", 1)[0] for r in known}
        for path, sup in sups.items():
            for line, column, name in sup.named:
                if name not in known and name not in categories:
                    kept.append(Diagnostic(
                        path=path, line=line, column=column, rule="config.suppression",
                        severity=rules["config.suppression"][1], leaflet=docs[path].id, match=name,
                        key=f"unknown|{name}",
                        message=_("the disable comment names unknown rule '{name}'; it suppresses nothing").format(name=name)))
    return kept


def apply_baseline(found: list[Diagnostic], ctx: Context, rules: dict) -> list[Diagnostic]:
    """Without the findings recorded in the baseline; its stale entries as config.baseline."""
    path = ctx.config.baseline
    if path is None:
        return found
    from pipeline import baseline

    leaflets = {d.id for d in ctx.corpus.documents} | set(ctx.corpus.facts)
    applied = baseline.apply(found, baseline.load(Path(path)), leaflets, set(rules), set(all_rules()))
    if applied.baselined:
        ctx.note(_("{count} finding(s) accepted by the baseline {path}").format(count=applied.baselined, path=path))
    kept = applied.kept
    if baseline.STALE_RULE in rules:
        level = rules[baseline.STALE_RULE][1]
        kept += [replace(baseline.stale_finding(e, Path(path)), severity=level) for e in applied.stale]
    return kept


def apply_waivers(found: list[Diagnostic], ctx: Context, rules: dict) -> list[Diagnostic]:
    path = ctx.config.waivers
    if path is None or ctx.config.outside(Path(path)):  # a link out of the project is reported, not read
        return found
    try:
        waivers = load_waivers(Path(path))
    except DataFileError as e:
        if "config.waivers" in rules:
            found.append(Diagnostic(path=e.path, line=e.line, column=e.column, rule="config.waivers",
                                    severity=rules["config.waivers"][1], message=e.message, key=e.field))
        return found
    known = all_rules()
    if "config.waivers" in rules:
        for w in waivers:
            if w.rule not in known:
                found.append(Diagnostic(path=w.path, line=w.line, column=1, rule="config.waivers",
                                        severity=rules["config.waivers"][1], key=f"unknown-rule|{w.rule}",
                                        message=_("the waiver names unknown rule '{rule}'; it waives nothing").format(rule=w.rule)))
    active = [w for w in waivers if not w.expired(ctx.today)]
    expired = [w for w in waivers if w.expired(ctx.today)]
    kept = [d for d in found if not any(w.matches(d) for w in active)]
    if "config.expired-waiver" in rules:
        level = rules["config.expired-waiver"][1]
        for w in expired:
            hits = [d for d in found if w.matches(d)]
            kept.append(_expired(w, hits, level))
    return kept


def _expired(w: Waiver, hits: list[Diagnostic], level: Severity) -> Diagnostic:
    what = w.rule + (f" ({w.fact})" if w.fact else "") + (f" '{w.match}'" if w.match else "")
    msg = _("the waiver for {what} in {leaflet} expired on {date}; {n} finding(s) are no longer waived").format(
        what=what, leaflet=w.leaflet, date=i18n.date(w.expires), n=len(hits))
    return Diagnostic(
        path=w.path, line=w.line, column=1, message=msg, rule="config.expired-waiver", severity=level,
        leaflet=w.leaflet, key=f"{w.rule}|{w.leaflet}|{w.fact or ''}|{w.match or ''}",
        related=tuple(Related(h.path, h.line, h.column, h.message) for h in hits[:20]),
    )
