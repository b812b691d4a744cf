"""Bounded work per leaflet: documented limits refuse what no leaflet needs, fast; a watchdog ends the rest."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline import workers
from pipeline.corpus import read_leaflet
from pipeline.language.tokens import spell_tokens
from pipeline.lint.config import Config


def _timed_read(path: Path, config: Config):
    t = time.perf_counter()
    doc, problems = read_leaflet(path, config)
    return doc, problems, time.perf_counter() - t


def test_a_huge_text_is_refused_by_the_character_limit_before_it_is_read(tmp_path):
    f = tmp_path / "groot.txt"
    with open(f, "w") as out:
        out.write(("Tekst " + "a" * 93 + "\n") * 200_000)  # 20 MB, 200,000 lines
    doc, problems, _seconds = _timed_read(f, Config())
    assert doc is None and "limits.max_characters" in problems[0].message


def test_a_paragraph_of_urls_is_refused_by_the_url_limit(tmp_path):
    f = tmp_path / "links.txt"
    f.write_text("Meer informatie: " + " ".join(f"https://www.voorbeeld{i}.nl/p/{i}" for i in range(8000)) + ".\n")
    doc, problems, _seconds = _timed_read(f, Config())
    assert doc is None and "limits.max_urls_per_block" in problems[0].message


def test_limits_come_from_the_configuration(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Zie https://a.nl en https://b.nl en https://c.nl voor meer.\n")
    config = Config()
    config.limits["max_urls_per_block"] = 2
    assert read_leaflet(f, config)[0] is None
    config.limits["max_urls_per_block"] = 3
    assert read_leaflet(f, config)[0] is not None


def test_masking_many_urls_is_not_quadratic():
    """The spelling tokenizer once compared every word with every URL: 8,000 URLs took minutes."""
    text = " ".join(f"woord{i} https://www.voorbeeld{i}.nl/p" for i in range(8000))
    spell_tokens.cache_clear()
    tokens = spell_tokens(text)
    assert not any("voorbeeld" in t.text for t in tokens if hasattr(t, "text"))


def test_the_watchdog_skips_a_leaflet_that_takes_too_long(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text("Een miskraam is het verlies van een zwangerschap.\n")
    config = Config()
    config.limits["max_seconds_per_leaflet"] = 1
    workers.start_worker(config, {}, ["style.address-form"])
    monkeypatch.setattr(workers, "process_one", lambda p: time.sleep(5))
    t = time.monotonic()
    result = workers.process(str(f))
    assert time.monotonic() - t < 4
    assert result.document is None and "limits.max_seconds_per_leaflet" in result.problems[0].message
