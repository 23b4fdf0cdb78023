"""The interval of days a record's date covers: "2016-11" is 2016-11-01 to 2016-11-30,
"2005" is 2005-01-01 to 2005-12-31, a day is itself.

Schema 1.2.0 writes it out as `date.start` and `date.end`, full ISO dates that SQL, pandas
and SPARQL compare as dates; the normalizer, the 1.1.0 -> 1.2.0 migration and the
`date-interval` check all take it from here.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

_SHAPE = {
    "year": re.compile(r"[0-9]{4}"),
    "month": re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])"),
    "day": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}


def interval(value: Any, precision: Any) -> tuple[str, str] | None:
    """The first and last day (YYYY-MM-DD) of what `value` covers at `precision`; None when
    the two do not fit together (left for the schema to report)."""
    shape = _SHAPE.get(precision) if isinstance(precision, str) else None
    if shape is None or not isinstance(value, str) or not shape.fullmatch(value):
        return None
    if precision == "day":
        return value, value
    if precision == "month":
        last = calendar.monthrange(int(value[:4]), int(value[5:7]))[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def with_interval(date: dict[str, Any]) -> dict[str, Any]:
    """A new date object with `start` and `end` (after the keys it has); the date as it is
    when its value and precision do not fit together."""
    days = interval(date.get("value"), date.get("precision"))
    if days is None:
        return dict(date)
    return {**date, "start": days[0], "end": days[1]}
