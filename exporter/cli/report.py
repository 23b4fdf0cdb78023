"""procex report: event or deal records in, one static HTML page out."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter.cli.common import example, say

EXAMPLES = example(
    "procex report events.ndjson -o report.html",
    "procex normalize articles/ | procex report - > report.html",
)


def report(
    records: Annotated[
        list[str],
        typer.Argument(help="Event or deal record files or folders; - for stdin."),
    ],
    out: Annotated[
        str | None, typer.Option("-o", "--output", help="HTML file (default stdout).")
    ] = None,
) -> None:
    """Write one static HTML page of the deals the records make (compiled as `procex
    compile` does): a timeline per deal, filters, every event's evidence and source."""
    from exporter.pipeline import report_files

    raise typer.Exit(report_files(records, out, report=say))
