"""Deals: the event records of many articles compiled into one record per deal.

    from exporter.deals import compile_deals
    deals = list(compile_deals(records))   # event records, deal records, or both

A deal record holds every report it was compiled from, so compiling deal records together
with new event records gives the same deals as compiling all the event records at once, in
any order and any split (`procex compile --into`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from exporter.deals.assemble import DEAL_VERSION, deal_record
from exporter.deals.observe import Observation, from_deal, from_event
from exporter.deals.spool import Spool

DEAL_KIND = "procurement-deal"

__all__ = ["DEAL_KIND", "DEAL_VERSION", "compile_deals", "observations"]


def observations(record: dict[str, Any]) -> list[Observation]:
    """What compile takes from one record: an event record's one observation, or all of a
    deal record's."""
    if record.get("record_kind") == DEAL_KIND:
        return from_deal(record)
    return [from_event(record)]


def compile_deals(
    records: Iterable[dict[str, Any]], *, spool: Spool | None = None
) -> Iterator[dict[str, Any]]:
    """One deal record per deal id, in deal-id order, from schema-valid event and deal
    records; memory holds one bucket of observations at a time (see exporter.deals.spool)."""
    spool = spool or Spool()
    for record in records:
        for obs in observations(record):
            spool.add(obs)
    yield from spool.compiled(deal_record)
