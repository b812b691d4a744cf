"""The reviewer report output/report.html: self-contained, script-free, matrix and findings."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import stages
from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic, Related, Severity
from pipeline.ingest import load_document
from pipeline.lint.config import Config
from pipeline.report.html_report import render_report, write_report

ROOT = Path(__file__).resolve().parent.parent


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(page)
    return p.tags


def _assert_self_contained(page: str) -> None:
    tags = _tags(page)
    assert not [t for t, _a in tags if t in ("script", "link", "iframe", "object", "embed", "img")]
    assert not [(t, a) for t, attrs in tags for a in attrs if a.startswith("on")]
    assert not re.search(r"url\(|@import", page)  # no CSS that fetches


@pytest.fixture
def small(tmp_path):
    """Two tiny leaflets that disagree about the cutoff, with facts in the Fact.to_json() shape."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Miskraam\n\nEen miskraam is een verlies in de eerste 16 weken.\n", encoding="utf-8")
    b.write_text("Miskraam\n\nEen miskraam is een verlies tot 20 weken <b>zwangerschap</b>.\n", encoding="utf-8")
    docs = [load_document(a, {"title": "Folder A"}), load_document(b, {})]
    facts = {
        "a": [{"key": "miscarriage.cutoff_weeks", "min": 16, "max": 16, "unit": "weeks", "line": 3,
               "column": 44, "quote": "in de eerste 16 weken", "qualifiers": {}}],
        "b": [{"key": "miscarriage.cutoff_weeks", "min": 20, "max": 20, "unit": "weeks", "line": 3,
               "column": 33, "quote": "tot 20 weken", "qualifiers": {}}],
    }
    corpus = Corpus(documents=docs, facts=facts, paths=[a, b])
    conflict = Diagnostic(path=str(b), line=3, column=33, end_line=3, end_column=41, match="20 weken",
                          message="20 weeks here, but 16 weeks in 1 other leaflet", fact="miscarriage.cutoff_weeks",
                          leaflet="b", rule="facts.conflict", severity=Severity.ERROR,
                          related=(Related(str(a), 3, 44, "a: 16 weeks"),))
    typo = Diagnostic(path=str(a), line=3, column=5, message="unknown word", match="miskraam",
                      leaflet="a", rule="spelling.unknown-word", severity=Severity.WARNING)
    registry = {"miscarriage.cutoff_weeks": {"min": 16, "max": 16, "region": "NL",
                                             "citations": [{"title": "Richtlijn Miskraam", "publisher": "NVOG",
                                                            "url": "https://richtlijnendatabase.nl/richtlijn/miskraam"}]}}
    return corpus, [conflict, typo], registry


def test_matrix_shows_values_quotes_conflicts_and_references(small, tmp_path):
    corpus, diags, registry = small
    out = tmp_path / "out" / "report.html"
    write_report(corpus, diags, registry, out)
    page = out.read_text(encoding="utf-8")
    _assert_self_contained(page)
    assert '<html lang="nl">' in page
    matrix = page[page.index('<table class="matrix">'):page.index("</table>")]
    row = matrix[matrix.index("miscarriage.cutoff_weeks"):]
    assert "folders spreken elkaar tegen" in row  # the finding relates b to a
    assert "<strong>16 weeks</strong>" in row and "<q>in de eerste 16 weken</q>" in row
    assert '<td class="conflict error">' in row and "<q>tot 20 weken</q>" in row
    assert "Richtlijn Miskraam" in row and 'href="https://richtlijnendatabase.nl/richtlijn/miskraam"' in row
    assert "a: Folder A" in matrix  # column headed by id and sidecar title


def test_findings_grouped_by_leaflet_with_marked_excerpt_and_filters(small):
    corpus, diags, registry = small
    page = render_report(corpus, diags, registry)
    a_sec = page[page.index('id="folder-a"'):page.index('id="folder-b"')]
    b_sec = page[page.index('id="folder-b"'):]
    assert "spelling.unknown-word" in a_sec and "facts.conflict" not in a_sec
    assert "facts.conflict" in b_sec
    # the source line, escaped, with the flagged words marked
    assert "<mark>20 weken</mark> &lt;b&gt;zwangerschap&lt;/b&gt;." in b_sec
    assert 'data-severity="error" data-rule="facts.conflict"' in b_sec
    # filters: one checkbox per severity and per rule, and CSS that hides unchecked ones
    ids = {a.get("id") for t, a in _tags(page) if t == "input"}
    assert {"sev-error", "sev-warning", "sev-info"} <= ids and len(ids) == 5
    assert '#sev-warning:not(:checked) ~ main .finding[data-severity="warning"] { display: none; }' in page
    assert re.search(r'#rule-\d:not\(:checked\) ~ main \.finding\[data-rule="facts\.conflict"\]', page)
    # checkboxes come before <main>: the sibling selectors can reach it
    assert page.index('id="sev-error"') < page.index("<main>")


def test_report_without_facts_or_findings_says_so(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Een miskraam komt vaak voor.\n", encoding="utf-8")
    page = render_report(Corpus(documents=[load_document(f, {})]), [], None)
    assert "Geen feiten gevonden" in page and "Geen bevindingen." in page
    _assert_self_contained(page)


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    from pipeline.facts.reference import load_registry

    result = stages.run_lint([ROOT / "sources" / "leaflets"], Config())
    out = tmp_path_factory.mktemp("report") / "report.html"
    write_report(result.corpus, result.diagnostics, load_registry(), out)
    return out, result


@pytest.mark.slow
def test_seeds_report_covers_every_leaflet_and_finding(seeds_report):
    out, result = seeds_report
    page = out.read_text(encoding="utf-8")
    _assert_self_contained(page)
    for doc in result.corpus.documents:
        assert f'id="folder-{doc.id}"' in page
    assert page.count('<li class="finding"') == len(result.diagnostics)
    for key in {f.key for facts in result.corpus.facts.values() for f in facts}:
        assert f'<th scope="row">{key}' in page


@pytest.mark.system
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_chromium_renders_the_report_without_javascript(seeds_report, tmp_path):
    # The page carries no script at all (checked here on the DOM Chromium built), so the matrix
    # and the CSS filters cannot depend on JavaScript. (Headless Chromium needs JavaScript itself
    # to take screenshots, so it cannot be switched off for this run.)
    out, _result = seeds_report
    shot = tmp_path / "report.png"
    base = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tempfile.mkdtemp()}"]
    subprocess.run([*base, f"--screenshot={shot}", "--window-size=1280,1600", out.as_uri()],
                   capture_output=True, timeout=120, check=False)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    dom = subprocess.run([*base, "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert '<table class="matrix">' in dom and "<tbody>" in dom and "<script" not in dom
    assert dom.count('<tr class="') >= 3


def test_excerpt_of_a_long_line_is_a_window_around_the_finding(tmp_path):
    f = tmp_path / "lang.txt"
    words = " ".join(f"woord{i}" for i in range(300))
    f.write_text(words + "\n", encoding="utf-8")
    doc = load_document(f, {})
    col = words.index("woord150") + 1
    d = Diagnostic(path=str(f), line=1, column=col, end_line=1, end_column=col + 8, match="woord150",
                   message="m", leaflet="lang", rule="spelling.unknown-word", severity=Severity.ERROR)
    page = render_report(Corpus(documents=[doc]), [d], None)
    pre = page[page.index('<pre class="excerpt">'):page.index("</pre>")]
    assert "<mark>woord150</mark>" in pre and pre.count("…") == 2
    assert "woord0 " not in pre and "woord299" not in pre and len(pre) < 400
