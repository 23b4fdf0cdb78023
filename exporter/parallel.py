"""The normalizer on many cores and many machines.

`normalize` is a pure function of an Article, so it can run anywhere: `ordered_map` runs it
on N local processes with results in input order (`procex normalize --jobs N`), and
`normalize_on_dask` runs it over a folder (or fsspec URL) of article files on a Dask cluster,
one NDJSON partition per task, each ending in a newline so that the partitions concatenate
into one valid NDJSON file. Command line (needs the extra: pip install 'procex[dask]'):

    python -m exporter.parallel ARTICLES OUT_FOLDER [--scheduler tcp://host:8786]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from exporter.articles import Article, ArticleError
from exporter.problems import plural

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Outcome:
    """What normalizing one article gave: its valid records, and the error messages."""

    name: str
    records: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    produced: int = 0
    unreadable: bool = False


def normalize_checked(item: Article | str) -> Outcome:
    """Normalize one article and keep the records that validate and can be written; `item`
    may be the message of an input that could not be read (passed through in order)."""
    if isinstance(item, str):
        return Outcome(item, errors=[f"error: {item}"], unreadable=True)
    from exporter.formats import unwritable
    from exporter.formats.loaded import Loaded
    from exporter.normalize import normalize
    from exporter.validate import validate_records

    try:
        produced = normalize(item)
    except (RecursionError, MemoryError) as error:
        # an article beyond what the normalizer can hold: reported, the others go on
        message = f"error: {item.name}: cannot be normalized ({type(error).__name__})"
        return Outcome(item.name, errors=[message], unreadable=True)
    outcome = Outcome(item.name, produced=len(produced))
    for index, record in enumerate(produced, start=1):
        problems = list(validate_records([Loaded(record, item.name, index, 1)]))
        why = None if problems else unwritable(record)
        for p in problems:
            outcome.errors.append(f"error: {item.name}: record {index} {p.pointer}: {p.message}")
        if why:
            outcome.errors.append(f"error: {item.name}: {why}")
        if not problems and not why:
            outcome.records.append(record)
    return outcome


def _apply(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(x) for x in chunk]


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], jobs: int = 1, *, batch: int = 4, ahead: int = 4
) -> Iterator[R]:
    """`fn` over `items` on `jobs` processes, results in input order, as they are ready.

    Items go in batches (less pickling per item); at most jobs * ahead batches are in flight,
    so memory stays bounded however many items come. `fn` must be a module-level function.
    The first item runs here, before the pool starts: what it loads once (the normalizer's
    gazetteers and compiled patterns, about half a CPU second) the forked workers inherit
    instead of each loading it again.
    """
    source = iter(items)
    if jobs <= 1:
        yield from map(fn, source)
        return
    yield from map(fn, islice(source, 1))
    # fork (Linux) is what lets the workers inherit; elsewhere each worker loads its own
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque[Future[list[R]]] = deque()
        while chunk := list(islice(source, batch)):
            pending.append(pool.submit(_apply, fn, chunk))
            if len(pending) >= jobs * ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def as_items(articles: Iterable[Article | ArticleError]) -> Iterator[Article | str]:
    """Articles as they are, unreadable inputs as their message (an exception does not
    travel between processes intact)."""
    for item in articles:
        yield str(item) if isinstance(item, ArticleError) else item


# --- Dask --------------------------------------------------------------------------------


def article_paths(location: str) -> list[str]:
    """Article files under a local folder or an fsspec URL (s3://bucket/prefix), sorted."""
    from exporter.articles.files import expand, kind_of

    if "://" not in location:
        return [p for p in expand(location) if isinstance(p, str)]
    import fsspec

    fs, root = fsspec.core.url_to_fs(location)
    protocol = location.split("://", 1)[0]
    return sorted(f"{protocol}://{p}" for p in fs.find(root) if kind_of(p))


def normalize_partition(
    paths: list[str], target: str, metadata: Mapping[str, str] | None = None
) -> tuple[str, int, list[str]]:
    """Normalize the articles in `paths` into one NDJSON file `target` (local or fsspec URL);
    returns the target, how many records it holds, and the error messages."""
    from exporter.articles import read_article_bytes, read_articles
    from exporter.formats.ndjson import encode

    lines: list[bytes] = []
    errors: list[str] = []
    for path in paths:
        if "://" in path:
            import fsspec

            with fsspec.open(path, "rb") as handle:
                found = read_article_bytes(handle.read(), path, metadata=metadata)
        else:
            found = list(read_articles([path], metadata=metadata))
        for item in as_items(found):
            outcome = normalize_checked(item)
            errors.extend(outcome.errors)
            lines.extend(encode(record) for record in outcome.records)
    data = b"".join(lines)  # empty, or every line ending in a newline
    if "://" in target:
        import fsspec

        with fsspec.open(target, "wb") as out:
            out.write(data)
    else:
        from exporter.streams import output_files

        with output_files([target]) as (out,):  # whole or not at all, as the CLI writes
            out.write(data)
    return target, len(lines), errors


def normalize_on_dask(
    articles: str,
    out: str,
    *,
    client: Any = None,
    per_partition: int = 50,
    metadata: Mapping[str, str] | None = None,
) -> list[tuple[str, int, list[str]]]:
    """Normalize every article under `articles` on a Dask cluster into `out`/part-NNNNN.ndjson,
    one partition per `per_partition` articles, in the sorted order of the files; `client`
    is a distributed.Client (default: the current one, else a new local cluster)."""
    from distributed import Client, default_client

    paths = article_paths(articles)
    chunks = [paths[i : i + per_partition] for i in range(0, len(paths), per_partition)]
    if "://" not in out:
        Path(out).mkdir(parents=True, exist_ok=True)
    sep = "" if out.endswith("/") else "/"
    targets = [f"{out}{sep}part-{n:05d}.ndjson" for n in range(len(chunks))]
    if client is None:
        try:
            client = default_client()
        except ValueError:
            client = Client()
    futures = client.map(normalize_partition, chunks, targets, metadata=metadata, pure=False)
    return client.gather(futures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m exporter.parallel",
        description="Normalize a folder or bucket of articles on a Dask cluster into NDJSON "
        "partitions that concatenate into one NDJSON file.",
    )
    parser.add_argument("articles", help="folder or fsspec URL of article files")
    parser.add_argument("out", help="folder or fsspec URL for part-NNNNN.ndjson")
    parser.add_argument("--scheduler", help="address of a Dask scheduler (default: local)")
    parser.add_argument("--per-partition", type=int, default=50, help="articles per partition")
    parser.add_argument("--published", help="publication date where an article gives none")
    args = parser.parse_args(argv)
    from distributed import Client

    metadata = {"published": args.published} if args.published else None
    with Client(args.scheduler) if args.scheduler else Client() as client:
        results = normalize_on_dask(
            args.articles,
            args.out,
            client=client,
            per_partition=args.per_partition,
            metadata=metadata,
        )
    code = 0
    for target, count, errors in results:
        for message in errors:
            print(message, file=sys.stderr)
            code = 1
        print(f"{target}: {plural(count, 'record')}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
