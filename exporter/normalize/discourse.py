"""Discourse: what a sentence continues from the sentences before it.

"The contract", "it", "the gun", "the country" name no deal, system or state themselves:
they continue one the article has already named. `Discourse` keeps what an article has
named so far, and the functions here say what such words continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.normalize.assemble import Candidate
from exporter.normalize.clause import Clause
from exporter.normalize.gazetteer import System
from exporter.normalize.mentions import Mention

_PRONOUN_SUBJECT = re.compile(
    r"(?:^[\s\"“”]*|[,;]\s*|\b(?:and|but|then|year|month|week)\s+)"
    r"(?:it|they|the country|the kingdom|the government|the federal government|the ministry|"
    r"the service|the air force|the navy|the army|the military|the armed forces)"
    r"(?:,[^,]{0,40},)?\s+(?:\w+\s+){0,2}$",  # "The Service, within five years, has"
    re.I,
)


@dataclass(slots=True)
class Discourse:
    """What an article has named so far, for the words that continue it."""

    home: Mention | None  # the state the dateline or the issuing ministry speaks for
    events: list[Candidate] = field(default_factory=list)  # "the contract" continues these
    speaker: Mention | None = None  # the state of who speaks in the sentence being read
    # the systems each sentence so far named: "the gun" after a sentence that named the Caesar
    named: list[list[Mention]] = field(default_factory=list)
    sentence_start: int = 0  # where the sentence before began


def remember_sentence(discourse: Discourse, start: int, mentions: list[Mention]) -> None:
    """A sentence read: the systems it named are what the next one's "it" may mean."""
    discourse.named.append([m for m in mentions if m.kind == "system"])
    discourse.sentence_start = start


def has_pronoun_subject(clause: Clause) -> bool:
    """The clause's subject is a word that continues an earlier one ("it", "they", "the
    country", "the navy")."""
    return bool(_PRONOUN_SUBJECT.search(clause.text[clause.start : clause.trigger.start]))


def subject_before(discourse: Discourse) -> System | None:
    """ "It has been exported to ...": the system the sentence before was about, its subject,
    else the one system it named."""
    before = discourse.named[-1] if discourse.named else []
    subject = [m for m in before if m.system and m.start - discourse.sentence_start < 30]
    named = {m.system.designation: m.system for m in before if m.system}
    if subject and subject[0].system:
        return subject[0].system
    if len(named) == 1:
        return next(iter(named.values()))
    return None


def recent_system(discourse: Discourse, kinds: frozenset[str]) -> System | None:
    """The system of one of these kinds the sentence before named ("the gun" after the
    Caesar); further back, the reference is too loose to follow."""
    recent = [m.system for m in (discourse.named[-1] if discourse.named else []) if m.system]
    return next((s for s in reversed(recent) if s.category in kinds), None)


def continued_deal(
    events: list[Candidate],
    system: System | None,
    buyer: Mention | None,
    seller: Mention | None,
    kinds: frozenset[str] = frozenset(),
) -> Candidate | None:
    """The earlier event a sentence continues: the latest one that agrees with what the
    sentence does say (its system, its parties, the kind of weapon it names: "the frigate"
    continues the frigate deal, not the fighter deal announced after it)."""
    if kinds and system is None:
        fitting = [c for c in events if c.system.category in kinds]
        found = continued_deal(fitting, system, buyer, seller)
        if found is not None:
            return found
    for earlier in reversed(events):
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


def continues_kind(discourse: Discourse, category: str) -> bool:
    """An earlier deal is of this kind: "the frigates" may continue it."""
    return any(c.system.category == category for c in discourse.events)


def buyer_spoken_of(discourse: Discourse, clause: Clause, seller: Mention | None) -> Mention | None:
    """ "X's minister stated that the country had purchased": the speaker's state; "It
    received six MiG-29s": the state the article has been speaking of, the buyer of its
    latest event; never the seller's own state."""
    if not (discourse.speaker or discourse.events) or not has_pronoun_subject(clause):
        return None
    latest = discourse.speaker or discourse.events[-1].buyer
    if seller is None or latest.country != seller.country:
        return latest
    return None


def home_buyer(discourse: Discourse, seller: Mention | None) -> Mention | None:
    """The state the article speaks for, unless it is the seller's."""
    home = discourse.home
    if home is not None and (seller is None or seller.country != home.country):
        return home
    return None


def sole_buyer(discourse: Discourse, seller: Mention) -> Mention | None:
    """No buyer in the words: the state the article's deals are for, when they are all for
    one state ("the leasing of two Akula-class submarines", in an article on India)."""
    if not discourse.events:
        return None
    buyers = {c.buyer.country for c in discourse.events}
    latest = discourse.events[-1].buyer
    if len(buyers) == 1 and latest.country != seller.country:
        return latest
    return None
