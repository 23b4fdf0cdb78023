"""JSON-LD: one document, the versioned context inline, the records in `@graph`.

The context is embedded rather than referenced by URL so that any processor expands the file
offline. Dates are typed by their precision (xsd:date, xsd:gYearMonth, xsd:gYear), which a
context cannot express for one key, so the writer wraps `date.value` in a value object and
the reader unwraps it. One record per line inside `@graph` keeps writing streamable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from exporter import registry
from exporter.formats.jsonfile import parse_json_document, read_items
from exporter.formats.ndjson import encode as ndjson_line
from exporter.problems import Problem

DATE_TYPES = {"year": "xsd:gYear", "month": "xsd:gYearMonth", "day": "xsd:date"}


def to_node(record: dict[str, Any]) -> dict[str, Any]:
    """A record as a JSON-LD node: the same keys, the date value typed by its precision."""
    date = record.get("date")
    if (
        isinstance(date, dict)
        and isinstance(date.get("value"), str)
        and date.get("precision") in DATE_TYPES
    ):
        typed = {"@value": date["value"], "@type": DATE_TYPES[date["precision"]]}
        record = {**record, "date": {**date, "value": typed}}
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


def read(stream: IO[bytes], name: str) -> Iterator[Any]:
    parsed = parse_json_document(stream, name)
    if isinstance(parsed, Problem):
        yield parsed
        return
    text, document = parsed
    if isinstance(document, dict) and isinstance(document.get("@graph"), list):
        graph, base = document["@graph"], ("@graph",)
    elif isinstance(document, list):
        graph, base = document, ()
    else:
        graph, base = [document], None
    if base is None:
        from exporter.formats.jsonpos import locator
        from exporter.formats.loaded import Loaded

        node = (
            {k: v for k, v in document.items() if k != "@context"}
            if isinstance(document, dict)
            else document
        )
        yield Loaded(from_node(node), name, 1, 1, 1, locator(text))
        return
    for loaded in read_items(text, graph, name, base):
        loaded.data = from_node(loaded.data)
        yield loaded
