"""Dates: found in text and resolved against the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.articles import Article, read_articles
from exporter.normalize.dates import find_dates, lexicon, resolve
from exporter.normalize.segment import segment, unwrap
from exporter.normalize.wordscan import _parser

FRIDAY = dt.date(2019, 3, 29)
ROOT = Path(__file__).resolve().parents[2]


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
        # a month's abbreviation and its dot after "by" are still a day's date
        ("completed by Dec. 31, 2026.", True, ("2026-12-31", "day", "Dec. 31, 2026", False)),
        ("paid by Dec. 2020.", False, ("2020-12", "month", "Dec. 2020", False)),
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
        # weeks and fortnights are kept to their month; "this week" is the reference day
        ("arrived a fortnight ago", False, ("2019-03", "month", "a fortnight ago", False)),
        ("signed last week", False, ("2019-03", "month", "last week", False)),
        ("due next week", True, ("2019-04", "month", "next week", False)),
        ("delivered this week", False, ("2019-03-29", "day", "this week", False)),
        ("three weeks ago", False, ("2019-03", "month", "three weeks ago", False)),
        ("two days ago", False, ("2019-03-27", "day", "two days ago", False)),
        ("earlier this month", False, ("2019-03", "month", "earlier this month", False)),
        ("delivered within 18 months", True, ("2020-09", "month", "within 18 months", True)),
        ("delivered within the year", True, ("2019", "year", "within the year", True)),
        ("by the end of the year", True, ("2019", "year", "the end of the year", True)),
        ("before the end of next year", True, ("2020", "year", "the end of next year", True)),
        # a range of years is its first year
        ("delivered in 2025-26", True, ("2025", "year", "2025-26", False)),
        # numeric dates: day first, unless a number cannot be a month
        ("signed on 12/03/2021 in", False, ("2021-03-12", "day", "12/03/2021", False)),
        ("signed on 03/13/2021 in", False, ("2021-03-13", "day", "03/13/2021", False)),
        # a weekday after a verb in the past counts back, whatever the clause looks to
        ("specified Friday that", True, ("2019-03-29", "day", "Friday", False)),
        ("confirmed Tuesday that", True, ("2019-03-26", "day", "Tuesday", False)),
        ("will be signed Tuesday", True, ("2019-04-02", "day", "Tuesday", False)),
        # "last April" is the last one before the reference, even in a clause that looks ahead
        ("under a contract signed in last April", True, ("2018-04", "month", "April", False)),
        ("since last March", False, ("2018-03", "month", "March", False)),
        # the year of a named show
        ("during the Dubai Airshow 2017, the", False, ("2017", "year", "2017", False)),
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


def test_a_numeric_date_follows_the_order_the_article_writes_its_dates_in() -> None:
    us = "The deal was announced on March 2, 2021 and signed on 04/05/2021."
    found = find_dates(us, 0, len(us))
    assert resolve(found[-1], FRIDAY, False).value == "2021-04-05"  # type: ignore[union-attr]
    uk = "The deal was announced on 2 March 2021 and signed on 04/05/2021."
    found = find_dates(uk, 0, len(uk))
    assert resolve(found[-1], FRIDAY, False).value == "2021-05-04"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["in the early 1980s", "within the last five years", "within two years"]
)
def test_a_time_that_names_no_date_is_found_and_resolves_to_none(text: str) -> None:
    found = find_dates(text, 0, len(text))
    assert [m.kind for m in found] == ["vague"]
    assert resolve(found[0], FRIDAY, False) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("handed over in August last year, and", ("2018-08", "month", "August last year")),
        ("due in March next year", ("2020-03", "month", "March next year")),
        ("signed in May this year", ("2019-05", "month", "May this year")),
    ],
)
def test_a_month_of_a_year_counted_from_the_report(text: str, expected: tuple) -> None:
    assert one(text)[:3] == expected


def test_a_month_listed_before_a_month_of_a_year_is_of_that_year() -> None:
    text = "supplied in March and August 2022, and in January 2023"
    found = find_dates(text, 0, len(text))
    assert [resolve(m, FRIDAY, False).value for m in found] == ["2022-03", "2022-08", "2023-01"]


def _literal(items: list[tuple[Any, Any]]) -> str | None:
    """The text a parsed sequence of literal characters matches, in lower case (as the gate
    reads the text); None for one of anything else."""
    if not all(str(op) == "LITERAL" for op, _ in items):
        return None
    return "".join(chr(av) for _, av in items).lower()


def _always_holds(items: list[tuple[Any, Any]], words: tuple[str, ...]) -> bool:
    """Whether every match of a parsed sequence holds one of `words` (lower case): each text
    a run of its literal characters can be holds one (a run goes on through a choice of
    literal texts: re's parser takes "at th(?:e|at) time" out of "at the time|at that time"),
    or a part it must match always does."""
    runs = {""}
    for op, av in [*items, (None, None)]:  # (None, None): the end of the last run
        name = str(op)
        texts = [_literal(list(b)) for b in av[1]] if name == "BRANCH" else []
        if name == "LITERAL" or (texts and None not in texts):
            runs = {run + text for run in runs for text in (texts or [chr(av).lower()])}
            continue
        if all(any(word in run for word in words) for run in runs):
            return True
        runs = {""}
        if (
            (name == "SUBPATTERN" and _always_holds(list(av[-1]), words))
            or (name == "BRANCH" and all(_always_holds(list(b), words) for b in av[1]))
            or (name == "MAX_REPEAT" and av[0] >= 1 and _always_holds(list(av[2]), words))
        ):
            return True
    return False


def test_every_kind_of_date_holds_a_word_of_the_gate() -> None:
    """The gate skips only text where the date regex cannot match: each kind of date, read
    from the parsed regex, holds one of the gate's words."""
    words = lexicon()
    parsed = list(_parser.parse(words.regex.pattern, words.regex.flags))
    kinds = next(av[1] for op, av in parsed if str(op) == "BRANCH")
    assert len(kinds) == 21
    for kind in kinds:
        assert _always_holds(list(kind), words.gate.words), kind
    assert not _always_holds(list(kind), ("never",))  # the walk can say no


@settings(max_examples=1000, deadline=None)
@given(st.from_regex(lexicon().regex))
def test_text_holding_a_date_passes_the_gate(text: str) -> None:
    if lexicon().regex.search(text):
        assert lexicon().gate.may_match(text, 0, len(text))


def test_every_sentence_of_the_corpus_with_a_date_passes_the_gate() -> None:
    words = lexicon()
    passed = skipped = 0
    for article in read_articles([str(ROOT / "seeds"), str(ROOT / "fixtures" / "articles")]):
        if not isinstance(article, Article):
            continue
        text = unwrap(article.text)
        for sentence in segment(text).sentences:
            s, e = sentence.start, sentence.end
            dated = words.regex.search(text, s, e) is not None
            gated = words.gate.may_match(text, s, e)
            assert gated or not dated, sentence.text
            passed, skipped = passed + gated, skipped + (not gated)
    assert passed > 200 and skipped > 200  # dated sentences and sentences skipped, both
