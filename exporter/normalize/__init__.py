"""The normalizer: an Article in, one procurement-event record per event it states.

segment -> mentions -> events -> arguments -> dates -> assemble; each stage a module of
plain functions over plain data. `normalize` is pure: the same article gives the same
records, so it runs the same on one core, many processes or a cluster.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from exporter.articles import Article
from exporter.normalize import dates as dates_
from exporter.normalize.amounts import Money, Quantity
from exporter.normalize.arguments import (
    _is_object,
    assign_roles,
    coordinated,
    event_systems,
    origin_state,
)
from exporter.normalize.assemble import Candidate, content_id, merge, to_record
from exporter.normalize.clause import Clause, read_clause, read_sentence, status_and_date
from exporter.normalize.events import find_triggers, inside, is_definitional
from exporter.normalize.mentions import Mention, actors, find_mentions, weapon_kinds
from exporter.normalize.segment import Sentence, segment
from exporter.normalize.source import Reference, ascii_uri, home_state, reference_date
from exporter.normalize.timing import last_date
from exporter.resources import load_data

__all__ = ["ascii_uri", "normalize", "reference_date"]


_PRONOUN_SUBJECT = re.compile(
    r"(?:^[\s\"“”]*|[,;]\s*|\b(?:and|but|then|year|month|week)\s+)"
    r"(?:it|they|the country|the kingdom|the government|the federal government|the ministry|"
    r"the service|the air force|the navy|the army|the military|the armed forces)"
    r"(?:,[^,]{0,40},)?\s+(?:\w+\s+){0,2}$",  # "The Service, within five years, has"
    re.I,
)


@dataclass
class ArticleState:
    """What the reading of one article has gathered so far."""

    reference: Reference
    home: Mention | None  # the state the dateline or the issuing ministry speaks for
    people: dict[str, Mention] = field(default_factory=dict)
    context: list[Candidate] = field(default_factory=list)  # "the contract" continues these
    speaker: Mention | None = None  # the state of who speaks in the sentence being read
    sentence_start: int = 0  # where the sentence before began
    # the systems each sentence so far named: "the gun" after a sentence that named the Caesar
    named: list[list[Mention]] = field(default_factory=list)
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
        facts = read_sentence(text, s, e, mentions, triggers, date_mentions)
        state.speaker = next(
            (m for m in mentions if m.kind == "country" and inside(m.start, facts.attribution)),
            None,
        )
        people = actors(mentions, state.people, sentence.text)
        for trigger in triggers:
            clause = read_clause(facts, trigger)
            if clause is not None:
                found += _clause_candidates(clause, state, people, (s, e, sentence.text))
    state.previous_date = latest_date or state.previous_date
    state.named.append([m for m in mentions if m.kind == "system"])
    state.sentence_start = s
    return found


def _clause_candidates(
    clause: Clause,
    state: ArticleState,
    people: list[dict[str, Any]],
    evidence: tuple[int, int, str],
) -> list[Candidate]:
    """The events of one clause: one per system it is about, and per party listed."""
    status, when, by_report = status_and_date(clause, state.reference, state.previous_date)
    chosen = _event_objects(clause, state)
    found: list[Candidate] = []
    for system in chosen:
        candidate = _candidate(clause, system, state)
        if candidate is None:
            continue
        candidate.status, candidate.date, candidate.dated_by_report = status, when, by_report
        candidate.quantity = _amount_for(clause.quantities(), system, clause.trigger, len(chosen))
        candidate.value = _amount_for(clause.sentence.money, system, clause.trigger, len(chosen))
        candidate.actors = people
        candidate.evidence = evidence
        found += _one_per_listed_party(candidate, clause.sentence.content, clause.text)
    return found


def _one_per_listed_party(
    candidate: Candidate, content: list[Mention], text: str
) -> list[Candidate]:
    """One event per buyer (and per seller) the text lists together: "exported to Turkey,
    Poland and India" is three deals."""
    found = [candidate]
    for side in ("buyer", "seller"):
        other = "seller" if side == "buyer" else "buyer"
        expanded = []
        for event in found:
            party: Mention = getattr(event, side)
            listed = coordinated(party, content, text)
            if getattr(event, other) in listed:
                expanded.append(event)  # both sides from one list: the list names neither
                continue
            for member in listed:
                if member is party:
                    expanded.append(event)
                elif member.country != getattr(event, other).country:
                    expanded.append(
                        dataclasses.replace(event, buyer=member)
                        if side == "buyer"
                        else dataclasses.replace(event, seller=member)
                    )
        found = expanded
    return found


def _event_objects(clause: Clause, state: ArticleState) -> list[Mention | None]:
    """The systems an event is about: those named in its clause; else the kind of weapon its
    clause names; else a system named elsewhere in the sentence."""
    named_in_clause = any(clause.start <= m.start < clause.end for m in clause.sentence.systems)
    generic_in_clause = any(clause.start <= g.start < clause.end for g in clause.sentence.generics)
    if named_in_clause or not generic_in_clause:
        chosen = event_systems(clause)
        if chosen:
            return list(chosen)
    return _generic_object(clause, state)


_PLACE_OR_MEANS = re.compile(
    r"\b(?:aboard|on|onto|in|into|at|by|with|via|from|near|against|over|under)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def _generic_object(clause: Clause, state: ArticleState) -> list[Mention | None]:
    """For an event that names no system: the kind of weapon its clause names ("two offshore
    patrol vessels"), unless an earlier deal of that kind is what the clause continues ("the
    frigates" after the frigate deal); None lets the deal the sentence continues decide."""
    # its object ("signed for two patrol vessels") or its subject ("the corvettes were
    # delivered"); not a noun after a preposition ("arrived aboard a cargo aircraft")
    text, trigger, generics = clause.text, clause.trigger, clause.sentence.generics
    objects = [
        g
        for g in generics
        if trigger.end <= g.start < clause.end
        and _is_object(text[trigger.end : g.start])
        and not _PLACE_OR_MEANS.search(text[trigger.end : g.start])
    ]
    subjects = [
        g
        for g in generics
        if clause.start <= g.end <= trigger.start
        and not _PLACE_OR_MEANS.search(text[max(clause.start, g.start - 30) : g.start])
    ]
    chosen = objects[:1] or subjects[-1:]
    if not chosen:
        return [None]
    categories = {c.system.category for c in state.context}
    if chosen[0].system and chosen[0].system.category in categories:
        return [None]
    return list(chosen)


@functools.cache
def _domestic_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(load_data('roles.yaml')['domestic_cues'])})\b", re.I)


def _candidate(
    clause: Clause, system_mention: Mention | None, state: ArticleState
) -> Candidate | None:
    """Deal of one event: its parties from the sentence, what it leaves out from the deal the
    sentence continues, the buyer last from the article's home state."""
    text, trigger = clause.text, clause.trigger
    clause_start, clause_end = clause.start, clause.end
    roles = assign_roles(clause, system_mention, state.home.country if state.home else None)
    if roles.no_buyer or roles.no_seller:
        return None
    system = system_mention.system if system_mention else None
    buyer, seller = roles.buyer, roles.seller
    kinds = weapon_kinds(text, clause_start, clause_end)
    if system is None and not kinds and _PRONOUN_SUBJECT.search(text[clause_start : trigger.start]):
        # "It has been exported to ...": the system the sentence before was about, its subject
        before = state.named[-1] if state.named else []
        subject = [m for m in before if m.system and m.start - state.sentence_start < 30]
        named = {m.system.designation: m.system for m in before if m.system}
        if subject and subject[0].system:
            system = subject[0].system
        elif len(named) == 1:
            system = next(iter(named.values()))
    prior = _continued_deal(state.context, system, buyer, seller, kinds)
    if system is None and prior is None and kinds:
        # no deal yet of this kind: the system of this kind the sentence before named ("the
        # gun" after the Caesar); further back, the reference is too loose to follow
        recent = [m.system for m in (state.named[-1] if state.named else []) if m.system]
        system = next((s for s in reversed(recent) if s.category in kinds), None)
    continued = False  # parties taken whole from the deal the sentence continues
    if prior is not None:
        system = system or prior.system
        if buyer is None and (seller is None or prior.buyer.country != seller.country):
            buyer = prior.buyer
            continued = seller is None
        seller = seller or prior.seller
    if (
        buyer is None
        and system is not None
        and (state.speaker or state.context)
        and _PRONOUN_SUBJECT.search(text[clause_start : trigger.start])
    ):
        # "X's minister stated that the country had purchased": the speaker's state; "It
        # received six MiG-29s": the state the article has been speaking of, the buyer of its
        # latest event
        latest = state.speaker or state.context[-1].buyer
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
    if buyer is None and system is not None and seller is not None and state.context:
        # no buyer in the words: the state the article's deals are for, when they are all
        # for one state ("the leasing of two Akula-class submarines", in an article on India)
        buyers = {c.buyer.country for c in state.context}
        if len(buyers) == 1 and state.context[-1].buyer.country != seller.country:
            buyer = state.context[-1].buyer
    if (
        buyer is not None
        and seller is not None
        and buyer.country == seller.country
        and not roles.sure_buyer
        and not (continued and prior is not None and prior.buyer.country == prior.seller.country)
        and not _domestic_cue().search(text, clause.sentence.start, clause_end)
    ):
        # a state buying its own system needs words that say so ("Germany ordered", "for the
        # Indian Army"); a guess that lands on the seller's state is a wrong guess
        buyer = prior.buyer if prior is not None and prior.buyer.country != seller.country else None
    if system is None or buyer is None or seller is None or seller.country is None:
        return None
    return Candidate(
        trigger.event_type, "reported", None, buyer, seller, system, None, None, [], (0, 0, "")
    )


_Amount = TypeVar("_Amount", Quantity, Money)


def _amount_for(
    found: list[_Amount], system: Mention | None, trigger: Any, systems: int
) -> _Amount | None:
    """The amount written with a system ("six Rafale aircraft" includes it, "€1 billion" stands
    next to it); with one system in play, the amount nearest the trigger."""
    if system is not None:
        for amount in found:
            if amount.start <= system.start and system.end <= amount.end + 2:
                return amount
    if systems > 1 or not found:
        return None
    return min(found, key=lambda f: abs(f.start - trigger.start))


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
        if (
            system is not None
            and earlier.system.designation != system.designation
            and not (earlier.system.generic and earlier.system.category == system.category)
        ):
            continue  # a named system continues the deal for its kind ("helicopters")
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
