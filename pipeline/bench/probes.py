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

import importlib.util
import json
import time
from pathlib import Path

STAGE_GROUPS = ("spelling", "grammar")


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


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
    from pipeline.lint.engine import Context, lint
    from pipeline.lint.rules import all_rules
    from pipeline.text import words

    notes: list[str] = []
    timings: dict[str, float | None] = {}
    # CPU time of this process: steadier than wall time on a busy machine, but it leaves out
    # child processes (Frog), so grammar's CPU is low
    cpu: dict[str, float | None] = {}
    config = load_config(config_path, all_rules())

    t, c = time.perf_counter(), time.process_time()
    corpus = load_corpus([leaflets], config)
    brands, brand_problems = orchestrate.load_brands(config)
    corpus.problems.extend(brand_problems)
    timings["ingest"] = time.perf_counter() - t
    cpu["ingest"] = time.process_time() - c

    if _has("pipeline.facts.stage"):
        t, c = time.perf_counter(), time.process_time()
        workers.extract_facts(corpus, config)
        timings["facts"] = time.perf_counter() - t
        cpu["facts"] = time.process_time() - c
    else:
        timings["facts"] = cpu["facts"] = None
        notes.append("facts stage (pipeline.facts.stage) not present: facts not timed")

    groups = rule_groups(all_rules())
    ctx = Context(config=config, corpus=corpus, brands=brands)
    counts: dict[str, int] = {}
    try:
        for name in (*STAGE_GROUPS, "rules"):
            if not groups[name]:
                # an empty selection would mean "every rule" to the engine
                timings[name] = cpu[name] = None
                notes.append(f"no {name} rules installed: {name} not timed")
                continue
            t, c = time.perf_counter(), time.process_time()
            found = lint(corpus, ctx, select=groups[name])
            timings[name] = time.perf_counter() - t
            cpu[name] = time.process_time() - c
            counts[name] = len(found)
    finally:
        ctx.close()
    notes.extend(ctx.notes)

    n_words = 0
    texts = []
    for doc in corpus.documents:
        for block in doc.blocks:
            n_words += len(words(block.text))
            if text_out is not None:
                texts.append(block.text)
    if text_out is not None:
        text_out.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    return {
        "leaflets": len(corpus.documents),
        "problems": len(corpus.problems),
        "words": n_words,
        "stages": timings,
        "stages_cpu": cpu,
        "findings": counts,
        "rules": {k: sorted(v) for k, v in groups.items()},
        "notes": notes,
    }


def render(leaflets: Path, config_path: Path, out: Path) -> dict:
    """Lint, then time only the rendering of every leaflet into a fresh ``out``."""
    from pipeline import orchestrate
    from pipeline.lint.config import load_config
    from pipeline.lint.rules import all_rules

    if not _has("pipeline.render.build"):
        return {"documents": 0, "seconds": None, "html": [],
                "notes": ["renderer (pipeline.render.build) not present: rendering not timed"]}
    from pipeline.render.build import build

    config = load_config(config_path, all_rules())
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
