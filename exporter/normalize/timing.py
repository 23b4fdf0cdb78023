"""When an event happened: the date its own clause gives, else the date of its report;
and what a date says of the status (a date after publication is a plan)."""

from __future__ import annotations

from typing import Any

from exporter.normalize import dates as dates_
from exporter.normalize.events import inside
from exporter.normalize.source import Reference


def status_by_date(
    status: str, when: dates_.ResolvedDate | None, by_report: bool, reference: Reference
) -> tuple[str, dates_.ResolvedDate | None, bool]:
    """A date after publication makes a reported event planned; an ongoing event without a
    date of its own is dated by the day it was reported as under way."""
    if (
        when
        and status in ("reported", "ongoing")
        and reference.date
        and when.value > reference.date.isoformat()[: len(when.value)]
    ):
        status = "planned"
    if status == "ongoing" and when is None and reference.date:
        return (
            status,
            dates_.ResolvedDate(reference.date.isoformat(), "day", "as of publication", False),
            True,
        )
    return status, when, by_report


def last_date(
    found: list[dates_.DateMention], reference: Reference, previous: dates_.ResolvedDate | None
) -> dates_.ResolvedDate | None:
    for mention in reversed(found):
        if mention.kind == "anaphora":
            return previous
        resolved = dates_.resolve(mention, reference.date, False)
        if resolved:
            return resolved
    return None


def event_date(
    trigger: Any,
    found: list[dates_.DateMention],
    attribution: list[tuple[int, int]],
    reference: Reference,
    status: str,
    previous: dates_.ResolvedDate | None,
    clause: tuple[int, int],
    rivals: list[Any],
    text: str,
) -> tuple[dates_.ResolvedDate | None, bool]:
    """The date the text gives for the event: the nearest date of its own clause, else the
    date of the report (for what happened or is under way), else none. A denied event has
    none: the day of a denial is not the day of an event."""
    if status == "negated":
        return None, False
    forward = status == "planned"
    # a date with another event's trigger between it and this one belongs to that event
    # ("will supply ... under a deal signed in October 2018")
    own = [
        m
        for m in found
        if not inside(m.start, attribution)
        and not any(
            trigger.end <= r.start
            and r.end <= m.start
            and len(text[r.end : m.start].split()) <= 4
            and len(text[trigger.end : r.start].split())
            > 3  # not "negotiations concluded in March"
            for r in rivals
        )
    ]
    reported = [m for m in found if inside(m.start, attribution)]

    def resolved(mention: dates_.DateMention) -> dates_.ResolvedDate | None:
        if mention.kind == "anaphora":
            earlier = [m for m in found if m.end <= mention.start and m.kind != "anaphora"]
            return dates_.resolve(earlier[-1], reference.date, False) if earlier else previous
        return dates_.resolve(mention, reference.date, forward)

    # the date of the trigger's own clause, the one after it first ("signed ... in January
    # 2020, with deliveries due in 2024"), else the nearest in the sentence
    in_clause = [m for m in own if clause[0] <= m.start < clause[1]]
    ordered = sorted(
        in_clause, key=lambda m: (m.start < trigger.start, abs(m.start - trigger.start))
    )
    ordered += sorted(
        (m for m in own if m not in in_clause), key=lambda m: abs(m.start - trigger.start)
    )
    for best in ordered[:1]:
        value = resolved(best)
        if value:
            return value, False
    if status in ("reported", "ongoing") and reported:
        value = resolved(reported[-1])
        if value:
            return value, True
    return None, False
