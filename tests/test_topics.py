"""Topics as data: each leaflet is read with its own topic's catalog, compared only within its topic
and against its topic's reference; a missing or broken topic is bad input, named, and the run goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import orchestrate
from pipeline.facts import topics
from pipeline.lint.config import Config, ConfigError, load_config
from tests.conftest import write_leaflets

A = "Meestal wordt er afgewacht of de miskraam spontaan op gang komt. Bij 70% van de vrouwen is dit het geval.\n"
B = "Als je afwacht, komt de miskraam bij 50% van de vrouwen vanzelf op gang.\n"
FACT_RULES = {"facts.conflict", "facts.reference", "facts.internal-conflict", "facts.schema"}


def _leaflets(tmp_path: Path, leaflets: dict[str, str], sidecars: dict[str, str] | None = None) -> Path:
    return write_leaflets(tmp_path / "leaflets", leaflets, sidecars)


def _copy_topic(tmp_path: Path, name: str) -> Path:
    """A project topics folder holding a copy of the miskraam topic under another name."""
    folder = tmp_path / "topics"
    shutil.copytree(topics.find("miskraam").folder, folder / name)
    return folder


def _lint(d: Path, config: Config):
    return orchestrate.run_lint([d], config, select=FACT_RULES, cache=False)


def test_the_default_topic_is_miskraam_and_its_files_are_in_its_folder():
    t = topics.find(topics.DEFAULT_TOPIC)
    assert t is not None and t.name == "miskraam"
    assert t.catalog_path.is_file() and t.reference_path.is_file()
    assert {"miskraam", "zwangerschapsdiabetes"} <= set(topics.known())


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


def test_a_sidecar_naming_a_missing_topic_is_a_finding_and_the_run_goes_on(tmp_path, dutch):
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B}, {"b": "title: B\ntopic: onbekend\n"})
    result = _lint(d, Config())
    problems = [x for x in result.diagnostics if x.rule == "facts.schema"]
    assert len(problems) == 1 and problems[0].path.endswith("b.meta.yaml") and problems[0].line == 2
    assert problems[0].message.startswith("onderwerp 'onbekend' bestaat niet (bekende onderwerpen: miskraam, ")
    assert result.corpus.facts.get("a") and not result.corpus.facts.get("b")


def test_a_broken_topic_catalog_is_named_in_dutch_and_other_topics_go_on(tmp_path, dutch):
    folder = _copy_topic(tmp_path, "kapot")
    catalog = folder / "kapot" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("severity: error", "severity: fataal", 1),
                       encoding="utf-8")
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B}, {"b": "topic: kapot\n"})
    result = _lint(d, Config(topics=folder))
    problems = [x for x in result.diagnostics if x.rule == "facts.schema"]
    assert len(problems) == 1 and problems[0].path == str(catalog) and problems[0].line > 1
    assert problems[0].message.startswith("feitencatalogus onbruikbaar, geen feiten gehaald") and "fataal" in problems[0].message
    assert result.corpus.facts.get("a") and not result.corpus.facts.get("b")


def test_config_sets_the_default_topic_and_the_topics_folder(tmp_path):
    folder = _copy_topic(tmp_path, "eigen")
    (tmp_path / "leaflint.yaml").write_text("topics: topics\ntopic: eigen\n", encoding="utf-8")
    config = load_config(tmp_path / "leaflint.yaml")
    assert config.topics == folder.resolve() and config.topic == "eigen"
    d = _leaflets(tmp_path, {"a.txt": A})
    assert {f.topic for f in _lint(d, config).corpus.facts["a"]} == {"eigen"}
    (tmp_path / "leaflint.yaml").write_text("topic: bestaat-niet\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bestaat-niet"):
        load_config(tmp_path / "leaflint.yaml")


def test_fact_files_keep_the_topic_for_gather(tmp_path):
    from pipeline.facts.stage import load_fact_files, write_fact_files

    folder = _copy_topic(tmp_path, "kopie")
    config = Config(topics=folder)
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B}, {"b": "topic: kopie\n"})
    write_fact_files(_lint(d, config).corpus, tmp_path / "facts")
    facts, problems = load_fact_files(tmp_path / "facts")
    assert problems == [] and {f.topic for f in facts["b"]} == {"kopie"}
    gathered = orchestrate.run_gather([tmp_path / "facts"], config)
    assert [x for x in gathered.diagnostics if x.rule == "facts.conflict"] == []


GDM = Path(__file__).resolve().parent.parent / "sources" / "leaflets"
GDM_KINDS = {"gdm.screening_weeks", "gdm.ogtt_fasting_mmol", "gdm.ogtt_2h_mmol", "gdm.target_fasting_mmol",
             "gdm.target_after_meal_mmol", "gdm.prevalence_pct", "gdm.recurrence_pct", "gdm.type2_later_pct",
             "gdm.postpartum_test_weeks", "gdm.diet_only_pct"}


def test_the_second_topic_gets_its_facts_and_reference_findings_and_never_meets_miskraam():
    result = orchestrate.run_lint([GDM], Config(), select=FACT_RULES, cache=False)
    demo = result.corpus.facts["demo_zwangerschapsdiabetes"]
    assert {f.key for f in demo} == GDM_KINDS and {f.topic for f in demo} == {"zwangerschapsdiabetes"}
    assert {(f.key, f.min, f.unit) for f in demo} >= {("gdm.ogtt_2h_mmol", 7.8, "mmol/l"),
                                                      ("gdm.target_fasting_mmol", 5.3, "mmol/l")}
    drifted = sorted((x.fact, x.match) for x in result.diagnostics
                     if x.leaflet == "zwangerschapsdiabetes_2019" and x.rule == "facts.reference")
    assert drifted == [("gdm.prevalence_pct", "1 op de 10"), ("gdm.target_after_meal_mmol", "8,0 mmol/l")]
    gdm = {"demo_zwangerschapsdiabetes", "zwangerschapsdiabetes_2019"}
    for x in result.diagnostics:  # no finding ties a diabetes leaflet to a miscarriage leaflet
        names = {x.leaflet} | {Path(r.path).stem for r in x.related if r.path.endswith((".md", ".txt"))}
        assert names <= gdm or not names & gdm, x


def test_a_topic_word_list_serves_only_its_topic(tmp_path):
    text = "Soms krijg je eerst een glucosebelastingstest.\n"
    d = _leaflets(tmp_path, {"a.txt": text, "b.txt": text}, {"b": "topic: zwangerschapsdiabetes\n"})
    found = orchestrate.run_lint([d], Config(), select={"spelling"}, cache=False).diagnostics
    assert [(x.leaflet, x.match) for x in found] == [("a", "glucosebelastingstest")]


def test_a_unit_is_data_and_an_unknown_one_is_named(tmp_path, dutch):
    from pipeline.facts.catalog import load_catalog
    from pipeline.facts.quantity import parse_quantities
    from pipeline.yamlio import DataFileError

    gdm = load_catalog(topics.find("zwangerschapsdiabetes").catalog_path)
    got = parse_quantities("Nuchter lager dan 5,3 mmol/L, na het eten onder 7 mmol per liter.", gdm.units)
    assert [(q.max, q.unit) for q in got] == [(5.3, "mmol/l"), (7.0, "mmol/l")]
    assert [q.unit for q in parse_quantities("Nuchter lager dan 5,3 mmol/l.")] == ["count"]
    broken = tmp_path / "catalog.yaml"
    broken.write_text(gdm.path.read_text(encoding="utf-8").replace("unit: mmol/l", "unit: mg/dl", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="onbekende eenheid 'mg/dl'") as e:
        load_catalog(broken)
    assert e.value.line > 1 and e.value.path == str(broken)


def test_editing_a_topic_rechecks_the_leaflets_of_that_topic_only(tmp_path):
    from pipeline import cache_keys

    folder = _copy_topic(tmp_path, "kopie")
    config = Config(topics=folder, output=tmp_path / "out")
    d = _leaflets(tmp_path, {"a.txt": A, "b.txt": B}, {"b": "topic: kopie\n"})
    a, b = str(d / "a.txt"), str(d / "b.txt")
    before = cache_keys.content_keys([Path(a), Path(b)], "base", None, config)
    assert orchestrate.run_lint([d], config, select=FACT_RULES).stats["processed"] == 2
    assert orchestrate.run_lint([d], config, select=FACT_RULES).stats["cached"] == 2
    catalog = folder / "kopie" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8") + "\n# een reviewer paste de catalogus aan\n",
                       encoding="utf-8")
    after = cache_keys.content_keys([Path(a), Path(b)], "base", None, config)
    assert after[a] == before[a] and after[b] != before[b]
    stats = orchestrate.run_lint([d], config, select=FACT_RULES).stats
    assert (stats["cached"], stats["processed"]) == (1, 1)
