"""Deal records written in the record formats: NDJSON and YAML as event records are, JSON-LD
with the deal context inline (the event context does not define a deal's terms)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import orjson

from exporter import registry
from exporter.formats import write_records
from exporter.formats.ndjson import encode as ndjson_line
from exporter.problems import InputError

DEAL_FORMATS = ("ndjson", "yaml", "jsonld")


def write_deals(deals: Iterable[dict[str, Any]], out: IO[bytes], fmt: str) -> int:
    """Write deal records as a stream; returns how many were written."""
    if fmt not in DEAL_FORMATS:
        raise InputError(f"deals are written as {', '.join(DEAL_FORMATS)}, not {fmt!r}")
    if fmt != "jsonld":
        return write_records(deals, out, fmt)
    context = registry.context(registry.latest(registry.DEAL_FAMILY), registry.DEAL_FAMILY)
    out.write(b'{"@context":' + orjson.dumps(context["@context"]) + b',\n"@graph":[\n')
    count = 0
    for deal in deals:
        if count:
            out.write(b",\n")
        out.write(ndjson_line(deal)[:-1])
        count += 1
    out.write(b"\n]}\n")
    return count
