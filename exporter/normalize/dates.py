"""Dates: found in a sentence, then resolved against the article's reference date.

"September 12, 2017" needs nothing; "March 29", "in October" and "on Friday" need the
reference date and the direction of the clause (a planned event looks forward); "last year",
"next month" count from the reference; "early March", "by the end of 2021" are approximate.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from exporter.normalize.gazetteer import alternation
from exporter.resources import load_data


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # full | monthday | monthyear | month | year | weekday | relative | anaphora
    year: int | None = None
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    offset: int = 0  # for relative: -1 last, 0 this, +1 next
    unit: str = ""  # for relative: day | month | year


@dataclass(frozen=True)
class ResolvedDate:
    value: str
    precision: str  # year | month | day
    text: str
    approximate: bool = False

    def as_record(self) -> dict[str, object]:
        record: dict[str, object] = {
            "value": self.value,
            "precision": self.precision,
            "text": self.text,
        }
        if self.approximate:
            record["approximate"] = True
        return record


@functools.cache
def _tables() -> tuple[dict[str, int], dict[str, int], re.Pattern[str]]:
    words = load_data("dates.yaml")
    months: dict[str, int] = {}
    for number, (name, short) in enumerate(words["months"].items(), start=1):
        for form in [name, *short]:
            months[form.lower()] = number
    weekdays = {name.lower(): i for i, name in enumerate(words["weekdays"])}
    month = alternation([m.capitalize() for m in months] + [m.upper() for m in months])
    weekday = alternation([w.capitalize() for w in weekdays])
    approx = alternation(words["approximate"])
    regex = re.compile(
        rf"""(?<![\w-])(?=[A-Za-z0-9])(?:(?P<approx>{approx})[\s-]*)?(?:
          (?P<full1>(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d))
        | (?P<full2>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month})\.?,?\s+(?P<y2>(?:19|20)\d\d))
        | (?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))
        | (?P<monthyear>(?P<m4>{month})\.?,?\s+(?:of\s+)?(?P<y4>(?:19|20)\d\d))
        | (?P<monthday>(?P<m5>{month})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]*\s*(?:19|20)\d\d)(?!\d))
        | (?P<daymonth>(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m6>{month})\b)
        | (?P<quarter>(?i:the)\s+(?P<q>first|second|third|fourth|last)\s+(?P<qu>quarter|half)(?:\s+of\s+(?P<y7>(?:19|20)\d\d)|\s+of\s+(?P<qrel>this|next|last)\s+year)?)
        | (?P<monthonly>\b(?i:in|since|from|until|till|by|of|during|before|after|to|through|this|last|next)\s(?P<m8>{month})\b\.?(?!,?\s+(?:of\s+)?(?:19|20)\d\d)(?!\s+\d{{1,2}}\b))
        | (?P<approxmonth>(?<=[\s-])(?P<m9>{month})\b\.?)
        | (?P<yearonly>(?P<y10>(?:19|20)\d\d)\b(?!-|\s*(?:km|kilometers|kilometres|units|troops|soldiers)))
        | (?P<weekday>(?:(?P<wrel>(?i:last|this|next|on))\s+)?(?P<w>{weekday})\b)
        | (?P<relday>\b(?P<rd>(?i:today|yesterday|tomorrow))\b)
        | (?P<rel>\b(?P<rel_dir>(?i:last|this|next|earlier\ this|later\ this|the\ following|the\ previous|the\ next|the\ coming|the\ past))\s+(?P<rel_unit>year|month)\b)
        | (?P<ago>\b(?P<ago_n>(?i:a|one|two|three|four|five|six|seven|eight|nine|ten)|\d{{1,2}})\s+(?P<ago_unit>years?|months?)\s+ago\b)
        | (?P<anaphora>\b(?i:at\ the\ time|at\ that\ time)\b)
        )""",
        re.VERBOSE,
    )
    return months, weekdays, regex


_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|from|until|till|by|of|during|before|after|to|for|"
    r"through|and|or|early|mid|late|end|beginning|start|year|fiscal|FY)"
    r"[\s-]+|[-–])$",
    re.I,
)


def find_dates(text: str, start: int, end: int) -> list[DateMention]:
    months, weekdays, regex = _tables()
    found: list[DateMention] = []
    for m in regex.finditer(text, start, end):
        approx = bool(m["approx"])
        span_text = m.group().strip()
        s, e = m.start(), m.start() + len(m.group().rstrip())

        def month(name: str) -> int:
            return months[name.lower().rstrip(".")]

        if m["full1"] or m["full2"] or m["iso"]:
            y, mo, d = (
                (m["y1"], month(m["m1"]), m["d1"])
                if m["full1"]
                else (m["y2"], month(m["m2"]), m["d2"])
                if m["full2"]
                else (m["y3"], int(m["m3"]), m["d3"])
            )
            found.append(DateMention(s, e, span_text, "full", int(y), mo, int(d), approx))
        elif m["monthyear"]:
            found.append(
                DateMention(
                    s, e, span_text, "monthyear", int(m["y4"]), month(m["m4"]), None, approx
                )
            )
        elif m["monthday"] or m["daymonth"]:
            mo, d = (month(m["m5"]), m["d5"]) if m["monthday"] else (month(m["m6"]), m["d6"])
            found.append(DateMention(s, e, span_text, "monthday", None, mo, int(d), approx))
        elif m["quarter"]:
            year = int(m["y7"]) if m["y7"] else None
            offset = {"this": 0, "next": 1, "last": -1}.get(m["qrel"] or "this", 0)
            found.append(
                DateMention(
                    s,
                    e,
                    span_text,
                    "year" if year else "relative",
                    year,
                    approximate=True,
                    offset=offset,
                    unit="year",
                )
            )
        elif m["monthonly"] or (m["approxmonth"] and approx):
            name = m["m8"] or m["m9"]
            if m["monthonly"] and not approx:
                s = m.start("m8")
                span_text = text[s:e]
            found.append(DateMention(s, e, span_text, "month", None, month(name), None, approx))
        elif m["yearonly"]:
            if not (approx or _YEAR_CONTEXT.search(text[max(0, s - 20) : s])):
                continue
            found.append(DateMention(s, e, span_text, "year", int(m["y10"]), None, None, approx))
        elif m["weekday"]:
            offset = {"last": -1, "next": 1}.get((m["wrel"] or "").lower(), 0)
            found.append(
                DateMention(s, e, span_text, "weekday", day=weekdays[m["w"].lower()], offset=offset)
            )
        elif m["relday"]:
            offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rd"].lower()]
            found.append(DateMention(s, e, span_text, "relative", offset=offset, unit="day"))
        elif m["rel"]:
            direction = m["rel_dir"].lower()
            offset = (
                -1
                if direction in ("last", "the previous", "the past")
                else 1
                if direction in ("next", "the following", "the next", "the coming")
                else 0
            )
            found.append(
                DateMention(
                    s,
                    e,
                    span_text,
                    "relative",
                    offset=offset,
                    unit=m["rel_unit"].lower(),
                    approximate=approx,
                )
            )
        elif m["ago"]:
            n = _NUMBERS.get(m["ago_n"].lower()) or int(m["ago_n"])
            found.append(
                DateMention(
                    s,
                    e,
                    span_text,
                    "relative",
                    offset=-n,
                    unit="year" if m["ago_unit"].startswith("year") else "month",
                )
            )
        elif m["anaphora"]:
            found.append(DateMention(s, e, span_text, "anaphora"))
    return found


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def resolve(mention: DateMention, reference: dt.date | None, forward: bool) -> ResolvedDate | None:
    """The calendar value of a date mention. `forward` says the clause looks to the future, so
    a date without a year is the next one on or after the reference, not the last one. None
    when it has none, or would fall outside the years 0001-9999 (a reference date near either
    end of the calendar: "last Friday" of 0001-01-01)."""
    try:
        found = _resolve(mention, reference, forward)
    except OverflowError:
        return None
    return found if found is None or _IN_CALENDAR.fullmatch(found.value) else None


_IN_CALENDAR = re.compile(r"(?!0000)\d{4}(?:-\d{2}){0,2}")


def _resolve(mention: DateMention, reference: dt.date | None, forward: bool) -> ResolvedDate | None:
    text, approx = mention.text, mention.approximate
    if mention.kind == "full":
        try:
            dt.date(mention.year, mention.month, mention.day)  # type: ignore[arg-type]
        except ValueError:
            return None
        return ResolvedDate(
            f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}", "day", text, approx
        )
    if mention.kind == "monthyear":
        return ResolvedDate(f"{mention.year:04d}-{mention.month:02d}", "month", text, approx)
    if mention.kind == "year" and mention.year:
        return ResolvedDate(f"{mention.year:04d}", "year", text, approx)
    if reference is None:
        return None
    if mention.kind == "monthday":
        year = reference.year
        try:
            candidate = dt.date(year, mention.month, mention.day)  # type: ignore[arg-type]
        except ValueError:
            return None
        if forward and candidate < reference:
            year += 1
        elif not forward and candidate > reference + dt.timedelta(days=1):
            year -= 1
        try:
            value = dt.date(year, mention.month, mention.day)  # type: ignore[arg-type]
        except ValueError:
            return None
        return ResolvedDate(value.isoformat(), "day", text, approx)
    if mention.kind == "month":
        year = reference.year
        if forward and mention.month < reference.month:  # type: ignore[operator]
            year += 1
        elif not forward and mention.month > reference.month:  # type: ignore[operator]
            year -= 1
        return ResolvedDate(f"{year:04d}-{mention.month:02d}", "month", text, approx)
    if mention.kind == "weekday":
        delta = (mention.day - reference.weekday()) % 7  # type: ignore[operator]
        if mention.offset > 0 or (forward and mention.offset == 0):
            day = reference + dt.timedelta(days=delta or (7 if mention.offset > 0 else 0))
        else:
            back = (reference.weekday() - mention.day) % 7  # type: ignore[operator]
            day = reference - dt.timedelta(days=back or (7 if mention.offset < 0 else 0))
        return ResolvedDate(day.isoformat(), "day", text, approx)
    if mention.kind == "relative":
        if mention.unit == "day":
            return ResolvedDate(
                (reference + dt.timedelta(days=mention.offset)).isoformat(), "day", text, approx
            )
        if mention.unit == "month":
            year, month = _shift_month(reference.year, reference.month, mention.offset)
            return ResolvedDate(f"{year:04d}-{month:02d}", "month", text, approx)
        return ResolvedDate(f"{reference.year + mention.offset:04d}", "year", text, approx)
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|confirmed)\b"
    r"(?:\s+[\w-]+){0,4}?\s+on\s+(?P<day>[A-Z][a-z]+day)\b"
)
_ON_WEEKDAY = re.compile(r"\bon\s+(?P<day>[A-Z][a-z]+day)\b")
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|expected|due|plans?|planned|scheduled|to be|aims?|"
    r"should)\b",
    re.I,
)


def _past_years(text: str) -> list[int]:
    """Years named in sentences that look back, not ahead (a publication follows what it
    reports, not what it expects)."""
    years = []
    for sentence in re.split(r"(?<=[.!?;])\s+|,\s+(?:and|but|while)\s+", text):
        found = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", sentence)]
        if found and not _LOOKS_AHEAD.search(sentence):
            years += found
    return years


def infer_year(month: int, day: int, lead: str, text: str) -> dt.date | None:
    """The year of a dateline that gives none ("ANTALYA, March 29"): the year, at or just
    after the latest year the text reports as past, in which the dateline falls on the
    weekday the lead names for the report ("said on Friday"), or on the day after the
    weekday it names for the event; else that latest past year."""
    past = _past_years(text) or [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)]
    if not past:
        return None
    anchor = max(past)
    reported = _REPORTED_ON.search(lead) or _ON_WEEKDAY.search(lead)
    candidates = [anchor + k for k in range(6)] + [anchor - 1]
    if reported and reported["day"].lower() in _WEEKDAYS:
        wanted = _WEEKDAYS.index(reported["day"].lower())
        for back in (0, 1):  # the report's day, or the day after the event it names
            for year in candidates:
                try:
                    candidate = dt.date(year, month, day)
                except ValueError:
                    continue
                if (candidate - dt.timedelta(days=back)).weekday() == wanted:
                    return candidate
    try:
        return dt.date(anchor, month, day)
    except ValueError:
        return None
