"""The paraphrase stress sets: sentences written in the many ways leaflets, news items and forums
state each catalog fact, and look-alikes that must give no fact or a restricted population
(tests/data/facts/paraphrase.yaml; paraphrase_blind.yaml, written by a writer who had not seen the
extractor). Scored like the real pages: the facts that take part in the checks (confident) and,
apart, all facts written (those "te controleren" included); list the misses and extras with
``python -m tests.test_facts_paraphrase -v``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ruamel.yaml import YAML

from pipeline.bench.facts_quality import Score, score
from pipeline.facts.catalog import default_catalog
from pipeline.facts.extract import extract_document
from tests.test_facts_catalog import make_doc

DATA = Path(__file__).parent / "data" / "facts" / "paraphrase.yaml"
BLIND = DATA.with_name("paraphrase_blind.yaml")
BLIND2 = DATA.with_name("paraphrase_blind2.yaml")
# (precision, recall) floors on the confident facts: paraphrase.yaml measured 1.00 / 0.99; the blind
# round 0.92 / 0.82 untouched (after its annotation review), 0.97 / 0.90 after the fixes it showed;
# the second blind round 0.91 / 0.81 untouched, 0.99 / 0.94 after its fixes
FLOORS = {DATA: (0.95, 0.95), BLIND: (0.95, 0.88), BLIND2: (0.95, 0.90)}


def _entries(path: Path = DATA) -> list[dict]:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _expected(entry: dict) -> list[dict]:
    line = 3 if entry.get("heading") else 1
    out = []
    for e in entry["expect"]:
        quals = {k: e[k] for k in ("population", "outcome") if k in e}
        out.append({"key": e["key"], "min": e.get("min"), "max": e.get("max"), "line": line, "qualifiers": quals})
    return out


def measure(confident_only: bool = True, path: Path = DATA) -> Score:
    cat = default_catalog()
    entries = _entries(path)
    expected = {str(i): _expected(e) for i, e in enumerate(entries)}
    got = {str(i): [f for f in extract_document(make_doc(e["text"], e.get("heading")), cat)
                    if f.key != "contact.phone" and (f.confident or not confident_only)]
           for i, e in enumerate(entries)}
    return score(expected, got)


@pytest.mark.parametrize("path", FLOORS, ids=lambda p: p.stem)
def test_every_entry_names_catalog_keys_and_a_value(path):
    keys = {k.key for k in default_catalog().kinds}
    for e in _entries(path):
        assert e["text"].strip() and isinstance(e["expect"], list), e
        for f in e["expect"]:
            assert f["key"] in keys and (f.get("min") is not None or f.get("max") is not None), (e["text"], f)


@pytest.mark.parametrize("path", FLOORS, ids=lambda p: p.stem)
def test_look_alikes_and_every_kind_are_covered(path):
    entries = _entries(path)
    kinds = {f["key"] for e in entries for f in e["expect"]}
    assert len(kinds) >= 13
    assert sum(1 for e in entries if not e["expect"]) >= 30


@pytest.mark.parametrize("path", FLOORS, ids=lambda p: p.stem)
def test_paraphrases_score_above_the_floor(path):
    s = measure(path=path)
    precision, recall = FLOORS[path]
    assert s.precision >= precision and s.recall >= recall, "\n".join(s.notes)


def _report(path: Path) -> Score:
    for label, confident_only in (("all facts", False), ("confident facts", True)):
        result = measure(confident_only, path)
        tp, fp, fn = result.totals()
        print(f"{path.name}, {label}: precision {result.precision:.2f}, recall {result.recall:.2f} "
              f"(tp {tp}, fp {fp}, fn {fn})")
    return result


if __name__ == "__main__":
    for data in FLOORS:
        result = _report(data)
        if "-v" in sys.argv[1:]:
            entries = _entries(data)
            for note in result.notes:
                lid = note.split()[1].split(":")[0]
                print(note.split(" {")[0] if note.startswith("missed") else note.split("  |")[0], "|",
                      entries[int(lid)]["text"])
