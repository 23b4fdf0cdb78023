"""procex convert: records rewritten in another format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from exporter.cli.common import INVALID, OK, UNREADABLE, OutFormat, output, say


def convert(
    files: Annotated[list[str], typer.Argument(help="Record files or folders; - for stdin.")],
    to: Annotated[OutFormat, typer.Option("--to", help="Output format.")],
    out: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help="Output file, written whole or not at all (default stdout)."
        ),
    ] = None,
) -> None:
    """Rewrite records in another format, as a stream; unreadable parts and records no
    consumer could load (NaN, NUL, `@` keys) are reported and skipped."""
    from exporter.formats import unwritable, write_records
    from exporter.formats.files import is_record_file, open_records, record_files
    from exporter.formats.loaded import Loaded
    from exporter.streams import refuse_inputs
    from exporter.validate.report import where

    if out and out != "-":
        refuse_inputs(out, files, is_record_file)
    code = OK

    def records() -> Iterator[dict[str, Any]]:
        nonlocal code
        for path in record_files(files):
            for item in open_records(path):
                if isinstance(item, Loaded):
                    why = unwritable(item.data)
                    if why is None:
                        yield item.data
                        continue
                    say(f"error: {item.file}:{item.line}:{item.column}: {why}")
                    code = max(code, INVALID)
                else:
                    say(f"error: {where(item)}: {item.message}")
                    code = UNREADABLE if item.keyword == "io" else max(code, INVALID)

    with output(out) as stream:
        write_records(records(), stream, to.value, check=False)  # checked above
    raise typer.Exit(code)
