"""Where the project's data lives, independent of the working directory, and paths of results:
a leaflet's sidecar, a stored result moved under the path a run gave."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SCHEMA_DIR = PROJECT_DIR / "schema"
SOURCES_DIR = PROJECT_DIR / "sources"
OUTPUT_DIR = PROJECT_DIR / "output"
TEMPLATES_DIR = PACKAGE_DIR / "render" / "templates"
CACHE_ENV = "LEAFLINT_CACHE_DIR"


def content_cache(output: Path) -> Path:
    """Where the caches keyed by content alone live (parsed YAML of schemas, catalogs and brands;
    Frog's tags): the output folder's ``.cache``, or the folder ``LEAFLINT_CACHE_DIR`` names, which
    several output folders may share (CI runs that start from a clean clone, the test suite). The
    results of the leaflets stay in each output folder."""
    shared = os.environ.get(CACHE_ENV, "").strip()
    return Path(shared).resolve() if shared else Path(output) / ".cache"



class LeafletFormat(NamedTuple):
    """A leaflet file type: the module of ``pipeline.ingest`` that reads it (``read(path, meta)``),
    and whether it is a text file (its size limit is counted in characters)."""

    reader: str
    text: bool


# The one list of leaflet file types, in the order a directory walk reports them.
LEAFLET_FORMATS: dict[str, LeafletFormat] = {
    ".txt": LeafletFormat("plaintext", True),
    ".md": LeafletFormat("mdreader", True),
    ".markdown": LeafletFormat("mdreader", True),
    ".html": LeafletFormat("htmlreader", True),
    ".htm": LeafletFormat("htmlreader", True),
    ".docx": LeafletFormat("pandocreader", False),
    ".odt": LeafletFormat("pandocreader", False),
    ".pdf": LeafletFormat("pdfreader", False),
}
LEAFLET_SUFFIXES = tuple(LEAFLET_FORMATS)
TEXT_SUFFIXES = tuple(s for s, f in LEAFLET_FORMATS.items() if f.text)
SIDECAR_SUFFIX = ".meta.yaml"  # a leaflet's metadata file next to it: <stem>.meta.yaml


def sidecar_of(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def file_arg(path: Path | str) -> str:
    """A file as an argument for an external command: absolute, so a name such as ``-dash.docx``
    can never be read as an option (``-d ash.docx`` would make pandoc load a defaults file)."""
    import os

    return os.path.abspath(os.fspath(path))


def inside(path: Path | str, roots) -> bool:
    """Whether the real path of ``path`` (every symbolic link followed) lies in one of ``roots``
    (taken by their real paths too: a folder the user names may itself be a link)."""
    import os

    real = Path(os.path.realpath(path))
    for root in roots:
        r = Path(os.path.realpath(root))
        if real == r or r in real.parents:
            return True
    return False


def rebase(result, path: str):
    """A stored per-document result under the path as given in this run (relative or absolute, from
    any folder): its findings, problems, facts and document name ``path`` instead of the old one."""
    old = result.path
    if old == path:
        return result

    def fix(d):
        related = tuple(replace(r, path=path) if r.path == old else r for r in d.related)
        return replace(d, path=path if d.path == old else d.path, related=related)

    old_side, new_side = str(sidecar_of(old)), str(sidecar_of(path))

    def fix_problem(d):
        d = fix(d)
        return replace(d, path=new_side) if d.path == old_side else d

    result.path = path
    result.diagnostics = [fix(d) for d in result.diagnostics]
    result.problems = [fix_problem(d) for d in result.problems]
    for fact in result.facts:
        if getattr(fact, "path", None) == old:
            fact.path = path
    if result.document is not None:
        result.document.path = Path(path)
    return result


def facts_at(facts: list, path: str) -> list:
    """Stored facts under the path as given in this run."""
    for f in facts:
        if getattr(f, "path", path) != path:
            f.path = path
    return facts
