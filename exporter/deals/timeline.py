"""A deal's timeline: the reports of many sources merged into events.

Reports are one event when they have the same type, a compatible status (reported and ongoing
are both "happened"; planned and negated stand apart) and date intervals that overlap. The
grouping is a function of the set of reports, never of the order they came in: reports are
taken most precise date first, each joining the first event its interval fits, so the same
reports always make the same events.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from exporter.deals.observe import canonical, interval

LIFECYCLE = (
    "negotiation",
    "agreement",
    "payment",
    "production",
    "delivery",
    "deployment",
    "cancellation",
)
RANK = {event_type: rank for rank, event_type in enumerate(LIFECYCLE)}
STATUS_CLASS = {"reported": "happened", "ongoing": "happened", "planned": "planned"}
CLASS_RANK = {"happened": 0, "planned": 1, "negated": 2}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
UNDATED = "9999-12-31"  # sorts after every date


def status_class(status: str) -> str:
    return STATUS_CLASS.get(status, status)


@dataclass
class Event:
    """One merged event: its reports and the interval every dated report of it allows.
    Its id, status, date and place are worked out once, when all its reports are in."""

    deal_id: str
    event_type: str
    klass: str
    start: str = ""
    end: str = UNDATED
    dated: bool = False
    reports: list[dict[str, Any]] = field(default_factory=list)

    def fits(self, start: str, end: str) -> bool:
        return max(self.start, start) <= min(self.end, end)

    def add(self, report: dict[str, Any]) -> None:
        self.reports.append(report)
        if report["date"] is not None:
            start, end = interval(report["date"])
            self.start, self.end = max(self.start, start), min(self.end, end)
            self.dated = True

    @functools.cached_property
    def first_report(self) -> dict[str, Any]:
        """The report published first: the event's identity, kept as more sources come."""
        return min(self.reports, key=lambda r: (r["source"].get("published") or "", r["record"]))

    @functools.cached_property
    def id(self) -> str:
        key = f"{self.deal_id}|{self.event_type}|{self.klass}|{self.first_report['record']}"
        return "me-" + hashlib.sha256(key.encode()).hexdigest()[:20]

    @functools.cached_property
    def status(self) -> str:
        statuses = {r["status"] for r in self.reports}
        if self.klass == "happened":
            return "reported" if "reported" in statuses else "ongoing"
        return self.klass

    @functools.cached_property
    def date(self) -> dict[str, Any] | None:
        """The most precise date its reports give (the first of them: reports are sorted)."""
        return next((r["date"] for r in self.reports if r["date"] is not None), None)

    @functools.cached_property
    def sort_key(self) -> tuple[str, int, int, str]:
        date = self.date
        start = interval(date, widen=False)[0] if date else UNDATED
        return (start, RANK[self.event_type], CLASS_RANK[self.klass], self.id)

    def record(self) -> dict[str, Any]:
        sources = sorted(
            self.reports, key=lambda r: (r["source"].get("published") or "", r["record"])
        )
        return {
            "id": self.id,
            "event_type": self.event_type,
            "status": self.status,
            "date": self.date,
            "sources": sources,
        }


def _report_order(report: dict[str, Any]) -> tuple[int, int, str, str, str]:
    date = report["date"]
    if date is None:
        return (len(PRECISION_RANK), 0, "", "", report["record"])
    return (
        PRECISION_RANK[date["precision"]],
        1 if date.get("approximate") else 0,
        date["value"],
        report["source"].get("published") or "",
        report["record"],
    )


def merge(deal_id: str, typed_reports: Iterable[tuple[str, dict[str, Any]]]) -> list[Event]:
    """The events of one deal, in timeline order (by date, undated last), from its
    (event type, report) pairs; a report seen twice (same record id) counts once."""
    unique: dict[str, tuple[str, dict[str, Any]]] = {}
    for event_type, report in typed_reports:
        seen = unique.get(report["record"])
        # the same record read twice, perhaps in two versions: the same one wins either way
        if seen is None or canonical((event_type, report)) < canonical(seen):
            unique[report["record"]] = (event_type, report)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for event_type, report in unique.values():
        groups[(event_type, status_class(report["status"]))].append(report)
    events: list[Event] = []
    for (event_type, klass), reports in sorted(groups.items()):
        merged: list[Event] = []
        for report in sorted(reports, key=_report_order):
            target = None
            if report["date"] is None:
                target = merged[0] if merged else None
            else:
                start, end = interval(report["date"])
                target = next((e for e in merged if e.fits(start, end)), None)
            if target is None:
                target = Event(deal_id, event_type, klass)
                merged.append(target)
            target.add(report)
        events.extend(merged)
    return sorted(events, key=lambda e: e.sort_key)
