"""Invisible characters cannot hide a wrong number, a d/t error or a phone number from the gate.

Each character goes inside a number, a d/t verb and a phone number. The finding the text would
get without the character must still come out, plus ``typography.invisible-character`` with the
code point, and ``leaflint check`` must fail.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from pipeline.ingest.invisible import HIDDEN
from pipeline.report.printable import printable
from tests.conftest import have, run_cli

CHARS = {
    "U+00AD": "\u00ad",  # soft hyphen
    "U+200B": "\u200b",  # zero width space
    "U+200C": "\u200c",  # zero width non-joiner
    "U+200D": "\u200d",  # zero width joiner
    "U+2060": "\u2060",  # word joiner
    "U+034F": "\u034f",  # combining grapheme joiner
    "U+2062": "\u2062",  # invisible times
    "U+202E": "\u202e",  # right-to-left override
    "U+2066": "\u2066",  # left-to-right isolate
    "U+200E": "\u200e",  # left-to-right mark
    "U+FE0F": "\ufe0f",  # variation selector-16
    "U+FEFF": "\ufeff",  # zero width no-break space (byte order mark)
}
NUMBER = "Een miskraam is een verlies van de zwangerschap voor 2{c}0 weken.\n"
DT = "Soms gebe{c}urd er niets.\n"
PHONE = "Bel de praktijk op 020-1234567. Heb je vragen, bel de praktijk op 020-76{c}54321.\n"
ORIGINAL = {"number": "facts.reference", "dt": "grammar.dt", "phone": "contact.phone-inconsistent"}


def test_every_format_character_is_taken_out():
    """The class names every character of category Cf, so a new one cannot slip through."""
    import sys

    missing = [f"U+{i:04X}" for i in range(sys.maxunicode + 1)
               if unicodedata.category(chr(i)) == "Cf" and not HIDDEN.fullmatch(chr(i))]
    assert not missing


@pytest.fixture(scope="module")
def hidden_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("invisible")
    for code, c in CHARS.items():
        tag = code.replace("+", "")
        (folder / f"number_{tag}.txt").write_text(NUMBER.format(c=c), encoding="utf-8")
        (folder / f"dt_{tag}.txt").write_text(DT.format(c=c), encoding="utf-8")
        (folder / f"phone_{tag}.txt").write_text(PHONE.format(c=c), encoding="utf-8")
    r = run_cli("lint", "--format", "json", "--no-cache", folder)
    assert r.returncode == 1, r.stderr
    return folder, json.loads(r.stdout)["diagnostics"]


@pytest.mark.parametrize("where", ["number", "phone",
                                   pytest.param("dt", marks=[pytest.mark.system, pytest.mark.skipif(
                                       not have("frog"), reason="frog not installed")])])
@pytest.mark.parametrize("code", list(CHARS))
def test_the_original_finding_and_the_invisible_character_come_out(hidden_corpus, where, code):
    _folder, diags = hidden_corpus
    leaflet = f"{where}_{code.replace('+', '')}"
    rules = {d["rule"]: d for d in diags if d["leaflet"] == leaflet}
    assert ORIGINAL[where] in rules, sorted(rules)
    inv = rules.get("typography.invisible-character")
    assert inv is not None, sorted(rules)
    assert inv["severity"] == "error" and code in inv["message"]


def test_the_original_finding_points_at_the_source_column(hidden_corpus):
    _folder, diags = hidden_corpus
    d = next(d for d in diags if d["leaflet"] == "number_U00AD" and d["rule"] == "facts.reference")
    # "voor 2\u00ad0 weken": the quantity starts at "2" (column 53) and ends after "weken" (col 62 + 1)
    line = NUMBER.format(c="\u00ad")
    assert (d["line"], d["column"]) == (1, line.index("2\u00ad0") + 1)


@pytest.mark.parametrize("code", list(CHARS))
def test_the_gate_fails(tmp_path, code):
    """Alone, without a finding of another rule, the character still fails the release gate."""
    (tmp_path / "a.txt").write_text(f"Bel bij koorts boven 3{CHARS[code]}8 graden de verloskundige.\n",
                                    encoding="utf-8")
    r = run_cli("check", tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "typography.invisible-character" in r.stdout and code in r.stdout


def test_letters_inside_numbers_fail_the_gate(tmp_path):
    (tmp_path / "a.txt").write_text("Een miskraam is een verlies voor 2O weken.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Een miskraam is een verlies voor 2\u041e weken.\n", encoding="utf-8")
    r = run_cli("check", tmp_path)
    assert r.returncode == 1
    assert r.stdout.count("typography.lookalike-character") == 2


def test_terminal_output_escapes_control_and_bidi_characters(tmp_path):
    (tmp_path / "a.txt").write_text("Bel bij koorts \u202e de \x1b[2J verloskundige 2\u00ad0.\n", encoding="utf-8")
    r = run_cli("lint", "--format", "text", tmp_path, env={"NO_COLOR": "1"})
    assert "\u202e" not in r.stdout and "\x1b" not in r.stdout and "\u00ad" not in r.stdout
    assert "<U+202E>" in r.stdout and "<U+001B>" in r.stdout


def test_printable_caret_follows_escapes():
    assert printable("a\u202eb\n") == "a<U+202E>b<U+000A>"
    assert printable("é € tab\t", keep="\t") == "é € tab\t"
