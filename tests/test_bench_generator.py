"""The benchmark's corpus generator and measuring helpers (small sizes; `make bench` does the rest)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.bench import generate as gen
from pipeline.bench.harness import evaluate_targets, measure
from pipeline.bench.probes import rule_groups
from pipeline.bench.report import markdown
from tests.conftest import SEEDS


@pytest.fixture
def sources(tmp_path):
    """A sources/ folder holding copies of the seed leaflets (the generator only reads it)."""
    d = tmp_path / "sources"
    (d / "leaflets").mkdir(parents=True)
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy2(f, d / "leaflets" / f.name)
    return d


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "leaflets").glob("*.txt"))}


def test_split_sections_keeps_a_heading_with_its_text():
    text = "Titel\n\nHerstel\n\nHet herstel duurt twee weken.\nDaarna gaat het beter.\n\n\nKoorts\nBel bij koorts."
    sections = gen.split_sections(text)
    assert sections == ["Titel\n\nHerstel\n\nHet herstel duurt twee weken.\nDaarna gaat het beter.",
                        "Koorts\nBel bij koorts."]


def test_split_sections_cuts_a_long_run_before_heading_like_lines():
    body = [f"Dit is zin nummer {i} van de alinea." for i in range(6)]
    text = "\n".join(["Inleiding", *body, "Wanneer bellen", "Bel bij hevig bloedverlies.", "Of bij koorts."])
    sections = gen.split_sections(text)
    assert len(sections) == 2
    assert sections[1].startswith("Wanneer bellen\n")
    # nothing lost, nothing added
    assert "\n".join(sections) == text


def test_same_seed_same_corpus_and_smaller_corpus_is_a_prefix(sources, tmp_path):
    a = gen.generate(12, tmp_path / "a", seed=7, sources=sources)
    b = gen.generate(12, tmp_path / "b", seed=7, sources=sources)
    small = gen.generate(5, tmp_path / "small", seed=7, sources=sources)
    other = gen.generate(12, tmp_path / "c", seed=8, sources=sources)
    fa, fb, fs, fo = (_files(tmp_path / x) for x in ("a", "b", "small", "c"))
    assert len(fa) == 12 and fa == fb
    assert a["planted"] == b["planted"]
    assert fs == {k: fa[k] for k in sorted(fa)[:5]}
    assert small["planted"]["misspellings"] == [t for t in a["planted"]["misspellings"]
                                                if t["leaflet"] in {Path(k).stem for k in fs}]
    assert fo != fa


def test_planted_findings_are_where_the_manifest_says(sources, tmp_path):
    m = gen.generate(40, tmp_path / "c", seed=3, sources=sources)
    typos, conflicts = m["planted"]["misspellings"], m["planted"]["conflicts"]
    assert typos and conflicts, "40 leaflets should carry planted misspellings and varied quantities"
    lines = {}
    for p in (tmp_path / "c" / "leaflets").glob("*.txt"):
        lines[p.stem] = p.read_text(encoding="utf-8").split("\n")
    for t in typos:
        line = lines[t["leaflet"]][t["line"] - 1]
        assert line[t["column"] - 1:].startswith(t["typo"]), t
        assert t["typo"] != t["word"]
        assert sorted(t["typo"]) == sorted(t["word"]) or len(t["typo"]) == len(t["word"]) - 1
    for c in conflicts:
        line = lines[c["leaflet"]][c["line"] - 1]
        assert line[c["column"] - 1:].startswith(c["changed"]), c
        assert c["changed"] != c["original"]
    assert m["words"] == sum(len("\n".join(v).split()) for v in lines.values())


def test_unplanted_text_comes_from_the_seeds(sources, tmp_path):
    m = gen.generate(30, tmp_path / "c", seed=5, sources=sources)
    seed_lines = set()
    for f in (sources / "leaflets").glob("*.txt"):
        seed_lines.update(f.read_text(encoding="utf-8").splitlines())
    touched = {(t["leaflet"], t["line"]) for t in m["planted"]["misspellings"]}
    touched |= {(c["leaflet"], c["line"]) for c in m["planted"]["conflicts"]}
    checked = 0
    for p in (tmp_path / "c" / "leaflets").glob("*.txt"):
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and (p.stem, i) not in touched:
                assert line in seed_lines, f"{p.name}:{i}: {line!r}"
                checked += 1
    assert checked > 300


def test_leaflets_are_about_as_long_as_the_seeds(sources, tmp_path):
    m = gen.generate(50, tmp_path / "c", seed=1, sources=sources)
    seed_words = [len(f.read_text(encoding="utf-8").split()) for f in (sources / "leaflets").glob("*.txt")]
    mean = m["words"] / 50
    assert min(seed_words) * 0.8 <= mean <= max(seed_words) * 1.2


def test_an_existing_corpus_is_reused_and_a_changed_seed_rebuilds_it(sources, tmp_path):
    target = tmp_path / "c"
    gen.generate(6, target, seed=1, sources=sources)
    first = target / "leaflets" / "bench-00000.txt"
    first.write_text("edited", encoding="utf-8")  # reuse must not look at the leaflets
    gen.generate(6, target, seed=1, sources=sources)
    assert first.read_text(encoding="utf-8") == "edited"
    seed = sorted((sources / "leaflets").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nNieuwe alinea over herstel na 3 weken.\n", encoding="utf-8")
    gen.generate(6, target, seed=1, sources=sources)
    assert first.read_text(encoding="utf-8") != "edited"
    assert not target.with_name("c.tmp").exists() and not target.with_name("c.old").exists()


def test_no_seeds_is_a_clear_error(tmp_path):
    (tmp_path / "leaflets").mkdir()
    with pytest.raises(gen.SeedError, match="no seed leaflets"):
        gen.generate(3, tmp_path / "c", sources=tmp_path)


def test_generated_leaflets_go_through_ingest(sources, tmp_path):
    from pipeline.corpus import load_corpus
    from pipeline.lint.config import Config

    gen.generate(8, tmp_path / "c", seed=2, sources=sources)
    corpus = load_corpus([tmp_path / "c" / "leaflets"], Config(sources=sources, output=tmp_path / "out"))
    assert [d.id for d in corpus.documents] == [f"bench-{i:05d}" for i in range(8)]
    assert not corpus.problems
    assert all(d.word_count() > 50 for d in corpus.documents)


def test_generate_command(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "pipeline.bench", "generate", "4", str(tmp_path / "c")],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert len(list((tmp_path / "c" / "leaflets").glob("*.txt"))) == 4
    assert json.loads((tmp_path / "c" / "manifest.json").read_text(encoding="utf-8"))["leaflets"] == 4
    bad = subprocess.run([sys.executable, "-m", "pipeline.bench", "--sizes", "10,ten"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2
    assert "sizes must be numbers" in bad.stderr and "Traceback" not in bad.stderr


def test_measure_reports_the_childs_peak_memory_and_stops_at_the_timeout():
    big = measure([sys.executable, "-c", "b = b'x' * (150 * 2**20); print(len(b))"])
    small = measure([sys.executable, "-c", "pass"])
    # Linux carries the high-water mark over fork and exec: the launcher keeps this test process's size
    # (over 150 MB in a full run) out of the small child's peak
    assert big.returncode == 0 and big.peak_rss_mb >= 150 > small.peak_tree_mb
    assert small.peak_rss_mb < 60
    busy = measure([sys.executable, "-c", "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.5: pass"])
    assert busy.cpu_s >= 0.45 and small.cpu_s < 0.45
    slow = measure([sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5)
    assert slow.timed_out and not slow.ok and slow.seconds < 10


def test_rule_groups_split_by_category():
    groups = rule_groups(["spelling.unknown-word", "grammar.dt", "facts.conflict", "style.long-sentence"])
    assert groups == {"spelling": {"spelling.unknown-word"}, "grammar": {"grammar.dt"},
                      "rules": {"facts.conflict", "style.long-sentence"}}


def _result(cold_1000, relint, pdf_per_s, ratio):
    row = {"leaflets": 1000, "words": 900_000, "cold_lint_s": cold_1000, "cold_lint_cpu_s": 20.0, "warm_lint_s": 1.0,
           "relint_one_s": relint, "peak_rss_mb": 300.0, "cache": True, "relint_changed_s": relint,
           "relint_changed_cpu_s": relint, "lsp_edit_ms": 250.0, "lsp_edit_cpu_ms": 150.0, "lsp_open_s": 2.0,
           "stages": {"ingest": 1.0, "facts": 2.0, "spelling": 3.0, "grammar": None, "rules": 0.5}}
    return {"machine": {"cpu": "test cpu", "cores": 2, "ram_gb": 4, "os": "Debian", "python": "3.11"},
            "started": "2026-11-23T00:00:00+00:00", "seed": 1, "corpora": [row],
            "spelling": {"words": 900_000, "leaflets": 1000, "words_per_s": 50_000, "hunspell_words_per_s": 100_000,
                         "ratio": 0.5},
            "render": {"documents": 40, "leaflets": 40, "pdf_per_s": pdf_per_s, "cli_pdf_per_s": 1.0,
                       "ratio_vs_cli": ratio, "chromium_pdf_per_s": None, "unchanged_rebuild_s": 1.5}}


def test_targets_are_judged_against_the_issue_limits():
    res = _result(cold_1000=25.0, relint=0.8, pdf_per_s=9.0, ratio=9.0)
    met = {t["name"]: t["met"] for t in evaluate_targets(res)}
    assert met["cold_lint_1000_s"] is False
    assert met["relint_one_s"] is True
    assert met["spelling_ratio"] is False
    assert met["pdf_per_s"] is True and met["render_ratio_vs_cli"] is True
    assert met["unchanged_rebuild_s"] is True
    assert met["cold_lint_10000_s"] is None and met["peak_rss_10000_mb"] is None
    assert met["relint_changed_1000_s"] is True and met["lsp_edit_ms"] is False
    assert met["lsp_edit_cpu_ms"] is True and met["relint_changed_cpu_10000_s"] is None


def test_markdown_table_names_the_machine_and_every_corpus():
    res = _result(cold_1000=12.0, relint=0.4, pdf_per_s=10.0, ratio=6.0)
    res["targets"] = evaluate_targets(res)
    md = markdown(res)
    assert "test cpu, 2 cores, 4 GB RAM, Debian, Python 3.11" in md
    assert "| 1,000 | 900,000 | 12.0 s | 20.0 s |" in md
    assert "0.50×" in md  # spelling ratio shown as ours ÷ theirs
    assert "| 1,000 leaflets, cold lint | ≤ 20 s | 12.0 s | yes |" in md


def test_relint_only_markdown_shows_the_edits_and_only_the_targets_it_measured():
    res = _result(cold_1000=12.0, relint=0.8, pdf_per_s=10.0, ratio=6.0)
    row = res["corpora"][0]
    for key in ("warm_lint_s", "relint_one_s"):
        del row[key]
    row["stages"] = {}
    row.update(relint_changed_max_s=0.95, relint_changed_max_cpu_s=0.9,
               relint_changed_runs=[{"leaflet": "a.txt", "wall_s": 0.8, "cpu_s": 0.8, "load": 1.2},
                                    {"leaflet": "b.txt", "wall_s": 0.95, "cpu_s": 0.9, "load": 1.6}])
    res.update(spelling={}, render={}, relint_only=True)
    res["targets"] = evaluate_targets(res)
    md = markdown(res)
    assert "0.80 s (0.80 s), max 0.95 s (0.90 s), load 1.6" in md
    assert "re-lint one edited leaflet (`lint FILE --corpus DIR`) | ≤ 1 s | 0.80 s | yes |" in md
    assert "rendering" not in md and "10,000 leaflets, cold lint" not in md


def test_measure_counts_worker_processes_together():
    code = ("import multiprocessing as mp, time\n"
            "def work(_):\n"
            "    b = b'x' * (100 * 2**20)\n"
            "    time.sleep(1.2)\n"
            "    return len(b)\n"
            "if __name__ == '__main__':\n"
            "    with mp.get_context('fork').Pool(2) as pool:\n"
            "        pool.map(work, [1, 2], chunksize=1)\n")
    m = measure([sys.executable, "-c", code])
    assert m.returncode == 0, m.stderr
    assert m.peak_rss_mb < 180 < m.peak_tree_mb  # one worker alone vs both at once
    assert m.peak_mb == m.peak_tree_mb


@pytest.mark.slow
@pytest.mark.system
def test_bench_end_to_end_writes_the_names_the_issue_asks_for(tmp_path):
    """A tiny `make bench`: every name of issue 6 in bench.json, the table on stdout."""
    r = subprocess.run([sys.executable, "-m", "pipeline.bench", "--sizes", "3", "--work", str(tmp_path / "work"),
                        "--out", str(tmp_path), "--render-docs", "2", "--baseline-docs", "1"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert {"machine", "corpora", "spelling", "render"} <= set(data)
    (row,) = data["corpora"]
    assert {"leaflets", "words", "cold_lint_s", "warm_lint_s", "relint_one_s", "peak_rss_mb", "stages"} <= set(row)
    assert set(row["stages"]) == {"ingest", "facts", "spelling", "grammar", "rules"}
    assert row["leaflets"] == 3 and row["words"] > 300
    assert row["cold_lint_s"] > 0 and row["peak_rss_mb"] > 20
    assert row["planted"]["findings"] > 0
    # issue 13: the edited leaflet against the corpus, and the language server
    assert row["relint_changed_s"] > 0 and row["relint_changed_cpu_s"] > 0
    assert row["lsp_edit_ms"] > 0 and row["lsp_open_s"] > 0 and row["lsp_edit_cpu_ms"] >= 0
    assert {"words_per_s", "hunspell_words_per_s", "ratio"} <= set(data["spelling"])
    assert {"documents", "pdf_per_s", "cli_pdf_per_s", "ratio_vs_cli", "chromium_pdf_per_s",
            "unchanged_rebuild_s"} <= set(data["render"])
    assert data["machine"]["cores"] >= 1 and data["machine"]["python"]
    assert "| leaflets | words | cold lint |" in r.stdout
    assert (tmp_path / "bench.md").read_text(encoding="utf-8") in r.stdout
    # the corpus stays as generated: the re-lint edit was undone
    gen_again = gen.make_leaflet(1, gen.load_seeds(gen.seed_files()), 1)
    written = (tmp_path / "work" / "corpus-3" / "leaflets" / "bench-00001.txt").read_text(encoding="utf-8")
    assert written == gen_again.text
