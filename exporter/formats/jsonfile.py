"""JSON files of records: one record object, or an array of them (and JSON-LD documents,
whose `@graph` array is read the same way).

Read as a stream, one element at a time: the text is decoded a chunk at a time and only the
element being read is held, so time is linear and memory flat in the size of the file; each
element keeps its own text, from which a position inside it is found only if a problem
needs one.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import orjson

from exporter.formats import BOM
from exporter.formats.limits import MAX_RECORD_BYTES, too_deep_message, too_large_message
from exporter.formats.loaded import Loaded
from exporter.formats.ndjson import STRICT_JSON, Chunk
from exporter.problems import Problem

CHUNK = 64 * 1024
_SPACE = re.compile(r"[ \t\n\r]*")
# the end of an element that is not parsed (too deep, too large) is found by counting
# brackets outside strings: this takes all up to the next bracket (or a cut string) in one go
_OUTSIDE = re.compile(r'[^\[\]{}"]*(?:"(?:[^"\\]|\\.)*"[^\[\]{}"]*)*', re.DOTALL)
_STRING_REST = re.compile(r'(?:[^"\\]|\\.)*', re.DOTALL)  # up to a closing quote
_SCALAR = re.compile(r"[^,\]}\s]*")
# a parse error this near the end of what has been read may only mean that the text is cut
_NEAR_END = 16


class _Stop(Exception):
    """Reading this file cannot go on: the problem that says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class JsonText:
    """A binary stream read as UTF-8 JSON text, a window at a time, with the line and
    column of the reading position kept up to date."""

    def __init__(self, stream: IO[bytes], name: str, utf8: bool = False) -> None:
        self.stream, self.name = stream, name
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.text = ""  # the window: text read and not yet dropped
        self.pos = 0  # the reading position in the window
        self.line, self.column = 1, 1  # of the reading position
        self.eof = False
        # with `utf8`, the window as read too (for `_chunks`): data[mark_byte:] is the UTF-8
        # of text[mark:], mark a place the reading position has not passed
        self.data: bytes | None = b"" if utf8 else None
        self.mark = self.mark_byte = 0

    def more(self, size: int = CHUNK) -> bool:
        """Read another chunk into the window; False at the end of the stream."""
        if self.eof:
            return False
        if self.pos > CHUNK:  # drop what was read: the window holds about one element
            if self.data is not None:
                self.data = self.data[self.byte_offset(self.pos) :]
                self.mark = self.mark_byte = 0
            self.text = self.text[self.pos :]
            self.pos = 0
        chunk = self.stream.read(size)
        self.eof = not chunk
        held = b"" if self.data is None else self.decoder.getstate()[0]
        try:
            self.text += self.decoder.decode(chunk, self.eof)
        except UnicodeDecodeError as bad:
            good = bad.object[: bad.start].decode("utf-8", "replace")
            line, column = self.where(len(self.text), good)
            raise _Stop(
                self.problem(
                    line, column, "parse", f"invalid UTF-8 (byte 0x{bad.object[bad.start]:02x})"
                )
            ) from None
        if self.data is not None:  # the bytes decoded, less those the decoder still holds
            whole = held + chunk
            self.data += whole[: len(whole) - len(self.decoder.getstate()[0])]
        return True

    def byte_offset(self, offset: int) -> int:
        """Where the character at `offset` (not before the mark) starts in `data`."""
        return self.mark_byte + len(self.text[self.mark : offset].encode("utf-8"))

    def where(self, offset: int, beyond: str = "") -> tuple[int, int]:
        """Line and column of `offset` in the window (and then through `beyond`)."""
        line, column = self.line, self.column
        breaks = self.text.count("\n", self.pos, offset)  # counted in place: no copy
        if breaks:
            line += breaks
            column = offset - self.text.rfind("\n", self.pos, offset)
        else:
            column += offset - self.pos
        if beyond:
            breaks = beyond.count("\n")
            line += breaks
            column = len(beyond) - beyond.rfind("\n") if breaks else column + len(beyond)
        return line, column

    def advance(self, offset: int) -> None:
        if offset == self.pos + 1 and self.text[self.pos] != "\n":  # past one character
            self.column += 1
        else:
            self.line, self.column = self.where(offset)
        self.pos = offset

    def problem(
        self, line: int, column: int, keyword: str, message: str, record: int | None = None
    ) -> Problem:
        return Problem(self.name, line, column, "", keyword, message, record)

    def skip_space(self) -> str:
        """The next character after white space ("" at the end of the text)."""
        while True:
            end = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if end != self.pos:  # (most calls find no space: nothing to count)
                self.advance(end)
            if end < len(self.text) or not self.more():
                return self.text[self.pos : self.pos + 1]

    def expect(self, allowed: str, what: str) -> str:
        char = self.skip_space()
        if not char or char not in allowed:
            found = f"{char!r}" if char else "the end of the file"
            raise _Stop(
                self.problem(
                    self.line, self.column, "parse", f"invalid JSON: expected {what}, found {found}"
                )
            )
        self.advance(self.pos + 1)
        return char

    def value(self, record: int | None = None) -> tuple[Any, str]:
        """The next JSON value and its text; the reading position moves past it. Where
        `record` is given, a value that cannot be a record but whose end is found (too deep,
        too large, a number beyond a double) comes back as _TOO_DEEP or _Unreadable."""
        self.skip_space()
        while True:
            try:
                found, end = STRICT_JSON.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                cut = error.pos >= len(self.text) - _NEAR_END or error.msg.startswith(
                    "Unterminated string"
                )
                if cut and not self.eof:
                    if self.held() > MAX_RECORD_BYTES:
                        return self.too_large(record), self.skip_value()
                    self.more(max(CHUNK, self.held()))
                    continue
                line, column = self.where(error.pos)
                raise _Stop(
                    self.problem(line, column, "parse", f"invalid JSON: {error.msg}", record)
                ) from None
            except ValueError as error:  # NaN, Infinity, a number beyond a double
                if record is None:
                    line, column = self.where(self.pos)
                    raise _Stop(
                        self.problem(line, column, "parse", f"invalid JSON: {error}", record)
                    ) from None
                return _Unreadable("parse", f"invalid JSON: {error}"), self.skip_value()
            except RecursionError:
                return _TOO_DEEP, self.skip_value()
            if end >= len(self.text) - _NEAR_END and type(found) in (int, float) and not self.eof:
                self.more(max(CHUNK, self.held()))
                continue  # a number the window may have cut
            if end - self.pos > MAX_RECORD_BYTES:
                self.advance(end)
                return self.too_large(record), ""
            text = self.text[self.pos : end]
            self.advance(end)
            return found, text

    def held(self) -> int:
        """How much of the window is the value being read."""
        return len(self.text) - self.pos

    def too_large(self, record: int | None) -> _Unreadable:
        if record is None:  # not an element: no end to go on from
            raise _Stop(
                self.problem(
                    self.line, self.column, "too-large", too_large_message("a value"), record
                )
            )
        return _Unreadable("too-large", too_large_message("a value"))

    def skip_value(self) -> str:
        """Past a value that is not read (too deep, too large, a number beyond a double):
        its end found by counting brackets outside strings, its text dropped as it goes, so
        memory stays flat whatever its size."""
        if self.text[self.pos] not in "[{":  # a number or a word: up to what ends it
            self.advance(_SCALAR.match(self.text, self.pos).end())  # type: ignore[union-attr]
            return ""
        depth, i, in_string = 0, self.pos, False
        while True:
            if in_string:
                i = _STRING_REST.match(self.text, i).end()  # type: ignore[union-attr]
                if i < len(self.text):  # at its closing quote
                    in_string, i = False, i + 1
                    continue
            else:
                i = _OUTSIDE.match(self.text, i).end()  # type: ignore[union-attr]
                if i < len(self.text):
                    char = self.text[i]
                    i += 1
                    if char == '"':  # a string that goes on past the window
                        in_string = True
                    elif char in "[{":
                        depth += 1
                    else:
                        depth -= 1
                        if depth == 0:
                            self.advance(i)
                            return ""
                    continue
            self.advance(i)  # what is left (a backslash that escapes what comes next) is kept
            if not self.more():
                raise _Stop(
                    self.problem(
                        self.line, self.column, "parse", "invalid JSON: unexpected end of data"
                    )
                )
            i = self.pos


_TOO_DEEP: Any = object()
GRAPH: Any = object()  # the value of the graph member, whose elements come as records


@dataclass
class _Unreadable:
    """An element that is not read as a record, though where it ends is known."""

    keyword: str
    message: str


def read_document(
    stream: IO[bytes], name: str, graph_key: str | None = None, *, chunked: bool = False
) -> Iterator[Loaded | Problem | Chunk | tuple[str, Any]]:
    """The records of a JSON document: the elements of a top-level array (or, where
    `graph_key` is given, of that member of a top-level object), else the value itself.
    Members of the top-level object other than the graph are yielded as (key, value) pairs,
    for the caller to make a record of if no graph is found. A problem that stops the file
    comes last. `chunked`: a top-level array's elements come in Chunks where they can
    (`_chunk`)."""
    reader = JsonText(stream, name, utf8=chunked)
    try:
        first = reader.skip_space()
        if not first:
            yield reader.problem(1, 1, "parse", "empty file: no JSON value")
            return
        if first == "[":
            yield from _elements(reader, chunked)
        elif first == "{" and graph_key is not None:
            yield from _members(reader, graph_key)
        else:
            line, column = reader.line, reader.column
            value, text = reader.value(1)
            yield _item(reader, value, text, 1, line, column)
        if reader.skip_space():
            yield reader.problem(
                reader.line,
                reader.column,
                "parse",
                "invalid JSON: unexpected content after the document",
            )
    except _Stop as stop:
        yield stop.problem


def _item(
    reader: JsonText, value: Any, text: str, record: int, line: int, column: int
) -> Loaded | Problem:
    if value is _TOO_DEEP:
        return reader.problem(line, column, "too-deep", too_deep_message(), record)
    if isinstance(value, _Unreadable):
        return reader.problem(line, column, value.keyword, value.message, record)
    return Loaded(value, reader.name, record, line, column, None, None, text)


def _elements(reader: JsonText, chunked: bool = False) -> Iterator[Loaded | Problem | Chunk]:
    """The elements of the array that starts at the reading position, as records; with
    `chunked`, runs of them as Chunks where `_chunks` can take them."""
    reader.expect("[", "'['")
    if reader.skip_space() == "]":
        reader.advance(reader.pos + 1)
        return
    record = 0
    while True:
        reader.skip_space()
        taken = 0
        if chunked:
            for item in _chunks(reader, record + 1):
                taken += len(item.values) if type(item) is Chunk else 1
                yield item
            record += taken
        if not taken:
            record += 1
            line, column = reader.line, reader.column
            value, text = reader.value(record)
            yield _item(reader, value, text, record, line, column)
        if reader.expect(",]", "',' or ']'") == "]":
            return


ELEMENTS = 64  # a Chunk's most elements (as ndjson.CHUNK lines)


def _chunks(reader: JsonText, record: int) -> Iterator[Chunk | Loaded | Problem]:
    """The elements from the reading position (an element's start) on that orjson parses,
    each one followed by ',' or ']', as Chunks of up to ELEMENTS; when they are done, the
    reading position is past the last of them, as reading them one by one leaves it.

    An element the window ends in is read as one by one reads it (`JsonText.value`: the
    window grows as it would, so a bad byte stops the same elements), and yielded alone;
    then chunks go on in the new window.

    Exact: an element's end is guessed (`_closing`), and the guess holds only if its text
    parses alone; a run of texts that each parse alone, with commas between, is the array's
    run of elements, whatever the guesses were. orjson and Python's json (as STRICT_JSON)
    give the same value for any text both parse (orjson refuses more: lone surrogates,
    integers past 64 bits): those elements are read one by one. The window is searched as
    UTF-8 (bytes search and parse faster than str); lines and columns count characters, as
    JsonText does."""
    data = reader.data
    if data is None:
        return
    text, start = reader.text, reader.byte_offset(reader.pos)
    closing = _closing(data, start, text[text.rfind("\n", 0, reader.pos) + 1 : reader.pos])
    if closing is None:
        return
    loads, separators, newline = orjson.loads, _SEPARATOR.match, b"\n"
    lines: list[bytes] = []
    values: list[Any] = []
    places: list[tuple[int, int]] = []
    line, column = reader.line, reader.column  # of `cursor`: the reading position so far
    cursor = first = start
    wide = 0  # bytes past the first of each character, from `first` to `cursor`
    while True:
        # the element's start, counted in characters as JsonText.where counts them (what is
        # between elements is spaces and a comma: one byte a character)
        breaks = data.count(newline, cursor, start)
        if breaks:
            at = line + breaks, start - data.rfind(newline, cursor, start)
        else:
            at = line, column + start - cursor
        found = data.find(closing, start) if closing is not INLINE else _next_object(data, start)
        if found < 0:
            if reader.eof:
                break
            if values:
                yield Chunk(reader.name, places[0][0], record, lines, values, places)
                record += len(values)
                lines, values, places = [], [], []
            reader.pos += start - first - wide  # at the element, where one by one would be
            reader.line, reader.column = at
            reader.mark, reader.mark_byte = reader.pos, start
            item = _alone(reader, record)
            parsed = _reparsed(item)
            if type(item) is Loaded and parsed is not None:  # the first of the next chunk
                lines, values, places = [parsed[0]], [parsed[1]], [(item.line, item.column)]
            else:  # the reader's own item, as it is
                yield item
                record += 1
            data = reader.data
            assert data is not None
            line, column = reader.line, reader.column
            cursor = first = reader.byte_offset(reader.pos)
            reader.mark, reader.mark_byte, wide = reader.pos, cursor, 0
            separator = separators(data, cursor)
            if separator is None or separator.group(1) is None:
                break
            start = separator.end()
            continue
        # an element a line ends before the comma and spaces that end its line
        end = (
            start + len(data[start:found].rstrip(b" \t\r,"))
            if closing == newline
            else found + len(closing)
        )
        if end - start > MAX_RECORD_BYTES:
            break
        piece = data[start:end]
        try:
            value = loads(piece)
        except orjson.JSONDecodeError:
            guess = _later_end(data, start, end) if closing is INLINE else None
            if guess is None:
                break
            end, piece, value = guess
        # (a character is at most 4 bytes: a number this near the end may be cut)
        if type(value) in (int, float) and end >= len(data) - 4 * _NEAR_END:
            break
        separator = separators(data, end)
        if separator is None:
            break
        places.append(at)
        line = at[0]
        plain = piece.isascii()
        if not plain:
            wide += len(piece) - len(piece.decode("utf-8"))
        breaks = piece.count(newline)
        if breaks:
            last = piece[piece.rfind(newline) + 1 :]
            line += breaks
            column = 1 + (len(last) if plain else len(last.decode("utf-8")))
        else:
            column = at[1] + (len(piece) if plain else len(piece.decode("utf-8")))
        cursor = end
        lines.append(piece)
        values.append(value)
        if len(values) == ELEMENTS:
            yield Chunk(reader.name, places[0][0], record, lines, values, places)
            record += ELEMENTS
            lines, values, places = [], [], []
        if separator.group(1) is None:  # the array's end
            break
        start = separator.end()
    if values:
        yield Chunk(reader.name, places[0][0], record, lines, values, places)
    reader.pos += cursor - first - wide
    reader.line, reader.column = line, column
    reader.mark, reader.mark_byte = reader.pos, cursor


def _reparsed(item: Loaded | Problem) -> tuple[bytes, Any] | None:
    """A record's text as UTF-8 and orjson's value for it; None for a Problem, or a text
    orjson refuses."""
    if type(item) is not Loaded or type(item.raw) is not str:
        return None
    piece = item.raw.encode("utf-8")
    try:
        return piece, orjson.loads(piece)
    except orjson.JSONDecodeError:
        return None


def _alone(reader: JsonText, record: int) -> Loaded | Problem:
    """The element at the reading position, read as `_elements` reads one."""
    reader.skip_space()
    line, column = reader.line, reader.column
    value, text = reader.value(record)
    return _item(reader, value, text, record, line, column)


# what follows an element of a Chunk: spaces, then a comma and spaces, or the array's end
_SEPARATOR = re.compile(rb"[ \t\n\r]*(?:(,)[ \t\n\r]*|(?=\]))")


INLINE = b"}"  # elements are objects on one line: one ends at a "}" that a "," and "{" follow
_NEXT_OBJECT = re.compile(rb"\}[ \t\r\n]*,[ \t\r\n]*\{")
_TRIES = 8  # the most later "}, {" tried as an inline element's end


def _next_object(data: bytes, start: int) -> int:
    """Where the first "}" after `start` that a "," and a "{" follow is (-1: none)."""
    found = _NEXT_OBJECT.search(data, start)
    return -1 if found is None else found.start()


def _later_end(data: bytes, start: int, end: int) -> tuple[int, bytes, Any] | None:
    """An inline element's end, text and value, past a guess that did not parse (a "}, {"
    inside it: a list of objects); None if none of the next few parse."""
    for _ in range(_TRIES):
        found = _next_object(data, end)
        if found < 0:
            return None
        end = found + 1
        try:
            return end, data[start:end], orjson.loads(data[start:end])
        except orjson.JSONDecodeError:
            continue
    return None


def _closing(data: bytes, start: int, indent: str) -> bytes | None:
    """What the element at `start` likely ends with, and so its neighbours (None: no
    guess): a newline if it ends on its own line (an element a line), INLINE if it is an
    object with more on its line (or no line's end in the window), else the bracket that
    closes it at its own indentation (printed with indents: `indent` is what precedes it on
    its line)."""
    line_end = data.find(b"\n", start)
    line = data[start:line_end].rstrip() if line_end >= 0 else b""
    closes = (b"]", b"],") if line.startswith(b"[") else (b"}", b"},")
    if line.endswith(closes) or (line and not line.startswith((b"{", b"["))):
        return b"\n"
    if line_end < 0 or not line.endswith((b"{", b"[")):
        return INLINE if data[start : start + 1] == b"{" else None
    if indent.strip(" \t\r"):
        return None
    return b"\n" + indent.encode("utf-8") + (b"}" if data[start] == ord("{") else b"]")


def _members(
    reader: JsonText, graph_key: str
) -> Iterator[Loaded | Problem | Chunk | tuple[str, Any]]:
    """The members of the object that starts at the reading position: the graph's elements
    as records, the other members as (key, value) pairs."""
    reader.expect("{", "'{'")
    if reader.skip_space() == "}":
        reader.advance(reader.pos + 1)
        return
    while True:
        reader.skip_space()
        key, _ = reader.value()
        if not isinstance(key, str):
            raise _Stop(
                reader.problem(
                    reader.line, reader.column, "parse", "invalid JSON: a key must be a string"
                )
            )
        reader.expect(":", "':'")
        if key == graph_key and reader.skip_space() == "[":
            yield key, GRAPH  # the graph is there, even if it has no element
            yield from _elements(reader)
        else:
            line, column = reader.line, reader.column
            value = reader.value(1)[0]
            if value is _TOO_DEEP or isinstance(value, _Unreadable):  # in the one record
                raise _Stop(_item(reader, value, "", 1, line, column))  # type: ignore[arg-type]
            yield key, value
        if reader.expect(",}", "',' or '}'") == "}":
            return


_WHITE = b" \t\n\r"  # JSON's white space, as _SPACE matches it


def one_object(data: bytes, name: str) -> Chunk | None:
    """The record of a whole JSON file `data` (past a byte order mark) that is one object
    and white space, as a Chunk of one, at the line and column `read_document` gives it;
    None for any other text, or one orjson does not read (`read_document` then reads it).

    Its value is orjson's: where Python's json (as `read_document` reads) would give
    another, an integer beyond 64 bits read as a float, no chunk validator accepts it
    (exporter.validate.fast), and the file is read again by `read_document`."""
    data = data.removeprefix(BOM)  # as `without_bom`: lines and columns count from past it
    start = len(data) - len(data.lstrip(_WHITE))
    if data[start : start + 1] != b"{":
        return None
    raw = data[start : len(data.rstrip(_WHITE))]
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    line = 1 + data.count(b"\n", 0, start)
    column = start - data.rfind(b"\n", 0, start)  # (rfind gives -1 on the first line)
    return Chunk(name, line, 1, [raw], [value], [(line, column)])


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    for item in read_document(stream, name):
        if not isinstance(item, tuple):
            yield item  # type: ignore[misc]


def chunks(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem | Chunk]:
    """What `read` gives, with runs of array elements as Chunks (see `_chunk`)."""
    for item in read_document(stream, name, chunked=True):
        if not isinstance(item, tuple):
            yield item
