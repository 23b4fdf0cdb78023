"""procex validate: record files checked against their schema versions and semantic checks."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter.cli.common import InFormat, ReportFormat, example

EXAMPLES = example(
    "procex validate records/",
    "procex validate --format github --skip duplicate-id out/",
    "procex normalize article.txt | procex validate -",
)


def validate(
    files: Annotated[
        list[str],
        typer.Argument(help="Record files or folders (NDJSON, JSON, YAML, JSON-LD); - for stdin."),
    ],
    format: Annotated[
        ReportFormat, typer.Option("--format", help="Report format.")
    ] = ReportFormat.text,
    schema_version: Annotated[
        str | None, typer.Option(help="Check against this version, whatever records say.")
    ] = None,
    skip: Annotated[list[str], typer.Option(help="Switch a semantic check off by name.")] = [],  # noqa: B006
    from_: Annotated[
        InFormat | None,
        typer.Option("--from", help="Input format (default: from the extension or content)."),
    ] = None,
) -> None:
    """Check records against the schema version each names, and the semantic checks."""
    from exporter.cli.direct import validate_files

    fmt = from_.value if from_ else None
    raise typer.Exit(validate_files(files, format.value, schema_version, skip, fmt))
