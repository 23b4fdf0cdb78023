"""procex convert: records rewritten in another format."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter.cli.common import (
    BaseIri,
    InFormat,
    OutFormat,
    checked_base_iri,
    example,
    output,
    say,
)

EXAMPLES = example(
    "procex convert records/events.ndjson --to yaml -o events.yaml",
    "procex normalize article.txt --to es-bulk | procex convert - --to ndjson",
)


def convert(
    files: Annotated[list[str], typer.Argument(help="Record files or folders; - for stdin.")],
    to: Annotated[OutFormat, typer.Option("--to", help="Output format.")],
    out: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help="Output file, written whole or not at all (default stdout)."
        ),
    ] = None,
    from_: Annotated[
        InFormat | None,
        typer.Option("--from", help="Input format (default: from the extension or content)."),
    ] = None,
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Write only valid records.")
    ] = True,
    index: Annotated[
        str | None, typer.Option("--index", help="es-bulk: the Elasticsearch index to name.")
    ] = None,
    base_iri: BaseIri = None,
) -> None:
    """Rewrite records in another format, as a stream. Records are validated first (as
    procex validate does) and only valid ones written; unreadable parts, invalid records and
    records no consumer could load (NaN, NUL, `@` keys) are reported and skipped."""
    from exporter import pipeline
    from exporter.formats import check_output
    from exporter.formats.files import is_record_file
    from exporter.streams import refuse_inputs

    if out and out != "-":
        refuse_inputs(out, files, is_record_file)

    checked_base_iri(base_iri)

    check_output(out, to.value, index)
    with output(out) as stream:
        code = pipeline.convert(
            files,
            stream,
            to.value,
            from_format=from_.value if from_ else None,
            validate=validate,
            index=index,
            base_iri=base_iri,
            report=say,
        )
    raise typer.Exit(code)
