"""Bytes to text: size, binary and UTF-8 checks with messages that say where the problem is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from .model import ArticleError

EMPTY = "empty: no article text"


def too_big(size: int | None, max_bytes: int) -> str:
    """The message for an input over the size limit; `size` None for a stream, of which
    no more than the limit is read (it may never end: /dev/zero, `yes |`)."""
    if size is None:
        return f"more than the limit of {max_bytes} bytes for one article; the rest is not read"
    return f"{size} bytes, more than the limit of {max_bytes} for one article"


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR to LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, name: str, max_bytes: int, *, one_line: bool = False) -> str:
    """UTF-8 text of `data` without BOM and with `\\n` newlines; ArticleError if it is not text.

    `one_line` drops the line number from messages (the name already carries it).
    """
    if len(data) > max_bytes:
        raise ArticleError(name, too_big(len(data), max_bytes))
    nul = data.find(b"\0")
    if nul >= 0:
        raise ArticleError(name, f"binary data, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(name, _not_utf8(data, err.start, one_line)) from None
    text = normalize_newlines(text.removeprefix("\ufeff"))
    if not text.strip():
        raise ArticleError(name, EMPTY)
    return text


def _not_utf8(data: bytes, start: int, one_line: bool) -> str:
    """Where the first byte that is not UTF-8 is, as 1-based line and character column."""
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    byte = f"(byte 0x{data[start]:02X})"
    if one_line:
        return f"not UTF-8 at column {column} {byte}"
    line = data.count(b"\n", 0, start) + 1
    return f"not UTF-8 at line {line}, column {column} {byte}"


@dataclass(frozen=True)
class Overlong:
    """A line over the size limit, not read into memory: `size` bytes, None where its end
    was not found within SKIP_LIMIT (nothing after it is read then)."""

    size: int | None


# How far an over-long line of a stream (stdin, a pipe) is skipped looking for its end
# before reading stops: a stream's line may never end (/dev/zero). Files are skipped to the end.
SKIP_LIMIT = 256 * 1024 * 1024
_SKIP_CHUNK = 1 << 20


def bounded_lines(stream: IO[bytes], max_bytes: int, seekable: bool) -> Iterator[bytes | Overlong]:
    """The lines of `stream`, none held longer than `max_bytes` (plus its line end): a longer
    one is an Overlong, skipped to its end in flat memory (a stream, only up to SKIP_LIMIT)."""
    while line := stream.readline(max_bytes + 3):
        if len(line) <= max_bytes + 2 or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
            size += len(rest)
            if not seekable and size > SKIP_LIMIT:
                yield Overlong(None)
                return
        yield Overlong(size + len(rest.rstrip(b"\r\n")))
