"""procex upgrade: records migrated to a newer schema version, in the format they came in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exporter import registry
from exporter.cli.common import BaseIri, InFormat, checked_base_iri, example, output, say
from exporter.problems import InputError

EXAMPLES = example(
    "procex upgrade records/seed-events.ndjson --to 1.1.0 -o upgraded.ndjson",
    "procex upgrade - --from yaml --to latest < old.yaml > new.yaml",
)


def upgrade(
    files: Annotated[list[str], typer.Argument(help="Record files or folders; - for stdin.")],
    to: Annotated[str, typer.Option("--to", help="Target schema version, or 'latest'.")],
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
    base_iri: BaseIri = None,
) -> None:
    """Migrate records to a newer schema version, writing the format they were read in.
    Records already at the version pass unchanged; unreadable parts and records that cannot
    be upgraded (unknown version, a downgrade) are reported with file:line and skipped."""
    from exporter import pipeline
    from exporter.formats import format_of
    from exporter.formats.files import STDIN, is_record_file, record_files
    from exporter.streams import refuse_inputs
    from exporter.streams import stdin as read_stdin
    from exporter.walk import Unreadable

    checked_base_iri(base_iri)
    target = registry.latest() if to == "latest" else to
    if target not in registry.versions():
        raise registry.UnknownVersion(to)
    if out and out != "-":
        refuse_inputs(out, files, is_record_file)
    paths = list(record_files(files))
    stdin = read_stdin().read() if "-" in paths else b""
    readable = [path for path in paths if not isinstance(path, Unreadable)]
    # an Unreadable is reported as it is met, when its records are read
    heads = {path: stdin if path == "-" else _head(path) for path in readable}
    found = (
        {from_.value}
        if from_
        else {format_of(STDIN if path == "-" else path, head) for path, head in heads.items()}
    )
    fmt = _one_format(found, out)
    many = len(paths) > 1 or heads.get(paths[0], b"").lstrip().startswith(b"[")
    with output(out) as stream:
        code = pipeline.upgrade(
            paths, fmt, target, stream, stdin=stdin, array=many, base_iri=base_iri, report=say
        )
    raise typer.Exit(code)


def _head(path: str) -> bytes:
    """The first bytes of a file, to tell its format; none where it cannot be read (that is
    reported when its records are read)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(65536)
    except OSError:
        return b""


def _one_format(found: set[str], out: str | None) -> str:
    """The one format of the inputs, which is also the output's: upgrade never converts."""
    from exporter.formats import EXTENSIONS

    if not found:  # nothing readable: each input is reported, and nothing written
        return "ndjson"
    if len(found) != 1:
        raise InputError(
            f"the inputs mix formats ({', '.join(sorted(found))}) and upgrade writes the format "
            "it read: upgrade one format at a time, or convert first with procex convert"
        )
    (fmt,) = found
    wanted = EXTENSIONS.get(Path(out).suffix.lower()) if out and out != "-" else None
    if wanted is not None and wanted != fmt:
        raise InputError(
            f"{out}: upgrade writes the format it read ({fmt}), not {wanted}; name the output "
            "for that format, or convert afterwards with procex convert"
        )
    return fmt
