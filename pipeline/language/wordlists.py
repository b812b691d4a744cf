"""Project and brand word lists: correct words that the OpenTaal dictionary lacks.

A list is a UTF-8 text file, one word per line; ``#`` starts a comment. ``medical.txt`` and every
other ``*.txt`` in ``sources/wordlists/`` apply to all leaflets; ``brand-<brand>.txt`` only to
leaflets of that brand; a topic's ``topics/<topic>/words.txt`` only to leaflets of that topic. A
word in lower case also accepts its capitalised form.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.paths import SOURCES_DIR

BRAND_PREFIX = "brand-"


def read_list(path: Path) -> set[str]:
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        w = line.split("#", 1)[0].strip()
        if w:
            words.add(w)
    return words


def _dirs(sources: Path | None) -> list[Path]:
    dirs = [SOURCES_DIR / "wordlists"]
    if sources is not None:
        d = Path(sources) / "wordlists"
        if d.resolve() != dirs[0].resolve():
            dirs.append(d)
    return [d for d in dirs if d.is_dir()]


def list_files(sources: Path | None = None) -> list[Path]:
    """Every word list file: the project's own, then those under ``sources``."""
    return [f for d in _dirs(sources) for f in sorted(d.glob("*.txt"))]


def project_words(sources: Path | None = None, outside=None) -> set[str]:
    """Words of every shared list; a list for which ``outside(path)`` is true (a link out of the
    project, reported by the loader) is not read."""
    words: set[str] = set()
    for f in list_files(sources):
        if not f.name.startswith(BRAND_PREFIX) and not (outside and outside(f)):
            words |= read_list(f)
    return words


def topic_words(topic: str | None, config=None, outside=None) -> set[str]:
    """The words of a topic's own list (``topics/<topic>/words.txt``; the default topic when None)."""
    from pipeline.facts import topics

    found = topics.find(topic or topics.default_name(config), config)
    if found is None or not found.words_path.is_file() or (outside and outside(found.words_path)):
        return set()
    return read_list(found.words_path)


def brand_words(brand: str, sources: Path | None = None, outside=None) -> set[str]:
    words: set[str] = set()
    for d in _dirs(sources):
        f = d / f"{BRAND_PREFIX}{brand}.txt"
        if f.is_file() and not (outside and outside(f)):
            words |= read_list(f)
    return words
