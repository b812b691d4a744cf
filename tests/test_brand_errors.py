"""Broken brands: every problem at once, at the right line, in plain Dutch; build and run report
them, build exits 2 when it needs the brand, and a brand that no longer renders leaves no files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import orchestrate
from pipeline.lint.config import Config
from pipeline.brands.load import load_brands
from pipeline.render.build import build

DUTCH = {**os.environ, "LEAFLINT_LANG": "nl"}


pytestmark = pytest.mark.usefixtures("dutch")  # the messages are checked in Dutch


ROOT = Path(__file__).resolve().parent.parent
SEED = "000_43f8e8ab3b97e02a"
GOOD = """name: Praktijk De Linde
colors:
  primary: "#1e5e8a"
  text: "#111111"
  background: "#ffffff"
contact:
  phone: "06-43789244"
  website: https://www.linde.example
leaflets: [000_43f8e8ab3b97e02a]
"""


def _problems(tmp_path: Path, text: str) -> list:
    (tmp_path / "brands").mkdir(exist_ok=True)
    (tmp_path / "brands" / "linde.yaml").write_text(text, encoding="utf-8")
    found, problems = load_brands(tmp_path)
    assert "linde" not in found
    return sorted(problems, key=lambda d: (d.line, d.column))


def test_unquoted_colour_is_named_at_its_own_line(tmp_path):
    (p,) = _problems(tmp_path, GOOD.replace('primary: "#1e5e8a"', "primary: #1e5e8a"))
    assert (p.line, p.column) == (3, 12)
    assert 'kleur ontbreekt; zet de kleur tussen aanhalingstekens: "#1e5e8a"' in p.message
    assert p.message.startswith("colors.primary:")


def test_unquoted_colour_in_a_flow_mapping_is_named_not_the_next_line(tmp_path):
    text = ('name: Linde\ncolors: {primary: "#1e5e8a", text: #111111, background: "#ffffff"}\n'
            'contact: {phone: "06-43789244"}\nleaflets: []\n')
    (p,) = _problems(tmp_path, text)
    assert p.line == 2 and '"#111111"' in p.message and p.message.startswith("colors.text:")


def test_every_problem_at_once_in_plain_words(tmp_path):
    text = GOOD.replace("https://www.linde.example", "www.linde.example").replace(
        '  phone: "06-43789244"\n', '  phone: "bel ons"\n').replace('  text: "#111111"\n', '  text: zwart\n')
    text += "kleur: blauw\n"
    problems = _problems(tmp_path, text)
    by_field = {p.key.split("|")[1]: p for p in problems}
    assert set(by_field) == {"colors.text", "contact.phone", "contact.website", "kleur"}
    assert by_field["contact.website"].line == 8
    assert "moet beginnen met https://" in by_field["contact.website"].message
    assert "geen telefoonnummer" in by_field["contact.phone"].message and by_field["contact.phone"].line == 7
    assert "geen kleur" in by_field["colors.text"].message and by_field["colors.text"].line == 4
    assert "onbekend veld 'kleur'" in by_field["kleur"].message and by_field["kleur"].line == 10
    for p in problems:  # no schema jargon, no regular expressions
        assert "^" not in p.message and "is not of type" not in p.message and "does not match" not in p.message


def test_missing_fields_are_named(tmp_path):
    (p,) = _problems(tmp_path, GOOD.replace('  phone: "06-43789244"\n', ""))
    assert p.message.startswith("contact.phone ontbreekt") and p.line == 6


def _project(tmp_path: Path, brand: str) -> tuple[Path, Config]:
    sources = tmp_path / "sources"
    (sources / "brands").mkdir(parents=True)
    (sources / "brands" / "linde.yaml").write_text(brand, encoding="utf-8")
    leaflets = tmp_path / "leaflets"
    leaflets.mkdir()
    shutil.copy2(ROOT / "sources" / "leaflets" / f"{SEED}.txt", leaflets / f"{SEED}.txt")
    return leaflets, Config(sources=sources, output=tmp_path / "output")


@pytest.mark.slow
def test_a_brand_that_breaks_leaves_no_output_behind(tmp_path):
    leaflets, config = _project(tmp_path, GOOD)
    out = config.output
    result = orchestrate.run_lint([leaflets], config)
    first = build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    assert ("linde", SEED) in first.rendered and (out / "pdf" / "linde" / f"{SEED}.pdf").is_file()
    (config.sources / "brands" / "linde.yaml").write_text(GOOD.replace('"#1e5e8a"', "#1e5e8a"), encoding="utf-8")
    result = orchestrate.run_lint([leaflets], config)
    second = build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    assert second.needed_broken == ["linde"] and not second.ok
    assert not (out / "pdf" / "linde").exists() and not (out / "html" / "linde").exists()
    assert not [p for p in (out / "pdf").iterdir() if p.name.startswith(".")]  # nothing half-removed
    assert (out / "pdf" / "neutraal" / f"{SEED}.pdf").is_file()  # rendered without the broken brand


@pytest.mark.slow
def test_a_leaflet_a_brand_stops_publishing_loses_its_files(tmp_path):
    leaflets, config = _project(tmp_path, GOOD)
    out = config.output
    result = orchestrate.run_lint([leaflets], config)
    build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    (config.sources / "brands" / "linde.yaml").write_text(GOOD.replace(f"[{SEED}]", "[]"), encoding="utf-8")
    result = orchestrate.run_lint([leaflets], config)
    build(result.corpus, result.diagnostics, result.brands, config, out, jobs=1)
    assert not (out / "pdf" / "linde" / f"{SEED}.pdf").exists()
    assert (out / "pdf" / "neutraal" / f"{SEED}.pdf").is_file()


def _cli(tmp_path: Path, config: Config, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / "leaflint.yaml").write_text(f"sources: {config.sources}\noutput: {config.output}\n")
    return subprocess.run([sys.executable, "-m", "pipeline", *args, "--jobs", "1"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, env=DUTCH)


@pytest.mark.slow
def test_build_exits_2_for_a_needed_broken_brand_and_names_every_problem(tmp_path):
    broken = GOOD.replace('"#1e5e8a"', "#1e5e8a").replace("https://", "")
    leaflets, config = _project(tmp_path, broken)
    proc = _cli(tmp_path, config, "build", str(leaflets))
    assert proc.returncode == 2, proc.stderr
    assert "merk 'linde' kan niet gebruikt worden en deze build heeft het nodig; 2 problemen" in proc.stderr
    assert "linde.yaml:3:12: colors.primary: kleur ontbreekt" in proc.stderr
    assert "linde.yaml:8:3: contact.website:" in proc.stderr


@pytest.mark.slow
def test_a_broken_brand_the_build_does_not_need_is_reported_without_failing(tmp_path):
    leaflets, config = _project(tmp_path, GOOD.replace(f"[{SEED}]", "[iets_anders]").replace('"#1e5e8a"', "#1e5e8a"))
    proc = _cli(tmp_path, config, "build", str(leaflets))
    assert proc.returncode == 0, proc.stderr
    assert "merk 'linde' kan niet gebruikt worden (deze build heeft het niet nodig); 1 probleem" in proc.stderr


def test_a_brand_linked_from_outside_counts_as_unusable_without_being_read(tmp_path):
    from pipeline.diagnostic import Diagnostic
    from pipeline.render.build import broken_brands, needed_brands

    brands = tmp_path / "sources" / "brands"
    brands.mkdir(parents=True)
    elsewhere = tmp_path / "elders.yaml"
    elsewhere.write_text(GOOD, encoding="utf-8")  # lists the seed leaflet
    (brands / "linde.yaml").symlink_to(elsewhere)
    found = [Diagnostic(path=str(brands / "linde.yaml"), line=1, column=1, message="m", rule="ingest.outside-link")]
    broken = broken_brands(found, tmp_path / "sources")
    assert list(broken) == ["linde"]

    class Doc:
        id, meta = SEED, {}

    assert needed_brands(broken, [Doc()]) == []  # its text is not read
    Doc.meta = {"brand": "linde"}
    assert needed_brands(broken, [Doc()]) == ["linde"]


def test_a_kept_brand_is_read_again_when_its_bytes_change(tmp_path):
    """A brand parsed and checked once is read back from the output folder's cache; a changed file
    is parsed and checked again, so a new mistake is reported as before."""
    from pipeline.yamlio import use_cache_dir

    (tmp_path / "out" / ".cache" / "yaml").mkdir(parents=True)
    use_cache_dir(tmp_path / "out")
    (tmp_path / "brands").mkdir()
    brand = tmp_path / "brands" / "linde.yaml"
    brand.write_text(GOOD, encoding="utf-8")
    for _run in range(2):
        found, problems = load_brands(tmp_path)
        assert "linde" in found and not problems
    assert list((tmp_path / "out" / ".cache" / "yaml").glob("rt-*"))
    assert list((tmp_path / "out" / ".cache" / "yaml").glob("valid-brand-*"))
    brand.write_text(GOOD.replace("  text: \"#111111\"\n", ""), encoding="utf-8")
    found, problems = load_brands(tmp_path)
    assert "linde" not in found and len(problems) == 1 and "colors.text" in problems[0].message
