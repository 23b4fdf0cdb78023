"""A deal's timeline as an inline SVG: one mark per merged event on a time axis.

Happened events are filled circles, planned ones hollow, denied ones a cross; undated events
stand apart at the right end. Positions come from the first day of each event's date.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from exporter.deals.observe import interval

WIDTH, HEIGHT = 880, 104
LEFT, RIGHT_DATED, UNDATED_X = 44, 720, 800
AXIS_Y = 72
LABEL_ROWS = (54, 38, 22)  # label heights above the axis, taken in turn so labels overlap less
COLOURS = {
    "negotiation": "#6c757d",
    "agreement": "#1f77b4",
    "payment": "#9467bd",
    "production": "#8c564b",
    "delivery": "#2ca02c",
    "deployment": "#17becf",
    "cancellation": "#d62728",
}


def _day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def _mark(x: float, y: float, event: dict[str, Any]) -> str:
    colour = COLOURS[event["event_type"]]
    if event["status"] == "negated":
        return (
            f'<path d="M{x - 5:.1f} {y - 5:.1f}l10 10m0 -10l-10 10" stroke="{colour}" '
            'stroke-width="2.5"/>'
        )
    fill = "white" if event["status"] == "planned" else colour
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}" stroke="{colour}" '
        'stroke-width="2"/>'
    )


def _label(x: float, text: str) -> str:
    return (
        f'<text x="{x:.1f}" y="{HEIGHT - 4}" font-size="11" text-anchor="middle" '
        f'fill="#555">{text}</text>'
    )


def timeline_svg(deal: dict[str, Any]) -> str:
    """The SVG of one deal's timeline: a mark per event on the axis, its type written above,
    a title (the tooltip) naming its status, date and number of sources."""
    events = deal["timeline"]
    days = [_day(interval(e["date"], widen=False)[0]) for e in events if e["date"]]
    first, span = (min(days), max(max(days) - min(days), 1)) if days else (0, 1)

    def x_of(day: int) -> float:
        return LEFT + (day - first) / span * (RIGHT_DATED - LEFT - 30)

    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="timeline of {escape(deal["deal_id"])}">',
        f'<line x1="{LEFT - 10}" y1="{AXIS_Y}" x2="{RIGHT_DATED}" y2="{AXIS_Y}" stroke="#999"/>',
    ]
    if days and max(days) - first < 366:  # within a year: its first and last days named
        parts.extend(
            _label(x_of(day), dt.date.fromordinal(day).isoformat())
            for day in sorted({first, max(days)})
        )
    elif days:
        for year in range(dt.date.fromordinal(first).year, dt.date.fromordinal(max(days)).year + 2):
            x = x_of(dt.date(year, 1, 1).toordinal())
            if LEFT - 10 <= x <= RIGHT_DATED:
                parts.append(
                    f'<line x1="{x:.1f}" y1="{AXIS_Y}" x2="{x:.1f}" y2="{AXIS_Y + 6}" '
                    f'stroke="#999"/>{_label(x, str(year))}'
                )
    undated = [e for e in events if not e["date"]]
    if undated:
        parts.append(
            f'<line x1="{UNDATED_X - 40}" y1="{AXIS_Y}" x2="{UNDATED_X + 40}" y2="{AXIS_Y}" '
            f'stroke="#999" stroke-dasharray="3 3"/>{_label(UNDATED_X, "undated")}'
        )
    for index, event in enumerate(events):
        if event["date"]:
            x = x_of(_day(interval(event["date"], widen=False)[0]))
            when = event["date"]["value"]
        else:
            x = UNDATED_X - 36 + 72 * (undated.index(event) + 0.5) / len(undated)
            when = "no date"
        y = LABEL_ROWS[index % len(LABEL_ROWS)]
        count = len(event["sources"])
        label = f"{event['event_type']} {event['status']}, {when}, {count} source(s)"
        parts.append(
            f'<g class="mark" data-event-type="{event["event_type"]}">'
            f"<title>{escape(label)}</title>"
            f'<line x1="{x:.1f}" y1="{y + 3}" x2="{x:.1f}" y2="{AXIS_Y}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{y}" font-size="10" text-anchor="middle" fill="#333">'
            f"{event['event_type']}</text>{_mark(x, AXIS_Y, event)}</g>"
        )
    parts.append("</svg>")
    return "".join(parts)
