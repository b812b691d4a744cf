import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pipeline.language import frog

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "sources" / "leaflets"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"  # OASIS SARIF 2.1.0, as shipped in shared/schemas

os.environ.setdefault("LEAFLINT_TODAY", "2026-11-23")


@pytest.fixture
def seeds_copy(tmp_path):
    """A temp copy of the seed leaflets (only the .txt files as received)."""
    d = tmp_path / "leaflets"
    d.mkdir()
    for f in sorted(SEEDS.glob("[0-9]*.txt")):
        shutil.copy2(f, d / f.name)
    return d


def write_leaflets(folder: Path, leaflets: dict[str, str], sidecars: dict[str, str] | None = None) -> Path:
    """``folder`` holding the given leaflet files and their sidecars (``<stem>.meta.yaml``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in leaflets.items():
        (folder / name).write_text(text, encoding="utf-8")
    for stem, text in (sidecars or {}).items():
        (folder / f"{stem}.meta.yaml").write_text(text, encoding="utf-8")
    return folder


# The command-line runs of the suite share the caches keyed by content alone (parsed schemas and
# catalogs, Frog's tags), as CI runs may: each run still has its own output folder and results.
SHARED_CACHE = Path(tempfile.mkdtemp(prefix="leaflint-test-cache-"))
atexit.register(shutil.rmtree, SHARED_CACHE, True)


# The in-process runs of the suite (rule cases, stages) take a kept Frog process instead of starting
# one each (about 2 s a start); every run still has its own cache and tag store.
frog.keep_between_runs(True)


def run_cli(*args, cwd=None, input=None, env=None):
    """Run leaflint as a subprocess, as a user would."""
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    e.setdefault("LEAFLINT_CACHE_DIR", str(SHARED_CACHE))
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)],
        cwd=cwd or ROOT, capture_output=True, text=True, input=input, env=e, timeout=600,
    )


@pytest.fixture
def cli():
    return run_cli


def have(cmd: str) -> bool:
    return shutil.which(cmd) is not None


@pytest.fixture
def dutch(monkeypatch):
    """Messages in Dutch, in this process and in the CLI processes a test starts, whatever the
    machine's language: for tests that check the Dutch texts."""
    from pipeline import i18n

    monkeypatch.setenv("LEAFLINT_LANG", "nl")
    before = i18n.language()
    i18n.set_language("nl")
    yield
    i18n.set_language(before)


@pytest.fixture
def english(monkeypatch):
    """Messages in English, in this process and in the CLI processes a test starts: for tests about
    behaviour that name causes in the English msgids (the Dutch texts have their own tests)."""
    from pipeline import i18n

    monkeypatch.setenv("LEAFLINT_LANG", "en")
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (``LEAFLINT_NO_SKIPS=1``) a test that was skipped, for a tool not installed, fails:
    a check that could not run is no pass."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("LEAFLINT_NO_SKIPS") == "1" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {reason}"
