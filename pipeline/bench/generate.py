"""Synthetic leaflet corpora for the benchmark, built from the seed leaflets.

Every synthetic leaflet is the opening section of one seed followed by a random choice of
sections from all seeds (a section is a run of lines between blank lines, cut again before a
heading-like line when it is long). On top of that recombination the generator plants what the
linter must find, and records it in ``manifest.json``:

- varied numbers: the quantities (a number followed by a unit word) of one section are moved, so
  the same sentence states different values in different leaflets: a planted conflict;
- misspellings: a long word gets two adjacent letters swapped or one letter dropped.

Leaflet ``i`` depends only on the seed files, ``seed`` and ``i``, so the corpus of 100 is the
first 100 leaflets of the corpus of 10,000 and a run can be repeated exactly.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.facts.topics import DEFAULT_TOPIC, name_of
from pipeline.paths import SOURCES_DIR
from pipeline.yamlio import DataFileError, load_yaml

# Bump when the output for a given seed changes, so cached corpora are rebuilt.
GENERATOR_VERSION = 2
# Seed formats read as text; other formats would need the ingest stage to recombine them.
SEED_SUFFIXES = (".txt", ".md", ".markdown")
# A number followed by one of these is a quantity that may be varied.
UNIT_WORDS = (
    "%", "procent", "week", "weken", "dag", "dagen", "maand", "maanden", "jaar", "uur", "uren",
    "graden", "min", "minuten", "keer", "ml", "cc",
)
_QUANTITY = re.compile(
    r"(?<![\d.,\-])(\d{1,3}(?:[.,]\d)?)(\s?)(" + "|".join(re.escape(u) for u in UNIT_WORDS) + r")(?![^\W\d_])",
    re.IGNORECASE,
)
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{7,}(?![^\W\d_])")
_UNIT_SET = {u.lower() for u in UNIT_WORDS}
LONG_SECTION_LINES = 8


@dataclass(frozen=True)
class Section:
    seed: str  # file name of the seed it comes from
    index: int  # position among that seed's sections
    text: str


@dataclass
class PlantedTypo:
    leaflet: str
    line: int
    column: int
    word: str
    typo: str


@dataclass
class PlantedConflict:
    leaflet: str
    line: int
    column: int
    original: str
    changed: str


@dataclass
class Leaflet:
    id: str
    text: str
    typos: list[PlantedTypo] = field(default_factory=list)
    conflicts: list[PlantedConflict] = field(default_factory=list)


class SeedError(Exception):
    """No usable seed leaflets."""


def _blank(line: str) -> bool:
    return not line.strip()


def _heading_like(line: str) -> bool:
    s = line.strip()
    if s.startswith("#"):
        return True
    return (0 < len(s) <= 70 and s[0].isupper() and s[-1] not in ".,;:!"
            and len(s.split()) <= 9)


def split_sections(text: str) -> list[str]:
    """Runs of non-blank lines; long runs are cut again before heading-like lines.

    A heading-like line (short, capitalised, no closing punctuation) only starts a new section
    when at least two lines precede it in the run, so a list introduced by a short line stays
    with its introduction. A heading alone between blank lines is kept with the section after it.
    """
    runs: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if _blank(line):
            if current:
                runs.append(current)
                current = []
        else:
            current.append(line)
    if current:
        runs.append(current)
    out: list[str] = []
    for run in runs:
        if len(run) <= LONG_SECTION_LINES:
            out.append("\n".join(run))
            continue
        piece: list[str] = []
        for line in run:
            if len(piece) >= 2 and _heading_like(line):
                out.append("\n".join(piece))
                piece = []
            piece.append(line)
        if piece:
            out.append("\n".join(piece))
    # a heading travels with the text under it
    merged: list[str] = []
    pending: list[str] = []
    for piece in out:
        if "\n" not in piece and _heading_like(piece):
            pending.append(piece)
            continue
        merged.append("\n\n".join([*pending, piece]))
        pending = []
    if pending:
        merged.append("\n\n".join(pending))
    return merged


def seed_files(sources: Path = SOURCES_DIR) -> list[Path]:
    """The seed leaflets of the default topic: a corpus never mixes sections of two topics."""
    folder = sources / "leaflets"
    return sorted(p for p in folder.glob("*")
                  if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and _seed_topic(p) == DEFAULT_TOPIC)


def _seed_topic(path: Path) -> str:
    side = path.with_name(path.stem + ".meta.yaml")
    try:
        meta = load_yaml(side) if side.is_file() else None
    except DataFileError:
        meta = None
    return name_of(meta if isinstance(meta, dict) else None)


def load_seeds(files: list[Path]) -> dict[str, list[Section]]:
    seeds: dict[str, list[Section]] = {}
    for f in files:
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        sections = [Section(f.name, i, s) for i, s in enumerate(split_sections(text))]
        if sections:
            seeds[f.name] = sections
    if not seeds:
        raise SeedError(f"no seed leaflets with text ({', '.join(SEED_SUFFIXES)}) found")
    return seeds


def seeds_digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()[:16]


def _vary_number(value: str, unit: str, rng: random.Random) -> str:
    decimal_sep = "," if "," in value else "." if "." in value else ""
    if decimal_sep:
        v = float(value.replace(",", "."))
        new = max(0.5, v + rng.choice((-1.0, -0.5, 0.5, 1.0)))
        return f"{new:.1f}".replace(".", decimal_sep)
    v = int(value)
    step = rng.choice((-4, -2, -1, 1, 2, 4)) if v > 4 else rng.choice((1, 2, 3))
    new = max(1, v + step)
    if unit in ("%", "procent"):
        new = min(new, 100)
    if new == v:
        new = v + 1
    return str(new)


def _make_typo(word: str, rng: random.Random) -> str:
    # keep the first and last letters: a realistic slip that a spelling checker must catch
    i = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i + 1:]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@dataclass(frozen=True)
class Edit:
    """A planted change in section ``section`` of a leaflet: ``before`` became ``after``."""

    section: int
    before: str
    after: str


def make_leaflet(i: int, seeds: dict[str, list[Section]], seed: int, width: int = 5,
                 conflict_rate: float = 0.3, max_typos: int = 3) -> Leaflet:
    """Leaflet number ``i`` (0-based) of the corpus generated with ``seed``."""
    rng = random.Random(f"leaflint-bench/{seed}/{i}")
    texts = [s.text for s in _pick_sections(i, seeds, rng)]
    conflicts = _vary_quantities(texts, rng) if _gets_conflict(texts, rng, conflict_rate) else []
    typos = _plant_typos(texts, rng, max_typos)
    return _placed(f"bench-{i:0{width}d}", texts, typos, conflicts)


def _pick_sections(i: int, seeds: dict[str, list[Section]], rng: random.Random) -> list[Section]:
    """The opening section of one seed, then random sections of all seeds up to a seed's length."""
    names = sorted(seeds)
    opening_seed = names[i % len(names)]
    pool = [s for n in names for s in seeds[n] if not (n == opening_seed and s.index == 0)]
    # as long as a seed leaflet: a length drawn between the shortest and the longest seed
    sizes = [sum(len(s.text.split()) for s in seeds[n]) for n in names]
    target_words = rng.uniform(min(sizes), max(sizes))
    chosen = [seeds[opening_seed][0]]
    count = len(chosen[0].text.split())
    for s in rng.sample(pool, len(pool)):
        if count >= target_words:
            break
        chosen.append(s)
        count += len(s.text.split())
    return chosen


def _gets_conflict(texts: list[str], rng: random.Random, rate: float) -> bool:
    """Whether this leaflet gets a planted conflict (only one with quantities can)."""
    return any(_QUANTITY.search(t) for t in texts) and rng.random() < rate


def _vary_quantities(texts: list[str], rng: random.Random) -> list[Edit]:
    """Every quantity of one section (with quantities) moved: a conflict with the seed's value."""
    j = rng.choice([k for k, t in enumerate(texts) if _QUANTITY.search(t)])
    edits: list[Edit] = []

    def vary(m: re.Match) -> str:
        new = _vary_number(m.group(1), m.group(3).lower(), rng)
        changed = f"{new}{m.group(2)}{m.group(3)}"
        edits.append(Edit(j, m.group(0), changed))
        return changed

    texts[j] = _QUANTITY.sub(vary, texts[j])
    return edits


def _plant_typos(texts: list[str], rng: random.Random, max_typos: int) -> list[Edit]:
    edits: list[Edit] = []
    for _ in range(rng.randint(0, max_typos)):
        j = rng.randrange(len(texts))
        cands = [m for m in _WORD.finditer(texts[j]) if m.group(0).lower() not in _UNIT_SET]
        if not cands:
            continue
        m = rng.choice(cands)
        typo = _make_typo(m.group(0), rng)
        texts[j] = texts[j][:m.start()] + typo + texts[j][m.end():]
        edits.append(Edit(j, m.group(0), typo))
    return edits


def _placed(leaflet_id: str, texts: list[str], typos: list[Edit], conflicts: list[Edit]) -> Leaflet:
    """The leaflet as written, with each planted change at its line and column in the file."""
    body = "\n\n".join(texts) + "\n"
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 2
    out = Leaflet(leaflet_id, body)
    for e in typos:
        line, col = _line_col(body, body.find(e.after, starts[e.section]))
        out.typos.append(PlantedTypo(leaflet_id, line, col, e.before, e.after))
    search_from: dict[int, int] = {}
    for e in conflicts:
        off = body.find(e.after, search_from.get(e.section, starts[e.section]))
        search_from[e.section] = off + len(e.after)
        line, col = _line_col(body, off)
        out.conflicts.append(PlantedConflict(leaflet_id, line, col, e.before, e.after))
    return out


def manifest_key(n: int, seed: int, digest: str) -> dict:
    # the generator's own source is part of the key: editing it invalidates cached corpora
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return {"generator": GENERATOR_VERSION, "generator_digest": code, "leaflets": n, "seed": seed,
            "seeds_digest": digest}


def generate(n: int, target: Path, seed: int = 1, sources: Path = SOURCES_DIR,
             reuse: bool = True) -> dict:
    """Write ``n`` synthetic leaflets to ``target/leaflets`` and ``target/manifest.json``.

    An existing corpus made by the same generator version from the same seeds and seed value
    is kept as it is (``reuse``). Returns the manifest.
    """
    if n < 1:
        raise ValueError("a corpus needs at least one leaflet")
    files = seed_files(sources)
    if not files:
        raise SeedError(f"no seed leaflets in {sources / 'leaflets'}")
    key = manifest_key(n, seed, seeds_digest(files))
    old = _manifest_of(target) if reuse else None
    if old is not None and {k: old.get(k) for k in key} == key:
        return old
    # build next to the target and swap it in, so an interrupted run never leaves half a corpus
    tmp = target.with_name(target.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "leaflets").mkdir(parents=True)
    manifest = {**key, "seed_files": [f.name for f in files],
                **_write_leaflets(tmp / "leaflets", n, load_seeds(files), seed)}
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    _swap_in(tmp, target)
    return manifest


def _manifest_of(target: Path) -> dict | None:
    try:
        return json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_leaflets(folder: Path, n: int, seeds: dict[str, list[Section]], seed: int) -> dict:
    """The leaflets written; the manifest's ``words`` and ``planted``."""
    width = max(5, len(str(n - 1)))
    words = 0
    typos: list[dict] = []
    conflicts: list[dict] = []
    for i in range(n):
        leaflet = make_leaflet(i, seeds, seed, width)
        (folder / f"{leaflet.id}.txt").write_text(leaflet.text, encoding="utf-8")
        words += len(leaflet.text.split())
        typos.extend(asdict(t) for t in leaflet.typos)
        conflicts.extend(asdict(c) for c in leaflet.conflicts)
    return {"words": words, "planted": {"misspellings": typos, "conflicts": conflicts}}


def _swap_in(tmp: Path, target: Path) -> None:
    if target.exists():
        old = target.with_name(target.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)
