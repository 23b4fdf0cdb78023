"""When an event happened: the date its own clause gives, else the date of its report;
and what a date says of the status (a date after publication is a plan)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from exporter.normalize import dates as dates_
from exporter.normalize.amounts import find_quantities
from exporter.normalize.events import inside
from exporter.normalize.gazetteer import alternation
from exporter.normalize.lexicon import DateWindows, alternatives, dates_lexicon, grammar_lexicon
from exporter.normalize.source import Reference


def status_by_date(
    status: str, when: dates_.ResolvedDate | None, by_report: bool, reference: Reference
) -> tuple[str, dates_.ResolvedDate | None, bool]:
    """A date after publication makes a reported event planned; an ongoing event without a
    date of its own is dated by the day it was reported as under way."""
    if (
        when
        and status in ("reported", "ongoing")
        and reference.date
        and when.value > reference.date.isoformat()[: len(when.value)]
    ):
        status = "planned"
    if status == "ongoing" and when is None and reference.date:
        return (
            status,
            dates_.ResolvedDate(reference.date.isoformat(), "day", dates_.AS_OF_PUBLICATION),
            True,
        )
    return status, when, by_report


def last_date(
    found: list[dates_.DateMention], reference: Reference, previous: dates_.ResolvedDate | None
) -> dates_.ResolvedDate | None:
    for mention in reversed(found):
        if mention.kind == "anaphora":
            return previous
        resolved = dates_.resolve(mention, reference.date, False)
        if resolved:
            return resolved
    return None


def event_date(
    trigger: Any,
    found: list[dates_.DateMention],
    attribution: list[tuple[int, int]],
    reference: Reference,
    status: str,
    previous: dates_.ResolvedDate | None,
    clause: tuple[int, int],
    rivals: list[Any],
    text: str,
) -> tuple[dates_.ResolvedDate | None, bool]:
    """The date the text gives for the event: the nearest date of its own clause, else the
    date of the report (for what happened or is under way), else, for the news an article
    reports, the day it was reported; else none. A denied event has none: the day of a
    denial is not the day of an event."""
    if status == "negated":
        return None, False
    forward = status == "planned"
    reported = [m for m in found if _of_the_report(m, attribution, text)]
    background = [
        m
        for m in found
        if m not in reported and (_in_background_clause(m, text) or _in_apposition(m, text))
    ]
    own = [
        m
        for m in found
        if m not in reported
        and m not in background
        and not _rivals_date(m, trigger, rivals, text, found)
    ]

    def resolved(mention: dates_.DateMention) -> dates_.ResolvedDate | None:
        if mention.kind == "anaphora":
            earlier = [m for m in found if m.end <= mention.start and m.kind != "anaphora"]
            return dates_.resolve(earlier[-1], reference.date, False) if earlier else previous
        return dates_.resolve(mention, reference.date, forward and mention not in reported)

    for best in _nearest_first(own, trigger, clause)[:1]:
        # a date of its own that names no day of the calendar ("in the early 1980s") is
        # still its time: the day of the report is not
        return resolved(best), False
    if status in ("reported", "ongoing") and reported:
        value = resolved(reported[-1])
        if value:
            return value, True
    if (
        status == "reported"
        and reference.date
        and not reference.inferred
        and _is_news(trigger, found, background, text)
    ):
        return dates_.ResolvedDate(reference.date.isoformat(), "day", dates_.AS_REPORTED), True
    return None, False


def _nearest_first(
    own: list[dates_.DateMention], trigger: Any, clause: tuple[int, int]
) -> list[dates_.DateMention]:
    """The dates of the trigger's own clause, the one after it first ("signed ... in January
    2020, with deliveries due in 2024"), then the others of the sentence, nearest first."""
    in_clause = [m for m in own if clause[0] <= m.start < clause[1]]
    ordered = sorted(
        in_clause, key=lambda m: (m.start < trigger.start, abs(m.start - trigger.start))
    )
    return ordered + sorted(
        (m for m in own if m not in in_clause), key=lambda m: abs(m.start - trigger.start)
    )


def _words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _of_the_report(
    mention: dates_.DateMention, attribution: list[tuple[int, int]], text: str
) -> bool:
    """A date of the attribution ("X said on Friday that"), or one that opens the sentence
    just before it ("In May, the ministry said that ..."): the day of the report."""
    if inside(mention.start, attribution):
        return True
    return _opens_sentence(mention, text) and any(
        start >= mention.end and not text[mention.end : start].strip(" ,")
        for start, _ in attribution
    )


def _opens_sentence(mention: dates_.DateMention, text: str) -> bool:
    """Whether a date opens its sentence, after one word at most ("In May, ...")."""
    start = max(0, mention.start - _windows().sentence_opening)
    before = text[start : mention.start]
    boundary = max(before.rfind(". "), before.rfind("\n"))
    if boundary < 0 and start > 0:
        return False
    return len(before[boundary + 1 :].split()) <= 1


def _rivals_date(
    mention: dates_.DateMention,
    trigger: Any,
    rivals: list[Any],
    text: str,
    found: list[dates_.DateMention],
) -> bool:
    """A date that another event's trigger stands nearer: after that trigger, which stands
    after this one ("will supply ... under a deal signed in October 2018"; "signed a deal to
    supply 12 jets by 2030")."""
    for rival in rivals:
        if (
            rival.end <= mention.start
            and mention.end <= trigger.start
            and _clauses_joined().search(text, mention.end, trigger.start)
        ):
            return True  # "handed over a jet in August, and Japan has supplied ships"
        if _shares_date(trigger, rival, text):
            continue  # "negotiations concluded in March": one date for both
        if trigger.end <= rival.start and _closely_after(rival, mention, text):
            return True
        if (
            trigger.end <= mention.start
            and mention.end <= rival.start
            and _leads_into(text[mention.end : rival.start])
            and not _dated_after(rival, found, text)
        ):
            # "has taken delivery of three jets, and last year ordered a fourth"; but in
            # "ordered in 2021 arrived on 25 April" the later verb has its own date
            return True
    return False


def _shares_date(trigger: Any, rival: Any, text: str) -> bool:
    """Two triggers close together are one event's words ("negotiations concluded in March",
    "signed a deal in May"), but not a verb, its count and the participle after them
    ("received 25 helicopters ordered in 2020": the year is the order's; "received six jets
    donated in 2017" is one event's)."""
    return _words_between(text, trigger.end, rival.start) <= _windows().shared_date_words and (
        rival.event_type == trigger.event_type
        or not find_quantities(text, trigger.end, rival.start)
    )


@functools.cache
def _clauses_joined() -> re.Pattern[str]:
    """ ", and ..." or ";": two clauses, each with its own date."""
    return re.compile(rf",\s+{alternatives(grammar_lexicon().dated_clause_joiners)}\s|;")


def _closely_after(trigger: Any, mention: dates_.DateMention, text: str) -> bool:
    """Whether a date follows a trigger closely enough to be its own."""
    return (
        trigger.end <= mention.start
        and _words_between(text, trigger.end, mention.start) <= _windows().rival_date_words
    )


def _dated_after(rival: Any, found: list[dates_.DateMention], text: str) -> bool:
    return any(_closely_after(rival, m, text) for m in found)


def _leads_into(words: str) -> bool:
    """Whether a date runs straight into the trigger after it ("last year ordered")."""
    return not words.strip()


_CLAUSE_SPLIT = re.compile(r"[,;:()\n]|(?<=[.!?])\s")


def _in_background_clause(mention: dates_.DateMention, text: str) -> bool:
    """A date inside a clause that sets the scene with its own subject ("since Japan's ban
    was eased in 2014"), not one that dates the event ("in service since 2007")."""
    before = text[max(0, mention.start - _windows().background_clause) : mention.start]
    clause = _CLAUSE_SPLIT.split(before)[-1]
    opener = _words().background_clause.search(clause)
    return opener is not None and bool(clause[opener.end() :].strip())


@functools.cache
def _apposition() -> re.Pattern[str]:
    """ "Romania, a NATO member since ": a name, its comma, an indefinite noun phrase."""
    articles = alternatives(grammar_lexicon().indefinite_articles)
    return re.compile(rf"[A-Z][\w.-]*,\s+{articles}\s+[^,;:]*$")


def _in_apposition(mention: dates_.DateMention, text: str) -> bool:
    """A date inside an aside that says what a party is ("Romania, a NATO member since
    2004, signed ..."), closed by its comma right after the date: the party's, not the
    event's."""
    before = text[max(0, mention.start - _windows().background_clause) : mention.start]
    return bool(_apposition().search(before)) and text[mention.end : mention.end + 1] == ","


def _is_news(
    trigger: Any, found: list[dates_.DateMention], background: list[dates_.DateMention], text: str
) -> bool:
    """Whether a completed event without a date is the news its article reports, which the
    day of the report dates: its sentence names no other date, no list of parties and no word
    that makes it background ("also", "already", "to date", "had")."""
    if any(m not in background for m in found):
        return False
    # its sentence, looked for no further than a long sentence reaches
    reach = _windows().sentence
    floor = max(0, trigger.start - reach)
    start = max(
        text.rfind(". ", floor, trigger.start) + 1,
        text.rfind("\n", floor, trigger.start) + 1,
        floor,
    )
    stop = _SENTENCE_END.search(text, trigger.end, trigger.end + reach)
    sentence = text[start : stop.start() if stop else trigger.end + reach]
    words = _words()
    return not (words.background.search(sentence) or words.listed.search(sentence))


@dataclass(frozen=True)
class _TimingWords:
    background: re.Pattern[str]
    background_clause: re.Pattern[str]
    listed: re.Pattern[str]


_NAME = r"\b[A-Z][\w.-]*"
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _windows() -> DateWindows:
    return dates_lexicon().windows


@functools.cache
def _words() -> _TimingWords:
    words = dates_lexicon()
    return _TimingWords(
        background=re.compile(rf"\b(?i:{alternation(words.background)})\b"),
        background_clause=re.compile(rf"\b(?i:{alternation(words.background_clauses)})\s"),
        # three names or more in a row ("Brazil, Hungary and Thailand"): a tally of parties,
        # not one day's news
        listed=re.compile(
            rf"{_NAME},\s+{_NAME}(?:\s+{_NAME})?,?\s+(?:{alternation(words.list_joins)})\s+[A-Z]"
        ),
    )
