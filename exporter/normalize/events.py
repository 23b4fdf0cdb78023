"""Event detection: trigger words, the clauses that attribute them, and their status.

A sentence yields one candidate per trigger that states an event of its own: not a trigger
inside the attribution ("..., the minister said after talks on Friday"), not the topic of
another trigger ("talks on the timeframe for their deliveries"), not a sentence that only
describes a system ("The S-400 is the most advanced ...").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from exporter import registry
from exporter.normalize.lexicon import (
    alternatives,
    cue_regex,
    events_lexicon,
    grammar_lexicon,
    money_lexicon,
    optional_words,
)
from exporter.normalize.mentions import Mention, weapon_nouns, word_scans
from exporter.normalize.wordscan import WORD_DEPTH, SharedPlaces, TextMemo, WordAlternation

EVENT_TYPES = registry.enum("event_type")


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    event_type: str
    noun: bool  # a noun can be the topic of another trigger

    # Some trigger patterns take a word before their own verb with them; the steps that read
    # the words before a trigger ask for that word here. (Not cached: each is read a time or
    # two, and a cached_property costs more than the match.)
    @property
    def infinitive_lead(self) -> str:
        """The infinitive's marker the trigger took ("to " of "to acquire"); "" where none."""
        lead = clause_patterns().infinitive_lead.match(self.text)
        return lead.group() if lead else ""

    @property
    def auxiliary_lead(self) -> str:
        """The passive's auxiliary the trigger took ("been " of "been produced"); "" where none."""
        lead = clause_patterns().passive_lead.match(self.text)
        return lead.group() if lead else ""


@functools.cache
def _trigger_regex() -> WordAlternation:
    triggers = events_lexicon().triggers
    parts: list[tuple[str | None, list[str]]] = []
    for event_type in EVENT_TYPES:
        for pos in ("verb", "noun"):
            patterns = sorted(triggers[event_type].get(pos, []), key=len, reverse=True)
            if patterns:
                parts.append((f"{event_type}_{pos}", patterns))
    return WordAlternation(parts, r"(?<![\w-])", r"(?![\w-])", re.I, depth=WORD_DEPTH)


@functools.cache
def word_places() -> SharedPlaces:
    """The trigger, weapon-noun and title scans all look for words at a word's start: their
    places in the article found in one pass (`word_places().hold(text)`), not one each."""
    return SharedPlaces(lambda: [_trigger_regex(), *word_scans()])


@functools.cache
def _cue_regexes() -> dict[str, re.Pattern[str]]:
    status = events_lexicon().status
    return {
        name: re.compile(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w])", re.I)
        for name, words in status.items()
    }


def looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has a word of what is to come ("will", "have to", "due")."""
    return bool(_cue_regexes()["planned"].search(text, start, end))


@functools.cache
def _attribution_regex() -> re.Pattern[str]:
    verbs = events_lexicon().attribution
    return re.compile(r"\b(?:" + "|".join(verbs) + r")\b")


@dataclass(frozen=True)
class ClausePatterns:
    """The regexes the event steps read a clause with, built from grammar.yaml's words."""

    clause_break: re.Pattern[str]
    purpose: re.Pattern[str]  # an infinitive of purpose: "selected X to build" (not "began to")
    progressive: re.Pattern[str]  # "is still ..." right before a trigger
    deal_to: re.Pattern[str]  # "the deal to supply Iran"
    topic_link: re.Pattern[str]  # "talks on the ..."
    noun_determiner: re.Pattern[str]  # "for the supply of": a verb's form used as a noun
    # what may follow a reporting verb that closes a sentence: a stop, or when, where and to
    # whom it was said ("said on Friday after talks", "told reporters")
    after_report: re.Pattern[str]
    complementizer: re.Pattern[str]
    clause_object: re.Pattern[str]  # "concluding that ...": a verb's object is a clause
    report_that: re.Pattern[str]  # "said on Friday that": where the report's content begins
    report_joiner: re.Pattern[str]
    report_opener: re.Pattern[str]
    infinitive_lead: re.Pattern[str]  # a trigger that takes its "to" with it: Trigger reads it
    negative_determiner: re.Pattern[str]  # "there are no negotiations"
    verb_joiner: re.Pattern[str]
    negated_after: re.Pattern[str]  # "talks will not ..."
    past_perfect: re.Pattern[str]
    as_what: re.Pattern[str]  # "built as a stealthy fighter"
    passive_lead: re.Pattern[str]  # a trigger that takes its auxiliary: Trigger reads it
    general_passive: re.Pattern[str]
    agent_after: re.Pattern[str]  # "built by"
    content_of: re.Pattern[str]  # "the contract covers the production"
    made_after: re.Pattern[str]  # "made in", "built under"
    new_clause_between: re.Pattern[str]  # "... and the ministry is ...": two clauses
    definitional_article: str  # the alternation after a definitional verb
    goods_nouns: str  # the alternation of words a description may end on, beside weapon nouns
    amount_aside: re.Pattern[str]  # an amount between two triggers: "a $3.4-billion tender"
    partner_aside: re.Pattern[str]  # "with Italy's Leonardo" before what talks are about


@functools.cache
def clause_patterns() -> ClausePatterns:
    g = grammar_lexicon()
    auxiliary = alternatives(g.auxiliaries)
    # the currency signs that are one character: "$", "€", "₹" (not "Rs.")
    signs = "".join(sorted({s for s in money_lexicon().symbols if len(s) == 1 and not s.isalnum()}))
    return ClausePatterns(
        clause_break=re.compile(
            rf";|:|,\s+{alternatives(g.comma_conjunctions)}\s+|\s+{alternatives(g.contrast_conjunctions)}\s+"
            # a new subject and its verb after the subordinator
            rf"|\s+{alternatives(g.subordinators)}\s+(?=\w+\s+(?!{alternatives(g.not_a_verb)}\b)\w+)"
            # "as" only before a named subject and its auxiliary: "as Islamabad is set to export"
            rf"|\s+{alternatives(g.named_subject_conjunctions)}\s+(?=[A-Z]\w+\s+{auxiliary}\b)"
            rf"|\b{alternatives(g.complementizers)}\b|,\s*[\"”]|[\"“]"
        ),
        purpose=re.compile(
            # "to build", "to jointly produce": an adverb may split the infinitive
            "".join(f"(?<!{verb} )" for verb in g.aspect_verbs)
            + rf"\b{alternatives(g.infinitive)}\s+(?:\w+ly\s+)?$",
            re.I,
        ),
        progressive=re.compile(
            rf"\b{alternatives(g.present_be)}\s+{optional_words(g.progressive_adverbs)}$",
            re.I,
        ),
        deal_to=re.compile(
            rf"\b{alternatives(g.deal_nouns)}\s+{alternatives(g.infinitive)}\s+$", re.I
        ),
        topic_link=re.compile(
            rf"\b{alternatives(g.topic_prepositions)}\s+{optional_words(g.topic_determiners)}$",
            re.I,
        ),
        noun_determiner=re.compile(rf"\b{alternatives(g.noun_determiners)}\s+$", re.I),
        after_report=re.compile(
            rf"(?:\s+{alternatives(g.report_time_openers)}\s+\w+)?"
            rf"\s*(?:[,.;:]|$|{alternatives(g.report_followers)}\b)",
            re.I,
        ),
        complementizer=re.compile(rf"\b{alternatives(g.complementizers)}\b"),
        clause_object=re.compile(rf"\s+{alternatives(g.complementizers)}\b"),
        report_that=re.compile(
            rf"(?P<before>[^,.;\"“”]{{0,60}}?)\b{alternatives(g.complementizers)}\b"
        ),
        report_joiner=re.compile(rf",|;|\s{alternatives(g.clause_joiners)}\s"),
        report_opener=re.compile(rf"\s*{alternatives(g.report_openers)}\b", re.I),
        infinitive_lead=re.compile(rf"{alternatives(g.infinitive)}\s"),
        negative_determiner=re.compile(rf"\b{alternatives(g.negative_determiners)}\s+(?:\w+\s+)?$"),
        verb_joiner=re.compile(rf"\s{alternatives(g.verb_joiners)}\s"),
        negated_after=re.compile(
            rf"[^,;]{{0,40}}?\b{alternatives(g.negated_verbs)}\s+{alternatives(g.negation)}\b"
        ),
        past_perfect=re.compile(rf"\b{alternatives(g.past_perfect)}\b"),
        as_what=re.compile(
            rf"\s+{alternatives(g.as_what)}\s+{alternatives(g.indefinite_articles)}\b"
        ),
        passive_lead=re.compile(rf"{alternatives(g.passive_participle_auxiliaries)}\s+"),
        general_passive=re.compile(rf"\b{alternatives(g.general_passive)}\s+(?:\w+ly\s+)?$", re.I),
        agent_after=re.compile(rf"\s+{alternatives(g.agent_prepositions)}\b"),
        content_of=re.compile(
            rf"\b{alternatives(g.content_cues)}\s+{optional_words(g.topic_determiners)}(?:\w+\s+)?$",
            re.I,
        ),
        made_after=re.compile(rf"\s+{alternatives(g.made_prepositions)}\b"),
        new_clause_between=re.compile(
            rf"[;,]|\b{alternatives(g.verb_joiners)}\b\s+\w+\s+{auxiliary}\b"
        ),
        definitional_article=alternatives(g.definitional_articles),
        goods_nouns=alternatives(g.goods_nouns),
        partner_aside=re.compile(
            rf"^\s*{alternatives(g.partner_prepositions)}\s+(?:[\w'’.-]+\s+){{1,4}}?"
            rf"(?={alternatives(g.noun_determiners)}\s)",
            re.I,
        ),
        amount_aside=re.compile(rf"\([^()]{{0,40}}\)|[{re.escape(signs)}]\S+"),
    )


@functools.cache
def _weak_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(events_lexicon().weak_triggers)})", re.I)


def is_weak(trigger: Trigger) -> bool:
    """A trigger word common in other senses: it needs a weapon named in its clause."""
    return bool(_weak_regex().fullmatch(trigger.text))


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    found = []
    patterns = clause_patterns()
    for match in _trigger_regex().finditer(text, start, end):
        name = match.lastgroup or ""
        event_type, pos = name.rsplit("_", 1)
        # "for the supply of": a verb's form used as a noun
        determined = patterns.noun_determiner.search(
            text, max(start, match.start() - 8), match.start()
        )
        noun = pos == "noun" or determined is not None
        found.append(Trigger(match.start(), match.end(), match.group(), event_type, noun))
    return found


def attribution_spans(
    text: str, start: int, end: int, triggers: list[Trigger] | None = None
) -> list[tuple[int, int]]:
    """Parts of a sentence that only say who stated it: "X said on Friday that", ", X said
    after talks", "As X said,", "According to X,". `triggers`: the sentence's, when the
    caller has found them already."""
    spans: list[tuple[int, int]] = []
    sentence = text[start:end]
    reports = list(_attribution_regex().finditer(sentence))
    if not reports:
        return spans
    found = find_triggers(text, start, end) if triggers is None else triggers
    events = [t for t in found if not t.noun]
    for match in reports:
        if any(t.start <= start + match.start() < t.end for t in events):
            continue  # "added the drones to its arsenal" is an event, not a report
        span = _report_span(sentence, match.start(), match.end())
        if span is not None:
            left, right = span
            spans.append((start + left, end if right is None else start + right))
    return spans


def _report_span(sentence: str, verb_start: int, verb_end: int) -> tuple[int, int | None] | None:
    """The words around a reporting verb that only say who stated it, as offsets in the
    sentence (None for its end); None where they cannot be told apart from the sentence's own
    (no "that" after the verb, no opener before it, no comma or quote shortly before it)."""
    patterns = clause_patterns()
    after = sentence[verb_end:]
    that = patterns.report_that.match(after)
    if that and _states_an_event(after[: that.end("before")]):
        that = None  # "said 10 jets were delivered and that ...": the report, not its source
    if that and verb_start < len(sentence) * 0.7:
        # the report's own clause begins after the last break before its verb
        breaks = list(patterns.report_joiner.finditer(sentence[:verb_start]))
        begin = breaks[-1].end() if breaks else 0
        return begin, verb_end + that.end()
    lead = patterns.report_opener.match(sentence[:verb_start])
    comma = after.find(",")
    if lead and comma >= 0:
        return 0, verb_end + comma + 1
    before = sentence[:verb_start]
    cut = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
    if (
        cut <= 0
        or verb_start - cut >= 90
        or patterns.complementizer.search(sentence[cut:verb_start])
    ):
        return None
    # ", the ministry said on Monday" closes a sentence; ", the ministry said it had signed
    # ..." reports an event in its own words, which are no attribution
    closing = patterns.after_report.match(after)
    if _states_an_event(after) and not closing:
        return cut, verb_end
    if closing and closing[0].endswith(","):
        # ", officials said, as the country waits for jets ordered ...": the clause after
        # the comma is the sentence's own again
        return cut, verb_end + closing.end()
    return cut, None


def _states_an_event(words: str) -> bool:
    """Whether words after a reporting verb hold a verb of their own that states an event
    ("said it had signed"), not just when or where it was said ("said after talks")."""
    return any(not t.noun for t in find_triggers(words, 0, len(words)))


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def is_definitional(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """ "The S-400 Triumf is the most advanced ...": a sentence about a system, not a deal."""
    first = next((m for m in mentions if m.kind == "system"), None)
    if first is None or first.start - start > 6:
        return False
    return bool(_definitional_regex().match(text, first.end, end))


@functools.cache
def _definitional_regex() -> re.Pattern[str]:
    verbs = "|".join(events_lexicon().definitional_verbs)
    return re.compile(rf"[^,]{{0,30}}?\s(?:{verbs})\s+{clause_patterns().definitional_article}\b")


# read_clause and status_of ask for each trigger's window: found once
_WINDOWS: TextMemo[tuple[int, int]] = TextMemo()


def clause_window(text: str, trigger: Trigger, start: int, end: int) -> tuple[int, int]:
    """The clause of a trigger: where its status words, date and amounts come from."""
    key = (trigger.start, trigger.end, start, end)
    return _WINDOWS.get(text, key, lambda: _clause_window(text, trigger, start, end))


def _clause_window(text: str, trigger: Trigger, start: int, end: int) -> tuple[int, int]:
    patterns = clause_patterns()
    # searched up to the trigger's end so a break's look-ahead can see the trigger's verb
    breaks = [
        b
        for b in patterns.clause_break.finditer(text, start, trigger.end)
        if b.end() <= trigger.start
    ]
    left = breaks[-1].end() if breaks else start
    after = patterns.clause_break.search(text, trigger.end, end)
    right = after.start() if after else end
    return left, right


def _gerund(trigger: Trigger) -> bool:
    return trigger.text.lower().endswith(grammar_lexicon().progressive_ending)


def _progressive_form(trigger: Trigger) -> bool:
    """ "in talks", "being built", "negotiating": a trigger whose own words are progressive."""
    openers = tuple(f"{word} " for word in grammar_lexicon().progressive_openers)
    return trigger.text.lower().startswith(openers) or _gerund(trigger)


def _named_subject_only(words: str) -> bool:
    """Whether the words before an infinitive are a name alone ("Morocco", "the Royal Thai
    Navy"): a headline's subject with no verb of its own."""
    determiners = set(grammar_lexicon().noun_determiners)
    found = words.split()
    return bool(found) and all(w[:1].isupper() or w.lower() in determiners for w in found)


def _negates(negation: re.Pattern[str], before: str) -> bool:
    """Whether a negation in the words before a trigger is the trigger's own: near enough
    ("has not yet signed"); farther, it negates another verb ("did not specify the number of
    vehicles to be built")."""
    reach = events_lexicon().negation_reach
    return any(len(before[cue.end() :].split()) <= reach for cue in negation.finditer(before))


@dataclass(slots=True)  # made once a status_of call: not frozen, which costs a call a field
class _TriggerWords:
    """What the status rules read around one trigger: its clause and the words either side."""

    text: str
    trigger: Trigger
    start: int  # the sentence's start
    left: int  # the clause's bounds
    right: int
    lead: str  # the "to" the trigger took ("to acquire"), "" where none
    before_start: int  # where `before` begins in text
    before: str  # the clause's last 60 characters before the trigger, and the "to" it took
    after: str  # the words after it, up to where the next trigger's own words begin


def _trigger_words(
    text: str, trigger: Trigger, start: int, end: int, stop: int | None
) -> _TriggerWords:
    left, right = clause_window(text, trigger, start, end)
    lead = trigger.infinitive_lead
    before_start = max(left, trigger.start - 60)
    # a trigger that takes its "to" with it ("to acquire") leaves "is set" before it
    before = text[before_start : trigger.start + len(lead)]
    # a noun's verb may stand after a long subject ("Talks with X on Y, covering Z, are
    # under way") ... and stops at the next event's trigger ("arrived ... and will be deployed")
    reach = 150 if trigger.noun else 90
    limit = min(right, trigger.end + reach, stop or end)
    if stop is not None:  # the next verb's own words begin at the "and" that joins it
        joins = list(clause_patterns().verb_joiner.finditer(text[trigger.end : stop]))
        if joins:
            limit = min(limit, trigger.end + joins[-1].start())
    return _TriggerWords(
        text, trigger, start, left, right, lead, before_start, before, text[trigger.end : limit]
    )


def _negated_before(words: _TriggerWords) -> bool:
    """ "has not yet signed", a denial earlier in the sentence, "there are no negotiations"."""
    return (
        _negates(_cue_regexes()["negated"], words.before)
        or _denied(words.text[words.start : words.trigger.start])
        or bool(clause_patterns().negative_determiner.search(words.before))
    )


def _under_way(words: _TriggerWords) -> bool:
    """ "are in talks", "is negotiating": under way as published."""
    return bool(clause_patterns().progressive.search(words.before)) and _progressive_form(
        words.trigger
    )


def _noun_negated_after(words: _TriggerWords) -> bool:
    """ "talks will not ...": a noun's own verb after it, negated."""
    return words.trigger.noun and bool(clause_patterns().negated_after.match(words.after))


def _for_a_purpose(words: _TriggerWords) -> bool:
    """ "picked Naval Group to build four corvettes", "a contract for supplying 156
    helicopters": making, delivering or deploying that a choice or deal is for is to come."""
    text, trigger, left = words.text, words.trigger, words.left
    if trigger.event_type not in ("production", "delivery", "deployment"):
        return False
    if trigger.noun and not _for_purpose().search(
        text, max(left, trigger.start - 80), trigger.start
    ):
        return False
    return bool(
        clause_patterns().purpose.search(text, max(left, trigger.start - 40), trigger.start)
    ) or (
        (trigger.noun or _gerund(trigger))
        and bool(_for_purpose().search(text, max(left, trigger.start - 80), trigger.start))
    )


def _planned_in_own_words(words: _TriggerWords) -> bool:
    """The trigger's own words: "will buy"; but "will not proceed" is a decision taken."""
    trigger = words.trigger
    return bool(_cue_regexes()["planned"].search(trigger.text)) and (
        trigger.event_type != "cancellation"
    )


def _headline_infinitive(words: _TriggerWords) -> bool:
    """A headline's "Morocco to acquire Akinci drones": a name and an infinitive, to come."""
    return bool(words.lead) and _named_subject_only(words.text[words.left : words.trigger.start])


# tried in order, the first that holds gives the status; where none does, the nearest cue
_STATUS_RULES: tuple[tuple[str, Callable[[_TriggerWords], bool]], ...] = (
    ("negated", _negated_before),
    ("ongoing", _under_way),
    ("negated", _noun_negated_after),
    ("planned", _for_a_purpose),
    ("planned", _planned_in_own_words),
    ("planned", _headline_infinitive),
)


def status_of(text: str, trigger: Trigger, start: int, end: int, stop: int | None = None) -> str:
    """negated | planned | ongoing | reported, from the words of the trigger's clause: the
    first of `_STATUS_RULES` that holds, else the cue nearest the trigger.
    `stop`: where the next trigger begins, which the words after this one do not pass."""
    words = _trigger_words(text, trigger, start, end, stop)
    for status, holds in _STATUS_RULES:
        if holds(words):
            return status
    return _nearest_cue(words)


def _nearest_cue(words: _TriggerWords) -> str:
    """The planned or ongoing cue nearest the trigger: before it, or after it for a noun
    ("talks ... are under way") and for making, delivering, deploying; "reported" where none."""
    trigger = words.trigger
    cues = _cue_regexes()
    looks_after = trigger.noun or trigger.event_type in ("deployment", "delivery", "production")
    best: tuple[int, str] | None = None
    for name in ("planned", "ongoing"):
        for match in cues[name].finditer(words.before):
            distance = trigger.start - (words.before_start + match.end())
            if best is None or distance < best[0]:
                best = (distance, name)
        if looks_after:
            for match in cues[name].finditer(words.after):
                distance = match.start() + 1
                if best is None or distance < best[0]:
                    best = (distance, name)
    clause = words.text[words.left : words.right]
    if best and best[1] == "ongoing" and clause_patterns().past_perfect.search(clause):
        return "reported"  # "had been under way since 2023": over before the report
    return best[1] if best else "reported"


@functools.cache
def _for_purpose() -> re.Pattern[str]:
    """ "a contract for supplying ...", "awarded $700m ... for engine production": to come."""
    return cue_regex(
        events_lexicon().purpose_cues, after=r"\b[^.;]{0,60}\bfor\s+(?:[\w-]+\s+){0,3}$"
    )


@functools.cache
def _time_of() -> re.Pattern[str]:
    """ "at the time of award": the time of an event told before."""
    return cue_regex(events_lexicon().time_of_event, after=r"\s+(?:the\s+)?$")


@functools.cache
def _descriptive_regex() -> re.Pattern[str]:
    words = "|".join(events_lexicon().descriptive_participles)
    return re.compile(rf"^(?:{words})$", re.I)


@functools.cache
def _ends_with_weapon_noun() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{weapon_nouns()}|{clause_patterns().goods_nouns}),?\s*$", re.I)


def is_descriptive(text: str, trigger: Trigger, systems: list[Mention]) -> bool:
    """A participle that describes the system just before it ("four Type 054A/P frigates
    built by China", "jets made in Russia"): no event of its own."""
    patterns = clause_patterns()
    if patterns.as_what.match(text[trigger.end : trigger.end + 8]):
        return True  # "built as a stealthy fighter", "offered as an option": what it is
    if _time_of().search(text, max(0, trigger.start - 20), trigger.start):
        return True  # "obligated at the time of award": the time of an event told before
    # a trigger that takes its auxiliary with it ("been produced") leaves "have" before it
    before = text[max(0, trigger.start - 40) : trigger.start] + trigger.auxiliary_lead
    if trigger.event_type == "production" and (
        (
            patterns.general_passive.search(before)
            and patterns.agent_after.match(text[trigger.end :])
        )
        or (trigger.noun and patterns.content_of.search(before))
    ):
        # "the jets are built by Dassault" says who makes them; "the contract covers the
        # production", "a firm involved in the production" say what a deal or firm is about
        return True
    if not _descriptive_regex().match(trigger.text):
        return False
    if _before_its_system(text, trigger, systems):
        return True  # "Ukraine-built BTR-3s", "US manufactured F-16s": where they were made
    if not patterns.made_after.match(text[trigger.end : trigger.end + 10]):
        return False
    before = text[max(0, trigger.start - 40) : trigger.start]
    return any(0 <= trigger.start - m.end <= 2 for m in systems) or bool(
        _ends_with_weapon_noun().search(before)
    )


def _before_its_system(text: str, trigger: Trigger, systems: list[Mention]) -> bool:
    """A participle joined to a maker by a hyphen, or right before a system (at most one word
    between): it qualifies the system."""
    if trigger.event_type != "production":
        return False  # "bought F-16s" is a purchase
    return text[trigger.start - 1 : trigger.start] == "-" or any(
        0 <= m.start - trigger.end <= 12 and len(text[trigger.end : m.start].split()) <= 1
        for m in systems
    )


@functools.cache
def _denial_regex() -> re.Pattern[str]:
    return cue_regex(events_lexicon().denials)


def _denied(before: str) -> bool:
    """A denial earlier in the sentence, not closed off by a semicolon."""
    return bool(_denial_regex().search(before.rsplit(";", 1)[-1]))


def _negotiates(trigger: Trigger) -> bool:
    return trigger.event_type == "negotiation" and not trigger.noun


def topic_triggers(text: str, triggers: list[Trigger]) -> set[Trigger]:
    """Triggers that name what another trigger is about, not events of their own: the topic
    of a noun ("talks on ... deliveries", "production ... for their delivery"), what a
    cancellation ends ("scrapped its talks", "abandoned plans to acquire"), what a deal is
    for ("the deal to supply Iran")."""
    deal_to = clause_patterns().deal_to
    topics = set()
    for index, trigger in enumerate(triggers):
        if not trigger.noun and deal_to.search(text[max(0, trigger.start - 30) : trigger.start]):
            topics.add(trigger)  # "the deal to supply Iran"
        elif index > 0 and _topic_of_previous(text, triggers[index - 1], trigger):
            topics.add(trigger)
    return topics


def _topic_of_previous(text: str, previous: Trigger, trigger: Trigger) -> bool:
    """Whether a trigger names what the trigger just before it is about."""
    # an amount between says nothing of the link: "cancelled a $3.4-billion (£2.2 billion)
    # tender" is "cancelled a tender"
    between = clause_patterns().amount_aside.sub(" ", text[previous.end : trigger.start])
    return (
        _ended_or_negotiated(previous, trigger, between)
        or _what_a_dated_deal_is_for(previous, between)
        or _topic_of_a_noun(trigger, between)
    )


def _ended_or_negotiated(previous: Trigger, trigger: Trigger, between: str) -> bool:
    """What a cancellation ends ("scrapped its talks"), what talks are about ("discussed
    potential acquisitions of", "in talks with China to buy"), a few words on at most."""
    if not (
        previous.event_type == "cancellation"
        or (_negotiates(previous) and (trigger.noun or bool(trigger.infinitive_lead)))
    ):
        return False
    # "negotiating with Italy's Leonardo the purchase of": the partner aside
    aside_out = clause_patterns().partner_aside.sub(" ", between)
    return len(aside_out.split()) <= 3 and not re.search(r"[,;]", between)


def _what_a_dated_deal_is_for(previous: Trigger, between: str) -> bool:
    """ "a deal in July 2022 to export": the infinitive right after a deal's noun."""
    return (
        previous.noun
        and previous.event_type == "agreement"
        and between.split() == list(grammar_lexicon().infinitive)
    )


def _topic_of_a_noun(trigger: Trigger, between: str) -> bool:
    """ "talks on the timeframe for their deliveries": a noun linked to the trigger before
    it by a preposition, with no new clause between."""
    patterns = clause_patterns()
    return (
        trigger.noun
        and len(between.split()) <= 14
        and bool(patterns.topic_link.search(between))
        and not patterns.new_clause_between.search(between)
    )


@functools.cache
def _not_goods_regex() -> re.Pattern[str]:
    return cue_regex(events_lexicon().not_goods)


@functools.cache
def _not_deals_regex() -> re.Pattern[str]:
    return cue_regex(events_lexicon().not_deals)


def _thought_after(text: str, trigger: Trigger, end: int) -> bool:
    """ "After concluding that the fighter would strain ties", "agreed that talks would go
    on": a verb with a clause for its object states a thought or a decision, no deal."""
    return (
        not trigger.noun
        and clause_patterns().clause_object.match(text, trigger.end, end) is not None
    )


def about_no_deal(text: str, trigger: Trigger, start: int, end: int) -> bool:
    """A trigger said of something that is no deal: a cancelled ceremony or visit ("the
    ceremony was canceled"), a delivered certification or a sent letter."""
    after = " ".join(text[trigger.end : end].split()[:3])
    if _not_goods_regex().search(after) or _thought_after(text, trigger, end):
        return True
    if trigger.event_type != "cancellation":
        return False
    before = " ".join(text[start : trigger.start].split()[-4:])
    not_deals = _not_deals_regex()
    return bool(not_deals.search(before) or not_deals.search(after))
