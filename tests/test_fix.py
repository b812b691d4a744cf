"""Fixes: replacements over spans; `leaflint fix` applies the safe ones to a copy, or prints a diff."""

from __future__ import annotations

import pytest

from pipeline.diagnostic import Diagnostic, Severity
from pipeline.fix import fix_file, restate, safe_fixes
from tests.conftest import have, run_cli


@pytest.mark.parametrize("stated, lo, hi, unit, was, converted, expected", [
    ("tot 20 weken", 16, 16, "weeks", (20, 20), False, "tot 16 weken"),
    ("in de eerste 24 weken", 16, 16, "weeks", (24, 24), False, "in de eerste 16 weken"),
    ("10-15%", 20, 20, "percent", (10, 15), False, "20%"),
    ("38,5 graden", 38, 38, "celsius", (38.5, 38.5), False, "38 graden"),
    ("tussen 10 en 15 procent", 10, 20, "percent", (10, 15), False, "tussen 10–20 procent"),
    ("na 2 dagen", 1.5, 1.5, "days", (2, 2), False, "na 1,5 dagen"),
    # the digits are not the value itself: the whole quantity is replaced
    ("ongeveer 1 op de 10", 15, 15, "percent", (10, 10), False, "15 %"),
    ("5 maanden", 16, 16, "weeks", (21.75, 21.75), True, "16 weken"),
    ("twintig weken", 16, 16, "weeks", (20, 20), False, "16 weken"),
    ("meer dan 20 weken", None, 16, "weeks", (20, None), False, "≤ 16 weken"),
])
def test_restate_puts_another_value_into_the_words_of_the_text(stated, lo, hi, unit, was, converted, expected):
    assert restate(stated, lo, hi, unit, was, converted) == expected


def _finding(path, line, col, end_col, match, repl, safe=True, rule="spelling.unknown-word"):
    return Diagnostic(path=str(path), line=line, column=col, end_line=line, end_column=end_col, match=match,
                      message="m", rule=rule, severity=Severity.ERROR).offering(repl, safe=safe)


def test_fixes_keep_encoding_line_ends_and_skip_what_no_longer_matches(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Kop\r\nBij een curetage, 10 a 15 minuten.\r\nDe echoo.\r\n".encode("utf-8-sig"))
    diags = [
        _finding(f, 2, 9, 17, "curetage", "curettage"),
        _finding(f, 2, 22, 23, "a", "à", rule="typography.substitution"),
        _finding(f, 3, 4, 8, "ekko", "echo"),  # the text there is not "ekko": skipped
        _finding(f, 2, 9, 13, "cure", "kure"),  # overlaps the first fix: skipped
        _finding(f, 1, 1, 4, "Kop", "Kopje", safe=False),  # only offered
    ]
    planned = safe_fixes(diags)[str(f)]
    assert len(planned) == 4
    result = fix_file(f, planned)
    assert result.encoding == "utf-8-sig"
    assert result.fixed == "Kop\r\nBij een curettage, 10 à 15 minuten.\r\nDe echoo.\r\n"
    assert [p.fix.replacement for p in result.applied] == ["curettage", "à"]
    assert len(result.skipped) == 2
    assert "--- a/" in result.diff() and "+Bij een curettage, 10 à 15 minuten.\r\n" in result.diff()
    assert f.read_bytes().startswith(b"\xef\xbb\xbfKop")  # nothing written by fix_file


def test_a_windows_1252_file_stays_windows_1252(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Café: een curetage.\n".encode("cp1252"))
    result = fix_file(f, safe_fixes([_finding(f, 1, 11, 19, "curetage", "curettage")])[str(f)])
    assert result.encoding == "cp1252" and result.fixed.encode(result.encoding) == "Café: een curettage.\n".encode("cp1252")


def test_word_files_are_not_fixed_in_place(tmp_path):
    f = tmp_path / "a.docx"
    f.write_bytes(b"PK")
    result = fix_file(f, safe_fixes([_finding(f, 1, 1, 3, "PK", "pk")])[str(f)])
    assert not result.changed and "review" in result.skipped[0][1]


LEAFLET = ("Miskraam\n\nBij een curetage wordt de baarmoeder leeggemaakt.\n"
           "De ingreep duurt 10 a 15 minuten.\nEen miskraam is een verlies tot 20 weken zwangerschap.\n")
OTHER = "Miskraam\n\nEen miskraam is een verlies tot 16 weken.\n"


@pytest.fixture
def leaflets(tmp_path):
    d = tmp_path / "sources" / "leaflets"
    d.mkdir(parents=True)
    (d / "a.txt").write_text(LEAFLET, encoding="utf-8")
    (d / "b.txt").write_text(OTHER, encoding="utf-8")
    return d


@pytest.mark.system
@pytest.mark.skipif(not have("frog"), reason="the full lint wants Frog")
def test_fix_diff_prints_safe_fixes_and_writes_nothing(leaflets, tmp_path):
    r = run_cli("--lang", "en", "fix", leaflets, "--diff", "--out", tmp_path / "out", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "-Bij een curetage wordt" in r.stdout and "+Bij een curettage wordt" in r.stdout
    assert "+De ingreep duurt 10 à 15 minuten." in r.stdout
    assert "tot 16 weken" not in r.stdout  # a fact value is offered, never applied
    assert "'tot 20 weken' → 'tot 16 weken'" in r.stderr
    assert (leaflets / "a.txt").read_text(encoding="utf-8") == LEAFLET
    assert not (tmp_path / "out" / "fixed").exists()


@pytest.mark.system
@pytest.mark.skipif(not have("frog"), reason="the full lint wants Frog")
def test_fix_writes_a_copy_unless_told_to_write(leaflets, tmp_path):
    r = run_cli("fix", leaflets, "--out", tmp_path / "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    copy = (tmp_path / "out" / "fixed" / "a.txt").read_text(encoding="utf-8")
    assert "curettage" in copy and "10 à 15" in copy and "tot 20 weken" in copy
    assert (leaflets / "a.txt").read_text(encoding="utf-8") == LEAFLET
    assert not (tmp_path / "out" / "fixed" / "b.txt").exists()  # nothing to fix there
    r = run_cli("fix", leaflets, "--write", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (leaflets / "a.txt").read_text(encoding="utf-8") == copy
    r = run_cli("fix", leaflets, "--diff", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == ""  # nothing safe left
