"""The reviewer report: one self-contained HTML file, no scripts, no external resources.

- a condensed fact matrix that fits a laptop screen and an A4 landscape page whatever the number
  of leaflets: one row per fact (its Dutch label from the catalog), the reference value with its
  source, and the leaflets grouped by the value they state (deviating groups marked), the header
  row sticky on screen and repeated on every printed page;
- per leaflet: its facts (value, quote, line; low-confidence ones marked "te controleren"), links
  to its rendered HTML and PDF, and every finding with the source lines around it, linked to the
  place in the rendered leaflet;
- filters by severity, by rule and "alleen tegenstrijdigheden", made of checkboxes and CSS
  sibling selectors, so they work without JavaScript (the file carries none);
- the run's date and the leaflint version.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline import __version__, i18n
from pipeline.corpus import Corpus
from pipeline.diagnostic import Diagnostic, Severity
from pipeline.i18n import _
from pipeline.yamlio import atomic_write

CSS_FILE = Path(__file__).parent / "templates" / "report.css"
SEVERITIES = ("error", "warning", "info")
EXCERPT_CONTEXT = 1  # source lines shown before and after a finding's line
EXCERPT_WIDTH = 110  # characters shown on each side of the flagged text on a long line
# findings that say leaflets (or a leaflet and the reference, or a leaflet and itself) disagree
CONFLICT_RULES = ("facts.conflict", "facts.internal-conflict", "facts.reference", "facts.pin-mismatch")
LOW_CONFIDENCE = 0.7  # a fact whose extraction confidence is below this is marked "te controleren"
FRAGMENT_WORDS = 3  # words of context around a finding in a link to the rendered leaflet


def write_report(corpus: Corpus, diagnostics: list[Diagnostic], registry: Any, out_path: Path,
                 brands: dict | None = None, output_dir: Path | None = None, today: dt.date | None = None) -> None:
    """Write ``out_path`` (atomically). ``output_dir`` holds the rendered leaflets (html/, pdf/)
    that findings link to; links are made only to files that exist."""
    out_path = Path(out_path)
    links = LeafletLinks(output_dir, out_path.parent, brands or {}) if output_dir else None
    atomic_write(out_path, render_report(corpus, diagnostics, registry, links=links, today=today))


class LeafletLinks:
    """Relative links from the report to a leaflet's rendered HTML and PDF, per brand."""

    def __init__(self, output_dir: Path, report_dir: Path, brands: dict):
        self.output_dir, self.report_dir, self.brands = Path(output_dir), Path(report_dir), brands

    def for_leaflet(self, doc) -> list[tuple[str, str, str]]:
        """(brand, html href, pdf href) for every brand whose rendered files exist."""
        from pipeline.brands.publishing import HOUSE_BRAND_ID, publishers

        out = []
        for brand in publishers(doc.id, doc.meta, self.brands) or [HOUSE_BRAND_ID]:
            page = self.output_dir / "html" / brand / f"{doc.id}.html"
            pdf = self.output_dir / "pdf" / brand / f"{doc.id}.pdf"
            out.append((brand, self._href(page), self._href(pdf)))
        return [(b, h, p) for b, h, p in out if h or p]

    def _href(self, target: Path) -> str:
        if not target.is_file():
            return ""
        rel = os.path.relpath(target.resolve(), self.report_dir.resolve())
        return quote(Path(rel).as_posix())


def render_report(corpus: Corpus, diagnostics: list[Diagnostic], registry: Any,
                  links: LeafletLinks | None = None, today: dt.date | None = None) -> str:
    diags = sorted(diagnostics, key=Diagnostic.sort_key)
    rules = sorted({d.rule for d in diags if d.rule})
    rule_ids = {r: f"rule-{i}" for i, r in enumerate(rules)}
    docs = sorted(corpus.documents, key=lambda d: d.id)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{i18n.language()}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>leaflint: {html.escape(_('reviewer report'))}</title>",
        f"<style>\n{CSS_FILE.read_text(encoding='utf-8')}\n{_filter_css(rule_ids)}</style>",
        "</head>",
        "<body>",
    ]
    # Filter state lives in these checkboxes; they must precede <main> as siblings.
    parts.append('<input type="checkbox" class="toggle" id="only-conflicts">')
    for sev in SEVERITIES:
        parts.append(f'<input type="checkbox" class="toggle" id="sev-{sev}" checked>')
    for rule, rid in rule_ids.items():
        parts.append(f'<input type="checkbox" class="toggle" id="{rid}" checked>')
    parts.append(_header(docs, diags, today))
    parts.append(_filters(diags, rule_ids))
    parts.append("<main>")
    parts.append(_matrix(corpus, docs, diags, registry))
    parts.append(_findings(corpus, docs, diags, links))
    parts.append("</main>")
    parts.append(f'<footer class="colophon"><p>{html.escape(_("Made by leaflint {version}. This file works without scripts and without internet.").format(version=__version__))}</p></footer>')
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


def _header(docs, diags: list[Diagnostic], today: dt.date | None) -> str:
    e = html.escape
    counts = Counter(_sev(d) for d in diags)
    day = today or dt.date.today()
    out = [f'<header class="top"><h1>{e(_("Reviewer report"))}</h1>',
           f'<p class="meta">{e(_("{n} leaflet(s) · run of {date} · leaflint {version}").format(n=len(docs), date=i18n.date(day), version=__version__))}</p>',
           '<p class="summary">' + " ".join(
               f'<span class="badge {s}">{counts.get(s, 0)} {e(_sev_name(s))}</span>' for s in SEVERITIES) + "</p>",
           f'<nav class="toc" aria-label="{e(_("Contents"))}"><a href="#feiten">{e(_("Fact matrix"))}</a> '
           f'<a href="#bevindingen">{e(_("Findings per leaflet"))}</a></nav></header>']
    return "\n".join(out)


def _filters(diags: list[Diagnostic], rule_ids: dict[str, str]) -> str:
    e = html.escape
    counts = Counter(_sev(d) for d in diags)
    per_rule = Counter(d.rule for d in diags)
    conflicts = sum(1 for d in diags if d.rule in CONFLICT_RULES)
    out = [f'<div class="filters" aria-label="{e(_("Filters"))}">',
           f'<p class="chips"><label for="only-conflicts" class="chip only">{e(_("only contradictions"))} ({conflicts})</label></p>',
           f'<p class="filter-title">{e(_("Show findings of level:"))}</p><p class="chips">']
    for sev in SEVERITIES:
        out.append(f'<label for="sev-{sev}" class="chip {sev}">{e(_sev_name(sev))} ({counts.get(sev, 0)})</label>')
    out.append(f'</p><p class="filter-title">{e(_("and of rule:"))}</p><p class="chips">')
    for rule, rid in rule_ids.items():
        out.append(f'<label for="{rid}" class="chip rule">{e(rule)} ({per_rule[rule]})</label>')
    out.append("</p></div>")
    return "".join(out)


# -- the fact matrix ----------------------------------------------------------------------------

def _catalog():
    try:
        from pipeline.facts.topics import AllTopics

        return AllTopics()  # labels of every topic's facts
    except Exception:  # noqa: BLE001 - a broken catalog is reported by the facts stage; show keys
        return None


def label(key: str, catalog=None) -> str:
    """The Dutch label of a fact key from the catalog, else the key."""
    kind = catalog.kind(key) if catalog is not None else None
    return kind.label if kind is not None and getattr(kind, "label", "") else key


def _matrix(corpus: Corpus, docs, diags: list[Diagnostic], registry: Any) -> str:
    e = html.escape
    facts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for lid, items in (corpus.facts or {}).items():
        for fact in items or []:
            key = _field(fact, "key")
            if key:
                facts[key][lid].append(fact)
    refs = _references(registry)
    catalog = _catalog()
    keys = sorted(set(facts) | set(refs), key=lambda k: (label(k, catalog).lower(), k))
    flagged: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in diags:
        if d.fact:
            flagged[(d.fact, d.leaflet)].append(d)
    out = ['<section id="feiten" aria-labelledby="feiten-kop">', f'<h2 id="feiten-kop">{e(_("Fact matrix"))}</h2>']
    if not keys:
        out.append(f'<p class="empty">{e(_("No facts found (fact extraction found nothing)."))}</p></section>')
        return "\n".join(out)
    out.append(f'<p class="legend">{e(_("Each row is one fact; the leaflets are grouped by the value they state. A red group disagrees with the other leaflets or with the reference."))}</p>')
    out.append('<table class="matrix">')
    out.append(f"<caption>{e(_('Facts of {n} leaflet(s), with the reference value and its source').format(n=len(docs)))}</caption>")
    out.append("<colgroup><col class=\"c-fact\"><col class=\"c-ref\"><col class=\"c-values\"><col class=\"c-state\"></colgroup>")
    out.append(f'<thead><tr><th scope="col">{e(_("Fact"))}</th><th scope="col">{e(_("Reference"))}</th>'
               f'<th scope="col">{e(_("Values in the leaflets"))}</th><th scope="col">{e(_("Verdict"))}</th></tr></thead><tbody>')
    for key in keys:
        row = facts.get(key, {})
        unit = next((_field(f, "unit") for fs in row.values() for f in fs if _field(f, "unit")), "")
        hits = [d for d in diags if d.fact == key and d.rule in CONFLICT_RULES]
        cls = "disagree" if hits else ""
        out.append(f'<tr class="{cls}" id="feit-{e(key)}"><th scope="row">{e(label(key, catalog))}'
                   f'<br><code class="key">{e(key)}</code></th>'
                   f'<td class="ref">{_reference_html(refs.get(key, []), unit)}</td>'
                   f'<td class="values">{_value_groups(row, docs, flagged, key)}</td>'
                   f'<td class="verdict-cell">{_verdict(hits, _groups(row, docs))}</td></tr>')
    out.append("</tbody></table></section>")
    return "\n".join(out)


def _value_groups(row: dict[str, list], docs, flagged, key: str) -> str:
    """The leaflets grouped by the value (and region) they state; groups with findings marked."""
    e = html.escape
    groups = _groups(row, docs)
    if not groups:
        return f'<span class="none">{e(_("in no leaflet"))}</span>'
    out = []
    for (value, region), members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        hits = [h for lid, _f in members for h in flagged.get((key, lid), []) if h.rule in CONFLICT_RULES]
        cls = f"group flagged {_worst(hits)}" if hits else "group"
        tag = f' <span class="region">{e(region)}</span>' if region and region != "NL" else ""
        chips = " ".join(_chip(lid, f) for lid, f in members)
        out.append(f'<div class="{cls}"><strong>{e(value)}</strong>{tag} <span class="count">{len(members)}×</span> '
                   f"{chips}</div>")
    return "".join(out)


def _groups(row: dict[str, list], docs) -> dict[tuple[str, str], list[tuple[str, Any]]]:
    """(value, region) -> (leaflet, fact), one per leaflet."""
    groups: dict[tuple[str, str], list[tuple[str, Any]]] = defaultdict(list)
    for doc in docs:
        for f in row.get(doc.id, []):
            group = groups[(_fact_value(f), _region(f))]
            if doc.id not in (lid for lid, _f in group):
                group.append((doc.id, f))
    return groups


def _chip(lid: str, fact: Any) -> str:
    e = html.escape
    quote_text = _field(fact, "quote") or ""
    line = _field(fact, "line")
    tip = f"{lid}, {_('line {line}').format(line=line)}: {quote_text}" if line else f"{lid}: {quote_text}"
    marks = ""
    if _low_confidence(fact):
        marks += _check_mark(fact)
    if _field(fact, "waived"):
        marks += f' <span class="state">{e(_("waived"))}</span>'
    elif _field(fact, "reviewed"):
        marks += f' <span class="state">{e(_("reviewed"))}</span>'
    return f'<a class="lf" href="#folder-{e(lid, quote=True)}" title="{e(tip, quote=True)}">{e(short_id(lid))}</a>{marks}'


def _verdict(hits: list[Diagnostic], groups: dict) -> str:
    e = html.escape
    if any(d.rule in ("facts.conflict", "facts.internal-conflict") for d in hits):
        text, cls = _("contradiction"), "bad"
    elif hits:
        text, cls = _("differs from the reference"), "bad"
    elif len(groups) == 1 and len(next(iter(groups.values()))) > 1:
        text, cls = _("agree"), "ok"
    else:
        return ""
    return f'<span class="verdict {cls}">{e(text)}</span>'


def short_id(lid: str) -> str:
    """"004_de792eee956c9f0d" -> "004": a numbered leaflet id by its number, else the id."""
    m = re.match(r"^(\d{1,5})_[0-9a-f]{8,}$", lid)
    return m.group(1) if m else lid


def _check_mark(fact: Any) -> str:
    """"te controleren", with the words that made the extractor doubt the fact as its tooltip."""
    e = html.escape
    doubted = [d.get("text", "") for d in (_field(fact, "evidence") or {}).get("doubted_by") or []]
    tip = _("doubted by: {words}").format(words="; ".join(doubted)) if doubted else ""
    title = f' title="{e(tip, quote=True)}"' if tip else ""
    return f' <span class="check"{title}>{e(_("to check"))}</span>'


def _low_confidence(fact: Any) -> bool:
    """Not used by the fact rules: the extractor's `confident`, else a confidence below LOW_CONFIDENCE."""
    confident = _field(fact, "confident")
    if isinstance(confident, bool):
        return not confident
    c = _field(fact, "confidence")
    if c is None:
        return False
    if isinstance(c, (int, float)):
        return c < LOW_CONFIDENCE
    return str(c).lower() in ("low", "laag")


def _worst(diags: list[Diagnostic]) -> str:
    return max((_sev(d) for d in diags), key=lambda s: Severity(s).rank)


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _region(fact: Any) -> str:
    region = getattr(fact, "region", None)
    if callable(region):
        return str(region())
    quals = _field(fact, "qualifiers") or {}
    return str(quals.get("region") or "")


def _fact_value(fact: Any) -> str:
    """The value in the reader's notation ("16 weken", "10–20 %"), from a Fact or its JSON."""
    text = _field(fact, "text")
    lo, hi = _field(fact, "min"), _field(fact, "max")
    if text is not None or (lo is None and hi is None):
        return str(text or "?")
    return i18n.quantity(lo, hi, _field(fact, "unit") or "", bool(_field(fact, "approx")))


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
    e = html.escape
    if not entries:
        return f'<span class="none">{e(_("no reference"))}</span>'
    out = []
    for entry in entries:
        value = i18n.quantity(_field(entry, "min"), _field(entry, "max"), unit)
        line = f"<strong>{e(value)}</strong>"
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
        text += f' <span class="unverified">{e(_("source not yet checked"))}</span>'
    return f"<cite>{text}</cite>"


# -- per leaflet: facts, links, findings ----------------------------------------------------------

def _findings(corpus: Corpus, docs, diags: list[Diagnostic], links: LeafletLinks | None) -> str:
    e = html.escape
    by_id = {d.id: d for d in docs}
    groups: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diags:
        groups[d.leaflet if d.leaflet in by_id else ""].append(d)
    out = ['<section id="bevindingen" aria-labelledby="bevindingen-kop">',
           f'<h2 id="bevindingen-kop">{e(_("Findings per leaflet"))}</h2>']
    catalog = _catalog()
    order = [doc.id for doc in docs] + ([""] if groups.get("") else [])
    for lid in order:
        doc = by_id.get(lid)
        items = groups.get(lid, [])
        targets = links.for_leaflet(doc) if links and doc is not None else []
        out.append(_leaflet_section(lid, doc, items, corpus, catalog, targets))
    out.append("</section>")
    return "\n".join(out)


def _leaflet_section(lid: str, doc, items: list[Diagnostic], corpus: Corpus, catalog, targets) -> str:
    e = html.escape
    c = Counter(_sev(d) for d in items)
    title = _short(doc) if doc else _("Other (configuration, brands, files)")
    anchor = f"folder-{lid}" if lid else "folder-overig"
    has_conflict = " has-conflict" if any(d.rule in CONFLICT_RULES for d in items) else ""
    out = [f'<section class="leaflet{has_conflict}" id="{e(anchor)}"><h3>{e(title)}</h3>']
    if doc is not None:
        out.append(f'<p class="path">{e(str(doc.path))}</p>')
    if targets:
        out.append('<p class="outputs">' + " · ".join(
            (f'<a href="{h}">{e(_("HTML ({brand})").format(brand=b))}</a>' if h else "")
            + (f' <a href="{p}">{e(_("PDF ({brand})").format(brand=b))}</a>' if p else "")
            for b, h, p in targets) + "</p>")
    out.append('<p class="counts">' + " ".join(
        f'<span class="badge {s}">{c.get(s, 0)} {e(_sev_name(s))}</span>' for s in SEVERITIES) + "</p>")
    if doc is not None:
        out.append(_leaflet_facts(corpus.facts.get(lid, []) if corpus.facts else [], catalog))
    if not items:
        out.append(f'<p class="clean">{e(_("No findings."))}</p></section>')
        return "\n".join(out)
    out.append('<ol class="findings">')
    out.extend(_finding(d, doc, targets) for d in items)
    out.append("</ol></section>")
    return "\n".join(out)


def _leaflet_facts(facts: list, catalog) -> str:
    e = html.escape
    if not facts:
        return ""
    rows = []
    for f in sorted(facts, key=lambda f: (_field(f, "line") or 0, _field(f, "key"))):
        check = _check_mark(f) if _low_confidence(f) else ""
        quote_text = _field(f, "quote") or ""
        rows.append(f'<tr><th scope="row">{e(label(_field(f, "key"), catalog))}</th>'
                    f"<td><strong>{e(_fact_value(f))}</strong>{check}</td>"
                    f'<td class="ln">{e(str(_field(f, "line") or ""))}</td><td><q>{e(quote_text)}</q></td></tr>')
    return (f'<details class="leaflet-facts"><summary>{e(_("Facts in this leaflet ({n})").format(n=len(facts)))}</summary>'
            f'<table class="facts"><thead><tr><th scope="col">{e(_("Fact"))}</th><th scope="col">{e(_("Value"))}</th>'
            f'<th scope="col">{e(_("Line"))}</th><th scope="col">{e(_("Quote"))}</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></details>")


def _finding(d: Diagnostic, doc, targets) -> str:
    e = html.escape
    sev = _sev(d)
    loc = f"{Path(d.path).name}:{d.line}:{d.column}"
    cls = "finding conflict" if d.rule in CONFLICT_RULES else "finding"
    parts = [f'<li class="{cls}" data-severity="{sev}" data-rule="{e(d.rule, quote=True)}">',
             f'<p class="head"><span class="badge {sev}">{e(_sev_name(sev))}</span> '
             f'<code class="rule">{e(d.rule)}</code> <span class="where">{e(loc)}</span></p>',
             f'<p class="msg">{e(d.message)}</p>']
    if d.suggestions:
        parts.append(f'<p class="sugg">{e(_("Suggestion:"))} ' + ", ".join(f"<q>{e(s)}</q>" for s in d.suggestions[:5]) + "</p>")
    excerpt = _excerpt(d, doc)
    if excerpt:
        parts.append(excerpt)
    if d.related:
        parts.append('<ul class="related">' + "".join(
            f'<li>{e(Path(r.path).name)}:{r.line}:{r.column} {e(r.message)}</li>' for r in d.related[:20]) + "</ul>")
    if targets and doc is not None:
        fragment = _text_fragment(d, doc)
        parts.append('<p class="goto">' + " · ".join(
            (f'<a href="{h}{fragment}">{e(_("see it in the leaflet ({brand})").format(brand=b))}</a>' if h else "")
            + (f' <a href="{p}">{e(_("PDF"))}</a>' if p else "") for b, h, p in targets) + "</p>")
    parts.append("</li>")
    return "".join(parts)


def _text_fragment(d: Diagnostic, doc) -> str:
    """A text fragment (#:~:text=prefix-,match,-suffix) that scrolls the rendered leaflet to the
    flagged words and highlights them, with a few words around them to find the right place."""
    from pipeline.review.anchors import anchor

    a = anchor(doc, d)
    if a is None:
        return ""
    text = doc.blocks[a.block].text
    target = text[a.start:a.end].strip()
    if not target:
        return ""
    before = " ".join(text[:a.start].split()[-FRAGMENT_WORDS:])
    after = " ".join(text[a.end:].split()[:FRAGMENT_WORDS])

    def enc(s: str) -> str:
        return quote(s, safe="").replace("-", "%2D")

    parts = ([enc(before) + "-"] if before else []) + [enc(target)] + (["-" + enc(after)] if after else [])
    return "#:~:text=" + ",".join(parts)


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


def _sev_name(sev: str) -> str:
    return {"error": _("error"), "warning": _("warning"), "info": _("info")}[sev]


def _short(doc) -> str:
    title = (doc.meta or {}).get("title")
    return f"{doc.id}: {title}" if title else doc.id


def _filter_css(rule_ids: dict[str, str]) -> str:
    rules: list[str] = [
        "#only-conflicts:checked ~ main .matrix tbody tr:not(.disagree) { display: none; }",
        "#only-conflicts:checked ~ main .finding:not(.conflict) { display: none; }",
        "#only-conflicts:checked ~ main .leaflet:not(.has-conflict) { display: none; }",
        "#only-conflicts:checked ~ .filters label[for=\"only-conflicts\"] { background: var(--err-bg); border-color: var(--err); color: var(--err); font-weight: 700; }",
        "#only-conflicts:focus-visible ~ .filters label[for=\"only-conflicts\"] { outline: 3px solid #1f4e79; }",
    ]
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
