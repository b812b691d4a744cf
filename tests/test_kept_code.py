"""The code of dataclass methods kept between processes: the same classes, compiled once."""

from __future__ import annotations

import builtins
import dataclasses
import sys

import pytest

from pipeline import kept_code
from pipeline.patterns import KeptTable


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setattr(kept_code, "KEPT", KeptTable(tmp_path / "code.marshal", kept_code._STAMP))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "code.marshal"


def _make():
    @dataclasses.dataclass(frozen=True, order=True)
    class Weeks:
        low: int
        high: int = 20
        unit: str = dataclasses.field(default="weken", compare=False)

    return Weeks


def test_dataclasses_take_their_methods_from_the_kept_code(fresh, monkeypatch):
    assert dataclasses.exec is kept_code.kept_exec  # importing pipeline installed it
    first = _make()
    assert kept_code.KEPT.new and all(isinstance(s, str) for s in kept_code.KEPT.new)
    kept_code.KEPT.save()
    kept_code.KEPT.kept, kept_code.KEPT.new = None, {}  # the next process reads what this one kept
    compile_ = builtins.compile
    monkeypatch.setattr(builtins, "compile", lambda *a, **k: pytest.fail("compiled again"))
    again = _make()
    monkeypatch.setattr(builtins, "compile", compile_)
    assert not kept_code.KEPT.new
    a, b = again(16), again(16, unit="wk")
    assert a == b and hash(a) == hash(b) and again(10) < a and repr(a).endswith("Weeks(low=16, high=20, unit='weken')")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.low = 3
    assert repr(first(16)) == repr(a) and first.__init__.__code__.co_code == again.__init__.__code__.co_code


def test_a_table_of_another_python_is_not_used_and_nothing_is_written_without_bytecode(fresh, monkeypatch):
    _make()
    kept_code.KEPT.save()
    kept_code.KEPT.kept, kept_code.KEPT.stamp = None, ("another python", b"\0\0\r\n")
    assert kept_code.KEPT.table() == {}
    fresh.unlink()
    kept_code.KEPT.new = {}
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _make()
    kept_code.KEPT.save()
    assert not fresh.exists()
