"""Problems are data: where (file, line, column, JSON pointer), what (keyword), and a message.

Readers, the validator and the semantic checks all produce them; reporters render them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

OK, INVALID, UNREADABLE = 0, 1, 2  # exit codes: all good, invalid data, usage or unreadable


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    pointer: str  # JSON pointer into the record; "" is the whole record
    keyword: str  # schema keyword that failed, a semantic check's name, or "parse"
    message: str
    record: int | None = None  # 1-based record number within the file

    def as_dict(self) -> dict[str, Any]:
        # the fields one by one, not dataclasses.asdict: that deep-copies each value, and a
        # path the walk could not read (walk.Unreadable, a str with its reason) cannot be
        # copied so; every field is a plain value
        found = {f.name: getattr(self, f.name) for f in fields(self)}
        found["file"] = str(self.file)
        return found


class InputError(Exception):
    """Input that cannot be read at all (missing file, unknown format): exit code 2."""


def json_pointer(path: tuple[str | int, ...] | list[str | int]) -> str:
    """RFC 6901 pointer for a path of keys and indexes."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def plural(count: int, noun: str) -> str:
    """The count with its noun, as messages say it: "1 file", "2 files"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
