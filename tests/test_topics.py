"""Topics as data: each leaflet is read with its own topic's catalog, compared only within its topic
and against its topic's reference; a missing or broken topic is bad input, named, and the run goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import stages
from pipeline.facts import topics
from pipeline.lint.config import Config, ConfigError, load_config
from pipeline.lint.rules import all_rules

A = "Meestal wordt er afgewacht of de miskraam spontaan op gang komt. Bij 70% van de vrouwen is dit het geval.\n"
B = "Als je afwacht, komt de miskraam bij 50% van de vrouwen vanzelf op gang.\n"
FACT_RULES = {"facts.conflict", "facts.reference", "facts.internal-conflict", "facts.schema"}


def _leaflets(tmp_path: Path, leaflets: dict[str, str], sidecars: dict[str, str] | None = None) -> Path:
    d = tmp_path / "leaflets"
    d.mkdir(exist_ok=True)
    for name, text in leaflets.items():
        (d / name).write_text(text, encoding="utf-8")
    for stem, text in (sidecars or {}).items():
        (d / f"{stem}.meta.yaml").write_text(text, encoding="utf-8")
    return d


def _copy_topic(tmp_path: Path, name: str) -> Path:
    """A project topics folder holding a copy of the miskraam topic under another name."""
    folder = tmp_path / "topics"
    shutil.copytree(topics.find("miskraam").folder, folder / name)
    return folder


def _lint(d: Path, config: Config):
    return stages.run_lint([d], config, select=FACT_RULES, cache=False)


def test_the_default_topic_is_miskraam_and_its_files_are_in_its_folder():
    t = topics.find(topics.DEFAULT_TOPIC)
    assert t is not None and t.name == "miskraam"
    assert t.catalog_path.is_file() and t.reference_path.is_file()
    assert "miskraam" in topics.known()


def test_same_topic_conflicts_other_topic_never(tmp_path):
    folder = _copy_topic(tmp_path, "kopie")  # the same fact keys, another topic
    config = Config(topics=folder)
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B})
    same = _lint(d, config).diagnostics
    assert sorted(Path(x.path).name for x in same if x.rule == "facts.conflict") == ["a.txt", "b.txt"]
    (d / "b.meta.yaml").write_text("topic: kopie\n", encoding="utf-8")
    result = _lint(d, config)
    assert [x for x in result.diagnostics if x.rule == "facts.conflict"] == []
    assert {f.topic for f in result.corpus.facts["b"]} == {"kopie"}
    assert {f.topic for f in result.corpus.facts["a"]} == {"miskraam"}


def test_a_sidecar_naming_a_missing_topic_is_a_finding_and_the_run_goes_on(tmp_path):
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B}, {"b": "title: B\ntopic: onbekend\n"})
    result = _lint(d, Config())
    problems = [x for x in result.diagnostics if x.rule == "facts.schema"]
    assert len(problems) == 1 and problems[0].path.endswith("b.meta.yaml") and problems[0].line == 2
    assert "onbekend" in problems[0].message and "miskraam" in problems[0].message
    assert result.corpus.facts.get("a") and not result.corpus.facts.get("b")


def test_a_broken_topic_catalog_is_named_and_other_topics_go_on(tmp_path):
    folder = _copy_topic(tmp_path, "kapot")
    catalog = folder / "kapot" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("severity: error", "severity: fataal", 1),
                       encoding="utf-8")
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B}, {"b": "topic: kapot\n"})
    result = _lint(d, Config(topics=folder))
    problems = [x for x in result.diagnostics if x.rule == "facts.schema"]
    assert len(problems) == 1 and problems[0].path == str(catalog) and problems[0].line > 1
    assert result.corpus.facts.get("a") and not result.corpus.facts.get("b")


def test_config_sets_the_default_topic_and_the_topics_folder(tmp_path):
    folder = _copy_topic(tmp_path, "eigen")
    (tmp_path / "leaflint.yaml").write_text("topics: topics\ntopic: eigen\n", encoding="utf-8")
    config = load_config(tmp_path / "leaflint.yaml", all_rules())
    assert config.topics == folder.resolve() and config.topic == "eigen"
    d = _leaflets(tmp_path, {"a.txt": A})
    assert {f.topic for f in _lint(d, config).corpus.facts["a"]} == {"eigen"}
    (tmp_path / "leaflint.yaml").write_text("topic: bestaat-niet\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bestaat-niet"):
        load_config(tmp_path / "leaflint.yaml", all_rules())


def test_fact_files_keep_the_topic_for_gather(tmp_path):
    from pipeline.facts.stage import load_fact_files, write_fact_files

    folder = _copy_topic(tmp_path, "kopie")
    config = Config(topics=folder)
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B}, {"b": "topic: kopie\n"})
    write_fact_files(_lint(d, config).corpus, tmp_path / "facts")
    facts, problems = load_fact_files(tmp_path / "facts")
    assert problems == [] and {f.topic for f in facts["b"]} == {"kopie"}
    gathered = stages.run_gather([tmp_path / "facts"], config)
    assert [x for x in gathered.diagnostics if x.rule == "facts.conflict"] == []
