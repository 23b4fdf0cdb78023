"""Reading articles: text (with front matter or sidecar), JSON, NDJSON and saved HTML pages.

Every input becomes an `Article` or an `ArticleError`; a bad input never stops the others.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from . import html, json_, text
from .decode import decode, too_big
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


def _read_file(path: str, fill: Meta, max_bytes: int) -> Iterator[Article | ArticleError]:
    """The article(s) in one file; the size limit is checked before reading a byte."""
    kind = kind_of(path)
    try:
        if kind == "ndjson":
            with open(path, "rb") as lines:
                yield from json_.read_lines(lines, path, fill, max_bytes)
            return
        size = os.path.getsize(path)
        if size > max_bytes:
            yield ArticleError(path, too_big(size, max_bytes))
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        yield ArticleError(path, "No such file or directory")
        return
    except OSError as err:
        yield ArticleError(path, f"cannot read: {err.strerror or err}")
        return
    kind = kind or sniff(data)
    yield from _parse(data, path, kind, fill, max_bytes, text.sidecar_of(path))


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
            data = sys.stdin.buffer.read()
            yield from _parse(data, STDIN, sniff(data), fill, max_bytes, None)
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
