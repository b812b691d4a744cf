"""One value formatter: messages, the report and the facts listing write a value the same way, in
Dutch notation ("12,5", "10–20 %", "37,5 °C")."""

from __future__ import annotations

import pytest

from pipeline import i18n
from pipeline.facts.model import Fact, value_text
from tests.conftest import run_cli


@pytest.mark.parametrize("lo,hi,unit,approx,want", [
    (12.5, 12.5, "count", False, "12,5"),
    (10, 20, "percent", False, "10–20 %"),
    (37.5, 37.5, "celsius", False, "37,5 °C"),
    (None, 2, "weeks", False, "≤ 2 weken"),
    (6, 6, "weeks", True, "ongeveer 6 weken"),
    (20000, 20000, "count", False, "20.000"),
])
def test_dutch_notation(lo, hi, unit, approx, want):
    assert i18n.quantity(lo, hi, unit, approx, lang="nl") == want
    fact = Fact(key="k", unit=unit, min=lo, max=hi, approx=approx)
    before = i18n.language()
    i18n.set_language("nl")
    try:
        assert fact.value_str() == want == value_text(lo, hi, None, unit, approx, None)
    finally:
        i18n.set_language(before)


def test_the_facts_listing_writes_values_as_messages_do(tmp_path):
    (tmp_path / "a.txt").write_text("Koorts\n\nBel bij koorts boven 37,5 graden.\n", encoding="utf-8")
    r = run_cli("--lang", "nl", "facts", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "alarm.fever_c = 37,5 °C\n" in r.stdout, r.stdout
