"""The reviewer report: one self-contained HTML file, no scripts, no external resources.

- a fact matrix: leaflets x fact keys; each cell the value with its quote and line, cells with
  findings highlighted, rows where leaflets disagree marked, the reference value and citation
  per row;
- every finding grouped by leaflet, with the source lines around it and the match marked;
- filters by severity and by rule made of checkboxes and CSS sibling selectors, so they work
  without JavaScript (the file carries none).
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.yamlio import atomic_write

CSS_FILE = Path(__file__).parent / "templates" / "report.css"
SEVERITIES = ("error", "warning", "info")
EXCERPT_CONTEXT = 1  # source lines shown before and after a finding's line
EXCERPT_WIDTH = 110  # characters shown on each side of the flagged text on a long line


def write_report(corpus: Corpus, diagnostics: list[Diagnostic], registry: Any, out_path: Path) -> None:
    """Write ``out_path`` (atomically): the fact matrix and every finding, grouped by leaflet."""
    atomic_write(Path(out_path), render_report(corpus, diagnostics, registry))


def render_report(corpus: Corpus, diagnostics: list[Diagnostic], registry: Any) -> str:
    diags = sorted(diagnostics, key=Diagnostic.sort_key)
    rules = sorted({d.rule for d in diags if d.rule})
    rule_ids = {r: f"rule-{i}" for i, r in enumerate(rules)}
    counts = Counter(_sev(d) for d in diags)
    docs = sorted(corpus.documents, key=lambda d: d.id)
    e = html.escape

    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>leaflint: reviewerrapport</title>",
        f"<style>\n{CSS_FILE.read_text(encoding='utf-8')}\n{_filter_css(rule_ids)}</style>",
        "</head>",
        "<body>",
    ]
    # Filter state lives in these checkboxes; they must precede <main> as siblings.
    for sev in SEVERITIES:
        parts.append(f'<input type="checkbox" class="toggle" id="sev-{sev}" checked>')
    for rule, rid in rule_ids.items():
        parts.append(f'<input type="checkbox" class="toggle" id="{rid}" checked>')
    parts.append('<header class="top"><h1>Reviewerrapport</h1>')
    parts.append(
        f'<p class="summary">{len(docs)} folder(s) · '
        + " · ".join(f'<span class="badge {s}">{counts.get(s, 0)} {_sev_nl(s)}</span>' for s in SEVERITIES)
        + "</p>")
    parts.append('<nav class="toc" aria-label="Inhoud"><a href="#feiten">Feitenmatrix</a> '
                 '<a href="#bevindingen">Bevindingen per folder</a></nav></header>')
    parts.append('<div class="filters" aria-label="Filters voor de bevindingen">'
                 '<p class="filter-title">Toon bevindingen van niveau:</p><p class="chips">')
    for sev in SEVERITIES:
        parts.append(f'<label for="sev-{sev}" class="chip {sev}">{_sev_nl(sev)} ({counts.get(sev, 0)})</label>')
    parts.append('</p><p class="filter-title">en van regel:</p><p class="chips">')
    per_rule = Counter(d.rule for d in diags)
    for rule, rid in rule_ids.items():
        parts.append(f'<label for="{rid}" class="chip rule">{e(rule)} ({per_rule[rule]})</label>')
    parts.append("</p></div>")
    parts.append("<main>")
    parts.append(_matrix(corpus, docs, diags, registry))
    parts.append(_findings(docs, diags))
    parts.append("</main>")
    parts.append('<footer class="colophon"><p>Gemaakt door leaflint. Dit bestand werkt zonder scripts en '
                 "zonder internet.</p></footer>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


# -- the fact matrix ----------------------------------------------------------------------------

def _matrix(corpus: Corpus, docs, diags: list[Diagnostic], registry: Any) -> str:
    e = html.escape
    facts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for lid, items in (corpus.facts or {}).items():
        for fact in items or []:
            key = _field(fact, "key")
            if key:
                facts[key][lid].append(fact)
    refs = _references(registry)
    keys = sorted(set(facts) | set(refs))
    flagged: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in diags:
        if d.fact:
            flagged[(d.fact, d.leaflet)].append(d)
    out = ['<section id="feiten" aria-labelledby="feiten-kop">', '<h2 id="feiten-kop">Feitenmatrix</h2>']
    if not keys:
        out.append('<p class="empty">Geen feiten gevonden (de feitenextractie heeft niets opgeleverd).</p></section>')
        return "\n".join(out)
    out.append('<p class="legend"><span class="swatch conflict"></span> cel met een bevinding (rood: fout, oranje: waarschuwing) '
               '(tegenstrijdig of afwijkend van de referentie) · <span class="swatch disagree"></span> '
               "rij waarin de folders elkaar tegenspreken</p>")
    out.append('<div class="matrix-wrap"><table class="matrix">')
    out.append("<caption>Feiten per folder, met de referentiewaarde en bron per rij</caption>")
    out.append('<thead><tr><th scope="col">Feit</th><th scope="col">Referentie</th>'
               + "".join(f'<th scope="col"><a href="#folder-{e(doc.id)}">{e(_short(doc))}</a></th>' for doc in docs)
               + "</tr></thead><tbody>")
    for key in keys:
        row = facts.get(key, {})
        unit = next((_field(f, "unit") for fs in row.values() for f in fs if _field(f, "unit")), "")
        # The linter decides what disagrees (different practices' phone numbers do not): a row is
        # marked when a finding on this fact points at another leaflet.
        disagree = any(d.fact == key and any(r.path != d.path for r in d.related) for d in diags)
        out.append(f'<tr class="{"disagree" if disagree else ""}"><th scope="row">{e(key)}'
                   + ('<br><small class="flag">folders spreken elkaar tegen</small>' if disagree else "")
                   + f'</th><td class="ref">{_reference_html(refs.get(key, []), unit)}</td>')
        for doc in docs:
            cell_facts = row.get(doc.id, [])
            hits = flagged.get((key, doc.id), [])
            cls = f"conflict {_worst(hits)}" if hits else ""
            if not cell_facts:
                out.append(f'<td class="none {cls}">{"".join(_hit(h) for h in hits) or "—"}</td>')
                continue
            inner = []
            for f in cell_facts:
                line = _field(f, "line")
                where = f' <span class="where">r. {e(str(line))}</span>' if line else ""
                region = _region(f)
                tag = f' <span class="region">{e(region)}</span>' if region and region != "NL" else ""
                state = ""
                if _field(f, "waived"):
                    state = f' <span class="state">vrijgesteld: {e(str(_field(f, "waived")))}</span>'
                elif _field(f, "reviewed"):
                    state = ' <span class="state">gecontroleerd</span>'
                quote = _field(f, "quote")
                quote_html = f"<q>{e(str(quote))}</q>" if quote else ""
                inner.append(f'<div class="val"><strong>{e(_fact_value(f))}</strong>{tag}{where}{state}<br>'
                             f"{quote_html}</div>")
            inner.extend(_hit(h) for h in hits)
            out.append(f'<td class="{cls}">{"".join(inner)}</td>')
        out.append("</tr>")
    out.append("</tbody></table></div></section>")
    return "\n".join(out)


def _worst(diags: list[Diagnostic]) -> str:
    return max((_sev(d) for d in diags), key=lambda s: Severity(s).rank)


def _hit(d: Diagnostic) -> str:
    return f'<p class="hit {html.escape(_sev(d))}">{html.escape(d.message)}</p>'


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _region(fact: Any) -> str:
    region = getattr(fact, "region", None)
    if callable(region):
        return str(region())
    quals = _field(fact, "qualifiers") or {}
    return str(quals.get("region") or "")


def _num(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x).replace(".", ",") if isinstance(x, float) else str(x)


def _fact_value(fact: Any) -> str:
    """The value as the facts stage words it (Fact.value_str), or from the JSON fields."""
    value_str = getattr(fact, "value_str", None)
    if callable(value_str):
        return str(value_str())
    f = fact
    lo, hi, unit = f.get("min"), f.get("max"), f.get("unit") or ""
    if f.get("text") is not None or (lo is None and hi is None):
        return str(f.get("text") or "?")
    if lo is not None and hi is not None:
        value = _num(lo) if lo == hi else f"{_num(lo)}–{_num(hi)}"
    else:
        value = f"≥ {_num(lo)}" if lo is not None else f"≤ {_num(hi)}"
    unit = {"percent": "%", "celsius": "°C", "count": ""}.get(unit, f" {unit}" if unit else "")
    return ("~" if f.get("approx") else "") + value + unit


def _references(registry: Any) -> dict[str, list]:
    """fact key -> reference entries (pipeline.facts.reference.Registry, or a plain mapping)."""
    out: dict[str, list] = defaultdict(list)
    if registry is None:
        return out
    entries = getattr(registry, "entries", None)
    if isinstance(entries, list):
        for entry in entries:
            out[str(_field(entry, "key"))].append(entry)
    elif isinstance(registry, dict):
        for key, entry in registry.items():
            out[str(key)].extend(entry if isinstance(entry, list) else [entry])
    return out


def _reference_html(entries: list, unit: str) -> str:
    if not entries:
        return '<span class="none">geen referentie</span>'
    e = html.escape
    out = []
    for entry in entries:
        value_str = getattr(entry, "value_str", None)
        if callable(value_str):
            value = value_str(unit)
        else:
            value = _fact_value({"min": _field(entry, "min"), "max": _field(entry, "max"), "unit": unit})
        line = f"<strong>{e(str(value))}</strong>"
        region = _field(entry, "region")
        if region:
            line += f' <span class="region">{e(str(region))}</span>'
        quals = _field(entry, "qualifiers") or {}
        if quals:
            line += " " + e(", ".join(f"{k}: {v}" for k, v in quals.items()))
        cites = _field(entry, "citations") or ([_field(entry, "citation")] if _field(entry, "citation") else [])
        cite_html = "".join(f"<br>{_citation(c)}" for c in cites)
        note = _field(entry, "note")
        note_html = f'<br><small class="note">{e(str(note))}</small>' if note else ""
        out.append(f'<div class="refval">{line}{cite_html}{note_html}</div>')
    return "".join(out)


def _citation(cite: Any) -> str:
    if not cite:
        return ""
    e = html.escape
    if isinstance(cite, str):
        return f"<cite>{e(cite)}</cite>"
    title = _field(cite, "title") or ""
    bits = [str(x) for x in (_field(cite, "publisher"), _field(cite, "year")) if x]
    text = e(str(title)) + (f" ({e(', '.join(bits))})" if bits else "")
    url = _field(cite, "url")
    if url and str(url).startswith(("https://", "http://")):
        text = f'<a href="{e(str(url), quote=True)}">{text}</a>'
    if _field(cite, "verified") is False:
        text += ' <span class="unverified">bron nog niet gecontroleerd</span>'
    return f"<cite>{text}</cite>"


# -- findings by leaflet ------------------------------------------------------------------------

def _findings(docs, diags: list[Diagnostic]) -> str:
    e = html.escape
    by_id = {d.id: d for d in docs}
    groups: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diags:
        groups[d.leaflet if d.leaflet in by_id else ""].append(d)
    out = ['<section id="bevindingen" aria-labelledby="bevindingen-kop">',
           '<h2 id="bevindingen-kop">Bevindingen per folder</h2>']
    order = [doc.id for doc in docs] + ([""] if groups.get("") else [])
    for lid in order:
        doc = by_id.get(lid)
        items = groups.get(lid, [])
        c = Counter(_sev(d) for d in items)
        title = _short(doc) if doc else "Overig (configuratie, merken, bestanden)"
        anchor = f"folder-{lid}" if lid else "folder-overig"
        out.append(f'<section class="leaflet" id="{e(anchor)}"><h3>{e(title)}</h3>')
        if doc is not None:
            out.append(f'<p class="path">{e(str(doc.path))}</p>')
        out.append('<p class="counts">' + " ".join(
            f'<span class="badge {s}">{c.get(s, 0)} {_sev_nl(s)}</span>' for s in SEVERITIES) + "</p>")
        if not items:
            out.append('<p class="clean">Geen bevindingen.</p></section>')
            continue
        out.append('<ol class="findings">')
        for d in items:
            out.append(_finding(d, doc))
        out.append("</ol></section>")
    out.append("</section>")
    return "\n".join(out)


def _finding(d: Diagnostic, doc) -> str:
    e = html.escape
    sev = _sev(d)
    loc = f"{Path(d.path).name}:{d.line}:{d.column}"
    parts = [f'<li class="finding" data-severity="{sev}" data-rule="{e(d.rule, quote=True)}">',
             f'<p class="head"><span class="badge {sev}">{_sev_nl(sev)}</span> '
             f'<code class="rule">{e(d.rule)}</code> <span class="where">{e(loc)}</span></p>',
             f'<p class="msg">{e(d.message)}</p>']
    if d.suggestions:
        parts.append('<p class="sugg">Suggestie: ' + ", ".join(f"<q>{e(s)}</q>" for s in d.suggestions[:5]) + "</p>")
    excerpt = _excerpt(d, doc)
    if excerpt:
        parts.append(excerpt)
    if d.related:
        parts.append('<ul class="related">' + "".join(
            f'<li>{e(Path(r.path).name)}:{r.line}:{r.column} {e(r.message)}</li>' for r in d.related[:20]) + "</ul>")
    parts.append("</li>")
    return "".join(parts)


def _excerpt(d: Diagnostic, doc) -> str:
    """The finding's source line with its neighbours, the flagged span marked; long lines (a
    whole paragraph on one line) are cut to a window around the span."""
    e = html.escape
    if doc is None or d.line < 1:
        return ""
    rows = []
    for n in range(max(1, d.line - EXCERPT_CONTEXT), d.line + EXCERPT_CONTEXT + 1):
        text = doc.line_text(n)
        if n != d.line:
            if text.strip():
                cut = text if len(text) <= 2 * EXCERPT_WIDTH else text[:2 * EXCERPT_WIDTH] + "…"
                rows.append(f'<span class="ln">{n:>4}</span> {e(cut)}')
            continue
        start = min(max(d.column - 1, 0), len(text))
        end = len(text)
        if d.end_line == d.line and d.end_column:
            end = max(start, d.end_column - 1)
        elif d.match and text[start:start + len(d.match)] == d.match:
            end = start + len(d.match)
        elif d.end_line and d.end_line > d.line:
            end = len(text)
        else:
            end = start
        lo, hi = max(0, start - EXCERPT_WIDTH), min(len(text), end + EXCERPT_WIDTH)
        body = ("…" if lo else "") + e(text[lo:start]) + f"<mark>{e(text[start:end])}</mark>" + e(text[end:hi]) \
            + ("…" if hi < len(text) else "")
        rows.append(f'<span class="ln hit">{n:>4}</span> {body}')
    return '<pre class="excerpt">' + "\n".join(rows) + "</pre>"


# -- helpers ------------------------------------------------------------------------------------

def _sev(d: Diagnostic) -> str:
    return d.severity.value if isinstance(d.severity, Severity) else str(d.severity or "info")


def _sev_nl(sev: str) -> str:
    return {"error": "fout", "warning": "waarschuwing", "info": "info"}[sev]


def _short(doc) -> str:
    title = (doc.meta or {}).get("title")
    return f"{doc.id}: {title}" if title else doc.id


def _filter_css(rule_ids: dict[str, str]) -> str:
    rules: list[str] = []
    for sev in SEVERITIES:
        rules.append(f'#sev-{sev}:not(:checked) ~ main .finding[data-severity="{sev}"] {{ display: none; }}')
        rules.append(f'#sev-{sev}:not(:checked) ~ .filters label[for="sev-{sev}"] {{ opacity: .45; text-decoration: line-through; }}')
        rules.append(f'#sev-{sev}:focus-visible ~ .filters label[for="sev-{sev}"] {{ outline: 3px solid #1f4e79; }}')
    for rule, rid in rule_ids.items():
        # rule ids are category.kebab-name: safe inside a quoted attribute selector
        rules.append(f'#{rid}:not(:checked) ~ main .finding[data-rule="{rule}"] {{ display: none; }}')
        rules.append(f'#{rid}:not(:checked) ~ .filters label[for="{rid}"] {{ opacity: .45; text-decoration: line-through; }}')
        rules.append(f'#{rid}:focus-visible ~ .filters label[for="{rid}"] {{ outline: 3px solid #1f4e79; }}')
    return "\n".join(rules) + "\n"
