"""What the commands share: exit codes, formats, messages on stderr, output files."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter.cli import say  # noqa: F401 - re-exported: messages on stderr
from exporter.cli.choices import InFormat, OutFormat, ReportFormat  # noqa: F401 - re-exported
from exporter.pipeline import output  # noqa: F401 - the commands' output files
from exporter.problems import INVALID, OK, UNREADABLE  # noqa: F401 - the exit codes

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


def example(*lines: str) -> str:
    """A command's help epilog: examples to copy, one command a line."""
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)
