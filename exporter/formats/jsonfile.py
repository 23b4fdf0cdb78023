"""JSON files of records: one record object, or an array of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import orjson

from exporter.formats.jsonpos import LineIndex, locator, value_offsets
from exporter.formats.loaded import Loaded
from exporter.problems import Problem


def parse_json_document(stream: IO[bytes], name: str) -> tuple[str, Any] | Problem:
    """The text and value of a whole JSON file, or the Problem that stops it."""
    raw = stream.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        head = raw[: bad.start].decode("utf-8", "replace")
        line, column = LineIndex(head).position(len(head))
        return Problem(
            name, line, column, "", "parse", f"invalid UTF-8 (byte 0x{raw[bad.start]:02x})"
        )
    if not text.strip():
        return Problem(name, 1, 1, "", "parse", "empty file: no JSON value")
    try:
        return text, orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        return Problem(name, error.lineno, error.colno, "", "parse", f"invalid JSON: {error.msg}")


def read_items(
    text: str,
    items: list[Any],
    name: str,
    base: tuple[str | int, ...],
) -> Iterator[Loaded]:
    """Loaded records for the elements of an array at path `base` inside a JSON text."""
    offsets = value_offsets(text)
    lines = LineIndex(text)
    for index, item in enumerate(items):
        path = (*base, index)
        start = offsets[path]
        line, column = lines.position(start)
        yield Loaded(item, name, index + 1, line, column, locator(text, start, 1))


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    parsed = parse_json_document(stream, name)
    if isinstance(parsed, Problem):
        yield parsed
        return
    text, value = parsed
    if isinstance(value, list):
        yield from read_items(text, value, name, ())
    else:
        yield Loaded(value, name, 1, 1, 1, locator(text))
