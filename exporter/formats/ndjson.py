"""NDJSON: one JSON record per line, UTF-8, every line ending in a newline.

Read and written as a stream, line by line, so memory stays flat whatever the file size.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import IO, Any

import orjson

from exporter.formats.limits import (
    MAX_DEPTH,
    MAX_RECORD_BYTES,
    admitted,
    too_deep_message,
    too_large_message,
)
from exporter.formats.loaded import Loaded
from exporter.problems import Problem

# Characters that some line-splitters treat as line ends; escaped so a record stays one line.
_LINE_BREAKERS = {"\u2028": b"\\u2028", "\u2029": b"\\u2029", "\u0085": b"\\u0085"}


def encode(record: dict[str, Any]) -> bytes:
    """One record as one NDJSON line (with its newline)."""
    line = orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)  # no copy to add it
    # one-byte searches first (memchr): most lines have no byte that starts a breaker
    if (b"\xe2" in line and (b"\xe2\x80\xa8" in line or b"\xe2\x80\xa9" in line)) or (
        b"\xc2" in line and b"\xc2\x85" in line
    ):
        for char, escaped in _LINE_BREAKERS.items():
            line = line.replace(char.encode(), escaped)
    return line


def write(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for record in records:
        out.write(encode(record))
        count += 1
    return count


def loads(raw: bytes) -> Any:
    """One JSON value, as orjson reads it. A lone surrogate escape (`"\\ud800"`), which
    orjson refuses and RFC 8259 allows, is read by Python's json instead: the record is then
    refused as not loadable, by name, the same way in every format and command."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        if "surrogate" not in str(error):
            raise
        try:
            return STRICT_JSON.decode(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            raise error from None


def _refuse_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value - value != 0:  # inf or nan
        raise ValueError("number is infinity when parsed as double")
    return value


# Python's json held to orjson's rules: no NaN or Infinity, no number beyond a double
STRICT_JSON = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)


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
    if message.startswith("depth limit exceeded") or isinstance(error, RecursionError):
        return Problem(name, line_no, column, "", "too-deep", too_deep_message(), record_no)
    return Problem(name, line_no, column, "", "parse", f"invalid JSON: {message}", record_no)


def lines(stream: IO[bytes], name: str) -> Iterator[tuple[int, bytes] | Problem]:
    """The lines of a stream with their numbers, each read with a limit: a line longer than
    MAX_RECORD_BYTES is one Problem, skipped without being held in memory."""
    line_no = 0
    while raw := stream.readline(MAX_RECORD_BYTES + 1):
        line_no += 1
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            yield _skip_long_line(stream, name, line_no, raw)
            continue
        yield line_no, raw


def _skip_long_line(stream: IO[bytes], name: str, line_no: int, raw: bytes) -> Problem:
    while raw and not raw.endswith(b"\n"):  # the rest of the line, a piece at a time
        raw = stream.readline(1024 * 1024)
    return Problem(name, line_no, 1, "", "too-large", too_large_message("a line"))


ADMITS = True  # read() applies limits.admitted itself (read_records need not)

# Lines are read and parsed CHUNK at a time, each with at most PIECE bytes: a chunk's values
# are alive together, and past about a hundred records of 1 KB parsing slows down (the CPU's
# caches); a chunk holds at most CHUNK * PIECE bytes (4 MiB), whatever the lines' length.
CHUNK = 64
PIECE = 64 * 1024


@dataclass(slots=True)
class Chunk:
    """Consecutive records, each parsed by orjson to one value: NDJSON lines, or elements of
    a JSON array (exporter.formats.jsonfile); what a validator can judge at once
    (exporter.validate.fast) and otherwise takes record by record (`items`), with exactly
    the records and Problems the reader gives for the same text record by record."""

    file: str
    line: int  # the first record's line
    record: int  # the first record's number
    lines: list[bytes]  # each record's own text (a line, an element), UTF-8
    values: list[Any]
    # each record's line and column where they are not consecutive lines from column 1
    places: list[tuple[int, int]] | None = None
    # each record's file where they come from many: one-record files judged together, each
    # record the first of its file (exporter.formats.files.runs_of_files)
    files: list[str] | None = None

    @classmethod
    def of_files(cls, ones: list[Chunk]) -> Chunk:
        """One chunk of the records of one-record files, each given as a Chunk of one."""
        first = ones[0]
        return cls(
            first.file,
            first.line,
            1,
            [one.lines[0] for one in ones],
            [one.values[0] for one in ones],
            [(one.line, one.places[0][1] if one.places else 1) for one in ones],
            [one.file for one in ones],
        )

    def line_numbers(self) -> Sequence[int]:
        """The line each record starts on."""
        if self.places is None:
            return range(self.line, self.line + len(self.values))
        return [line for line, _ in self.places]

    def text(self) -> bytes:
        """The records' texts joined."""
        return b"".join(self.lines)

    def loaded(self, index: int) -> Loaded:
        """The record at `index` as its reader gives it, before `admitted`."""
        line, column = (self.line + index, 1) if self.places is None else self.places[index]
        raw = self.lines[index]
        if self.files is not None:
            return Loaded(self.values[index], self.files[index], 1, line, column, None, None, raw)
        return Loaded(
            self.values[index], self.file, self.record + index, line, column, None, None, raw
        )

    def items(self) -> Iterator[Loaded | Problem]:
        if self.places is not None:
            yield from map(_admitted, map(self.loaded, range(len(self.values))))
            return
        file, record, line = self.file, self.record, self.line
        for offset, (raw, data) in enumerate(zip(self.lines, self.values, strict=True)):
            yield _admitted(Loaded(data, file, record + offset, line + offset, 1, None, None, raw))


def _admitted(loaded: Loaded) -> Loaded | Problem:
    # a record that cannot nest too deep (fewer brackets than the limit) is one test away
    # from being admitted
    raw = loaded.raw
    if (
        type(loaded.data) is dict
        and type(raw) is bytes
        and raw.count(b"{") + raw.count(b"[") <= MAX_DEPTH
    ):
        return loaded
    return admitted(loaded)


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    """Records line by line; a blank line is skipped, a bad line is a located Problem.

    Each line is read with a limit and parsed once, kept as bytes, and its locator is built
    only if a problem in it needs a position (see Loaded.position).
    """
    for item in chunks(stream, name):
        if type(item) is Chunk:
            yield from item.items()
        else:
            yield item  # type: ignore[misc]


def chunks(stream: IO[bytes], name: str) -> Iterator[Chunk | Loaded | Problem]:
    """What `read` gives, with runs of lines that orjson parses each to one value as Chunks:
    the hot path of `procex validate` and `convert`. Lines that are blank, not JSON, or
    longer than PIECE bytes are read and yielded one by one, as `read` always did."""
    parse, decode_error = orjson.loads, orjson.JSONDecodeError
    # read in C until the end of the stream, and not once past it (a terminal would wait)
    reading = iter(functools.partial(stream.readline, PIECE), b"")
    line_no = record_no = 0
    while pieces := list(itertools.islice(reading, CHUNK)):
        if max(map(len, pieces)) < PIECE:  # every piece a whole line
            try:
                values = list(map(parse, pieces))
            except decode_error:
                pass
            else:
                yield Chunk(name, line_no + 1, record_no + 1, pieces, values)
                line_no += len(pieces)
                record_no += len(pieces)
                continue
        line_no, record_no = yield from _line_by_line(
            _Replay(pieces, stream), name, line_no, record_no
        )


class _Replay:
    """A stream that gives back pieces already read (as lines are read: up to a newline or a
    size), then goes on with the stream they came from."""

    def __init__(self, pieces: list[bytes], stream: IO[bytes]) -> None:
        self.pending = pieces[::-1]  # the next piece last
        self.stream = stream

    def readline(self, size: int) -> bytes:
        parts: list[bytes] = []
        room = size
        while self.pending and room:
            piece = self.pending.pop()
            if len(piece) > room:
                self.pending.append(piece[room:])
                piece = piece[:room]
            parts.append(piece)
            room -= len(piece)
            if piece.endswith(b"\n"):
                return b"".join(parts)
        if room:
            parts.append(self.stream.readline(room))
        return b"".join(parts)


def _line_by_line(
    source: _Replay, name: str, line_no: int, record_no: int
) -> Generator[Loaded | Problem, None, tuple[int, int]]:
    """The records and Problems of the lines `source` still holds, one line at a time;
    returns the last line and record numbers."""
    limit = MAX_RECORD_BYTES + 1
    while source.pending:
        raw = source.readline(limit)
        line_no += 1
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            if len(raw) == limit and not raw.endswith(b"\n"):
                record_no += 1
                yield replace(_skip_long_line(source, name, line_no, raw), record=record_no)  # type: ignore[arg-type]
                continue
            if not raw.strip():  # a blank line is no record (orjson refuses it as empty)
                continue
            try:
                data = loads(raw)  # what orjson refuses and Python's json reads
            except orjson.JSONDecodeError as again:
                record_no += 1
                yield decode_problem(name, line_no, record_no, raw, again)
                continue
        record_no += 1
        yield _admitted(Loaded(data, name, record_no, line_no, 1, None, None, raw))
    return line_no, record_no
