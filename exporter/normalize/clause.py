"""Clauses: one trigger with the words of its sentence that speak for it.

A sentence is read once for what all its triggers share (mentions, attribution, dates,
systems, amounts: `SentenceFacts`); each trigger that states an event then gets a `Clause`,
its window in that sentence, which status, date and role assignment read.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from exporter.normalize import dates as dates_
from exporter.normalize.amounts import (
    Money,
    Quantity,
    find_money,
    find_quantities,
    system_counts,
)
from exporter.normalize.events import (
    Trigger,
    about_no_deal,
    attribution_spans,
    clause_window,
    inside,
    is_descriptive,
    is_weak,
    status_of,
    topic_triggers,
)
from exporter.normalize.gazetteer import gazetteer
from exporter.normalize.lexicon import (
    alternatives,
    cue_regex,
    events_lexicon,
    grammar_lexicon,
    roles_lexicon,
)
from exporter.normalize.mentions import (
    Mention,
    generic_systems,
    weapon_kinds,
    weapon_noun_matches,
)
from exporter.normalize.source import Reference
from exporter.normalize.timing import event_date, status_by_date


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What one sentence offers every trigger in it."""

    text: str  # the article body: every offset here indexes into it
    start: int
    end: int
    mentions: list[Mention]
    triggers: list[Trigger]
    topics: set[Trigger]  # triggers that only name another's topic ("talks on delivery")
    attribution: list[tuple[int, int]]  # who says it ("X said"): words that report, not state
    dates: list[dates_.DateMention]
    content: list[Mention]  # mentions outside attribution and amounts: parties and systems
    systems: list[Mention]  # named systems, in text order
    generics: list[Mention]  # kinds of weapon without a name ("two patrol vessels")
    quantities: list[Quantity]
    money: list[Money]


@dataclass(frozen=True, slots=True)
class Clause:
    """One trigger and its window: where its status words, date, systems and amounts are."""

    sentence: SentenceFacts
    text: str  # the article body, as in its sentence's facts
    trigger: Trigger
    start: int
    end: int
    stop: int | None  # where the next trigger begins: this one's status words end there
    rivals: list[Trigger]  # the sentence's other triggers, which may claim a date first

    def quantities(self) -> list[Quantity]:
        """The counts written inside the window."""
        return [q for q in self.sentence.quantities if self.start <= q.start < self.end]


def read_sentence(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    triggers: list[Trigger],
    dates: list[dates_.DateMention],
) -> SentenceFacts:
    """The facts of a sentence that states events: what lies in its attribution is set
    apart, amounts and systems found once for all its triggers."""
    attribution = attribution_spans(text, start, end, triggers)
    money = [v for v in find_money(text, start, end) if not inside(v.start, attribution)]
    # "39.3 billion Swedish crowns" names a currency, not a party
    content = [
        m
        for m in mentions
        if not inside(m.start, attribution) and not any(v.start <= m.start < v.end for v in money)
    ]
    found_generics = [_made_by(g, mentions) for g in generic_systems(text, start, end, mentions)]
    generics = [g for g in found_generics if g.system and g.system.generic]
    # "36 K10 resupply vehicles": a designation the gazetteer lacks names a system; "the
    # Gripen joint venture" names a firm
    systems = sorted(
        [m for m in content if m.kind == "system" and not _firm_after().match(text, m.end)]
        + [g for g in found_generics if g not in generics and not inside(g.start, attribution)],
        key=lambda m: m.start,
    )
    quantities = _counts(text, start, end, attribution, systems)
    return SentenceFacts(
        text,
        start,
        end,
        mentions,
        triggers,
        topic_triggers(text, triggers),
        attribution,
        dates,
        content,
        systems,
        generics,
        quantities,
        money,
    )


def _counts(
    text: str, start: int, end: int, attribution: list[tuple[int, int]], systems: list[Mention]
) -> list[Quantity]:
    """The counts of a sentence outside its attribution, in text order."""
    # a number inside a system's name ("Leopard 2 tanks") counts nothing
    quantities = [
        # "two Type 035G submarines" counts its own system, no other
        dataclasses.replace(q, named=True) if any(q.start < m.start < q.end for m in systems) else q
        for q in find_quantities(text, start, end)
        if not inside(q.start, attribution) and not any(m.start <= q.start < m.end for m in systems)
    ]
    # "24 F-16s": a count with no unit word, where none of the above counts the system
    quantities += [
        q
        for q in system_counts(text, start, systems)
        if not inside(q.start, attribution)
        and not any(o.end >= q.end > o.start for o in quantities)
    ]
    quantities.sort(key=lambda q: q.start)
    return quantities


def read_clause(sentence: SentenceFacts, trigger: Trigger) -> Clause | None:
    """The clause of a trigger that states an event; None for one that does not: a topic of
    another trigger, inside an attribution, a weak word with no weapon near it, a description
    ("the contract-winning design"), words about there being no deal."""
    text, start, end = sentence.text, sentence.start, sentence.end
    if trigger in sentence.topics or inside(trigger.start, sentence.attribution):
        return None
    left, right = _asyndetic(sentence, trigger, *clause_window(text, trigger, start, end))
    right = _past_colon(sentence, trigger, right)
    if is_weak(trigger) and not _weapon_in(sentence, left, right, trigger):
        return None
    if is_descriptive(text, trigger, sentence.systems) or about_no_deal(text, trigger, start, end):
        return None
    following = [
        t.start for t in sentence.triggers if t.start >= trigger.end and t not in sentence.topics
    ]
    rivals = [
        t
        for t in sentence.triggers
        if t is not trigger
        and t not in sentence.topics
        and not is_descriptive(text, t, sentence.systems)
    ]
    return Clause(sentence, text, trigger, left, right, min(following, default=None), rivals)


def _past_colon(sentence: SentenceFacts, trigger: Trigger, right: int) -> int:
    """ "signed two contracts on Friday: one for 180 K2 tanks, another for ...": a colon
    after a trigger that has named no system yet opens what it is about; the clause runs on
    to the sentence's end."""
    text = sentence.text
    if text[right : right + 1] != ":" or any(
        trigger.end <= m.start < right for m in sentence.systems
    ):
        return right
    return sentence.end


def _asyndetic(sentence: SentenceFacts, trigger: Trigger, left: int, right: int) -> tuple[int, int]:
    """Clauses a comma alone joins, each a party and its verb ("A orders 18 jets, B signs for
    12"): the comma before a party whose event verb follows it at once ends one clause and
    begins the next."""
    text = sentence.text
    for party in sentence.content:
        if party.kind not in ("country", "company") or not left < party.start < right:
            continue
        comma = text.rfind(",", left, party.start)
        verb = next((t for t in sentence.triggers if t.start > party.end and not t.noun), None)
        if (
            comma < 0
            or text[comma + 1 : party.start].strip() not in ("", "the")
            or verb is None
            or text[party.end : verb.start].strip()
        ):
            continue
        if verb is trigger:
            left = max(left, comma + 1)
        elif comma > trigger.end:
            right = min(right, comma)
    return left, right


def status_and_date(
    clause: Clause, reference: Reference, previous: dates_.ResolvedDate | None
) -> tuple[str, dates_.ResolvedDate | None, bool]:
    """The status of a clause's event, its date, and whether that date is only the report's:
    the status from the clause's words, the date from its dates, then what the date says of
    the status (a date after publication is a plan)."""
    sentence, trigger = clause.sentence, clause.trigger
    status = status_of(clause.text, trigger, sentence.start, sentence.end, clause.stop)
    when, by_report = event_date(
        trigger,
        sentence.dates,
        sentence.attribution,
        reference,
        status,
        previous,
        (clause.start, clause.end),
        clause.rivals,
        clause.text,
    )
    if when is not None and when.wordless and _describes_a_weapon(clause):
        when, by_report = None, False  # "the system it received": not the day's news
    return status_by_date(status, when, by_report, reference)


@functools.cache
def _relative_subject() -> re.Pattern[str]:
    grammar = grammar_lexicon()
    conjunctions = alternatives([*grammar.comma_conjunctions, *grammar.list_conjunctions])
    return re.compile(
        rf"(?:\s+(?!{conjunctions}\b)[\w-]+){{0,2}}?"
        rf"\s+(?:{alternatives(grammar.relative_pronouns)}\s+)?"
        rf"{alternatives(grammar.relative_subjects)}(?:\s+{alternatives(grammar.auxiliaries)})?\s+"
    )


def _describes_a_weapon(clause: Clause) -> bool:
    """ "Displayed the FK-3 system it received from China": the trigger only says which
    weapon is meant; the day of the report does not date it."""
    trigger, sentence, text = clause.trigger, clause.sentence, clause.text
    nouns = weapon_noun_matches(text, sentence.start, trigger.start)
    ends = [w.end for w in (*sentence.systems, *sentence.generics)] + [m.end() for m, _ in nouns]
    relative = _relative_subject()
    return any(relative.fullmatch(text, end, trigger.start) is not None for end in ends)


def _weapon_in(sentence: SentenceFacts, left: int, right: int, trigger: Trigger) -> bool:
    """A system, a number of units or a weapon noun ("the helicopters arrived") in a window."""
    return (
        any(left <= m.start < right for m in sentence.systems)
        or any(left <= q.start < right for q in sentence.quantities)
        or bool(weapon_kinds(sentence.text, left, right))
        # arms are sent and given, not made: "domestic production" near "Russian arms" is none
        or (
            trigger.event_type != "production"
            and bool(_arms_words().search(sentence.text, left, right))
        )
        or bool(_deal_parts().search(sentence.text, left, right))
    )


@functools.cache
def _deal_parts() -> re.Pattern[str]:
    """ "The first batch arrived": a part of a deal told of before (events.yaml)."""
    return cue_regex(events_lexicon().deal_parts)


@functools.cache
def _firm_after() -> re.Pattern[str]:
    return cue_regex(roles_lexicon().firm_nouns, before=r"\s+")


@functools.cache
def _arms_words() -> re.Pattern[str]:
    """Words for arms of no one kind ("weapons", "military equipment"): a weapon for a weak
    trigger ("Russia supplied weapons to Mali"), though no system of their own."""
    return cue_regex(events_lexicon().arms_words)


_MISSILE_KINDS = ("missile", "air-defence")


def _made_by(generic: Mention, mentions: list[Mention]) -> Mention:
    """A generic system whose maker the sentence names, where that maker makes one system of
    its kind ("Saab's fighter jets"): that system."""
    if generic.system is None:
        return generic
    category = generic.system.category
    for company in (m.company for m in mentions if m.kind == "company" and m.company):
        made = gazetteer().made_by(company.name, category)
        if not made and category in _MISSILE_KINDS:
            # "a missile system" may be air defence or a missile: "BrahMos Aerospace's
            # anti-ship missile system"
            made = [
                system
                for kind in _MISSILE_KINDS
                for system in gazetteer().made_by(company.name, kind)
            ]
        if len(made) == 1:
            return dataclasses.replace(generic, system=made[0], country=made[0].origin)
    return generic
