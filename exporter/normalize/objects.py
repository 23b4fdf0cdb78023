"""The objects of an event: the systems it is about, named in its clause or, where it names
none, the kind of weapon it names ("two offshore patrol vessels")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from exporter.normalize.arguments import nearest
from exporter.normalize.clause import Clause, SentenceFacts
from exporter.normalize.discourse import Discourse, continues_kind
from exporter.normalize.lexicon import (
    ObjectWindows,
    alternatives,
    cue_regex,
    events_lexicon,
    optional_words,
)
from exporter.normalize.mentions import Mention, weapon_kinds


def event_objects(clause: Clause, discourse: Discourse) -> list[Mention | None]:
    """The systems an event is about: those named in its clause; else the kind of weapon its
    clause names; else a system named elsewhere in the sentence."""
    named_in_clause = any(clause.start <= m.start < clause.end for m in clause.sentence.systems)
    generic_in_clause = any(clause.start <= g.start < clause.end for g in clause.sentence.generics)
    if not named_in_clause and weapon_kinds(clause.text, clause.start, clause.end):
        # "15 aircraft were ordered, which include 12 Super Tucanos and 3 JF-17s"
        listed = included(clause.text, clause.end, clause.sentence)
        if listed:
            return list(listed)
    if named_in_clause or not generic_in_clause:
        chosen = _named_objects(clause)
        if chosen:
            return list(chosen)
    generic = _generic_object(clause, discourse)
    if generic[0] is not None:
        # "17 armoured vehicles, including the VT4 and the ST1": the systems named
        return list(included(clause.text, generic[0].end, clause.sentence)) or generic
    return generic


def included(text: str, after: int, sentence: SentenceFacts) -> list[Mention]:
    """The named systems a list at `after` (the end of a kind of weapon, or of its clause)
    says it includes ("armoured vehicles, including the VT4 and the ST1"); [] where no such
    list follows."""
    words = _object_words()
    cue = words.inclusion_cue.match(text, after, sentence.end)
    if cue is None:
        return []
    first = next((m for m in sentence.systems if m.start >= cue.end()), None)
    if first is None or len(text[cue.end() : first.start].split()) > words.windows.inclusion_words:
        return []
    return _listed_from(first, sentence.systems, text, sentence.end)


def _generic_object(clause: Clause, discourse: Discourse) -> list[Mention | None]:
    """For an event that names no system: the kind of weapon its clause names ("two offshore
    patrol vessels"), unless an earlier deal of that kind is what the clause continues ("the
    frigates" after the frigate deal); None lets the deal the sentence continues decide."""
    # its object ("signed for two patrol vessels") or its subject ("the corvettes were
    # delivered"); not a noun after a preposition ("arrived aboard a cargo aircraft")
    text, trigger, generics = clause.text, clause.trigger, clause.sentence.generics
    words = _object_words()
    objects = [
        g
        for g in generics
        if trigger.end <= g.start < clause.end
        and _is_object(text[_anchor(clause, g.start) : g.start])
        and not words.place_or_means.search(text[_anchor(clause, g.start) : g.start])
    ]
    subjects = [
        g
        for g in generics
        if clause.start <= g.end <= trigger.start
        and not words.place_or_means.search(
            text[max(clause.start, g.start - words.windows.subject_before) : g.start]
        )
    ]
    chosen = objects[:1] or subjects[-1:]
    if not chosen:
        return [None]
    if chosen[0].system and continues_kind(discourse, chosen[0].system.category):
        return [None]
    if objects:
        # "the purchase of Israeli guns, Ukrainian armoured vehicles and Chinese missiles"
        return list[Mention | None](_listed_from(objects[0], generics, text, clause.end))
    return list(chosen)


def _anchor(clause: Clause, start: int) -> int:
    """Where the words that lead to an object at `start` begin: after the trigger, or after
    the last word of its topic in between ("signed a contract with X for the acquisition of
    two frigates": the frigates are the object of the acquisition the signing is about)."""
    topics = [
        t.end
        for t in clause.sentence.topics
        if clause.trigger.end <= t.start and t.end <= start and clause.start <= t.start
    ]
    return max(topics, default=clause.trigger.end)


def _named_objects(clause: Clause) -> list[Mention]:
    """The systems an event is about: its object, named soon after the trigger in its clause
    with those joined to it by "and" or commas ("three FDI frigates and six Rafale
    aircraft"); else its subject, named before it ("The Gripen ... entered service,
    replacing the Mirage 2000"); else the nearest one."""
    text, trigger, systems = clause.text, clause.trigger, clause.sentence.systems
    left, right = clause.start, clause.end
    before = [m for m in systems if left <= m.end <= trigger.start]
    after = [
        m
        for m in systems
        if trigger.end <= m.start < right and _is_object(text[_anchor(clause, m.start) : m.start])
    ]
    if not after and not before:
        after = [m for m in systems if trigger.end <= m.start < right]
    if after:
        # a list of objects ends where the next event's trigger begins ("received two
        # submarines in 2016 and has since ordered K-8 trainers")
        stop = clause.stop if clause.stop and clause.stop > after[0].start else right
        return _listed_from(after[0], systems, text, min(right, stop))
    if before:
        return [before[-1]]
    found = nearest(systems, trigger)
    return [found] if found else []


def _listed_from(first: Mention, systems: list[Mention], text: str, right: int) -> list[Mention]:
    """A system and those listed after it, up to `right` ("T-90 tanks, Smerch launchers and
    ...": the list goes on past its first member)."""
    chosen = [first]
    words = _object_words()
    for mention in (m for m in systems if first.start < m.start < right):
        gap = text[chosen[-1].end : mention.start]
        if (
            words.list_joiner.search(gap)
            and not words.list_break.search(gap)
            and len(gap) < words.windows.list_gap
        ) or words.sourced_item.fullmatch(gap):
            chosen.append(mention)
        else:
            break
    return chosen


def _is_object(gap: str) -> bool:
    """Whether a system this far after a trigger is what the trigger acts on: close by, with
    no comma or replacing-word between ("signed for 12 Rafale jets", not "entered service
    ..., replacing the Mirage 2000")."""
    words = _object_words()
    return len(gap.split()) <= words.windows.object_words and not words.not_object.search(gap)


@dataclass(frozen=True, slots=True)
class ObjectWords:
    """The words that tell whether a system is what a trigger acts on, from events.yaml."""

    place_or_means: re.Pattern[str]  # "aboard a", "from the": a place or a means, no object
    not_object: re.Pattern[str]  # "replacing", "than": the system after is no object
    list_joiner: re.Pattern[str]  # "and", ",": a list of objects goes on
    list_break: re.Pattern[str]  # "from", ";": the list has ended
    sourced_item: re.Pattern[str]  # "from A, the": unless each item names its source
    inclusion_cue: re.Pattern[str]  # ", including": the named systems a kind includes follow
    windows: ObjectWindows


# a comma, not the one inside a number ("15,000 rifles")
_COMMA = r"(?<!\d),|,(?!\d)"


@functools.cache
def _object_words() -> ObjectWords:
    events = events_lexicon()
    return ObjectWords(
        place_or_means=re.compile(
            rf"\b{alternatives(events.place_or_means)}\s+"
            rf"{optional_words(events.object_determiners)}(?:[\w-]+\s+)?$",
            re.I,
        ),
        not_object=re.compile(rf"{_COMMA}|[;:(]|\b{alternatives(events.not_object)}\b", re.I),
        list_joiner=re.compile(rf"(?:{_COMMA}|\b{alternatives(events.object_list_joiners)}\b)"),
        # a list also ends at a report's verb: "12 Mirages, officials said, as ... 24 Rafales"
        list_break=re.compile(
            rf"[;:]|\b{alternatives([*events.object_list_breaks, *events.attribution])}\b"
        ),
        sourced_item=re.compile(events.sourced_list_gap),
        inclusion_cue=cue_regex(events.inclusion_cues, r"\s*,?\s*", r"\b:?"),
        windows=events.object_windows,
    )
