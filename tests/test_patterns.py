"""Compiled regular expressions kept between processes: the same pattern objects, never a broken one."""

from __future__ import annotations

import re
import sys

import pytest

from pipeline import patterns


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "KEPT", patterns.KeptTable(tmp_path / "patterns.marshal", patterns._STAMP))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "patterns.marshal"


def _next_process(monkeypatch):
    patterns.KEPT.save()
    patterns.KEPT.kept = None


def test_a_kept_pattern_is_the_pattern_re_makes(fresh, monkeypatch):
    text = r"(?P<n>\d+)\s*(?:weken|wk)\b|tot\s+(?P<m>\d+)"
    first = patterns.compile(text, re.IGNORECASE)
    _next_process(monkeypatch)
    monkeypatch.setattr(patterns.re._parser, "parse", lambda *a: pytest.fail("parsed again"))
    again = patterns.compile(text, re.IGNORECASE)
    assert again == first == re.compile(text, re.IGNORECASE)
    assert again.groupindex == {"n": 1, "m": 2} and again.flags & re.IGNORECASE
    m = again.search("Tot 16 Weken")
    assert m.group("m") == "16" and again.sub("x", "na 3 wk") == "na x"


def test_a_broken_pattern_raises_and_is_never_kept(fresh, monkeypatch):
    with pytest.raises(re.error):
        patterns.compile("tot (16 weken")
    patterns.KEPT.save()
    assert not fresh.exists()


def test_a_table_of_another_python_or_a_damaged_one_is_not_used(fresh, monkeypatch):
    patterns.compile("a+b")
    _next_process(monkeypatch)
    assert ("a+b", 0) in patterns.KEPT.table()
    patterns.KEPT.kept = None
    patterns.KEPT.stamp = ("another python", 1, 4)
    assert patterns.KEPT.table() == {}
    fresh.write_bytes(b"\x00garbage")
    patterns.KEPT.kept = None
    assert patterns.KEPT.table() == {} and patterns.compile("a+b").match("aab")


def test_nothing_is_written_when_python_writes_no_bytecode(fresh, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterns.compile("c+d")
    patterns.KEPT.save()
    assert not fresh.exists()


def test_installed_every_pattern_re_compiles_is_built_from_its_kept_form(fresh, monkeypatch):
    """The package installs the kept forms for ``re`` itself (module-level patterns, libraries):
    a pattern seen by an earlier process is not parsed again and is the pattern re makes."""
    assert getattr(re._compiler.compile, "_kept", False)  # importing pipeline installed it
    text, flags = r"(?<!\w)na\s+(?P<n>\d+)\s+weken(?!\w)", re.IGNORECASE
    parse = re._parser.parse
    re.purge()
    first = re.compile(text, flags)
    assert (text, int(flags)) in patterns.KEPT.new
    _next_process(monkeypatch)
    re.purge()  # re's own cache is per process
    monkeypatch.setattr(patterns.re._parser, "parse", lambda *a: pytest.fail("parsed again"))
    again = re.compile(text, flags)
    monkeypatch.setattr(patterns.re._parser, "parse", parse)
    re.purge()
    assert again == first == re.compile(text, flags)
    assert again.search("Na 16 WEKEN").group("n") == "16"


def test_installed_a_broken_pattern_still_raises_and_bytes_are_compiled_as_usual(fresh):
    re.purge()
    with pytest.raises(re.error):
        re.compile("na (16 weken")
    assert re.compile(rb"\d+").match(b"16") and not any(isinstance(k[0], bytes) for k in patterns.KEPT.new)
    assert ("na (16 weken", 0) not in patterns.KEPT.new
