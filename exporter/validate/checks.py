"""Semantic checks beyond the schema: a registry of small named functions.

Each check sees one schema-valid record and yields (path, message) pairs; any check can be
switched off by name (`procex validate --skip NAME`). Checks that need to see every record
(duplicate ids) keep their state in the `Seen` object of one validation run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pycountry

Path_ = tuple[str | int, ...]
Finding = tuple[Path_, str]


@dataclass
class Seen:
    """What a validation run has seen so far, for checks across records and files."""

    ids: dict[str, str] = field(default_factory=dict)  # id -> "file:line" of first sight


Check = Callable[[dict[str, Any], Seen, str], Iterator[Finding]]
CHECKS: dict[str, Check] = {}
DESCRIPTIONS: dict[str, str] = {}


def check(name: str, description: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        DESCRIPTIONS[name] = description
        return function

    return register


_COUNTRIES = frozenset(c.alpha_3 for c in pycountry.countries)
_CURRENCIES = frozenset(c.alpha_3 for c in pycountry.currencies)


@check(
    "reported-before-published",
    "an event marked reported or ongoing is not dated after its article was published",
)
def reported_before_published(record: dict[str, Any], seen: Seen, where: str) -> Iterator[Finding]:
    date, published = record.get("date"), record["source"].get("published")
    # compared at the date's own precision: "2019-03" is not after "2019-03-29"
    if (
        date
        and published
        and record["status"] in ("reported", "ongoing")
        and date["value"] > published[: len(date["value"])]
    ):
        yield (
            ("date", "value"),
            f"{record['status']} event dated {date['value']}, after its source was "
            f"published on {published}; should its status be planned?",
        )


@check("country-iso3166", "every country code is an ISO 3166-1 alpha-3 code")
def country_codes(record: dict[str, Any], seen: Seen, where: str) -> Iterator[Finding]:
    places: list[tuple[Path_, Any]] = [
        (("buyer", "country"), record["buyer"]["country"]),
        (("seller", "country"), record["seller"]["country"]),
        (("system", "origin"), record["system"]["origin"]),
    ]
    places += [(("actors", i, "country"), a["country"]) for i, a in enumerate(record["actors"])]
    for path, code in places:
        if code is not None and code not in _COUNTRIES:
            yield path, f"{code!r} is not an ISO 3166-1 alpha-3 country code"


@check("currency-iso4217", "a money value's currency is an ISO 4217 code")
def currency_code(record: dict[str, Any], seen: Seen, where: str) -> Iterator[Finding]:
    value = record.get("value")
    if value and value["currency"] not in _CURRENCIES:
        yield ("value", "currency"), f"{value['currency']!r} is not an ISO 4217 currency code"


@check("duplicate-id", "no two records share an id, across all files checked together")
def duplicate_id(record: dict[str, Any], seen: Seen, where: str) -> Iterator[Finding]:
    first = seen.ids.setdefault(record["id"], where)
    if first != where:
        yield ("id",), f"duplicate id {record['id']!r}, first seen at {first}"
