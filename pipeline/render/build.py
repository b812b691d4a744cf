"""`leaflint build`: every leaflet x brand that publishes it -> HTML and PDF, with a release gate.

- A leaflet with error-level findings is rendered as a draft: a "CONCEPT — niet vrijgegeven"
  watermark on every page and a last page listing the blocking findings.
- ``release=True`` writes nothing while any error remains and returns the blocking findings.
- Leaflets that no brand publishes are rendered with the neutral house brand
  (:data:`pipeline.brands.publishing.HOUSE_BRAND`), under ``<out>/html/neutraal/``.
- A content-hash cache (``<out>/.leaflint-cache/build.json``) skips a leaflet x brand whose
  inputs (text, sidecar, brand, logo, findings, templates, renderer code, tool versions) are
  unchanged and whose outputs are still the files it wrote. Outputs are written atomically, and
  the manifest after each one, so a build killed half-way leaves every file whole.
- PDFs are made by long-lived worker processes (one per core by default); a progress bar shows
  on a terminal only.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.i18n import _
from pipeline.ingest.document import Document
from pipeline.paths import PACKAGE_DIR, SOURCES_DIR, TEMPLATES_DIR
from pipeline.brands.publishing import HOUSE_BRAND, HOUSE_BRAND_ID, foreign_numbers, publishers
from pipeline.yamlio import atomic_write

CACHE_DIR = ".leaflint-cache"
MANIFEST = "build.json"
CACHE_FORMAT = 1


@dataclass(frozen=True)
class Job:
    leaflet: str
    brand: str
    html_path: Path
    pdf_path: Path
    key: str
    draft: bool


@dataclass(frozen=True)
class Refusal:
    """A leaflet x brand that build would not render; its outputs are gone. ``message`` is Dutch."""

    brand: str
    leaflet: str
    message: str


@dataclass
class BuildResult:
    """What a build did. Pairs are (brand id, leaflet id)."""

    rendered: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # unchanged, cache hit
    drafted: list[tuple[str, str]] = field(default_factory=list)  # rendered or kept as draft
    blocked: list[tuple[str, str]] = field(default_factory=list)  # release refused to write these
    blocking: list[Diagnostic] = field(default_factory=list)  # findings that block a release
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (brand, leaflet, message)
    refused: list[Refusal] = field(default_factory=list)  # would print another practice's number
    broken: dict[str, list[Diagnostic]] = field(default_factory=dict)  # brand id -> its problems
    needed_broken: list[str] = field(default_factory=list)  # broken brands this build needs
    refused_urls: list[str] = field(default_factory=list)  # resources the sandbox did not fetch
    release: bool = False
    out_dir: Path | None = None

    @property
    def ok(self) -> bool:
        return (not self.failed and not self.refused and not self.needed_broken
                and not (self.release and self.blocking))

    def summary(self) -> str:
        if self.release and self.blocking:
            leaflets = sorted({lf for _b, lf in self.blocked})
            return "leaflint: " + _("release refused: {n} blocking finding(s) in {m} leaflet(s) ({names}); "
                                    "nothing written").format(
                n=len(self.blocking), m=len(leaflets), names=", ".join(leaflets) or _("run-wide"))
        parts = [_("{n} rendered").format(n=len(self.rendered)),
                 _("{n} unchanged (cache)").format(n=len(self.skipped)),
                 _("{n} draft(s) with CONCEPT watermark").format(n=len(self.drafted))]
        if self.failed:
            parts.append(_("{n} failed").format(n=len(self.failed)))
        if self.refused:
            parts.append(_("{n} refused").format(n=len(self.refused)))
        text = "leaflint: " + (_("build (release)") if self.release else _("build")) + ": " + ", ".join(parts)
        if self.out_dir is not None:
            text += f" -> {self.out_dir / 'html'}/, {self.out_dir / 'pdf'}/"
        for brand, leaflet, message in self.failed:
            text += "\n  " + _("failed {leaflet}: {message}").format(leaflet=f"{brand}/{leaflet}", message=message)
        if self.refused_urls:
            text += "\n  " + _("not fetched (sandbox): {urls}").format(urls=", ".join(sorted(set(self.refused_urls))[:10]))
        return text


class _Todo(NamedTuple):
    """A leaflet x brand to render: the job, the leaflet, the brand and the findings that block it."""

    job: Job
    doc: Document
    brand: dict
    blocking: list[Diagnostic]


def build(corpus: Corpus, diagnostics: list[Diagnostic], brands: dict[str, dict], config, out_dir: Path,
          release: bool = False, jobs: int | None = None, progress: bool = False) -> BuildResult:
    """Render every leaflet x publishing brand into ``out_dir/html`` and ``out_dir/pdf``."""
    out_dir = Path(out_dir)
    result = BuildResult(release=release, out_dir=out_dir)
    sources = Path(getattr(config, "sources", None) or SOURCES_DIR)
    errors = [d for d in diagnostics if d.severity == Severity.ERROR]
    by_leaflet: dict[str, list[Diagnostic]] = {}
    for d in errors:
        by_leaflet.setdefault(d.leaflet, []).append(d)
    plan = plan_pairs(corpus.documents, brands)
    result.broken = broken_brands(diagnostics, sources)
    result.needed_broken = needed_brands(result.broken, corpus.documents)

    if release and errors:
        # Any error blocks, also a run-wide one (a broken brand, a bad config or waiver file).
        result.blocking = sorted(errors, key=Diagnostic.sort_key)
        result.blocked = [(b, d.id) for d, b in plan if by_leaflet.get(d.id)] or [(b, d.id) for d, b in plan]
        return result

    manifest_path = out_dir / CACHE_DIR / MANIFEST
    manifest = _load_manifest(manifest_path)
    _prune(out_dir, brands, plan, corpus.documents, manifest, manifest_path)
    todo = _todo(result, plan, brands, by_leaflet, _common_fingerprint(sources), manifest, manifest_path)
    for job, outcome in _run(todo, _roots(sources), jobs, progress):
        if "error" in outcome:
            result.failed.append((job.brand, job.leaflet, outcome["error"]))
            continue
        result.rendered.append((job.brand, job.leaflet))
        result.refused_urls.extend(outcome.get("refused", []))
        manifest[f"{job.brand}/{job.leaflet}"] = {"key": job.key, "html": outcome["html"], "pdf": outcome["pdf"]}
        _save_manifest(manifest_path, manifest)
    return result


def _todo(result: BuildResult, plan: list[tuple[Document, str]], brands: dict[str, dict],
          by_leaflet: dict[str, list[Diagnostic]], common: str, manifest: dict, manifest_path: Path) -> list[_Todo]:
    """The pairs of ``plan`` to render; refused pairs (their outputs removed), drafts and unchanged
    pairs (cache hits) are recorded in ``result``."""
    out_dir = result.out_dir
    todo: list[_Todo] = []
    for doc, brand_id in plan:
        brand = brands.get(brand_id, HOUSE_BRAND)
        refusal = _refusal(doc, brand_id, brands)
        if refusal is not None:
            result.refused.append(refusal)
            _remove_outputs(out_dir, brand_id, doc.id, manifest, manifest_path)
            continue
        blocking = sorted(by_leaflet.get(doc.id, []), key=Diagnostic.sort_key)
        job = Job(
            leaflet=doc.id, brand=brand_id,
            html_path=out_dir / "html" / brand_id / f"{doc.id}.html",
            pdf_path=out_dir / "pdf" / brand_id / f"{doc.id}.pdf",
            key=_job_key(common, doc, brand, blocking), draft=bool(blocking),
        )
        if job.draft:
            result.drafted.append((brand_id, doc.id))
        if _fresh(manifest.get(f"{brand_id}/{doc.id}"), job):
            result.skipped.append((brand_id, doc.id))
            continue
        todo.append(_Todo(job, doc, brand, blocking))
    return todo


def plan_pairs(documents: list[Document], brands: dict[str, dict]) -> list[tuple[Document, str]]:
    """(leaflet, brand id) for every brand that publishes a leaflet; the house brand otherwise."""
    pairs = []
    for doc in sorted(documents, key=lambda d: d.id):
        ids = publishers(doc.id, doc.meta, brands) or [HOUSE_BRAND_ID]
        pairs.extend((doc, b) for b in ids)
    return pairs


_UNUSABLE = frozenset(("brand.invalid", "ingest.outside-link"))


def broken_brands(diagnostics: list[Diagnostic], sources: Path) -> dict[str, list[Diagnostic]]:
    """Brand id -> the problems of its file under ``sources/brands`` that keep it from use
    (``brand.invalid``, or a link out of the project that is not read)."""
    brands_dir = Path(sources) / "brands"
    out: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        p = Path(d.path)
        if d.rule in _UNUSABLE and p.suffix == ".yaml" and _same_dir(p.parent, brands_dir):
            out.setdefault(p.stem, []).append(d)
    return {k: sorted(v, key=Diagnostic.sort_key) for k, v in sorted(out.items())}


def _same_dir(a: Path, b: Path) -> bool:
    return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def needed_brands(broken: dict[str, list[Diagnostic]], documents: list[Document]) -> list[str]:
    """Broken brands that would publish a leaflet of this build: a sidecar names it, or its file
    names the leaflet (read as text: a broken file may not parse; a link out of the project is not
    read)."""
    needed = []
    for brand_id, problems in broken.items():
        text = ""
        if not any(p.rule == "ingest.outside-link" for p in problems):  # never read a link out of the project
            try:
                text = Path(problems[0].path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                pass
        if any((d.meta or {}).get("brand") == brand_id or d.id in text for d in documents):
            needed.append(brand_id)
    return needed


def _prune(out_dir: Path, brands: dict[str, dict], plan, documents: list[Document], manifest: dict,
           manifest_path: Path) -> None:
    """Remove outputs that no longer render: every file of a brand that is gone or broken (the
    folder is renamed away first, so no reader sees half of it), and the files of a leaflet of
    this build under a brand that no longer publishes it."""
    planned = {(b, d.id) for d, b in plan}
    ids = {d.id for d in documents}
    for kind in ("html", "pdf"):
        folder = out_dir / kind
        for sub in sorted(folder.iterdir()) if folder.is_dir() else []:
            if not sub.is_dir() or sub.name.startswith("."):
                continue
            if sub.name not in brands and sub.name != HOUSE_BRAND_ID:
                _remove_tree(sub)
                continue
            for f in sorted(sub.glob(f"*.{kind}")):
                if f.stem in ids and (sub.name, f.stem) not in planned:
                    f.unlink(missing_ok=True)
    stale = [k for k in manifest if k.split("/", 1)[0] not in brands and k.split("/", 1)[0] != HOUSE_BRAND_ID
             or (k.split("/", 1)[-1] in ids and tuple(k.split("/", 1)) not in planned)]
    if stale:
        for k in stale:
            manifest.pop(k)
        _save_manifest(manifest_path, manifest)


def _remove_tree(folder: Path) -> None:
    import shutil

    gone = folder.with_name(f".{folder.name}.removed-{os.getpid()}")
    os.replace(folder, gone)
    shutil.rmtree(gone, ignore_errors=True)


def _refusal(doc: Document, brand_id: str, brands: dict[str, dict]) -> Refusal | None:
    """Why a practice's leaflet must not be rendered: its text prints another practice's number."""
    foreign = foreign_numbers([b.text for b in doc.blocks], brand_id, brands)
    if not foreign:
        return None
    contact = brands[brand_id].get("contact") or {}
    own = contact.get("phone") or contact.get("emergency_phone") or _("none")
    listed_in = Path(brands[brand_id].get("path") or f"{brand_id}.yaml").name
    found = "; ".join(_("{number} (the number of '{brand}')").format(number=f.text, brand=f.owner)
                      for f in foreign)
    return Refusal(brand_id, doc.id, _(
        "{leaflet} not rendered for '{brand}': the text gives {found}, but the number of '{brand}' is {own}. "
        "Put the number of '{brand}' in the text, or take {leaflet} out of 'leaflets' in {file}.").format(
        leaflet=doc.id, brand=brand_id, found=found, own=own, file=listed_in))


def _remove_outputs(out_dir: Path, brand_id: str, leaflet: str, manifest: dict, manifest_path: Path) -> None:
    """Remove the files an earlier build wrote for this pair (each unlink is atomic)."""
    for kind in ("html", "pdf"):
        try:
            (out_dir / kind / brand_id / f"{leaflet}.{kind}").unlink()
        except FileNotFoundError:
            pass
    if manifest.pop(f"{brand_id}/{leaflet}", None) is not None:
        _save_manifest(manifest_path, manifest)


def render_job(job: Job, doc: Document, brand: dict, blocking: list[Diagnostic],
               roots: tuple[Path, ...]) -> dict:
    """Render one leaflet x brand and write both files; runs in a worker process."""
    from pipeline.render.html import RenderError, render_html
    from pipeline.render.pdf import render_pdf

    try:
        page = render_html(doc, brand, blocking)
        pdf, refused = render_pdf(page, roots)
    except RenderError as e:
        return {"error": str(e)}
    except Exception as e:  # noqa: BLE001 - one bad leaflet must not stop the others
        return {"error": f"{type(e).__name__}: {e}"}
    html_bytes = page.encode("utf-8")
    atomic_write(job.html_path, html_bytes)
    atomic_write(job.pdf_path, pdf)
    return {"html": _sha(html_bytes), "pdf": _sha(pdf), "refused": refused}


def _run(todo, roots, jobs, progress):
    if not todo:
        return
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    show = progress and sys.stderr.isatty()
    bar = None
    try:
        if workers == 1:
            bar = _progress(len(todo)) if show else None
            for job, doc, brand, blocking in todo:
                outcome = render_job(job, doc, brand, blocking, roots)
                if bar:
                    bar[0].advance(bar[1])
                yield job, outcome
            return
        with cf.ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker,
                                   initargs=(os.getpid(),)) as pool:
            futures = {pool.submit(render_job, job, doc, brand, blocking, roots): job
                       for job, doc, brand, blocking in todo}
            # The bar's refresh thread starts only after the workers are forked.
            bar = _progress(len(todo)) if show else None
            for fut in cf.as_completed(futures):
                job = futures[fut]
                try:
                    outcome = fut.result()
                except Exception as e:  # noqa: BLE001 - a crashed worker is reported, not raised
                    outcome = {"error": f"worker failed: {type(e).__name__}: {e}"}
                if bar:
                    bar[0].advance(bar[1])
                yield job, outcome
    finally:
        if bar:
            bar[0].stop()


def _warm_worker(parent: int) -> None:
    from pipeline.lifeline import die_with_parent

    die_with_parent(parent)  # a killed build leaves no worker behind
    # Import WeasyPrint once per worker, not once per leaflet.
    import weasyprint  # noqa: F401


def _progress(total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    p = Progress(TextColumn("rendering"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                 transient=True)
    task = p.add_task("render", total=total)
    p.start()
    return p, task


def _roots(sources: Path) -> tuple[Path, ...]:
    from pipeline.render.pdf import asset_roots

    return asset_roots(sources)


# -- cache --------------------------------------------------------------------------------------

def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _common_fingerprint(sources: Path) -> str:
    """Everything every job depends on: templates, renderer code, tool versions, the date source."""
    import weasyprint

    from pipeline.render.html import pandoc_path

    h = hashlib.sha256(f"format {CACHE_FORMAT}\n".encode())
    for folder in (TEMPLATES_DIR, PACKAGE_DIR / "render"):
        for f in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(f.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    pandoc = Path(pandoc_path())
    st = pandoc.stat()
    h.update(f"pandoc {pandoc} {st.st_size} {st.st_mtime_ns}\n".encode())
    h.update(f"weasyprint {weasyprint.__version__}\n".encode())
    h.update(f"SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH', '')}\n".encode())
    return h.hexdigest()


def _job_key(common: str, doc: Document, brand: dict, blocking: list[Diagnostic]) -> str:
    h = hashlib.sha256(common.encode())
    h.update(json.dumps({
        "id": doc.id, "format": doc.format, "meta": doc.meta,
        "blocks": [(b.kind, b.level, b.ordered, b.cell, b.text, b.header,
                    [(i.start, i.end, i.kind, i.href) for i in b.inlines]) for b in doc.blocks],
        "source": hashlib.sha256(doc.source.encode("utf-8", "surrogatepass")).hexdigest(),
    }, sort_keys=True, default=str, ensure_ascii=False).encode())
    public = {k: v for k, v in brand.items() if k not in ("path", "logo_path")}
    h.update(json.dumps(public, sort_keys=True, default=str, ensure_ascii=False).encode())
    if brand.get("logo_path"):
        h.update(Path(brand["logo_path"]).read_bytes())
    h.update(json.dumps([d.to_dict() for d in blocking], sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def _fresh(entry: dict | None, job: Job) -> bool:
    if not entry or entry.get("key") != job.key:
        return False
    for path, digest in ((job.html_path, entry.get("html")), (job.pdf_path, entry.get("pdf"))):
        try:
            if _sha(path.read_bytes()) != digest:
                return False
        except OSError:
            return False
    return True


def _load_manifest(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_manifest(path: Path, manifest: dict) -> None:
    atomic_write(path, json.dumps(manifest, sort_keys=True, indent=1) + "\n")
