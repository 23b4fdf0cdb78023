"""Amounts an event states: how many units (a Quantity) and for how much (Money)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from exporter.normalize.events import Trigger
from exporter.normalize.gazetteer import alternation, literal_tree
from exporter.normalize.lexicon import alternatives, money_lexicon, quantities_lexicon
from exporter.normalize.mentions import Mention
from exporter.normalize.wordscan import WORD_DEPTH, WordAlternation, has_digit


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number of units and where the text writes it ("six Rafale aircraft")."""

    start: int
    end: int
    value: int
    unit: str
    named: bool = False  # written with a named system ("24 F-16s", "two Type 035 submarines")
    part: int | None = None  # "the first two of eight frigates": value 8, part 2

    def as_record(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in an ISO 4217 currency and where the text writes it ("$2.5 billion")."""

    start: int
    end: int
    amount: int | float
    currency: str

    def as_record(self) -> dict[str, Any]:
        return {"amount": self.amount, "currency": self.currency}


@dataclass(frozen=True, slots=True)
class QuantityWords:
    """How news counts units, from quantities.yaml, compiled."""

    regex: WordAlternation  # a number, at most two modifiers, up to three words, a unit
    unit_of: dict[str, str]  # a unit's form, singular or plural (lower case) -> the unit
    numbers: dict[str, int]  # number words (lower case) -> their value
    articles: frozenset[str]  # "a", "an": a count only for the units in `by_article`
    by_article: frozenset[str]
    not_count: re.Pattern[str]  # "km", "years" between number and unit: no count
    first_year: int  # digits from `first_year` to `last_year` are a year, no count
    last_year: int
    head_unit: re.Pattern[str]  # a unit word right after the one found: the phrase's head
    number_before: re.Pattern[str]  # a number (and modifiers) right before a named system
    category_units: dict[str, str]
    part_before: re.Pattern[str]  # "12 of the" right before a count: the part of it
    part_in_middle: re.Pattern[str]  # "of eight" between a part's number and the unit
    part_events: frozenset[str]
    part_reach: int


@functools.cache
def _quantity_words() -> QuantityWords:
    words = quantities_lexicon()
    unit_of: dict[str, str] = {}
    for unit, forms in words.units.items():
        for form in forms:
            for variant in (form, form + "s", form + "es", re.sub("y$", "ies", form)):
                unit_of.setdefault(variant.lower(), unit)
    numbers = {k.lower(): v for k, v in words.number_words.items()}
    reach = words.count_windows
    regex = WordAlternation(  # tried only where a number can begin, with the numbers that can
        [("number", [r"\d{1,3}(?:,\d{3})*", r"\d+", *_literals(list(numbers))])],
        r"(?<![\w$€£.,-])",
        rf"(?:\s+{alternatives(words.count_modifiers)}){{0,{reach.modifiers}}}"
        rf"(?P<middle>(?:\s+[\w/-]+){{0,{reach.words}}}?)\s+(?P<unit>{literal_tree(unit_of)})\b",
        re.I,
        depth=WORD_DEPTH,
    )
    first_year, last_year = words.years
    number = rf"\d{{1,3}}(?:,\d{{3}})+|\d+|{alternation(list(numbers))}"
    part_of = rf"\s+{re.escape(words.part_word)}(?:\s+{alternatives(words.part_determiners)})?"
    return QuantityWords(
        regex,
        unit_of,
        numbers,
        frozenset(words.article_numbers),
        frozenset(words.counted_by_article),
        re.compile(rf"\b{alternatives(words.not_count_words)}\b"),
        first_year,
        last_year,
        re.compile(rf"\s+({literal_tree(unit_of)})\b", re.I),
        re.compile(
            rf"(?<![\w$€£.,-])(?P<number>{number})"
            rf"(?:\s+{alternatives(words.count_modifiers)}){{0,{reach.modifiers}}}\s+$",
            re.I,
        ),
        dict(words.category_units),
        re.compile(
            rf"(?<![\w$€£.,-])(?:(?P<number>{number})|(?P<ordinal>{alternatives(words.part_ordinals)}))"
            rf"{part_of}\s+$",
            re.I,
        ),
        re.compile(rf"{part_of}\s+(?P<number>{number})(?![\w,])", re.I),
        frozenset(words.part_events),
        reach.part_before,
    )


def _literals(forms: list[str]) -> list[str]:
    """Each form as an alternative of its own, in the order `alternation` gives them."""
    return [re.escape(form) for form in sorted(set(forms), key=len, reverse=True)]


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Counts of units: "six Rafale aircraft", "a dozen helicopters"; not years, lengths or
    the numbers in a unit's name."""
    words = _quantity_words()
    found: list[Quantity] = []
    for match in words.regex.finditer(text, start, end):
        raw = match["number"].lower()
        unit_word, unit_end = match["unit"], match.end()
        # "interceptor drones", "missile boats": the last noun of the phrase is what is counted
        while head := words.head_unit.match(text, unit_end, end):
            unit_word, unit_end = head[1], head.end()
        unit = words.unit_of[unit_word.lower()]
        if raw in words.articles and (match["middle"].strip() or unit not in words.by_article):
            continue
        value = _count_value(raw, words)
        if value is None:
            continue
        if unit_word[0].isupper() and not unit_word.isupper():
            continue  # "332 Squadron", "5 Regiment": a unit's name, not a count
        if words.not_count.search(match["middle"]):
            continue
        counted = Quantity(match.start(), unit_end, value, unit)
        found.append(_with_part(text, start, counted, match["middle"]))
    return found


def _with_part(text: str, start: int, counted: Quantity, middle: str = "") -> Quantity:
    """A count with the part of it the text names: "two of eight frigates" (counted as two,
    the whole in the middle) or "12 of the 48 howitzers" (the part before the count)."""
    words = _quantity_words()
    inside = words.part_in_middle.match(middle)
    whole = _count_value(inside["number"].lower(), words) if inside else None
    if whole is not None:
        return dataclasses.replace(counted, value=whole, part=counted.value)
    at = counted.start
    before = words.part_before.search(text, max(start, at - words.part_reach), at)
    if before is None:
        return counted
    part = 1 if before["ordinal"] else _count_value(before["number"].lower(), words)
    if part is None:
        return counted
    return dataclasses.replace(counted, start=before.start(), part=part)


def count_for(quantity: Quantity | None, event_type: str) -> Quantity | None:
    """The count an event states: of a part of a whole ("received the first 10 of 250"), the
    part for the events that take one (quantities.yaml part_events: delivery, deployment,
    production), the whole for the order."""
    if quantity is None or quantity.part is None:
        return quantity
    if event_type in _quantity_words().part_events:
        return dataclasses.replace(quantity, value=quantity.part, part=None)
    return quantity


def _count_value(raw: str, words: QuantityWords) -> int | None:
    """A count's value, written in words or digits ("six", "1,000"); None for nought or a
    year written in digits ("the 2024 order")."""
    value = words.numbers.get(raw) if raw in words.numbers else int(raw.replace(",", ""))
    if not value or (words.first_year <= value <= words.last_year and raw.isdigit()):
        return None
    return value


def number_before() -> re.Pattern[str]:
    """A number (and its modifiers) right before a named system ("24 F-16s", "ten more")."""
    return _quantity_words().number_before


def system_counts(text: str, start: int, systems: list[Any]) -> list[Quantity]:
    """Counts written right before a named system, with no unit word after it ("24 F-16s",
    "12 more Rafales"): in the unit of the system's category."""
    words = _quantity_words()
    found = []
    for mention in systems:
        unit = words.category_units.get(mention.system.category) if mention.system else None
        before = words.number_before.search(text, max(start, mention.start - 40), mention.start)
        if unit is None or before is None or words.head_unit.match(text, mention.end):
            continue  # "two Patriot batteries" is counted by its unit word
        raw = before["number"].lower()
        if raw in words.articles:
            continue  # "a Rafale" counts nothing
        value = _count_value(raw, words)
        if value is not None:
            counted = Quantity(before.start(), mention.end, value, unit, named=True)
            found.append(_with_part(text, start, counted))
    return found


@dataclass(frozen=True)
class MoneyWords:
    regex: WordAlternation
    reach: int  # the longest currency sign or code: how far before its digits money begins
    currency_of: dict[str, str]  # symbol, code or word (lower case) -> ISO 4217
    multipliers: dict[str, int]
    symbol_multipliers: frozenset[str]  # "m", "b": money only after a currency symbol
    min_plain_amount: int  # an amount with neither multiplier nor symbol: a value from here up


@functools.cache
def _money_words() -> MoneyWords:
    """Three ways news writes money: "$2.5 billion" / "USD 300 million" (symbol or code
    first), "2.5 bln dollars" (a currency word after), "300 million USD" (a code after)."""
    words = money_lexicon()
    aliases = words.code_aliases
    currency_of = {k.lower(): v for k, v in words.symbols.items()}
    currency_of |= {code.lower(): aliases.get(code, code) for code in words.codes}
    currency_of |= {k.lower(): v for k, v in words.words.items()}
    multipliers = {k.lower(): v for k, v in words.multipliers.items()}
    symbol = literal_tree(words.symbols)
    code = literal_tree(words.codes)
    word = literal_tree(words.words)
    scale = literal_tree(multipliers)
    amount = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    regex = WordAlternation(  # the regex of both ways, tried only where one can begin
        [
            (
                None,
                [
                    rf"(?:(?P<before>{symbol})\s?|(?P<code_before>{code})\s+)(?P<a1>{amount})"
                    rf"(?:\s*-?\s*(?P<m1>{scale})\b)?",
                    rf"(?P<a2>{amount})\s*(?P<m2>{scale})?\s+(?P<after>{word}|{code})\b",
                ],
            )
        ],
        flags=re.I,
        every_group=True,
    )
    return MoneyWords(
        regex,
        max(len(form) for form in [*words.symbols, *words.codes]),
        currency_of,
        multipliers,
        frozenset(m.lower() for m in words.symbol_multipliers),
        words.min_plain_amount,
    )


def find_money(text: str, start: int, end: int) -> list[Money]:
    """Amounts of money with their ISO 4217 currency, the amount as an exact number."""
    found: list[Money] = []
    if not has_digit(text, start, end):
        return found  # every way of writing money has an amount in digits: half the sentences
    words = _money_words()
    for match in words.regex.finditer_within(text, start, end, _near_digits(text, start, end)):
        raw = match["a1"] or match["a2"]
        scale = (match["m1"] or match["m2"] or "").lower()
        marker = match["before"] or match["code_before"] or match["after"]
        currency = words.currency_of.get(marker.lower())
        amount = Decimal(raw.replace(",", "")) * words.multipliers.get(scale, 1)
        if not currency or (not scale and not match["before"] and amount < words.min_plain_amount):
            continue  # "5 dollars" and bare small numbers are not deal values
        if scale in words.symbol_multipliers and not match["before"]:
            continue  # "5 m" without a currency symbol is a length, not money
        value: int | float = int(amount) if amount == amount.to_integral_value() else float(amount)
        found.append(Money(match.start(), match.end(), value, currency))
    return found


_DIGITS = re.compile(r"\d+")


def _near_digits(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where in text[start:end] money can begin, in order, apart: every way of writing it
    begins with its amount's first digit, or a currency sign or code before it with spaces
    between ("$ 5", "USD  300"), so up to each run of digits from the spaces before it and
    the longest sign or code before those. The scan for places then skips the rest: a place
    at every letter that begins a code ("cars" holds "ars") and every digit otherwise."""
    reach = _money_words().reach
    low = high = -1
    for run in _DIGITS.finditer(text, start, end):
        begin = run.start()
        while begin > start and text[begin - 1].isspace():  # str.isspace is re's \s
            begin -= 1
        begin = max(start, begin - reach)
        if begin > high:
            if high >= 0:
                yield low, high
            low = begin
        high = run.end()
    if high >= 0:
        yield low, high


_Amount = TypeVar("_Amount", Quantity, Money)


def amount_for(
    found: list[_Amount], system: Mention | None, trigger: Trigger, systems: int
) -> _Amount | None:
    """The amount written with a system ("six Rafale aircraft" includes it, "€1 billion" stands
    next to it); with one system in play, the amount nearest the trigger."""
    if system is not None:
        for amount in found:
            if amount.start <= system.start and system.end <= amount.end + 2:
                return amount
    # a count written with another system ("two Type 035G submarines") is that system's
    free = [f for f in found if not (isinstance(f, Quantity) and f.named)]
    if systems > 1 or not free:
        return None
    return min(free, key=lambda f: abs(f.start - trigger.start))
