"""Record formats: one module per format, each with `read` and `write`.

A format's reading and writing rules live side by side because they must agree: what one
writes the other reads back unchanged (a hypothesis test holds them to it).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from exporter.formats import jsonfile, jsonld, ndjson, yamldoc
from exporter.formats.loaded import Loaded
from exporter.problems import InputError, Problem

WRITERS = {"ndjson": ndjson.write, "yaml": yamldoc.write, "jsonld": jsonld.write}
READERS = {
    "ndjson": ndjson.read,
    "yaml": yamldoc.read,
    "jsonld": jsonld.read,
    "json": jsonfile.read,
}
FORMATS = tuple(WRITERS)
EXTENSIONS = {
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".jsonld": "jsonld",
    ".json": "json",
}
SUFFIX = {"ndjson": ".ndjson", "yaml": ".yaml", "jsonld": ".jsonld"}


def format_of(name: str, data: bytes | None = None) -> str:
    """The record format of a file, from its extension, else by sniffing its first bytes."""
    fmt = EXTENSIONS.get(Path(name).suffix.lower())
    if fmt:
        return fmt
    if data is not None:
        head = data.lstrip()[:200]
        if head.startswith(b"{") and b"@context" in head:
            return "jsonld"
        if head.startswith((b"{", b"[")):
            return "ndjson" if head.startswith(b"{") and b"\n{" in data[:65536] else "json"
        return "yaml"
    raise InputError(
        f"{name}: cannot tell the format from the extension; use one of "
        f"{', '.join(sorted(EXTENSIONS))}"
    )


def read_records(data: bytes, name: str, fmt: str | None = None) -> Iterator[Loaded | Problem]:
    """Records of one file, each with its location, and a Problem for each part that is not
    readable; reading goes on after a bad part wherever the format allows."""
    fmt = fmt or format_of(name, data)
    yield from READERS[fmt](data, name)


def write_records(records: Iterable[dict[str, Any]], out: IO[bytes], fmt: str) -> int:
    """Write records in a format to a binary stream; returns how many were written."""
    if fmt not in WRITERS:
        raise InputError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return WRITERS[fmt](records, out)


def stdout_binary() -> IO[bytes]:
    return sys.stdout.buffer
