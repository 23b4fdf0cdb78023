"""Reading articles: text (with front matter or sidecar), JSON, NDJSON and saved HTML pages.

Every input becomes an `Article` or an `ArticleError`; a bad input never stops the others.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from exporter.problems import InputError
from exporter.streams import STDIN_CLOSED, stdin

from . import html, json_, text
from .decode import bounded_lines, decode, too_big
from .files import expand, kind_of
from .meta import Meta, build, fill_in
from .model import Article, ArticleError

__all__ = ["Article", "ArticleError", "read_article_bytes", "read_articles"]

STDIN = "<stdin>"


def sniff(data: bytes) -> str:
    """Format of unnamed input by its first character: `{` JSON (NDJSON), `<` HTML, else text."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if head == b"{":
        lines = [line.strip() for line in data.splitlines() if line.strip()]
        several = len(lines) > 1 and all(line.startswith(b"{") for line in lines[1:])
        return "ndjson" if several else "json"
    return "html" if head == b"<" else "text"


def _parse(
    data: bytes, name: str, kind: str, fill: Meta, max_bytes: int, sidecar: Path | None
) -> Iterator[Article | ArticleError]:
    """The article(s) in `data`, read as format `kind`."""
    if kind == "ndjson":
        yield from json_.read_lines(data.splitlines(keepends=True), name, fill, max_bytes)
        return
    try:
        source = decode(data, name, max_bytes)
        if kind == "json":
            body, own = json_.parse(source, name)
        elif kind == "html":
            body, own = html.parse(source, name)
        else:
            body, own = text.parse(source, name, sidecar)
        yield build(body, name, own, fill)
    except ArticleError as err:
        yield err


def _read_stream(
    stream: IO[bytes], name: str, kind: str | None, fill: Meta, max_bytes: int, seekable: bool
) -> Iterator[Article | ArticleError]:
    """The article(s) in an open file or stream, never more than `max_bytes` held at once: a
    stream (stdin, /dev/zero, a pipe) is read up to the limit and no further unless it is
    NDJSON, which goes on line by line, each line under the limit."""
    head = stream.read(max_bytes + 1) if kind != "ndjson" else b""
    kind = kind or sniff(head)
    if kind == "ndjson":
        lines = bounded_lines(io.BufferedReader(_Chained(head, stream)), max_bytes, seekable)
        yield from json_.read_lines(lines, name, fill, max_bytes)
    elif len(head) > max_bytes:
        yield ArticleError(name, too_big(None, max_bytes))
    else:
        yield from _parse(
            head, name, kind, fill, max_bytes, None if name == STDIN else text.sidecar_of(name)
        )


class _Chained(io.RawIOBase):
    """Bytes already read, then the rest of the stream, as one raw stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size], self.head = self.head[:size], self.head[size:]
            return size
        # read1: what a pipe has now, so that lines are handled as they arrive
        data = getattr(self.rest, "read1", self.rest.read)(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_file(path: str, fill: Meta, max_bytes: int) -> Iterator[Article | ArticleError]:
    """The article(s) in one file; a regular file's size is checked before reading a byte,
    anything else (a device, a pipe) is read only up to the limit."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            regular = stat.S_ISREG(info.st_mode)
            kind = kind_of(path)
            if regular and kind != "ndjson" and info.st_size > max_bytes:
                yield ArticleError(path, too_big(info.st_size, max_bytes))
                return
            yield from _read_stream(handle, path, kind, fill, max_bytes, regular)
    except FileNotFoundError:
        yield ArticleError(path, "No such file or directory")
    except OSError as err:
        yield ArticleError(path, f"cannot read: {err.strerror or err}")


def read_articles(
    paths: Iterable[str],
    *,
    metadata: Mapping[str, str] | None = None,
    max_bytes: int = 2_000_000,
) -> Iterator[Article | ArticleError]:
    """Articles from files, folders (recursively, by extension) and "-" (stdin, sniffed).

    Yields an ArticleError for each input or NDJSON line that cannot be read and goes on.
    `metadata` (title, publisher, url, published, language) fills what an input does not give,
    never overriding it; a bad key or date in it raises ValueError (a usage error).
    """
    fill = fill_in(metadata)
    for arg in paths:
        if arg == "-":
            try:
                stream = stdin()
            except InputError:
                yield ArticleError(STDIN, STDIN_CLOSED)
                continue
            yield from _read_stream(stream, STDIN, None, fill, max_bytes, False)
            continue
        for item in expand(arg):
            if isinstance(item, ArticleError):
                yield item
            else:
                yield from _read_file(item, fill, max_bytes)


def read_article_bytes(
    data: bytes,
    name: str,
    *,
    metadata: Mapping[str, str] | None = None,
    max_bytes: int = 2_000_000,
) -> list[Article | ArticleError]:
    """The article(s) in `data`; the format comes from `name`'s extension, else from the content."""
    kind = kind_of(name) or sniff(data)
    return list(_parse(data, name, kind, fill_in(metadata), max_bytes, None))
