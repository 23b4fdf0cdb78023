"""Record files on disk: which files a path names, and their records one by one."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from exporter.formats import EXTENSIONS, format_of, read_records
from exporter.formats.loaded import Loaded
from exporter.problems import InputError, Problem
from exporter.streams import STDIN_CLOSED, stdin
from exporter.walk import Unreadable, walk

STDIN = "<stdin>"


def record_files(paths: Iterable[str]) -> Iterator[str]:
    """Files to read records from: files as given, folders searched (recursively, sorted) by
    extension, "-" for stdin; a file named twice is read once."""
    seen: set[str] = set()
    for path in _named(paths):
        if path != "-":
            # the absolute path, not the resolved one: a thousand small files should not cost
            # a thousand symlink walks
            key = os.path.abspath(path)
            if key in seen:
                continue
            seen.add(key)
        yield path


def is_record_file(name: str) -> bool:
    """Whether a file of this name, met in a folder, is read for records."""
    return os.path.splitext(name)[1].lower() in EXTENSIONS


def _named(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if path != "-" and os.path.isdir(path):
            # an Unreadable among them (a folder that cannot be listed, a dangling link, a
            # named pipe) becomes an "io" Problem in open_records
            found = sorted(walk(path, is_record_file))
            if not found:
                raise InputError(f"{path}: no record files ({' '.join(sorted(EXTENSIONS))})")
            yield from found
        else:
            yield path


def open_records(
    path: str, fmt: str | None = None, *, chunked: bool = False
) -> Iterator[Loaded | Problem]:
    """Loaded records and Problems of one file, read as `fmt` where given (`--from`), else
    as its extension or first bytes say; a file that cannot be opened (or an Unreadable
    that walk met in a folder) is one Problem with keyword "io". `chunked`: as
    read_records."""
    if isinstance(path, Unreadable):
        yield Problem(path, None, None, "", "io", path.reason)
        return
    if path == "-":  # read as a stream like a file: a stdin that never ends costs no memory
        try:
            source = stdin()
        except InputError:
            yield Problem(STDIN, None, None, "", "io", STDIN_CLOSED)
            return
        yield from read_records(source, STDIN, fmt, chunked=chunked)
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed when the generator finishes
    except OSError as error:
        yield Problem(path, None, None, "", "io", f"cannot read: {error.strerror}")
        return
    with stream:
        try:
            fmt = fmt or format_of(path, stream.peek(65536)[:65536])
        except InputError as error:
            yield Problem(path, None, None, "", "io", str(error))
            return
        yield from read_records(stream, path, fmt, chunked=chunked)
