"""Every rule has a case file tests/cases/<rule-id>.yaml with passing and failing cases (sqlfluff-style).

Case file format:

    rule: grammar.dt
    cases:
      - name: participle where the finite verb belongs
        leaflets:                  # file name -> content; several files for cross-leaflet rules
          a.txt: |
            Soms gebeurd er niets.
        sidecars: {}               # optional: file stem -> sidecar YAML text
        config: {}                 # optional: leaflint.yaml content (mapping)
        brands: {}                 # optional: brand id -> brand YAML text
        files: {}                  # optional: other files (path relative to the case folder -> text)
        raw: {}                    # optional: files byte for byte (path -> characters U+0000-U+00FF)
        outside: {}                # optional: files in a folder outside the case's project (name -> text)
        links: {}                  # optional: symbolic links (path in the case folder -> target;
                                   #   "outside/<name>" names a file of outside:)
        expect:                    # parsable findings of this rule: "file:line:column rule"
          - a.txt:1:6 grammar.dt
        suggest: [gebeurt]         # optional: the first finding's suggestions start with these
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from pipeline.lint.rules import all_rules, examples, registry

CASES = Path(__file__).parent / "cases"
_yaml = YAML(typ="safe", pure=True)


def _case_files():
    return sorted(CASES.glob("*.yaml"))


def _all_cases():
    for f in _case_files():
        data = _yaml.load(f.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(data["rule"], case, id=f"{data['rule']}[{case.get('name', i)}]")


@pytest.mark.parametrize("rule_id", sorted(all_rules()))
def test_every_rule_documents_and_tests_itself(rule_id):
    mod = all_rules()[rule_id]
    ex = examples(mod)
    assert ex["pass"] and ex["fail"], f"{rule_id}: docstring needs pass: and fail: examples"
    assert registry()[rule_id].module is mod  # the declaration was checked when the registry loaded
    f = CASES / f"{rule_id}.yaml"
    assert f.is_file(), f"{rule_id}: missing case file {f}"
    data = _yaml.load(f.read_text(encoding="utf-8"))
    assert data["rule"] == rule_id
    kinds = {bool(c["expect"]) for c in data["cases"]}
    assert kinds == {True, False}, f"{rule_id}: needs at least one passing and one failing case"


@pytest.mark.parametrize("rule_id,case", list(_all_cases()))
def test_rule_case(rule_id, case, tmp_path):
    from tests.case_runner import run_case

    found, diags = run_case(rule_id, case, tmp_path)
    assert sorted(found) == sorted(case["expect"]), "\n".join(d.message for d in diags)
    if case.get("suggest"):
        first = diags[0].suggestions
        assert list(first[: len(case["suggest"])]) == case["suggest"] or set(case["suggest"]) <= set(first[:3])
