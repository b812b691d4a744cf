"""PDF throughput: one warm WeasyPrint process vs one `weasyprint` CLI process per document.

    .venv/bin/python -m pipeline.bench.render_speed [--rounds 3] [LEAFLET_DIR]

Renders the HTML of every leaflet x brand once (pandoc), then times only the PDF step:
(1) in this process, after one warm-up document; (2) the build's worker pool over all cores;
(3) a fresh `weasyprint` command per document, as a shell loop would.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline import orchestrate
from pipeline.lint.config import Config
from pipeline.paths import SOURCES_DIR, file_arg
from pipeline.brands.publishing import HOUSE_BRAND
from pipeline.render.build import plan_pairs
from pipeline.render.html import render_html
from pipeline.render.pdf import asset_roots, render_pdf


def _pool_render(pages: list[str], roots, workers: int) -> None:
    import concurrent.futures as cf

    with cf.ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(render_pdf, pages, [roots] * len(pages)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("leaflets", nargs="?", default=str(SOURCES_DIR / "leaflets"))
    ap.add_argument("--rounds", type=int, default=3, help="render the set this many times")
    args = ap.parse_args(argv)
    result = orchestrate.run_lint([Path(args.leaflets)], Config())
    pages = [render_html(doc, result.brands.get(b, HOUSE_BRAND)) for doc, b in
             plan_pairs(result.corpus.documents, result.brands)] * args.rounds
    roots = asset_roots(SOURCES_DIR)
    n = len(pages)
    render_pdf(pages[0], roots)  # warm-up: imports, fonts, hyphenation dictionary
    t = time.perf_counter()
    for page in pages:
        render_pdf(page, roots)
    warm = time.perf_counter() - t
    workers = os.cpu_count() or 1
    t = time.perf_counter()
    _pool_render(pages, roots, workers)
    pool = time.perf_counter() - t
    weasy = Path(sys.executable).with_name("weasyprint")
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, page in enumerate(pages):
            f = Path(tmp) / f"{i}.html"
            f.write_text(page, encoding="utf-8")
            files.append(f)
        t = time.perf_counter()
        for f in files:
            subprocess.run([str(weasy), "--pdf-variant", "pdf/ua-1", file_arg(f), file_arg(f.with_suffix(".pdf"))],
                           check=True, capture_output=True)
        cli = time.perf_counter() - t
    print(f"{n} PDFs ({n // args.rounds} leaflet x brand pairs x {args.rounds} rounds)")
    print(f"  one warm process:        {n / warm:5.2f} PDF/s  ({warm / n * 1000:6.0f} ms per PDF)")
    print(f"  worker pool, {workers} procs:    {n / pool:5.2f} PDF/s  ({pool / n * 1000:6.0f} ms per PDF, incl. start-up)")
    print(f"  weasyprint CLI per doc:  {n / cli:5.2f} PDF/s  ({cli / n * 1000:6.0f} ms per PDF)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
