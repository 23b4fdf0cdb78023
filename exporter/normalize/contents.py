"""What a package or contract holds, stated after the event itself.

Announcements give the parties first and the items after, in a sentence or a list of their
own: "The US announced an aid package for Ukraine. The package includes:" and one item a
line; "Spain signed a contract with Navantia. The contract covers two tankers." Each system
the items name is a deal of the event that came before.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from exporter.normalize.arguments import origin_state
from exporter.normalize.assemble import Candidate
from exporter.normalize.dates import ResolvedDate
from exporter.normalize.events import Trigger
from exporter.normalize.gazetteer import System
from exporter.normalize.lexicon import cue_regex, events_lexicon
from exporter.normalize.mentions import Mention, generic_systems
from exporter.normalize.wordscan import RareWords


@dataclass
class OpenDeal:
    """An event whose parties the text has given but not yet what it is for."""

    trigger: Trigger
    buyer: Mention
    seller: Mention | None  # None: a kind of weapon whose makers its items will name
    status: str = "reported"
    date: ResolvedDate | None = None
    dated_by_report: bool = False
    listing: bool = False  # a list of its items has begun ("The package includes:")
    waited: int = 0  # sentences read since


@functools.cache
def _contents_cue() -> RareWords:  # few sentences say what a deal holds
    return RareWords(cue_regex(events_lexicon().contents_cues))


@functools.cache
def _list_marker() -> re.Pattern[str]:
    marks = "".join(re.escape(m) for m in events_lexicon().list_markers)
    return re.compile(rf"[{marks}]\s")


def is_list_item(sentence: str) -> bool:
    """A line that begins with a list mark ("- 155 mm ammunition")."""
    return bool(_list_marker().match(sentence))


def names_contents(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] says what a package or contract holds ("The deal covers")."""
    return bool(_contents_cue().search(text, start, end))


def holds_items(deal: OpenDeal, text: str, start: int, end: int, sentence: str) -> bool:
    """Whether a sentence lists what the open event is for: an item of a list that has
    begun, or a sentence that says what the package holds, soon after the event."""
    if deal.listing:
        return is_list_item(sentence)
    return deal.waited <= events_lexicon().contents_wait and names_contents(text, start, end)


def after_sentence(deal: OpenDeal | None, sentence: str, itemised: bool) -> OpenDeal | None:
    """The open event as the next sentence finds it: a list begins after a colon; a list
    ends at a line that is no item; an event waits a few sentences for its contents."""
    if deal is None:
        return None
    if deal.listing and not itemised:
        return None
    deal.waited += 1
    if sentence.rstrip().endswith(":"):
        deal.listing = True
    elif not deal.listing and deal.waited > events_lexicon().contents_wait:
        return None
    return deal


def contents_candidates(
    text: str,
    evidence: tuple[int, int, str],
    mentions: list[Mention],
    deal: OpenDeal,
    own_date: ResolvedDate | None = None,
) -> list[Candidate]:
    """One event of the open deal for each system a sentence of its contents names, by its
    designation or as a kind of weapon ("155 mm artillery ammunition"), of the date the
    sentence gives, if it gives one ("The January cargo included ..."), else the deal's."""
    items = _items(text, evidence, mentions)
    # what the event itself states, and what its words imply beside it
    date, by_report = (own_date, False) if own_date else (deal.date, deal.dated_by_report)
    events = [(deal.trigger.event_type, deal.status, date, by_report)]
    events += [(kind, status, None, False) for kind, status in implied(deal.trigger.text)]
    # an item whose maker the sentence names comes from the maker's state ("22 BAE Hawks and
    # 55 Pilatus PC-21s", in a British contract)
    makers = {m.country for m in mentions if m.kind == "company" and m.country} | {
        i.system.origin for i in items if i.system and _names_its_maker(i)
    }
    return [
        Candidate(
            event_type, deal.buyer, seller, item.system, status, date, by_report, evidence=evidence
        )
        for item in items
        if item.system is not None
        and (
            seller := (
                _maker_state(item.system, deal.buyer)
                if deal.seller is None or item.system.origin in makers - {deal.seller.country}
                else deal.seller
            )
        )
        is not None
        for event_type, status, date, by_report in events
    ]


def _names_its_maker(item: Mention) -> bool:
    """An item written with its maker's name ("Pilatus PC-21")."""
    maker = item.system.maker if item.system else None
    return bool(maker) and item.text.startswith(str(maker).split()[0])


def _maker_state(system: System, buyer: Mention) -> Mention | None:
    """The state an item's maker is from, for an event that named no supplier; none for an
    item of the buyer's own make or of no known origin."""
    if not system.origin or system.origin == buyer.country:
        return None
    return origin_state(system.origin)


def _items(text: str, evidence: tuple[int, int, str], mentions: list[Mention]) -> list[Mention]:
    """The items a sentence of contents names: by designation where it gives one ("anti-tank
    missiles (TOW)"), else as kinds of weapon."""
    start, end, _ = evidence
    return [m for m in mentions if m.kind == "system" and m.system] or [
        g for g in generic_systems(text, start, end, mentions) if g.system
    ]


def items_of_event(
    text: str, evidence: tuple[int, int, str], mentions: list[Mention], event: Candidate
) -> list[Candidate]:
    """ "The package also included six M88A2 recovery vehicles", after a sale of tanks: each
    other platform the sentence names is a deal of that event (its munitions and equipment are
    the event's own system's), from the same seller where the text named one, else from its
    own maker's state."""
    found = []
    for item in _items(text, evidence, mentions):
        system = item.system
        if (
            system is None
            or system.designation == event.system.designation
            or system.category not in events_lexicon().contents_own_deals
        ):
            continue
        seller = event.seller
        if seller is None or seller.how == "origin":
            seller = _maker_state(system, event.buyer)
            if seller is None:
                continue
        found.append(
            dataclasses.replace(
                event, system=system, seller=seller, quantity=None, value=None, evidence=evidence
            )
        )
    return found


@functools.cache
def _implied_rules() -> tuple[tuple[re.Pattern[str], tuple[str, str]], ...]:
    rules = []
    for rule in events_lexicon().implied_events:
        event_type, status = rule.then
        rules.append((re.compile(rule.trigger, re.I), (event_type, status)))
    return tuple(rules)


def implied(trigger_words: str) -> list[tuple[str, str]]:
    """The further events (type, status) a trigger's words state beside their own: an aid
    package is agreed now and delivered later."""
    return [then for pattern, then in _implied_rules() if pattern.fullmatch(trigger_words)]
