"""procex normalize: articles in, validated procurement-event records out."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from exporter.cli.common import INVALID, OK, UNREADABLE, OutFormat, output, say
from exporter.problems import InputError


def write_outputs(
    records: Iterable[dict[str, Any]],
    formats: list[OutFormat],
    out: str | None,
    note: Callable[[str], None] = say,
    inputs: list[str] | None = None,
) -> int:
    """Stream records to one format (a file or stdout), or to several formats in the folder
    `out` as events.EXT; returns how many were written. For several formats the records are
    spooled once as NDJSON and each format is written from the spool: memory stays flat.
    Files appear only when all is written (exporter.streams): an error leaves none behind;
    an output that is one of the `inputs` is refused before anything is read."""
    from exporter.articles.files import is_article_file
    from exporter.formats import SUFFIX, write_records
    from exporter.streams import (
        GuardedWriter,
        OutputError,
        make_folder,
        output_files,
        refuse_inputs,
        why,
    )

    if not (len(formats) > 1 or (out and (out.endswith("/") or Path(out).is_dir()))):
        if out and out != "-":
            refuse_inputs(out, inputs or [], is_article_file)
        with output(out) as stream:  # records come checked by normalize_checked
            return write_records(records, stream, formats[0].value, check=False)
    if not out or out == "-":
        raise InputError("several --to formats need -o FOLDER")
    import orjson

    folder = Path(out)
    names = [fmt.value for fmt in dict.fromkeys(formats)]
    paths = [folder / f"events{SUFFIX[fmt]}" for fmt in names]
    for path in paths:
        refuse_inputs(str(path), inputs or [], is_article_file)
    make_folder(folder, out)
    try:
        spool = tempfile.TemporaryFile(dir=folder, prefix=".events-", suffix=".ndjson")  # noqa: SIM115
    except OSError as error:
        raise OutputError(f"{out}: cannot write: {why(error)}") from None
    with spool, output_files([str(p) for p in paths]) as streams:
        count = write_records(records, GuardedWriter(spool, out), "ndjson", check=False)
        for fmt, stream in zip(names, streams, strict=True):
            spool.seek(0)
            write_records((orjson.loads(line) for line in spool), stream, fmt, check=False)
    for path in paths:
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
) -> None:
    """Read articles and write the procurement events they state, each record validated;
    records are written as they are produced, in input order whatever --jobs."""
    from exporter.articles import read_articles
    from exporter.parallel import as_items, normalize_checked, ordered_map
    from exporter.progress import progress

    if published:
        _check_date(published)
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
        note = bar.say if not quiet else lambda _: None
        write_outputs(records(), to, out, note=note, inputs=articles)
    finally:
        bar.close()
    raise typer.Exit(code)


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a date YYYY-MM-DD") from None
