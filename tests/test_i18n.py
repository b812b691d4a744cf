"""Messages in Dutch by default, English on request; the catalog covers every message."""

from __future__ import annotations

import re

import pytest

from pipeline import i18n
from pipeline.diagnostic import Diagnostic, Fix


@pytest.fixture
def lang():
    before = i18n.language()
    yield i18n.set_language
    i18n.set_language(before)


@pytest.mark.parametrize("env, expected", [
    ({}, "nl"),
    ({"LANG": "C.UTF-8"}, "nl"),
    ({"LANG": "nl_BE.UTF-8"}, "nl"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANGUAGE": "en_GB:nl", "LANG": "nl_NL.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:en", "LANG": "nl_NL.UTF-8"}, "en"),
    ({"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),  # LC_ALL wins, German is not offered
    ({"LEAFLINT_LANG": "nl", "LANG": "en_US.UTF-8"}, "nl"),
])
def test_language_from_the_environment(env, expected):
    assert i18n.language_from_env(env) == expected


def test_set_language_rejects_unknown_languages(lang):
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        lang("fr")


def test_messages_follow_the_chosen_language(lang):
    lang("nl")
    assert i18n._("about {value}").format(value="6 weken") == "ongeveer 6 weken"
    lang("en")
    assert i18n._("about {value}").format(value="6 weeks") == "about 6 weeks"


@pytest.mark.parametrize("args, nl, en", [
    ((16, 16, "weeks"), "16 weken", "16 weeks"),
    ((1, 1, "weeks"), "1 week", "1 week"),
    ((38, 38, "celsius"), "38 °C", "38 °C"),
    ((10, 20, "percent"), "10–20 %", "10–20%"),
    ((None, 16, "weeks"), "≤ 16 weken", "≤ 16 weeks"),
    ((10, None, "percent"), "≥ 10 %", "≥ 10%"),
    ((1.5, 1.5, "days"), "1,5 dagen", "1.5 days"),
    ((2, 2, "hours"), "2 uur", "2 hours"),
    ((3, 3, "count"), "3", "3"),
    ((12000, 12000, ""), "12.000", "12,000"),
])
def test_quantities_in_the_readers_notation(args, nl, en):
    assert i18n.quantity(*args, lang="nl") == nl
    assert i18n.quantity(*args, lang="en") == en


def test_approximate_values_say_so():
    assert i18n.quantity(6, 6, "weeks", approx=True, lang="nl") == "ongeveer 6 weken"
    assert i18n.quantity(6, 6, "weeks", approx=True, lang="en") == "about 6 weeks"


# -- the catalog -----------------------------------------------------------------------------------

def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)[^}]*\}", text))


def test_every_message_in_the_code_has_a_dutch_text():
    """Extracts every msgid with Babel: a message added without a Dutch text fails here
    (fill it in pipeline/locale/nl/LC_MESSAGES/leaflint.po, then `python -m pipeline.i18n compile`)."""
    catalog = i18n.read_catalog()
    missing = []
    for message in i18n.extract():
        if not message.id:
            continue
        entry = catalog.get(message.id)
        if entry is None or not i18n._translated(entry):
            missing.append(message.id)
    assert not missing, "messages without Dutch text (run `python -m pipeline.i18n update`): " + repr(missing)


def test_translations_keep_the_placeholders_of_their_message():
    for message in i18n.read_catalog():
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for s in strings:
            assert _placeholders(s) == _placeholders(ids[-1]), (message.id, s)


def test_a_changed_catalog_is_compiled_again(tmp_path):
    po = tmp_path / "leaflint.po"
    po.write_bytes(i18n.PO_FILE.read_bytes())
    first = i18n._compiled(po)
    assert (tmp_path / "leaflint.mo").read_bytes() == first
    text = po.read_text(encoding="utf-8").replace('msgstr "ongeveer {value}"', 'msgstr "circa {value}"')
    po.write_text(text, encoding="utf-8")
    import os

    os.utime(po, (os.path.getmtime(po) + 5,) * 2)
    import gettext
    import io

    again = gettext.GNUTranslations(io.BytesIO(i18n._compiled(po)))
    assert again.gettext("about {value}") == "circa {value}"


# -- fixes on diagnostics --------------------------------------------------------------------------

def test_a_single_safe_replacement_is_the_fix():
    d = Diagnostic(path="a.md", line=3, column=5, end_line=3, end_column=13, message="m", match="curetage")
    one = d.offering("curettage", safe=True)
    assert one.suggestions == ("curettage",)
    assert one.fix == Fix("curettage", 3, 5, 3, 13, safe=True)
    assert one.to_dict()["fixes"] == [{"line": 3, "column": 5, "end_line": 3, "end_column": 13,
                                       "replacement": "curettage", "safe": True}]
    two = d.offering("curettage", "cutterage", safe=True)
    assert two.fix.replacement == "curettage" and [f.safe for f in two.fixes] == [True, False]
    assert d.offering("curetage", safe=True).fixes == ()  # replacing the text by itself is no fix
    offered = d.offering("tot 16 weken")
    assert offered.fix is None and offered.fixes[0].replacement == "tot 16 weken"


def test_a_finding_without_an_end_offers_text_but_no_fix():
    d = Diagnostic(path="a.md", line=3, column=5, message="m", match="x").offering("y", safe=True)
    assert d.suggestions == ("y",) and d.fixes == () and d.fix is None
    assert d.to_dict()["fixes"] == []


def test_help_texts_follow_the_language():
    from tests.conftest import run_cli

    nl = run_cli("fix", "--help", env={"LEAFLINT_LANG": ""})
    assert "Voer de veilige verbeteringen door" in nl.stdout and "Toon een unified diff" in nl.stdout
    en = run_cli("--lang", "en", "fix", "--help")
    assert "Apply the safe fixes" in en.stdout and "Print a unified diff" in en.stdout
