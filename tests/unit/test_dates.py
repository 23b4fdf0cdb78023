"""Dates: found in text and resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from exporter.normalize.dates import find_dates, resolve

FRIDAY = dt.date(2019, 3, 29)


def one(text: str, forward: bool = False, reference: dt.date = FRIDAY) -> tuple:
    found = find_dates(text, 0, len(text))
    assert len(found) == 1, found
    resolved = resolve(found[0], reference, forward)
    assert resolved is not None
    return resolved.value, resolved.precision, resolved.text, resolved.approximate


@pytest.mark.parametrize(
    ("text", "forward", "expected"),
    [
        (
            "confirmed on September 12, 2017 by",
            False,
            ("2017-09-12", "day", "September 12, 2017", False),
        ),
        ("signed on 12 September 2017.", False, ("2017-09-12", "day", "12 September 2017", False)),
        ("on Oct. 5, 2020 the", False, ("2020-10-05", "day", "Oct. 5, 2020", False)),
        ("reported in November 2016 that", False, ("2016-11", "month", "November 2016", False)),
        ("In mid-June 2018, a source", False, ("2018-06", "month", "mid-June 2018", True)),
        ("would begin in October", True, ("2019-10", "month", "October", False)),
        ("began in October", False, ("2018-10", "month", "October", False)),
        ("said in early March that", False, ("2019-03", "month", "early March", True)),
        ("said on Friday.", False, ("2019-03-29", "day", "on Friday", False)),
        ("met on Tuesday.", False, ("2019-03-26", "day", "on Tuesday", False)),
        ("will meet on Tuesday.", True, ("2019-04-02", "day", "on Tuesday", False)),
        ("entered service in 2007.", False, ("2007", "year", "2007", False)),
        ("by the end of 2021", True, ("2021", "year", "the end of 2021", True)),
        ("in the first half of 2023", True, ("2023", "year", "the first half of 2023", True)),
        ("signed last year", False, ("2018", "year", "last year", False)),
        ("due next month", True, ("2019-04", "month", "next month", False)),
        ("said yesterday", False, ("2019-03-28", "day", "yesterday", False)),
        ("two years ago", False, ("2017", "year", "two years ago", False)),
        ("in May 2019 for", True, ("2019-05", "month", "May 2019", False)),
        ("on March 29", False, ("2019-03-29", "day", "March 29", False)),
    ],
)
def test_date_is_found_and_resolved(text: str, forward: bool, expected: tuple) -> None:
    assert one(text, forward) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a range of 400 km",
        "the 2017 contract remains",
        "it may be sold",
        "S-400 systems",
        "No. 5 squadron",
    ],
)
def test_no_date_where_there_is_none(text: str) -> None:
    assert find_dates(text, 0, len(text)) == []


def test_day_that_does_not_exist_is_not_resolved() -> None:
    found = find_dates("on February 30, 2019", 0, 20)
    assert resolve(found[0], FRIDAY, False) is None


def test_relative_date_needs_a_reference() -> None:
    found = find_dates("last year", 0, 9)
    assert resolve(found[0], None, False) is None
