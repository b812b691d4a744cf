"""Where the project's data lives, independent of the working directory."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SCHEMA_DIR = PROJECT_DIR / "schema"
SOURCES_DIR = PROJECT_DIR / "sources"
OUTPUT_DIR = PROJECT_DIR / "output"
TEMPLATES_DIR = PACKAGE_DIR / "render" / "templates"

# Extensions the ingest stage understands, in the order a directory walk reports them.
LEAFLET_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".odt", ".pdf")


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
