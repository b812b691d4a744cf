"""Every finding's message exists in Dutch and in English, is one short sentence, and keeps rule IDs."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from pipeline import i18n
from pipeline.lint.rules import all_rules

CASES = Path(__file__).parent / "cases"
MAX_MESSAGE = 160


def _first_failing_case(rule_id: str) -> dict:
    data = YAML(typ="safe", pure=True).load((CASES / f"{rule_id}.yaml").read_text(encoding="utf-8"))
    return next(c for c in data["cases"] if c["expect"])


@pytest.fixture
def language():
    before = i18n.language()
    yield i18n.set_language
    i18n.set_language(before)


@pytest.mark.slow
@pytest.mark.parametrize("rule_id", sorted(all_rules()))
def test_each_rule_speaks_dutch_and_english_in_short_messages(rule_id, tmp_path, language):
    from tests.case_runner import run_case

    case = _first_failing_case(rule_id)
    messages = {}
    for lang in ("nl", "en"):
        language(lang)
        folder = tmp_path / lang
        folder.mkdir()
        _found, diags = run_case(rule_id, case, folder)
        assert diags, f"{rule_id}: the failing case found nothing in {lang}"
        messages[lang] = [d.message for d in diags]
        for d in diags:
            assert d.rule == rule_id
            assert len(d.message) < MAX_MESSAGE, f"{rule_id} ({lang}), {len(d.message)} characters: {d.message}"
            assert "\n" not in d.message
    assert messages["nl"] != messages["en"], f"{rule_id}: the Dutch message is the English one: {messages['nl']}"
