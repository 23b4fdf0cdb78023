"""The interval of days a date covers (schema 1.2.0's date.start and date.end)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.interval import interval, with_interval


@pytest.mark.parametrize(
    ("value", "precision", "days"),
    [
        ("2016-11", "month", ("2016-11-01", "2016-11-30")),
        ("2005", "year", ("2005-01-01", "2005-12-31")),
        ("2019-03-29", "day", ("2019-03-29", "2019-03-29")),
        ("2024-02", "month", ("2024-02-01", "2024-02-29")),
        ("2100-02", "month", ("2100-02-01", "2100-02-28")),
        ("2017-09", "day", None),  # value and precision disagree: the schema reports it
        ("2017", "month", None),
        ("2017-13", "month", None),
        (2017, "year", None),
        ("2017", None, None),
    ],
)
def test_interval_of_a_value_at_its_precision(value, precision, days) -> None:
    assert interval(value, precision) == days


@given(
    day=st.dates(min_value=dt.date(1000, 1, 1)), precision=st.sampled_from(["year", "month", "day"])
)
def test_the_interval_is_every_day_the_value_covers_and_no_other(
    day: dt.date, precision: str
) -> None:
    length = {"year": 4, "month": 7, "day": 10}[precision]
    value = day.isoformat()[:length]
    found = interval(value, precision)
    assert found is not None
    start, end = (dt.date.fromisoformat(d) for d in found)
    assert start <= day <= end
    assert start.isoformat().startswith(value) and end.isoformat().startswith(value)
    # the day before the start and the day after the end are outside the value
    if start > dt.date.min:
        assert not (start - dt.timedelta(days=1)).isoformat().startswith(value)
    if end < dt.date.max:
        assert not (end + dt.timedelta(days=1)).isoformat().startswith(value)


def test_with_interval_appends_start_and_end_and_changes_nothing_else() -> None:
    date = {"value": "2019-05", "precision": "month", "text": "May 2019", "approximate": True}
    assert list(with_interval(date).items()) == [
        *date.items(),
        ("start", "2019-05-01"),
        ("end", "2019-05-31"),
    ]
    assert date == {
        "value": "2019-05",
        "precision": "month",
        "text": "May 2019",
        "approximate": True,
    }
    misfit = {"value": "2019-05", "precision": "day", "text": "May"}
    assert with_interval(misfit) == misfit and with_interval(misfit) is not misfit
