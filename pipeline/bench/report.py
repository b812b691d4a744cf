"""bench.json -> the Markdown tables that go in the README (and on the terminal)."""

from __future__ import annotations

from pipeline.bench.machine import one_line

STAGES = ("ingest", "facts", "spelling", "grammar", "rules")


def _s(v) -> str:
    return "–" if v is None else f"{v:.2f} s" if v < 10 else f"{v:.1f} s"


def _n(v, digits: int = 0) -> str:
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"


def _ratio(v) -> str:
    return "–" if v is None else f"{v:.2f}×"


def _met(t: dict) -> str:
    return {True: "yes", False: "**no**", None: "not measured"}[t["met"]]


def _target_value(t: dict) -> str:
    v = t["value"]
    if v is None:
        return "–"
    unit = t["unit"]
    if unit == "x":
        return _ratio(v)
    if unit == "s":
        return _s(v)
    return f"{v:,.1f} {unit}"


def _limit(t: dict) -> str:
    sign = "≤" if t["kind"] == "max" else "≥"
    unit = "×" if t["unit"] == "x" else f" {t['unit']}"
    return f"{sign} {t['target']:g}{unit}"


def markdown(result: dict) -> str:
    lines = [
        f"Benchmark run {result.get('started', '')[:10]} on {one_line(result['machine'])} "
        f"(`make bench`, seed {result.get('seed')}; wall time, fresh process per run).",
        "",
        *_corpora_table(result["corpora"]),
        "",
        *(_comparisons(result["spelling"], result["render"]) + [""]
          if result.get("spelling") or result.get("render") else []),
        "| target | limit | measured | met |",
        "|---|---:|---:|---|",
        *(f"| {t['what']} | {_limit(t)} | {_target_value(t)} | {_met(t)} |" for t in result.get("targets", [])
          if t["value"] is not None or not result.get("relint_only")),
    ]
    notes = result.get("notes") or []
    if notes:
        lines += ["", "Notes:", *(f"- {n}" for n in notes)]
    return "\n".join(lines) + "\n"


def _corpora_table(corpora: list[dict]) -> list[str]:
    lines = [
        "| leaflets | words | cold lint | cold lint CPU | warm lint | re-lint one | re-lint edited leaflet "
        "(CPU) | editor edit | peak memory | " + " | ".join(STAGES) + " |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(STAGES),
    ]
    for r in corpora:
        warm = _s(r.get("warm_lint_s")) + ("" if r.get("cache") else " ¹")
        cells = [
            f"{r['leaflets']:,}", _n(r["words"]), _s(r["cold_lint_s"]), _s(r.get("cold_lint_cpu_s")), warm,
            _s(r.get("relint_one_s")), _edited(r),
            _editor(r),
            f"{r['peak_rss_mb']:,.0f} MB", *(_s(r.get("stages", {}).get(k)) for k in STAGES),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Times are wall clock of a fresh `leaflint lint DIR --format json` process; CPU is user + "
              "system time of it and its workers. Re-lint one: the whole folder again after one leaflet was "
              "edited; re-lint edited leaflet: `leaflint lint FILE --corpus DIR` (the edited leaflet in full, "
              "the facts of all others from the result store), median (and slowest) of several edited "
              "leaflets, with the load average; editor edit: `leaflint lsp`, median time from "
              "an edit to its published findings (and the server's CPU time for it). Stages are timed one after the other in one process "
              "(no workers), so they add up to more than the cold lint on several cores. Peak memory "
              "is all processes of the run together."]
    if any(not r.get("cache") for r in corpora):
        lines += ["", "¹ no result cache yet: the warm run recomputes everything (warm = cold)."]
    return lines


def _editor(r: dict) -> str:
    """The language server: median wall time of an edit (the server's CPU time)."""
    if r.get("lsp_edit_ms") is None:
        return "–"
    cpu = r.get("lsp_edit_cpu_ms")
    return f"{r['lsp_edit_ms']:.0f} ms" + ("" if cpu is None else f" ({cpu:.0f} ms CPU)")


def _edited(r: dict) -> str:
    """Re-lint of edited leaflets: median wall (CPU), the slowest, and the load average."""
    cell = f"{_s(r.get('relint_changed_s'))} ({_s(r.get('relint_changed_cpu_s'))})"
    runs = r.get("relint_changed_runs") or []
    if len(runs) > 1:
        cell += f", max {_s(r.get('relint_changed_max_s'))} ({_s(r.get('relint_changed_max_cpu_s'))})"
    if runs:
        cell += f", load {max(x['load'] for x in runs):.1f}"
    return cell


def _comparisons(sp: dict, rd: dict) -> list[str]:
    chromium_ratio = (rd["pdf_per_s"] / rd["chromium_pdf_per_s"]
                      if rd.get("pdf_per_s") and rd.get("chromium_pdf_per_s") else None)
    return [
        "| comparison | leaflint | baseline | ratio (ours ÷ theirs) |",
        "|---|---:|---:|---:|",
        f"| spelling, {_n(sp.get('words'))} words ({sp.get('leaflets', '–')} leaflets) | "
        f"{_n(sp.get('words_per_s'))} words/s | `hunspell -l -d nl_NL`: {_n(sp.get('hunspell_words_per_s'))} words/s "
        f"| {_ratio(sp.get('ratio'))} (CPU time: {_ratio(sp.get('cpu_ratio'))}) |",
        f"| rendering, {rd.get('documents', 0)} PDFs ({rd.get('leaflets', '–')} leaflets) | "
        f"{_n(rd.get('pdf_per_s'), 2)} PDF/s | one `weasyprint` process per PDF: {_n(rd.get('cli_pdf_per_s'), 2)} PDF/s "
        f"| {_ratio(rd.get('ratio_vs_cli'))} |",
        f"| rendering | {_n(rd.get('pdf_per_s'), 2)} PDF/s | one `chromium --headless --print-to-pdf` per PDF: "
        f"{_n(rd.get('chromium_pdf_per_s'), 2)} PDF/s | {_ratio(chromium_ratio)} |",
        f"| `leaflint build` again, nothing changed | {_s(rd.get('unchanged_rebuild_s'))} | | |",
    ]
