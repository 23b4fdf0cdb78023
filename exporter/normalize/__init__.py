"""The normalizer: an Article in, one procurement-event record per event it states.

segment -> mentions -> events -> arguments -> dates -> assemble; each stage a module of
plain functions over plain data. `normalize` is pure: the same article gives the same
records, so it runs the same on one core, many processes or a cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from exporter.articles import Article
from exporter.normalize import dates as dates_
from exporter.normalize.arguments import (
    assign_roles,
    event_systems,
    find_money,
    find_quantities,
    origin_state,
)
from exporter.normalize.assemble import Candidate, content_id, merge, to_record
from exporter.normalize.events import (
    attribution_spans,
    clause_window,
    find_triggers,
    inside,
    is_definitional,
    is_descriptive,
    is_weak,
    status_of,
    topic_triggers,
)
from exporter.normalize.mentions import Mention, actors, find_mentions, weapon_kinds
from exporter.normalize.segment import Sentence, segment
from exporter.normalize.source import Reference, ascii_uri, home_state, reference_date
from exporter.normalize.timing import event_date, last_date, status_by_date

__all__ = ["ascii_uri", "normalize", "reference_date"]


_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but|then|year|month|week)\s+)"
    r"(?:it|they|the country|the kingdom|the government)\s+"
    r"(?:\w+\s+){0,2}$",
    re.I,
)


@dataclass
class ArticleState:
    """What the reading of one article has gathered so far."""

    reference: Reference
    home: Mention | None  # the state the dateline or the issuing ministry speaks for
    people: dict[str, Mention] = field(default_factory=dict)
    context: list[Candidate] = field(default_factory=list)  # "the contract" continues these
    previous_date: dates_.ResolvedDate | None = None


def normalize(article: Article, *, published: str | None = None) -> list[dict[str, Any]]:
    """The procurement-event records an article states, in text order."""
    text = article.text
    parts = segment(text)
    reference = reference_date(article.published or published, parts.dateline, text)
    source = {
        "id": content_id(text),
        "publisher": article.publisher,
        "url": ascii_uri(article.url),
        "title": article.title or parts.headline,
        "published": article.published
        or published
        or (reference.date.isoformat() if reference.date else None),
        "dateline": parts.dateline.text if parts.dateline else None,
        "language": article.language,
        "published_inferred": not (article.published or published) and reference.inferred,
    }
    state = ArticleState(reference, home_state(parts.dateline))
    candidates: list[Candidate] = []
    for sentence in parts.sentences:
        found = sentence_candidates(text, sentence, state)
        candidates += found
        state.context += found
    return [to_record(c, source) for c in merge(candidates)]


def sentence_candidates(text: str, sentence: Sentence, state: ArticleState) -> list[Candidate]:
    """The events one sentence states, each with its deal, status, date and amounts."""
    s, e = sentence.start, sentence.end
    mentions = find_mentions(text, s, e)
    for mention in mentions:
        if mention.kind == "person":
            state.people.setdefault(mention.text, mention)
    triggers = find_triggers(text, s, e)
    date_mentions = dates_.find_dates(text, s, e)
    latest_date = last_date(date_mentions, state.reference, state.previous_date)
    found: list[Candidate] = []
    if triggers and not is_definitional(text, s, e, mentions):
        attribution = attribution_spans(text, s, e)
        topics = topic_triggers(text, triggers)
        money = [v for v in find_money(text, s, e) if not inside(v[0], attribution)]
        # "39.3 billion Swedish crowns" names a currency, not a party
        content = [
            m
            for m in mentions
            if not inside(m.start, attribution) and not any(v[0] <= m.start < v[1] for v in money)
        ]
        systems = [m for m in content if m.kind == "system"]
        # a number inside a system's name ("Leopard 2 tanks") counts nothing
        quantities = [
            q
            for q in find_quantities(text, s, e)
            if not inside(q[0], attribution) and not any(m.start <= q[0] < m.end for m in systems)
        ]
        people = actors(mentions, state.people, sentence.text)
        for trigger in triggers:
            if trigger in topics or inside(trigger.start, attribution):
                continue
            left, right = clause_window(text, trigger, s, e)
            if is_weak(trigger) and not _weapon_in(systems, quantities, text, left, right):
                continue
            if is_descriptive(text, trigger, systems):
                continue
            following = [t.start for t in triggers if t.start >= trigger.end and t not in topics]
            status = status_of(text, trigger, s, e, min(following, default=None))
            rivals = [
                t
                for t in triggers
                if t is not trigger and t not in topics and not is_descriptive(text, t, systems)
            ]
            when, by_report = event_date(
                trigger,
                date_mentions,
                attribution,
                state.reference,
                status,
                state.previous_date,
                (left, right),
                rivals,
                text,
            )
            status, when, by_report = status_by_date(status, when, by_report, state.reference)
            systems_of_event = event_systems(text, trigger, systems, left, right)
            chosen: list[Mention | None] = [*systems_of_event] or [None]
            for system in chosen:
                candidate = _candidate(text, trigger, system, content, s, left, right, state)
                if candidate is None:
                    continue
                candidate.status, candidate.date, candidate.dated_by_report = (
                    status,
                    when,
                    by_report,
                )
                in_clause = [q for q in quantities if left <= q[0] < right]
                candidate.quantity = _amount_for(in_clause, system, trigger, len(chosen))
                candidate.value = _amount_for(money, system, trigger, len(chosen))
                candidate.actors = people
                candidate.evidence = (s, e, sentence.text)
                found.append(candidate)
    state.previous_date = latest_date or state.previous_date
    return found


def _weapon_in(
    systems: list[Mention],
    quantities: list[tuple[int, int, Any]],
    text: str,
    left: int,
    right: int,
) -> bool:
    """A system, a number of units or a weapon noun ("the helicopters arrived") in a clause."""
    return (
        any(left <= m.start < right for m in systems)
        or any(left <= q[0] < right for q in quantities)
        or bool(weapon_kinds(text, left, right))
    )


def _candidate(
    text: str,
    trigger: Any,
    system_mention: Mention | None,
    content: list[Mention],
    sentence_start: int,
    clause_start: int,
    clause_end: int,
    state: ArticleState,
) -> Candidate | None:
    """Deal of one event: its parties from the sentence, what it leaves out from the deal the
    sentence continues, the buyer last from the article's home state."""
    home = state.home.country if state.home else None
    roles = assign_roles(
        text, trigger, content, system_mention, sentence_start, clause_start, clause_end, home
    )
    if roles.no_buyer or roles.no_seller:
        return None
    system = system_mention.system if system_mention else None
    buyer, seller = roles.buyer, roles.seller
    kinds = weapon_kinds(text, clause_start, clause_end)
    prior = _continued_deal(state.context, system, buyer, seller, kinds)
    if prior is not None:
        system = system or prior.system
        if buyer is None and (seller is None or prior.buyer.country != seller.country):
            buyer = prior.buyer
        seller = seller or prior.seller
    if (
        buyer is None
        and system is not None
        and state.context
        and _PRONOUN_SUBJECT.search(text[clause_start : trigger.start])
    ):
        # "It received six MiG-29s", "Last year it took delivery": the state the article
        # has been speaking of, the buyer of its latest event
        latest = state.context[-1].buyer
        if seller is None or latest.country != seller.country:
            buyer = latest
    if (
        buyer is None
        and system is not None
        and state.home is not None
        and (seller is None or seller.country != state.home.country)
    ):
        buyer = state.home
    if seller is None and system is not None and system.origin:
        seller = origin_state(system.origin)
    if (
        buyer is not None
        and seller is not None
        and buyer.country == seller.country
        and not roles.sure_buyer
    ):
        # a state buying its own system needs words that say so ("Germany ordered", "for the
        # Indian Army"); a guess that lands on the seller's state is a wrong guess
        buyer = prior.buyer if prior is not None and prior.buyer.country != seller.country else None
    if system is None or buyer is None or seller is None or seller.country is None:
        return None
    return Candidate(
        trigger.event_type, "reported", None, buyer, seller, system, None, None, [], (0, 0, "")
    )


def _amount_for(
    found: list[tuple[int, int, dict[str, Any]]], system: Mention | None, trigger: Any, systems: int
) -> dict[str, Any] | None:
    """The amount written with a system ("six Rafale aircraft" includes it, "€1 billion" stands
    next to it); with one system in play, the amount nearest the trigger."""
    if system is not None:
        for start, end, value in found:
            if start <= system.start and system.end <= end + 2:
                return value
    if systems > 1 or not found:
        return None
    return min(found, key=lambda f: abs(f[0] - trigger.start))[2]


def _continued_deal(
    context: list[Candidate],
    system: Any,
    buyer: Mention | None,
    seller: Mention | None,
    kinds: frozenset[str] = frozenset(),
) -> Candidate | None:
    """The earlier event a sentence continues: the latest one that agrees with what the
    sentence does say (its system, its parties, the kind of weapon it names: "the frigate"
    continues the frigate deal, not the fighter deal announced after it)."""
    if kinds and system is None:
        fitting = [c for c in context if c.system.category in kinds]
        found = _continued_deal(fitting, system, buyer, seller)
        if found is not None:
            return found
    for earlier in reversed(context):
        if system is not None and earlier.system.designation != system.designation:
            continue
        if buyer is not None and buyer.country not in (
            earlier.buyer.country,
            earlier.seller.country,
        ):
            continue
        if seller is not None and seller.country not in (
            earlier.seller.country,
            earlier.buyer.country,
        ):
            continue
        return earlier
    return None
