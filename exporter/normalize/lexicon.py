"""The normalizer's word lists and windows, typed: one frozen dataclass per data file, built
once from exporter/data/*.yaml, so code reads `roles_lexicon().buyer_prepositions` instead of
dict keys, and a value of the wrong shape, a missing key or a key no field names fails on load
with the file and key named. categories.yaml, one mapping of categories, is read whole.

A word list may be written as a YAML list or as space-separated words (YAML reads a bare
`on` or `no` in a list as a boolean); either way the code gets a tuple of strings.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from exporter.resources import load_data

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleWindows:
    """How far, in characters or words, the role words reach around a party."""

    cue_before: int  # characters before a party read for its cue ("to the", "supplied by")
    cue_after: int  # characters after it ("'s purchase", "Air Force")
    joiner_before: int  # characters before it for "with", "and" or "to" right before it
    counterpart_reach: int  # how far before the trigger the other side of a deal may stand
    list_parties: int  # this many parties joined by commas are a list, not two sides
    passive_reach: int  # characters before a trigger read for a passive verb
    attributive_gap: int  # characters from an origin word to the system it qualifies
    attributive_words: int  # words between them ("Russian advanced S-400")
    subject_aside: int  # characters of an aside after a continuing subject ("The Service, ...,")
    subject_words: int  # words between a continuing subject and its trigger
    sentence_subject: int  # characters from a sentence's start within which it names its subject
    possessive_words: int  # words between a possessive and its noun ("Turkey's planned purchase")
    earlier_customer_before: int  # characters before an earlier customer read for its cue
    earlier_customer_words: int  # words between that cue and the customer
    request_before: int  # characters before a party read for "an order worth $2 billion from"
    request_value_words: int  # words of the amount in it


@dataclass(frozen=True, slots=True)
class RolesLexicon:
    """roles.yaml, the keys the mention, role and discourse steps read."""

    titles: Words  # a person's title before their name ("Defence Minister")
    outside_bloc: Words
    not_subject_before: Words
    winner_before: str
    giving_verbs: str
    opponent_before: Words
    buyer_prepositions: Words
    not_buyer_before: Words
    buyer_determiners: Words
    formal_state_name: str
    listing_words: Words
    counted_buyers: str
    counted_sellers: str
    passive_before: str
    sold_with: str
    place_before: str
    place_events: Words
    partner_events: Words
    seller_before: str
    agent_before: str
    counterpart_before: str
    buying_nouns: Words
    firm_nouns: Words
    party_list_gap: str
    party_conjunctions: Words
    counted_parties_before: Words
    subject_openers: Words
    epithet_nouns: Words
    continuing_subjects: Words
    unnamed_state_bodies: Words
    request_nouns: Words
    request_value: str
    two_sided_verbs: Words
    domestic_cues: Words
    beneficiary_cues: Words
    beneficiary_determiners: Words
    ordinal_customer: str
    earlier_customer_cues: Words
    role_windows: RoleWindows


@dataclass(frozen=True, slots=True)
class ObjectWindows:
    """How far from its trigger a system is still what the trigger acts on."""

    object_words: int  # words between a trigger and its object
    list_gap: int  # characters between two members of a list of objects
    subject_before: int  # characters before a weapon noun read for a place or means word
    inclusion_words: int  # words between "including" and the first system it lists


@dataclass(frozen=True, slots=True)
class ReplacedWindows:
    """How far before a system the words that say the buyer already has it reach."""

    before: int  # characters before the system
    words: int  # words between the cue and the system ("to replace its ageing F-16s")


@dataclass(frozen=True, slots=True)
class ImpliedEvent:
    """A further event a trigger states beside its own: an aid package is delivered later."""

    trigger: str  # a pattern the trigger's words match whole
    then: Words  # the further event's type and status


@dataclass(frozen=True, slots=True)
class EventsLexicon:
    """events.yaml: the trigger words and what makes them events, and the keys the role,
    object, contents and competition steps read."""

    triggers: dict[str, dict[str, list[str]]]  # event type -> "verb"/"noun" -> patterns
    status: dict[str, list[str]]  # negated/planned/ongoing -> cue patterns
    negation_reach: int  # words between a negation and the trigger it negates
    denials: Words
    attribution: Words
    weak_triggers: Words  # trigger words common in other senses: they need a weapon named
    definitional_verbs: Words
    descriptive_participles: Words
    not_deals: Words
    not_goods: Words
    purpose_cues: Words
    time_of_event: Words
    arms_words: Words
    deal_parts: Words
    blocs: Words
    non_parties: Words
    seller_verbs: Words
    supplier_by: Words
    buyer_by: Words
    forces: Words
    force_titles: Words
    counted_parties: Words
    place_or_means: Words
    object_determiners: Words
    not_object: Words
    object_list_joiners: Words
    object_list_breaks: Words
    sourced_list_gap: str  # "X from A, the Y from B": a list whose items each name a source
    inclusion_cues: Words
    contents_cues: Words
    list_markers: Words
    implied_events: tuple[ImpliedEvent, ...]
    contents_wait: int  # sentences an event waits for one that says what it holds
    contents_own_deals: Words  # categories of an event's further items that are deals apart
    competition_cues: Words
    lost_cues: Words  # a system lost the competitions of the states named after them
    replaced_cues: Words
    replaced_windows: ReplacedWindows
    object_windows: ObjectWindows


@dataclass(frozen=True, slots=True)
class CountWindows:
    """How many words a count puts between its number and its unit."""

    modifiers: int  # words of `count_modifiers` right after the number ("six more")
    words: int  # any words after them ("six Rafale F4 aircraft")
    part_before: int  # characters before a count read for its part ("the first 10 of the")


@dataclass(frozen=True, slots=True)
class QuantitiesLexicon:
    """quantities.yaml: what is counted, the number words, what makes a number no count."""

    units: dict[str, list[str]]
    number_words: dict[str, int]
    counted_by_article: Words
    category_units: dict[str, str]  # a named system's category -> the unit it is counted in
    article_numbers: Words
    count_modifiers: Words
    not_count_words: Words
    part_word: str
    part_determiners: Words
    part_ordinals: Words
    part_events: Words
    years: list[int]
    count_windows: CountWindows


@dataclass(frozen=True, slots=True)
class MoneyLexicon:
    """money.yaml: currency symbols, codes and words, and the multipliers."""

    symbols: dict[str, str]
    codes: Words
    code_aliases: dict[str, str]
    words: dict[str, str]
    multipliers: dict[str, int]
    symbol_multipliers: Words
    min_plain_amount: int


@dataclass(frozen=True, slots=True)
class DateWindows:
    """How far, in characters or words, the date steps read around a date or trigger."""

    year_context: int  # characters before a bare year, for the words that make it a date
    past_verb: int  # characters before a weekday, for the verb in the past it follows
    sentence_opening: int  # characters before a date, for the start of its sentence
    background_clause: int  # characters before a date, for a "since" that opens its clause
    sentence: int  # characters around a trigger, for its sentence
    shared_date_words: int  # two triggers this many words apart share a date
    rival_date_words: int  # a date this many words after another trigger is that trigger's


@dataclass(frozen=True, slots=True)
class DatesLexicon:
    """dates.yaml: the words and windows of the date, timing and assembling steps."""

    months: dict[str, Words]  # a month's name -> its short forms
    weekdays: Words
    approximate: Words
    relative_days: dict[str, int]
    directions: dict[str, int]
    units: dict[str, Words]  # a unit's name -> its written forms
    unit_days: dict[str, int]
    ago: Words
    within: Words
    within_back: Words
    month_prepositions: dict[str, int]
    year_context: Words
    year_name_context: Words
    not_years: Words
    quarter_ordinals: Words
    quarter_units: Words
    anaphora: Words
    looks_ahead: Words
    background_clauses: Words
    background: Words
    list_joins: Words
    reporting_verbs: Words
    future_words: Words
    same_news_days: int
    dateline_lead: int  # characters after a dateline read for its missing year
    completion_cues: Words
    windows: DateWindows


@dataclass(frozen=True, slots=True)
class GenericLexicon:
    """generic.yaml: what makes "two new frigates" a system named by its kind."""

    stop_modifiers: Words  # words before a weapon noun that say nothing of its kind
    vague_heads: Words
    max_modifiers: int
    kind_participles: Words
    compound_heads: Words
    acronyms: dict[str, str]  # a kind written as its acronym -> in full


@dataclass(frozen=True, slots=True)
class CategoriesLexicon:
    """categories.yaml, read whole: per system category, the nouns (patterns) that name it."""

    nouns: dict[str, Words]


@dataclass(frozen=True, slots=True)
class LayoutLexicon:
    """layout.yaml: how lines join, what page furniture looks like, where a title's date is."""

    wrap_joiners: Words
    furniture_starts: Words
    furniture_anywhere: Words
    furniture_tail_headings: Words  # a heading that begins the links to other stories
    title_lines: int
    title_max_chars: int


@dataclass(frozen=True, slots=True)
class GrammarLexicon:
    """grammar.yaml: English function words by the part they play in a clause (where it
    breaks, what makes an infinitive, a passive, a report, a topic), for events.py."""

    comma_conjunctions: Words
    contrast_conjunctions: Words
    subordinators: Words
    not_a_verb: Words
    named_subject_conjunctions: Words
    auxiliaries: Words
    complementizers: Words
    clause_joiners: Words
    dated_clause_joiners: Words
    definite_articles: Words
    list_conjunctions: Words
    anaphoric_determiners: Words
    day_prepositions: Words
    owner_prepositions: Words
    report_openers: Words
    report_time_openers: Words
    report_followers: Words
    infinitive: Words
    aspect_verbs: Words
    present_be: Words
    progressive_adverbs: Words
    progressive_openers: Words
    progressive_ending: Words
    deal_nouns: Words
    topic_prepositions: Words
    topic_determiners: Words
    partner_prepositions: Words
    noun_determiners: Words
    negative_determiners: Words
    negated_verbs: Words
    negation: Words
    verb_joiners: Words
    past_perfect: Words
    as_what: Words
    indefinite_articles: Words
    passive_participle_auxiliaries: Words
    general_passive: Words
    same_system: str
    relative_pronouns: Words
    relative_subjects: Words
    agent_prepositions: Words
    content_cues: Words
    made_prepositions: Words
    goods_nouns: Words
    definitional_articles: Words


@functools.cache
def roles_lexicon() -> RolesLexicon:
    return from_data(RolesLexicon, load_data("roles.yaml"), "roles.yaml")


@functools.cache
def events_lexicon() -> EventsLexicon:
    return from_data(EventsLexicon, load_data("events.yaml"), "events.yaml")


@functools.cache
def quantities_lexicon() -> QuantitiesLexicon:
    return from_data(QuantitiesLexicon, load_data("quantities.yaml"), "quantities.yaml")


@functools.cache
def money_lexicon() -> MoneyLexicon:
    return from_data(MoneyLexicon, load_data("money.yaml"), "money.yaml")


@functools.cache
def dates_lexicon() -> DatesLexicon:
    return from_data(DatesLexicon, load_data("dates.yaml"), "dates.yaml")


@functools.cache
def grammar_lexicon() -> GrammarLexicon:
    return from_data(GrammarLexicon, load_data("grammar.yaml"), "grammar.yaml")


@functools.cache
def layout_lexicon() -> LayoutLexicon:
    return from_data(LayoutLexicon, load_data("layout.yaml"), "layout.yaml")


@functools.cache
def generic_lexicon() -> GenericLexicon:
    return from_data(GenericLexicon, load_data("generic.yaml"), "generic.yaml")


@functools.cache
def categories_lexicon() -> CategoriesLexicon:
    # the file is one mapping of categories, not a record of named keys
    nouns = _typed(load_data("categories.yaml"), dict[str, Words], "categories.yaml")
    return CategoriesLexicon(nouns)


# the data file each typed lexicon reads (tests check every key of these files is read)
LEXICONS: dict[str, type] = {
    "roles.yaml": RolesLexicon,
    "events.yaml": EventsLexicon,
    "quantities.yaml": QuantitiesLexicon,
    "money.yaml": MoneyLexicon,
    "dates.yaml": DatesLexicon,
    "layout.yaml": LayoutLexicon,
    "grammar.yaml": GrammarLexicon,
    "generic.yaml": GenericLexicon,
}


def from_data(cls: Any, data: Any, where: str) -> Any:
    """An instance of the dataclass `cls` from the mapping `data`: each field's value checked
    against its type. A key the class does not name is an error: no code would read it."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping, got {data!r}")
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    named = {field.name for field in fields}
    unknown = [key for key in data if key not in named]
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r}")
    values = {}
    for field in fields:
        if field.name not in data:
            raise ValueError(f"{where}: missing key {field.name!r}")
        values[field.name] = _typed(data[field.name], hints[field.name], f"{where} {field.name}")
    return cls(**values)


def _typed(value: Any, hint: Any, where: str) -> Any:
    if dataclasses.is_dataclass(hint):
        return from_data(hint, value, where)
    if hint == Words:
        words = value.split() if isinstance(value, str) else value
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{where}: expected words (a list or space-separated), got {value!r}")
        return tuple(words)
    if typing.get_origin(hint) is tuple:  # records of one kind: tuple[ImpliedEvent, ...]
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list, got {value!r}")
        item = typing.get_args(hint)[0]
        return tuple(_typed(v, item, f"{where} [{i}]") for i, v in enumerate(value))
    expected = typing.get_origin(hint) or hint
    if not isinstance(value, expected) or isinstance(value, bool):
        name = hint.__name__ if type(hint) is type else str(hint)  # "int", "dict[str, int]"
        raise ValueError(f"{where}: expected {name}, got {value!r}")
    if expected is dict:  # each key and value checked too: "quantities.yaml number_words a"
        key_hint, value_hint = typing.get_args(hint)
        return {
            _typed(k, key_hint, where): _typed(v, value_hint, f"{where} {k}")
            for k, v in value.items()
        }
    if expected is list:
        (item,) = typing.get_args(hint)
        return [_typed(v, item, f"{where} [{i}]") for i, v in enumerate(value)]
    return value


def alternatives(fragments: Iterable[str]) -> str:
    """Regular-expression fragments as one group, in the order the data gives them."""
    return "(?:" + "|".join(fragments) + ")"


def optional_words(words: Iterable[str]) -> str:
    """At most one of these words and the space after it: "(?:the\\s+|its\\s+)?"."""
    return "(?:" + "|".join(rf"{word}\s+" for word in words) + ")?"


def list_gap() -> str:
    """What stands between two members of a list: a comma (and a conjunction), or a
    conjunction alone ("155 mm, 120 mm and 105 mm", "March and August")."""
    joiners = grammar_lexicon().list_conjunctions
    return rf"(?:,\s*{optional_words(joiners)}|\s+{alternatives(joiners)}\s+)"


def cue_regex(
    fragments: Iterable[str], before: str = r"\b", after: str = r"\b", flags: int = re.I
) -> re.Pattern[str]:
    """A word list compiled the way events.yaml's are: any of the fragments, between word
    boundaries (or the anchors given), case-insensitively unless told."""
    return re.compile(before + alternatives(fragments) + after, flags)
