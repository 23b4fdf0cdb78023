"""What the commands share: exit codes, output formats, messages on stderr, output files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Annotated

import typer

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


# where the IRIs of JSON-LD nodes start; None: exporter.formats.jsonld.DEFAULT_BASE_IRI
BaseIri = Annotated[
    str | None,
    typer.Option(
        "--base-iri",
        help="Start of the JSON-LD nodes' IRIs (default https://w3id.org/procex/): events "
        "are BASE/event/ID, deals BASE/deal/DEAL_ID, sources without a URL BASE/source/ID.",
    ),
]


def checked_base_iri(base_iri: str | None) -> str | None:
    """The --base-iri given, refused before anything is read or written if it cannot
    start an IRI."""
    if base_iri is None:
        return None
    from exporter.formats.jsonld import checked_base_iri as check

    return check(base_iri)


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
