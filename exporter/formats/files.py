"""Record files on disk: which files a path names, and their records one by one."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from exporter.formats import EXTENSIONS, format_of, read_records
from exporter.formats.loaded import Loaded
from exporter.problems import InputError, Problem

STDIN = "<stdin>"


def record_files(paths: Iterable[str]) -> Iterator[str]:
    """Files to read records from: files as given, folders searched (recursively, sorted) by
    extension, "-" for stdin; a file named twice is read once."""
    seen: set[Path] = set()
    for path in _named(paths):
        if path != "-":
            resolved = Path(path).resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
        yield path


def _named(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        target = Path(path)
        if path != "-" and target.is_dir():
            found = sorted(
                p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
            )
            if not found:
                raise InputError(f"{path}: no record files ({' '.join(sorted(EXTENSIONS))})")
            yield from (str(p) for p in found)
        else:
            yield path


def open_records(path: str) -> Iterator[Loaded | Problem]:
    """Loaded records and Problems of one file; a file that cannot be opened is one Problem
    with keyword "io"."""
    if path == "-":
        data = sys.stdin.buffer.read()
        yield from read_records(io.BytesIO(data), STDIN, format_of(STDIN, data))
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
