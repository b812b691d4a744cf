"""python -m pipeline.bench [--sizes 100,1000,10000] [--relint-only]   (what `make bench` runs)
python -m pipeline.bench generate N DIR [--seed S]    (only write a synthetic corpus)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.paths import OUTPUT_DIR


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(x.replace("_", "")) for x in value.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be numbers separated by commas, got '{value}'") from None
    if not sizes or any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be positive numbers, got '{value}'")
    return sorted(set(sizes))


def _generate(argv: list[str]) -> int:
    from pipeline.bench.generate import SeedError, generate

    p = argparse.ArgumentParser(prog="python -m pipeline.bench generate",
                                description="Write N synthetic leaflets to DIR/leaflets (and DIR/manifest.json).")
    p.add_argument("n", type=int)
    p.add_argument("dir", type=Path)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    try:
        m = generate(a.n, a.dir, seed=a.seed)
    except (SeedError, ValueError, OSError) as e:
        print(f"bench: {e}", file=sys.stderr)
        return 2
    planted = m["planted"]
    print(f"bench: {m['leaflets']} leaflets, {m['words']:,} words, {len(planted['misspellings'])} planted "
          f"misspellings, {len(planted['conflicts'])} varied quantities in {a.dir}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=_sizes, default=[100, 1000, 10000],
                   help="corpus sizes, comma-separated (default 100,1000,10000)")
    p.add_argument("--work", type=Path, default=None, help="where corpora go (default output/bench)")
    p.add_argument("--out", type=Path, default=OUTPUT_DIR, help="folder for bench.json and bench.md")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=float, default=3600, help="seconds before one run is stopped")
    p.add_argument("--render-docs", type=int, default=40,
                   help="leaflets in the rendering comparison (0 skips rendering)")
    p.add_argument("--baseline-docs", type=int, default=12,
                   help="documents rendered one process each by the weasyprint and Chromium baselines")
    p.add_argument("--relint-only", action="store_true",
                   help="per size only the cold lint that fills the result store, the edited leaflets "
                        "against the corpus and the language server (no stages, spelling or rendering)")
    p.add_argument("--edits", type=int, default=3,
                   help="edited leaflets timed one after another against the corpus (default 3)")
    p.add_argument("--spelling-size", type=int, default=None,
                   help="corpus whose text is spell-checked by both (default: largest size up to 1000)")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "generate":
        return _generate(argv[1:])
    if argv and argv[0] in ("_stages", "_render"):
        from pipeline.bench.probes import main as probe

        return probe(argv)

    from pipeline.bench.generate import SeedError
    from pipeline.bench.harness import Bench, default_work_dir
    from pipeline.bench.report import markdown
    from pipeline.yamlio import atomic_write

    p = _parser()
    a = p.parse_args(argv)
    if a.spelling_size is not None and a.spelling_size not in a.sizes:
        p.error(f"--spelling-size {a.spelling_size} is not one of --sizes")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    bench = Bench(a.sizes, a.work or default_work_dir(), a.out, seed=a.seed, timeout=a.timeout,
                  render_docs=a.render_docs, baseline_docs=a.baseline_docs, spelling_size=a.spelling_size, log=log,
                  relint_only=a.relint_only, edits=a.edits)
    try:
        result = bench.run()
    except SeedError as e:
        log(f"bench: {e}")
        return 2
    except KeyboardInterrupt:
        log("bench: interrupted; bench.json not written")
        return 130
    table = markdown(result)
    atomic_write(a.out / "bench.json", json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    atomic_write(a.out / "bench.md", table)
    print(table)
    log(f"bench: wrote {a.out / 'bench.json'} and {a.out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
