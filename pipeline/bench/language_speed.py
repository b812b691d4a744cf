"""Throughput of the language stages: ``python -m pipeline.bench.language_speed [paths...]``.

Prints words/s of the spelling stage (cold cache, as in one run), the same text through
``hunspell -l -d nl_NL`` for comparison, and sentences/s of the grammar stage, grammar.dt and
grammar.agreement together (Frog start-up reported apart, since a run pays it once). With ``--real DIR`` it measures the language rules on
real pages against a reviewer's annotations instead (see pipeline.bench.language_real).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.corpus import load_corpus
from pipeline.language import agreement, dt_checks
from pipeline.language.frog import Frog, available
from pipeline.language.tokens import spell_tokens
from pipeline.lint.config import Config
from pipeline.lint.engine import Context
from pipeline.lint.rules import registry, spelling_unknown_word as spelling_rule
from pipeline.text import split_sentences


def _conf(mod) -> dict:
    return registry()[mod.ID].defaults()


def measure(paths: list[Path]) -> dict:
    corpus = load_corpus(paths, Config())
    docs = corpus.documents
    out: dict = {"leaflets": len(docs)}

    # the rule as a run uses it: checker start-up, look-ups, skips and suggestions included
    ctx = Context(config=Config(), corpus=corpus)
    t0 = time.perf_counter()
    found = [x for doc in docs for x in spelling_rule.check(doc, _conf(spelling_rule), ctx)]
    dt_spell = time.perf_counter() - t0
    spell = spelling_rule.checker(ctx)
    ctx.close()
    n_words = sum(len(spell_tokens(b.text)) for d in docs for b in d.blocks)
    out.update(words=n_words, distinct_lookups=spell.lookups if spell else 0, spelling_findings=len(found),
               spelling_s=dt_spell, spelling_words_per_s=n_words / dt_spell if dt_spell else 0.0)

    if shutil.which("hunspell"):
        text = "\n".join(d.text for d in docs)
        t0 = time.perf_counter()
        subprocess.run(["hunspell", "-l", "-d", "nl_NL"], input=text, capture_output=True, text=True, check=False)
        dt_h = time.perf_counter() - t0
        out.update(hunspell_s=dt_h, hunspell_words_per_s=len(text.split()) / dt_h if dt_h else 0.0)

    if available():
        out.update(_grammar(docs))
    return out


def _grammar(docs) -> dict:
    """Both grammar rules as a run does them, twice: a first run (Frog tags the union of the
    sentences their pre-checks select, each distinct sentence once) and a repeated run on the
    same text, where every sentence comes from the per-sentence tag store (pre-check + cache)."""
    sentences = [b.text[a:z] for doc in docs for b in doc.blocks for a, z in split_sentences(b.text)]
    with tempfile.TemporaryDirectory(prefix="leaflint-measure-") as tmp:
        store = Path(tmp) / "frog-tags.sqlite3"
        first = _grammar_pass(sentences, store, startup=True)
        for mod in (dt_checks, agreement):
            mod.suspect.cache_clear()  # a new run starts with empty in-process caches
        again = _grammar_pass(sentences, store, startup=False)
    out = dict(sentences=len(sentences), **first)
    out.update(cached_grammar_s=again["grammar_s"], cached_grammar_sentences_per_s=again["grammar_sentences_per_s"])
    return out


def _grammar_pass(sentences: list[str], store: Path, startup: bool) -> dict:
    pre = {"dt": 0, "agreement": 0}
    suspects: dict[str, set[str]] = {}
    t0 = time.perf_counter()
    for s in sentences:
        for name, mod in (("dt", dt_checks), ("agreement", agreement)):
            if mod.suspect(s):
                pre[name] += 1
                suspects.setdefault(s, set()).add(name)
    frog = Frog(store=store)
    t1 = time.perf_counter()
    if startup:
        frog.tag(["Dit is een zin."])  # start-up, paid once per run
    t2 = time.perf_counter()
    todo = list(suspects)
    tagged = frog.tag(todo)
    found = {"dt": 0, "agreement": 0}
    for toks, s in zip(tagged, todo):
        for name in suspects[s]:
            found[name] += len((dt_checks if name == "dt" else agreement).analyse(toks, s))
    t3 = time.perf_counter()
    frog.close()
    stage = (t1 - t0) + (t3 - t2)
    return dict(sent_to_frog=frog.sentences_tagged, dt_suspects=pre["dt"], agreement_suspects=pre["agreement"],
                frog_startup_s=t2 - t1, grammar_s=stage, grammar_sentences_per_s=len(sentences) / stage if stage else 0.0,
                dt_findings=found["dt"], agreement_findings=found["agreement"])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--real"]:
        return _main_real(argv[1:])
    paths = [Path(a) for a in argv] or [Path("sources/leaflets")]
    for k, v in measure(paths).items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
    return 0


def _main_real(argv: list[str]) -> int:
    """``--real DIR [--split dev|heldout] [--annotations FILE] [-v]``: see measure_real."""
    import argparse

    from pipeline.bench.language_real import measure_real, report

    ap = argparse.ArgumentParser(prog="python -m pipeline.bench.language_speed --real")
    ap.add_argument("root", type=Path)
    ap.add_argument("--split", default=None)
    ap.add_argument("--annotations", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    print(report(measure_real(args.root, args.split, args.annotations), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
