"""A record as read from a file, with where it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from exporter.formats.jsonpos import locator

Path_ = tuple[str | int, ...]
Locator = Callable[[Path_], tuple[int, int] | None]
Hinter = Callable[[Path_], str | None]


@dataclass(slots=True)
class Loaded:
    data: Any
    file: str
    record: int  # 1-based position in the file
    line: int  # 1-based line where the record starts
    column: int = 1
    locate: Locator | None = field(default=None, repr=False)
    # why a value is not what it looks like (a YAML `NO` read as false), for messages
    hint: Hinter | None = field(default=None, repr=False)
    # the record's own source text (an NDJSON line, an array element), starting at line and
    # column: its locator is built from it only when a position is asked for, so a valid
    # record never pays for one
    raw: bytes | str | None = field(default=None, repr=False)

    def position(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at `path` inside this record, as near as known."""
        if self.locate is None and self.raw is not None:
            text = self.raw.decode("utf-8") if isinstance(self.raw, bytes) else self.raw
            self.locate = locator(text, 0, self.line, self.column)
        if self.locate is not None:
            found = self.locate(path)
            if found is not None:
                return found
        return self.line, self.column
