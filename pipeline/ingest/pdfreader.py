"""PDF leaflets: the text layer, read with poppler's ``pdftotext``, then the plain-text rules.

``Document.source`` is the text layer as pdftotext gives it in reading order: one line per text
line, pages separated by a form feed (so line N is the N-th text line counted over all pages).
Paragraphs, lists and headings are recovered with the plain-text reader's heuristics, which were
made for text copied out of PDFs. ``Document.line_based`` is False: positions point into the text
layer, not into the PDF file.

pdftotext was chosen after measuring (docs/ingest.md): it keeps bullets on the line of their
item, where pdfminer.six and pypdf put all bullets of a list apart from their text, and it is
about four times faster. pypdf is the fallback when poppler-utils is not installed.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
import subprocess
from pathlib import Path

from pipeline.i18n import _
from pipeline.ingest import IngestError
from pipeline.ingest.document import Document
from pipeline.ingest.plaintext import parse_text
from pipeline.paths import file_arg

PDFTOTEXT_TIMEOUT = 60  # seconds


def read(path: Path, meta: dict) -> Document:
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise IngestError(path, _("cannot read file: {cause}").format(cause=e.strerror or e)) from None
    if b"%PDF-" not in head:
        raise IngestError(path, _("not a PDF file (no %PDF- header)"))
    notes: list[str] = []
    if shutil.which("pdftotext"):
        text = _pdftotext(path)
    else:
        text = _pypdf(path)
        notes.append("pdftotext (poppler-utils) not installed; text layer read with pypdf")
    if not any(c.isalnum() for c in text):
        raise IngestError(path, _("no text layer (scanned PDF?)"))
    skip = page_furniture(text)
    if skip:
        notes.append(f"{len(skip)} line(s) of page furniture (page numbers, running headers) left out")
    blocks = parse_text(text, skip)
    return Document(path=path, id=path.stem, format="pdf", source=text, blocks=blocks, meta=meta,
                    line_based=False, notes=notes)


_PAGE_NUMBER = re.compile(
    r"(?:[-–—] *)?(?:(?:pagina|page|blz\.?|p\.) *)?\d{1,4}(?: *(?:/|van|of|de) *\d{1,4})?(?: *[-–—])?", re.I)


def page_furniture(text: str) -> frozenset[int]:
    """Line numbers (0-based) of page numbers and running headers/footers in a text layer.

    They are no part of the leaflet's text and would cut a sentence that runs over a page break.
    A page number is the first or last line of a page that is only a number ("3", "Pagina 3 van 5");
    a running header or footer is the first or last line of a page (the next one in, past a page
    number) that, digits aside, recurs on at least three pages and on most of them.
    """
    lines = text.split("\n")
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.startswith("\f"):
            pages.append([])
        if line.strip(" \f\t"):
            pages[-1].append(i)
    pages = [p for p in pages if p]
    skip: set[int] = set()
    for p in pages:
        for i in {p[0], p[-1]}:
            if _PAGE_NUMBER.fullmatch(lines[i].strip(" \f\t")):
                skip.add(i)
    if len(pages) >= 3:
        def key(i: int) -> str:
            return re.sub(r"\d+", "#", " ".join(lines[i].split()))

        # the first and last line of a page; the next one in when that one is a page number
        edges = []
        for p in pages:
            e = {p[0], p[-1]}
            if p[0] in skip and len(p) > 1:
                e.add(p[1])
            if p[-1] in skip and len(p) > 1:
                e.add(p[-2])
            edges.append(sorted(e))
        counts = Counter(k for e in edges for k in {key(i) for i in e})
        need = max(3, 0.6 * len(pages))
        for e in edges:
            skip.update(i for i in e if counts[key(i)] >= need)
    return frozenset(skip)


def _pdftotext(path: Path) -> str:
    # absolute: pdftotext has no "--", and a name like "-layout.pdf" would be read as an option
    cmd = ["pdftotext", "-enc", "UTF-8", "-eol", "unix", file_arg(path), "-"]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=PDFTOTEXT_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise IngestError(path, _("pdftotext took more than {n} s").format(n=PDFTOTEXT_TIMEOUT)) from None
    except OSError as e:
        raise IngestError(path, _("cannot run pdftotext: {cause}").format(cause=e.strerror or e)) from None
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        low = err.lower()
        if "password" in low or "encrypt" in low:
            raise IngestError(path, _("the PDF is password-protected"))
        first = err.strip().splitlines()[0] if err.strip() else f"exit code {proc.returncode}"
        raise IngestError(path, _("broken PDF: {cause}").format(cause=first))
    return proc.stdout.decode("utf-8", "replace")


def _pypdf(path: Path) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(file_arg(path))
        if reader.is_encrypted:
            raise IngestError(path, _("the PDF is password-protected"))
        return "\f".join((page.extract_text() or "") for page in reader.pages)
    except IngestError:
        raise
    except Exception as e:  # pypdf raises many types on broken files
        raise IngestError(path, _("broken PDF: {cause}").format(cause=e)) from None
