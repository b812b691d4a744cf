"""The pipeline wired together: ingest -> facts -> lint. The CLI and tests call these."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.corpus import Corpus, load_corpus
from pipeline.diagnostic import Diagnostic
from pipeline.lint.config import Config
from pipeline.lint.engine import Context, lint
from pipeline.lint.rules import all_rules


@dataclass
class LintResult:
    corpus: Corpus
    diagnostics: list[Diagnostic]
    notes: list[str] = field(default_factory=list)
    brands: dict = field(default_factory=dict)


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def load_brands(config: Config, corpus: Corpus) -> dict:
    if not _has("pipeline.render.brand"):
        return {}
    from pipeline.render.brand import load_brands as _load

    brands, problems = _load(config.sources)
    corpus.problems.extend(problems)
    return brands


def extract_facts(corpus: Corpus, config: Config) -> None:
    if not _has("pipeline.facts.stage"):
        return
    from pipeline.facts.stage import extract_corpus

    extract_corpus(corpus, config)


def run_lint(paths: list[Path], config: Config, select: set[str] | None = None,
             shard: tuple[int, int] | None = None) -> LintResult:
    corpus = load_corpus(paths, config, shard=shard)
    brands = load_brands(config, corpus)
    extract_facts(corpus, config)
    ctx = Context(config=config, corpus=corpus, brands=brands)
    try:
        diagnostics = lint(corpus, ctx, select=select)
    finally:
        ctx.close()
    return LintResult(corpus, diagnostics, list(ctx.notes), brands)


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
    return LintResult(corpus, diagnostics, list(ctx.notes))
