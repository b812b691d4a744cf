"""Per-document work: cached by content, parallel over cores, same results either way."""

from __future__ import annotations

import os
import shutil
import signal
import threading

from pipeline import orchestrate, workers
from pipeline.lint.config import Config
from tests.conftest import SEEDS


def _config(tmp_path):
    return Config(output=tmp_path / "out", sources=tmp_path / "sources")


def _keyset(result):
    return [(d.path, d.line, d.column, d.rule, d.message) for d in result.diagnostics]


def test_warm_run_reads_the_cache_and_an_edit_rechecks_one_leaflet(seeds_copy, tmp_path):
    cfg = _config(tmp_path)
    cold = orchestrate.run_lint([seeds_copy], cfg)
    assert cold.stats == {"documents": 5, "cached": 0, "processed": 5}
    warm = orchestrate.run_lint([seeds_copy], cfg)
    assert warm.stats == {"documents": 5, "cached": 5, "processed": 0}
    assert _keyset(warm) == _keyset(cold)
    assert sorted(warm.corpus.facts) == sorted(cold.corpus.facts)
    f = next(seeds_copy.glob("002_*.txt"))
    f.write_text(f.read_text(encoding="utf-8") + "\nEen extra zin.\n", encoding="utf-8")
    edited = orchestrate.run_lint([seeds_copy], cfg)
    assert edited.stats == {"documents": 5, "cached": 4, "processed": 1}


def test_no_cache_option_processes_everything(seeds_copy, tmp_path):
    cfg = _config(tmp_path)
    orchestrate.run_lint([seeds_copy], cfg)
    again = orchestrate.run_lint([seeds_copy], cfg, cache=False)
    assert again.stats["processed"] == 5
    assert not (tmp_path / "out2").exists()


def test_parallel_and_serial_runs_agree(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 4)  # workers even for a small corpus
    folder = _copies(tmp_path / "many", 6)
    serial = orchestrate.run_lint([folder], _config(tmp_path / "a"), jobs=1, cache=False)
    parallel = orchestrate.run_lint([folder], _config(tmp_path / "b"), jobs=2, cache=False)
    assert _keyset(serial) == _keyset(parallel)
    assert [d.id for d in serial.corpus.documents] == [d.id for d in parallel.corpus.documents]


def _copies(folder, n):
    folder.mkdir()
    seeds = sorted(SEEDS.glob("[0-9]*.txt"))
    for i in range(n):
        src = seeds[i % len(seeds)]
        shutil.copy2(src, folder / f"copy{i:02d}_{src.name}")
    return folder


def _give_up(signum, frame):
    raise AssertionError("the run still waits for a worker that died")


def test_a_worker_that_dies_costs_one_leaflet_and_the_run_ends(tmp_path, monkeypatch):
    """A worker killed under a leaflet (kill -9, the kernel's out-of-memory killer) used to leave the
    run waiting for its answer for ever; now that leaflet is reported and the others are checked."""
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 4)
    folder = _copies(tmp_path / "many", 5)
    rest = shutil.copytree(folder, tmp_path / "rest")
    next(rest.glob("copy03_*")).unlink()
    serial = orchestrate.run_lint([rest], _config(tmp_path / "a"), jobs=1, cache=False)
    real = workers.process

    def dies_under_one(path_str):
        if "copy03_" in path_str:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path_str)

    monkeypatch.setattr(workers, "process", dies_under_one)
    previous = signal.signal(signal.SIGALRM, _give_up)
    signal.alarm(240)
    try:
        parallel = orchestrate.run_lint([folder], _config(tmp_path / "b"), jobs=2, cache=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    died = [p for p in parallel.corpus.problems if p.key == "worker-died"]
    assert [os.path.basename(p.path) for p in died] == [next(folder.glob("copy03_*")).name]
    assert "not checked" in died[0].message or "niet gecontroleerd" in died[0].message
    def named(result):
        return [(os.path.basename(k[0]), *k[1:]) for k in _keyset(result) if "copy03_" not in k[0]]

    assert named(parallel) == named(serial)
    assert any("copy03_" in k[0] and k[3] == "ingest.unreadable" for k in _keyset(parallel))


def test_workers_started_while_other_threads_run_do_not_inherit_their_locks(tmp_path, monkeypatch):
    """The language server reads a folder it has not read before in worker processes while its own
    threads run; a worker forked at that moment inherited a lock another thread held, and waited for
    it for ever (so did the editor)."""
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 4)
    folder = _copies(tmp_path / "many", 4)
    serial = orchestrate.run_lint([folder], _config(tmp_path / "a"), jobs=1, cache=False)
    held = threading.Lock()
    real = workers.process

    def needs_the_lock(path_str):
        with held:
            return real(path_str)

    monkeypatch.setattr(workers, "process", needs_the_lock)
    done = {}
    lint = threading.Thread(target=lambda: done.update(
        result=orchestrate.run_lint([folder], _config(tmp_path / "b"), jobs=2, cache=False)), daemon=True)
    with held:  # another thread holds it while the workers start
        lint.start()
        lint.join(timeout=240)
    assert not lint.is_alive(), "a worker waits for a lock that no thread of it will release"
    assert _keyset(done["result"]) == _keyset(serial)


def test_a_cached_result_reports_the_path_as_given_this_time(seeds_copy, tmp_path, monkeypatch):
    cfg = _config(tmp_path)
    absolute = orchestrate.run_lint([seeds_copy], cfg)
    assert all(d.path.startswith(str(seeds_copy)) for d in absolute.diagnostics if d.leaflet)
    monkeypatch.chdir(seeds_copy.parent)
    relative = orchestrate.run_lint([seeds_copy.relative_to(seeds_copy.parent)], cfg)
    assert relative.stats["cached"] == 5
    paths = {d.path for d in relative.diagnostics if d.leaflet}
    assert paths and all(p.startswith("leaflets/") for p in paths)
    assert {str(d.path) for d in relative.corpus.documents} == {f"leaflets/{p.name}" for p in seeds_copy.glob("*.txt")}
    for facts in relative.corpus.facts.values():
        assert all(f.path.startswith("leaflets/") for f in facts)
