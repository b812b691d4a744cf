"""Rules own their findings: every rule ID in the output was declared by a rule module and yielded by
that module's check(); loaders and the engine's steps record data, never findings with a rule ID.

The run goes over the seed leaflets and a project of hostile inputs (an unreadable file, a link out
of the project, a broken sidecar, a broken brand, suppression comments and waivers naming rules that
do not exist, an expired waiver, a stale baseline entry, a fact file that does not match its schema).
"""

from __future__ import annotations

import ast
import datetime as dt
import shutil
import types
from collections import defaultdict
from pathlib import Path

import pytest

from pipeline import orchestrate
from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic
from pipeline.lint.config import load_config
from pipeline.lint.rules import RuleDeclarationError, _check_problem_owners, declaration, registry
from pipeline.paths import SOURCES_DIR
from pipeline.problems import (BrokenWaivers, ExpiredWaiver, Kind, Problem, StaleEntry, StepRecords,
                               UnknownSuppression, UnknownWaiverRule)

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "pipeline" / "lint" / "rules"
FORMER_STUBS = {"ingest.unreadable", "ingest.outside-link", "facts.schema", "config.waivers",
                "config.suppression", "config.expired-waiver", "config.baseline"}

WAIVERS = """waivers:
  - rule: spelling.unknown-wrod
    leaflet: "*"
    reason: typo in the rule id
    reviewer: A
    expires: 2099-01-01
  - rule: spelling.unknown-word
    leaflet: onderdrukt
    reason: old
    reviewer: B
    expires: 2020-01-01
"""
SUPPRESSED = ("# Miskraam\n\n<!-- leaflint-disable-next-line spelling.unknown-wrod -->\n"
              "Een miskraam komt voor bij ongeveer een op de tien zwangerschappen.\n"
              "<!-- leaflint-disable bogus -->\nTekst.\n")
STALE = ('{"leaflint_baseline": 1,\n "findings": [\n  {"fingerprint": "0badf00d", "rule": "gone.rule", '
         '"leaflet": "onderdrukt", "path": "x", "line": 3, "message": "weg"}\n ]}\n')


def _hostile_project(tmp: Path) -> Path:
    """Seeds plus one input of every kind a loader or a step cannot use; returns leaflint.yaml."""
    leaflets = tmp / "sources" / "leaflets"
    shutil.copytree(SOURCES_DIR / "leaflets", leaflets)
    (tmp / "sources" / "brands").mkdir()
    (tmp / "sources" / "brands" / "kapot.yaml").write_text("name: Kapot\ncolors:\n  primary: #1e5e8a\n",
                                                           encoding="utf-8")
    (tmp / "elders.txt").write_text("Tekst van elders.\n", encoding="utf-8")
    outside = tmp.parent / f"{tmp.name}-elders"
    outside.mkdir()
    (outside / "geheim.txt").write_text("Niet lezen.\n", encoding="utf-8")
    (leaflets / "buiten.txt").symlink_to(outside / "geheim.txt")
    (leaflets / "kapot.docx").write_text("not a zip", encoding="utf-8")
    (leaflets / "onderdrukt.md").write_text(SUPPRESSED, encoding="utf-8")
    (leaflets / "onderdrukt.meta.yaml").write_text("region: FR\n", encoding="utf-8")
    (tmp / "sources" / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    (tmp / "base.json").write_text(STALE, encoding="utf-8")
    cfg = tmp / "leaflint.yaml"
    cfg.write_text("sources: sources\noutput: out\nbaseline: base.json\n", encoding="utf-8")
    return cfg


@pytest.fixture
def yielded(monkeypatch):
    """rule ID -> the (line, column, message) of every finding its check() yielded in this process."""
    seen: dict[str, set] = defaultdict(set)
    for rule_id, meta in registry().items():
        def spy(target, conf, ctx, _check=meta.module.check, _id=rule_id):
            for d in _check(target, conf, ctx):
                seen[_id].add((d.line, d.column, d.message))
                yield d
        monkeypatch.setattr(meta.module, "check", spy)
    return seen


def _assert_owned(diagnostics: list[Diagnostic], yielded: dict) -> None:
    for d in diagnostics:
        assert d.rule in registry(), f"{d.rule} is in the output but no rule module declares it"
        assert (d.line, d.column, d.message) in yielded[d.rule], f"{d.rule} finding not yielded by its rule: {d}"


def test_every_finding_of_a_hostile_run_comes_from_its_rule(tmp_path, monkeypatch, yielded):
    monkeypatch.setenv("LEAFLINT_TODAY", "2026-06-01")
    config = load_config(_hostile_project(tmp_path / "p"))
    result = orchestrate.run_lint([config.sources / "leaflets"], config, jobs=1, cache=False)
    _assert_owned(result.diagnostics, yielded)
    rules = {d.rule for d in result.diagnostics}
    assert FORMER_STUBS <= rules, f"not reported: {FORMER_STUBS - rules}"
    assert {"brand.invalid", "facts.conflict", "spelling.unknown-word"} <= rules


def test_gathered_fact_files_findings_come_from_their_rules(tmp_path, yielded):
    from pipeline.corpus import load_corpus
    from pipeline.facts.stage import extract_corpus, write_fact_files
    from pipeline.lint.config import Config

    corpus = load_corpus([SOURCES_DIR / "leaflets"], Config())
    extract_corpus(corpus)
    out = tmp_path / "facts"
    write_fact_files(corpus, out)
    (out / "kapot.yaml").write_text("leaflet: kapot\nfacts: 12\n", encoding="utf-8")
    result = orchestrate.run_gather([out], Config())
    _assert_owned(result.diagnostics, yielded)
    assert [d.rule for d in result.diagnostics if Path(d.path).name == "kapot.yaml"] == ["facts.schema"]


def _literal_rule(node: ast.Call, constants: dict[str, str]) -> str | None:
    for kw in node.keywords:
        if kw.arg != "rule":
            continue
        if isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str) and kw.value.value:
            return kw.value.value
        if isinstance(kw.value, ast.Name) and kw.value.id in constants:
            return constants[kw.value.id]
    return None


def test_no_module_outside_the_rules_makes_a_finding_with_a_rule_id():
    known = set(registry())
    offenders = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        if RULES_DIR in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                     and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                     for t in n.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                rule = _literal_rule(node, constants)
                if rule is not None and (rule in known or "." in rule):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} rule={rule}")
    assert not offenders, "findings with a rule ID made outside pipeline/lint/rules: " + ", ".join(offenders)


# --- each former stub rule turns its own data into findings ------------------------------------


def _check(rule_id: str, target) -> list[Diagnostic]:
    return list(registry()[rule_id].check(target, {}, types.SimpleNamespace(brands={})))


@pytest.mark.parametrize("kind", list(Kind))
def test_each_problem_kind_is_reported_by_its_rule_only(kind):
    problems = [Problem(k, f"/x/{k.value}.txt", f"cause {k.value}", line=3, column=2, leaflet="x") for k in Kind]
    corpus = Corpus(problems=problems)
    owners = [m.id for m in registry().values() if kind in m.problems]
    assert len(owners) == 1
    found = _check(owners[0], corpus)
    assert [(d.path, d.line, d.column, d.message) for d in found] == [(f"/x/{kind.value}.txt", 3, 2, f"cause {kind.value}")]
    assert all(not d.rule for d in found)  # the engine stamps rule and level


def test_config_suppression_reports_unknown_names(english):
    steps = StepRecords(suppressions=[UnknownSuppression("/p/a.md", 3, 1, "a", "spelling.unknown-wrod")])
    [d] = _check("config.suppression", steps)
    assert (d.path, d.line, d.leaflet, d.match) == ("/p/a.md", 3, "a", "spelling.unknown-wrod")
    assert "unknown rule 'spelling.unknown-wrod'" in d.message
    assert _check("config.suppression", StepRecords()) == []


def test_config_waivers_reports_a_broken_file_and_unknown_rules(english):
    steps = StepRecords(waivers=[BrokenWaivers("/p/waivers.yaml", 4, 5, "waivers/0: 'reason' is missing", "reason"),
                                 UnknownWaiverRule("/p/waivers.yaml", 9, "nosuch.rule")])
    broken, unknown = _check("config.waivers", steps)
    assert (broken.line, broken.column, broken.message, broken.key) == (4, 5, "waivers/0: 'reason' is missing", "reason")
    assert unknown.line == 9 and "unknown rule 'nosuch.rule'" in unknown.message


def test_config_expired_waiver_names_the_date_and_the_findings(english):
    hit = Diagnostic("/p/a.txt", 7, 3, "the conflict", rule="facts.conflict")
    steps = StepRecords(expired=[ExpiredWaiver("/p/waivers.yaml", 2, "facts.conflict", "a", dt.date(2026, 1, 1),
                                               "miscarriage.cutoff_weeks", None, (hit,))])
    [d] = _check("config.expired-waiver", steps)
    assert "expired on 1 January 2026" in d.message and "1 finding(s)" in d.message
    assert [(r.path, r.line) for r in d.related] == [("/p/a.txt", 7)] and d.leaflet == "a"


def test_config_baseline_reports_stale_entries(english):
    steps = StepRecords(stale=[StaleEntry("/p/base.json", 3, "f00", "gone.rule", "a", 12, "old finding")])
    [d] = _check("config.baseline", steps)
    assert (d.path, d.line, d.key) == ("/p/base.json", 3, "f00")
    assert "gone.rule" in d.message and "was line 12: old finding" in d.message


# --- the registry checks declarations when it loads -------------------------------------------


def _module(**attrs) -> types.ModuleType:
    mod = types.ModuleType("pipeline.lint.rules.fake_rule")
    attrs = {"ID": "fake.rule", "LEVEL": "warning", "SCOPE": "document", "check": lambda *a: iter(()), **attrs}
    for k, v in attrs.items():
        setattr(mod, k, v)
    return mod


@pytest.mark.parametrize("attrs,what", [
    ({"ID": "Fake_Rule"}, "ID"),
    ({"LEVEL": "fatal"}, "LEVEL"),
    ({"SCOPE": "leaflet"}, "SCOPE"),
    ({"OPTIONS": {"n": (int, "3")}}, "default"),
    ({"OPTIONS": {"n": (dict, {})}}, "type"),
    ({"OPTIONS": {"n": 3}}, "(type, default)"),
    ({"CROSS_LEAFLET": True}, "CROSS_LEAFLET"),
    ({"PROBLEMS": ("unreadable",), "SCOPE": "corpus"}, "PROBLEMS"),
    ({"check": None}, "check"),
])
def test_a_bad_declaration_is_an_error_naming_the_module(attrs, what):
    with pytest.raises(RuleDeclarationError, match=r"rule module fake_rule: .*") as e:
        declaration(_module(**attrs))
    assert what in str(e.value)


def test_a_good_declaration_is_typed():
    meta = declaration(_module(OPTIONS={"n": (int, 3), "x": (float, 1)}, SCOPE="corpus", CROSS_LEAFLET=True))
    assert meta.level.value == "warning" and meta.cross_leaflet and meta.defaults() == {"n": 3, "x": 1}


def test_every_problem_kind_needs_exactly_one_rule():
    found = dict(registry())
    found.pop("ingest.unreadable")
    with pytest.raises(RuleDeclarationError, match="unreadable"):
        _check_problem_owners(found)
