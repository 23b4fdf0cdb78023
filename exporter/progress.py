"""A progress line on stderr for long runs: only on a terminal, never on stdout.

Redrawn in place (carriage return) at most ten times a second; messages printed through it
clear the line first, so they never end up mixed with it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from exporter.problems import plural


class Progress:
    """Counts units of work (and records) and shows them with a rate; `enabled` False makes
    every method a no-op, so callers need not test for a terminal themselves."""

    def __init__(
        self,
        label: str,
        unit: str,
        *,
        total: int | None = None,
        stream: TextIO | None = None,
        enabled: bool = True,
    ) -> None:
        self.label, self.unit, self.total = label, unit, total
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.done = self.records = 0
        self.started = self.drawn = time.monotonic()
        self.width = 0

    def advance(self, units: int = 1, records: int = 0) -> None:
        self.done += units
        self.records += records
        if self.enabled and time.monotonic() - self.drawn >= 0.1:
            self.draw()

    def draw(self) -> None:
        self.drawn = time.monotonic()
        elapsed = max(self.drawn - self.started, 1e-9)
        count = f"{self.done}" if self.total is None else f"{self.done}/{self.total}"
        bar = ""
        if self.total:
            filled = min(20, 20 * self.done // self.total)
            bar = "[" + "#" * filled + "." * (20 - filled) + "] "
        line = (
            f"{self.label}: {bar}{count} {self.unit}, {plural(self.records, 'record')}, "
            f"{self.done / elapsed:.1f} {self.unit}/s"
        )
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def clear(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

    def say(self, message: str) -> None:
        """Print a message on its own line, above the progress line."""
        self.clear()
        print(message, file=self.stream)

    def close(self) -> None:
        """Show the final count and end the line."""
        if self.enabled:
            self.draw()
            self.stream.write("\n")
            self.stream.flush()


def progress(label: str, unit: str, *, quiet: bool = False, total: int | None = None) -> Progress:
    """A Progress on stderr, enabled only when stderr is a terminal and not `quiet`."""
    enabled = not quiet and sys.stderr.isatty()
    return Progress(label, unit, total=total, stream=sys.stderr, enabled=enabled)
