"""Competitions: the systems a sentence names as contenders for one buyer's order ("the
vendors, Boeing (F/A-18) and Saab (Gripen), have to reply by July 6"; "the Gripen competes
with the Rafale and the F-16"). Each contender is offered to the buyer: a negotiation of
its own, between the buyer and the contender's state. A system that lost the competitions
of states a sentence lists ("the Rafale lost contracts in Europe: Belgium, Finland ...") was
bought by none of them: a negated agreement each."""

from __future__ import annotations

import functools
import re

from exporter.normalize import dates as dates_
from exporter.normalize.arguments import origin_state
from exporter.normalize.assemble import Candidate
from exporter.normalize.clause import read_clause, read_sentence, status_and_date
from exporter.normalize.discourse import Discourse, main_state
from exporter.normalize.events import Trigger, looks_ahead
from exporter.normalize.lexicon import cue_regex, events_lexicon
from exporter.normalize.mentions import Mention
from exporter.normalize.source import Reference
from exporter.normalize.timing import event_date
from exporter.normalize.wordscan import RareWords


@functools.cache
def _cue() -> RareWords:  # few sentences speak of a competition: the regex only where one may
    return RareWords(cue_regex(events_lexicon().competition_cues))


@functools.cache
def _replaced() -> re.Pattern[str]:
    """Words before a system the buyer has: "to replace its ageing F-16s" names no contender."""
    events = events_lexicon()
    words = events.replaced_windows.words
    return cue_regex(events.replaced_cues, after=rf"\s+(?:[\w/-]+\s+){{0,{words}}}$")


def contenders(
    text: str,
    evidence: tuple[int, int, str],
    mentions: list[Mention],
    found_dates: list[dates_.DateMention],
    discourse: Discourse,
    when: tuple[Reference, dates_.ResolvedDate | None],
) -> list[Candidate]:
    """One negotiation per system a competition sentence lists (two at least), for the
    buyer the sentence or the article names; [] for a sentence of no competition."""
    start, end, _ = evidence
    cue = _cue().search(text, start, end)
    if cue is None:
        return []
    reach = events_lexicon().replaced_windows.before
    systems = list(
        {
            m.system.designation: m
            for m in mentions
            if m.kind == "system"
            and m.system
            and not m.system.generic
            and not _replaced().search(text, max(start, m.start - reach), m.start)
        }.values()
    )
    origins = {m.system.origin for m in systems if m.system}
    buyer = _buyer(mentions, origins, discourse)
    if len(systems) < 2 or buyer is None:
        return []
    trigger = Trigger(cue.start(), cue.end(), cue.group(), "negotiation", True)
    clause = read_clause(read_sentence(text, start, end, mentions, [trigger], found_dates), trigger)
    if clause is None:
        return []
    status, date, by_report = status_and_date(clause, *when)
    if status == "reported" and looks_ahead(text, cue.end(), end):
        # the contenders "will have to reply by July 6": the verb may stand far after the list
        reference, previous = when
        date, by_report = event_date(
            trigger,
            found_dates,
            clause.sentence.attribution,
            reference,
            "planned",
            previous,
            (clause.start, clause.end),
            [],
            text,
        )
        status = "planned"
    if by_report:
        # a competition is told as background: its offers are of no day but one the text
        # gives, and so join an offer the article dates ("offered it in 2024")
        date, by_report = None, False
    return [
        Candidate(
            "negotiation",
            buyer,
            origin_state(system.origin) if system.origin else None,
            system,
            status,
            date,
            by_report,
            evidence=evidence,
        )
        for system in (m.system for m in systems if m.system)
        if system.origin != buyer.country
    ]


def _buyer(
    mentions: list[Mention], origins: set[str | None], discourse: Discourse
) -> Mention | None:
    """Whose order it is: the one state the sentence names that makes none of the
    contenders; else the state the article speaks of most; else the buyer of the article's
    last deal, where neither makes a contender."""
    states = {
        m.country: m
        for m in mentions
        if m.kind == "country" and m.country and m.country not in origins
    }
    if len(states) == 1:
        return next(iter(states.values()))
    if states:
        return None  # several states besides the contenders': whose order is unclear
    main = main_state(discourse)
    if main is not None and main.country not in origins:
        return main
    last = discourse.events[-1].buyer if discourse.events else None
    return last if last is not None and last.country not in origins else None


@functools.cache
def _lost() -> RareWords:
    return RareWords(cue_regex(events_lexicon().lost_cues))


def lost_competitions(
    text: str, evidence: tuple[int, int, str], mentions: list[Mention]
) -> list[Candidate]:
    """One negated agreement per state a sentence lists after a system lost there: the
    system named before the loss, each state after it that does not make it."""
    start, end, _ = evidence
    cue = _lost().search(text, start, end)
    if cue is None:
        return []
    loser = next((m.system for m in reversed(mentions) if m.system and m.end <= cue.start()), None)
    if loser is None or loser.generic or not loser.origin:
        return []
    states = {
        m.country: m
        for m in mentions
        if m.kind == "country" and m.how == "name" and m.start >= cue.end() and m.country
    }
    seller = origin_state(loser.origin)
    return [
        Candidate("agreement", state, seller, loser, "negated", evidence=evidence)
        for code, state in states.items()
        if code != loser.origin
    ]
