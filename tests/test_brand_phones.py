"""Phones per brand: every brand that renders a leaflet is checked, and build refuses a practice's
leaflet that prints another practice's number (seed 000 under a second brand)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import orchestrate
from pipeline.lint.config import Config
from pipeline.render.build import build

DUTCH = {**os.environ, "LEAFLINT_LANG": "nl"}


pytestmark = pytest.mark.usefixtures("dutch")  # the messages are checked in Dutch


ROOT = Path(__file__).resolve().parent.parent
SEED = "000_43f8e8ab3b97e02a"
SEED_PHONE = "06-43789244"  # the number of brand verloskundige-000, printed in the seed's text
SECOND = """name: Verloskundigenpraktijk De Linde
colors: {primary: "#1e5e8a", text: "#111111", background: "#ffffff"}
contact: {phone: "030-1234567"}
leaflets: [000_43f8e8ab3b97e02a]
"""


def _project(tmp_path: Path, second: str = SECOND) -> tuple[Path, Config]:
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources" / "brands", sources / "brands")
    (sources / "brands" / "linde.yaml").write_text(second, encoding="utf-8")
    leaflets = tmp_path / "leaflets"
    leaflets.mkdir()
    for f in (ROOT / "sources" / "leaflets").glob(f"{SEED}.*"):
        shutil.copy2(f, leaflets / f.name)
    return leaflets, Config(sources=sources, output=tmp_path / "output")


def test_mismatch_names_the_second_brand_only(tmp_path):
    leaflets, config = _project(tmp_path)
    result = orchestrate.run_lint([leaflets], config)
    found = [d for d in result.diagnostics if d.rule == "contact.phone-mismatch"]
    assert len(found) >= 1
    assert all("'linde'" in d.message and SEED_PHONE in d.message and "verloskundige-000" in d.message
               for d in found)


@pytest.mark.slow
def test_build_refuses_the_second_brand_and_renders_the_first(tmp_path):
    leaflets, config = _project(tmp_path)
    out = tmp_path / "output"
    # an old, stale output of the pair must not stay behind
    (out / "pdf" / "linde").mkdir(parents=True)
    (out / "pdf" / "linde" / f"{SEED}.pdf").write_bytes(b"%PDF old")
    result = orchestrate.run_lint([leaflets], config)
    br = build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    assert [(r.brand, r.leaflet) for r in br.refused] == [("linde", SEED)]
    message = br.refused[0].message
    assert SEED_PHONE in message and "030-1234567" in message and "'linde'" in message
    assert not (out / "pdf" / "linde" / f"{SEED}.pdf").exists()
    assert not (out / "html" / "linde" / f"{SEED}.html").exists()
    assert (out / "pdf" / "verloskundige-000" / f"{SEED}.pdf").is_file()


@pytest.mark.slow
def test_cli_build_exit_code_and_dutch_message(tmp_path):
    leaflets, config = _project(tmp_path)
    (tmp_path / "leaflint.yaml").write_text(f"sources: {config.sources}\noutput: {config.output}\n")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "build", str(leaflets), "--jobs", "1"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600, env=DUTCH)
    assert proc.returncode == 1, proc.stderr
    assert f"niet gemaakt voor 'linde'" in proc.stderr and SEED_PHONE in proc.stderr
    assert "030-1234567" in proc.stderr
