"""procex normalize: articles in, validated procurement-event records out."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from exporter.cli.common import (
    INVALID,
    OK,
    UNREADABLE,
    BaseIri,
    OutFormat,
    checked_base_iri,
    output,
    say,
)
from exporter.problems import InputError


def write_outputs(
    records: Iterable[dict[str, Any]],
    formats: list[OutFormat],
    out: str | None,
    note: Callable[[str], None] = say,
    base_iri: str | None = None,
) -> int:
    """Stream records to one format (a file or stdout), or to several formats in the folder
    `out` as events.EXT; returns how many were written. For several formats the records are
    spooled once as NDJSON and each format is written from the spool: memory stays flat."""
    from exporter.formats import SUFFIX, write_records

    if not (len(formats) > 1 or (out and (out.endswith("/") or Path(out).is_dir()))):
        with output(out) as stream:  # records come checked by normalize_checked
            return write_records(records, stream, formats[0].value, check=False, base_iri=base_iri)
    if not out or out == "-":
        raise InputError("several --to formats need -o FOLDER")
    import orjson

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    names = [fmt.value for fmt in dict.fromkeys(formats)]
    with tempfile.TemporaryFile(dir=folder, prefix=".events-", suffix=".ndjson") as spool:
        count = write_records(records, spool, "ndjson", check=False)
        for fmt in names:
            spool.seek(0)
            path = folder / f"events{SUFFIX[fmt]}"
            with output(str(path)) as stream:
                write_records(
                    (orjson.loads(line) for line in spool),
                    stream,
                    fmt,
                    check=False,
                    base_iri=base_iri,
                )
            note(f"wrote {count} records to {path}")
    return count


def normalize(
    articles: Annotated[list[str], typer.Argument(help="Article files or folders; - for stdin.")],
    to: Annotated[
        list[OutFormat], typer.Option("--to", help="Output format; repeat for several.")
    ] = [OutFormat.ndjson],  # noqa: B006
    out: Annotated[
        str | None, typer.Option("-o", "--output", help="File, or folder for several formats.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD, where the input gives none.")
    ] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Publisher, where the input gives none.")
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Article URL, where the input gives none.")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (0: one per CPU).", min=0)
    ] = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no per-article notes.")
    ] = False,
    base_iri: BaseIri = None,
) -> None:
    """Read articles and write the procurement events they state, each record validated;
    records are written as they are produced, in input order whatever --jobs."""
    from exporter.articles import read_articles
    from exporter.parallel import as_items, normalize_checked, ordered_map
    from exporter.progress import progress

    if published:
        _check_date(published)
    checked_base_iri(base_iri)
    metadata = {
        k: v for k, v in {"published": published, "publisher": publisher, "url": url}.items() if v
    }
    code = OK
    bar = progress("normalize", "articles", quiet=quiet)
    items = as_items(read_articles(articles, metadata=metadata))

    def records() -> Iterator[dict[str, Any]]:
        nonlocal code
        for outcome in ordered_map(normalize_checked, items, jobs or os.cpu_count() or 1):
            for message in outcome.errors:
                bar.say(message)
            if outcome.unreadable:
                code = UNREADABLE
                bar.advance()
                continue
            if outcome.errors:
                code = max(code, INVALID)
            if not quiet:
                bar.say(f"{outcome.name}: {outcome.produced} events")
            bar.advance(1, len(outcome.records))
            yield from outcome.records

    try:
        write_outputs(
            records(),
            to,
            out,
            note=bar.say if not quiet else lambda _: None,
            base_iri=base_iri,
        )
    finally:
        bar.close()
    raise typer.Exit(code)


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a date YYYY-MM-DD") from None
