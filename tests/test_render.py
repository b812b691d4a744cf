"""Rendering one leaflet: brand loading, sanitized HTML, the fetch sandbox, PDF/UA metadata."""

from __future__ import annotations

import http.server
import re
import shutil
import sys
import threading
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.brands.colour import contrast
from pipeline.brands.load import load_brands
from pipeline.brands.publishing import HOUSE_BRAND, publishers
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.ingest import load_document
from pipeline.paths import SOURCES_DIR
from pipeline.problems import Kind
from pipeline.render.html import css_string, render_html, sanitize, tel
from pipeline.render.pdf import asset_roots, make_fetcher, render_pdf

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sources" / "leaflets" / "demo_miskraam.md"


@pytest.fixture(scope="module")
def brands():
    found, problems = load_brands(SOURCES_DIR)
    assert problems == []
    return found


def _doc(path: Path, meta: dict | None = None):
    return load_document(path, meta=meta or {})


def _leaflet(tmp_path: Path, text: str, name: str = "folder.txt", meta: dict | None = None):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return _doc(p, meta)


# -- brands -------------------------------------------------------------------------------------

def test_repository_brands_are_valid_and_publish_their_leaflets(brands):
    assert {"meidoorn", "verloskundige-000", "verloskundige-002", "ziekenhuis-004"} <= set(brands)
    for brand in brands.values():
        assert brand["contact"]["phone"]
        assert Path(brand["logo_path"]).is_file()
        assert contrast(brand["colors"]["text"], brand["colors"]["background"]) >= 4.5
    assert publishers("demo_miskraam", {}, brands) == ["meidoorn"]
    assert publishers("004_de792eee956c9f0d", {"brand": "ziekenhuis-004"}, brands) == ["ziekenhuis-004"]
    assert publishers("001_798a557aa7b9348b", {}, brands) == []


def test_broken_brand_is_reported_and_others_still_load(tmp_path):
    d = tmp_path / "brands"
    d.mkdir()
    (d / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    good = 'name: Goed\nlogo: logo.svg\ncolors: {primary: "#1f5f8b", text: "#111111", background: "#ffffff"}\n' \
           'contact: {phone: "010-1234567"}\nleaflets: [a]\n'
    (d / "goed.yaml").write_text(good, encoding="utf-8")
    (d / "png.yaml").write_text(good.replace("logo.svg", "nep.png"), encoding="utf-8")
    (d / "nep.png").write_bytes(b"not a png at all")
    (d / "Hoofdletter.yaml").write_text(good, encoding="utf-8")
    (d / "neutraal.yaml").write_text(good, encoding="utf-8")  # the house brand's id is reserved
    found, problems = load_brands(tmp_path)
    assert list(found) == ["goed"]
    by_file = {Path(p.path).name: p for p in problems}
    assert set(by_file) == {"png.yaml", "Hoofdletter.yaml", "neutraal.yaml"}
    assert "geen geldig PNG-bestand" in by_file["png.yaml"].message and by_file["png.yaml"].line == 2
    assert all(p.kind is Kind.BRAND for p in problems)


def test_css_string_cannot_break_out_of_the_style_element():
    s = css_string('Praktijk "X" </style><script>alert(1)</script> \\ ;}')
    assert "</style" not in s and "<script" not in s and s.count('"') == 2
    assert tel("06-43789244") == "+31643789244" and tel("0183 64 42 17", "nl-BE") == "+32183644217"


# -- HTML ---------------------------------------------------------------------------------------

HOSTILE = """Titel van de folder

Tekst met <script>alert('x')</script> en <img src="http://127.0.0.1:9/pixel.gif" onerror="alert(1)">.

Een link [klik](javascript:alert(1)) en [goed](https://www.thuisarts.nl) en ![plaatje](http://127.0.0.1:9/x.png).

<style>body{display:none}</style><iframe src="https://example.org"></iframe> <a href="#" onclick="x()">a</a>
"""


def test_sanitize_drops_scripts_handlers_styles_and_remote_resources():
    dirty = ('<p onclick="x()" style="color:red">a<script>alert(1)</script><img src="http://e/x.png">'
             '<a href="javascript:alert(1)">j</a><a href="https://thuisarts.nl">t</a></p>'
             '<style>p{}</style><iframe src="https://e"></iframe><svg><image href="http://e/y"/></svg>')
    clean = sanitize(dirty)
    for bad in ("<script", "onclick", "style", "<img", "javascript:", "<iframe", "<svg", "http://e"):
        assert bad not in clean, bad
    assert '<a href="https://thuisarts.nl" rel="noopener noreferrer">t</a>' in clean


def test_html_page_is_branded_semantic_and_script_free(tmp_path, brands):
    doc = _leaflet(tmp_path, HOSTILE)
    page = render_html(doc, brands["meidoorn"])
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert '<meta name="viewport"' in page and "<main>" in page and "</main>" in page
    tags = _tags(page)
    assert not [t for t, _a in tags if t in ("script", "iframe", "object", "embed", "link")]
    assert not [(t, a) for t, attrs in tags for a, _v in attrs if a.startswith("on") or a == "style"]
    assert not [(t, v) for t, attrs in tags for _a, v in attrs if v and v.strip().lower().startswith("javascript:")]
    # the only <style> elements are the template's two, in <head>
    assert [t for t, _a in tags].count("style") == 2 and page.index("</head>") > page.rindex("</style>")
    # the only image is the brand's logo, inlined; nothing points outside the page
    imgs = re.findall(r"<img [^>]*>", page)
    assert len(imgs) == 1 and 'src="data:image/svg+xml;base64,' in imgs[0] and 'alt="Logo van' in imgs[0]
    # nothing is fetched: every src is inline; links (followed only on a click) are http(s)/tel/mailto
    assert all(v.startswith("data:") for _t, attrs in tags for a, v in attrs if a == "src")
    hrefs = [v for _t, attrs in tags for a, v in attrs if a == "href"]
    assert all(h.split(":", 1)[0] in ("http", "https", "tel", "mailto") or h.startswith("#") for h in hrefs), hrefs
    # raw HTML in the source is shown as text, not executed
    assert "&lt;script&gt;" in page
    # contact block from the brand, with a dialable number
    assert 'href="tel:+31123456789"' in page and "0123-456789" in page
    assert "CONCEPT" not in page


def test_heading_order_starts_at_h1_and_never_skips(tmp_path, brands):
    doc = _doc(DEMO, {"title": "Miskraam: wat gebeurt er en wat kun je doen?"})
    page = render_html(doc, brands["meidoorn"])
    levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", page)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert "<ul>" in page and page.count("<li>") >= 7


def _tags(page: str) -> list[tuple[str, list]]:
    from html.parser import HTMLParser

    found = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    P().feed(page)
    return found


def test_draft_page_carries_watermark_and_findings(tmp_path, brands):
    doc = _leaflet(tmp_path, "Een miskraam is het verlies van een zwangerschap tot 20 weken.\n")
    finding = Diagnostic(path=str(doc.path), line=1, column=52, message="20 weeks disagrees with <16>",
                         match="20 weken", rule="facts.drift", severity=Severity.ERROR, leaflet=doc.id)
    page = render_html(doc, brands["meidoorn"], [finding])
    assert page.count("CONCEPT — niet vrijgegeven") >= 2  # watermark and banner
    assert 'id="bevindingen"' in page and "facts.drift" in page and "folder.txt:1:52" in page
    assert "20 weeks disagrees with &lt;16&gt;" in page


def test_house_brand_for_unpublished_leaflets_invents_no_phone(tmp_path):
    doc = _leaflet(tmp_path, "Heeft u vragen? Een miskraam komt vaak voor.\n")
    page = render_html(doc, HOUSE_BRAND)
    assert "tel:" not in page
    assert "Neem contact op met uw eigen verloskundige" in page  # the leaflet says 'u'


# -- the fetch sandbox --------------------------------------------------------------------------

class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Counter.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def watch_io():
    """Record file opens and socket connections made while the flag is on (audit hooks)."""
    seen = {"open": [], "connect": [], "on": False}

    def hook(event, args):
        if not seen["on"]:
            return
        if event == "open" and args and isinstance(args[0], (str, bytes, Path)):
            seen["open"].append(str(args[0]))
        elif event == "socket.connect":
            seen["connect"].append(repr(args[1:]))

    sys.addaudithook(hook)
    yield seen
    seen["on"] = False


@pytest.mark.slow
def test_remote_image_and_file_url_in_a_source_never_reach_network_or_disk(tmp_path, brands, server, watch_io):
    secret = tmp_path / "geheim.png"
    shutil.copy(ROOT / "docs" / "img" / "leaflet-demo.png", secret)
    text = (f"Folder met plaatjes\n\n![op afstand]({server}/remote.png) en <img src=\"{server}/tag.png\">\n\n"
            f"![lokaal](file://{secret}) en <img src=\"file://{secret}\"> en [link](file:///etc/passwd)\n")
    doc = _leaflet(tmp_path, text, name="plaatjes.md")
    watch_io["on"] = True
    page = render_html(doc, brands["meidoorn"])
    pdf, refused = render_pdf(page, asset_roots(SOURCES_DIR))
    watch_io["on"] = False
    assert any("meidoorn-logo.svg" in o for o in watch_io["open"])  # the watch works
    assert _Counter.hits == []
    assert not [c for c in watch_io["connect"] if "127.0.0.1" in c]
    assert not [o for o in watch_io["open"] if "geheim" in o or o == "/etc/passwd"]
    assert pdf.startswith(b"%PDF")
    attrs = [(a, v) for _t, at in _tags(page) for a, v in at]
    assert all(v.startswith("data:") for a, v in attrs if a == "src")
    assert not [v for a, v in attrs if a == "href" and v.startswith("file:")]


@pytest.mark.slow
def test_fetcher_refuses_everything_outside_the_asset_folders(tmp_path, server, watch_io):
    secret = tmp_path / "geheim.png"
    shutil.copy(ROOT / "docs" / "img" / "leaflet-demo.png", secret)
    logo = SOURCES_DIR / "brands" / "meidoorn-logo.svg"
    # Bypass the sanitizer on purpose: the PDF renderer must hold on its own.
    page = (f'<html lang="nl"><head><title>t</title><link rel="stylesheet" href="{server}/x.css">'
            f'<link rel="stylesheet" href="file:///etc/passwd"></head><body><h1>t</h1>'
            f'<img src="{server}/remote.png" alt="r"><img src="file://{secret}" alt="s">'
            f'<img src="{logo.as_uri()}" alt="logo"><img src="../../../../../etc/hostname" alt="h"></body></html>')
    watch_io["on"] = True
    pdf, refused = render_pdf(page, asset_roots(SOURCES_DIR))
    watch_io["on"] = False
    assert any("meidoorn-logo.svg" in o for o in watch_io["open"])  # the watch works
    assert _Counter.hits == []
    assert not watch_io["connect"]
    assert not [o for o in watch_io["open"] if "geheim" in o or o in ("/etc/passwd", "/etc/hostname")]
    assert any("remote.png" in u for u in refused) and any("geheim.png" in u for u in refused)
    assert any(u.endswith("/etc/passwd") for u in refused)
    assert not any("meidoorn-logo.svg" in u for u in refused)  # brand assets are served
    fetcher = make_fetcher(asset_roots(SOURCES_DIR))
    assert fetcher.fetch(logo.as_uri()).read().startswith(b"<svg")
    for url in (f"{server}/a.png", "file:///etc/passwd", "ftp://example.org/x", f"file://{secret}",
                (SOURCES_DIR / "brands" / ".." / ".." / "README.md").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert _Counter.hits == []


# -- PDF ----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_pdf_is_tagged_pdf_ua_with_title_lang_bookmarks_and_embedded_fonts(brands):
    doc = _doc(DEMO, {"title": "Miskraam: wat gebeurt er en wat kun je doen?", "version": "1.0",
                      "date": "2026-11-01"})
    pdf, refused = render_pdf(render_html(doc, brands["meidoorn"]), asset_roots(SOURCES_DIR))
    assert refused == []
    r = PdfReader(BytesIO(pdf))
    root = r.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part(?:="1"|>1<)', xmp), xmp
    assert r.metadata.title.startswith("Miskraam: wat gebeurt er")
    assert r.metadata["/CreationDate"].startswith("D:20261101")
    outline = [o.title for o in r.outline if not isinstance(o, list)]
    assert outline[0].startswith("Miskraam") and "Wat is een miskraam?" in _flatten(r.outline)
    fonts = _fonts(r)
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert any("Open-Sans" in name for name, _ in fonts)
    text = r.pages[0].extract_text()
    assert "Pagina 1 van" in text and "versie 1.0" in text
    assert "0123-456789" in "".join(p.extract_text() for p in r.pages)


def _flatten(outline) -> list[str]:
    out = []
    for o in outline:
        out.extend(_flatten(o) if isinstance(o, list) else [o.title])
    return out


def _fonts(reader) -> list[tuple[str, bool]]:
    found = {}
    for page in reader.pages:
        res = page.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            f = f.get_object()
            desc = f.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in f:
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            found[str(f.get("/BaseFont"))] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return sorted(found.items())
