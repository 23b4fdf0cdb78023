"""What the commands share: exit codes, output formats, messages on stderr, output files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO

OK, INVALID, UNREADABLE = 0, 1, 2


class OutFormat(str, Enum):
    ndjson = "ndjson"
    yaml = "yaml"
    jsonld = "jsonld"
    es_bulk = "es-bulk"  # Elasticsearch _bulk: an action line with the id before each record


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


def counted(count: int, noun: str) -> str:
    """'1 deal', '2 deals'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def say(message: str) -> None:
    print(message, file=sys.stderr)


@contextmanager
def output(path: str | None) -> Iterator[IO[bytes]]:
    if path in (None, "-"):
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(path)  # type: ignore[arg-type]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        yield stream
