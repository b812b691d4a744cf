"""A progress bar on stderr for long runs: shown only on a terminal, and only after a delay.

Short runs (and every run whose stderr is a file or a pipe, such as CI logs) print nothing.
"""

from __future__ import annotations

import sys
import time

DELAY_SECONDS = 2.0


class Progress:
    def __init__(self, label: str, total: int, enabled: bool | None = None, delay: float = DELAY_SECONDS,
                 stream=None):
        self.label = label
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = (self.stream.isatty() if hasattr(self.stream, "isatty") else False) if enabled is None else enabled
        self.delay = delay
        self.start = time.monotonic()
        self.done = 0
        self.bar = None

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        if self.bar is None and time.monotonic() - self.start >= self.delay and self.done < self.total:
            self._show()
        if self.bar is not None:
            self.bar[0].update(self.bar[1], completed=self.done)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

        bar = Bar(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True, console=Console(file=self.stream))
        task = bar.add_task(self.label, total=self.total, completed=self.done)
        bar.start()
        self.bar = (bar, task)

    def close(self) -> None:
        if self.bar is not None:
            self.bar[0].stop()
            self.bar = None


def quiet(total: int = 0) -> Progress:
    return Progress("", total, enabled=False)
