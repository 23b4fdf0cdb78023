"""procex upgrade: records migrated to a newer schema version, in the format they came in."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from exporter import registry
from exporter.cli.common import INVALID, OK, UNREADABLE, output, say
from exporter.problems import InputError, Problem


def upgrade(
    files: Annotated[list[str], typer.Argument(help="Record files or folders; - for stdin.")],
    to: Annotated[str, typer.Option("--to", help="Target schema version, or 'latest'.")],
    out: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file (default stdout).")
    ] = None,
) -> None:
    """Migrate records to a newer schema version, writing the format they were read in.
    Records already at the version pass unchanged; unreadable parts and records that cannot
    be upgraded (unknown version, a downgrade) are reported with file:line and skipped."""
    from exporter.formats import format_of, read_records, unwritable
    from exporter.formats.files import STDIN, open_records, record_files
    from exporter.formats.loaded import Loaded
    from exporter.upgrade import UpgradeError, upgrade_record

    target = registry.latest() if to == "latest" else to
    if target not in registry.versions():
        raise registry.UnknownVersion(to)
    paths = list(record_files(files))
    stdin = sys.stdin.buffer.read() if "-" in paths else b""
    heads = {path: stdin if path == "-" else _head(path) for path in paths}
    fmt = _one_format(
        {format_of(STDIN if path == "-" else path, head) for path, head in heads.items()}, out
    )
    _refuse_overwrite(paths, out)
    code = OK

    def records() -> Iterator[dict[str, Any]]:
        nonlocal code
        for path in paths:
            items: Iterable[Loaded | Problem] = (
                read_records(io.BytesIO(stdin), STDIN, fmt) if path == "-" else open_records(path)
            )
            for item in items:
                if not isinstance(item, Loaded):
                    say(f"error: {_where(item.file, item.line, item.column)}: {item.message}")
                    code = UNREADABLE if item.keyword == "io" else max(code, INVALID)
                    continue
                try:
                    record = upgrade_record(item.data, target)
                except UpgradeError as error:
                    why: str | None = f"record {item.record}: {error}"
                else:
                    why = unwritable(record)
                if why is None:
                    yield record
                else:  # located only now: a position costs a parse of the record's text
                    line, column = item.position(("schema_version",))
                    say(f"error: {_where(item.file, line, column)}: {why}")
                    code = max(code, INVALID)

    with output(out) as stream:
        if fmt == "json":
            many = len(paths) > 1 or heads[paths[0]].lstrip().startswith(b"[")
            write_json(records(), stream, array=many)
        else:
            from exporter.formats import write_records

            write_records(records(), stream, fmt)
    raise typer.Exit(code)


def write_json(records: Iterable[dict[str, Any]], out: IO[bytes], array: bool) -> int:
    """JSON as our JSON fixtures are written: one object, or an array of them, indented as
    orjson indents (byte for byte), written a record at a time so memory stays flat."""
    import orjson

    count = 0
    found = iter(records)
    first = next(found, None)
    second = next(found, None) if first is not None else None
    if not array and second is None:  # one object in, one out (none if it was unreadable)
        if first is not None:
            out.write(orjson.dumps(first, option=orjson.OPT_INDENT_2) + b"\n")
        return int(first is not None)
    out.write(b"[")
    for record in (r for r in (first, second) if r is not None):
        out.write((b",\n  " if count else b"\n  ") + _indented(record))
        count += 1
    for record in found:
        out.write(b",\n  " + _indented(record))
        count += 1
    out.write(b"\n]\n" if count else b"]\n")
    return count


def _indented(record: dict[str, Any]) -> bytes:
    """A record as orjson indents it one level down (JSON strings hold no raw newline)."""
    import orjson

    return orjson.dumps(record, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")


def _where(file: str, line: int | None, column: int | None) -> str:
    """file:line:column, as far as it is known."""
    return ":".join([file, *(str(n) for n in (line, column) if n is not None)])


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


def _refuse_overwrite(paths: list[str], out: str | None) -> None:
    """Writing over an input would empty it before it is read."""
    if not out or out == "-" or not Path(out).exists():
        return
    target = Path(out).resolve()
    if any(path != "-" and Path(path).resolve() == target for path in paths):
        raise InputError(f"{out} is also an input: write to another file, then move it over")
