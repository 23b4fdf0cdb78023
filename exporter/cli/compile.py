"""procex compile: event records of many articles in, one deal record per deal out."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter.cli.common import example, say

EXAMPLES = example(
    "procex compile events.ndjson -o deals.ndjson",
    "procex compile --into deals.ndjson new-events.ndjson",
    "procex normalize articles/ | procex compile - --to yaml",
)


def compile(
    records: Annotated[
        list[str],
        typer.Argument(
            help="Event or deal record files or folders (any record format); - for stdin."
        ),
    ],
    to: Annotated[
        str | None,
        typer.Option("--to", help="ndjson, yaml or jsonld (default: by -o, else ndjson)."),
    ] = None,
    out: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file (default stdout).")
    ] = None,
    into: Annotated[
        str | None,
        typer.Option(
            "--into",
            help="A compiled deals file to merge the records into, rewritten in place "
            "(created if missing).",
        ),
    ] = None,
) -> None:
    """Compile event records into one deal record per deal id: a timeline of events merged
    across articles, the stage reached, reconciled figures, and the conflicts between
    sources. Deal records given as input are merged as their events would be."""
    from exporter.pipeline import compile_files

    raise typer.Exit(compile_files(records, to=to, out=out, into=into, report=say))
