"""procex compile: event records of many articles in, one deal record per deal out."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from exporter.cli.common import INVALID, OK, UNREADABLE, counted, output, say
from exporter.problems import InputError


class Reading:
    """Valid records out of record files, every bad one reported on stderr and skipped; the
    exit code the run has earned so far."""

    def __init__(self) -> None:
        self.code = OK

    def records(self, paths: Iterable[str]) -> Iterator[dict[str, Any]]:
        from exporter.formats import unwritable
        from exporter.formats.files import open_records, record_files
        from exporter.formats.loaded import Loaded
        from exporter.validate.schema import acceptor, schema_problems

        accepts = acceptor()
        for path in record_files(paths):
            for item in open_records(path):
                if not isinstance(item, Loaded):
                    say(f"error: {item.file}:{item.line}:{item.column}: {item.message}")
                    self.code = UNREADABLE if item.keyword == "io" else max(self.code, INVALID)
                    continue
                if not accepts(item.data):
                    problems = list(schema_problems(item))
                    if problems:
                        for p in problems:
                            where = f"{p.file}:{p.line}:{p.column}"
                            say(f"error: {where}: {p.pointer or '/'} {p.message}; not compiled")
                        self.code = max(self.code, INVALID)
                        continue
                # what no consumer could load is refused here, not when its deal is written;
                # an NDJSON line holds no NaN, so a NUL is all its bytes need be searched for
                why = (
                    (b"\\u0000" in item.raw and unwritable(item.data))
                    if item.raw is not None
                    else unwritable(item.data)
                )
                if why:
                    say(f"error: {item.file}:{item.line}:{item.column}: {why}")
                    self.code = max(self.code, INVALID)
                    continue
                yield item.data


def checked(deals: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Deal records, each checked against the deal schema before it is written."""
    from exporter import registry
    from exporter.validate.schema import is_valid

    family = registry.DEAL_FAMILY
    for deal in deals:
        if not is_valid(deal, deal["schema_version"], family):
            raise RuntimeError(f"compiled deal {deal['deal_id']} does not follow its schema")
        yield deal


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
    from exporter.deals import compile_deals
    from exporter.deals.write import DEAL_FORMATS, write_deals
    from exporter.formats import EXTENSIONS

    target = into or out
    fmt = to or (EXTENSIONS.get(Path(target).suffix.lower()) if target and target != "-" else None)
    fmt = {"json": "ndjson", None: "ndjson"}.get(fmt, fmt)
    if fmt not in DEAL_FORMATS:
        raise InputError(f"deals are written as {', '.join(DEAL_FORMATS)}, not {fmt!r}")
    if into and out:
        raise InputError("--into rewrites its file: give -o or --into, not both")
    reading = Reading()
    inputs = list(records)
    if into and Path(into).exists():
        inputs.insert(0, into)
    deals = checked(compile_deals(reading.records(inputs)))
    if not into:
        with output(out) as stream:
            count = write_deals(deals, stream, fmt)
    else:
        count = _rewrite(Path(into), deals, fmt)
    say(f"compiled {counted(count, 'deal')}")
    raise typer.Exit(reading.code)


def _rewrite(path: Path, deals: Iterable[dict[str, Any]], fmt: str) -> int:
    """Write deals to a temporary file beside `path`, then put it in its place: the old file
    stays whole until the new one is complete (it is also being read)."""
    from exporter.deals.write import write_deals

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            count = write_deals(deals, stream, fmt)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return count
