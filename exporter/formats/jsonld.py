"""JSON-LD: one document, the versioned context inline, the records in `@graph`.

The context is embedded rather than referenced by URL so that any processor expands the file
offline. Dates are typed by their precision (xsd:date, xsd:gYearMonth, xsd:gYear), which a
context cannot express for one key, so the writer wraps `date.value` in a value object and
the reader unwraps it; `value.amount` likewise, as an exact xsd:decimal. One record per
line inside `@graph` keeps writing streamable, and reading too: the reader goes line by
line when a file has that layout.

What makes the graph linked (schema 1.2.0's context) and a context cannot say for a key, the
writer adds to each node: its `@id` and `@type`s, the deal as a named node, countries as
IRIs, the source's IRI and type, the publisher as an organization, the types of money and
quantity. The keys added (ADDED_KEYS) are JSON-LD keywords or compact IRIs, which no valid record
has as a key, so the reader drops exactly those and gets the record back.
"""

from __future__ import annotations

import contextlib
import functools
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import IO, Any
from urllib.parse import quote

import orjson

from exporter import registry
from exporter.formats.jsonfile import GRAPH, read_document
from exporter.formats.limits import MAX_RECORD_BYTES
from exporter.formats.loaded import Loaded
from exporter.formats.ndjson import encode as ndjson_line
from exporter.formats.ndjson import loads
from exporter.problems import InputError, Problem

DATE_TYPES = {"year": "xsd:gYear", "month": "xsd:gYearMonth", "day": "xsd:date"}
# where the nodes' IRIs start unless the writer is given another (--base-iri): events are
# BASE/event/ID, deals BASE/deal/DEAL_ID, sources without a URL BASE/source/SOURCE_ID,
# publishers BASE/publisher/NAME (percent-encoded)
DEFAULT_BASE_IRI = "https://w3id.org/procex/"
# the EU Publications Office's country authority, keyed by ISO 3166-1 alpha-3 (a context prefix)
COUNTRY_AUTHORITY = "eucountry:"
EVENT_CLASSES = {
    "negotiation": "pe:Negotiation",
    "agreement": "pe:Agreement",
    "payment": "pe:Payment",
    "production": "pe:Production",
    "delivery": "pe:Delivery",
    "deployment": "pe:Deployment",
    "cancellation": "pe:Cancellation",
}


def decimal_lexical(amount: int | float) -> str:
    """An amount in xsd:decimal's lexical form: no exponent; a float keeps its dot, so that
    reading it back gives a float again."""
    if isinstance(amount, int):
        return str(amount)
    text = format(Decimal(repr(amount)), "f")
    return text if "." in text else text + ".0"


def to_node(record: dict[str, Any], base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """A record as a linked JSON-LD node: its own keys, the date value typed by its precision,
    the money amount typed xsd:decimal with an exact lexical form (a JSON number would be
    turned into a double like 1.25E0, not a valid decimal), and the links listed above."""
    node: dict[str, Any] = {}
    rid = record.get("id")
    if isinstance(rid, str):
        node["@id"] = f"{base_iri}event/{rid}"
    event_class = EVENT_CLASSES.get(record.get("event_type"))  # type: ignore[arg-type]
    node["@type"] = ["pe:ProcurementEvent", event_class] if event_class else "pe:ProcurementEvent"
    node.update(record)  # the record's keys in its order; linked fields replaced in place
    for key, link in _LINKS.items():
        value = node.get(key)
        if isinstance(value, (dict, list)):
            node[key] = link(value, base_iri)
    deal = record.get("deal_id")
    if isinstance(deal, str):
        node["pe:deal"] = {"@id": f"{base_iri}deal/{deal}", "@type": "pe:Deal", "pe:dealId": deal}
    return node


def _country(code: Any) -> dict[str, str] | None:
    return {"@id": f"{COUNTRY_AUTHORITY}{code}"} if isinstance(code, str) else None


def _party(party: Any, base_iri: str) -> Any:
    """A party (or actor) with its country code's IRI beside the code."""
    if not isinstance(party, dict) or not isinstance(party.get("country"), str):
        return party
    return {**party, "pe:country": _country(party["country"])}


def _actors(actors: Any, base_iri: str) -> Any:
    return [_party(actor, base_iri) for actor in actors] if isinstance(actors, list) else actors


def _system(system: Any, base_iri: str) -> Any:
    if not isinstance(system, dict) or not isinstance(system.get("origin"), str):
        return system
    return {**system, "pe:origin": _country(system["origin"])}


def _date(date: Any, base_iri: str) -> Any:
    precision = date.get("precision") if isinstance(date, dict) else None
    if precision not in DATE_TYPES or not isinstance(date["value"], str):
        return date
    return {**date, "value": {"@value": date["value"], "@type": DATE_TYPES[precision]}}


def _quantity(quantity: Any, base_iri: str) -> Any:
    if not isinstance(quantity, dict):
        return quantity
    return {"@type": "schema:QuantitativeValue", **quantity}


def _money(value: Any, base_iri: str) -> Any:
    if not isinstance(value, dict):
        return value
    amount = value.get("amount")
    if isinstance(amount, (int, float)) and not isinstance(amount, bool):
        typed = {"@value": decimal_lexical(amount), "@type": "xsd:decimal"}
        return {"@type": "schema:MonetaryAmount", **value, "amount": typed}
    return {"@type": "schema:MonetaryAmount", **value}


def _source(source: Any, base_iri: str) -> Any:
    """The source as a named node: its URL where it has one, else an IRI from its id."""
    if not isinstance(source, dict):
        return source
    node: dict[str, Any] = {}
    if isinstance(source.get("url"), str):
        node["@id"] = source["url"]
    elif isinstance(source.get("id"), str):
        node["@id"] = f"{base_iri}source/{source['id']}"
    node["@type"] = "schema:Article"
    node.update(source)
    publisher = source.get("publisher")
    if isinstance(publisher, str):
        # named, not blank: many events share a source, and identical blank nodes hanging off
        # one node make graph comparison (isomorphism, canonical N-Quads) search permutations
        node["publisher"] = {
            "@id": f"{base_iri}publisher/{_escaped(publisher)}",
            "@type": "schema:Organization",
            "name": publisher,
        }
    return node


@functools.lru_cache(maxsize=4096)
def _escaped(name: str) -> str:
    """A name as one IRI path segment (few publishers, many records: kept)."""
    return quote(name, safe="")


# the record fields whose node form differs from the record's, and what makes it
_LINKS: dict[str, Callable[[Any, str], Any]] = {
    "date": _date,
    "buyer": _party,
    "seller": _party,
    "system": _system,
    "quantity": _quantity,
    "value": _money,
    "actors": _actors,
    "source": _source,
}


# the keys the writer adds to a record's node and its objects; only these are dropped on
# reading, so a stray key in a record still reaches the validator
ADDED_KEYS = frozenset({"@id", "@type", "pe:deal", "pe:country", "pe:origin"})


def _added(key: str) -> bool:
    return key in ADDED_KEYS


def _unlinked(value: Any) -> Any:
    """An object of a node without the keys the writer added."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if not _added(k)}
    if isinstance(value, list):
        return [_unlinked(item) for item in value]
    return value


def from_node(node: Any) -> Any:
    """The record a JSON-LD node was written from (by this writer or an older one)."""
    if not isinstance(node, dict):
        return node
    record = {k: _unlinked(v) for k, v in node.items() if not _added(k)}
    date = record.get("date")
    if isinstance(date, dict) and isinstance(date.get("value"), dict) and "@value" in date["value"]:
        record["date"] = {**date, "value": date["value"]["@value"]}
    value = record.get("value")
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
        record["value"] = {**value, "amount": amount}
    source = record.get("source")
    if isinstance(source, dict) and isinstance(source.get("publisher"), dict):
        record["source"] = {**source, "publisher": source["publisher"].get("name")}
    return record


def header(version: str | None = None) -> bytes:
    context = registry.context(version or registry.latest())["@context"]
    return b'{"@context":' + orjson.dumps(context) + b',\n"@graph":[\n'


def checked_base_iri(base_iri: str) -> str:
    """The base IRI, if it can start the IRIs of nodes: absolute (a scheme), ending in / or #
    (what follows is appended), and only characters an IRI may hold."""
    if not (_ABSOLUTE_IRI.fullmatch(base_iri) and base_iri.endswith(("/", "#"))):
        raise InputError(
            f"--base-iri {base_iri!r}: not an absolute IRI ending in / or # "
            f"(e.g. {DEFAULT_BASE_IRI})"
        )
    return base_iri


_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def write(
    records: Iterable[dict[str, Any]], out: IO[bytes], base_iri: str = DEFAULT_BASE_IRI
) -> int:
    # the newest context defines every term of every older version
    checked_base_iri(base_iri)
    out.write(header())
    count = 0
    for record in records:
        if count:
            out.write(b",\n")
        out.write(ndjson_line(to_node(record, base_iri))[:-1])
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
        yield item  # type: ignore[misc]  # read unchunked: no Chunk comes
    if members and not graph and not broken:  # one node, its context aside
        node = {k: v for k, v in members.items() if k != "@context"}
        yield Loaded(from_node(node), name, 1, 1, 1)
