"""Dates: found in a sentence, then resolved against the article's reference date.

"September 12, 2017" needs nothing; "March 29", "in October" and "on Friday" need the
reference date and the direction of the clause (a planned event looks forward); "last year",
"next month", "a fortnight ago", "within 18 months" count from the reference; "early March",
"by the end of 2021" are approximate. Every word comes from exporter/data/dates.yaml.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from exporter.normalize.gazetteer import alternation
from exporter.normalize.lexicon import (
    DatesLexicon,
    DateWindows,
    alternatives,
    dates_lexicon,
    grammar_lexicon,
    list_gap,
    optional_words,
    quantities_lexicon,
)
from exporter.normalize.wordscan import WORD_DEPTH, FirstOf, WordAlternation, WordGate


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    # full | monthday | monthyear | monthrel | month | year | weekday | relative | anaphora | vague
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    offset: int = 0  # for relative: how many units from the reference (-1 last, +1 next)
    unit: str = ""  # for relative: day | week | month | year
    past: bool = False  # after a verb in the past ("signed Friday"): counted back, never on


AS_OF_PUBLICATION = "as of publication"  # under way when published
AS_REPORTED = "as reported"  # completed, known only by the day it was reported


@dataclass(frozen=True)
class ResolvedDate:
    value: str
    precision: str  # year | month | day
    text: str
    approximate: bool = False

    @property
    def wordless(self) -> bool:
        """The publication day standing for an event the text dates with no words of its own."""
        return self.text in (AS_OF_PUBLICATION, AS_REPORTED)

    def as_record(self) -> dict[str, object]:
        record: dict[str, object] = {
            "value": self.value,
            "precision": self.precision,
            "text": self.text,
        }
        if self.approximate:
            record["approximate"] = True
        return record


@dataclass(frozen=True)
class Lexicon:
    """The words of dates.yaml in the forms the finder needs."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    directions: dict[str, int]
    units: dict[str, str]  # a written unit ("weeks") -> its name ("week")
    unit_days: dict[str, int]
    numbers: dict[str, int]
    month_prepositions: dict[str, int]
    year_context: re.Pattern[str]
    looks_ahead: re.Pattern[str]
    windows: DateWindows
    regex: re.Pattern[str]
    scans: FirstOf  # the regex's matches, found faster
    gate: WordGate  # words one of which every date holds: without one, the scans are not run


def _words(forms: Iterable[str]) -> str:
    """An alternation of words, matched whatever their capitals."""
    return f"(?i:{alternation(forms)})"


@functools.cache
def lexicon() -> Lexicon:
    words = dates_lexicon()
    months: dict[str, int] = {}
    for number, (name, short) in enumerate(words.months.items(), start=1):
        for form in [name, *short]:
            months[form.lower()] = number
    weekdays = {name.lower(): i for i, name in enumerate(words.weekdays)}
    units = {form: name for name, forms in words.units.items() for form in forms}
    numbers = {w: n for w, n in quantities_lexicon().number_words.items() if " " not in w}
    year_context = re.compile(
        rf"(?:\b{_words(words.year_context)}[\s-]+|[-–]"
        rf"|\b{_words(words.year_name_context)}\s+(?:the\s+)?(?:[A-Z][\w&'-]*\s+){{1,4}})$"
    )
    regex, scans = _date_regex(words, months, weekdays, units, numbers)
    # every kind of date holds one of these (test_dates proves it kind by kind): a month, a
    # weekday, a relative day, a unit, a quarter's unit, an anaphora, a year's first digits
    required = [*months, *weekdays, *words.relative_days, *units, *words.quarter_units]
    gate = WordGate([*required, *words.anaphora, *_CENTURIES], fold=True)
    return Lexicon(
        months=months,
        weekdays=weekdays,
        relative_days=dict(words.relative_days),
        directions=dict(words.directions),
        units=units,
        unit_days=dict(words.unit_days),
        numbers=numbers,
        month_prepositions=dict(words.month_prepositions),
        year_context=year_context,
        looks_ahead=re.compile(rf"\b{_words(words.looks_ahead)}\s+$"),
        windows=words.windows,
        regex=regex,
        scans=scans,
        gate=gate,
    )


_DATE_START = r"(?<![\w-])(?=[A-Za-z0-9])"
_CENTURIES = ("19", "20")  # the first two digits of the years dates are written with


def _date_regex(
    words: DatesLexicon,
    months: dict[str, int],
    weekdays: dict[str, int],
    units: dict[str, str],
    numbers: dict[str, int],
) -> tuple[re.Pattern[str], FirstOf]:
    """The date regex, and the same as two scans that find its matches faster: with a word
    of approximation first ("early", "the end of"), and without one."""
    month = alternation([m.capitalize() for m in months] + [m.upper() for m in months])
    weekday = alternation([w.capitalize() for w in weekdays])
    approx = [re.escape(f) for f in sorted(set(words.approximate), key=len, reverse=True)]
    centuries = "|".join(_CENTURIES)
    year = rf"(?:{centuries})\d\d"
    count = rf"(?:{_words(list(numbers))}|\d{{1,2}})"
    unit = _words(list(units))
    kinds = [
        rf"(?P<full1>(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{year}))",
        rf"(?P<full2>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month})\.?,?\s+(?P<y2>{year}))",
        rf"(?P<iso>(?P<y3>{year})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))",
        rf"(?P<numeric>(?P<na>\d{{1,2}})(?P<sep>[/.])(?P<nb>\d{{1,2}})(?P=sep)(?P<ny>{year})(?![\d/.]\d))",
        rf"(?P<monthyear>(?P<m4>{month})\.?,?\s+(?:of\s+)?(?P<y4>{year}))",
        rf"(?P<monthday>(?P<m5>{month})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]*\s*{year})(?!\d))",
        rf"(?P<daymonth>(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m6>{month})\b)",
        rf"""(?P<quarter>(?i:the)\s+(?P<q>{_words(words.quarter_ordinals)})\s+(?P<qu>{_words(words.quarter_units)})(?:\s+of\s+(?P<y7>{year})|\s+of\s+(?P<qrel>{_words(list(words.directions))})\s+(?i:year))?)""",
        rf"""(?P<monthrel>(?:{_words(list(words.month_prepositions))}\s)?(?P<m13>{month})\b\.?\s+(?P<mr_dir>{_words(list(words.directions))})\s+(?i:year)\b)""",
        rf"""(?P<monthonly>\b(?P<mpre>{_words(list(words.month_prepositions))})\s(?P<m8>{month})\b(?!\.?,?\s+(?:of\s+)?{year})(?!\.?\s+\d{{1,2}}\b)\.?)""",
        rf"(?P<approxmonth>(?<=[\s-])(?P<m9>{month})\b\.?)",
        rf"(?P<decade>(?P<y12>(?:{centuries})\d0)s\b)",
        rf"(?P<yrange>(?P<y11>{year})[-–/](?:{year}|\d\d)(?![\d-]))",
        rf"""(?P<yearonly>(?P<y10>{year})\b(?!-|\s*{_words(words.not_years)}))""",
        rf"(?P<weekday>(?:(?P<wrel>(?i:last|this|next|on))\s+)?(?P<w>{weekday})\b)",
        rf"""(?P<relday>\b(?P<rd>{_words(list(words.relative_days))})\b)""",
        rf"""(?P<rel>\b(?P<rel_dir>{_words(list(words.directions))})\s+(?P<rel_unit>{unit})\b)""",
        rf"(?P<theyear>(?<=\s)(?i:the)\s+(?P<ty>{unit})\b)",
        rf"""(?P<ago>\b(?P<ago_n>{count})\s+(?P<ago_unit>{unit})\s+{_words(words.ago)}\b)""",
        rf"""(?P<within>\b{_words(words.within)}\s+(?P<win_back>{_words(words.within_back)}\s+)?(?P<win_n>{count}|(?i:the))\s+(?P<win_unit>{unit})\b)""",
        # "at the time" points back; "at the time of award" names its own moment
        rf"""(?P<anaphora>\b{_words(words.anaphora)}\b(?!\ of\b))""",
    ]
    regex = re.compile(
        rf"{_DATE_START}(?:(?P<approx>{'|'.join(approx)})[\s-]*)?(?:{'|'.join(kinds)})", re.VERBOSE
    )
    # (X)?Y tries X Y, then Y: the two scans, in that order, find what the regex finds
    approximated = WordAlternation(
        [("approx", approx)],
        _DATE_START,
        rf"[\s-]*(?:{'|'.join(kinds)})",
        re.VERBOSE,
        narrow=False,  # few words: the places are what counts
        depth=WORD_DEPTH,
    )
    plain = WordAlternation(
        [(None, kinds)],
        _DATE_START,
        "(?P<approx>(?!))?",  # never matches, after the kinds: keeps the group, not lastgroup
        re.VERBOSE,
        every_group=True,  # the builders read the groups of other kinds
        depth=WORD_DEPTH,  # fewer places among the words that begin as date words do
    )
    return regex, FirstOf([approximated, plain])


@dataclass
class _Found:
    """One match of the date regex, with what every builder needs."""

    match: re.Match[str]
    text: str
    start: int
    end: int
    words: str
    approximate: bool
    lexicon: Lexicon

    def month(self, group: str) -> int:
        return self.lexicon.months[self.match[group].lower().rstrip(".")]

    def count(self, group: str) -> int:
        written = self.match[group].lower()
        return self.lexicon.numbers.get(written) or int(written)

    def unit(self, group: str) -> str:
        return self.lexicon.units[self.match[group].lower()]

    def mention(self, kind: str, **fields: Any) -> DateMention:
        fields.setdefault("approximate", self.approximate)
        return DateMention(self.start, self.end, self.words, kind, **fields)


def _full(f: _Found) -> DateMention:
    m = f.match
    if m["full1"]:
        y, mo, d = m["y1"], f.month("m1"), m["d1"]
    elif m["full2"]:
        y, mo, d = m["y2"], f.month("m2"), m["d2"]
    else:
        y, mo, d = m["y3"], int(m["m3"]), m["d3"]
    return f.mention("full", year=int(y), month=mo, day=int(d))


def _numeric(f: _Found) -> DateMention:
    """ "12/03/2021": day first unless a number says otherwise or the article writes its
    dates month first ("March 12"), as US publishers do."""
    first, second = int(f.match["na"]), int(f.match["nb"])
    month_first = second > 12 or (first <= 12 and _writes_month_first(f.text))
    month, day = (first, second) if month_first else (second, first)
    return f.mention("full", year=int(f.match["ny"]), month=month, day=day)


@functools.lru_cache(maxsize=8)
def _writes_month_first(text: str) -> bool:
    """Whether an article writes its dates month first ("March 12") more than day first."""
    found = [m for m in lexicon().regex.finditer(text) if m["monthday"] or m["full1"]]
    day_first = [m for m in lexicon().regex.finditer(text) if m["daymonth"] or m["full2"]]
    return len(found) > len(day_first)


def _monthyear(f: _Found) -> DateMention:
    return f.mention("monthyear", year=int(f.match["y4"]), month=f.month("m4"))


def _monthday(f: _Found) -> DateMention:
    if f.match["monthday"]:
        return f.mention("monthday", month=f.month("m5"), day=int(f.match["d5"]))
    return f.mention("monthday", month=f.month("m6"), day=int(f.match["d6"]))


def _quarter(f: _Found) -> DateMention:
    year = int(f.match["y7"]) if f.match["y7"] else None
    offset = f.lexicon.directions.get((f.match["qrel"] or "this").lower(), 0)
    kind = "year" if year else "relative"
    return f.mention(kind, year=year, approximate=True, offset=offset, unit="year")


def _month(f: _Found) -> DateMention | None:
    m = f.match
    if m["approxmonth"] and not f.approximate:
        return None
    if m["monthonly"] and not f.approximate:
        # "in October": the month's words only; "last April": the last one
        offset = f.lexicon.month_prepositions[m["mpre"].lower()]
        return DateMention(
            m.start("m8"),
            f.end,
            f.text[m.start("m8") : f.end],
            "month",
            month=f.month("m8"),
            offset=offset,
        )
    return f.mention("month", month=f.month("m8" if m["monthonly"] else "m9"))


def _monthrel(f: _Found) -> DateMention:
    """ "in August last year", "March next year": a month of a year counted from the report's."""
    offset = f.lexicon.directions[f.match["mr_dir"].lower()]
    start = f.match.start("m13")  # the month's words on, as "in October" is "October"
    return DateMention(
        start,
        f.end,
        f.text[start : f.end],
        "monthrel",
        month=f.month("m13"),
        offset=offset,
        unit="year",
        approximate=f.approximate,
    )


def _year(f: _Found) -> DateMention | None:
    reach = f.lexicon.windows.year_context
    if not (
        f.approximate or f.lexicon.year_context.search(f.text[max(0, f.start - reach) : f.start])
    ):
        return None
    return f.mention("year", year=int(f.match["y10"] or f.match["y11"]))


def _decade(f: _Found) -> DateMention:
    """ "the early 1980s": a time too vague to date an event, that still is its time."""
    return f.mention("vague")


def _weekday(f: _Found) -> DateMention:
    direction = (f.match["wrel"] or "").lower()
    offset = f.lexicon.directions.get(direction, 0) if direction != "on" else 0
    return f.mention(
        "weekday",
        day=f.lexicon.weekdays[f.match["w"].lower()],
        offset=offset,
        past=not direction and _after_past_verb(f),
    )


@functools.cache
def _past_verb_before() -> re.Pattern[str]:
    """A verb in the past right before a weekday ("signed Friday", "signed on Friday")."""
    on = optional_words(grammar_lexicon().day_prepositions)
    return re.compile(rf"(?<![\w-])(\w+ed)\s+{on}$")


def _after_past_verb(f: _Found) -> bool:
    """Whether a weekday follows a verb in the past ("signed Friday", "specified Friday"),
    not a participle that looks ahead ("will be signed Friday", "expected Friday")."""
    before = f.text[max(0, f.start - f.lexicon.windows.past_verb) : f.start]
    verb = _past_verb_before().search(before)
    return verb is not None and not f.lexicon.looks_ahead.search(before[: verb.start(1)])


def _relday(f: _Found) -> DateMention:
    offset = f.lexicon.relative_days[f.match["rd"].lower()]
    return f.mention("relative", offset=offset, unit="day")


def _rel(f: _Found) -> DateMention:
    offset = f.lexicon.directions[f.match["rel_dir"].lower()]
    return f.mention("relative", offset=offset, unit=f.unit("rel_unit"))


def _theyear(f: _Found) -> DateMention | None:
    """ "by the end of the year", "before the end of the month": the current one."""
    if not f.approximate:
        return None
    return f.mention("relative", unit=f.unit("ty"))


def _ago(f: _Found) -> DateMention:
    return f.mention("relative", offset=-f.count("ago_n"), unit=f.unit("ago_unit"))


def _within(f: _Found) -> DateMention:
    """ "within 18 months": the month that many months on; "within the year": this year;
    "within the last five years" and "within two years" name no month or year of their own."""
    if f.match["win_back"] or (f.unit("win_unit") == "year" and f.match["win_n"].lower() != "the"):
        return f.mention("vague")
    written = f.match["win_n"].lower()
    count = 0 if written == "the" else f.count("win_n")
    return f.mention("relative", offset=count, unit=f.unit("win_unit"), approximate=True)


def _anaphora(f: _Found) -> DateMention:
    return f.mention("anaphora")


# what each of the regex's alternatives makes of a match, by the alternative's group (the
# last group a match closes)
_BUILDERS: dict[str, Callable[[_Found], DateMention | None]] = {
    "full1": _full,
    "full2": _full,
    "iso": _full,
    "numeric": _numeric,
    "monthyear": _monthyear,
    "monthday": _monthday,
    "daymonth": _monthday,
    "quarter": _quarter,
    "monthrel": _monthrel,
    "monthonly": _month,
    "approxmonth": _month,
    "decade": _decade,
    "yrange": _year,
    "yearonly": _year,
    "weekday": _weekday,
    "relday": _relday,
    "rel": _rel,
    "theyear": _theyear,
    "ago": _ago,
    "within": _within,
    "anaphora": _anaphora,
}


def find_dates(text: str, start: int, end: int) -> list[DateMention]:
    """The dates written in text[start:end], in text order."""
    words = lexicon()
    found: list[DateMention] = []
    if not words.gate.may_match(text, start, end):
        return found  # most sentences hold no date, nor any word one needs
    for m in words.scans.finditer(text, start, end):
        span = m.group().rstrip()
        where = _Found(
            m, text, m.start(), m.start() + len(span), span.strip(), bool(m["approx"]), words
        )
        mention = _BUILDERS[m.lastgroup or ""](where)
        if mention is not None:
            found.append(mention)
    return _years_shared(text, found)


@functools.cache
def _months_joined() -> re.Pattern[str]:
    """ "March and August", "March, August", "March-August": months of one list."""
    return re.compile(rf"\s*(?:{list_gap()}|\s*-\s*)$")


def _years_shared(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "in March and August 2022": a month listed before a month of a year is of that year."""
    for index in range(len(found) - 2, -1, -1):
        month, after = found[index], found[index + 1]
        if (
            month.kind == "month"
            and after.kind == "monthyear"
            and _months_joined().fullmatch(text[month.end : after.start])
        ):
            found[index] = dataclasses.replace(month, kind="monthyear", year=after.year)
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
    except (OverflowError, ValueError):
        return None
    return found if found is None or _IN_CALENDAR.fullmatch(found.value) else None


_IN_CALENDAR = re.compile(r"(?!0000)\d{4}(?:-\d{2}){0,2}")


def _resolve(mention: DateMention, reference: dt.date | None, forward: bool) -> ResolvedDate | None:
    absolute = _ABSOLUTE.get(mention.kind)
    if absolute is not None:
        return absolute(mention)
    relative = _RELATIVE.get(mention.kind)
    if relative is None or reference is None:
        return None
    return relative(mention, reference, forward)


def _dated(mention: DateMention, value: str, precision: str) -> ResolvedDate:
    return ResolvedDate(value, precision, mention.text, mention.approximate)


def _full_value(mention: DateMention) -> ResolvedDate:
    day = dt.date(mention.year, mention.month, mention.day)  # type: ignore[arg-type]
    return _dated(mention, day.isoformat(), "day")


def _monthyear_value(mention: DateMention) -> ResolvedDate:
    return _dated(mention, f"{mention.year:04d}-{mention.month:02d}", "month")


def _year_value(mention: DateMention) -> ResolvedDate | None:
    return _dated(mention, f"{mention.year:04d}", "year") if mention.year else None


_ABSOLUTE: dict[str, Callable[[DateMention], ResolvedDate | None]] = {
    "full": _full_value,
    "monthyear": _monthyear_value,
    "year": _year_value,
}


def _monthday_value(mention: DateMention, reference: dt.date, forward: bool) -> ResolvedDate:
    candidate = dt.date(reference.year, mention.month, mention.day)  # type: ignore[arg-type]
    year = reference.year
    if forward and candidate < reference:
        year += 1
    elif not forward and candidate > reference + dt.timedelta(days=1):
        year -= 1
    day = dt.date(year, mention.month, mention.day)  # type: ignore[arg-type]
    return _dated(mention, day.isoformat(), "day")


def _month_value(mention: DateMention, reference: dt.date, forward: bool) -> ResolvedDate:
    """A month named alone: the nearest in the clause's direction; "last April" is the last
    one before the reference month, "next April" the first after it."""
    month: int = mention.month  # type: ignore[assignment]
    year = reference.year
    ahead = forward if mention.offset == 0 else mention.offset > 0
    if ahead and (month < reference.month or (mention.offset > 0 and month == reference.month)):
        year += 1
    elif not ahead and (
        month > reference.month or (mention.offset < 0 and month == reference.month)
    ):
        year -= 1
    return _dated(mention, f"{year:04d}-{month:02d}", "month")


def _weekday_value(mention: DateMention, reference: dt.date, forward: bool) -> ResolvedDate:
    weekday: int = mention.day  # type: ignore[assignment]
    if mention.offset > 0 or (forward and mention.offset == 0 and not mention.past):
        ahead = (weekday - reference.weekday()) % 7
        day = reference + dt.timedelta(days=ahead or (7 if mention.offset > 0 else 0))
    else:
        back = (reference.weekday() - weekday) % 7
        day = reference - dt.timedelta(days=back or (7 if mention.offset < 0 else 0))
    return _dated(mention, day.isoformat(), "day")


def _relative_value(mention: DateMention, reference: dt.date, forward: bool) -> ResolvedDate:
    """Counted from the reference: days to the day; "this week" is the reference day, other
    weeks and fortnights only to their month; months and years to theirs."""
    if mention.unit in ("year", "month"):
        months = mention.offset * (12 if mention.unit == "year" else 1)
        year, month = _shift_month(reference.year, reference.month, months)
        if mention.unit == "year":
            return _dated(mention, f"{year:04d}", "year")
        return _dated(mention, f"{year:04d}-{month:02d}", "month")
    days = mention.offset * lexicon().unit_days[mention.unit]
    day = reference + dt.timedelta(days=days)
    if mention.unit == "day" or days == 0:
        return _dated(mention, day.isoformat(), "day")
    return _dated(mention, f"{day.year:04d}-{day.month:02d}", "month")


def _monthrel_value(mention: DateMention, reference: dt.date, forward: bool) -> ResolvedDate:
    return _dated(mention, f"{reference.year + mention.offset:04d}-{mention.month:02d}", "month")


_RELATIVE: dict[str, Callable[[DateMention, dt.date, bool], ResolvedDate | None]] = {
    "monthrel": _monthrel_value,
    "monthday": _monthday_value,
    "month": _month_value,
    "weekday": _weekday_value,
    "relative": _relative_value,
}


@functools.cache
def _inference_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The report's weekday in a lead ("said on Friday", "said Friday", "on Friday"), and the
    words of a sentence that looks ahead, from dates.yaml."""
    words = dates_lexicon()
    weekday = r"(?P<day>[A-Z][a-z]+day)\b"
    on = alternatives(grammar_lexicon().day_prepositions)
    reported_on = re.compile(
        # "said on Friday", and the wires' "said Friday"
        rf"\b(?:{alternation(words.reporting_verbs)})\b(?:\s+[\w-]+){{0,4}}?\s+(?:{on}\s+)?{weekday}"
    )
    on_weekday = re.compile(rf"\b{on}\s+{weekday}")
    looks_ahead = re.compile(rf"\b(?:{alternation(words.future_words)})\b", re.I)
    return reported_on, on_weekday, looks_ahead


def _past_years(text: str) -> list[int]:
    """Years named in sentences that look back, not ahead (a publication follows what it
    reports, not what it expects)."""
    years = []
    # clause by clause: "bought them in 2022 and plans to receive more" looks back first
    joiners = "|".join(grammar_lexicon().clause_joiners)
    for sentence in re.split(rf"(?<=[.!?;])\s+|,?\s+(?:{joiners})\s+", text):
        found = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", sentence)]
        if found and not _inference_patterns()[2].search(sentence):
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
    reported_on, on_weekday, _ = _inference_patterns()
    reported = reported_on.search(lead) or on_weekday.search(lead)
    candidates = [anchor + k for k in range(6)] + [anchor - 1]
    weekdays = lexicon().weekdays
    if reported and reported["day"].lower() in weekdays:
        wanted = weekdays[reported["day"].lower()]
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
