"""GitHub Actions workflow commands: one annotation per finding; a job summary in Markdown."""

from __future__ import annotations

from collections import Counter

from pipeline.diagnostic import Diagnostic, Summary
from pipeline.i18n import _

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


class Formatter:
    def __init__(self, failures: list[str] | None = None, **_):
        self.lines: list[str] = []
        # a check that could not run fails the job: one annotation each, without a file
        self.failures = failures or []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        props = [f"file={_prop(d.path)}", f"line={d.line}", f"col={d.column}"]
        if d.end_line:
            props.append(f"endLine={d.end_line}")
        if d.end_column and d.end_line == d.line:
            props.append(f"endColumn={d.end_column}")
        props.append(f"title={_prop('leaflint ' + d.rule)}")
        msg = d.message
        if d.suggestions:
            msg += " (" + _("suggestion: {words}").format(words=", ".join(d.suggestions[:3])) + ")"
        level = _LEVEL[d.severity.value if d.severity else "info"]
        self.lines.append(f"::{level} {','.join(props)}::{_data(msg)}")

    def end(self, summary: Summary) -> str:
        failed = [f"::error title={_prop('leaflint tool failure')}::{_data(m)}" for m in self.failures]
        return "".join(line + "\n" for line in self.lines + failed)


SUMMARY_ROWS = 50  # GitHub caps a step summary at 1 MiB; the annotations carry every finding


def _cell(s: str) -> str:
    return " ".join(s.split()).replace("|", "\\|").replace("<", "&lt;")


def job_summary(diagnostics: list[Diagnostic], summary: Summary, notes: list[str] = ()) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: totals, findings per rule, the first findings."""
    out = ["## leaflint", ""]
    if not diagnostics:
        out.append(_("No findings."))
    else:
        out += [_("**{errors}** error(s), **{warnings}** warning(s), **{infos}** info").format(
                    errors=summary.error, warnings=summary.warning, infos=summary.info), "",
                "| {} | {} |".format(_("rule"), _("findings")), "|---|---:|"]
        for rule, n in sorted(Counter(d.rule for d in diagnostics).items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"| `{rule}` | {n} |")
        out += ["", "| {} | {} | {} | {} |".format(_("where"), _("level"), _("rule"), _("message")), "|---|---|---|---|"]
        for d in diagnostics[:SUMMARY_ROWS]:
            sev = d.severity.value if d.severity else "info"
            out.append(f"| `{_cell(d.path)}:{d.line}:{d.column}` | {sev} | `{d.rule}` | {_cell(d.message)} |")
        if len(diagnostics) > SUMMARY_ROWS:
            out.append("\n" + _("… and {n} more (see the annotations or the full report).").format(
                n=len(diagnostics) - SUMMARY_ROWS))
    out += ["\n> " + _("note: {note}").format(note=_cell(n)) for n in notes]
    return "\n".join(out) + "\n"
