"""Assembly: event candidates into schema-shaped records, with ids, deals and evidence;
restatements of one fact merged into one record."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from exporter.interval import with_interval
from exporter.normalize.amounts import Money, Quantity
from exporter.normalize.dates import ResolvedDate
from exporter.normalize.gazetteer import System, gazetteer
from exporter.normalize.mentions import Mention

SCHEMA_VERSION = "1.2.0"


@dataclass(slots=True)
class Candidate:
    """One event of one deal as the normalizer reads it: the deal (buyer, seller, system)
    first, then what the event's clause says of it; merged with its restatements later."""

    event_type: str
    buyer: Mention
    seller: Mention
    system: System
    status: str = "reported"
    date: ResolvedDate | None = None
    dated_by_report: bool = False  # the date is the report's, not one the text gives
    quantity: Quantity | None = None
    value: Money | None = None
    actors: list[dict[str, Any]] = field(default_factory=list)
    evidence: tuple[int, int, str] = (0, 0, "")  # the sentence: start, end, text


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def designation_key(designation: str) -> str:
    """The designation in ASCII capitals and hyphens, for deal ids ("Hürjet" -> HURJET)."""
    ascii_form = unicodedata.normalize("NFKD", designation).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "-", ascii_form.upper()).strip("-")


def party(mention: Mention) -> dict[str, Any]:
    if mention.kind == "company" and mention.company:
        return {
            "name": mention.company.name,
            "country": mention.country,
            "kind": mention.company.kind,
        }
    code = mention.country or ""
    return {"name": gazetteer().country(code).name, "country": code, "kind": "state"}


def deal_id(candidate: Candidate) -> str:
    return (
        f"{candidate.buyer.country}-{candidate.seller.country}-"
        f"{designation_key(candidate.system.designation)}"
    )


def merge_key(candidate: Candidate) -> tuple[str, str, str]:
    return deal_id(candidate), candidate.event_type, candidate.status


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per fact: the same deal, type, status and date are one event; an undated
    restatement joins a dated event of the same deal, type and status."""
    kept: list[Candidate] = []
    for candidate in candidates:
        same = [k for k in kept if merge_key(k) == merge_key(candidate)]
        twin = next(
            (
                k
                for k in same
                if (k.date and k.date.value) == (candidate.date and candidate.date.value)
            ),
            None,
        )
        if twin is None and candidate.date is None and same:
            twin = same[0]
        if twin is None and candidate.date is not None:
            undated = next((k for k in same if k.date is None), None)
            if undated is not None:
                undated.date = candidate.date
                twin = undated
        if twin is None:
            kept.append(candidate)
            continue
        twin.quantity = twin.quantity or candidate.quantity
        twin.value = twin.value or candidate.value
        if twin.dated_by_report and candidate.date and not candidate.dated_by_report:
            twin.date = candidate.date
            twin.dated_by_report = False
    return kept


def to_record(candidate: Candidate, source: dict[str, Any]) -> dict[str, Any]:
    deal = deal_id(candidate)
    date_value = candidate.date.value if candidate.date else ""
    digest = hashlib.sha256(
        f"{source['id']}|{deal}|{candidate.event_type}|{candidate.status}|{date_value}".encode()
    ).hexdigest()[:20]
    start, end, text = candidate.evidence
    system = candidate.system
    return {
        "schema_version": SCHEMA_VERSION,
        "id": f"pe-{digest}",
        "deal_id": deal,
        "event_type": candidate.event_type,
        "status": candidate.status,
        "date": with_interval(candidate.date.as_record()) if candidate.date else None,
        "buyer": party(candidate.buyer),
        "seller": party(candidate.seller),
        "system": {
            "name": system.name,
            "designation": system.designation,
            "category": system.category,
            "origin": system.origin,
            "maker": system.maker,
        },
        "quantity": candidate.quantity.as_record() if candidate.quantity else None,
        "value": candidate.value.as_record() if candidate.value else None,
        "actors": candidate.actors,
        "source": source,
        "evidence": {"text": text, "start": start, "end": end},
    }
