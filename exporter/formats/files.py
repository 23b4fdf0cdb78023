"""Record files on disk: which files a path names, and their records one by one."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from exporter.formats import EXTENSIONS, format_of, read_records
from exporter.formats.loaded import Loaded
from exporter.problems import InputError, Problem

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


def _named(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(
                os.path.join(folder, name)
                for folder, _, names in os.walk(path)
                for name in names
                if os.path.splitext(name)[1].lower() in EXTENSIONS
            )
            if not found:
                raise InputError(f"{path}: no record files ({' '.join(sorted(EXTENSIONS))})")
            yield from found
        else:
            yield path


def open_records(path: str) -> Iterator[Loaded | Problem]:
    """Loaded records and Problems of one file; a file that cannot be opened is one Problem
    with keyword "io"."""
    if path == "-":  # read as a stream like a file: a stdin that never ends costs no memory
        yield from read_records(sys.stdin.buffer, STDIN)
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed when the generator finishes
    except OSError as error:
        yield Problem(path, None, None, "", "io", f"cannot read: {error.strerror}")
        return
    with stream:
        try:
            fmt = format_of(path, stream.peek(65536)[:65536])
        except InputError as error:
            yield Problem(path, None, None, "", "io", str(error))
            return
        yield from read_records(stream, path, fmt)
