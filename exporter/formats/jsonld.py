"""JSON-LD: one document, the versioned context inline, the records in `@graph`.

The context is embedded rather than referenced by URL so that any processor expands the file
offline. Dates are typed by their precision (xsd:date, xsd:gYearMonth, xsd:gYear), which a
context cannot express for one key, so the writer wraps `date.value` in a value object and
the reader unwraps it; `value.amount` likewise, as an exact xsd:decimal. One record per
line inside `@graph` keeps writing streamable, and reading too: the reader goes line by
line when a file has that layout.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, Any

import orjson

from exporter import registry
from exporter.formats.jsonfile import GRAPH, read_document
from exporter.formats.limits import MAX_RECORD_BYTES
from exporter.formats.loaded import Loaded
from exporter.formats.ndjson import encode as ndjson_line
from exporter.formats.ndjson import loads
from exporter.problems import Problem

DATE_TYPES = {"year": "xsd:gYear", "month": "xsd:gYearMonth", "day": "xsd:date"}


def decimal_lexical(amount: int | float) -> str:
    """An amount in xsd:decimal's lexical form: no exponent; a float keeps its dot, so that
    reading it back gives a float again."""
    if isinstance(amount, int):
        return str(amount)
    text = format(Decimal(repr(amount)), "f")
    return text if "." in text else text + ".0"


def to_node(record: dict[str, Any]) -> dict[str, Any]:
    """A record as a JSON-LD node: the same keys, the date value typed by its precision and
    the money amount typed xsd:decimal with an exact lexical form (a JSON number would be
    turned into a double like 1.25E0, not a valid decimal)."""
    date = record.get("date")
    if (
        isinstance(date, dict)
        and isinstance(date.get("value"), str)
        and date.get("precision") in DATE_TYPES
    ):
        typed = {"@value": date["value"], "@type": DATE_TYPES[date["precision"]]}
        record = {**record, "date": {**date, "value": typed}}
    value = record.get("value")
    if (
        isinstance(value, dict)
        and isinstance(value.get("amount"), int | float)
        and not isinstance(value["amount"], bool)
    ):
        amount = {"@value": decimal_lexical(value["amount"]), "@type": "xsd:decimal"}
        record = {**record, "value": {**value, "amount": amount}}
    return record


def from_node(node: Any) -> Any:
    """The record a JSON-LD node was written from."""
    if isinstance(node, dict):
        date = node.get("date")
        if (
            isinstance(date, dict)
            and isinstance(date.get("value"), dict)
            and "@value" in date["value"]
        ):
            node = {**node, "date": {**date, "value": date["value"]["@value"]}}
        value = node.get("value")
        if (
            isinstance(value, dict)
            and isinstance(value.get("amount"), dict)
            and isinstance(value["amount"].get("@value"), str)
        ):
            text = value["amount"]["@value"]
            try:
                amount: Any = float(text) if "." in text else int(text)
            except ValueError:
                amount = text  # not a decimal: left for the validator to report
            node = {**node, "value": {**value, "amount": amount}}
    return node


def header(version: str | None = None) -> bytes:
    context = registry.context(version or registry.latest())["@context"]
    return b'{"@context":' + orjson.dumps(context) + b',\n"@graph":[\n'


def write(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    # the newest context defines every term of every older version (minor versions only add)
    out.write(header())
    count = 0
    for record in records:
        if count:
            out.write(b",\n")
        out.write(ndjson_line(to_node(record))[:-1])
        count += 1
    out.write(b"\n]}\n")
    return count


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    """Records of a JSON-LD file: line by line when it has our writer's layout, else as a
    stream of `@graph` elements (memory stays flat either way). A file that leaves the layout
    part way is read again from its start, skipping the records already read; a stream that
    cannot seek back is kept meanwhile in a spool that goes to disk beyond a few MiB."""
    seekable = stream.seekable()
    start = stream.tell() if seekable else 0
    spool = None if seekable else tempfile.SpooledTemporaryFile(max_size=MAX_RECORD_BYTES)  # noqa: SIM115
    with spool or contextlib.nullcontext():
        done = 0
        for item in _read_lines(stream, name, spool):
            if item is _LEFT_LAYOUT:
                break
            done += 1
            yield item
        else:
            return
        if spool is None:
            stream.seek(start)
            rest: IO[bytes] = stream
        else:
            shutil.copyfileobj(stream, spool)
            spool.seek(0)
            rest = spool
        for index, whole in enumerate(_read_whole(rest, name)):
            if index >= done or isinstance(whole, Problem):
                yield whole


_LEFT_LAYOUT: Any = object()
_HEAD = b'{"@context":'


def _read_lines(stream: IO[bytes], name: str, spool: IO[bytes] | None) -> Iterator[Loaded]:
    """Records of a file written as our writer writes it: the context on the first line,
    `"@graph":[` on the second, then one node a line (each but the last ending in a comma),
    then `]}`. Yields _LEFT_LAYOUT at the first line that does not fit."""

    def lines() -> Iterator[bytes]:
        while raw := stream.readline(MAX_RECORD_BYTES + 1):
            if spool is not None:
                spool.write(raw)
            if len(raw) > MAX_RECORD_BYTES:  # too long a line: the stream reader says so
                yield b"\0"
                return
            yield raw

    feed = enumerate(lines(), start=1)
    first, second = next(feed, (1, b""))[1], next(feed, (2, b""))[1]
    if not (
        first.startswith(_HEAD)
        and first.rstrip().endswith(b",")
        and second.strip() == b'"@graph":['
    ):
        yield _LEFT_LAYOUT
        return
    try:
        orjson.loads(first.rstrip()[len(_HEAD) : -1])
    except orjson.JSONDecodeError:
        yield _LEFT_LAYOUT
        return
    record_no, closed, comma = 0, False, True
    for line_no, raw in feed:
        line = raw.strip()
        if closed:
            if line:
                yield _LEFT_LAYOUT
                return
            continue
        if line == b"]}":
            closed = True
            continue
        if not line:
            continue
        if not comma or not line.startswith(b"{"):
            yield _LEFT_LAYOUT
            return
        comma = line.endswith(b",")
        body = line[:-1] if comma else line
        try:
            node = loads(body)
        except orjson.JSONDecodeError:
            yield _LEFT_LAYOUT
            return
        record_no += 1
        yield Loaded(from_node(node), name, record_no, line_no, 1, None, None, body)
    if not closed or (comma and record_no):
        yield _LEFT_LAYOUT


def _read_whole(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    """Records of a JSON-LD document read as a stream: the nodes of its `@graph`, of a
    top-level array, or the one node it is."""
    members: dict[str, Any] = {}
    graph = broken = False
    for item in read_document(stream, name, graph_key="@graph"):
        if isinstance(item, tuple):
            if item[1] is GRAPH:
                graph = True
            else:
                members[item[0]] = item[1]
            continue
        if isinstance(item, Loaded):
            item.data = from_node(item.data)
        else:
            broken = True
        yield item
    if members and not graph and not broken:  # one node, its context aside
        node = {k: v for k, v in members.items() if k != "@context"}
        yield Loaded(from_node(node), name, 1, 1, 1)
