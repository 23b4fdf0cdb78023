"""Hypothesis strategies for valid procurement-event records of each schema version."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pycountry
from hypothesis import strategies as st

from exporter import registry
from exporter.dealid import UNNAMED_SELLER
from exporter.interval import with_interval

COUNTRIES = sorted(c.alpha_3 for c in pycountry.countries)
CURRENCIES = sorted(c.alpha_3 for c in pycountry.currencies)
CATEGORIES = list(registry.enum("system", "category"))
EVENT_TYPES = list(registry.enum("event_type"))
STATUSES = list(registry.enum("status"))

# Text that exercises the writers: YAML traps, non-ASCII, line separators, quotes, controls.
TRAPS = [
    "NO",
    "no",
    "yes",
    "on",
    "off",
    "null",
    "~",
    "2019-03-29",
    "1e3",
    "0x1F",
    "012",
    ".inf",
    "- a",
    "a: b",
    "#x",
    "'q'",
    '"q"',
    "Türkiye",
    "Ñandú",
    "a\u2028b",
    "a\u0085b",
    "\t",
    "multi\nline",
    "@id",
    "",
    "€",
    "\u007f",
    "\x00",
]
text = st.one_of(st.sampled_from(TRAPS), st.text(min_size=0, max_size=30))
nonempty = text.filter(bool)
country = st.sampled_from(COUNTRIES)


@st.composite
def dates(draw: Any) -> dict[str, Any] | None:
    if draw(st.booleans()):
        return None
    day = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    value = {
        "year": f"{day.year:04d}",
        "month": f"{day.year:04d}-{day.month:02d}",
        "day": day.isoformat(),
    }[precision]
    out = {"value": value, "precision": precision, "text": draw(nonempty)}
    if draw(st.booleans()):
        out["approximate"] = draw(st.booleans())
    return out


def party() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "name": nonempty,
            "country": country,
            "kind": st.sampled_from(["state", "company", "organization"]),
        }
    )


@st.composite
def records(draw: Any, version: str = registry.latest()) -> dict[str, Any]:
    buyer = draw(party())
    # 1.3.0 on: a seller the text does not name is null, XXX in the deal id
    unnamed_allowed = "anyOf" in registry.schema(version)["properties"]["seller"]
    seller = draw(st.none() | party()) if unnamed_allowed else draw(party())
    seller_code = seller["country"] if seller else UNNAMED_SELLER
    designation = draw(st.from_regex(r"[A-Z]{1,3}-?[0-9]{1,4}", fullmatch=True))
    system: dict[str, Any] = {
        "name": draw(nonempty),
        "designation": designation,
        "category": draw(st.sampled_from(CATEGORIES)),
        "origin": draw(st.none() | country),
    }
    source: dict[str, Any] = {
        "id": draw(st.from_regex(r"[0-9a-f]{16}", fullmatch=True)),
        "publisher": draw(st.none() | nonempty),
        "url": draw(st.none() | st.sampled_from(["https://example.org/a?b=1", "urn:x:y"])),
        "title": draw(st.none() | nonempty),
        "published": draw(
            st.none() | st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)
        ),
        "dateline": draw(st.none() | nonempty),
        "language": draw(st.sampled_from(["en", "ru", "tr"])),
    }
    if version != "1.0.0":
        if draw(st.booleans()):
            system["maker"] = draw(st.none() | nonempty)
        if draw(st.booleans()):
            source["published_inferred"] = draw(st.booleans())
    start = draw(st.integers(0, 10_000))
    status = draw(st.sampled_from(STATUSES))
    date = draw(dates())
    if date and "start" in registry.schema(version)["$defs"]["date"]["properties"]:
        date = with_interval(date)  # 1.2.0 on: the interval the value covers
    published = source["published"]
    if (
        date
        and published
        and status in ("reported", "ongoing")
        and date["value"] > published[: len(date["value"])]
    ):
        status = "planned"  # what happened cannot be dated after the report of it
    return {
        "schema_version": version,
        "id": "pe-" + draw(st.from_regex(r"[0-9a-f]{20}", fullmatch=True)),
        "deal_id": f"{buyer['country']}-{seller_code}-{designation.replace('-', '')}",
        "event_type": draw(st.sampled_from(EVENT_TYPES)),
        "status": status,
        "date": date,
        "buyer": buyer,
        "seller": seller,
        "system": system,
        "quantity": draw(
            st.none() | st.fixed_dictionaries({"value": st.integers(1, 10**6), "unit": nonempty})
        ),
        "value": draw(
            st.none()
            | st.fixed_dictionaries(
                {
                    "amount": st.integers(1, 10**12) | st.floats(0.01, 1e13, allow_nan=False),
                    "currency": st.sampled_from(CURRENCIES),
                }
            )
        ),
        "actors": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"name": nonempty, "role": st.none() | nonempty, "country": st.none() | country}
                ),
                max_size=3,
            )
        ),
        "source": source,
        "evidence": {
            "text": draw(nonempty),
            "start": start,
            "end": start + draw(st.integers(1, 500)),
        },
    }
