"""Record files on disk: which files a path names, and their records one by one."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from typing import Any

from exporter.formats import EXTENSIONS, codec, format_of, read_records, suffix
from exporter.formats.loaded import Loaded
from exporter.formats.ndjson import Chunk
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


SMALL = 64 * 1024  # a JSON file of at most this many bytes is read whole, in one call
RUN = 64  # the most one-record files in a run (as ndjson.CHUNK lines)


def runs_of_files(paths: Iterable[str], fmt: str | None) -> Iterator[str | list[Chunk]]:
    """The paths, where runs of one-record JSON files (`small_json_file` holding one object:
    jsonfile.one_object) come as lists of up to RUN Chunks of one, each file's record: a
    validator judges a run at once. A lone one is read as ever (open_records): judging a
    run costs a validator of its own, once a process."""
    run: list[Chunk] = []
    reader: Any = None  # jsonfile, imported at the first JSON file
    for path in paths:
        data = small_json_file(path, fmt)
        if data is not None:
            reader = reader or codec("json")
            one = reader.one_object(data, path)
            if one is not None:
                run.append(one)
                if len(run) == RUN:
                    yield run
                    run = []
                continue
        yield from _run_ended(run)
        run = []
        yield path
    yield from _run_ended(run)


def _run_ended(run: list[Chunk]) -> Iterator[str | list[Chunk]]:
    if len(run) == 1:
        yield run[0].file
    elif run:
        yield run


def small_json_file(path: str, fmt: str | None) -> bytes | None:
    """The bytes of a JSON file (as `fmt` or its extension says) of at most SMALL bytes;
    None for stdin, a file of another format, or one that is larger than SMALL, no regular
    file or cannot be read: open_records reads it."""
    if path == "-" or isinstance(path, Unreadable):
        return None
    if (fmt or EXTENSIONS.get(suffix(path).lower())) != "json":
        return None
    return _small_file(path)


def _small_file(path: str) -> bytes | None:
    """The bytes of a regular file of at most SMALL bytes; None for any other file, and
    wherever reading fails (open_records then says why, as ever)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        size = os.fstat(fd)
        if not stat.S_ISREG(size.st_mode) or size.st_size > SMALL:
            return None
        data = os.read(fd, size.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    # (a file that grew or shrank as it was read is read again, the usual way)
    return data if len(data) == size.st_size else None
