"""Rule documentation made from the rules: docs/rules.md, the README table, explain, SARIF helpUri."""

from __future__ import annotations

import json

from pipeline.lint.docs import README, RULES_MD, readme_with_table, rules_markdown
from pipeline.lint.rules import all_rules
from tests.conftest import run_cli


def test_docs_rules_md_is_generated_from_the_rules():
    assert RULES_MD.read_text(encoding="utf-8") == rules_markdown(), \
        "docs/rules.md is stale: run `python -m pipeline.lint.docs`"


def test_the_readme_rule_table_is_generated_from_the_rules():
    readme = README.read_text(encoding="utf-8")
    assert readme == readme_with_table(readme), "the README rule table is stale: run `python -m pipeline.lint.docs`"
    for rule_id in all_rules():
        assert f"| [`{rule_id}`](docs/rules.md#{rule_id}) |" in readme


def test_every_rule_has_an_anchored_section():
    doc = RULES_MD.read_text(encoding="utf-8")
    for rule_id in all_rules():
        assert f'<a id="{rule_id}"></a>\n\n## `{rule_id}`' in doc
        section = doc[doc.index(f"## `{rule_id}`"):]
        assert "Fails:" in section.split("<a id=")[0]


def test_explain_prints_the_rule_and_names_unknown_ones(tmp_path):
    r = run_cli("--lang", "en", "explain", "spelling.unknown-word")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("spelling.unknown-word  (error)\n")
    assert "Fails:\n  - Bij een curetage wordt de baarmoeder leeggemaakt. (suggests curettage)" in r.stdout
    assert "suggestions = 5" in r.stdout and "docs/rules.md#spelling.unknown-word" in r.stdout
    assert all(len(line) <= 100 for line in r.stdout.splitlines())
    r = run_cli("explain", "spelling.unknown-wrod")
    assert r.returncode == 2 and "spelling.unknown-word" in r.stderr and "onbekende regel" in r.stderr


def test_sarif_links_every_rule_to_its_section(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Kop\n\nDe ingreep duurt 10 a 15 minuten.\n", encoding="utf-8")
    r = run_cli("lint", f, "--format", "sarif", "--select", "typography", cwd=tmp_path,
                env={"LEAFLINT_DOCS_URL": "https://example.org/leaflint/docs/rules.md"})
    rules = json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(rule["helpUri"] == f"https://example.org/leaflint/docs/rules.md#{rule['id']}" for rule in rules)
