"""Measure ingest speed per format, and compare PDF text extractors.

    python -m pipeline.bench.ingest_speed sources/leaflets                 # the files as they are
    python -m pipeline.bench.ingest_speed --convert /tmp/b sources/leaflets # also as .md/.html/.docx/.odt/.pdf

``--convert DIR`` writes every .txt/.md leaflet in the other formats (pandoc; WeasyPrint for PDF) into
DIR first, so all readers are measured on the same texts. Times are CPU time of this process per
leaflet (pandoc and pdftotext run as child processes, so their share shows in the wall time column).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from pipeline.ingest import IngestError, load_document
from pipeline.paths import LEAFLET_SUFFIXES, file_arg


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def convert(files: list[Path], out: Path) -> list[Path]:
    from pipeline.ingest.pandoc_ast import pandoc_path

    out.mkdir(parents=True, exist_ok=True)
    made = []
    for f in files:
        if f.suffix not in (".txt", ".md"):
            continue
        md = out / (f.stem + ".md")
        md.write_bytes(f.read_bytes())
        made.append(md)
        for fmt, extra in (("html", ["-s", "--metadata", f"title={f.stem}"]), ("docx", []), ("odt", [])):
            target = out / f"{f.stem}.{fmt}"
            subprocess.run([pandoc_path(), "--sandbox", "-f", "markdown", "-t", fmt, *extra, "-o", file_arg(target),
                            str(md)], check=True, capture_output=True)
            made.append(target)
        from weasyprint import HTML

        pdf = out / f"{f.stem}.pdf"
        HTML(filename=str(out / f"{f.stem}.html")).write_pdf(str(pdf))
        made.append(pdf)
    return made


def measure(files: list[Path], repeat: int) -> dict[str, tuple[int, float, float]]:
    """format -> (files, CPU ms per leaflet incl. child processes, wall ms per leaflet)."""
    by_fmt: dict[str, list[Path]] = defaultdict(list)
    for f in files:
        by_fmt[f.suffix.lower().lstrip(".")].append(f)
    result = {}
    for fmt, fs in sorted(by_fmt.items()):
        good = []
        for f in fs:
            try:
                load_document(f)
                good.append(f)
            except IngestError as e:
                print(f"skipped {e}", file=sys.stderr)
        if not good:
            continue
        reps = repeat if fmt in ("txt", "md", "markdown", "html", "htm") else max(1, repeat // 20)
        c0, k0, w0 = time.process_time(), _children_cpu(), time.perf_counter()
        for _ in range(reps):
            for f in good:
                load_document(f)
        n = reps * len(good)
        cpu = (time.process_time() - c0 + _children_cpu() - k0) / n * 1000
        result[fmt] = (len(good), cpu, (time.perf_counter() - w0) / n * 1000)
    return result


def compare_pdf_extractors(pdfs: list[Path]) -> dict[str, float]:
    """Wall ms per PDF for pdftotext, pypdf and pdfminer.six."""
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    extractors = {
        "pdftotext": lambda p: subprocess.run(["pdftotext", "-enc", "UTF-8", file_arg(p), "-"], capture_output=True),
        "pypdf": lambda p: "\f".join(pg.extract_text() for pg in PdfReader(str(p)).pages),
        "pdfminer.six": lambda p: extract_text(str(p)),
    }
    out = {}
    for name, fn in extractors.items():
        t = time.perf_counter()
        for p in pdfs:
            fn(p)
        out[name] = (time.perf_counter() - t) / len(pdfs) * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench.ingest_speed", description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--convert", type=Path, help="also write and measure the other formats in this folder")
    ap.add_argument("--repeat", type=int, default=40)
    args = ap.parse_args(argv)
    files: list[Path] = []
    for p in args.paths:
        files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in LEAFLET_SUFFIXES) if p.is_dir() else [p])
    if args.convert:
        files.extend(convert(files, args.convert))
    print(f"{'format':8} {'files':>5} {'CPU ms/leaflet':>15} {'wall ms/leaflet':>16}")
    for fmt, (n, cpu, wall) in measure(files, args.repeat).items():
        print(f"{fmt:8} {n:5} {cpu:15.2f} {wall:16.2f}")
    pdfs = [f for f in files if f.suffix.lower() == ".pdf"]
    if pdfs:
        print("\nPDF text layer, wall ms per PDF:")
        for name, ms in compare_pdf_extractors(pdfs).items():
            print(f"  {name:13} {ms:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
