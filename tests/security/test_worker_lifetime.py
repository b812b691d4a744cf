"""Killed builds leave no worker behind, and a pipe from leaflint never hangs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.lifeline import die_with_parent
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def _descendants(pid: int) -> set[int]:
    out: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:  # a process that ends while it is being read has no task folder any more
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                kids = (task / "children").read_text().split()
            except OSError:
                continue
            for k in map(int, kids):
                if k not in out:
                    out.add(k)
                    todo.append(k)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _project(tmp_path: Path, copies: int = 6) -> Path:
    leaflets = tmp_path / "leaflets"
    leaflets.mkdir()
    for f in sorted(SEEDS.glob("[0-9]*.txt")):
        for i in range(copies):
            shutil.copy2(f, leaflets / f"{f.stem}_{i}.txt")
    (tmp_path / "leaflint.yaml").write_text(f"output: out\nsources: {ROOT / 'sources'}\n")
    return tmp_path


def _kill_when_workers_run(cmd: list[str], cwd: Path, sig: int, want: str) -> set[int]:
    """Start ``cmd``, wait until it has worker processes (and ``want`` shows in its output folder, if
    given), kill it with ``sig``; return the processes it had started."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    seen: set[int] = set()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        seen |= _descendants(proc.pid)
        ready = len(seen) >= 2 and (not want or any((cwd / "out").rglob(want)))
        if ready:
            break
        time.sleep(0.1)
    assert proc.poll() is None, "the run ended before workers were seen"
    seen |= _descendants(proc.pid)
    proc.send_signal(sig)
    proc.wait(timeout=30)
    proc.stdout.close()
    return seen


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.parametrize("want", ["", "*.html"], ids=["linting", "rendering"])
def test_no_worker_survives_a_killed_run(tmp_path, sig, want):
    project = _project(tmp_path)
    seen = _kill_when_workers_run([sys.executable, "-m", "pipeline", "run", "--jobs", "2", "leaflets"],
                                  project, sig, want)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(p) for p in seen):
        time.sleep(0.2)
    survivors = [p for p in seen if _alive(p)]
    for p in survivors:
        os.kill(p, signal.SIGKILL)
    assert not survivors


def test_a_pipe_from_a_killed_run_ends(tmp_path):
    """`leaflint run | cat`: once leaflint is killed, cat sees the end of its input."""
    project = _project(tmp_path)
    shell = subprocess.Popen(
        f"'{sys.executable}' -m pipeline run --jobs 2 leaflets | cat > /dev/null",
        shell=True, cwd=project, start_new_session=True)
    deadline = time.monotonic() + 240
    leaflint = None
    while time.monotonic() < deadline and leaflint is None:
        for pid in _descendants(shell.pid):
            try:
                if b"pipeline" in Path(f"/proc/{pid}/cmdline").read_bytes() and len(_descendants(pid)) >= 2:
                    leaflint = pid
            except OSError:
                pass
        time.sleep(0.1)
    assert leaflint is not None
    os.kill(leaflint, signal.SIGKILL)
    try:
        shell.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(shell.pid, signal.SIGKILL)
        pytest.fail("the pipe stayed open after leaflint was killed")


def test_a_worker_whose_parent_is_already_gone_exits():
    code = (f"import os; from pipeline.lifeline import die_with_parent; die_with_parent(os.getppid() + 1);"
            f" print('still here')")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "still here" not in r.stdout
    die_with_parent(os.getppid())  # in the test process itself: a no-op when the parent lives
