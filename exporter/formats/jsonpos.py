"""Where each value of a JSON text starts, by path: line and column for validation messages.

Only run for records that failed validation, so the fast path never pays for it.
"""

from __future__ import annotations

import bisect
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # not in typeshed

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = ("true", "false", "null")

Path_ = tuple[str | int, ...]


def value_offsets(text: str, start: int = 0) -> dict[Path_, int]:
    """Map every path in the JSON value at `start` to the offset where its value begins."""
    offsets: dict[Path_, int] = {}

    def skip(i: int) -> int:
        return _WS.match(text, i).end()  # type: ignore[union-attr]

    def value(i: int, path: Path_) -> int:
        i = skip(i)
        offsets[path] = i
        char = text[i]
        if char == "{":
            i = skip(i + 1)
            if text[i] == "}":
                return i + 1
            while True:
                key, i = scanstring(text, skip(i) + 1)
                i = skip(i) + 1  # past ':'
                i = skip(value(i, (*path, key)))
                if text[i] == "}":
                    return i + 1
                i += 1  # past ','
        if char == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return i + 1
            index = 0
            while True:
                i = skip(value(i, (*path, index)))
                index += 1
                if text[i] == "]":
                    return i + 1
                i += 1
        if char == '"':
            return scanstring(text, i + 1)[1]
        number = _NUMBER.match(text, i)
        if number:
            return number.end()
        for literal in _LITERALS:
            if text.startswith(literal, i):
                return i + len(literal)
        raise ValueError(f"unexpected character {char!r} at offset {i}")

    value(start, ())
    return offsets


class LineIndex:
    """Offsets to 1-based (line, column) in one text."""

    def __init__(self, text: str, first_line: int = 1, first_column: int = 1) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line
        self.first_column = first_column  # where the text starts on its first line

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        column = offset - self.starts[row] + (self.first_column if row == 0 else 1)
        return self.first_line + row, column


def locator(text: str, start: int = 0, first_line: int = 1, first_column: int = 1):
    """A function path -> (line, column) over one JSON value in `text`, built on first use.

    `text` is best the record's own text (a line, an array element), not the whole file:
    the index is built over all of it.
    """
    cache: dict[str, object] = {}

    def locate(path: Path_) -> tuple[int, int] | None:
        if not cache:
            cache["offsets"] = value_offsets(text, start)
            cache["lines"] = LineIndex(text, first_line, first_column)
        offsets: dict[Path_, int] = cache["offsets"]  # type: ignore[assignment]
        lines: LineIndex = cache["lines"]  # type: ignore[assignment]
        # a missing member is reported at its parent: walk up to the nearest value that exists
        for depth in range(len(path), -1, -1):
            if path[:depth] in offsets:
                return lines.position(offsets[path[:depth]])
        return None

    return locate
