"""procex normalize: articles in, validated procurement-event records out."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter.cli.common import BaseIri, OutFormat, checked_base_iri, example
from exporter.problems import InputError

EXAMPLES = example(
    "procex normalize seeds/000_6bcff8eae5855749.txt",
    "procex normalize articles/ --to ndjson --to yaml -o out/ --jobs 0",
    "procex normalize - --published 2023-05-02 < article.txt",
)


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
    index: Annotated[
        str | None, typer.Option("--index", help="es-bulk: the Elasticsearch index to name.")
    ] = None,
    base_iri: BaseIri = None,
) -> None:
    """Read articles and write the procurement events they state, each record validated;
    records are written as they are produced, in input order whatever --jobs."""
    from exporter.pipeline import normalize_files

    if published:
        _check_date(published)
    checked_base_iri(base_iri)
    metadata = {
        k: v for k, v in {"published": published, "publisher": publisher, "url": url}.items() if v
    }
    formats = [fmt.value for fmt in to]
    raise typer.Exit(
        normalize_files(
            articles,
            formats,
            out,
            metadata=metadata,
            jobs=jobs,
            quiet=quiet,
            index=index,
            base_iri=base_iri,
        )
    )


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a date YYYY-MM-DD") from None
