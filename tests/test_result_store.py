"""The consolidated result store: results and facts by content key, stat signatures, broken files."""

from __future__ import annotations

import os
import time

from pipeline import cache_keys, orchestrate, workers
from pipeline.facts.model import Fact
from pipeline.lint.config import Config
from pipeline.result_store import ResultStore


def _fact(key, leaflet="a"):
    return Fact(key=key, min=16.0, max=16.0, unit="weeks", line=1, column=1, leaflet=leaflet, path=f"{leaflet}.txt")


def test_results_and_facts_round_trip_and_facts_filter_by_kind(tmp_path):
    store = ResultStore(tmp_path / "s.sqlite")
    r = workers.DocumentResult(path="a.txt", notes=["n"])
    store.put_results([("k1", r)])
    store.put_facts([("f1", "a", [_fact("miscarriage.cutoff_weeks"), _fact("bleeding.days")]), ("f2", "b", [])])
    store.close()
    again = ResultStore(tmp_path / "s.sqlite")
    assert again.results(["k1", "nope"])["k1"].notes == ["n"]
    assert [f.key for f in again.facts(["f1"])["f1"][1]] == ["miscarriage.cutoff_weeks", "bleeding.days"]
    only = again.facts(["f1", "f2"], parts={"bleeding.days"})
    assert [f.key for f in only["f1"][1]] == ["bleeding.days"] and only["f2"] == ("b", [])


def test_a_broken_store_only_costs_time(tmp_path, seeds_copy):
    out = tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    (out / ".cache" / "results.sqlite").write_bytes(b"not a database at all" * 100)
    cfg = Config(output=out)
    first = orchestrate.run_lint([seeds_copy], cfg, select={"facts.conflict"})
    assert first.stats["processed"] == 5
    assert any(d.rule == "facts.conflict" for d in first.diagnostics)


def test_the_code_digest_reads_the_files_pathlib_lists_in_its_order(tmp_path, monkeypatch):
    """The digest of code and data walks folders with strings (it runs on every lint): the files and
    their order are those of pathlib's rglob, with bytecode and the benchmark left out."""
    root = tmp_path / "pkg"
    for name in ("a.py", "b/c.yaml", "b/__pycache__/c.cpython-311.pyc", "bench/x.py", "b-c/d.json", "b/.hidden.txt",
                 "b/notes", "z.py", "b/c/e.po", "b/c.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name, encoding="utf-8")
    want = [f.relative_to(root).as_posix() for f in sorted(root.rglob("*")) if f.is_file()
            and f.suffix in cache_keys._DATA_SUFFIXES and not {"__pycache__", "bench"}.intersection(f.relative_to(root).parts)]
    assert cache_keys._result_files(str(root)) == want == ["a.py", "b/.hidden.txt", "b/c/e.po", "b/c.txt", "b/c.yaml", "b-c/d.json", "z.py"]
    monkeypatch.setattr(cache_keys, "PACKAGE_DIR", root)
    monkeypatch.setattr(cache_keys, "SCHEMA_DIR", tmp_path / "none")
    cache_keys.code_digest.cache_clear()
    first = cache_keys.code_digest()
    (root / "b" / "c.yaml").write_text("changed", encoding="utf-8")
    cache_keys.code_digest.cache_clear()
    assert cache_keys.code_digest() != first
    cache_keys.code_digest.cache_clear()


def test_content_keys_read_a_file_again_only_when_its_signature_changed(tmp_path, monkeypatch):
    store = ResultStore(tmp_path / "s.sqlite")
    leaflet = tmp_path / "a.txt"
    leaflet.write_text("Een miskraam tot 16 weken.\n", encoding="utf-8")
    old = time.time() - 60
    os.utime(leaflet, (old, old))
    first = cache_keys.content_keys([leaflet], "base", store)
    reads = []
    real = cache_keys.content_digest
    monkeypatch.setattr(cache_keys, "content_digest", lambda p: reads.append(p) or real(p))
    assert cache_keys.content_keys([leaflet], "base", store) == first and reads == []
    leaflet.write_text("Een miskraam tot 20 weken.\n", encoding="utf-8")  # same size, new mtime
    changed = cache_keys.content_keys([leaflet], "base", store)
    assert reads == [leaflet] and changed != first
    # just written (within the settle time): its signature is not trusted next time either
    assert cache_keys.content_keys([leaflet], "base", store) == changed and len(reads) == 2
    assert cache_keys.content_keys([leaflet], "other base", store) != changed


def test_changed_run_reads_the_facts_of_the_others_from_the_store(seeds_copy, tmp_path, monkeypatch):
    cfg = Config(output=tmp_path / "out")
    orchestrate.run_lint([seeds_copy], cfg, select={"facts"})  # fills results and facts
    computed = []
    real = workers.compute
    monkeypatch.setattr(workers, "compute", lambda todo, *a, **k: computed.extend(todo) or real(todo, *a, **k))
    changed = seeds_copy / "000_43f8e8ab3b97e02a.txt"  # 16 weeks, as the reference; 004 says 20
    result = orchestrate.run_lint_changed([changed], [seeds_copy], cfg, select={"facts"})
    assert computed == []  # the changed leaflet's result and the others' facts all came from the store
    cutoff = [d for d in result.diagnostics if d.fact == "miscarriage.cutoff_weeks"]
    assert cutoff and all(d.leaflet == "004_de792eee956c9f0d" for d in cutoff)
    assert any(r.path == str(changed) for d in cutoff for r in d.related)


class _Stream:
    def __init__(self, tty):
        self.tty, self.text = tty, []

    def isatty(self):
        return self.tty

    def write(self, s):
        self.text.append(s)
        return len(s)

    def flush(self):
        pass


def test_progress_only_on_a_terminal_and_only_after_the_delay():
    from pipeline.progress import Progress

    quiet = _Stream(tty=False)
    p = Progress("leaflint", 10, stream=quiet, delay=0)
    for _ in range(5):
        p.advance()
    p.close()
    assert quiet.text == [] and p.bar is None
    late = Progress("leaflint", 10, stream=_Stream(tty=True), delay=3600)
    late.advance()
    assert late.bar is None  # a short run shows nothing
    shown = Progress("leaflint", 10, stream=_Stream(tty=True), delay=0)
    shown.advance()
    assert shown.bar is not None
    shown.close()
    assert shown.bar is None


def test_suggestions_are_kept_between_runs_until_a_word_list_changes(tmp_path, monkeypatch):
    from pipeline.language.spelling import SpellChecker

    src, out = tmp_path / "sources", tmp_path / "out"
    (src / "wordlists").mkdir(parents=True)
    (src / "wordlists" / "eigen.txt").write_text("echoscopie\n", encoding="utf-8")
    leaflet = tmp_path / "a.txt"
    cfg = Config(sources=src, output=out)
    ranked = []
    real = SpellChecker._rank
    monkeypatch.setattr(SpellChecker, "_rank", lambda self, w: ranked.append(w) or real(self, w))

    def suggestions(text: str) -> tuple:
        leaflet.write_text(text, encoding="utf-8")
        result = orchestrate.run_lint([leaflet], cfg, select={"spelling.unknown-word"})
        return next(d.suggestions for d in result.diagnostics if d.match == "curetage")

    first = suggestions("Bij een curetage wordt de baarmoeder leeggemaakt.\n")
    assert first[0] == "curettage" and ranked == ["curetage"]
    # another text with the same slip: the suggestions come from the store, identical
    assert suggestions("Na een curetage mag je weer fietsen.\n") == first and ranked == ["curetage"]
    # a word list that changes: ranked afresh, and its word one edit away is offered
    (src / "wordlists" / "eigen.txt").write_text("echoscopie\ncuretaage\n", encoding="utf-8")
    again = suggestions("Na een curetage mag je weer zwemmen.\n")
    assert ranked == ["curetage", "curetage"] and "curetaage" in again
    # without the store (--no-cache) nothing is kept or read
    ranked.clear()
    orchestrate.run_lint([leaflet], cfg, select={"spelling.unknown-word"}, cache=False)
    assert ranked == ["curetage"]


def test_a_changed_leaflet_reads_only_the_facts_of_its_comparison_groups(tmp_path, monkeypatch):
    corpus = tmp_path / "leaflets"
    corpus.mkdir()
    texts = {"a": "Een miskraam is een zwangerschap die eindigt voor 16 weken.\n",
             "b": "Een miskraam is een zwangerschap die eindigt voor 20 weken.\n",
             "c": "Ongeveer 10% van de zwangerschappen eindigt in een miskraam.\n"}
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    cfg = Config(output=tmp_path / "out")
    orchestrate.run_lint([corpus], cfg, select={"facts"})
    read = {}
    real = ResultStore.facts
    monkeypatch.setattr(ResultStore, "facts", lambda self, keys, parts=None: read.update(
        (lid, [f.key for f in facts]) for lid, facts in real(self, keys, parts).values()) or real(self, keys, parts))
    (corpus / "a.txt").write_text(texts["a"] + "Bel bij koorts.\n", encoding="utf-8")
    result = orchestrate.run_lint_changed([corpus / "a.txt"], [corpus], cfg, select={"facts"})
    # only b's facts of the group are read (a finding names b); c states only another kind
    assert read == {"b": ["miscarriage.cutoff_weeks"]}
    # b's 20 weeks against the reference, with a as the agreeing leaflet, is still reported
    assert any(d.leaflet == "b" and d.fact == "miscarriage.cutoff_weeks" for d in result.diagnostics)
    # the same findings as a whole-corpus run, restricted to those that concern a
    whole = orchestrate.run_lint([corpus], cfg, select={"facts"}, cache=False)
    assert sorted(d.message for d in result.diagnostics) == sorted(
        d.message for d in whole.diagnostics if orchestrate.concerns(d, {"a"}))
