"""The engine: inline suppressions and waivers (with expiry)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.ingest.document import Document, identity_block
from pipeline.lint import suppress
from pipeline.lint.config import Config
from pipeline.lint.engine import Context, apply_suppressions, apply_waivers, enabled_rules, run_corpus_rules

MD = """# Titel
<!-- leaflint-disable-next-line spelling.unknown-word -->
Een curetage is nodig.
Een curetage is nodig.
<!-- leaflint-disable style -->
Jij en u.
<!-- leaflint-enable style -->
Jij en u.
"""


def test_parse_next_line_and_ranges():
    sup = suppress.parse(MD)
    assert sup.covers(3, "spelling.unknown-word")
    assert not sup.covers(4, "spelling.unknown-word")
    assert not sup.covers(3, "grammar.dt")
    assert sup.covers(6, "style.address-form")  # category covers its rules
    assert not sup.covers(8, "style.address-form")


def test_bare_disable_covers_everything_to_the_end():
    sup = suppress.parse("a\n<!-- leaflint-disable -->\nb\nc\n")
    assert sup.covers(4, "facts.conflict") and not sup.covers(1, "facts.conflict")


def _diag(path, line, rule, **kw):
    return Diagnostic(str(path), line, 1, "m", rule=rule, severity=Severity.WARNING, **kw)


def test_suppressions_apply_to_markdown_only(tmp_path):
    md = Document(path=tmp_path / "a.md", id="a", format="md", source=MD,
                  blocks=[identity_block("paragraph", "x", 0)])
    txt = Document(path=tmp_path / "b.txt", id="b", format="txt", source=MD,
                   blocks=[identity_block("paragraph", "x", 0)])
    corpus = Corpus(documents=[md, txt])
    found = [_diag(md.path, 3, "spelling.unknown-word"), _diag(md.path, 4, "spelling.unknown-word"),
             _diag(txt.path, 3, "spelling.unknown-word")]
    kept = apply_suppressions(found, corpus)
    assert [(Path(d.path).name, d.line) for d in kept] == [("a.md", 4), ("b.txt", 3)]


def _waivers(tmp_path, expires):
    p = tmp_path / "waivers.yaml"
    p.write_text(
        "waivers:\n"
        "  - rule: facts.conflict\n"
        "    leaflet: a\n"
        "    fact: miscarriage.cutoff_weeks\n"
        "    reason: Belgische folder, bewust 20 weken\n"
        "    reviewer: J. de Vries\n"
        f"    expires: {expires}\n",
        encoding="utf-8",
    )
    return p


def _waivers_step(found, ctx):
    """The waivers applied, then the findings of the rules that report what the step recorded."""
    kept = apply_waivers(found, ctx)
    return kept + run_corpus_rules(ctx.corpus, enabled_rules(ctx.config), ctx, "waivers")


def test_active_waiver_suppresses_only_what_it_names(tmp_path):
    cfg = Config(waivers=_waivers(tmp_path, "2027-01-01"))
    ctx = Context(config=cfg, corpus=Corpus(), today=dt.date(2026, 11, 23))
    hit = _diag(tmp_path / "a.txt", 2, "facts.conflict", leaflet="a", fact="miscarriage.cutoff_weeks")
    other_fact = _diag(tmp_path / "a.txt", 3, "facts.conflict", leaflet="a", fact="miscarriage.incidence_pct")
    other_leaflet = _diag(tmp_path / "b.txt", 2, "facts.conflict", leaflet="b", fact="miscarriage.cutoff_weeks")
    kept = apply_waivers([hit, other_fact, other_leaflet], ctx)
    assert kept == [other_fact, other_leaflet]


def test_expired_waiver_stops_suppressing_and_is_reported(tmp_path, english):
    cfg = Config(waivers=_waivers(tmp_path, "2026-01-01"))
    ctx = Context(config=cfg, corpus=Corpus(), today=dt.date(2026, 11, 23))
    hit = _diag(tmp_path / "a.txt", 2, "facts.conflict", leaflet="a", fact="miscarriage.cutoff_weeks")
    kept = _waivers_step([hit], ctx)
    assert hit in kept
    expired = [d for d in kept if d.rule == "config.expired-waiver"]
    assert len(expired) == 1
    assert expired[0].path == str(tmp_path / "waivers.yaml") and expired[0].line == 2
    assert "expired on 1 January 2026" in expired[0].message and expired[0].related[0].line == 2


def test_broken_waivers_file_is_a_finding(tmp_path):
    p = tmp_path / "waivers.yaml"
    p.write_text("waivers:\n  - rule: facts.conflict\n    leaflet: a\n", encoding="utf-8")
    cfg = Config(waivers=p)
    ctx = Context(config=cfg, corpus=Corpus())
    kept = _waivers_step([], ctx)
    assert [d.rule for d in kept] == ["config.waivers"]
    assert "reason" in kept[0].message


def test_atomic_write_honours_the_umask(tmp_path):
    import os
    import stat

    from pipeline.yamlio import atomic_write

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "x.html", "<p>hoi</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.html").stat().st_mode) == 0o644


def test_invalid_date_and_empty_file_are_data_errors(tmp_path):
    import pytest

    from pipeline.yamlio import DataFileError, load_validated

    bad = tmp_path / "a.meta.yaml"
    bad.write_text("date: 2026-13-45\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="invalid value"):
        load_validated(bad, "sidecar.schema.json")
    empty = tmp_path / "b.meta.yaml"
    empty.write_text("", encoding="utf-8")
    assert load_validated(empty, "sidecar.schema.json") == {}


def test_waiver_for_an_unknown_rule_is_reported(tmp_path, english):
    p = tmp_path / "waivers.yaml"
    p.write_text("waivers:\n  - rule: nosuch.rule\n    leaflet: a\n    reason: typo in the rule id\n"
                 "    reviewer: X\n    expires: 2099-01-01\n", encoding="utf-8")
    cfg = Config(waivers=p)
    kept = _waivers_step([], Context(config=cfg, corpus=Corpus()))
    assert [(d.rule, d.line) for d in kept] == [("config.waivers", 2)]
    assert "unknown rule 'nosuch.rule'" in kept[0].message


def test_large_data_files_load_from_the_parse_cache(tmp_path, monkeypatch):
    from pipeline import yamlio

    monkeypatch.setattr(yamlio, "_cache_file", lambda key: tmp_path / "cache" / f"{key}.pickle")
    cfg = tmp_path / "leaflint.yaml"
    cfg.write_text("exclude:\n" + "".join(f"  - '*concept{i}*'\n" for i in range(200)), encoding="utf-8")
    first = yamlio.load_validated(cfg, "config.schema.json")
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    calls = []
    monkeypatch.setattr(yamlio, "load_yaml", lambda *a, **k: calls.append(a))
    again = yamlio.load_validated(cfg, "config.schema.json")
    assert again == first and not calls  # read back, not parsed
    assert again.lc.key("exclude") == first.lc.key("exclude")  # positions survive for error messages


def test_atomic_write_to_a_pipe_or_device_writes_into_it_and_leaves_it_there(tmp_path):
    """``leaflint lint -o /dev/null`` as root renamed a file over /dev/null; a named pipe shows the same."""
    import stat
    import threading

    from pipeline.yamlio import atomic_write

    fifo = tmp_path / "report"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write(fifo, "{}\n")
    reader.join(timeout=10)
    assert got == [b"{}\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["report"]  # no temporary file left beside it
