"""Deal records written in the record formats: NDJSON and YAML as event records are, JSON-LD
with the deal context inline (the event context does not define a deal's terms)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import IO, Any

from exporter import registry
from exporter.formats import UnwritableRecord, write_records
from exporter.formats.ndjson import encode as ndjson_line
from exporter.problems import InputError

DEAL_FORMATS = ("ndjson", "yaml", "jsonld")


def _amounts(deal: dict[str, Any]) -> Iterator[Any]:
    """Every money amount in a deal: the one number a schema-valid record may hold that JSON
    cannot write (a YAML .inf is a number above zero)."""
    if deal["value"]:
        yield deal["value"]["amount"]
        yield from (o["amount"] for o in deal["value"]["observations"])
    for event in deal["timeline"]:
        yield from (r["value"]["amount"] for r in event["sources"] if r["value"])


def encoded(deals: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], bytes]]:
    """Each deal with its NDJSON line, raising UnwritableRecord for one no consumer could load
    (a NUL character, a number that is not finite). The whole-record walk of
    formats.unwritable is not needed: the deal schema admits no other key or number."""
    for deal in deals:
        line = ndjson_line(deal)
        if b"\\u0000" in line or not all(math.isfinite(a) for a in _amounts(deal)):
            why = "a NUL character or a number that is not finite; not written"
            raise UnwritableRecord(f"deal {deal['deal_id']}: {why}")
        yield deal, line


def write_deals(deals: Iterable[dict[str, Any]], out: IO[bytes], fmt: str) -> int:
    """Write deal records as a stream; returns how many were written."""
    if fmt not in DEAL_FORMATS:
        raise InputError(f"deals are written as {', '.join(DEAL_FORMATS)}, not {fmt!r}")
    count = 0
    if fmt == "ndjson":
        for _, line in encoded(deals):
            out.write(line)
            count += 1
        return count
    if fmt == "yaml":
        return write_records((deal for deal, _ in encoded(deals)), out, fmt, check=False)
    context = registry.context(registry.latest(registry.DEAL_FAMILY), registry.DEAL_FAMILY)
    out.write(b'{"@context":' + ndjson_line(context["@context"])[:-1] + b',\n"@graph":[\n')
    for _, line in encoded(deals):
        if count:
            out.write(b",\n")
        out.write(line[:-1])
        count += 1
    out.write(b"\n]}\n")
    return count
