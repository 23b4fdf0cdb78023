"""Discourse: what a sentence continues from the sentences before it.

"The contract", "it", "the gun", "the country" name no deal, system or state themselves:
they continue one the article has already named. `Discourse` keeps what an article has
named so far, and the functions here say what such words continue.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from exporter.normalize.arguments import is_agency, seller_verb
from exporter.normalize.assemble import Candidate
from exporter.normalize.clause import Clause
from exporter.normalize.contents import OpenDeal
from exporter.normalize.events import inside
from exporter.normalize.gazetteer import System
from exporter.normalize.lexicon import alternatives, grammar_lexicon, roles_lexicon
from exporter.normalize.mentions import Mention


@dataclass(slots=True)
class Discourse:
    """What an article has named so far, for the words that continue it."""

    home: Mention | None  # the state the dateline or the issuing ministry speaks for
    events: list[Candidate] = field(default_factory=list)  # "the contract" continues these
    speaker: Mention | None = None  # the state of who speaks in the sentence being read
    speaking_maker: Mention | None = None  # the company that speaks: "X said it had won"
    speaking_agency: Mention | None = None  # the ministry that speaks: ", the Pentagon said"
    # the systems each sentence so far named: "the gun" after a sentence that named the Caesar
    named: list[list[Mention]] = field(default_factory=list)
    sentence_start: int = 0  # where the sentence before began
    # the states the paragraph's contract is for ("Foreign Military Sales to A and B")
    beneficiaries: list[Mention] = field(default_factory=list)
    # an event whose parties are known and whose items may follow ("an aid package for X")
    open_deal: OpenDeal | None = None
    # how often the article so far has named each state, and where it first did
    states: Counter[str] = field(default_factory=Counter)
    first_named: dict[str, Mention] = field(default_factory=dict)


def country_of(party: Mention | None) -> str | None:
    """The party's state; None for no party (a deal whose seller the text does not name)."""
    return party.country if party is not None else None


def note_states(discourse: Discourse, mentions: list[Mention]) -> None:
    """A sentence's states counted, each first mention kept: whom "the army" is."""
    for mention in mentions:
        if mention.kind == "country" and mention.country:
            discourse.states[mention.country] += 1
            discourse.first_named.setdefault(mention.country, mention)


def main_state(discourse: Discourse) -> Mention | None:
    """The state the article so far names most, at least twice and more than any other:
    whom "the army" or "the government" is, before any event has a buyer."""
    ranked = discourse.states.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return discourse.first_named[ranked[0][0]]


@functools.cache
def _epithet() -> re.Pattern[str]:
    nouns = alternatives(roles_lexicon().epithet_nouns)
    the = alternatives(grammar_lexicon().definite_articles)
    return re.compile(rf"\b{the}\s(?:[A-Z][a-z]+\s){{1,2}}{nouns}\b")


def epithet_states(
    discourse: Discourse, text: str, start: int, end: int, mentions: list[Mention]
) -> list[Mention]:
    """ "The Oceanic country", "the Gulf state": the state the article names most, where the
    sentence does not name it itself."""
    state = main_state(discourse)
    if state is None or any(m.country == state.country for m in mentions):
        return []
    return [
        Mention("country", found.start(), found.end(), found.group(), state.country, "epithet")
        for found in _epithet().finditer(text, start, end)
    ]


def hear_speakers(
    discourse: Discourse, mentions: list[Mention], attribution: list[tuple[int, int]]
) -> None:
    """Who speaks in the sentence being read ("X said"): its state, the company, the
    ministry; what the sentence's "it" or "the country" may stand for."""
    said = [m for m in mentions if inside(m.start, attribution)]
    discourse.speaker = next((m for m in said if m.kind == "country"), None)
    discourse.speaking_maker = next(
        (m for m in said if m.kind == "company" and not is_agency(m)), None
    )
    discourse.speaking_agency = next((m for m in said if is_agency(m)), None)


def remember_sentence(discourse: Discourse, start: int, mentions: list[Mention]) -> None:
    """A sentence read: the systems it named are what the next one's "it" may mean."""
    discourse.named.append([m for m in mentions if m.kind == "system"])
    discourse.sentence_start = start


def beneficiary_buyer(
    discourse: Discourse, buyer: Mention | None, seller: Mention | None
) -> Mention | None:
    """A contract for the states its paragraph names: the first of them buys, where the words
    name no buyer or name the seller's own state."""
    if discourse.beneficiaries and (
        buyer is None or (seller is not None and buyer.country == seller.country)
    ):
        return discourse.beneficiaries[0]
    return buyer


def speaking_seller(discourse: Discourse, clause: Clause, seller: Mention | None) -> Mention | None:
    """ "Fincantieri announced that it had won a contract": the maker that speaks sells, over
    a seller guessed from the system's origin."""
    if (
        discourse.speaking_maker is not None
        and (seller is None or seller.how == "origin")
        and seller_verb(clause.trigger.text.split()[0])
        and has_pronoun_subject(clause)
    ):
        return discourse.speaking_maker
    return seller


def speaker_buyer(discourse: Discourse, clause: Clause, seller: Mention | None) -> Mention | None:
    """ "X's minister stated that the country had purchased", "a contract could be signed next
    month, Belgian officials said": the speaker's state, before any deal the article told of
    earlier, for a clause whose subject continues a party or names none; never the seller's
    own state."""
    speaker = discourse.speaker
    if (
        speaker is not None
        and (seller is None or seller.country != speaker.country)
        and (has_pronoun_subject(clause) or not _party_before(clause))
    ):
        return speaker
    return None


def _party_before(clause: Clause) -> bool:
    """Whether a state or firm stands in the clause before its trigger."""
    start, end = clause.start, clause.trigger.start
    return any(
        m.kind in ("country", "company") and start <= m.start < end
        for m in clause.sentence.mentions
    )


def has_pronoun_subject(clause: Clause) -> bool:
    """The clause's subject is a word that continues an earlier one ("it", "they", "the
    country", "the navy")."""
    return bool(_pronoun_subject().search(clause.text[clause.start : clause.trigger.start]))


@functools.cache
def _pronoun_subject() -> re.Pattern[str]:
    """A continuing subject at the end of the words before a trigger, after the start of its
    clause or an opening word, with an aside ("The Service, within five years, has")."""
    roles = roles_lexicon()
    reach = roles.role_windows
    return re.compile(
        rf"(?:^[\s\"“”]*|[,;]\s*|\b{alternatives(roles.subject_openers)}\s+)"
        rf"{alternatives(roles.continuing_subjects)}"
        rf"(?:,[^,]{{0,{reach.subject_aside}}},)?\s+(?:\w+\s+){{0,{reach.subject_words}}}$",
        re.I,
    )


def subject_before(discourse: Discourse) -> System | None:
    """ "It has been exported to ...": the system the sentence before was about, its subject,
    else the one system it named."""
    before = discourse.named[-1] if discourse.named else []
    reach = roles_lexicon().role_windows.sentence_subject
    subject = [m for m in before if m.system and m.start - discourse.sentence_start < reach]
    named = {m.system.designation: m.system for m in before if m.system}
    if subject and subject[0].system:
        return subject[0].system
    if len(named) == 1:
        return next(iter(named.values()))
    return None


def recent_system(discourse: Discourse, kinds: frozenset[str] | None) -> System | None:
    """The system of one of these kinds (None: of any) the sentence before named ("the gun"
    after the Caesar); further back, the reference is too loose to follow."""
    recent = [m.system for m in (discourse.named[-1] if discourse.named else []) if m.system]
    return next((s for s in reversed(recent) if kinds is None or s.category in kinds), None)


@functools.cache
def _same_system() -> re.Pattern[str]:
    return re.compile(rf"\b{grammar_lexicon().same_system}", re.I)


def same_system(discourse: Discourse, clause: Clause) -> System | None:
    """ "Ordered ten batteries of the same system": the system the sentence before named."""
    if not _same_system().search(clause.text, clause.start, clause.end):
        return None
    return recent_system(discourse, None)


def article_system(
    discourse: Discourse,
    kinds: frozenset[str],
    clause: Clause,
    buyer: Mention | None,
    seller: Mention | None,
) -> System | None:
    """The one named system of the kinds a clause names ("24 aircraft") that the article's
    deals so far are about, for a buyer that is the clause's subject: in an article on one
    fighter's export orders, "Greece ordered 18 aircraft" is another order for it. None where
    the deals name several of that kind."""
    named = {
        c.system.designation: c.system
        for c in discourse.events
        if c.system.category in kinds and not c.system.generic
    }
    topic = next(iter(named.values())) if len(named) == 1 else None
    if (
        topic is not None
        and buyer is not None
        and buyer.start < clause.trigger.start
        and (seller is None or seller.country == topic.origin)
    ):
        return topic
    return None


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
            country_of(earlier.seller),
        ):
            continue
        if seller is not None and seller.country not in (
            country_of(earlier.seller),
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
    latest event, or before any event the state it names most ("The army was equipped");
    never the seller's own state."""
    if not (
        discourse.speaker or discourse.events or main_state(discourse)
    ) or not has_pronoun_subject(clause):
        return None
    latest = discourse.speaker or (discourse.events[-1].buyer if discourse.events else None)
    latest = latest or main_state(discourse)
    if latest is not None and (seller is None or latest.country != seller.country):
        return latest
    return None


def agency_buyer(discourse: Discourse, seller: Mention | None) -> Mention | None:
    """ "Electric Boat will build six submarines, the Pentagon said": the ministry that
    announces its own industry's work ordered it."""
    agency = discourse.speaking_agency
    if seller is not None and agency is not None and agency.country == seller.country:
        return agency
    return None


def home_buyer(discourse: Discourse, seller: Mention | None) -> Mention | None:
    """The state the article speaks for, unless it is the seller's."""
    home = discourse.home
    if home is not None and (seller is None or seller.country != home.country):
        return home
    return None


def sole_buyer(
    discourse: Discourse, seller: Mention, earlier: list[Candidate] | None = None
) -> Mention | None:
    """No buyer in the words: the state the deals are for, when they are all for one state:
    the sentence's deals so far, else the article's ("the leasing of two Akula-class
    submarines", in an article on India)."""
    events = earlier or discourse.events
    if not events:
        return None
    buyers = {c.buyer.country for c in events}
    latest = events[-1].buyer
    if len(buyers) == 1 and latest.country != seller.country:
        return latest
    return None
