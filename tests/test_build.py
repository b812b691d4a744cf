"""`leaflint build`: leaflet x brand plan, drafts, the release gate, reproducibility, the cache."""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline import orchestrate
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.lint.config import Config
from pipeline.render import build as build_mod
from pipeline.render.build import build, plan_pairs

ROOT = Path(__file__).resolve().parent.parent
LEAFLETS = ROOT / "sources" / "leaflets"
DEMO = "demo_miskraam"


def _copy_leaflets(dest: Path, names: list[str] | None = None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for f in sorted(LEAFLETS.iterdir()):
        stem = f.name.split(".")[0]
        if names is None or stem in names:
            shutil.copy2(f, dest / f.name)
    return dest


def _sources(tmp_path: Path) -> Path:
    """A private copy of sources/brands, so a test may change a brand."""
    s = tmp_path / "sources"
    shutil.copytree(ROOT / "sources" / "brands", s / "brands")
    return s


def _lint(leaflets: Path, sources: Path):
    config = Config(sources=sources, output=leaflets.parent / "output")
    return orchestrate.run_lint([leaflets], config), config


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file() and ".leaflint-cache" not in p.parts}


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def test_plan_uses_brand_lists_sidecars_and_the_house_brand(tmp_path):
    result, _config = _lint(_copy_leaflets(tmp_path / "leaflets"), ROOT / "sources")
    pairs = {(d.id, b) for d, b in plan_pairs(result.corpus.documents, result.brands)}
    assert (DEMO, "meidoorn") in pairs
    assert ("004_de792eee956c9f0d", "ziekenhuis-004") in pairs
    assert ("001_798a557aa7b9348b", "neutraal") in pairs and ("003_c8116e14331819ce", "neutraal") in pairs
    assert not [p for p in pairs if p[1] == "neutraal" and p[0] in ("000_43f8e8ab3b97e02a", DEMO)]


@pytest.mark.slow
def test_build_is_reproducible_and_a_rebuild_renders_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    leaflets = _copy_leaflets(tmp_path / "leaflets")
    result, config = _lint(leaflets, ROOT / "sources")
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = build(result.corpus, result.diagnostics, result.brands, config, one, jobs=2)
    r2 = build(result.corpus, result.diagnostics, result.brands, config, two, jobs=1)
    assert not r1.failed and not r2.failed
    files = _files(one)
    assert files == _files(two)  # byte-identical, with one and with two workers
    n = len(result.corpus.documents)
    assert len([k for k in files if k.startswith("pdf/")]) == len(r1.rendered) >= n
    assert f"html/meidoorn/{DEMO}.html" in files and f"pdf/meidoorn/{DEMO}.pdf" in files
    assert all(b"<script" not in v.lower() for k, v in files.items() if k.endswith(".html"))
    again = build(result.corpus, result.diagnostics, result.brands, config, one, jobs=2)
    assert again.rendered == [] and len(again.skipped) == len(r1.rendered)
    assert _files(one) == files


@pytest.mark.slow
def test_cache_rerenders_only_what_changed_and_repairs_damaged_output(tmp_path):
    leaflets = _copy_leaflets(tmp_path / "leaflets", [DEMO, "004_de792eee956c9f0d", "001_798a557aa7b9348b"])
    sources = _sources(tmp_path)
    result, config = _lint(leaflets, sources)
    out = tmp_path / "out"
    first = build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    assert len(first.rendered) == 3
    # a brand colour changes: only that brand's leaflet is rendered again
    brand_file = sources / "brands" / "ziekenhuis-004.yaml"
    brand_file.write_text(brand_file.read_text(encoding="utf-8").replace("#1d4f91", "#1d4f90"), encoding="utf-8")
    result, config = _lint(leaflets, sources)
    second = build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    assert second.rendered == [("ziekenhuis-004", "004_de792eee956c9f0d")]
    assert b"#1d4f90" in (out / "html" / "ziekenhuis-004" / "004_de792eee956c9f0d.html").read_bytes()
    # an output file damaged or deleted by hand is rendered again
    (out / "pdf" / "meidoorn" / f"{DEMO}.pdf").write_bytes(b"broken")
    (out / "html" / "neutraal" / "001_798a557aa7b9348b.html").unlink()
    third = build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    assert sorted(third.rendered) == [("meidoorn", DEMO), ("neutraal", "001_798a557aa7b9348b")]
    assert (out / "pdf" / "meidoorn" / f"{DEMO}.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.slow
def test_release_refuses_the_seeds_and_writes_nothing(tmp_path):
    leaflets = _copy_leaflets(tmp_path / "leaflets")
    result, config = _lint(leaflets, ROOT / "sources")
    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    assert errors, "the seeds are known to have error-level findings"
    out = tmp_path / "release"
    r = build(result.corpus, result.diagnostics, result.brands, config, out, release=True)
    assert r.blocking == sorted(errors, key=Diagnostic.sort_key)
    assert r.blocked and not r.rendered and not r.ok
    assert not out.exists() or _files(out) == {}
    assert "vrijgave geweigerd" in r.summary()
    blocked_leaflets = {lf for _b, lf in r.blocked}
    assert DEMO not in blocked_leaflets
    drift = [d for d in errors if d.leaflet == "004_de792eee956c9f0d" and d.fact]
    if drift:  # once the facts rules run: 004's 20 weeks is one of the reasons
        assert "004_de792eee956c9f0d" in blocked_leaflets


@pytest.mark.slow
def test_a_brand_whose_leaflets_are_clean_releases(tmp_path):
    leaflets = _copy_leaflets(tmp_path / "leaflets", [DEMO])
    result, config = _lint(leaflets, ROOT / "sources")
    assert [d for d in result.diagnostics if d.severity == Severity.ERROR] == []
    out = tmp_path / "release"
    r = build(result.corpus, result.diagnostics, result.brands, config, out, release=True)
    assert r.ok and r.blocking == [] and r.rendered == [("meidoorn", DEMO)]
    text = _text((out / "pdf" / "meidoorn" / f"{DEMO}.pdf").read_bytes())
    assert "CONCEPT" not in text and "0123-456789" in text


@pytest.mark.slow
def test_a_leaflet_with_errors_renders_as_a_draft_with_its_findings(tmp_path):
    leaflets = _copy_leaflets(tmp_path / "leaflets", [DEMO])
    result, config = _lint(leaflets, ROOT / "sources")
    doc = result.corpus.documents[0]
    finding = Diagnostic(path=str(doc.path), line=7, column=58, message="cutoff disagrees with the reference",
                         match="16 weken", rule="facts.drift", severity=Severity.ERROR, leaflet=doc.id,
                         fact="miscarriage.cutoff")
    warning = Diagnostic(path=str(doc.path), line=3, column=1, message="a warning does not block",
                         rule="style.example", severity=Severity.WARNING, leaflet=doc.id)
    out = tmp_path / "out"
    r = build(result.corpus, [finding, warning], result.brands, config, out, jobs=1)
    assert r.drafted == [("meidoorn", DEMO)]
    pdf = (out / "pdf" / "meidoorn" / f"{DEMO}.pdf").read_bytes()
    reader = PdfReader(BytesIO(pdf))
    pages = [p.extract_text() for p in reader.pages]
    assert all("CONCEPT" in p for p in pages)  # the watermark is on every page
    assert "Blokkerende bevindingen" in pages[-1] and "facts.drift" in pages[-1]
    assert "a warning does not block" not in "".join(pages)
    released = build(result.corpus, [finding, warning], result.brands, config, tmp_path / "rel", release=True)
    assert released.blocking == [finding] and not (tmp_path / "rel" / "pdf").exists()


@pytest.mark.slow
def test_a_build_killed_half_way_leaves_every_file_whole(tmp_path, monkeypatch):
    leaflets = _copy_leaflets(tmp_path / "leaflets", [DEMO, "004_de792eee956c9f0d", "001_798a557aa7b9348b"])
    result, config = _lint(leaflets, ROOT / "sources")
    out = tmp_path / "out"
    build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    before = _files(out)
    # every brand gets a new footer: the two branded pairs must be rendered again
    brands = {k: dict(v, footer="Nieuwe voettekst") for k, v in result.brands.items()}
    import pipeline.render.pdf as pdf_mod

    real, calls = pdf_mod.render_pdf, []

    def dying(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C during the second PDF
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_mod, "render_pdf", dying)
    with pytest.raises(KeyboardInterrupt):
        build(result.corpus, result.diagnostics, brands, config, out, jobs=1)
    after = _files(out)
    assert set(after) == set(before)
    assert not [p for p in out.rglob("*.tmp")]
    changed = [k for k in after if after[k] != before[k]]
    assert len(changed) == 2  # the first pair was replaced whole (html + pdf), the rest untouched
    for k, v in after.items():
        assert v.startswith(b"%PDF") and v.rstrip().endswith(b"%%EOF") if k.endswith(".pdf") else v.endswith(b"</html>\n")
    monkeypatch.setattr(pdf_mod, "render_pdf", real)
    resumed = build(result.corpus, result.diagnostics, brands, config, out, jobs=1)
    assert len(resumed.rendered) == 1 and len(resumed.skipped) == 2


def test_worker_failure_is_reported_not_raised(tmp_path, monkeypatch):
    leaflets = _copy_leaflets(tmp_path / "leaflets", [DEMO])
    result, config = _lint(leaflets, ROOT / "sources")
    import pipeline.render.pdf as pdf_mod

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts at all")

    monkeypatch.setattr(pdf_mod, "render_pdf", broken)
    r = build(result.corpus, result.diagnostics, result.brands, config, tmp_path / "out", jobs=1)
    assert r.failed == [("meidoorn", DEMO, "RuntimeError: no fonts at all")] and not r.ok
    assert "mislukt: meidoorn/demo_miskraam" in r.summary()
    assert build_mod.BuildResult().ok
