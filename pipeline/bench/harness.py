"""`make bench`: generate corpora, time leaflint on them, compare with the usual tools.

Every leaflint measurement is a fresh child process in its own session, timed from outside
(wall clock), started from a small launcher process so that this process's own size does not
carry over into the child's. Peak memory is the larger of two readings: the child's own peak RSS from
``wait4``, and the peak, sampled four times a second, of the proportional set size (PSS) of all
processes in its session together, so worker processes and Frog count, and pages that forked
workers share are counted once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.bench import generate, machine
from pipeline.bench.report import STAGES
from pipeline.paths import OUTPUT_DIR, PROJECT_DIR, SOURCES_DIR

# Targets from issue 6 (2 cores): (key, description, limit, "max" = at most / "min" = at least)
TARGETS = (
    ("cold_lint_1000_s", "1,000 leaflets, cold lint", 20.0, "max", "s"),
    ("relint_one_s", "re-lint after one edit", 1.0, "max", "s"),
    # issue 13: the edited leaflet against the corpus, from the command line and in the editor
    ("relint_changed_1000_s", "1,000 leaflets: re-lint one edited leaflet (`lint FILE --corpus DIR`)", 1.0, "max", "s"),
    ("relint_changed_cpu_1000_s", "1,000 leaflets: the same, CPU time", 1.0, "max", "s"),
    ("relint_changed_10000_s", "10,000 leaflets: re-lint one edited leaflet", 2.0, "max", "s"),
    ("relint_changed_cpu_10000_s", "10,000 leaflets: the same, CPU time", 2.0, "max", "s"),
    ("lsp_edit_ms", "language server: one edit to its findings (1,000 leaflets)", 200.0, "max", "ms"),
    ("lsp_edit_cpu_ms", "language server: the same, CPU time of the server", 200.0, "max", "ms"),
    ("cold_lint_10000_s", "10,000 leaflets, cold lint", 180.0, "max", "s"),
    ("peak_rss_10000_mb", "10,000 leaflets, peak memory", 2048.0, "max", "MB"),
    ("spelling_ratio", "spelling vs hunspell -l (ratio)", 1.0, "min", "x"),
    ("pdf_per_s", "rendering throughput", 8.0, "min", "PDF/s"),
    ("render_ratio_vs_cli", "rendering vs one weasyprint process per PDF", 5.0, "min", "x"),
    ("unchanged_rebuild_s", "rebuild with nothing changed", 2.0, "max", "s"),
)


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float  # the largest single process (rusage)
    returncode: int | None
    stderr: str
    timed_out: bool = False
    peak_tree_mb: float = 0.0  # sampled: all processes of the run together (PSS), workers and Frog included
    cpu_s: float = 0.0  # user + system time of the run and every child it waited for
    load: float = 0.0  # the machine's 1-minute load average at the end: above the core count, others competed

    @property
    def peak_mb(self) -> float:
        return max(self.peak_rss_mb, self.peak_tree_mb)

    @property
    def ok(self) -> bool:
        return not self.timed_out and self.returncode in (0, 1)


@dataclass
class StageProbe:
    """Seconds per stage (wall and CPU; None where the probe failed) and the words it read."""

    wall: dict
    cpu: dict
    words: int
    measured: Measured


@dataclass
class LintRuns:
    """The lint runs of one corpus size, each timed from outside."""

    cold: Measured
    warm: Measured
    relint: Measured  # the whole corpus again after one edit
    changed: dict  # edited leaflets against the corpus (`lint FILE --corpus DIR`): Bench.relint_changed
    cache: bool  # whether the cold run left a result cache


def _session_pss_kb(sid: int) -> int:
    """Proportional set size of every process in session ``sid`` (shared pages split fairly,
    so forked workers are not counted twice), but for its leader: the launcher, not part of the run."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == sid:
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
            # fields after the command name, which may itself contain spaces and parentheses
            fields = stat[stat.rindex(b")") + 2:].split()
            if int(fields[3]) != sid:
                continue
            with open(f"/proc/{entry.name}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except (OSError, ValueError, IndexError):
            continue
    return total


class _TreeSampler(threading.Thread):
    def __init__(self, sid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.sid, self.interval = sid, interval
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, _session_pss_kb(self.sid))
            self.done.wait(self.interval)


# Runs the command as its child and reports how it ended on fd 3. Linux carries a process's peak RSS
# over fork and exec, so a command started straight from a large process (a test run, the bench with
# its corpora) would show that process's size as its own peak; started from this small launcher, the
# floor is the launcher's few megabytes. The descriptor to report on is its first argument.
_LAUNCHER = """
import json, os, sys
fd = int(sys.argv[1])
os.set_inheritable(fd, False)
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as e:
        os.write(2, f"{sys.argv[2]}: {e}\\n".encode())
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
os.write(fd, json.dumps([status, ru.ru_maxrss, ru.ru_utime + ru.ru_stime]).encode())
"""


def _launched(read_fd: int) -> list | None:
    """[wait status, peak RSS in kB, CPU seconds] of the launched command; None when the launcher
    was killed (timeout) before it could tell."""
    with os.fdopen(read_fd, "rb") as f:
        data = f.read()
    return json.loads(data) if data else None


def measure(cmd: list[str], *, cwd: Path = PROJECT_DIR, timeout: float | None = None,
            stdout: Path | None = None, env: dict | None = None) -> Measured:
    """Run ``cmd`` to completion (through ``_LAUNCHER``); wall time and the peak RSS of it and the
    children it waited for."""
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    # as installed, Python keeps compiled modules; a shell that turns that off would time compiling
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e.update(env or {})
    with tempfile.TemporaryFile() as err, open(stdout or os.devnull, "wb") as out:
        t0 = time.perf_counter()
        r, w = os.pipe()
        try:
            proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(w), *cmd], cwd=cwd, env=e,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True,
                                    pass_fds=(w,))
        finally:
            os.close(w)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        sampler = _TreeSampler(proc.pid) if Path("/proc/self/smaps_rollup").exists() else None
        if sampler:
            sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer:
                timer.cancel()
            if sampler:
                sampler.done.set()
                sampler.join()
        seconds = time.perf_counter() - t0
        told = _launched(r)
        status, maxrss_kb, cpu_s = told or (status, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-4000:].decode("utf-8", "replace")
    return Measured(seconds, maxrss_kb / 1024, proc.returncode, tail, killed.is_set(),
                    (sampler.peak_kb if sampler else 0) / 1024, cpu_s, os.getloadavg()[0])


def leaflint_cmd(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "--config", str(config), *args]


def bench_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline.bench", *args]


def write_config(corpus_dir: Path) -> Path:
    """A leaflint.yaml that keeps the run's output (and its cache) inside the corpus folder."""
    cfg = corpus_dir / "leaflint.yaml"
    cfg.write_text(f"sources: {json.dumps(str(SOURCES_DIR))}\noutput: out\n", encoding="utf-8")
    return cfg


class Bench:
    def __init__(self, sizes: list[int], work: Path, out: Path, seed: int = 1, timeout: float = 3600,
                 render_docs: int = 40, baseline_docs: int = 12, spelling_size: int | None = None,
                 log=print, relint_only: bool = False, edits: int = 3):
        self.sizes = sizes
        self.work = work
        self.out = out
        self.seed = seed
        self.timeout = timeout
        self.render_docs = render_docs
        self.baseline_docs = baseline_docs
        self.spelling_size = spelling_size or max([s for s in sizes if s <= 1000] or [min(sizes)])
        self.log = log
        self.relint_only = relint_only  # per size only the cold lint that fills the store, then the edits
        self.edits = max(1, edits)  # edited leaflets timed one after another against the corpus
        self.notes: list[str] = []

    def note(self, msg: str) -> None:
        if msg not in self.notes:
            self.notes.append(msg)
            self.log(f"bench: note: {msg}")

    # -- corpora --------------------------------------------------------------------------

    def corpus(self, n: int) -> tuple[Path, Path, dict]:
        d = self.work / f"corpus-{n}"
        t = time.perf_counter()
        manifest = generate.generate(n, d, seed=self.seed)
        self.log(f"bench: corpus of {n} leaflets ({manifest['words']:,} words) in {d} "
                 f"[{time.perf_counter() - t:.1f} s]")
        return d, write_config(d), manifest

    def run_lint(self, cfg: Path, leaflets: Path, report: Path) -> Measured:
        m = measure(leaflint_cmd(cfg, "lint", str(leaflets), "--format", "json", "-o", str(report)),
                    timeout=self.timeout)
        if m.timed_out:
            self.note(f"lint of {leaflets} stopped after {self.timeout:.0f} s")
        elif not m.ok:
            self.note(f"lint of {leaflets} failed (exit {m.returncode}): {m.stderr.strip()[-300:]}")
        # leaflint's own notes (a tool missing or stopping) say the run did less than it should
        for line in m.stderr.splitlines():
            if line.startswith("leaflint: note: "):
                self.note(f"lint of {leaflets.parent.name}: {line[len('leaflint: note: '):]}")
        return m

    def measure_corpus(self, n: int) -> dict:
        if self.relint_only:
            return self.measure_relint(n)
        d, cfg, manifest = self.corpus(n)
        leaflets = d / "leaflets"
        probe = self.stage_probe(n, d, cfg, manifest["words"])
        runs = self.lint_runs(n, d, cfg)
        self.log(f"bench: {n}: language server, one edit")
        editor = self.lsp_edit(cfg, leaflets)
        found = planted_found(d / "lint.json", manifest) if runs.cold.ok else {}
        return self.finish_row(_row(n, probe, runs, editor, found))

    def finish_row(self, row: dict) -> dict:
        n = row["leaflets"]
        if row["load_avg"] > machine.usable_cores() + 0.5:
            self.note(f"{n} leaflets: the machine was busy (load average {row['load_avg']:.1f} on "
                      f"{machine.usable_cores()} cores): wall times are inflated; CPU times are less affected")
        self.log(f"bench: {n}: {json.dumps(row)}")
        return row

    def measure_relint(self, n: int) -> dict:
        """``--relint-only``: the cold lint that fills the result store, the edited leaflets against
        the corpus and the language server; no stage probe, warm run, spelling or rendering."""
        d, cfg, manifest = self.corpus(n)
        leaflets = d / "leaflets"
        shutil.rmtree(d / "out" / ".cache", ignore_errors=True)
        self.log(f"bench: {n}: cold lint (fills the result store)")
        cold = self.run_lint(cfg, leaflets, d / "lint.json")
        self.log(f"bench: {n}: re-lint edited leaflets against the corpus")
        changed = self.relint_changed(cfg, leaflets, d / "lint-changed.json")
        self.log(f"bench: {n}: language server, one edit")
        editor = self.lsp_edit(cfg, leaflets)
        return self.finish_row({
            "leaflets": n, "words": manifest["words"], "cold_lint_s": _round(cold.seconds) if cold.ok else None,
            "cold_lint_cpu_s": _round(cold.cpu_s), "peak_rss_mb": round(cold.peak_mb, 1),
            **changed, **editor, "load_avg": round(cold.load, 2), "stages": {}, "cache": True,
            "planted": planted_found(d / "lint.json", manifest) if cold.ok else {}})

    def stage_probe(self, n: int, d: Path, cfg: Path, words: int) -> StageProbe:
        """Each stage timed in one process (``python -m pipeline.bench _stages``)."""
        stage_json = d / "stages.json"
        self.log(f"bench: {n}: stages, one process, timed per stage")
        args = ["_stages", str(d / "leaflets"), "--config", str(cfg)]
        if n == self.spelling_size:
            args += ["--text-out", str(d / "text.txt")]
        m = measure(bench_cmd(*args), timeout=self.timeout, stdout=stage_json)
        probe = StageProbe(dict.fromkeys(STAGES), dict.fromkeys(STAGES), words, m)
        if m.returncode != 0:
            self.note(f"stage probe on {n} leaflets failed: {m.stderr.strip()[-300:]}")
            return probe
        data = json.loads(stage_json.read_text(encoding="utf-8"))
        probe.wall.update({k: _round(v) for k, v in data["stages"].items()})
        probe.cpu.update({k: _round(v) for k, v in data.get("stages_cpu", {}).items()})
        probe.words = data["words"]
        for note in data["notes"]:
            self.note(note)
        return probe

    def lint_runs(self, n: int, d: Path, cfg: Path) -> LintRuns:
        """Cold, warm, after one edit, and one edited leaflet against the corpus."""
        leaflets, cache = d / "leaflets", d / "out" / ".cache"
        shutil.rmtree(cache, ignore_errors=True)
        self.log(f"bench: {n}: cold lint")
        cold = self.run_lint(cfg, leaflets, d / "lint.json")
        has_cache = cache.is_dir() and any(cache.iterdir())
        self.log(f"bench: {n}: warm lint" + ("" if has_cache else " (no result cache: same as cold)"))
        warm = self.run_lint(cfg, leaflets, d / "lint-warm.json")
        if not has_cache:
            self.note(f"no result cache under {cache}: warm lint is a second cold run")
        self.log(f"bench: {n}: re-lint after editing one leaflet")
        relint = self.relint_one(cfg, leaflets, d / "lint-relint.json")
        self.log(f"bench: {n}: re-lint edited leaflets against the corpus")
        changed = self.relint_changed(cfg, leaflets, d / "lint-changed.json")
        return LintRuns(cold, warm, relint, changed, has_cache)

    def relint_one(self, cfg: Path, leaflets: Path, report: Path) -> Measured:
        victim = self._victim(leaflets)
        original = victim.read_bytes()
        try:
            # a real edit: a new paragraph with a quantity, so facts and findings can change
            victim.write_bytes(original + "\nNa de behandeling mag je na 2 weken weer zwemmen.\n".encode())
            return self.run_lint(cfg, leaflets, report)
        finally:
            victim.write_bytes(original)

    def _victim(self, leaflets: Path, k: int = 0) -> Path:
        """The ``k``-th leaflet edited: the middle one first, then others spread over the corpus."""
        files = sorted(leaflets.glob("*.txt"))
        return files[(len(files) // 2 + k * (len(files) // 7 + 1)) % len(files)]

    def relint_changed(self, cfg: Path, leaflets: Path, report: Path) -> dict:
        """``self.edits`` leaflets, one at a time, edited and linted in full against the facts of all
        the others: the median and the slowest, wall and CPU, with the load of each run."""
        runs = []
        for k in range(self.edits):
            victim = self._victim(leaflets, k)
            original = victim.read_bytes()
            try:
                victim.write_bytes(original + f"\nNa de behandeling mag je na {3 + k} weken weer fietsen.\n".encode())
                m = measure(leaflint_cmd(cfg, "lint", str(victim), "--corpus", str(leaflets), "--format", "json",
                                         "-o", str(report)), timeout=self.timeout)
            finally:
                victim.write_bytes(original)
            if not m.ok:
                self.note(f"lint of one changed leaflet failed (exit {m.returncode}): {m.stderr.strip()[-300:]}")
                return {"relint_changed_s": None, "relint_changed_cpu_s": None}
            runs.append({"leaflet": victim.name, "wall_s": _round(m.seconds), "cpu_s": _round(m.cpu_s),
                         "load": round(m.load, 2)})
        return {"relint_changed_s": _median([r["wall_s"] for r in runs]),
                "relint_changed_cpu_s": _median([r["cpu_s"] for r in runs]),
                "relint_changed_max_s": max(r["wall_s"] for r in runs),
                "relint_changed_max_cpu_s": max(r["cpu_s"] for r in runs), "relint_changed_runs": runs}

    def lsp_edit(self, cfg: Path, leaflets: Path, edits: int = 5) -> dict:
        """`leaflint lsp` driven like an editor: open a leaflet of the corpus, then time edits until
        their findings arrive (debounce off, so the figure is the checking itself)."""
        from pipeline.bench.lsp_client import LspClient

        victim = self._victim(leaflets)
        uri, text = victim.resolve().as_uri(), victim.read_text(encoding="utf-8")
        client = LspClient(leaflint_cmd(cfg, "lsp")[3:], cwd=PROJECT_DIR)  # without python -m pipeline
        times: list[float] = []
        cpu: list[float] = []
        try:
            t0 = time.perf_counter()
            client.request("initialize", {"processId": None, "rootUri": leaflets.resolve().as_uri(), "capabilities": {},
                                          "initializationOptions": {"corpus": str(leaflets), "debounce": 0}},
                           timeout=self.timeout)
            client.notify("initialized", {})
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext",
                                                                    "version": 1, "text": text}})
            _published(client, uri, 1, self.timeout)
            opened = time.perf_counter() - t0
            for i in range(edits):
                edited = text + f"\nNa de behandeling mag je na {i + 2} weken weer zwemmen.\n"
                t, c = time.perf_counter(), client.cpu_seconds()
                client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": i + 2},
                                                         "contentChanges": [{"text": edited}]})
                _published(client, uri, i + 2, self.timeout)
                times.append(time.perf_counter() - t)
                after = client.cpu_seconds()
                if c is not None and after is not None:
                    cpu.append(after - c)
        except (TimeoutError, OSError, AssertionError) as e:
            self.note(f"language server benchmark failed: {type(e).__name__}: {e}")
            return {"lsp_open_s": None, "lsp_edit_ms": None}
        finally:
            client.close()
        times.sort()
        cpu.sort()
        return {"lsp_open_s": _round(opened), "lsp_edit_ms": round(times[len(times) // 2] * 1000, 1),
                "lsp_edit_max_ms": round(times[-1] * 1000, 1),
                "lsp_edit_cpu_ms": round(cpu[len(cpu) // 2] * 1000, 1) if cpu else None}

    # -- spelling ---------------------------------------------------------------------------

    def spelling(self, rows: list[dict]) -> dict:
        row = next((r for r in rows if r["leaflets"] == self.spelling_size), None)
        text = self.work / f"corpus-{self.spelling_size}" / "text.txt"
        result = {"leaflets": self.spelling_size, "words": None, "words_per_s": None,
                  "hunspell_words_per_s": None, "ratio": None, "cpu_ratio": None}
        if row is None or not text.is_file():
            self.note("spelling comparison skipped: no stage measurement for its corpus")
            return result
        words = row["words"]
        result["words"] = words
        ours = row["stages"].get("spelling")
        if ours:
            result["words_per_s"] = round(words / ours)
        hunspell = shutil.which("hunspell")
        if not hunspell:
            self.note("hunspell not installed: spelling baseline not measured (apt-get install hunspell)")
            return result
        self.log(f"bench: hunspell -l -d nl_NL on the text of {self.spelling_size} leaflets")
        m = measure(["sh", "-c", f'exec "{hunspell}" -l -i utf-8 -d nl_NL < "{text}"'], timeout=self.timeout)
        if m.returncode != 0:
            self.note(f"hunspell failed (exit {m.returncode}): {m.stderr.strip()[-200:]}")
            return result
        result["hunspell_words_per_s"] = round(words / m.seconds)
        if result["words_per_s"]:
            result["ratio"] = round(result["words_per_s"] / result["hunspell_words_per_s"], 2)
        ours_cpu = row.get("stages_cpu_s", {}).get("spelling")
        if ours_cpu and m.cpu_s:
            # the same comparison in CPU seconds, which a busy machine disturbs less
            result["cpu_ratio"] = round(m.cpu_s / ours_cpu, 2)
        return result

    # -- rendering --------------------------------------------------------------------------

    def render(self) -> dict:
        n = self.render_docs
        result = {"documents": 0, "pdf_per_s": None, "cli_pdf_per_s": None, "ratio_vs_cli": None,
                  "chromium_pdf_per_s": None, "unchanged_rebuild_s": None, "leaflets": n}
        d, cfg, _ = self.corpus(n)
        data = self.render_probe(n, d, cfg)
        if data is None:
            return result
        result["documents"] = data["documents"]
        result["pdf_per_s"] = round(data["documents"] / data["seconds"], 2)
        result["render_peak_rss_mb"] = data["peak_mb"]
        html = [Path(p) for p in data["html"]][: self.baseline_docs]
        if html:
            result.update(self.render_baselines(html, d, result["pdf_per_s"]))
        else:
            self.note("the build wrote no HTML: no per-document baselines")
        result.update(self.build_twice(n, d, cfg))
        return result

    def render_probe(self, n: int, d: Path, cfg: Path) -> dict | None:
        """Rendering timed in one process (``python -m pipeline.bench _render``); None when it made nothing."""
        fresh = d / "render-fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        self.log(f"bench: render {n} leaflets in one process")
        probe_json = d / "render.json"
        m = measure(bench_cmd("_render", str(d / "leaflets"), "--config", str(cfg), "--out", str(fresh)),
                    timeout=self.timeout, stdout=probe_json)
        if m.returncode != 0:
            self.note(f"render probe failed (exit {m.returncode}): {m.stderr.strip()[-300:]}")
            return None
        data = json.loads(probe_json.read_text(encoding="utf-8"))
        for note in data["notes"]:
            self.note(note)
        if not data["seconds"] or not data["documents"]:
            if data["seconds"] is not None:
                self.note("the build wrote no PDF: rendering not compared")
            return None
        return {**data, "peak_mb": round(m.peak_mb, 1)}

    def render_baselines(self, html: list[Path], d: Path, pdf_per_s: float) -> dict:
        """One weasyprint process per PDF, and headless Chromium, on the same HTML."""
        out: dict = {}
        cli = self.per_document([str(Path(sys.executable).with_name("weasyprint"))], html, d / "cli-pdf",
                                lambda exe, src, dst: [*exe, str(src), str(dst)])
        if cli:
            out["cli_pdf_per_s"] = round(cli, 2)
            out["ratio_vs_cli"] = round(pdf_per_s / cli, 2)
        chromium = next((shutil.which(c) for c in ("chromium", "chromium-browser", "google-chrome")
                         if shutil.which(c)), None)
        if chromium:
            chrome = self.per_document([chromium], html, d / "chromium-pdf", _chromium_args)
            if chrome:
                out["chromium_pdf_per_s"] = round(chrome, 2)
        else:
            self.note("chromium not installed: no Chromium baseline")
        return out

    def build_twice(self, n: int, d: Path, cfg: Path) -> dict:
        """The user's command: a full `leaflint build` twice into the same folder; the second run has
        nothing to do."""
        cli_out = d / "render-cli"
        shutil.rmtree(cli_out, ignore_errors=True)
        self.log(f"bench: leaflint build of {n} leaflets, then again with nothing changed")
        cmd = leaflint_cmd(cfg, "build", str(d / "leaflets"), "--out", str(cli_out))
        first = measure(cmd, timeout=self.timeout)
        second = measure(cmd, timeout=self.timeout)
        if first.ok and second.ok:
            return {"first_build_s": _round(first.seconds), "unchanged_rebuild_s": _round(second.seconds)}
        bad = first if not first.ok else second
        self.note(f"leaflint build failed (exit {bad.returncode}): {bad.stderr.strip()[-300:]}")
        return {}

    def per_document(self, exe: list[str], html: list[Path], dest: Path, make_cmd) -> float | None:
        """PDFs per second making one PDF per process, as many processes at a time as cores."""
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        name = Path(exe[0]).name
        self.log(f"bench: {name}: one process per document, {len(html)} documents")
        jobs = machine.usable_cores()

        def one(i_src):
            i, src = i_src
            dst = dest / f"{i:04d}.pdf"
            return measure(make_cmd(exe, src, dst), timeout=300).returncode == 0 and dst.is_file()

        t = time.perf_counter()
        with ThreadPoolExecutor(jobs) as pool:
            ok = list(pool.map(one, enumerate(html)))
        seconds = time.perf_counter() - t
        if not all(ok):
            self.note(f"{name}: {ok.count(False)} of {len(html)} documents failed; baseline not used")
            return None
        return len(html) / seconds

    # -- the whole run ----------------------------------------------------------------------

    def run(self) -> dict:
        started = dt.datetime.now(dt.timezone.utc)
        t0 = time.perf_counter()
        rows = []
        for n in self.sizes:
            rows.append(self.measure_corpus(n))
        spelling = {} if self.relint_only else self.spelling(rows)
        render = self.render() if self.render_docs and not self.relint_only else {}
        result = {
            "machine": machine.describe(),
            "started": started.isoformat(timespec="seconds"),
            "seconds": round(time.perf_counter() - t0, 1),
            "seed": self.seed,
            "relint_only": self.relint_only,
            "corpora": rows,
            "spelling": spelling,
            "render": render,
        }
        result["targets"] = evaluate_targets(result)
        result["notes"] = self.notes
        return result


def _row(n: int, probe: StageProbe, runs: LintRuns, editor: dict, found: dict) -> dict:
    """One corpus size's row of bench.json."""
    whole = (runs.cold, runs.warm, runs.relint)

    def wall(m: Measured) -> float | None:
        return _round(m.seconds) if m.ok else None

    return {
        "leaflets": n,
        "words": probe.words,
        "cold_lint_s": wall(runs.cold),
        "warm_lint_s": wall(runs.warm),
        "relint_one_s": wall(runs.relint),
        "peak_rss_mb": round(max(m.peak_mb for m in whole), 1),
        "peak_rss_single_process_mb": round(max(m.peak_rss_mb for m in whole), 1),
        "cold_lint_cpu_s": _round(runs.cold.cpu_s),
        "warm_lint_cpu_s": _round(runs.warm.cpu_s),
        "relint_one_cpu_s": _round(runs.relint.cpu_s),
        **runs.changed,
        **editor,
        "load_avg": round(max(*(m.load for m in whole), probe.measured.load), 2),
        "stages": probe.wall,
        "stages_cpu_s": probe.cpu,
        "stages_peak_rss_mb": round(probe.measured.peak_mb, 1),
        "cache": runs.cache,
        "planted": found,
    }


def _published(client, uri: str, version: int, timeout: float) -> list:
    msg = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri and m["params"].get("version") == version, timeout)
    return msg["params"]["diagnostics"]


def _chromium_args(exe: list[str], src: Path, dst: Path) -> list[str]:
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    return [*exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
            f"--user-data-dir={profile}", f"--print-to-pdf={dst}", src.resolve().as_uri()]


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 3)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else round((ordered[mid - 1] + ordered[mid]) / 2, 3)


def planted_found(report: Path, manifest: dict) -> dict:
    """How many planted misspellings and conflicts the cold lint reported (a sanity check that
    the benchmark measured a linter doing its work, not one that found nothing)."""
    try:
        diags = json.loads(report.read_text(encoding="utf-8"))["diagnostics"]
    except (OSError, ValueError, KeyError):
        return {}
    spelled = {(d.get("leaflet"), d.get("match")) for d in diags if str(d.get("rule", "")).startswith("spelling.")}
    lines = {(d.get("leaflet"), d.get("line")) for d in diags if str(d.get("rule", "")).startswith("facts.")}
    typos = manifest["planted"]["misspellings"]
    conflicts = manifest["planted"]["conflicts"]
    return {
        "misspellings": len(typos),
        "misspellings_found": sum((t["leaflet"], t["typo"]) in spelled for t in typos),
        "conflicts": len(conflicts),
        "conflicts_found": sum((c["leaflet"], c["line"]) in lines for c in conflicts),
        "findings": len(diags),
    }


def evaluate_targets(result: dict) -> list[dict]:
    by_size = {r["leaflets"]: r for r in result["corpora"]}
    relint_row = by_size.get(1000) or (result["corpora"][-1] if result["corpora"] else {})
    values = {
        "cold_lint_1000_s": by_size.get(1000, {}).get("cold_lint_s"),
        "relint_one_s": relint_row.get("relint_one_s"),
        "relint_changed_1000_s": by_size.get(1000, {}).get("relint_changed_s"),
        "relint_changed_cpu_1000_s": by_size.get(1000, {}).get("relint_changed_cpu_s"),
        "relint_changed_10000_s": by_size.get(10000, {}).get("relint_changed_s"),
        "relint_changed_cpu_10000_s": by_size.get(10000, {}).get("relint_changed_cpu_s"),
        "lsp_edit_ms": (by_size.get(1000) or relint_row).get("lsp_edit_ms"),
        "lsp_edit_cpu_ms": (by_size.get(1000) or relint_row).get("lsp_edit_cpu_ms"),
        "cold_lint_10000_s": by_size.get(10000, {}).get("cold_lint_s"),
        "peak_rss_10000_mb": by_size.get(10000, {}).get("peak_rss_mb"),
        "spelling_ratio": result["spelling"].get("ratio"),
        "pdf_per_s": result["render"].get("pdf_per_s"),
        "render_ratio_vs_cli": result["render"].get("ratio_vs_cli"),
        "unchanged_rebuild_s": result["render"].get("unchanged_rebuild_s"),
    }
    out = []
    for key, what, limit, kind, unit in TARGETS:
        v = values[key]
        met = None if v is None else (v <= limit if kind == "max" else v >= limit)
        out.append({"name": key, "what": what, "target": limit, "kind": kind, "unit": unit,
                    "value": v, "met": met})
    return out


def default_work_dir() -> Path:
    return OUTPUT_DIR / "bench"
