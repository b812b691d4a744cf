"""Compare two `leaflint lint --format json` reports: the same findings, or the differences listed.

Usage: python scripts/compare-findings.py EXPECTED.json ACTUAL.json   (exit 0 same, 1 different)
"""

import json
import sys


def findings(path: str) -> set[tuple]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {(d["path"], d["line"], d["column"], d["rule"], d["severity"]) for d in data["diagnostics"]}


def main(expected: str, actual: str) -> int:
    want, got = findings(expected), findings(actual)
    errors = sum(1 for d in got if d[4] == "error")
    if want == got:
        print(f"fresh-check: same {len(got)} finding(s) as on this machine ({errors} error(s))", file=sys.stderr)
        return 0
    for label, rows in (("missing", want - got), ("extra", got - want)):
        for path, line, column, rule, severity in sorted(rows):
            print(f"fresh-check: {label}: {path}:{line}:{column} {severity} {rule}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
