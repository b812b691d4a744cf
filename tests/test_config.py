"""leaflint.yaml: validated against its schema and against the rules leaflint has."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.diagnostic import Severity
from pipeline.lint.config import ConfigError, find_config, load_config


def _load(tmp_path, text):
    p = tmp_path / "leaflint.yaml"
    p.write_text(text, encoding="utf-8")
    return load_config(p)


def test_defaults_without_a_file():
    cfg = load_config(None)
    assert cfg.level_for("ingest.unreadable", Severity.ERROR) == Severity.ERROR
    assert cfg.strict is False


def test_levels_rules_beat_categories(tmp_path):
    cfg = _load(tmp_path, "categories:\n  config: info\nrules:\n  config.waivers: off\n")
    assert cfg.level_for("config.expired-waiver", Severity.WARNING) == Severity.INFO
    assert cfg.level_for("config.waivers", Severity.ERROR) is None
    assert cfg.level_for("ingest.unreadable", Severity.ERROR) == Severity.ERROR


def test_unknown_rule_is_named(tmp_path):
    with pytest.raises(ConfigError, match="unknown rule 'spelling.no-such-rule'"):
        _load(tmp_path, "rules:\n  spelling.no-such-rule: off\n")


def test_unknown_category_is_named(tmp_path):
    with pytest.raises(ConfigError, match="unknown rule category 'nonsense'"):
        _load(tmp_path, "categories:\n  nonsense: off\n")


def test_unknown_top_level_key_names_field_and_line(tmp_path):
    with pytest.raises(ConfigError) as e:
        _load(tmp_path, "strict: true\nstrictness: 3\n")
    assert "strictness" in str(e.value) and "leaflint.yaml" in str(e.value)


def test_bad_level_value(tmp_path):
    with pytest.raises(ConfigError, match="rules/ingest.unreadable"):
        _load(tmp_path, "rules:\n  ingest.unreadable: fatal\n")


def test_yaml_syntax_error_gives_line(tmp_path):
    with pytest.raises(ConfigError, match=r"leaflint.yaml:3:\d+: YAML syntax error"):
        _load(tmp_path, "rules:\n  a: b\n c: d\n")


def test_unknown_option_is_named(tmp_path):
    with pytest.raises(ConfigError, match="rule 'ingest.unreadable' has no option 'colour'"):
        _load(tmp_path, "rules:\n  ingest.unreadable:\n    level: warning\n    options: {colour: red}\n")


def test_paths_are_relative_to_the_file(tmp_path):
    cfg = _load(tmp_path, "sources: src\noutput: out\nexclude: ['*draft*']\n")
    assert cfg.sources == (tmp_path / "src").resolve()
    assert cfg.output == (tmp_path / "out").resolve()
    assert cfg.excluded(tmp_path / "x-draft.md") and not cfg.excluded(tmp_path / "x.md")


def test_found_from_a_subfolder(tmp_path):
    (tmp_path / "leaflint.yaml").write_text("strict: true\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "leaflint.yaml"


def test_schema_check_skipped_only_for_the_same_bytes(tmp_path, monkeypatch):
    """A leaflint.yaml that validated once is not validated again while its bytes stay the same
    (the mark lives in the output folder's cache); any change is validated, and errors still stop."""
    from pipeline import yamlio

    (tmp_path / "out" / ".cache" / "yaml").mkdir(parents=True)
    good = "output: out\nstrict: true\n"
    assert _load(tmp_path, good).strict is True
    assert list((tmp_path / "out" / ".cache" / "yaml").glob("valid-validate-*"))

    def refuse(*args, **kwargs):
        raise AssertionError("validated again")

    with monkeypatch.context() as m:
        m.setattr(yamlio, "validate", refuse)
        assert _load(tmp_path, good).strict is True  # same bytes: no schema check
        with pytest.raises(AssertionError, match="validated again"):
            _load(tmp_path, good + "# changed\n")
    with pytest.raises(ConfigError, match="strict"):
        _load(tmp_path, "output: out\nstrict: 12\n")


def test_exclusion_globs_as_fnmatch(tmp_path):
    from pathlib import Path

    cfg = _load(tmp_path, "exclude: ['drafts', '*.docx', 'archief/2019/', 'a[bc]?.md']\n")
    assert cfg.excluded(Path("x/drafts/y.md")) and cfg.excluded(Path("drafts"))
    assert cfg.excluded(Path("/a/b.docx")) and cfg.excluded(Path("archief/2019/z.txt"))
    assert cfg.excluded(Path("q/abz.md")) and not cfg.excluded(Path("q/adz.md"))
    assert not cfg.excluded(Path("draftsman/a.md")) and not cfg.excluded(Path("archief/2020/z.txt"))


def test_a_shared_cache_folder_holds_the_parsed_yaml_and_each_output_keeps_its_results(tmp_path, monkeypatch):
    """LEAFLINT_CACHE_DIR: content-keyed caches shared by runs with different output folders."""
    from pipeline import yamlio
    from pipeline.lint.config import load_config
    from pipeline.paths import content_cache

    assert content_cache(tmp_path / "out") == tmp_path / "out" / ".cache"
    shared = tmp_path / "shared"
    monkeypatch.setenv("LEAFLINT_CACHE_DIR", str(shared))
    monkeypatch.setattr(yamlio, "_cache_dir", {})
    assert content_cache(tmp_path / "out") == shared.resolve()
    cfg_file = tmp_path / "leaflint.yaml"
    cfg_file.write_text("output: out\n", encoding="utf-8")
    config = load_config(cfg_file)
    assert config.output == (tmp_path / "out").resolve()
    yamlio.load_validated(Path(__file__).parent.parent / "topics" / "miskraam" / "catalog.yaml", "catalog.schema.json")
    assert list((shared / "yaml").glob("*.pickle"))
    assert not (tmp_path / "out" / ".cache" / "yaml").exists()
