"""What every reader admits as a record, and the limits that keep reading bounded.

One discipline for validate, convert and upgrade: each item of a file (an NDJSON line, an
array element, a YAML document, a JSON-LD graph node) is read on its own and becomes either a
record (a JSON object within the limits) or a located Problem, and the items around it go on.
Readers apply the limits they can see as they read (size, YAML aliases); `admitted` applies
the rest, the same way for every format, in `exporter.formats.read_records`.
"""

from __future__ import annotations

from typing import Any

from exporter.formats.loaded import Loaded
from exporter.problems import Problem

# A record is about 1 KB nested 4 levels deep; these are far beyond any real one and low
# enough that no reader, validator or writer meets Python's recursion limit or runs out of
# memory on a hostile file.
MAX_DEPTH = 64  # levels of objects and arrays in one record, the record itself counted
MAX_RECORD_BYTES = 8 * 1024 * 1024  # one NDJSON line, array element or YAML document
MAX_YAML_VALUES = 100_000  # values in one YAML document once its aliases are expanded

_KINDS = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    str: "a string",
    list: "an array",
}


def json_kind(value: Any) -> str:
    """What a JSON value is, in words: "null", "a string", "an array", ..."""
    return _KINDS.get(type(value), f"a {type(value).__name__}")


def nesting_depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """Levels of objects and arrays in `value` (a scalar is 0), counted without recursion;
    the count stops just past `limit`, so a hostile value costs no more than a legal one."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if type(item) is dict:
            children: Any = item.values()
        elif type(item) is list:
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def too_deep_message(limit: int = MAX_DEPTH) -> str:
    return f"nesting deeper than {limit} levels; a record may nest at most {limit}"


def too_large_message(what: str, limit: int = MAX_RECORD_BYTES) -> str:
    return f"{what} larger than {limit // (1024 * 1024)} MiB; not read"


def _may_be_too_deep(raw: bytes | str | None) -> bool:
    """A cheap bound from the source text: fewer brackets than the limit cannot nest deeper."""
    if raw is None:
        return True
    if isinstance(raw, bytes):
        return raw.count(b"{") + raw.count(b"[") > MAX_DEPTH
    return raw.count("{") + raw.count("[") > MAX_DEPTH


def admitted(item: Loaded) -> Loaded | Problem:
    """The item as a record, or the located Problem that says why it is not one."""
    data = item.data
    why = None
    if type(data) is not dict:
        why = "not-a-record", f"a record must be a JSON object, not {json_kind(data)}"
    elif _may_be_too_deep(item.raw) and nesting_depth(data) > MAX_DEPTH:
        why = "too-deep", too_deep_message()
    if why is None:
        return item
    return Problem(item.file, item.line, item.column, "", why[0], why[1], item.record)
