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
        text, dropped = _upright_text(path)
        if dropped:
            notes.append(f"{dropped} letter(s) of diagonal text (a watermark or stamp) left out")
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
    a running header or footer is one of the first or last few lines of a page that, digits aside,
    is there on most pages and on two at least (a footer of a date, a version and a practice's note
    can take three lines, and many leaflets have two pages), and nowhere else in the text.
    """
    lines = text.split("\n")
    pages = _pages(lines)
    skip = {i for p in pages for i in {p[0], p[-1]} if _PAGE_NUMBER.fullmatch(lines[i].strip(" \f\t"))}
    if len(pages) < 2:
        return frozenset(skip)

    def key(i: int) -> str:
        return re.sub(r"\d+", "#", " ".join(lines[i].split()))

    edges = [sorted({*p[:EDGE_LINES], *p[-EDGE_LINES:]} - skip) for p in pages]
    counts = Counter(k for e in edges for k in {key(i) for i in e})
    # a line of the text that happens to open or close pages is in the text elsewhere too
    inside = Counter(key(i) for p in pages for i in p) - Counter(key(i) for e in edges for i in e)
    need = max(2, 0.6 * len(pages))
    for e in edges:
        skip.update(i for i in e if counts[key(i)] >= need and not inside[key(i)])
    return frozenset(skip)


# how many lines at the top and the bottom of a page can be a running header or footer
EDGE_LINES = 3


def _pages(lines: list[str]) -> list[list[int]]:
    """The non-blank line numbers of each page (a page starts at a form feed)."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.startswith("\f"):
            pages.append([])
        if line.strip(" \f\t"):
            pages[-1].append(i)
    return [p for p in pages if p]


def _upright_text(path: Path) -> tuple[str, int]:
    """The text layer without diagonal text, and how many letters that left out.

    A watermark or stamp set at an angle ("CONCEPT", "VOORBEELD") comes out of a text layer as
    pieces of a few letters, on lines of their own between the lines of the text it crosses or
    glued to them. pdftotext's -nodiag run leaves it out. It is not used when it would leave out
    most of the text: a page scanned askew and read by OCR can hold all its words at a slight
    angle, and then they are the leaflet."""
    whole = _pdftotext(path)
    upright = _pdftotext(path, "-nodiag")
    n_whole, n_upright = _letters(whole), _letters(upright)
    if n_upright == n_whole or n_upright < n_whole * MIN_UPRIGHT_SHARE:
        return whole, 0
    text = _without_diagonal(whole, upright)
    return text, n_whole - _letters(text)


# below this share of the letters the upright text is not the leaflet's (see ``_upright_text``)
MIN_UPRIGHT_SHARE = 0.5


def _letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def _without_diagonal(whole: str, upright: str) -> str:
    """``upright`` with the words poppler left out after diagonal text put back.

    poppler leaves out the first word drawn after diagonal text too (a running header's first
    word, after a watermark): an upright line that a line of ``whole`` has with one word more in
    front is taken from ``whole``. The watermark's own letters are only in ``whole``, in pieces
    on lines of their own or glued to the text it crosses, so nothing else is taken from it."""
    lines = {line.strip(" \f") for line in whole.split("\n")}
    longer: dict[str, str] = {}
    for line in lines:
        words = line.split(" ", 1)
        if len(words) == 2 and words[1].strip():
            longer.setdefault(words[1].strip(), line)
    out = []
    for line in upright.split("\n"):
        key = line.strip(" \f")
        lost = key and key not in lines and key in longer  # a line that ``whole`` only has longer
        out.append(line.replace(key, longer[key], 1) if lost else line)
    return "\n".join(out)


def _pdftotext(path: Path, *options: str) -> str:
    # absolute: pdftotext has no "--", and a name like "-layout.pdf" would be read as an option
    cmd = ["pdftotext", *options, "-enc", "UTF-8", "-eol", "unix", file_arg(path), "-"]
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
