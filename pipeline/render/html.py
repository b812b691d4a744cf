"""Leaflet -> branded, sanitized HTML5 through pandoc (the pinned binary) and nh3.

Two pandoc passes keep untrusted text away from the template: the leaflet body is converted to
an HTML fragment (raw HTML in sources stays text), cleaned with nh3 (no script, style, event
handlers, images or other remote resources), and only then poured into the project's own
template together with the brand's values, which are escaped here.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nh3

from pipeline.brands.colour import tint
from pipeline.diagnostic import Diagnostic
from pipeline.ingest.document import Block, Document, Inline
from pipeline.links import bare_urls, typed_links
from pipeline.paths import TEMPLATES_DIR

TEMPLATE = TEMPLATES_DIR / "leaflet.html5"
SCREEN_CSS = TEMPLATES_DIR / "screen.css"
PRINT_CSS = TEMPLATES_DIR / "print.css"
DRAFT_WATERMARK = "CONCEPT — niet vrijgegeven"

# What may survive from a leaflet's own content. No img/iframe/object/style: nothing that a
# browser or WeasyPrint would fetch or execute.
ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "a", "em", "strong", "b", "i",
    "sup", "sub", "code", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "caption", "span",
    "dl", "dt", "dd", "abbr", "q", "small", "div", "colgroup", "col",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"}, "div": {"class"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "ol": {"start"}, "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"}, "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


class RenderError(Exception):
    """pandoc failed or is missing; the message names the leaflet and the cause."""


@dataclass(frozen=True)
class LeafletMeta:
    title: str
    publisher: str
    version: str
    date: dt.date | None
    lang: str


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


@functools.lru_cache(maxsize=1)
def pandoc_api_version() -> list[int]:
    out = _pandoc(["-f", "markdown", "-t", "json"], "")
    return json.loads(out)["pandoc-api-version"]


def _pandoc(args: list[str], stdin: str, what: str = "pandoc") -> str:
    try:
        proc = subprocess.run([pandoc_path(), "--sandbox", *args], input=stdin.encode("utf-8"),
                              capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise RenderError(f"{what}: pandoc could not run: {e}") from None
    if proc.returncode != 0:
        raise RenderError(f"{what}: pandoc failed: {proc.stderr.decode('utf-8', 'replace').strip()[:500]}")
    return proc.stdout.decode("utf-8")


def leaflet_meta(doc: Document) -> LeafletMeta:
    meta = doc.meta or {}
    title = str(meta.get("title") or "").strip()
    if not title:
        # Only a heading that opens the text is its title; a later one names a section.
        first = next((b for b in doc.blocks if b.text.strip()), None)
        title = first.text.strip() if first is not None and first.kind == "heading" else doc.id
    return LeafletMeta(
        title=title,
        publisher=str(meta.get("publisher") or ""),
        version=str(meta.get("version") or ""),
        date=leaflet_date(meta),
        lang=doc.language,
    )


def leaflet_date(meta: dict) -> dt.date | None:
    """The sidecar's date, else SOURCE_DATE_EPOCH, else none (never the clock: builds must repeat)."""
    value = (meta or {}).get("date")
    if value:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return None


# -- leaflet body -------------------------------------------------------------------------------

def body_ast(doc: Document, title: str) -> dict:
    """Pandoc JSON AST of the leaflet's blocks; text stays text (no markup is interpreted)."""
    blocks = [b for b in doc.blocks if b.text.strip()]
    roles = _title_roles(blocks, title)
    blocks = [b for b in blocks if roles.get(b.index) != "drop"]
    out: list = []
    levels = _heading_levels([b for b in blocks if b.index not in roles])
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "list_item" or (b.kind == "table_cell" and b.cell is not None):
            j = i
            while j < len(blocks) and blocks[j].kind == b.kind and (
                    b.kind == "list_item" or (blocks[j].cell is not None and blocks[j].cell[0] == b.cell[0])):
                j += 1
            out.append(_list(doc, blocks[i:j]) if b.kind == "list_item" else _table(doc, blocks[i:j]))
            i = j
            continue
        if b.index in roles:  # the leaflet's own title line or subtitle: shown, but not a section
            out.append({"t": "Div", "c": [["", [roles[b.index]], []], [{"t": "Para", "c": _inlines(doc, b)}]]})
        elif b.kind == "heading":
            out.append({"t": "Header", "c": [levels[b.index], ["", [], []], _inlines(doc, b)]})
        else:
            out.append({"t": "Para", "c": _inlines(doc, b)})
        i += 1
    return {"pandoc-api-version": pandoc_api_version(), "meta": {}, "blocks": out}


def _title_roles(blocks: list[Block], title: str) -> dict[int, str]:
    """Block index -> "drop" | "leaflet-title" | "subtitle" for the lines above the first section.

    The page prints ``title`` as its h1. The leaflet's first heading repeats it (a web page's
    <title> and <h1>, an ALL-CAPS title line) and is dropped when it says the same; a title line
    in other words is kept as text. A heading right after the title line that only introduces
    the next, deeper heading ("Informatie voor zwangeren") is a subtitle, not a section: left as
    a heading it would push the first real section one level below its siblings.
    """
    roles: dict[int, str] = {}
    heads = [b for b in blocks if b.kind == "heading"]
    if not heads:
        return roles
    first = heads[0]
    if _same(first.text, title):
        roles[first.index] = "drop"
    elif blocks[0] is first and all(h.level > first.level for h in heads[1:]):
        roles[first.index] = "leaflet-title"  # the one top-level heading, opening the text
    if blocks[0] is not first or first.index not in roles:
        return roles
    nxt = blocks[1:3]
    if (len(nxt) == 2 and nxt[0].kind == nxt[1].kind == "heading"
            and first.level < nxt[0].level < nxt[1].level):
        roles[nxt[0].index] = "subtitle"
    return roles


def _heading_levels(heads: list[Block]) -> dict[int, int]:
    """Block index -> HTML heading level: the template's title is the only h1, the leaflet's
    top headings become h2, and no level is ever skipped (screen readers navigate by them).

    A heading's level is one more than the number of open headings above it with a smaller
    source level, so removing the title line cannot leave its former children one level deeper
    than their siblings.
    """
    out: dict[int, int] = {}
    stack: list[int] = []  # source levels of the open headings
    for b in heads:
        if b.kind != "heading":
            continue
        level = max(b.level or 1, 1)
        while stack and stack[-1] >= level:
            stack.pop()
        out[b.index] = min(2 + len(stack), 6)
        stack.append(level)
    return out


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"[\W_]+", " ", s).strip().casefold()  # noqa: E731
    return norm(a) == norm(b)


def _list(doc: Document, items: list[Block]) -> dict:
    """Nested bullet/ordered lists from list items with a depth in ``level``."""
    base = min(max(it.level, 1) for it in items)
    groups: list[tuple[Block, list[Block]]] = []
    for it in items:
        if max(it.level, 1) > base and groups:
            groups[-1][1].append(it)
        else:
            groups.append((it, []))
    entries = []
    for head, children in groups:
        entry = [{"t": "Plain", "c": _inlines(doc, head)}]
        if children:
            entry.append(_list(doc, children))
        entries.append(entry)
    if items[0].ordered:
        return {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], entries]}
    return {"t": "BulletList", "c": entries}


# -- tables -------------------------------------------------------------------------------------

def _table(doc: Document, cells: list[Block]) -> dict:
    """A real table from the cells of one source table; header rows where the source marks them."""
    grid: dict[tuple[int, int], Block] = {}
    extra: dict[tuple[int, int], list[Block]] = {}  # more text a reader put at the same position
    for c in cells:
        _t, r, col = c.cell or (0, 0, 0)
        if (r, col) in grid:
            extra.setdefault((r, col), []).append(c)
        else:
            grid[(r, col)] = c
    nrows = max(r for r, _c in grid) + 1
    ncols = max(c for _r, c in grid) + 1
    header = _header_cells(doc, grid)
    head_rows = 0
    while head_rows < nrows - 1 and _row_is_header(grid, header, head_rows, ncols):
        head_rows += 1
    body_rows = range(head_rows, nrows)
    row_heads = 1 if ncols > 1 and body_rows and all((r, 0) in header for r in body_rows) else 0

    def cell(r: int, c: int) -> list:
        b = grid.get((r, c))
        content = [{"t": "Plain", "c": _inlines(doc, x)} for x in ([b] if b is not None else []) + extra.get((r, c), [])]
        return [["", [], []], {"t": "AlignDefault"}, 1, 1, content]

    def row(r: int) -> list:
        return [["", [], []], [cell(r, c) for c in range(ncols)]]

    colspecs = [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}] for _ in range(ncols)]
    return {"t": "Table", "c": [
        ["", [], []], [None, []], colspecs,
        [["", [], []], [row(r) for r in range(head_rows)]],
        [[["", [], []], row_heads, [], [row(r) for r in body_rows]]],
        [["", [], []], []],
    ]}


def _row_is_header(grid, header, r: int, ncols: int) -> bool:
    present = [(r, c) for c in range(ncols) if (r, c) in grid]
    return bool(present) and all(p in header for p in present)


def _header_cells(doc: Document, grid: dict[tuple[int, int], Block]) -> set[tuple[int, int]]:
    """Cells the source marks as headers: a Markdown pipe table's first row, <th> in HTML, a
    header row in Word or ODT (the readers set ``Block.header``)."""
    return {k for k, b in grid.items() if b.header}


# -- links --------------------------------------------------------------------------------------

_WRAP = {"strong": "Strong", "emph": "Emph"}
_NESTING = {"link": 0, "strong": 1, "emph": 2}  # outermost first when spans start and end together


def _inlines(doc: Document | None, block: Block | str) -> list:
    """Inlines of a block: the source's bold, italic and links (``Block.inlines``), and in the
    rest "[label](url)" typed in plain text and bare URLs. Links whose text is not the address get
    a class so print shows the address. A heading is bold already: its bold spans are dropped."""
    if isinstance(block, str):
        return _text_inlines(block)
    spans = [i for i in block.inlines if not (block.kind == "heading" and i.kind == "strong")]
    return _formatted(block.text, 0, len(block.text), spans, in_link=False)


def _formatted(text: str, start: int, end: int, spans: list[Inline], in_link: bool) -> list:
    """Pandoc inlines for ``text[start:end]`` with ``spans`` (inside that range) nested; a span
    that crosses the end of another is split there."""
    out: list = []
    pos = start
    todo = sorted(spans, key=lambda i: (i.start, -i.end, _NESTING.get(i.kind, 9)))
    while todo:
        span = todo.pop(0)
        if span.start < pos:  # overlapped the previous one: only its rest
            span = Inline(pos, span.end, span.kind, span.href)
            if span.start >= span.end:
                continue
        out.extend(_plain_inlines(text[pos:span.start], in_link))
        inner, rest = [], []
        for other in todo:
            if other.start < span.end:
                inner.append(Inline(other.start, min(other.end, span.end), other.kind, other.href))
                if other.end > span.end:
                    rest.append(Inline(span.end, other.end, other.kind, other.href))
            else:
                rest.append(other)
        content = _formatted(text, span.start, span.end, inner, in_link or span.kind == "link")
        out.extend(_wrapped(span, content, text[span.start:span.end], in_link))
        pos = span.end
        todo = sorted(rest, key=lambda i: (i.start, -i.end, _NESTING.get(i.kind, 9)))
    out.extend(_plain_inlines(text[pos:end], in_link))
    return out


def _wrapped(span: Inline, content: list, label_text: str, in_link: bool) -> list:
    if span.kind == "link":
        return content if in_link else [_link(content, span.href, label_text)]
    return [{"t": _WRAP[span.kind], "c": content}] if span.kind in _WRAP else content


def _plain_inlines(text: str, in_link: bool) -> list:
    return _words(text) if in_link else _text_inlines(text)


def _link(label: list, url: str, label_text: str) -> dict:
    shown = re.sub(r"^(?:https?://|mailto:|tel:)", "", url, flags=re.I).rstrip("/").casefold()
    visible = re.sub(r"^(?:https?://)", "", label_text.strip(), flags=re.I).rstrip("/").casefold()
    classes = [] if shown == visible or url.lower().startswith("tel:") else ["print-url"]
    return {"t": "Link", "c": [["", classes, []], label, [url, ""]]}


def _text_inlines(text: str) -> list:
    out: list = []
    pos = 0
    for link in typed_links(text):
        out.extend(_autolinked(text[pos:link.start]))
        if link.image:  # keep its description, never its (possibly remote) source
            out.extend(_words(link.label))
        else:
            out.append(_link(_words(link.label), link.url, link.label))
        pos = link.end
    out.extend(_autolinked(text[pos:]))
    return out


def _autolinked(text: str) -> list:
    out: list = []
    pos = 0
    for link in bare_urls(text):
        out.extend(_words(text[pos:link.start]))
        out.append({"t": "Link", "c": [["", [], []], [{"t": "Str", "c": link.label}], [link.url, ""]]})
        pos = link.end
    out.extend(_words(text[pos:]))
    return out


def _words(text: str) -> list:
    out: list = []
    for part in re.split(r"(\s+)", text):
        if not part:
            continue
        out.append({"t": "Space"} if part.isspace() else {"t": "Str", "c": part})
    return out


def sanitize(fragment: str) -> str:
    """Keep structure and links; drop everything a browser would run or fetch."""
    return nh3.clean(
        fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer", strip_comments=True,
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "svg", "math"},
    )


def body_html(doc: Document, title: str) -> str:
    """The leaflet body as a sanitized HTML fragment."""
    fragment = _pandoc(["-f", "json", "-t", "html5", "--wrap=none"], json.dumps(body_ast(doc, title)),
                       what=str(doc.path))
    return sanitize(fragment)


# -- the page -----------------------------------------------------------------------------------

def render_html(doc: Document, brand: dict, blocking: list[Diagnostic] | None = None) -> str:
    """The complete branded HTML page; a draft (watermark + findings page) when ``blocking``."""
    meta = leaflet_meta(doc)
    body = body_html(doc, meta.title)
    variables = template_variables(doc, brand, meta, blocking or [])
    # The variables go in a metadata file, not on the command line: a long heading or 30,000 findings
    # on a draft's findings page would pass the system's limit on arguments ("Argument list too long").
    with tempfile.TemporaryDirectory(prefix="leaflint-render-") as tmp:
        meta_file = Path(tmp) / "variables.json"
        meta_file.write_text(json.dumps(metadata_variables(variables)), encoding="utf-8")
        args = ["-f", "html", "-t", "html5", "--wrap=none", f"--template={TEMPLATE}", f"--metadata-file={meta_file}"]
        page = _pandoc(args, body, what=str(doc.path))
    return page if page.endswith("\n") else page + "\n"


def metadata_variables(variables: list[tuple[str, str]]) -> dict:
    """(name, escaped HTML) pairs as pandoc metadata that the template shows unchanged: each value a
    raw HTML block (a fence longer than any backtick run in it); a name given twice becomes a list."""
    out: dict = {}
    for key, value in variables:
        if not value:
            continue  # an empty value is no value, as it was with -V
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", value)), default=0))
        raw = f"{fence}{{=html}}\n{value}\n{fence}\n"
        if key in out:
            out[key] = (out[key] if isinstance(out[key], list) else [out[key]]) + [raw]
        else:
            out[key] = raw
    return out


def template_variables(doc: Document, brand: dict, meta: LeafletMeta,
                       blocking: list[Diagnostic]) -> list[tuple[str, str]]:
    """(name, already escaped value) pairs for the template; they reach it raw (metadata_variables)."""
    e = functools.partial(html.escape, quote=True)
    contact = brand.get("contact") or {}
    formal = uses_formal_address(doc)
    v: list[tuple[str, str]] = [
        ("lang", e(meta.lang)),
        ("title", e(meta.title)),
        ("pagetitle", e(f"{meta.title} — {brand['name']}")),
        ("publisher", e(brand["name"] if not brand.get("house") else (meta.publisher or brand["name"]))),
        ("brand_id", e(brand["id"])),
        ("brand_name", e(brand["name"])),
        ("screen_css", brand_css(SCREEN_CSS, brand, meta)),
        ("print_css", brand_css(PRINT_CSS, brand, meta)),
        ("contact_heading", "Vragen of zorgen?"),
    ]
    if brand.get("logo_path"):
        v += [("logo", logo_data_uri(Path(brand["logo_path"]))), ("logo_alt", e(brand.get("logo_alt") or ""))]
    if meta.date:
        v += [("date_iso", meta.date.isoformat()), ("date_display", e(dutch_date(meta.date)))]
    if meta.version:
        v.append(("version", e(meta.version)))
    if contact.get("phone"):
        v += [("phone", e(contact["phone"])), ("phone_tel", e(tel(contact["phone"], brand.get("locale", "nl-NL")))),
              ("call_text", "Bel ons:" if not formal else "Belt u ons:")]
    if contact.get("emergency_phone"):
        v += [("emergency_phone", e(contact["emergency_phone"])), ("emergency_tel", e(tel(contact["emergency_phone"], brand.get("locale", "nl-NL")))),
              ("emergency_text", "Spoed, dag en nacht:")]
    for other in contact.get("other_numbers") or []:
        v.append(("other_numbers", f'{e(other["label"])}: <a href="tel:{e(tel(other["number"], brand.get("locale", "nl-NL")))}">'
                                   f'{e(other["number"])}</a>'))
    if not contact.get("phone"):
        v.append(("no_contact", "Neem contact op met uw eigen verloskundige, huisarts of gynaecoloog." if formal
                  else "Neem contact op met je eigen verloskundige, huisarts of gynaecoloog."))
    for key in ("address", "email"):
        if contact.get(key):
            v.append((key, e(contact[key])))
    if contact.get("website"):
        v += [("website", e(contact["website"])), ("website_label", e(re.sub(r"^https://(www\.)?", "", contact["website"]).rstrip("/")))]
    if brand.get("footer"):
        v.append(("footer", e(brand["footer"])))
    if blocking:
        n = len(blocking)
        v += [("draft", "true"), ("finding_count", f"{n} blokkerende bevinding" + ("" if n == 1 else "en"))]
        v += [("findings", finding_item(d)) for d in blocking]
    return v


def finding_item(d: Diagnostic) -> str:
    e = html.escape
    where = f"{Path(d.path).name}:{d.line}:{d.column}"
    match = f" <q>{e(d.match)}</q>" if d.match else ""
    return (f'<li><span class="where">{e(where)}</span> <span class="rule">{e(d.rule)}</span>{match}<br>'
            f"{e(d.message)}</li>")


def uses_formal_address(doc: Document) -> bool:
    """True when the leaflet speaks to its reader with 'u' more than with 'je/jij'."""
    text = " " + doc.text.lower() + " "
    formal = len(re.findall(r"\b(?:u|uw)\b", text))
    informal = len(re.findall(r"\b(?:je|jij|jou|jouw)\b", text))
    return formal > informal


def brand_css(path: Path, brand: dict, meta: LeafletMeta) -> str:
    colors = brand["colors"]
    fonts = brand.get("fonts") or {}
    parts = [brand["name"]]
    if meta.version:
        parts.append(f"versie {meta.version}")
    if meta.date:
        parts.append(dutch_date(meta.date))
    values = {
        "primary": colors["primary"], "accent": colors.get("accent") or colors["primary"],
        "text": colors["text"], "background": colors["background"],
        "tint": tint(colors.get("accent") or colors["primary"], colors["background"], colors["text"]),
        "body_font": fonts.get("body", "Open Sans"), "heading_font": fonts.get("heading") or fonts.get("body", "Open Sans"),
        "footer_meta": css_string(" · ".join(parts) + (("\n" + brand["footer"]) if brand.get("footer") else "")),
    }
    css = path.read_text(encoding="utf-8")
    for key, value in values.items():
        css = css.replace("{{" + key + "}}", value)
    return css


def css_string(text: str) -> str:
    """A CSS string literal that cannot end the string, the rule or the <style> element."""
    out = []
    for ch in text:
        out.append(ch if ch.isalnum() or ch in " .,-·" else f"\\{ord(ch):06x}")
    return '"' + "".join(out) + '"'


def logo_data_uri(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix.lower() == ".svg":
        return "data:image/svg+xml;base64," + base64.b64encode(clean_svg(data)).decode("ascii")
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


# What a logo drawing needs; scripts, embedded HTML, event handlers and references to other files
# or the network are taken out (a brand file comes from a practice, the page goes to patients).
_SVG_DROP = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video", "handler", "listener"}
_EXTERNAL = re.compile(r"url\(\s*['\"]?\s*(?!#|data:image/)", re.I)


def clean_svg(data: bytes) -> bytes:
    """The SVG without active or external content; an SVG that does not parse becomes empty."""
    import xml.etree.ElementTree as ET

    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        return b'<svg xmlns="http://www.w3.org/2000/svg"/>'  # no entity expansion, no external DTD
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    _clean_element(root)
    return ET.tostring(root)


def _clean_element(el) -> None:
    for child in list(el):
        if child.tag.rsplit("}", 1)[-1].lower() in _SVG_DROP:
            el.remove(child)
        else:
            _clean_element(child)
    for name, value in list(el.attrib.items()):
        local = name.rsplit("}", 1)[-1].lower()
        if local.startswith("on") or (local == "href" and not value.strip().startswith(("#", "data:image/"))) \
                or (local == "style" and _EXTERNAL.search(value)):
            del el.attrib[name]


def tel(phone: str, locale: str = "nl-NL") -> str:
    """A dialable tel: number; a national number gets the country code so it works abroad too."""
    digits = re.sub(r"[^0-9+]", "", phone)
    if digits.startswith("0") and not digits.startswith("00"):
        return ("+32" if locale == "nl-BE" else "+31") + digits[1:]
    return digits


def dutch_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
