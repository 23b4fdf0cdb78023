"""NDJSON: one JSON record per line, UTF-8, every line ending in a newline.

Read and written as a stream, line by line, so memory stays flat whatever the file size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from exporter.formats.loaded import Loaded
from exporter.problems import Problem

# Characters that some line-splitters treat as line ends; escaped so a record stays one line.
_LINE_BREAKERS = {"\u2028": b"\\u2028", "\u2029": b"\\u2029", "\u0085": b"\\u0085"}


def encode(record: dict[str, Any]) -> bytes:
    """One record as one NDJSON line (with its newline)."""
    line = orjson.dumps(record)
    if b"\xe2\x80\xa8" in line or b"\xe2\x80\xa9" in line or b"\xc2\x85" in line:
        for char, escaped in _LINE_BREAKERS.items():
            line = line.replace(char.encode(), escaped)
    return line + b"\n"


def write(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for record in records:
        out.write(encode(record))
        count += 1
    return count


def decode_problem(
    name: str, line_no: int, record_no: int, raw: bytes, error: Exception
) -> Problem:
    """A located Problem for a line that is not a JSON value."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        prefix = raw[: bad.start].decode("utf-8", "replace")
        return Problem(
            name,
            line_no,
            len(prefix) + 1,
            "",
            "parse",
            f"invalid UTF-8 (byte 0x{raw[bad.start]:02x})",
            record_no,
        )
    message = getattr(error, "msg", str(error))
    pos = getattr(error, "pos", None)
    column = (pos + 1) if isinstance(pos, int) and pos <= len(text) else 1
    return Problem(name, line_no, column, "", "parse", f"invalid JSON: {message}", record_no)


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    """Records line by line; a blank line is skipped, a bad line is a located Problem.

    The hot path of `procex validate`: each line is parsed once and kept as bytes, and its
    locator is built only if a problem in it needs a position (see Loaded.position).
    """
    loads, decode_error = orjson.loads, orjson.JSONDecodeError
    record_no = 0
    for line_no, raw in enumerate(stream, start=1):
        try:
            data = loads(raw)
        except decode_error as error:
            if not raw.strip():  # a blank line is no record (orjson refuses it as empty)
                continue
            record_no += 1
            yield decode_problem(name, line_no, record_no, raw, error)
            continue
        record_no += 1
        yield Loaded(data, name, record_no, line_no, 1, None, None, raw)
