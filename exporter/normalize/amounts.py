"""Amounts an event states: how many units (a Quantity) and for how much (Money)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from exporter.normalize.events import Trigger
from exporter.normalize.gazetteer import alternation
from exporter.normalize.mentions import Mention
from exporter.resources import load_data


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number of units and where the text writes it ("six Rafale aircraft")."""

    start: int
    end: int
    value: int
    unit: str

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


@functools.cache
def _quantity_regex() -> tuple[re.Pattern[str], dict[str, str], dict[str, int]]:
    words = load_data("quantities.yaml")
    unit_of: dict[str, str] = {}
    for unit, forms in words["units"].items():
        for form in forms:
            for variant in (form, form + "s", form + "es", re.sub("y$", "ies", form)):
                unit_of.setdefault(variant.lower(), unit)
    numbers = {k.lower(): v for k, v in words["number_words"].items()}
    regex = re.compile(
        rf"(?<![\w$€£.,-])(?P<number>\d{{1,3}}(?:,\d{{3}})*|\d+|{alternation(list(numbers))})"
        rf"(?:\s+(?:more|additional|new|further|used|second-hand|advanced|modern|upgraded)){{0,2}}"
        rf"(?P<middle>(?:\s+[\w/-]+){{0,3}}?)\s+(?P<unit>{alternation(list(unit_of))})\b",
        re.I,
    )
    return regex, unit_of, numbers


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Counts of units: "six Rafale aircraft", "a dozen helicopters"; not years, lengths or
    the numbers in a unit's name."""
    regex, unit_of, numbers = _quantity_regex()
    by_article = set(load_data("quantities.yaml")["counted_by_article"])
    found: list[Quantity] = []
    for match in regex.finditer(text, start, end):
        raw = match["number"].lower()
        unit = unit_of[match["unit"].lower()]
        if raw in ("a", "an") and (match["middle"].strip() or unit not in by_article):
            continue
        value = numbers.get(raw) if raw in numbers else int(raw.replace(",", ""))
        if not value or (1900 <= value <= 2100 and raw.isdigit()):
            continue
        if match["unit"][0].isupper() and not match["unit"].isupper():
            continue  # "332 Squadron", "5 Regiment": a unit's name, not a count
        if re.search(
            r"\b(?:km|kilomet|percent|per cent|%|years?|months?|days?)\b", match["middle"]
        ):
            continue
        found.append(Quantity(match.start(), match.end(), value, unit))
    return found


@dataclass(frozen=True)
class MoneyWords:
    regex: re.Pattern[str]
    currency_of: dict[str, str]  # symbol, code or word (lower case) -> ISO 4217
    multipliers: dict[str, int]


@functools.cache
def _money_words() -> MoneyWords:
    """Three ways news writes money: "$2.5 billion" / "USD 300 million" (symbol or code
    first), "2.5 bln dollars" (a currency word after), "300 million USD" (a code after)."""
    words = load_data("money.yaml")
    aliases = words.get("code_aliases", {})
    currency_of = {k.lower(): v for k, v in words["symbols"].items()}
    currency_of |= {code.lower(): aliases.get(code, code) for code in words["codes"]}
    currency_of |= {k.lower(): v for k, v in words["words"].items()}
    multipliers = {k.lower(): v for k, v in words["multipliers"].items()}
    symbol = alternation(list(words["symbols"]))
    code = alternation(list(words["codes"]))
    word = alternation(list(words["words"]))
    scale = alternation(list(multipliers))
    amount = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    regex = re.compile(
        rf"(?:(?P<before>{symbol})\s?|(?P<code_before>{code})\s+)(?P<a1>{amount})"
        rf"(?:\s*-?\s*(?P<m1>{scale})\b)?"
        rf"|(?P<a2>{amount})\s*(?P<m2>{scale})?\s+(?P<after>{word}|{code})\b",
        re.I,
    )
    return MoneyWords(regex, currency_of, multipliers)


def find_money(text: str, start: int, end: int) -> list[Money]:
    """Amounts of money with their ISO 4217 currency, the amount as an exact number."""
    words = _money_words()
    found: list[Money] = []
    for match in words.regex.finditer(text, start, end):
        raw = match["a1"] or match["a2"]
        scale = (match["m1"] or match["m2"] or "").lower()
        marker = match["before"] or match["code_before"] or match["after"]
        currency = words.currency_of.get(marker.lower())
        amount = Decimal(raw.replace(",", "")) * words.multipliers.get(scale, 1)
        if not currency or (not scale and not match["before"] and amount < 1000):
            continue  # "5 dollars" and bare small numbers are not deal values
        if scale in ("m", "b", "k") and not match["before"]:
            continue  # "5 m" without a currency symbol is a length, not money
        value: int | float = int(amount) if amount == amount.to_integral_value() else float(amount)
        found.append(Money(match.start(), match.end(), value, currency))
    return found


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
    if systems > 1 or not found:
        return None
    return min(found, key=lambda f: abs(f.start - trigger.start))
