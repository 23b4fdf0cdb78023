"""What the commands share: exit codes, formats, messages on stderr, output files."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from exporter.pipeline import output  # noqa: F401 - the commands' output files
from exporter.problems import INVALID, OK, UNREADABLE  # noqa: F401 - the exit codes


class OutFormat(str, Enum):
    ndjson = "ndjson"
    yaml = "yaml"
    jsonld = "jsonld"
    es_bulk = "es-bulk"  # Elasticsearch _bulk: an action line with the id before each record


class InFormat(str, Enum):
    """Record formats `--from` names: what reading a file as that format means is in
    exporter/formats; without --from the extension (else the first bytes) says."""

    ndjson = "ndjson"
    json = "json"
    yaml = "yaml"
    jsonld = "jsonld"
    es_bulk = "es-bulk"


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


def example(*lines: str) -> str:
    """A command's help epilog: examples to copy, one command a line."""
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)
