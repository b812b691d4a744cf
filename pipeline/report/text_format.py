"""Human output: findings grouped per file, the source line with a caret, colour on a terminal."""

from __future__ import annotations

from itertools import groupby

from pipeline.diagnostic import Diagnostic, Summary
from pipeline.i18n import _
from pipeline.report.printable import printable

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_DIM, _BOLD, _RESET, _GREEN = "\033[2m", "\033[1m", "\033[0m", "\033[32m"


class Formatter:
    def __init__(self, colour: bool = False, context: bool = True, **_):
        self.colour = colour
        self.context = context
        self.items: list[Diagnostic] = []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        self.items.append(d)

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.colour else text

    def end(self, summary: Summary) -> str:
        out: list[str] = []
        files = 0
        for path, group in groupby(self.items, key=lambda d: d.path):
            files += 1
            out.append(self._c(_BOLD, printable(path)))
            for d in group:
                sev = d.severity.value if d.severity else "info"
                pos = f"{d.line}:{d.column}"
                out.append(
                    f"  {pos:<8} {self._c(_COLOURS[sev], f'{sev:<7}')} {printable(' '.join(d.message.split()))}  {self._c(_DIM, d.rule)}"
                )
                if self.context and d.source_line:
                    out.extend(self._excerpt(d))
                if d.suggestions:
                    out.append(f"           {self._c(_GREEN, _('suggestion:'))} {printable(', '.join(d.suggestions[:5]))}")
                for r in d.related[:5]:
                    see = _("see {place}").format(place=f"{r.path}:{r.line}:{r.column}")
                    out.append(self._c(_DIM, printable(f"           {see} {r.message}".rstrip())))
                if len(d.related) > 5:
                    out.append(self._c(_DIM, "           " + _("... and {n} more").format(n=len(d.related) - 5)))
            out.append("")
        tail = _("{errors} error(s), {warnings} warning(s), {infos} info").format(
            errors=summary.error, warnings=summary.warning, infos=summary.info)
        if files:
            tail += " " + _("in {files} file(s)").format(files=files)
        if not self.items:
            tail = _("no findings")
        out.append(self._c(_BOLD, tail))
        return "\n".join(out) + "\n"

    def _excerpt(self, d: Diagnostic) -> list[str]:
        line = d.source_line.replace("\t", " ")
        start = max(d.column - 1, 0)
        if d.end_line == d.line and d.end_column and d.end_column > d.column:
            width = d.end_column - d.column
        else:
            width = max(len(line) - start, 1)
        # long lines (unwrapped paragraphs): show a window around the finding
        head_mark, tail_mark = "", ""
        if len(line) > 100:
            shift = max(0, start - 40)
            head_mark, tail_mark = ("…" if shift else ""), ("…" if shift + 100 < len(line) else "")
            line = line[shift : shift + 100]
            start -= shift
            width = min(width, 100)
        # control and bidi characters shown as <U+XXXX>; the caret follows what is shown
        before = head_mark + printable(line[:start])
        marked = printable(line[start : start + width])
        shown = before + marked + printable(line[start + width :]) + tail_mark
        gutter = f"{d.line:>5} | "
        colour = _COLOURS.get(d.severity.value if d.severity else "info", "")
        return [
            self._c(_DIM, gutter) + shown,
            " " * len(gutter) + " " * len(before) + self._c(colour, "^" + "~" * (max(len(marked), 1) - 1)),
        ]
