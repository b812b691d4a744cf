"""Values for the page template never go on pandoc's command line (no "Argument list too long")."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.diagnostic import Diagnostic, Severity
from pipeline.ingest import load_document
from pipeline.brands.publishing import HOUSE_BRAND
from pipeline.render.html import metadata_variables, render_html

pytestmark = pytest.mark.slow


def _doc(tmp_path: Path, heading: str):
    f = tmp_path / "a.md"
    f.write_text(f"# {heading}\n\nBij koorts bel je de verloskundige.\n", encoding="utf-8")
    return load_document(f)


def test_a_128_kb_heading_renders(tmp_path):
    heading = "Lange titel " + "x" * 131_072 + " einde"
    page = render_html(_doc(tmp_path, heading), dict(HOUSE_BRAND))
    assert "x" * 131_072 in page and "einde" in page


def test_a_draft_with_30000_findings_renders(tmp_path):
    doc = _doc(tmp_path, "Miskraam")
    blocking = [Diagnostic(path=str(doc.path), line=1, column=1, message=f"bevinding {i} <script>",
                           rule="spelling.unknown-word", severity=Severity.ERROR, leaflet=doc.id)
                for i in range(30_000)]
    page = render_html(doc, dict(HOUSE_BRAND), blocking)
    assert "bevinding 29999" in page and "<script>" not in page


def test_values_reach_the_template_unchanged():
    meta = metadata_variables([("a", "x ``` y"), ("b", "1"), ("b", "2"), ("c", "")])
    assert meta["a"].startswith("````{=html}\nx ``` y\n")
    assert len(meta["b"]) == 2 and "c" not in meta
