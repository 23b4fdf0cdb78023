"""procex validate: record files checked against their schema versions and semantic checks."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from exporter import registry
from exporter.cli.common import INVALID, OK, UNREADABLE, InFormat, ReportFormat, example
from exporter.problems import InputError

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
    from exporter.streams import writing_stdout
    from exporter.validate import validate_paths
    from exporter.validate.checks import CHECKS
    from exporter.validate.report import REPORTERS, TextReporter

    if schema_version and schema_version not in registry.versions():
        raise InputError(str(registry.UnknownVersion(schema_version)))
    unknown = set(skip) - set(CHECKS)
    if unknown:
        raise InputError(f"unknown check {', '.join(sorted(unknown))}; known: {', '.join(CHECKS)}")
    fmt = from_.value if from_ else None
    summary = validate_paths(files, schema_version=schema_version, skip=skip, fmt=fmt)
    unreadable = any(p.keyword == "io" for p in summary.problems)
    reporter = REPORTERS[format.value]
    with writing_stdout():
        if reporter is TextReporter:
            TextReporter(colour=sys.stdout.isatty()).render(summary, sys.stdout)
        else:
            reporter().render(summary, sys.stdout)
    raise typer.Exit(UNREADABLE if unreadable else (OK if summary.valid else INVALID))
