"""Which leaflets changed: the files git reports against a reference, plus untracked ones.

``leaflint lint --changed [REF]`` lints only these in full, yet compares their facts with every
other leaflet of the corpus, so a conflict with an unchanged leaflet is still reported.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pipeline.paths import LEAFLET_SUFFIXES


class ChangedError(Exception):
    """git could not tell what changed (not a repository, an unknown reference, no git)."""


def _git(args: list[str], cwd: Path) -> list[str]:
    try:
        r = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ChangedError(f"git failed: {e}") from None
    if r.returncode != 0:
        msg = r.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ChangedError(f"git {' '.join(args[:2])} failed: {msg[-1] if msg else r.returncode}")
    return [p for p in r.stdout.decode("utf-8", "surrogateescape").split("\0") if p]


def changed_files(ref: str, where: Path) -> list[Path]:
    """Existing leaflet files changed since ``ref`` (committed, staged or not) or untracked, under
    ``where``'s repository; paths relative to the working directory when they lie under it."""
    root = Path(_git(["rev-parse", "--show-toplevel"], where)[0].strip())
    names = _git(["diff", "--name-only", "-z", "--no-renames", ref, "--"], root)
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    out: list[Path] = []
    for name in dict.fromkeys(names):
        p = root / name
        if p.suffix.lower() in LEAFLET_SUFFIXES and p.is_file():
            out.append(_relative(p))
    return out


def _relative(p: Path) -> Path:
    try:
        return p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return p


def inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False
