"""A deal record out of the merged events of one deal: parties, stage, next planned event,
reconciled figures, first and last report, and the conflicts between sources."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from exporter.deals.observe import Observation, canonical
from exporter.deals.timeline import RANK, Event, merge

DEAL_VERSION = "1.1.0"
# event types a deal has once: two dates for one of them is a disagreement worth stating
SINGULAR = ("agreement", "cancellation")
PLURAL = {"quantity": "quantities", "value": "values"}


def deal_record(deal_id: str, observations: Iterable[Observation]) -> dict[str, Any]:
    """The deal record of one deal from every observation of it (in any order)."""
    parties: dict[str, dict[bytes, dict[str, Any] | None]] = defaultdict(dict)
    typed: list[tuple[str, dict[str, Any]]] = []
    for obs in observations:
        for role in ("buyer", "seller", "system"):
            value = getattr(obs, role)
            parties[role].setdefault(canonical(value), value)
        typed.append((obs.event_type, obs.report))
    events = merge(deal_id, typed)
    published = [
        day for e in events for r in e.reports if (day := r["source"].get("published")) is not None
    ]
    stage = _stage(events)
    return {
        "schema_version": DEAL_VERSION,
        "record_kind": "procurement-deal",
        "id": "pd-" + hashlib.sha256(deal_id.encode()).hexdigest()[:20],
        "deal_id": deal_id,
        "buyer": _best(parties["buyer"]),
        "seller": _best(parties["seller"]),
        "system": _best(parties["system"]),
        "stage": _pointer(stage),
        "next_planned": _pointer(_next_planned(events, stage)),
        "timeline": [event.record() for event in events],
        "quantity": _figure(events, "quantity", ("value", "unit")),
        "value": _figure(events, "value", ("amount", "currency")),
        "first_reported": min(published, default=None),
        "last_reported": max(published, default=None),
        "conflicts": _conflicts(events),
    }


def _best(candidates: dict[bytes, dict[str, Any] | None]) -> dict[str, Any] | None:
    """The fullest of the ways sources named a party or system (most fields known; a seller
    no source names is null), the first in byte order among equals: a choice that does not
    depend on reading order."""
    return min(candidates.items(), key=lambda kv: (-_known(kv[1]), kv[0]))[1]


def _known(value: dict[str, Any] | None) -> int:
    return 0 if value is None else sum(v is not None for v in value.values())


def _stage(events: list[Event]) -> Event | None:
    """How far the deal has gone: the happened event furthest along the life of a deal
    (a cancellation ends it), the latest of them where several are."""
    done = [e for e in events if e.klass == "happened"]
    return max(done, key=lambda e: (RANK[e.event_type], e.sort_key), default=None)


def _next_planned(events: list[Event], stage: Event | None) -> Event | None:
    """The planned event that comes next after the stage reached: the nearest step of the
    deal's life, the earliest of its dates."""
    after = RANK[stage.event_type] if stage else -1
    planned = [e for e in events if e.klass == "planned" and RANK[e.event_type] > after]
    return min(planned, key=lambda e: (RANK[e.event_type], e.sort_key), default=None)


def _pointer(event: Event | None) -> dict[str, Any] | None:
    if event is None:
        return None
    return {"event_type": event.event_type, "event": event.id, "date": event.date}


def _figure(events: list[Event], name: str, keys: tuple[str, str]) -> dict[str, Any] | None:
    """A deal's quantity or value: every observation kept, the figure given by the most
    sources (agreements first: they state the order; then the latest report, the larger)."""
    observations = []
    for event in events:
        for report in event.reports:
            figure = report[name]
            if figure is not None:
                observations.append((event, report, figure))
    if not observations:
        return None
    agreed = [o for o in observations if o[0].event_type == "agreement" and o[0].klass != "negated"]
    pool = agreed or observations
    support: dict[tuple[Any, Any], set[str]] = defaultdict(set)
    latest: dict[tuple[Any, Any], str] = defaultdict(str)
    for _, report, figure in pool:
        key = (figure[keys[0]], figure[keys[1]])
        support[key].add(report["source"]["id"])
        latest[key] = max(latest[key], report["source"].get("published") or "")
    chosen = max(support, key=lambda k: (len(support[k]), latest[k], k[0], k[1]))
    kept = sorted(
        (
            {**figure, "event": event.id, "record": report["record"]}
            for event, report, figure in observations
        ),
        key=lambda o: (o["event"], o["record"]),
    )
    return {keys[0]: chosen[0], keys[1]: chosen[1], "observations": kept}


def _describe(report: dict[str, Any]) -> str:
    source = report["source"]
    who = source.get("publisher") or source.get("title") or f"source {source['id']}"
    return f"{who} ({source['published']})" if source.get("published") else who


def _conflicts(events: list[Event]) -> list[dict[str, Any]]:
    conflicts = []
    by_type: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_type[event.event_type].append(event)
        for name, keys in (("quantity", ("value", "unit")), ("value", ("amount", "currency"))):
            conflicts.extend(_figure_conflict(event, name, keys))
    for event_type, same in sorted(by_type.items(), key=lambda kv: RANK[kv[0]]):
        happened = [e for e in same if e.klass == "happened"]
        dated = _disagreeing([e for e in happened if e.date is not None])
        if event_type in SINGULAR and dated:
            told = "; ".join(
                f"{(e.date or {}).get('value')} by "
                f"{', '.join(sorted({_describe(r) for r in e.reports}))}"
                for e in dated
            )
            conflicts.append(
                _conflict(
                    "date", event_type, dated, f"sources date the {event_type} differently: {told}"
                )
            )
        denied = [e for e in same if e.klass == "negated"]
        if happened and denied:
            said = ", ".join(sorted({_describe(r) for e in happened for r in e.reports}))
            unsaid = ", ".join(sorted({_describe(r) for e in denied for r in e.reports}))
            message = f"the {event_type} is reported by {said} and denied by {unsaid}"
            conflicts.append(_conflict("status", event_type, happened + denied, message))
    return sorted(conflicts, key=lambda c: (c["kind"], RANK[c["event_type"]], c["events"]))


def _disagreeing(dated: list[Event]) -> list[Event]:
    """The dated events that some other one contradicts: two dates for one agreement from
    sources that never mention both (an article that tells of two agreements, with their two
    dates, is telling of two agreements, not disagreeing with itself)."""
    sources = {e.id: {r["source"]["id"] for r in e.reports} for e in dated}
    return [
        e for e in dated if any(o is not e and not (sources[e.id] & sources[o.id]) for o in dated)
    ]


def _figure_conflict(event: Event, name: str, keys: tuple[str, str]) -> list[dict[str, Any]]:
    told: dict[tuple[Any, Any], set[str]] = defaultdict(set)
    for report in event.reports:
        figure = report[name]
        if figure is not None:
            told[(figure[keys[0]], figure[keys[1]])].add(_describe(report))
    if len(told) < 2:
        return []
    said = "; ".join(
        f"{_number(a)} {b} by {', '.join(sorted(who))}"
        for (a, b), who in sorted(told.items(), key=str)
    )
    message = f"sources give the {event.event_type} different {PLURAL[name]}: {said}"
    return [_conflict(name, event.event_type, [event], message)]


def _number(amount: Any) -> str:
    return f"{amount:,}" if isinstance(amount, int) else f"{amount:,.2f}"


def _conflict(kind: str, event_type: str, events: list[Event], message: str) -> dict[str, Any]:
    ids = sorted({e.id for e in events})
    return {"kind": kind, "event_type": event_type, "events": ids, "message": message}
