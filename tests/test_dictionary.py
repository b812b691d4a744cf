"""The Dutch dictionary opened only for a word it has not answered before; answers kept between runs."""

import pytest

from pipeline.language import dictionary
from pipeline.result_store import Memos


def _has_nl() -> bool:
    try:
        import enchant

        return enchant.dict_exists("nl_NL")
    except Exception:  # noqa: BLE001
        return False


pytestmark = pytest.mark.skipif(not _has_nl(), reason="hunspell-nl through enchant is not installed")


def _run(store, words):
    """One run: the shared dictionary with its answers kept in ``store``; (answers, opened?)."""
    d = dictionary.shared("nl_NL")
    d.keep(Memos(store, lambda: "code|engines").memo(dictionary.MEMO, "nl_NL"))
    answers = [d.check(w) for w in words]
    opened = d._dict is not None
    d.close()
    return answers, opened


def test_kept_answers_spare_opening_the_dictionary(tmp_path):
    import enchant

    store = tmp_path / "results.sqlite"
    words = ["miskraam", "zwangerschap", "miskraamm", "xqzw"]
    want = [enchant.Dict("nl_NL").check(w) for w in words]
    first, opened = _run(store, words)
    assert first == want and opened
    again, opened = _run(store, list(reversed(words)))
    assert again == list(reversed(want)) and not opened  # every answer was kept
    _, opened = _run(store, ["bloedverlies"])
    assert opened  # a word never asked opens it


def test_suggestions_come_from_the_dictionary():
    d = dictionary.KeptDictionary("nl_NL")
    assert "miskraam" in d.suggest("miskram")


def test_a_missing_dictionary_is_an_error_when_made():
    import enchant

    with pytest.raises(enchant.errors.DictNotFoundError):
        dictionary.KeptDictionary("xx_NOPE")


def test_a_run_that_knows_the_dictionary_exists_does_not_load_enchant(tmp_path, monkeypatch):
    """Whether nl_NL exists is kept with the answers (under the same engines and data): a run whose
    words were all answered before never loads the enchant library; with other engines it asks."""
    from pipeline.lint.engine import Context

    store = tmp_path / "results.sqlite"

    def run(engines: str):
        ctx = Context(config=None, corpus=None, memos=Memos(store, lambda: engines))
        answers = [dictionary.kept(ctx).check(w) for w in ("miskraam", "xqzw")]
        ctx.close()
        return answers

    assert run("code|engines") == [True, False]
    asked = []
    real = __import__("enchant").dict_exists
    monkeypatch.setattr("enchant.dict_exists", lambda tag: asked.append(tag) or real(tag))
    assert run("code|engines") == [True, False] and asked == []
    assert run("code|other engines") == [True, False] and asked == ["nl_NL"]
