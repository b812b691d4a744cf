"""`leaflint doctor`: each tool does one small real job; a broken required tool fails with its fix."""

from __future__ import annotations

import io
import json
import shutil
import stat

import pytest

from pipeline import doctor, i18n
from pipeline.tools import TOOLS
from tests.conftest import have, run_cli

needs_all = pytest.mark.skipif(
    not all(have(c) for c in ("frog", "pdftotext")), reason="frog or poppler-utils not installed")


@pytest.fixture
def english():
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _broken_frog(folder):
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "frog"
    exe.write_text('#!/bin/sh\necho "frog 0.20 (c) CLTS" >&2\necho "Initialization failed for: [tokenizer]" >&2\n'
                   "exit 1\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def test_table_shows_the_fix_of_a_failed_tool_and_only_required_ones_fail(english):
    found = [
        doctor.Finding(TOOLS["frog"], True, "-", False, "frog stopped unexpectedly"),
        doctor.Finding(TOOLS["pandoc"], True, "3.9", True),
        doctor.Finding(TOOLS["chromium"], False, "-", False, "'chromium' is not installed"),
    ]
    text = doctor.table(found)
    head, frog, pandoc, chromium = text.splitlines()[:4]
    assert head.split() == ["tool", "version", "status", "used", "for", "fix"]
    assert "FAILED" in frog and TOOLS["frog"].fix in frog
    assert pandoc.split()[:3] == ["pandoc", "3.9", "ok"] and "apt-get" not in pandoc
    assert "optional" in chromium
    assert "Frog: frog stopped unexpectedly" in text
    assert not doctor.healthy(found)
    assert doctor.healthy([found[1], found[2]])


def test_a_broken_frog_is_reported_in_its_own_words(tmp_path):
    exe = _broken_frog(tmp_path / "bin")
    with pytest.raises(doctor.ProbeFailed, match=r"Initialization failed for: \[tokenizer\]"):
        doctor.probe_frog(doctor.Options(frog=str(exe)))
    with pytest.raises(doctor.ProbeFailed, match="frog-nowhere"):
        doctor.probe_frog(doctor.Options(frog="frog-nowhere"))


def test_a_tool_whose_rules_are_off_is_not_required(tmp_path):
    exe = _broken_frog(tmp_path / "bin")
    opts = doctor.Options(frog=str(exe), off=frozenset({"frog"}))
    [frog] = [f for f in doctor.examine(opts) if f.tool.key == "frog"]
    assert not frog.ok and not frog.required


def test_options_follow_the_configuration():
    class Config:
        rules = {"grammar.dt": {"options": {"frog": "/opt/frog/bin/frog"}}}

    opts = doctor.options_from(Config, lambda r: None if r.startswith("grammar.") else "error")
    assert opts.frog == "/opt/frog/bin/frog" and opts.off == frozenset({"frog"})
    assert doctor.options_from(Config, lambda r: None if r == "grammar.dt" else "error").off == frozenset()
    assert doctor.options_from(Config, lambda r: "error").off == frozenset()


def test_the_test_pdf_is_a_valid_pdf():
    from pypdf import PdfReader

    [page] = PdfReader(io.BytesIO(doctor._one_page_pdf("Bel de praktijk"))).pages
    assert "Bel de praktijk" in page.extract_text()


def test_a_missing_house_font_fails_the_weasyprint_probe(monkeypatch):
    monkeypatch.setattr(doctor, "HOUSE_FONT", "Nergens Sans Zzq")
    with pytest.raises(doctor.ProbeFailed, match="Nergens Sans Zzq"):
        doctor.probe_weasyprint(doctor.Options())


@pytest.mark.system
@needs_all
def test_doctor_passes_on_a_complete_machine_and_names_every_tool(tmp_path):
    r = run_cli("--lang", "en", "doctor", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    for tool in ("Frog", "enchant nl_NL", "pandoc", "pdftotext", "WeasyPrint", "Chromium"):
        assert tool in r.stdout
    rows = {line.split("  ")[0].strip(): line for line in r.stdout.splitlines()[1:7]}
    for name in ("Frog", "pandoc", "pdftotext", "WeasyPrint"):
        assert " ok " in rows[name]


@pytest.mark.system
@needs_all
def test_doctor_exits_1_with_a_broken_frog_unless_its_rule_is_off(tmp_path):
    exe = _broken_frog(tmp_path / "bin")
    cfg = tmp_path / "leaflint.yaml"
    cfg.write_text(json.dumps({"rules": {"grammar.dt": {"options": {"frog": str(exe)}}}}), encoding="utf-8")
    r = run_cli("doctor", cwd=tmp_path)
    assert r.returncode == 1
    assert "Initialization failed for: [tokenizer]" in r.stdout and TOOLS["frog"].fix in r.stdout
    cfg.write_text(json.dumps({"rules": {"grammar.dt": {"level": "off", "options": {"frog": str(exe)}},
                                         "grammar.agreement": "off"}}), encoding="utf-8")
    r = run_cli("doctor", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_probe_reads_the_test_pdf():
    assert doctor.probe_pdftotext(doctor.Options())[0].isdigit()
