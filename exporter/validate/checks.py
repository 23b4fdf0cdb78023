"""Semantic checks beyond the schema: a registry of small named functions.

Each check sees one schema-valid record and returns its (path, message) pairs, an empty
tuple when all is well (most records: so a check is written to touch few keys and to build
nothing until it finds something); any check can be switched off by name
(`procex validate --skip NAME`). Checks that need to see every record (duplicate ids) keep
their state in the `Seen` object of one validation run.

A check may also name its suspects: given a run of schema-valid records, the indexes of
those it may find something in (most often none), found in one pass over the run; the check
itself then runs on those alone (exporter.validate.fast). Most checks name a test of one
record that is also their own first test, so the two cannot disagree.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from exporter import dealid
from exporter.formats import unloadable
from exporter.interval import interval
from exporter.validate.idset import FirstSeen

Path_ = tuple[str | int, ...]
Finding = tuple[Path_, str]


@dataclass
class Seen:
    """What a validation run has seen so far, for checks across records and files."""

    ids: FirstSeen = field(default_factory=FirstSeen)  # id -> "file:line" of first sight


Check = Callable[[dict[str, Any], Seen, str], Iterable[Finding]]
Records = Sequence[dict[str, Any]]
# records, the run's state, the name each record's place starts with (its file and a colon),
# each record's line: the indexes of the records the check must see (the others it passes
# for sure)
Suspects = Callable[[Records, Seen, Sequence[str], Sequence[int]], list[int]]
CHECKS: dict[str, Check] = {}
SUSPECTS: dict[str, Suspects] = {}
Test = Callable[[dict[str, Any]], bool]
TESTS: dict[str, Test] = {}  # a check's own first test, where it has one
DESCRIPTIONS: dict[str, str] = {}
# the record kinds (registry families) a check applies to; most read event fields
KINDS: dict[str, tuple[str, ...]] = {}
EVENT_KIND, DEAL_KIND = "procurement-event", "procurement-deal"


def check(
    name: str,
    description: str,
    kinds: tuple[str, ...] = (EVENT_KIND,),
    suspects: Suspects | None = None,
    test: Test | None = None,
) -> Callable[[Check], Check]:
    """Register a check; `test`, a check's own first test of one record (False: nothing to
    find), gives its suspects too (`of_records`) and lets the record path skip the call."""

    def register(function: Check) -> Check:
        CHECKS[name] = function
        DESCRIPTIONS[name] = description
        KINDS[name] = kinds
        if test is not None:
            TESTS[name] = test
        found = suspects if suspects is not None else of_records(test) if test else None
        if found is not None:
            SUSPECTS[name] = found
        return function

    return register


def of_records(suspect: Test) -> Suspects:
    """The suspects function of a check that reads nothing but each record: those that
    `suspect` (the check's own first test) does not clear."""
    return lambda records, seen, names, lines: [n for n, r in enumerate(records) if suspect(r)]


def iso_codes(database: str, root: str) -> frozenset[str]:
    """The alpha-3 codes of one of pycountry's ISO databases, read from its JSON file as
    pycountry itself reads it: importing pycountry costs more start-up than checking a
    thousand records. pycountry is asked instead if its files are not where expected."""
    spec = importlib.util.find_spec("pycountry")
    try:
        folder = spec.submodule_search_locations[0]  # type: ignore[union-attr,index]
        with open(os.path.join(folder, "databases", f"iso{database}.json"), "rb") as codes:
            entries = orjson.loads(codes.read())[root]
        return frozenset(entry["alpha_3"] for entry in entries)
    except (AttributeError, OSError, KeyError, TypeError, IndexError, orjson.JSONDecodeError):
        import pycountry

        table = pycountry.countries if database == "3166-1" else pycountry.currencies
        return frozenset(entry.alpha_3 for entry in table)


@functools.cache
def iso_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str | None]]:
    """The ISO 3166-1 country codes, the ISO 4217 currency codes, and the country codes with
    None: read when a check first needs them, not when the module is imported."""
    countries = iso_codes("3166-1", "3166-1")
    return countries, iso_codes("4217", "4217"), countries | {None}


def __getattr__(name: str) -> frozenset[str]:
    if name == "_COUNTRIES":  # the tables by their former names
        return iso_tables()[0]
    if name == "_CURRENCIES":
        return iso_tables()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_NO_PARTY: dict[str, Any] = {"country": None}


_REPORTED = ("reported", "ongoing")


def _dated_after_publication(record: dict[str, Any]) -> bool:
    date = record.get("date")
    if not date or record["status"] not in _REPORTED:
        return False
    published = record["source"].get("published")
    # compared at the date's own precision: "2019-03" is not after "2019-03-29"
    return bool(published) and date["value"] > published[: len(date["value"])]


@check(
    "reported-before-published",
    "an event marked reported or ongoing is not dated after its article was published",
    test=_dated_after_publication,
)
def reported_before_published(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    if not _dated_after_publication(record):
        return ()
    return [
        (
            ("date", "value"),
            f"{record['status']} event dated {record['date']['value']}, after its source was "
            f"published on {record['source']['published']}; should its status be planned?",
        )
    ]


_days = functools.lru_cache(maxsize=4096)(interval)  # few distinct dates, many records


def _interval_not_as_dated(record: dict[str, Any]) -> bool:
    date = record.get("date")
    if not date or "start" not in date:  # records before 1.2.0 have no interval
        return False
    days = _days(date["value"], date["precision"])
    # (a value that does not fit its precision, no interval, is the schema's to report)
    return days is not None and (date["start"], date["end"]) != days


@check(
    "date-interval",
    "date.start and date.end are the first and last day of what date.value covers at its precision",
    test=_interval_not_as_dated,
)
def date_interval(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    if not _interval_not_as_dated(record):
        return ()
    date = record["date"]
    days = _days(date["value"], date["precision"])
    assert days is not None  # a suspect has an interval
    found = []
    for key, expected, which in (("start", days[0], "first"), ("end", days[1], "last")):
        if date[key] != expected:
            found.append(
                (
                    ("date", key),
                    f"{date[key]!r} is not the {which} day of {date['value']} "
                    f"(precision {date['precision']}): expected {expected!r}",
                )
            )
    return found


def _unknown_countries(record: dict[str, Any]) -> bool:
    known = iso_tables()[2]
    seller = record["seller"] or _NO_PARTY  # 1.3.0: null where the text names no supplier
    if (
        record["buyer"]["country"] in known
        and seller["country"] in known
        and record["system"]["origin"] in known
    ):
        for actor in record["actors"]:  # noqa: SIM110 - a loop, not any(): no generator a record
            if actor["country"] not in known:
                return True
        return False
    return True


@check(
    "country-iso3166",
    "every country code is an ISO 3166-1 alpha-3 code",
    test=_unknown_countries,
)
def country_codes(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    if not _unknown_countries(record):
        return ()
    countries = iso_tables()[0]
    actors = record["actors"]
    seller = record["seller"] or _NO_PARTY
    places: list[tuple[Path_, Any]] = [
        (("buyer", "country"), record["buyer"]["country"]),
        (("seller", "country"), seller["country"]),
        (("system", "origin"), record["system"]["origin"]),
    ]
    places += [(("actors", i, "country"), a["country"]) for i, a in enumerate(actors)]
    return [
        (path, f"{code!r} is not an ISO 3166-1 alpha-3 country code")
        for path, code in places
        if code is not None and code not in countries
    ]


def _deal_id_not_composed(record: dict[str, Any]) -> bool:
    """Is the deal id other than the record's codes and designation in capitals written
    out? (The check then looks closer: a designation's letters may be spelled otherwise.)"""
    buyer, party = record["buyer"]["country"], record["seller"]
    seller = dealid.UNNAMED_SELLER if party is None else party["country"]
    if type(buyer) is not str or type(seller) is not str or "-" in buyer or "-" in seller:
        return True  # parts would not split back into these codes
    designation = record["system"]["designation"]
    return record["deal_id"] != dealid.compose(buyer, seller, designation.upper())


@check(
    "deal-id",
    "deal_id is BUYER-SELLER-SYSTEM of the record's buyer and seller country codes (XXX for a "
    "null seller) and its system's designation",
    test=_deal_id_not_composed,
)
def deal_id_parts(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    if not _deal_id_not_composed(record):
        return ()
    buyer, seller, system = dealid.parts(record["deal_id"])
    party, designation = record["seller"], record["system"]["designation"]
    wanted_buyer = record["buyer"]["country"]
    wanted_seller = dealid.UNNAMED_SELLER if party is None else party["country"]
    same_system = system == designation.upper() or (
        _alphanumeric(system) == _alphanumeric(designation)
    )
    if buyer == wanted_buyer and seller == wanted_seller and same_system:
        return ()
    has = f"deal_id {record['deal_id']!r} has"
    whose = {
        "buyer": f"whose country is {wanted_buyer!r}",
        "seller": f"whose country is {wanted_seller!r}"
        if party is not None
        else f"which is null: expected {wanted_seller!r} (no seller named)",
        "system": f"whose designation is {designation!r}",
    }
    wrong = {"buyer": buyer != wanted_buyer, "seller": seller != wanted_seller}
    wrong["system"] = not same_system
    said = {"buyer": buyer, "seller": seller, "system": system}
    return [
        (("deal_id",), f"{has} {said[role]!r} for the {role}, {whose[role]}")
        for role in ("buyer", "seller", "system")
        if wrong[role]
    ]


@functools.lru_cache(maxsize=4096)  # few designations, many records
def _alphanumeric(text: str) -> str:
    """The letters and digits of a name in ASCII capitals: what a deal id's system part keeps
    of a designation ("Hürjet" -> HURJET, "S-400" -> S400)."""
    ascii_form = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_form.upper() if ch.isascii() and ch.isalnum())


def _unknown_currency(record: dict[str, Any]) -> bool:
    value = record.get("value")
    if not value:
        return False
    return value["currency"] not in iso_tables()[1]


@check(
    "currency-iso4217",
    "a money value's currency is an ISO 4217 code",
    test=_unknown_currency,
)
def currency_code(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    if not _unknown_currency(record):
        return ()
    currency = record["value"]["currency"]
    return [(("value", "currency"), f"{currency!r} is not an ISO 4217 currency code")]


def _seen_before(
    records: Sequence[dict[str, Any]], seen: Seen, names: Sequence[str], lines: Sequence[int]
) -> list[int]:
    # every id is taken in here, at its place (name + line); a suspect's check then finds
    # its id taken, and where
    return seen.ids.first_many([record["id"] for record in records], names, lines)


@check(
    "duplicate-id",
    "no two records share an id, across all files checked together",
    kinds=(EVENT_KIND, DEAL_KIND),
    suspects=_seen_before,
)
def duplicate_id(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    # exact, in bounded memory: every id is kept with the place it was first seen (a file
    # named twice is read once: record_files drops repeats)
    first = seen.ids.first(record["id"], where)
    if first is not None:
        return [(("id",), f"duplicate id {record['id']!r}, first seen at {first}")]
    return ()


@check(
    "loadable",
    "PostgreSQL (jsonb, bigint) and DuckDB load the record: no NUL character, no lone "
    "surrogate, numbers finite and integers within 64 bits; what convert refuses to write",
)
def loadable(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    found = unloadable(record, finite=True)  # records here were read by procex's readers
    return () if found is None else [found]
