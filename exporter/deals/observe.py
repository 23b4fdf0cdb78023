"""Observations: what compile keeps of one event record (one source reporting one event).

An observation is the deal it belongs to, the event type, the deal's parties as this source
named them, and a *report*: the record id, status, date, figures, source and evidence. A deal
record keeps every report of every event, so it can be read back into the observations it
was compiled from: compiling a deal record with new event records gives what compiling all
the event records at once gives.
"""

from __future__ import annotations

import calendar
import functools
from typing import Any, NamedTuple

import orjson

# the keys compile copies; fields a newer event schema adds elsewhere are left behind
DATE_KEYS = ("value", "precision", "text", "approximate", "start", "end")
SYSTEM_KEYS = ("name", "designation", "category", "origin", "maker")
PARTY_KEYS = ("name", "country", "kind")
SOURCE_KEYS = (
    "id",
    "publisher",
    "url",
    "title",
    "published",
    "dateline",
    "language",
    "published_inferred",
)
EVIDENCE_KEYS = ("text", "start", "end")
QUANTITY_KEYS = ("value", "unit")
VALUE_KEYS = ("amount", "currency")


class Observation(NamedTuple):
    deal_id: str
    event_type: str
    buyer: dict[str, Any]
    seller: dict[str, Any] | None  # None: the source names no supplier (event schema 1.3.0)
    system: dict[str, Any]
    report: dict[str, Any]


def canonical(value: Any) -> bytes:
    """One byte string per value, whatever order its keys came in: for choices that must not
    depend on the order records are read."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


@functools.cache
def _in_order(keys: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Every subsequence of `keys`: the key orders that need no copy."""
    found: list[tuple[str, ...]] = [()]
    for key in keys:
        found += [(*head, key) for head in found]
    return frozenset(found)


def _pick(data: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any] | None:
    """The known keys of `data`, in the order of `keys` (so that two records that differ only
    in key order compile to the same bytes)."""
    if data is None:
        return None
    if tuple(data) in _in_order(keys):  # the common case: as the normalizer writes it
        return data
    return {key: data[key] for key in keys if key in data}


def report_of(record: dict[str, Any]) -> dict[str, Any]:
    """The report a source gives of one event: what the deal record keeps of an event record."""
    return {
        "record": record["id"],
        "status": record["status"],
        "date": _pick(record.get("date"), DATE_KEYS),
        "quantity": _pick(record.get("quantity"), QUANTITY_KEYS),
        "value": _pick(record.get("value"), VALUE_KEYS),
        "source": _pick(record["source"], SOURCE_KEYS),
        "evidence": _pick(record["evidence"], EVIDENCE_KEYS),
    }


def from_event(record: dict[str, Any]) -> Observation:
    """The observation of one procurement-event record."""
    return Observation(
        record["deal_id"],
        record["event_type"],
        _pick(record["buyer"], PARTY_KEYS),  # type: ignore[arg-type]
        _pick(record["seller"], PARTY_KEYS),
        _pick(record["system"], SYSTEM_KEYS),  # type: ignore[arg-type]
        report_of(record),
    )


def from_deal(deal: dict[str, Any]) -> list[Observation]:
    """The observations a deal record was compiled from."""
    return [
        Observation(
            deal["deal_id"],
            event["event_type"],
            deal["buyer"],
            deal["seller"],
            deal["system"],
            report,
        )
        for event in deal["timeline"]
        for report in event["sources"]
    ]


def interval(date: dict[str, Any], *, widen: bool = True) -> tuple[str, str]:
    """The first and last day a date can mean, as ISO strings (which sort as dates): its
    start/end where the record gives them, else the whole year or month its value names;
    an approximate date ("early 2019", "about March") reaches one unit further each way
    (unless `widen` is false: where a date is placed, not what it may match)."""
    value, precision = date["value"], date["precision"]
    if date.get("start") and date.get("end"):
        start, end = date["start"], date["end"]
    elif precision == "day":
        start = end = value
    elif precision == "month":
        year, month = int(value[:4]), int(value[5:7])
        start, end = f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    else:
        start, end = f"{value}-01-01", f"{value}-12-31"
    if widen and date.get("approximate"):
        start, end = _widen(start, precision, -1), _widen(end, precision, +1)
    return start, end


def _widen(day: str, precision: str, step: int) -> str:
    year, month, dom = int(day[:4]), int(day[5:7]), int(day[8:10])
    if precision == "year":
        return f"{year + step:04d}{day[4:]}"
    if precision == "month":
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        dom = 1 if step < 0 else calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{dom:02d}"
    import datetime

    return (datetime.date(year, month, dom) + datetime.timedelta(days=step)).isoformat()
