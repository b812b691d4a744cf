"""JUnit XML: a test suite per file, a failing test case per error (warnings under --strict)."""

from __future__ import annotations

from itertools import groupby
from xml.etree import ElementTree as ET

from pipeline.diagnostic import Diagnostic, Summary
from pipeline.i18n import _


class Formatter:
    def __init__(self, strict: bool = False, files: list[str] | None = None, **_):
        self.items: list[Diagnostic] = []
        self.strict = strict
        self.files = files or []

    def begin(self, rules) -> None:
        pass

    def emit(self, d: Diagnostic) -> None:
        self.items.append(d)

    def _fails(self, d: Diagnostic) -> bool:
        sev = d.severity.value if d.severity else "info"
        return sev == "error" or (self.strict and sev == "warning")

    def end(self, summary: Summary) -> str:
        root = ET.Element("testsuites", name="leaflint")
        by_path = {p: list(g) for p, g in groupby(self.items, key=lambda d: d.path)}
        paths = list(dict.fromkeys([*self.files, *by_path]))
        total = failures = 0
        for path in paths:
            items = by_path.get(path, [])
            suite = ET.SubElement(root, "testsuite", name=path)
            n_fail = 0
            if not items:
                ET.SubElement(suite, "testcase", classname=path, name="leaflint")
            for d in items:
                case = ET.SubElement(suite, "testcase", classname=d.rule, name=f"{d.rule} {path}:{d.line}:{d.column}",
                                     file=path, line=str(d.line))
                sev = d.severity.value if d.severity else "info"
                text = f"{path}:{d.line}:{d.column}: {sev} {d.rule} {d.message}"
                if d.suggestions:
                    text += "\n" + _("suggestion: {words}").format(words=", ".join(d.suggestions[:5]))
                if self._fails(d):
                    n_fail += 1
                    fail = ET.SubElement(case, "failure", message=d.message, type=sev)
                    fail.text = text
                else:
                    out = ET.SubElement(case, "system-out")
                    out.text = text
            count = max(len(items), 1)
            suite.set("tests", str(count))
            suite.set("failures", str(n_fail))
            suite.set("errors", "0")
            total += count
            failures += n_fail
        root.set("tests", str(total))
        root.set("failures", str(failures))
        root.set("errors", "0")
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
