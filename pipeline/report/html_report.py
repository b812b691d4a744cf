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
    facts: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for lid, items in (corpus.facts or {}).items():
        for fact in items or []:
            f = _fact_dict(fact)
            if f.get("key"):
                facts[f["key"]][lid].append(f)
    ref_keys = _registry_keys(registry)
    keys = sorted(set(facts) | set(ref_keys))
    flagged: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in diags:
        if d.fact:
            flagged[(d.fact, d.leaflet)].append(d)
    out = ['<section id="feiten" aria-labelledby="feiten-kop">', '<h2 id="feiten-kop">Feitenmatrix</h2>']
    if not keys:
        out.append('<p class="empty">Geen feiten gevonden (de feitenextractie heeft niets opgeleverd).</p></section>')
        return "\n".join(out)
    out.append('<p class="legend"><span class="swatch conflict"></span> cel met een bevinding '
               '(tegenstrijdig of afwijkend van de referentie) · <span class="swatch disagree"></span> '
               "rij waarin de folders elkaar tegenspreken</p>")
    out.append('<div class="matrix-wrap"><table class="matrix">')
    out.append('<caption>Feiten per folder, met de referentiewaarde en bron per rij</caption>')
    out.append('<thead><tr><th scope="col">Feit</th><th scope="col">Referentie</th>'
               + "".join(f'<th scope="col"><a href="#folder-{e(doc.id)}">{e(_short(doc))}</a></th>' for doc in docs)
               + "</tr></thead><tbody>")
    for key in keys:
        row = facts.get(key, {})
        values = {_value_text(f) for fs in row.values() for f in fs}
        disagree = len(values) > 1
        out.append(f'<tr class="{"disagree" if disagree else ""}"><th scope="row">{e(key)}'
                   + ('<br><small class="flag">folders spreken elkaar tegen</small>' if disagree else "")
                   + f"</th><td class=\"ref\">{_reference_html(registry, key)}</td>")
        for doc in docs:
            cell_facts = row.get(doc.id, [])
            hits = flagged.get((key, doc.id), [])
            cls = "conflict" if hits else ""
            if not cell_facts:
                out.append(f'<td class="none {cls}">{"".join(_hit(h) for h in hits) or "—"}</td>')
                continue
            inner = []
            for f in cell_facts:
                where = f' <span class="where">r. {e(str(f.get("line")))}</span>' if f.get("line") else ""
                quote = f'<q>{e(str(f.get("quote") or ""))}</q>' if f.get("quote") else ""
                inner.append(f'<div class="val"><strong>{e(_value_text(f))}</strong>{where}<br>{quote}</div>')
            inner.extend(_hit(h) for h in hits)
            out.append(f'<td class="{cls}">{"".join(inner)}</td>')
        out.append("</tr>")
    out.append("</tbody></table></div></section>")
    return "\n".join(out)


def _hit(d: Diagnostic) -> str:
    return f'<p class="hit {html.escape(_sev(d))}">{html.escape(d.message)}</p>'


def _fact_dict(fact: Any) -> dict:
    if isinstance(fact, dict):
        return fact
    to_json = getattr(fact, "to_json", None)
    if callable(to_json):
        return to_json()
    return {k: getattr(fact, k, None) for k in ("key", "min", "max", "text", "unit", "approx", "line", "quote")}


def _num(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x).replace(".", ",") if isinstance(x, float) else str(x)


def _value_text(f: dict) -> str:
    lo, hi, unit = f.get("min"), f.get("max"), f.get("unit") or ""
    if lo is None and hi is None:
        return str(f.get("text") or f.get("value") or "")
    if lo is not None and hi is not None and lo != hi:
        value = f"{_num(lo)}–{_num(hi)}"
    elif lo is not None and hi is not None:
        value = _num(lo)
    elif lo is not None:
        value = f"≥ {_num(lo)}"
    else:
        value = f"≤ {_num(hi)}"
    unit = {"percent": "%", "%": "%"}.get(unit, unit)
    sep = "" if unit in ("%", "°C") else " "
    return (("± " if f.get("approx") else "") + value + (sep + unit if unit else "")).strip()


def _registry_entries(registry: Any) -> dict:
    if registry is None:
        return {}
    for attr in ("entries", "facts", "references"):
        value = getattr(registry, attr, None)
        if isinstance(value, dict):
            return value
    if isinstance(registry, dict):
        inner = registry.get("facts") if isinstance(registry.get("facts"), dict) else registry
        return inner
    return {}


def _registry_keys(registry: Any) -> list[str]:
    return [str(k) for k in _registry_entries(registry)]


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _reference_html(registry: Any, key: str) -> str:
    entries = _registry_entries(registry)
    entry = entries.get(key)
    if entry is None:
        return '<span class="none">geen referentie</span>'
    e = html.escape
    variants = entry if isinstance(entry, list) else (_get(entry, "regions") or [entry])
    if isinstance(variants, dict):
        variants = [dict(v, region=r) if isinstance(v, dict) else v for r, v in variants.items()]
    out = []
    for v in variants:
        value = _get(v, "text") or _value_text({
            "min": _first(v, "min", "value"), "max": _first(v, "max", "value"), "unit": _get(v, "unit")})
        region = _get(v, "region")
        tol = _get(v, "tolerance")
        cite = _get(v, "citation") or _get(entry, "citation") or {}
        line = f"<strong>{e(str(value))}</strong>"
        if region:
            line += f' <span class="region">{e(str(region))}</span>'
        if tol not in (None, "", 0):
            line += f' <span class="tol">(marge {e(_num(tol))})</span>'
        c = _citation(cite)
        out.append(f'<div class="refval">{line}{"<br>" + c if c else ""}</div>')
    return "".join(out)


def _first(obj: Any, *names: str) -> Any:
    for n in names:
        v = _get(obj, n)
        if v is not None:
            return v
    return None


def _citation(cite: Any) -> str:
    if not cite:
        return ""
    if isinstance(cite, str):
        return f'<cite>{html.escape(cite)}</cite>'
    e = html.escape
    title = _get(cite, "title") or ""
    bits = [str(x) for x in (_get(cite, "publisher"), _get(cite, "year")) if x]
    text = e(str(title)) + (f" ({e(', '.join(bits))})" if bits else "")
    url = _get(cite, "url")
    if url and str(url).startswith(("https://", "http://")):
        text = f'<a href="{e(str(url), quote=True)}">{text}</a>'
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
    """The finding's source line with its neighbours, the flagged span marked."""
    e = html.escape
    if doc is None or d.line < 1:
        return ""
    first = max(1, d.line - EXCERPT_CONTEXT)
    rows = []
    for n in range(first, d.line + EXCERPT_CONTEXT + 1):
        text = doc.line_text(n)
        if n > d.line and not text and n != d.line:
            break
        if n == d.line:
            start = max(d.column - 1, 0)
            end = len(text)
            if d.end_line == d.line and d.end_column:
                end = max(start, d.end_column - 1)
            elif d.match and text[start:start + len(d.match)] == d.match:
                end = start + len(d.match)
            body = e(text[:start]) + f"<mark>{e(text[start:end])}</mark>" + e(text[end:])
            rows.append(f'<span class="ln hit">{n:>4}</span> {body}')
        else:
            rows.append(f'<span class="ln">{n:>4}</span> {e(text)}')
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
