"""Assembly: event candidates into schema-shaped records, with ids, deals and evidence;
restatements of one fact merged into one record."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from exporter import dealid
from exporter.interval import with_interval
from exporter.normalize.amounts import Money, Quantity
from exporter.normalize.arguments import origin_state
from exporter.normalize.dates import ResolvedDate
from exporter.normalize.gazetteer import System, gazetteer
from exporter.normalize.lexicon import dates_lexicon
from exporter.normalize.mentions import Mention

SCHEMA_VERSION = "1.3.0"


@dataclass(slots=True)
class Candidate:
    """One event of one deal as the normalizer reads it: the deal (buyer, seller, system)
    first, then what the event's clause says of it; merged with its restatements later."""

    event_type: str
    buyer: Mention
    seller: Mention | None  # None: the text names no supplier (an open competition)
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


_NOT_KEY = re.compile(r"[^A-Z0-9]+")


@functools.lru_cache(maxsize=4096)  # merging asks for each candidate's key again and again
def designation_key(designation: str) -> str:
    """The designation in ASCII capitals and hyphens, for deal ids ("Hürjet" -> HURJET)."""
    ascii_form = unicodedata.normalize("NFKD", designation).encode("ascii", "ignore").decode()
    return _NOT_KEY.sub("-", ascii_form.upper()).strip("-")


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
    """BUYER-SELLER-SYSTEM; XXX for a seller the text does not name."""
    seller = candidate.seller
    return dealid.compose(  # str(): a country the mention lacks is written as the text has it
        str(candidate.buyer.country),
        None if seller is None else str(seller.country),
        designation_key(candidate.system.designation),
    )


def merge_key(candidate: Candidate) -> tuple[str, str, str]:
    return deal_id(candidate), candidate.event_type, candidate.status


def one_seller_per_deal(candidates: list[Candidate]) -> list[Candidate]:
    """A seller guessed from the system's origin yields to the one the article names for the
    same buyer and system ("procured through a deal with Poland" makes Poland the seller of
    the Black Hawks delivered earlier in the text), where it names exactly one."""
    _programme_sellers(candidates)
    # per buyer and system, the first mention of each seller the article names
    named: dict[tuple[str | None, str], dict[str | None, Mention]] = {}
    for c in candidates:
        if (
            c.seller is not None
            and c.seller.how != "origin"
            and c.seller.country != c.buyer.country
        ):
            key = (c.buyer.country, c.system.designation)
            named.setdefault(key, {}).setdefault(c.seller.country, c.seller)
    for c in candidates:
        found = named.get((c.buyer.country, c.system.designation), {})
        if (c.seller is None or c.seller.how == "origin") and len(found) == 1:
            c.seller = next(iter(found.values()))
    return candidates


def _programme_sellers(candidates: list[Candidate]) -> None:
    """A multinational programme's members a sentence lists as its sellers ("the four-nation
    consortium of Germany, Italy, Spain and Britain") sell as one, its host: one deal. A
    member named alone (the firm that signed) stays the seller."""
    members: dict[tuple[str | None, str, int], set[str | None]] = {}
    for c in candidates:
        if c.seller is not None and c.seller.how != "origin" and c.system.partners:
            key = (c.buyer.country, c.system.designation, c.evidence[0])
            members.setdefault(key, set()).add(c.seller.country)
    for c in candidates:
        programme = {c.system.origin, *c.system.partners}
        sellers = members.get((c.buyer.country, c.system.designation, c.evidence[0]), set())
        if c.system.origin and len(sellers & programme) > 1:
            c.seller = origin_state(c.system.origin)


def named_for_generic(candidates: list[Candidate], named: list[System]) -> list[Candidate]:
    """A kind of weapon ("Swedish warplanes", "Russian helicopters") is the one system of
    that kind and from that seller the article names anywhere: a headline's "buys South
    Korean artillery" is the K9 its body names. Left generic where it names none or several."""
    for c in candidates:
        if not c.system.generic or c.seller is None:
            continue  # no seller named: no sure way to the system
        fits = [
            s for s in named if s.category == c.system.category and s.origin == c.seller.country
        ]
        if len(fits) == 1:
            c.system = fits[0]
    return candidates


def body_over_headline(
    candidates: list[Candidate], headline: tuple[int, int] | None
) -> list[Candidate]:
    """A headline's present compresses what its body tells in its own tense ("Pakistan
    receives J-35 fighters" over "will receive 40 J-35s"): a headline event whose deal and
    type the body states with another status only, is left out."""
    if headline is None:
        return candidates
    start, end = headline
    told: dict[tuple[str, str], set[str]] = {}
    for c in candidates:
        if not start <= c.evidence[0] < end:
            told.setdefault((deal_id(c), c.event_type), set()).add(c.status)
    return [
        c
        for c in candidates
        if not start <= c.evidence[0] < end
        or told.get((deal_id(c), c.event_type), {c.status}) & {c.status}
    ]


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per fact: the same deal, type, status and date are one event; an undated
    restatement joins a dated event of the same deal, type and status, and so does one dated
    only by the day of its report where the other falls in the week before it."""
    kept: list[Candidate] = []
    kept_keys: list[tuple[str, str, str]] = []  # merging changes no part of a key: found once
    for candidate in candidates:
        key = merge_key(candidate)
        same = [k for k, kept_key in zip(kept, kept_keys, strict=True) if kept_key == key]
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
            twin = next((k for k in same if k.date is None or _same_news(k, candidate)), None)
            if twin is not None and twin.date is None:
                twin.date, twin.dated_by_report = candidate.date, candidate.dated_by_report
        if twin is None:
            kept.append(candidate)
            kept_keys.append(key)
            continue
        twin.quantity = twin.quantity or candidate.quantity
        twin.value = twin.value or candidate.value
        if twin.dated_by_report and candidate.date and not candidate.dated_by_report:
            twin.date = candidate.date
            twin.dated_by_report = False
        elif twin.date and twin.date.wordless and candidate.date and not candidate.date.wordless:
            # the day a statement names ("said on Wednesday") over the day it was published
            twin.date = candidate.date
    return kept


def _same_news(one: Candidate, other: Candidate) -> bool:
    """Whether two dated statements tell one piece of news: one dated only by the day it was
    reported, the other on a day of the week before ("took delivery on Monday" and a
    headline "takes delivery" of Wednesday), or in that week's month ("last week")."""
    if not (one.dated_by_report or other.dated_by_report) or not (one.date and other.date):
        return False
    report, told = (one.date, other.date) if one.dated_by_report else (other.date, one.date)
    if report.precision != "day":
        return False
    day = dt.date.fromisoformat(report.value)
    window = dates_lexicon().same_news_days
    if told.precision == "month":
        # "concluded last week", a month's date, in the month of the report's week before
        return told.value in {day.isoformat()[:7], (day - dt.timedelta(window)).isoformat()[:7]}
    if told.precision != "day":
        return False
    return abs((day - dt.date.fromisoformat(told.value)).days) <= window


def to_record(candidate: Candidate, source: dict[str, Any]) -> dict[str, Any]:
    """The record of a candidate; a candidate without a seller (the text names no supplier:
    an open competition, a purchase whose supplier is not reported) has seller null and XXX
    for the seller in its deal id."""
    seller = candidate.seller
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
        "seller": None if seller is None else party(seller),
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
