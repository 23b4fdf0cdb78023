"""The pipeline procex runs, as the library offers it: read -> normalize -> validate -> write.

The CLI parses options and calls the functions here, so everything it does can be done
from Python (`from exporter import normalize_text, validate_record, read_records, ...`).
Messages go to a `report` function (the CLI's: stderr); the flows return the exit code.
"""

from __future__ import annotations

import io
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from exporter.formats.loaded import Loaded
from exporter.problems import INVALID, OK, UNREADABLE, InputError, Problem, plural
from exporter.streams import output  # stdout, or a file written whole or not at all

Report = Callable[[str], None]
Source = bytes | bytearray | memoryview | str | os.PathLike[str] | IO[bytes]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


# --- the library -------------------------------------------------------------------------


def read_records(
    source: Source, *, format: str | None = None, name: str | None = None
) -> Iterator[Loaded | Problem]:
    """The records in `source`, each a `Loaded` (`.data` the record, with file, line and
    column), and a `Problem` for each part that cannot be read as a record.

    `source` is the content as bytes, a file named by a str or Path, or a binary stream.
    `format` (ndjson, json, yaml, jsonld, es-bulk) says how to read it; without it the
    format comes from the file's extension, else from the first bytes. `name` is the file
    name problems carry ("<bytes>", "<stream>" or the path by default).
    """
    from exporter.formats import MODULES, format_of
    from exporter.formats import read_records as read_stream
    from exporter.formats.files import open_records

    if format is not None and format not in MODULES:
        raise InputError(f"unknown record format {format!r}; choose one of {', '.join(MODULES)}")
    if isinstance(source, str | os.PathLike):
        yield from open_records(os.fspath(source), format)
        return
    if isinstance(source, bytes | bytearray | memoryview):
        data, label = bytes(source), name or "<bytes>"
    else:
        data, label = source.read(), name or "<stream>"
    yield from read_stream(io.BytesIO(data), label, format or format_of(label, data))


def normalize_text(
    text: str,
    *,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    title: str | None = None,
    name: str = "<text>",
) -> list[dict[str, Any]]:
    """The procurement-event records an article's text states, as `normalize` gives them
    for an Article; `published` (YYYY-MM-DD) resolves "on Friday" and "last year"."""
    from exporter.articles.decode import normalize_newlines
    from exporter.articles.meta import build, fill_in
    from exporter.normalize import normalize

    given = {"published": published, "publisher": publisher, "url": url, "title": title}
    fill = fill_in({key: value for key, value in given.items() if value})
    return normalize(build(normalize_newlines(text.removeprefix("\ufeff")), name, {}, fill))


def validate_record(
    record: dict[str, Any], *, schema_version: str | None = None, skip: Iterable[str] = ()
) -> list[Problem]:
    """The problems of one record (a plain dict): schema (the version it names, or
    `schema_version`) and semantic checks but those named in `skip`; [] when valid. Each
    Problem's `pointer` says where in the record, `keyword` what failed."""
    from exporter.validate import validate_records

    return list(validate_records([record], schema_version=schema_version, skip=tuple(skip)))


def write_records(
    records: Iterable[dict[str, Any] | Loaded],
    out: IO[bytes] | str | os.PathLike[str],
    format: str = "ndjson",
    *,
    index: str | None = None,
    base_iri: str | None = None,
) -> int:
    """Write records (dicts, or Loaded as read) in `format` (ndjson, yaml, jsonld, es-bulk)
    to a binary stream or a file; returns how many. A record no consumer could load (NaN, a
    NUL character) raises UnwritableRecord before a byte of it is written. `index` names the
    Elasticsearch index in es-bulk action lines; `base_iri` starts the IRIs of JSON-LD
    nodes (default exporter.formats.jsonld.DEFAULT_BASE_IRI)."""
    from exporter.formats import write_records as write

    plain = (item.data if isinstance(item, Loaded) else item for item in records)
    if isinstance(out, str | os.PathLike):
        from exporter.streams import output_files

        with output_files([os.fspath(out)]) as (stream,):  # written whole or not at all
            return write(plain, stream, format, index=index, base_iri=base_iri)
    return write(plain, out, format, index=index, base_iri=base_iri)


# --- the commands' flows -----------------------------------------------------------------


def problem_message(problem: Problem) -> str:
    """One line for a problem: file:line:column: pointer: message [keyword]."""
    from exporter.validate.report import where

    pointer = f" {problem.pointer}:" if problem.pointer else ""
    return f"error: {where(problem)}:{pointer} {problem.message} [{problem.keyword}]"


def _writable(items: Iterable[Loaded | Problem]) -> Iterator[Loaded | Problem]:
    """The items, less the records no consumer could load (counted as problems); a record
    whose own text says it is loadable is not walked (see `loadable_as_read`)."""
    from exporter.formats import refusal

    for item in items:
        yield (refusal(item) or item) if type(item) is Loaded else item


# the check that convert's own refusal (`refusal`, before the schema's) makes already, left
# out of its validation
WRITABLE = ("loadable",)


# checks left out where records are streamed: duplicate-id holds every id in memory
STREAMING = ("duplicate-id",)


def checked_records(
    paths: Iterable[str],
    *,
    from_format: str | None = None,
    validate: bool = True,
    report: Report = _stderr,
    status: Counter[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """The records of files and folders ("-" stdin) that can be written, and with
    `validate` only the valid ones (every check but those in STREAMING, so memory stays
    flat whatever the input's size); every other part is reported, and counted in `status`
    as "invalid" (an empty file too, as validate says) or "unreadable" (cannot be opened)."""
    from exporter.formats.files import STDIN, open_records, record_files
    from exporter.formats.ndjson import Chunk
    from exporter.validate import Seen, _validate

    status = status if status is not None else Counter()
    seen, read = Seen(), Counter[str]()
    skip = (*STREAMING, *WRITABLE)
    for path in record_files(paths):
        name = STDIN if path == "-" else path
        flow = (
            _validate(
                open_records(path, from_format, chunked=True),
                *(None, skip, seen, read, name),
                passing=True,
                writable=True,
            )
            if validate
            else _writable(open_records(path, from_format))
        )
        problems = 0
        for item in flow:
            if type(item) is Chunk:  # records judged together, none with a problem
                yield from item.values
                continue
            if isinstance(item, Loaded):
                if not validate:  # else _validate counts what it read
                    read[name] += 1
                yield item.data
                continue
            assert isinstance(item, Problem)
            problems += 1
            report(problem_message(item))
            status["unreadable" if item.keyword == "io" else "invalid"] += 1
        if not read[name] and not problems:
            report(f"error: {name}: no records in file")
            status["invalid"] += 1


def exit_code(status: Counter[str]) -> int:
    return UNREADABLE if status["unreadable"] else INVALID if status["invalid"] else OK


def convert(
    paths: Iterable[str],
    out: IO[bytes],
    to: str,
    *,
    from_format: str | None = None,
    validate: bool = True,
    index: str | None = None,
    base_iri: str | None = None,
    report: Report = _stderr,
) -> int:
    """`procex convert`: records rewritten in format `to`, as a stream; returns the exit
    code (0 all written, 1 a record invalid or unwritable, 2 an input unreadable)."""
    from exporter.formats import write_records as write

    status: Counter[str] = Counter()
    found = checked_records(
        paths, from_format=from_format, validate=validate, report=report, status=status
    )
    # checked_records left out the unwritable
    write(found, out, to, check=False, index=index, base_iri=base_iri)
    return exit_code(status)


def upgrade(
    paths: list[str],
    fmt: str,
    target: str,
    out: IO[bytes],
    *,
    stdin: bytes = b"",
    array: bool = False,
    base_iri: str | None = None,
    report: Report = _stderr,
) -> int:
    """`procex upgrade`: records migrated to version `target`, written in the format `fmt`
    they were read in (a JSON file as an array where `array`); returns the exit code."""
    from exporter.formats import read_records as read_stream
    from exporter.formats import unwritable, write_records
    from exporter.formats.files import STDIN, open_records
    from exporter.upgrade import UpgradeError, upgrade_record

    status: Counter[str] = Counter()

    def records() -> Iterator[dict[str, Any]]:
        for path in paths:
            items = (
                read_stream(io.BytesIO(stdin), STDIN, fmt)
                if path == "-"
                else open_records(path, fmt)
            )
            for item in items:
                if not isinstance(item, Loaded):
                    report(f"error: {_where(item.file, item.line, item.column)}: {item.message}")
                    status["unreadable" if item.keyword == "io" else "invalid"] += 1
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
                    report(f"error: {_where(item.file, line, column)}: {why}")
                    status["invalid"] += 1

    if fmt == "json":
        write_json(records(), out, array=array)
    else:
        write_records(records(), out, fmt, base_iri=base_iri)
    return exit_code(status)


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


def normalize_files(
    articles: list[str],
    formats: list[str],
    out: str | None,
    *,
    metadata: Mapping[str, str] | None = None,
    jobs: int = 1,
    quiet: bool = False,
    index: str | None = None,
    base_iri: str | None = None,
) -> int:
    """`procex normalize`: articles read, normalized on `jobs` processes, each record
    validated, written in input order; returns the exit code."""
    from exporter.articles import read_articles
    from exporter.parallel import as_items, normalize_checked, ordered_map
    from exporter.progress import progress

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
                bar.say(f"{outcome.name}: {plural(outcome.produced, 'event')}")
            bar.advance(1, len(outcome.records))
            yield from outcome.records

    try:
        note = bar.say if not quiet else lambda _: None
        write_outputs(
            records(), formats, out, note=note, index=index, base_iri=base_iri, inputs=articles
        )
    finally:
        bar.close()
    return code


def write_outputs(
    records: Iterable[dict[str, Any]],
    formats: list[str],
    out: str | None,
    note: Report = _stderr,
    index: str | None = None,
    base_iri: str | None = None,
    inputs: list[str] | None = None,
) -> int:
    """Stream records to one format (a file or stdout), or to several formats in the folder
    `out` as events.EXT; returns how many were written. For several formats the records are
    spooled once as NDJSON and each format is written from the spool: memory stays flat.
    Files appear only when all is written (exporter.streams): an error leaves none behind;
    an output that is one of the `inputs` is refused before anything is read."""
    import tempfile

    from exporter.articles.files import is_article_file
    from exporter.formats import SUFFIX, check_output
    from exporter.formats import write_records as write
    from exporter.streams import (
        GuardedWriter,
        OutputError,
        make_folder,
        output_files,
        refuse_inputs,
        why,
    )

    check_output(None, "es-bulk" if "es-bulk" in formats else formats[0], index)
    if not (len(formats) > 1 or (out and (out.endswith("/") or Path(out).is_dir()))):
        check_output(out, formats[0], index)
        if out and out != "-":
            refuse_inputs(out, inputs or [], is_article_file)
        with output(out) as stream:  # records come checked by normalize_checked
            return write(records, stream, formats[0], check=False, index=index, base_iri=base_iri)
    if not out or out == "-":
        raise InputError("several --to formats need -o FOLDER")
    import orjson

    folder = Path(out)
    names = list(dict.fromkeys(formats))
    paths = [folder / f"events{SUFFIX[fmt]}" for fmt in names]
    for path in paths:
        refuse_inputs(str(path), inputs or [], is_article_file)
    make_folder(folder, out)
    try:
        spool = tempfile.TemporaryFile(dir=folder, prefix=".events-", suffix=".ndjson")  # noqa: SIM115
    except OSError as error:
        raise OutputError(f"{out}: cannot write: {why(error)}") from None
    with spool, output_files([str(p) for p in paths]) as streams:
        count = write(records, GuardedWriter(spool, out), "ndjson", check=False)  # type: ignore[arg-type]
        for fmt, stream in zip(names, streams, strict=True):
            spool.seek(0)
            lines = (orjson.loads(line) for line in spool)
            es_index = index if fmt == "es-bulk" else None
            write(lines, stream, fmt, check=False, index=es_index, base_iri=base_iri)
    for path in paths:
        note(f"wrote {plural(count, 'record')} to {path}")
    return count


def deal_inputs(
    paths: Iterable[str], status: Counter[str], report: Report = _stderr
) -> Iterator[dict[str, Any]]:
    """Valid event or deal records out of record files, as compile and report take them:
    every unreadable, invalid or unwritable one reported and counted in `status`, skipped."""
    from exporter.formats import unwritable
    from exporter.formats.files import open_records, record_files
    from exporter.validate.schema import acceptor, schema_problems

    accepts = acceptor()
    for path in record_files(paths):
        for item in open_records(path):
            if not isinstance(item, Loaded):
                report(f"error: {item.file}:{item.line}:{item.column}: {item.message}")
                status["unreadable" if item.keyword == "io" else "invalid"] += 1
                continue
            if not accepts(item.data):
                problems = list(schema_problems(item))
                if problems:
                    for p in problems:
                        where = f"{p.file}:{p.line}:{p.column}"
                        report(f"error: {where}: {p.pointer or '/'} {p.message}; not compiled")
                    status["invalid"] += 1
                    continue
            # what no consumer could load is refused here, not when its deal is written;
            # an NDJSON line holds no NaN, so a NUL is all its bytes need be searched for
            why = (
                (b"\\u0000" in item.raw and unwritable(item.data))
                if item.raw is not None
                else unwritable(item.data)
            )
            if why:
                report(f"error: {item.file}:{item.line}:{item.column}: {why}")
                status["invalid"] += 1
                continue
            yield item.data


def _schema_checked(deals: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Deal records, each checked against the deal schema before it is written."""
    from exporter import registry
    from exporter.validate.schema import is_valid

    family = registry.DEAL_FAMILY
    for deal in deals:
        if not is_valid(deal, deal["schema_version"], family):
            raise RuntimeError(f"compiled deal {deal['deal_id']} does not follow its schema")
        yield deal


def compile_files(
    paths: Iterable[str],
    *,
    to: str | None = None,
    out: str | None = None,
    into: str | None = None,
    report: Report = _stderr,
) -> int:
    """`procex compile`: event (and deal) records compiled into one deal record per deal id,
    written to `out` (stdout for None) or merged into the deals file `into`, rewritten in
    place; the format is `to`, else the output's extension, else NDJSON. Returns the exit
    code."""
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
    status: Counter[str] = Counter()
    inputs = list(paths)
    if into and Path(into).exists():
        inputs.insert(0, into)
    deals = _schema_checked(compile_deals(deal_inputs(inputs, status, report)))
    if not into:
        with output(out) as stream:
            count = write_deals(deals, stream, fmt)
    else:
        count = _rewrite(Path(into), deals, fmt)
    report(f"compiled {plural(count, 'deal')}")
    return exit_code(status)


def _rewrite(path: Path, deals: Iterable[dict[str, Any]], fmt: str) -> int:
    """Write deals to a temporary file beside `path`, then put it in its place: the old file
    stays whole until the new one is complete (it is also being read)."""
    import tempfile

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


def report_files(paths: Iterable[str], out: str | None, report: Report = _stderr) -> int:
    """`procex report`: one static HTML page of the deals the records make (compiled as
    compile_files does), to `out` (stdout for None); returns the exit code."""
    from exporter.deals import compile_deals
    from exporter.report import render_report

    status: Counter[str] = Counter()
    deals = list(compile_deals(deal_inputs(paths, status, report)))
    page = render_report(deals).encode("utf-8")
    with output(out) as stream:
        stream.write(page)
    report(f"reported {plural(len(deals), 'deal')}")
    return exit_code(status)
