"""procex report: event or deal records in, one static HTML page out."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter.cli.common import counted, output, say


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
    from exporter.cli.compile import Reading
    from exporter.deals import compile_deals
    from exporter.report import render_report

    reading = Reading()
    deals = list(compile_deals(reading.records(records)))
    page = render_report(deals).encode("utf-8")
    with output(out) as stream:
        stream.write(page)
    say(f"reported {counted(len(deals), 'deal')}")
    raise typer.Exit(reading.code)
