"""The analyst's report: deals as one static HTML page (no server, no network, everything
inline), a timeline per deal, filters by country, system category and event type, and every
event's evidence in its sentence with a link to its source.

    from exporter.report import render_report
    html = render_report(deals)
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from exporter.report.page import PAGE_END, page_start
from exporter.report.svg import COLOURS, timeline_svg

__all__ = ["render_report"]


def render_report(deals: Iterable[dict[str, Any]]) -> str:
    """The HTML page for deal records (in the order given)."""
    deals = list(deals)
    countries = sorted({c for d in deals for c in _countries(d)})
    categories = sorted({d["system"]["category"] for d in deals})
    events = sum(len(d["timeline"]) for d in deals)
    reports = sum(len(e["sources"]) for d in deals for e in d["timeline"])
    parts = [page_start(countries, categories, list(COLOURS), len(deals), events, reports)]
    parts.extend(_deal(deal) for deal in deals)
    parts.append(PAGE_END)
    return "".join(parts)


def _countries(deal: dict[str, Any]) -> list[str]:
    parties = (deal["buyer"], deal["seller"])
    return sorted({party["country"] for party in parties if party is not None})


def _party(party: dict[str, Any] | None) -> str:
    if party is None:  # no source names the supplier
        return "a supplier not named"
    return f"{escape(party['name'])} ({escape(party['country'])})"


def _date(date: dict[str, Any] | None) -> str:
    if not date:
        return "no date"
    return escape(date["value"]) + (" (about)" if date.get("approximate") else "")


def _pointer(pointer: dict[str, Any] | None) -> str:
    if not pointer:
        return "none"
    return f"{escape(pointer['event_type'])}, {_date(pointer['date'])}"


def _figure(figure: dict[str, Any] | None, keys: tuple[str, str]) -> str:
    if not figure:
        return "not reported"
    amount = figure[keys[0]]
    shown = f"{amount:,}" if isinstance(amount, int) else f"{amount:,.2f}"
    told = len({(o[keys[0]], o[keys[1]]) for o in figure["observations"]})
    others = f" ({told} figures reported)" if told > 1 else ""
    return f"{shown} {escape(figure[keys[1]])}{others}"


def _deal(deal: dict[str, Any]) -> str:
    system = deal["system"]
    types = sorted({e["event_type"] for e in deal["timeline"]})
    conflicts = "".join(f"<li>{escape(c['message'])}</li>" for c in deal["conflicts"])
    return (
        f'<section class="deal" id="{escape(deal["deal_id"])}" '
        f'data-countries="{" ".join(_countries(deal))}" '
        f'data-category="{escape(system["category"])}" data-event-types="{" ".join(types)}">'
        f"<h2>{escape(deal['deal_id'])}: {escape(system['name'])}</h2>"
        f'<p class="parties">{_party(deal["buyer"])} buys from {_party(deal["seller"])}; '
        f"{escape(system['designation'])}, {escape(system['category'])}</p>"
        f'<dl class="facts"><dt>stage</dt><dd>{_pointer(deal["stage"])}</dd>'
        f"<dt>next planned</dt><dd>{_pointer(deal['next_planned'])}</dd>"
        f"<dt>quantity</dt><dd>{_figure(deal['quantity'], ('value', 'unit'))}</dd>"
        f"<dt>value</dt><dd>{_figure(deal['value'], ('amount', 'currency'))}</dd>"
        f"<dt>reported</dt><dd>{escape(deal['first_reported'] or '?')} to "
        f"{escape(deal['last_reported'] or '?')}</dd></dl>"
        + (f'<ul class="conflicts">{conflicts}</ul>' if conflicts else "")
        + timeline_svg(deal)
        + '<ol class="events">'
        + "".join(_event(e) for e in deal["timeline"])
        + "</ol></section>\n"
    )


def _event(event: dict[str, Any]) -> str:
    sources = "".join(_report(r) for r in event["sources"])
    colour = COLOURS[event["event_type"]]
    count = len(event["sources"])
    many = f' <span class="count">{count} sources</span>' if count > 1 else ""
    return (
        f'<li class="event" data-event-type="{event["event_type"]}">'
        f'<span class="type" style="border-color:{colour}">{event["event_type"]}</span> '
        f'<span class="status">{event["status"]}</span> '
        f'<span class="when">{_date(event["date"])}</span>{many}'
        f'<ul class="sources">{sources}</ul></li>'
    )


def _sentence(report: dict[str, Any]) -> str:
    """The evidence sentence, the words its date was read from marked."""
    text = report["evidence"]["text"]
    words = (report["date"] or {}).get("text")
    at = text.find(words) if words else -1
    if not words or at < 0:
        return escape(text)
    end = at + len(words)
    return f"{escape(text[:at])}<mark>{escape(text[at:end])}</mark>{escape(text[end:])}"


def _report(report: dict[str, Any]) -> str:
    source = report["source"]
    name = escape(source.get("publisher") or "unknown publisher")
    title = escape(source.get("title") or source["id"])
    published = escape(source.get("published") or "undated")
    url = source.get("url")
    link = f'<a href="{escape(url)}" rel="noreferrer">{title}</a>' if url else title
    return (
        f'<li class="source"><blockquote>{_sentence(report)}</blockquote>'
        f'<cite>{name}, {published}: {link} <span class="status">({report["status"]})</span>'
        f"</cite></li>"
    )
