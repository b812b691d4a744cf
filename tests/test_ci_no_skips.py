"""In CI no test may be skipped for a missing tool: the suite's own guard turns such a skip into a failure."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).parent / "conftest.py"


def _run_skipping_test(tmp_path, no_skips):
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_tool.py").write_text(
        "import pytest\n\n@pytest.mark.skipif(True, reason='tool x not installed')\ndef test_needs_x():\n    pass\n")
    env = {k: v for k, v in os.environ.items() if k != "LEAFLINT_NO_SKIPS"}
    if no_skips:
        env["LEAFLINT_NO_SKIPS"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_tool.py"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)


def test_a_skip_fails_in_ci_and_names_the_reason(tmp_path):
    r = _run_skipping_test(tmp_path, no_skips=True)
    assert r.returncode != 0 and "tool x not installed" in r.stdout


def test_a_skip_stays_a_skip_outside_ci(tmp_path):
    r = _run_skipping_test(tmp_path, no_skips=False)
    assert r.returncode == 0 and "1 skipped" in r.stdout
