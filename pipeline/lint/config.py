"""leaflint.yaml: found from the working directory upwards, validated, never guessed."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from pipeline.diagnostic import Severity
from pipeline.lint.rules import RuleMeta, accepts, registry
from pipeline.paths import OUTPUT_DIR, PROJECT_DIR, SOURCES_DIR, content_cache, inside
from pipeline.yamlio import DataFileError, load_validated, use_cache_dir

CONFIG_NAME = "leaflint.yaml"
DEFAULT_LIMITS = {"max_file_bytes": 25_000_000, "max_blocks": 20_000, "max_characters": 1_000_000,
                  "max_urls_per_block": 200, "max_seconds_per_leaflet": 300}


class ConfigError(Exception):
    """Configuration that cannot be used; the CLI reports it and exits 2."""


@dataclass
class Config:
    path: Path | None = None
    sources: Path = SOURCES_DIR
    output: Path = OUTPUT_DIR
    waivers: Path | None = None
    baseline: Path | None = None  # findings accepted when the library adopted leaflint
    strict: bool = False
    exclude: list[str] = field(default_factory=list)
    categories: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)  # id -> {"level": ..., "options": {...}}
    limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    topic: str = "miskraam"  # the topic of a leaflet whose sidecar names none (pipeline.facts.topics)
    topics: Path | None = None  # a folder of the project's own topics, looked up before leaflint's
    follow_symlinks: bool = False  # --follow-symlinks: read links that lead outside the project
    roots: tuple[Path, ...] = ()  # the folders given on the command line

    def outside(self, path: Path, *extra: Path) -> bool:
        """Whether ``path`` is a link (itself or a folder on its way) that leads out of the project,
        the sources, the output and the folders given: such a file is not read (no /etc/passwd in a PDF)."""
        if self.follow_symlinks or os.path.realpath(path) == os.path.abspath(path):
            return False  # no link on the way: a file the user named or that lies in a folder given
        project = self.path.parent if self.path else PROJECT_DIR
        # PROJECT_DIR: leaflint's own data (schemas, the shared word list) wherever the project is
        return not inside(path, (project, PROJECT_DIR, self.sources, self.output, *self.roots, *extra))

    def level_for(self, rule_id: str, default: Severity) -> Severity | None:
        """The configured level of a rule; None when it is off. Rule beats category."""
        entry = self.rules.get(rule_id, {})
        level = entry.get("level")
        if level is None:
            level = self.categories.get(rule_id.split(".", 1)[0])
        if level is None:
            return default
        return None if level == "off" else Severity(level)

    def options_for(self, rule_id: str, declared: Mapping[str, tuple]) -> dict:
        opts = {name: default for name, (_typ, default) in declared.items()}
        opts.update(self.rules.get(rule_id, {}).get("options", {}))
        return opts

    def excluded(self, path: Path) -> bool:
        """A glob matches the path, any trailing part of it ("drafts/*.md", "*.docx"), or names a
        folder on it ("drafts", "archief/2019/")."""
        if not self.exclude:
            return False
        match = _globs(tuple(self.exclude))
        parts = path.as_posix().split("/")
        return any(match("/".join(parts[i:])) for i in range(len(parts)))


@lru_cache(maxsize=16)
def _globs(patterns: tuple[str, ...]):
    """One compiled test for the exclusion globs: each matches a text itself or as a folder of it
    (what ``fnmatch.fnmatch`` does with the glob and with the glob + "/*", compiled once)."""
    parts = []
    for pat in patterns:
        pat = os.path.normcase(pat.rstrip("/"))
        parts += [fnmatch.translate(pat), fnmatch.translate(pat + "/*")]
    rx = re.compile("|".join(f"(?:{p})" for p in parts))
    return lambda text: rx.match(os.path.normcase(text)) is not None


def output_problem(output: Path, sources: Path) -> str | None:
    """Why ``output`` cannot be the output folder: inside ``sources`` the next run would read its
    own results as leaflets, and leaflint never writes into sources."""
    out, src = Path(output).resolve(), Path(sources).resolve()
    if out == src or src in out.parents:
        return f"output folder {output} lies inside the sources folder {sources}: choose one outside it"
    return None


def _topic_settings(cfg: Config, data: dict, base: Path) -> None:
    """``topics:`` (a folder) and ``topic:`` (the default topic, which must exist)."""
    from pipeline.facts import topics

    if "topics" in data:
        cfg.topics = (base / data["topics"]).resolve()
    cfg.topic = str(data.get("topic") or cfg.topic)
    if topics.find(cfg.topic, cfg) is None:
        raise ConfigError(f"{cfg.path}: topic '{cfg.topic}' not found in "
                          f"{', '.join(str(f) for f in topics.folders(cfg))} (known: {', '.join(topics.known(cfg))})")


def find_config(start: Path | None = None) -> Path | None:
    d = (start or Path.cwd()).resolve()
    for parent in (d, *d.parents):
        candidate = parent / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None, rules: Mapping[str, RuleMeta] | None = None) -> Config:
    """Read and validate ``path`` (or return the defaults when None).

    ``rules`` (default: the rule registry) maps rule ID to its declaration, so unknown rules,
    categories and options are named.
    """
    rules = registry() if rules is None else rules
    cfg = Config()
    if path is None:
        cfg.waivers = _default_waivers(cfg.sources)
        return cfg
    try:
        data = load_validated(path, "config.schema.json", checked_in=lambda d: _yaml_cache(d, path)) or {}
    except DataFileError as e:
        raise ConfigError(str(e)) from None
    cfg.path = path
    _read_folders(cfg, data, path)
    cfg.strict = bool(data.get("strict", False))
    cfg.exclude = list(data.get("exclude", []))
    cfg.limits.update(dict(data.get("limits", {})))
    _topic_settings(cfg, data, path.parent)
    cfg.categories = _categories(data, rules, path)
    cfg.rules = {rule_id: _rule_entry(rule_id, entry, rules, path)
                 for rule_id, entry in dict(data.get("rules", {})).items()}
    return cfg


def _yaml_cache(data: Any, path: Path) -> Path | None:
    """Where the output folder ``data`` names keeps parsed YAML (None when it names none usable)."""
    output = data.get("output") if isinstance(data, dict) else None
    if output is not None and not isinstance(output, str):
        return None
    try:
        return content_cache((path.parent / output).resolve() if output else OUTPUT_DIR) / "yaml"
    except (OSError, ValueError):  # a name the system refuses: the validation names the field
        return None


def _default_waivers(sources: Path) -> Path | None:
    w = sources / "waivers.yaml"
    return w if w.is_file() else None


def _read_folders(cfg: Config, data: dict, path: Path) -> None:
    """sources, output, waivers and baseline, relative to the config file's folder."""
    base = path.parent
    if "sources" in data:
        cfg.sources = (base / data["sources"]).resolve()
    if "output" in data:
        cfg.output = (base / data["output"]).resolve()
    problem = output_problem(cfg.output, cfg.sources)
    if problem:
        raise ConfigError(f"{path}: {problem}")
    use_cache_dir(cfg.output)
    cfg.waivers = (base / data["waivers"]).resolve() if "waivers" in data else _default_waivers(cfg.sources)
    if "baseline" in data:
        cfg.baseline = (base / data["baseline"]).resolve()


def _categories(data: dict, rules: Mapping[str, RuleMeta], path: Path) -> dict[str, str]:
    categories = {r.split(".", 1)[0] for r in rules}
    out = {}
    for cat, level in dict(data.get("categories", {})).items():
        if cat not in categories:
            raise ConfigError(f"{path}: unknown rule category '{cat}' (known: {', '.join(sorted(categories))})")
        out[cat] = str(level)
    return out


def _rule_entry(rule_id: str, entry: Any, rules: Mapping[str, RuleMeta], path: Path) -> dict:
    """A rule's ``{"level": ..., "options": {...}}``, its options checked against its declaration."""
    if rule_id not in rules:
        raise ConfigError(f"{path}: unknown rule '{rule_id}' (see `leaflint rules` for the list)")
    entry = {"level": entry} if isinstance(entry, str) else dict(entry)
    declared = rules[rule_id].options
    options = dict(entry.get("options", {}))
    for name, value in options.items():
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f"{path}: rule '{rule_id}' has no option '{name}' (options: {known})")
        typ = declared[name][0]
        if not accepts(typ, value):
            raise ConfigError(f"{path}: rule '{rule_id}' option '{name}' must be {typ.__name__}, got {value!r}")
    entry["options"] = options
    return entry
