"""Measurements taken inside one leaflint process, through the stage APIs.

The harness runs each probe as a child process (``python -m pipeline.bench _stages ...``) so
its memory is its own and every probe starts cold, like a user's run. A probe prints one JSON
object on stdout.

Stages are timed as the pipeline runs them: ingest = ``load_corpus`` (+ brands), facts =
``extract_corpus``, then the lint engine once per group of rules: spelling (category
``spelling``), grammar (category ``grammar``) and rules (every other rule, corpus rules
included). Each group's time includes starting its services (the spelling dictionary, the
Frog process), because a run pays for that too.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

STAGE_GROUPS = ("spelling", "grammar")


@dataclass
class StageClock:
    """Seconds per stage: wall clock, and CPU time of this process (steadier on a busy machine,
    but it leaves out child processes such as Frog, so grammar's CPU is low)."""

    wall: dict[str, float | None] = field(default_factory=dict)
    cpu: dict[str, float | None] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str):
        t, c = time.perf_counter(), time.process_time()
        yield
        self.wall[name] = time.perf_counter() - t
        self.cpu[name] = time.process_time() - c

    def skip(self, name: str) -> None:
        self.wall[name] = self.cpu[name] = None


def rule_groups(rule_ids) -> dict[str, set[str]]:
    """Rule IDs by benchmark stage: spelling, grammar, and rules (all others)."""
    groups: dict[str, set[str]] = {g: set() for g in (*STAGE_GROUPS, "rules")}
    for rule_id in rule_ids:
        category = rule_id.split(".", 1)[0]
        groups[category if category in STAGE_GROUPS else "rules"].add(rule_id)
    return groups


def stages(leaflets: Path, config_path: Path, text_out: Path | None = None) -> dict:
    from pipeline import orchestrate, workers
    from pipeline.corpus import load_corpus
    from pipeline.lint.config import load_config
    from pipeline.lint.rules import all_rules

    config = load_config(config_path)
    clock = StageClock()
    with clock.stage("ingest"):
        corpus = load_corpus([leaflets], config)
        brands, brand_problems = orchestrate.load_brands(config)
        corpus.problems.extend(brand_problems)
    with clock.stage("facts"):
        workers.extract_facts(corpus, config)
    groups = rule_groups(all_rules())
    counts, notes = _lint_groups(corpus, config, brands, groups, clock)
    return {
        "leaflets": len(corpus.documents),
        "problems": len(corpus.problems),
        "words": _count_words(corpus, text_out),
        "stages": clock.wall,
        "stages_cpu": clock.cpu,
        "findings": counts,
        "rules": {k: sorted(v) for k, v in groups.items()},
        "notes": notes,
    }


def _lint_groups(corpus, config, brands: dict, groups: dict[str, set[str]],
                 clock: StageClock) -> tuple[dict[str, int], list[str]]:
    """The lint engine once per group of rules, each timed; findings per group and the run's notes."""
    from pipeline.lint.engine import Context, lint

    ctx = Context(config=config, corpus=corpus, brands=brands)
    counts: dict[str, int] = {}
    notes: list[str] = []
    try:
        for name in (*STAGE_GROUPS, "rules"):
            if not groups[name]:
                # an empty selection would mean "every rule" to the engine
                clock.skip(name)
                notes.append(f"no {name} rules installed: {name} not timed")
                continue
            with clock.stage(name):
                counts[name] = len(lint(corpus, ctx, select=groups[name]))
    finally:
        ctx.close()
    return counts, notes + list(ctx.notes)


def _count_words(corpus, text_out: Path | None) -> int:
    """Words of every leaflet; their text written to ``text_out`` when given (for hunspell)."""
    from pipeline.text import words

    texts = [block.text for doc in corpus.documents for block in doc.blocks]
    if text_out is not None:
        text_out.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    return sum(len(words(t)) for t in texts)


def render(leaflets: Path, config_path: Path, out: Path) -> dict:
    """Lint, then time only the rendering of every leaflet into a fresh ``out``."""
    from pipeline import orchestrate
    from pipeline.lint.config import load_config

    from pipeline.render.build import build

    config = load_config(config_path)
    t = time.perf_counter()
    result = orchestrate.run_lint([leaflets], config)
    lint_s = time.perf_counter() - t
    t = time.perf_counter()
    build(result.corpus, result.diagnostics, result.brands, config, out, release=False, jobs=None,
          progress=False)
    seconds = time.perf_counter() - t
    pdfs = sorted(out.rglob("*.pdf"))
    html = sorted(p for p in out.rglob("*.html") if p.parent != out)
    return {"documents": len(pdfs), "seconds": seconds, "lint_s": lint_s,
            "html": [str(p) for p in html], "notes": list(result.notes)}


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m pipeline.bench _probe")
    parser.add_argument("probe", choices=("_stages", "_render"))
    parser.add_argument("leaflets", type=Path)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--text-out", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.probe == "_stages":
        data = stages(args.leaflets, args.config, args.text_out)
    else:
        if args.out is None:
            parser.error("_render needs --out")
        data = render(args.leaflets, args.config, args.out)
    print(json.dumps(data))
    return 0
