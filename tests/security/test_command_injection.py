"""No file name can become an option of an external command (pandoc, pdftotext).

The attack: a leaflet called ``-dash.docx`` reaches pandoc as ``-d ash.docx``; ``ash.docx`` is a
pandoc defaults file that names a Lua filter, and the filter runs whatever it likes. The proof that
nothing ran is that the filter's marker file is never written.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.ingest.pandoc_ast import pandoc_path
from tests.conftest import have, run_cli

EVIL_LUA = """local f = io.open("{marker}", "w")
f:write("ran")
f:close()
"""
DEFAULTS = """input-files:
  - {leaflet}
filters:
  - {lua}
"""


def _docx(path: Path, text: str = "Bij bloedverlies bel je de verloskundige.") -> None:
    subprocess.run([pandoc_path(), "--sandbox", "-f", "markdown", "-o", str(path.resolve()), "-"],
                   input=text.encode(), check=True, capture_output=True, timeout=60)


def _trap(folder: Path, name: str) -> Path:
    """A folder holding the leaflet ``name`` and what its name would point pandoc to."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / "marker-ran"
    _docx(folder / name)
    (folder / "evil.lua").write_text(EVIL_LUA.format(marker=marker))
    defaults = DEFAULTS.format(leaflet=folder / name, lua=folder / "evil.lua")
    (folder / "ash.docx").write_text(defaults)
    (folder / "ash.docx.yaml").write_text(defaults)
    return marker


def test_the_trap_works_when_the_name_reaches_pandoc_as_an_option(tmp_path):
    """The test below can fail: called with the bare name, pandoc runs the filter."""
    marker = _trap(tmp_path, "-dash.docx")
    subprocess.run([pandoc_path(), "--sandbox", "-f", "docx", "-t", "json", "-dash.docx"], cwd=tmp_path,
                   capture_output=True, timeout=60)
    assert marker.exists()


@pytest.mark.parametrize("args", [("lint", "--format", "json", "."), ("lint", "--format", "json", "--", "-dash.docx"),
                                  ("ingest", "--", "-dash.docx")])
def test_a_leaflet_named_like_an_option_runs_nothing(tmp_path, args):
    marker = _trap(tmp_path, "-dash.docx")
    r = run_cli(*args, cwd=tmp_path)
    assert not marker.exists(), r.stdout + r.stderr
    assert r.returncode in (0, 1), r.stderr
    if args[0] == "ingest":
        assert "verloskundige" in r.stdout


@pytest.mark.system
@pytest.mark.skipif(not have("pdftotext"), reason="poppler-utils not installed")
def test_a_pdf_named_like_an_option_is_read_as_a_file(tmp_path, monkeypatch):
    """pdftotext gets the absolute path: "-layout.pdf" would otherwise be read as an option."""
    from pipeline.ingest import load_document
    from tests.test_ingest_pdf import make_pdf

    make_pdf(tmp_path, "<p>Bel bij koorts boven 38 graden de verloskundige.</p>", name="-layout.pdf")
    monkeypatch.chdir(tmp_path)
    doc = load_document(Path("-layout.pdf"))
    assert "koorts" in doc.source
