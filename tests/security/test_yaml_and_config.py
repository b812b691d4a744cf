"""YAML bombs, deep nesting and trailing newlines; the output folder and the parse cache."""

from __future__ import annotations

import glob
import json
import re
import time

import pytest

from pipeline.paths import SCHEMA_DIR
from pipeline.yamlio import MAX_DEPTH, DataFileError, load_yaml
from tests.conftest import run_cli

BOMB = "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
    for p, c in zip(["", *"abcdefgh"], "abcdefghi"))
DEEP = "x: " + "[" * 400 + "]" * 400 + "\n"


@pytest.mark.parametrize("text,cause", [(BOMB, "expand"), (DEEP, f"{MAX_DEPTH} levels")])
def test_bombs_are_refused_before_expansion(tmp_path, text, cause):
    f = tmp_path / "x.yaml"
    f.write_text(text)
    t = time.monotonic()
    with pytest.raises(DataFileError) as e:
        load_yaml(f, rt=True)
    assert cause in e.value.message and e.value.line > 1 or cause != "expand"
    assert time.monotonic() - t < 10


@pytest.mark.parametrize("where", ["sidecar", "brand", "waivers"])
@pytest.mark.parametrize("text", [BOMB, DEEP], ids=["bomb", "deep"])
def test_a_bad_yaml_file_is_a_finding_and_the_run_goes_on(tmp_path, where, text):
    leaflets = tmp_path / "leaflets"
    (tmp_path / "sources" / "brands").mkdir(parents=True)
    leaflets.mkdir()
    (leaflets / "a.txt").write_text("Een miskraam is het verlies van een zwangerschap.\n")
    (leaflets / "b.txt").write_text("Een miskraam is een verlies voor 20 weken.\n")  # a finding of its own
    target = {"sidecar": leaflets / "a.meta.yaml", "brand": tmp_path / "sources" / "brands" / "x.yaml",
              "waivers": tmp_path / "sources" / "waivers.yaml"}[where]
    target.write_text(text)
    (tmp_path / "leaflint.yaml").write_text("sources: sources\noutput: out\n")
    r = run_cli("lint", "--format", "json", "leaflets", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    diags = json.loads(r.stdout)["diagnostics"]
    hit = [d for d in diags if d["path"].endswith(target.name)]
    assert hit and hit[0]["line"] >= 1, diags
    assert "b" in {d["leaflet"] for d in diags}  # the run went on


def test_a_yaml_bomb_in_the_config_exits_2_naming_it(tmp_path):
    (tmp_path / "leaflint.yaml").write_text(BOMB)
    (tmp_path / "a.txt").write_text("Een miskraam.\n")
    r = run_cli("lint", "a.txt", cwd=tmp_path, )
    assert r.returncode == 2 and "leaflint.yaml" in r.stderr


def _patterns():
    for f in sorted(glob.glob(str(SCHEMA_DIR / "*.schema.json"))):
        text = open(f, encoding="utf-8").read()
        for m in re.finditer(r'"pattern":\s*("(?:[^"\\]|\\.)*")', text):
            yield f, json.loads(m.group(1))


@pytest.mark.parametrize("path,pattern", list(_patterns()))
def test_no_schema_pattern_passes_a_trailing_newline(path, pattern):
    """Python's $ matches before a final newline (ECMA's does not): every anchor says (?!\\n)."""
    if pattern.endswith("$") or "$" not in pattern:
        pytest.fail(f"{path}: {pattern} ends in a bare $") if pattern.endswith("$") else None
    for m in re.finditer(r"\$", pattern):
        assert pattern[m.end():].startswith("(?!\\n)"), f"{path}: {pattern}"


def test_a_colour_with_a_newline_is_a_brand_finding(tmp_path):
    (tmp_path / "sources" / "brands").mkdir(parents=True)
    (tmp_path / "sources" / "brands" / "x.yaml").write_text(
        'name: X\ncolors: {primary: "#2e6\\n", text: "#000000", background: "#ffffff"}\n'
        'contact: {phone: "020-1234567"}\nleaflets: [a]\n')
    (tmp_path / "a.txt").write_text("Een miskraam is het verlies van een zwangerschap.\n")
    (tmp_path / "leaflint.yaml").write_text("sources: sources\noutput: out\n")
    r = run_cli("lint", "--format", "json", "a.txt", cwd=tmp_path)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr
    assert any(d["rule"] == "brand.invalid" and d["path"].endswith("x.yaml")
               for d in json.loads(r.stdout)["diagnostics"])


def test_output_inside_sources_is_refused(tmp_path):
    (tmp_path / "sources" / "leaflets").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("Een miskraam.\n")
    (tmp_path / "leaflint.yaml").write_text("sources: sources\noutput: sources/leaflets/out\n")
    r = run_cli("lint", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "sources" in r.stderr
    (tmp_path / "leaflint.yaml").write_text("sources: sources\noutput: out\n")
    r = run_cli("ingest", "--out", "sources/x", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and not (tmp_path / "sources" / "x").exists()


def test_the_yaml_cache_lives_in_the_configured_output(tmp_path):
    (tmp_path / "a.txt").write_text("Een miskraam is het verlies van een zwangerschap.\n")
    (tmp_path / "leaflint.yaml").write_text("output: elders\n")
    run_cli("lint", "a.txt", cwd=tmp_path, env={"LEAFLINT_CACHE_DIR": ""})  # no shared folder: the default
    assert list((tmp_path / "elders" / ".cache" / "yaml").glob("*.pickle"))
