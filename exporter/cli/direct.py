"""`procex validate` run without the typer app, when its command line is plain.

pre-commit and CI call `procex validate` once per commit or per file, and building the typer
app (typer and click) costs more start-up than validating a small file. Only what typer
would parse the same way is taken here: files and the command's own options, each given
once (--skip as often as wanted) with a value typer accepts. Anything else (--help, an
unknown option, a missing or refused value, `--`, shell completion) goes to the typer app,
whose parsing and usage messages stay the only ones.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# the options of validate that take a value, and the parameter each fills
OPTIONS = {
    "--format": "report_format",
    "--schema-version": "schema_version",
    "--skip": "skip",
    "--from": "fmt",
}


def run(args: list[str]) -> int | None:
    """The exit code of `procex validate` run here, or None when the command line (all but
    the program name) is not a plain validate one: typer must parse it."""
    if not args or args[0] != "validate" or _completing():
        return None
    parsed = validate_arguments(args[1:])
    if parsed is None:
        return None
    try:
        return validate_files(**parsed)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # as click ends an interrupted command: a new line, exit 130
        raise KeyboardInterrupt from None


def _completing() -> bool:
    """Whether a shell asks for completions (click's _PROG_COMPLETE variable is set)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def validate_arguments(args: list[str]) -> dict[str, Any] | None:
    """validate_files' arguments as typer parses `args` (what follows `validate`), or None
    for a command line left to typer."""
    from exporter.cli.choices import InFormat, ReportFormat

    files: list[str] = []
    values: dict[str, Any] = {"skip": []}
    position = 0
    while position < len(args):
        token = args[position]
        position += 1
        if token == "-" or not token.startswith("-"):
            files.append(token)
            continue
        name, equals, value = token.partition("=")
        parameter = OPTIONS.get(name)
        if parameter is None or (parameter in values and parameter != "skip"):
            return None
        if not equals:
            if position == len(args):
                return None
            value = args[position]
            position += 1
        if value.startswith("-"):  # typer takes it as the value; left to it all the same
            return None
        if parameter == "skip":
            values["skip"].append(value)
        else:
            values[parameter] = value
    reports = {choice.value for choice in ReportFormat}
    formats = {choice.value for choice in InFormat}
    if not files or values.get("report_format", ReportFormat.text.value) not in reports:
        return None
    if "fmt" in values and values["fmt"] not in formats:
        return None
    return {"files": files, **values}


def validate_files(
    files: list[str],
    report_format: str = "text",
    schema_version: str | None = None,
    skip: list[str] | None = None,
    fmt: str | None = None,
) -> int:
    """`procex validate`: the report on stdout, and the exit code."""
    from exporter import registry
    from exporter.problems import INVALID, OK, UNREADABLE, InputError
    from exporter.streams import writing_stdout
    from exporter.validate import validate_paths
    from exporter.validate.checks import CHECKS
    from exporter.validate.report import REPORTERS, TextReporter

    skip = skip or []
    if schema_version and schema_version not in registry.versions():
        raise InputError(str(registry.UnknownVersion(schema_version)))
    unknown = set(skip) - set(CHECKS)
    if unknown:
        raise InputError(f"unknown check {', '.join(sorted(unknown))}; known: {', '.join(CHECKS)}")
    summary = validate_paths(files, schema_version=schema_version, skip=skip, fmt=fmt)
    unreadable = any(p.keyword == "io" for p in summary.problems)
    reporter = REPORTERS[report_format]
    with writing_stdout():
        if reporter is TextReporter:
            TextReporter(colour=sys.stdout.isatty()).render(summary, sys.stdout)
        else:
            reporter().render(summary, sys.stdout)
    return UNREADABLE if unreadable else (OK if summary.valid else INVALID)
