"""The reviewer report output/report.html: self-contained, script-free, matrix and findings."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import __version__, orchestrate
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


def test_matrix_shows_labels_values_quotes_conflicts_and_references(small, tmp_path):
    corpus, diags, registry = small
    out = tmp_path / "out" / "report.html"
    write_report(corpus, diags, registry, out, today=dt.date(2026, 11, 30))
    page = out.read_text(encoding="utf-8")
    _assert_self_contained(page)
    assert '<html lang="nl">' in page
    assert "30 november 2026" in page and f"leaflint {__version__}" in page
    matrix = page[page.index('<table class="matrix">'):page.index("</table>")]
    row = matrix[matrix.index('id="feit-miscarriage.cutoff_weeks"'):]
    # the Dutch label from the catalog, the key below it
    assert row.index("Zwangerschapsduur tot waar een verlies een miskraam heet") < row.index("miscarriage.cutoff_weeks</code>")
    assert 'class="disagree"' in matrix and "tegenstrijdig" in row  # the finding relates b to a
    # leaflets grouped by value in Dutch notation; b's group is flagged; quotes in the chip's title
    assert '<div class="group"><strong>16 weken</strong>' in row
    assert '<div class="group flagged error"><strong>20 weken</strong>' in row
    assert 'title="a, regel 3: in de eerste 16 weken"' in row
    assert "Richtlijn Miskraam" in row and 'href="https://richtlijnendatabase.nl/richtlijn/miskraam"' in row
    assert "a: Folder A" in page  # the leaflet's section is headed by id and sidecar title


def test_the_matrix_has_four_columns_whatever_the_number_of_leaflets(small):
    corpus, diags, registry = small
    page = render_report(corpus, diags, registry)
    head = page[page.index("<thead>"):page.index("</thead>")]
    assert head.count("<th ") == 4


def test_low_confidence_facts_are_marked_to_check(small):
    corpus, diags, registry = small
    corpus.facts["a"][0]["confidence"] = 0.4
    page = render_report(corpus, diags, registry)
    matrix = page[page.index('<table class="matrix">'):page.index("</table>")]
    assert matrix.count("te controleren") == 1
    assert "te controleren" in page[page.index('id="folder-a"'):page.index('id="folder-b"')]


def test_a_fact_the_rules_do_not_use_is_marked_to_check_with_what_doubted_it(small):
    corpus, diags, registry = small
    fact = corpus.facts["a"][0]
    fact.update(confidence=0.65, confident=False,
                evidence={"cues": [], "doubts": ["hedged"],
                          "doubted_by": [{"doubt": "hedged", "text": "je leest vaak", "scope": "sentence"}]})
    page = render_report(corpus, diags, registry)
    assert page.count('<span class="check" title="twijfel door: je leest vaak">te controleren</span>') == 2
    fact.update(confidence=0.65, confident=True)  # used by the rules: not marked, whatever the number
    assert "te controleren" not in render_report(corpus, diags, registry)


def test_only_contradictions_filter_hides_the_rest_without_scripts(small):
    corpus, diags, registry = small
    page = render_report(corpus, diags, registry)
    assert page.index('id="only-conflicts"') < page.index("<main>")
    assert 'label for="only-conflicts"' in page and "alleen tegenstrijdigheden (1)" in page
    assert "#only-conflicts:checked ~ main .matrix tbody tr:not(.disagree) { display: none; }" in page
    assert "#only-conflicts:checked ~ main .finding:not(.conflict) { display: none; }" in page
    assert '<li class="finding conflict" data-severity="error" data-rule="facts.conflict">' in page
    assert '<li class="finding" data-severity="warning" data-rule="spelling.unknown-word">' in page


def test_findings_link_to_the_rendered_leaflet_at_the_flagged_words(small, tmp_path):
    corpus, diags, registry = small
    out = tmp_path / "output"
    (out / "html" / "neutraal").mkdir(parents=True)
    (out / "pdf" / "neutraal").mkdir(parents=True)
    (out / "html" / "neutraal" / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (out / "pdf" / "neutraal" / "b.pdf").write_bytes(b"%PDF-1.7")
    write_report(corpus, diags, registry, out / "report.html", brands={}, output_dir=out)
    page = (out / "report.html").read_text(encoding="utf-8")
    b_sec = page[page.index('id="folder-b"'):]
    assert '<a href="html/neutraal/b.html">HTML (neutraal)</a>' in b_sec
    assert '<a href="pdf/neutraal/b.pdf">PDF (neutraal)</a>' in b_sec
    assert ('href="html/neutraal/b.html#:~:text=een%20verlies%20tot-,20%20weken,'
            '-%3Cb%3Ezwangerschap%3C%2Fb%3E."') in b_sec
    # a leaflet without rendered files gets no dead links
    a_sec = page[page.index('id="folder-a"'):page.index('id="folder-b"')]
    assert "html/" not in a_sec and ".pdf" not in a_sec


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
    assert {"sev-error", "sev-warning", "sev-info", "only-conflicts"} <= ids and len(ids) == 6
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

    result = orchestrate.run_lint([ROOT / "sources" / "leaflets"], Config())
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
    assert len(re.findall(r"<li class=\"finding[ \"]", page)) == len(result.diagnostics)
    for key in {f.key for facts in result.corpus.facts.values() for f in facts}:
        assert f'id="feit-{key}"' in page and f'<code class="key">{key}</code>' in page


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


# -- layout in a real browser ----------------------------------------------------------------------

# Added to a copy of the report only: the report itself carries no script. It measures the page
# after load, scrolls into the middle of the fact matrix and records where its header row is. The
# copy is shown in an iframe of the width under test (headless Chromium windows are at least 500 px
# wide), and writes what it measured onto the outer page, which --dump-dom prints.
PROBE = """<script>
window.addEventListener('load', function () {
  var r = {innerWidth: innerWidth, scrollWidth: document.documentElement.scrollWidth};
  var table = document.querySelector('table.matrix');
  var head = table.querySelector('thead th');
  r.headDisplayed = getComputedStyle(table.querySelector('thead')).display !== 'none';
  window.scrollTo(0, table.getBoundingClientRect().top + scrollY + table.offsetHeight / 2);
  r.scrollY = scrollY;
  r.headTop = head.getBoundingClientRect().top;
  r.tableTop = table.getBoundingClientRect().top;
  r.widest = 0;
  document.querySelectorAll('main *').forEach(function (el) {
    r.widest = Math.max(r.widest, el.getBoundingClientRect().right);
  });
  parent.document.body.setAttribute('data-probe', JSON.stringify(r));
});
</script>"""


def _chromium(*args, timeout=120):
    base = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tempfile.mkdtemp()}"]
    return subprocess.run([*base, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def _probe(report: Path, width: int, tmp_path: Path) -> dict:
    import json

    page = report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>")
    probed = tmp_path / f"probe-{width}.html"
    probed.write_text(page, encoding="utf-8")
    outer = tmp_path / f"outer-{width}.html"
    outer.write_text(f'<!DOCTYPE html><html><body style="margin:0"><iframe src="{probed.name}" '
                     f'style="width:{width}px;height:900px;border:0"></iframe></body></html>', encoding="utf-8")
    dom = _chromium("--allow-file-access-from-files", "--virtual-time-budget=5000", "--window-size=1400,1000",
                    "--dump-dom", outer.as_uri()).stdout
    m = re.search(r'data-probe="([^"]*)"', dom)
    assert m, dom[:500]
    return json.loads(html.unescape(m.group(1)))


@pytest.mark.system
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_the_report_fits_a_laptop_and_a_phone_and_its_header_sticks(seeds_report, tmp_path):
    out, _result = seeds_report
    wide = _probe(out, 1280, tmp_path)
    assert wide["scrollWidth"] <= wide["innerWidth"] == 1280 and wide["widest"] <= 1280, wide
    # scrolled into the middle of the matrix, its header row is at the top of the window
    assert wide["scrollY"] > 0 and wide["tableTop"] < 0 and wide["headDisplayed"], wide
    assert abs(wide["headTop"]) <= 1, wide
    narrow = _probe(out, 390, tmp_path)
    assert narrow["scrollWidth"] <= narrow["innerWidth"] == 390 and narrow["widest"] <= 391, narrow
    shots = {w: tmp_path / f"report-{w}.png" for w in (1280, 390)}
    for w, shot in shots.items():
        _chromium(f"--screenshot={shot}", f"--window-size={w},1800", out.as_uri())
        assert shot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.system
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_the_printed_report_is_a4_landscape_with_every_leaflet(seeds_report, tmp_path):
    from pypdf import PdfReader

    from pipeline.report.html_report import short_id

    out, result = seeds_report
    pdf = tmp_path / "report.pdf"
    _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", out.as_uri())
    reader = PdfReader(pdf)
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(w), round(h)) == (842, 595)  # A4 landscape, in points
    text = "\n".join(p.extract_text() for p in reader.pages)
    matrix = text[:text.index("Bevindingen per folder", text.index("Feitenmatrix") + 20)]
    for doc in result.corpus.documents:
        if result.corpus.facts.get(doc.id):
            assert short_id(doc.id) in matrix, doc.id
    # the header row is repeated on every page the matrix spans
    matrix_pages = [p.extract_text() for p in reader.pages][: max(1, matrix.count("\f") + 1)]
    assert all("Waarden in de folders" in t for t in matrix_pages if "Oordeel" in t)
