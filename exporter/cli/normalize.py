"""procex normalize: articles in, validated procurement-event records out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from exporter.cli.common import INVALID, OK, UNREADABLE, OutFormat, output, say
from exporter.problems import InputError


def write_outputs(records: list[dict[str, Any]], formats: list[OutFormat], out: str | None) -> None:
    """One format to a file or stdout; several formats into the folder `out` as events.EXT."""
    from exporter.formats import SUFFIX, write_records

    if len(formats) > 1 or (out and (out.endswith("/") or Path(out).is_dir())):
        if not out or out == "-":
            raise InputError("several --to formats need -o FOLDER")
        for fmt in formats:
            path = Path(out) / f"events{SUFFIX[fmt.value]}"
            with output(str(path)) as stream:
                write_records(records, stream, fmt.value)
            say(f"wrote {len(records)} records to {path}")
        return
    with output(out) as stream:
        write_records(records, stream, formats[0].value)


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
) -> None:
    """Read articles and write the procurement events they state, each record validated."""
    from exporter.articles import ArticleError, read_articles
    from exporter.formats.loaded import Loaded
    from exporter.normalize import normalize as normalize_article
    from exporter.validate import validate_records

    if published:
        _check_date(published)
    metadata = {
        k: v for k, v in {"published": published, "publisher": publisher, "url": url}.items() if v
    }
    code, records = OK, []
    for item in read_articles(articles, metadata=metadata):
        if isinstance(item, ArticleError):
            say(f"error: {item}")
            code = UNREADABLE
            continue
        produced = normalize_article(item)
        for index, record in enumerate(produced, start=1):
            problems = list(validate_records([Loaded(record, item.name, index, 1)]))
            if problems:
                code = max(code, INVALID)
                for p in problems:
                    say(f"error: {item.name}: record {index} {p.pointer}: {p.message}")
                continue
            records.append(record)
        say(f"{item.name}: {len(produced)} events")
    write_outputs(records, to, out)
    raise typer.Exit(code)


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a date YYYY-MM-DD") from None
