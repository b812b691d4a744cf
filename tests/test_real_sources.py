"""The annotations of the real pages (facts and look-alikes) read as their authors meant them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.bench.facts_quality import load_sources
from pipeline.facts.catalog import load_catalog

SOURCES = Path(__file__).parent / "data" / "facts" / "real" / "sources.yaml"


def test_every_annotated_page_reads_whole():
    pages = load_sources(SOURCES)  # refuses a look-alike that YAML split at a comma
    keys = {k.key for k in load_catalog().kinds}
    assert len({p["slug"] for p in pages}) == len(pages)
    for page in pages:
        assert {"slug", "url", "publisher", "split"} <= set(page), page.get("slug")
        for fact in page.get("facts") or []:
            lo, hi = fact.get("min"), fact.get("max")  # one side open: "meer dan 10 %"; a phone number is text
            assert isinstance(fact["line"], int) and ((lo, hi) != (None, None) or fact.get("text")), (page["slug"], fact)
            assert lo is None or hi is None or lo <= hi, (page["slug"], fact)
            assert fact["key"] in keys, (page["slug"], fact["key"])


@pytest.mark.parametrize("entry", ["{line: 3, value: 1,5 %, why: a dose}", "{line: 3, value: 12, why: a count}",
                                   "{line: 3, value: '12', why: a count, extra: 1}"])
def test_a_look_alike_that_yaml_misreads_is_refused_with_its_page(tmp_path, entry):
    f = tmp_path / "s.yaml"
    f.write_text(f"pages:\n- slug: p\n  look_alikes:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="p: a look-alike"):
        load_sources(f)
