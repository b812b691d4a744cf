"""Inline suppression comments in Markdown and HTML sources.

    <!-- leaflint-disable-next-line spelling.unknown-word -->
    <!-- leaflint-disable style.address-form -->  ...  <!-- leaflint-enable style.address-form -->

Without a rule ID the comment covers every rule. Several IDs may be given, separated by commas
or spaces. A category (``spelling``) covers all its rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(
    r"<!--\s*leaflint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
ALL = "*"


@dataclass
class Suppressions:
    next_line: dict[int, set[str]] = field(default_factory=dict)  # line -> rules
    ranges: list[tuple[int, int, str]] = field(default_factory=list)  # (first, last, rule)
    named: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, rule) as written

    def covers(self, line: int, rule: str) -> bool:
        def match(r: str) -> bool:
            return r == ALL or r == rule or rule.startswith(r + ".")

        if any(match(r) for r in self.next_line.get(line, ())):
            return True
        return any(first <= line <= last and match(r) for first, last, r in self.ranges)


def parse(source: str) -> Suppressions:
    sup = Suppressions()
    open_at: dict[str, int] = {}
    for m in _COMMENT.finditer(source):
        line = source.count("\n", 0, m.start()) + 1
        end_line = source.count("\n", 0, m.end()) + 1
        rules = [r for r in re.split(r"[\s,]+", m.group(2).strip()) if r] or [ALL]
        kind = m.group(1).lower()
        column = m.start() - (source.rfind("\n", 0, m.start()) + 1) + 1
        sup.named.extend((line, column, r) for r in rules if r != ALL)
        for r in rules:
            if kind == "disable-next-line":
                # the next line that is not itself blank
                target = end_line + 1
                sup.next_line.setdefault(target, set()).add(r)
            elif kind == "disable":
                open_at.setdefault(r, line)
            elif r in open_at:
                sup.ranges.append((open_at.pop(r), line, r))
    total = source.count("\n") + 1
    for r, start in open_at.items():
        sup.ranges.append((start, total, r))
    return sup
