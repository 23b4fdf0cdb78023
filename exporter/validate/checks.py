"""Semantic checks beyond the schema: a registry of small named functions.

Each check sees one schema-valid record and returns its (path, message) pairs, an empty
tuple when all is well (most records: so a check is written to touch few keys and to build
nothing until it finds something); any check can be switched off by name
(`procex validate --skip NAME`). Checks that need to see every record (duplicate ids) keep
their state in the `Seen` object of one validation run.
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from exporter import dealid
from exporter.formats import unloadable
from exporter.interval import interval

Path_ = tuple[str | int, ...]
Finding = tuple[Path_, str]


@dataclass
class Seen:
    """What a validation run has seen so far, for checks across records and files."""

    ids: dict[str, str] = field(default_factory=dict)  # id -> "file:line" of first sight


Check = Callable[[dict[str, Any], Seen, str], Iterable[Finding]]
CHECKS: dict[str, Check] = {}
DESCRIPTIONS: dict[str, str] = {}
# the record kinds (registry families) a check applies to; most read event fields
KINDS: dict[str, tuple[str, ...]] = {}
EVENT_KIND, DEAL_KIND = "procurement-event", "procurement-deal"


def check(
    name: str, description: str, kinds: tuple[str, ...] = (EVENT_KIND,)
) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        DESCRIPTIONS[name] = description
        KINDS[name] = kinds
        return function

    return register


def iso_codes(database: str, root: str) -> frozenset[str]:
    """The alpha-3 codes of one of pycountry's ISO databases, read from its JSON file as
    pycountry itself reads it: importing pycountry costs more start-up than checking a
    thousand records. pycountry is asked instead if its files are not where expected."""
    spec = importlib.util.find_spec("pycountry")
    try:
        folder = Path(spec.submodule_search_locations[0]) / "databases"  # type: ignore[union-attr,index]
        entries = orjson.loads((folder / f"iso{database}.json").read_bytes())[root]
        return frozenset(entry["alpha_3"] for entry in entries)
    except (AttributeError, OSError, KeyError, TypeError, IndexError, orjson.JSONDecodeError):
        import pycountry

        table = pycountry.countries if database == "3166-1" else pycountry.currencies
        return frozenset(entry.alpha_3 for entry in table)


_COUNTRIES = iso_codes("3166-1", "3166-1")
_CURRENCIES = iso_codes("4217", "4217")
_COUNTRY_OR_NONE = _COUNTRIES | {None}
_NO_PARTY: dict[str, Any] = {"country": None}


@check(
    "reported-before-published",
    "an event marked reported or ongoing is not dated after its article was published",
)
def reported_before_published(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    date = record.get("date")
    if not date or record["status"] not in ("reported", "ongoing"):
        return ()
    published = record["source"].get("published")
    # compared at the date's own precision: "2019-03" is not after "2019-03-29"
    if published and date["value"] > published[: len(date["value"])]:
        return [
            (
                ("date", "value"),
                f"{record['status']} event dated {date['value']}, after its source was "
                f"published on {published}; should its status be planned?",
            )
        ]
    return ()


@check(
    "date-interval",
    "date.start and date.end are the first and last day of what date.value covers at its precision",
)
def date_interval(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    date = record.get("date")
    if not date or "start" not in date:  # records before 1.2.0 have no interval
        return ()
    days = interval(date["value"], date["precision"])
    if days is None or (date["start"], date["end"]) == days:
        return ()  # (a value that does not fit its precision is the schema's to report)
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


@check("country-iso3166", "every country code is an ISO 3166-1 alpha-3 code")
def country_codes(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    known = _COUNTRY_OR_NONE
    actors = record["actors"]
    seller = record["seller"] or _NO_PARTY  # 1.3.0: null where the text names no supplier
    if (
        record["buyer"]["country"] in known
        and seller["country"] in known
        and record["system"]["origin"] in known
    ):
        for actor in actors:
            if actor["country"] not in known:
                break
        else:
            return ()
    places: list[tuple[Path_, Any]] = [
        (("buyer", "country"), record["buyer"]["country"]),
        (("seller", "country"), seller["country"]),
        (("system", "origin"), record["system"]["origin"]),
    ]
    places += [(("actors", i, "country"), a["country"]) for i, a in enumerate(actors)]
    return [
        (path, f"{code!r} is not an ISO 3166-1 alpha-3 country code")
        for path, code in places
        if code is not None and code not in _COUNTRIES
    ]


@check(
    "deal-id",
    "deal_id is BUYER-SELLER-SYSTEM of the record's buyer and seller country codes (XXX for a "
    "null seller) and its system's designation",
)
def deal_id_parts(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
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


@check("currency-iso4217", "a money value's currency is an ISO 4217 code")
def currency_code(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    value = record.get("value")
    if value and value["currency"] not in _CURRENCIES:
        return [(("value", "currency"), f"{value['currency']!r} is not an ISO 4217 currency code")]
    return ()


@check(
    "duplicate-id",
    "no two records share an id, across all files checked together",
    kinds=(EVENT_KIND, DEAL_KIND),
)
def duplicate_id(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    # exact: every id is kept with the place it was first seen (a file named twice is read
    # once: record_files drops repeats)
    first = seen.ids.get(record["id"])
    if first is not None:
        return [(("id",), f"duplicate id {record['id']!r}, first seen at {first}")]
    seen.ids[record["id"]] = where
    return ()


@check(
    "loadable",
    "PostgreSQL (jsonb, bigint) and DuckDB load the record: no NUL character, no lone "
    "surrogate, numbers finite and integers within 64 bits; what convert refuses to write",
)
def loadable(record: dict[str, Any], seen: Seen, where: str) -> Sequence[Finding]:
    found = unloadable(record, finite=True)  # records here were read by procex's readers
    return () if found is None else [found]
