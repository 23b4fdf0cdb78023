"""Segmentation: datelines set apart, sentences with exact offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.normalize.lexicon import alternatives, layout_lexicon
from exporter.normalize.segment import find_dateline, is_furniture, segment, split_sentences


@pytest.mark.parametrize(
    ("text", "dateline", "place", "date"),
    [
        (
            "ANTALYA, March 29. /TASS/. The deal",
            "ANTALYA, March 29. /TASS/.",
            "ANTALYA",
            "March 29",
        ),
        ("MOSCOW, March 3 (Reuters) - Russia", "MOSCOW, March 3 (Reuters)", "MOSCOW", "March 3"),
        ("SEOUL, Oct. 5 (Yonhap) -- The", "SEOUL, Oct. 5 (Yonhap)", "SEOUL", "Oct. 5"),
        (
            "NEW DELHI, Feb 2, 2021 (Wire) – India",
            "NEW DELHI, Feb 2, 2021 (Wire)",
            "NEW DELHI",
            "Feb 2, 2021",
        ),
        ("WASHINGTON — The State", "WASHINGTON", "WASHINGTON", None),
        ("PORTLAND, Ore., May 3 - X", "PORTLAND, Ore., May 3", "PORTLAND, Ore.", "May 3"),
    ],
)
def test_dateline_forms(text: str, dateline: str, place: str, date: str | None) -> None:
    found = find_dateline(text, 0)
    assert found is not None
    assert (found.text, found.place, found.date_text) == (dateline, place, date)


@pytest.mark.parametrize(
    "text", ["The deal was signed.", "NATO allies said", "Ankara, Moscow talk"]
)
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    assert find_dateline(text, 0) is None


def test_sentences_keep_abbreviations_and_offsets() -> None:
    text = 'Gen. Smith met U.S. officials on Jan. 5. The deal was signed. "Talks go on," he said.'
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e].strip() for s, e in spans] == [
        "Gen. Smith met U.S. officials on Jan. 5.",
        "The deal was signed.",
        '"Talks go on," he said.',
    ]


def test_lines_before_the_dateline_are_headline_not_body() -> None:
    text = "All news\n\nTurkey buys more air defence systems\n\nANKARA, May 2 (AA) - Turkey signed."
    parts = segment(text)
    assert parts.headline == "Turkey buys more air defence systems"
    assert [s.text for s in parts.sentences] == ["Turkey signed."]
    assert parts.dateline is not None and parts.dateline.text == "ANKARA, May 2 (AA)"


@given(st.text(alphabet="ab .,\n-1A", max_size=200))
def test_unwrap_keeps_every_offset_and_changes_only_line_breaks(text: str) -> None:
    from exporter.normalize.segment import unwrap

    joined = unwrap(text)
    assert len(joined) == len(text)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(text, joined, strict=True))


def test_page_furniture_is_no_text_of_the_article() -> None:
    text = (
        "Peru orders two frigates\n\n"
        "- Advertisement -\n\n"
        "Peru signed a contract for two frigates on Monday.\n\n"
        "Photo: a frigate at sea (file)\n\n"
        "The navy's new frigate | Image: Navy archive\n\n"
        "The first ship will be delivered in 2027. | Image: Navy archive\n\n"
        "Subscribe to our newsletter for daily updates.\n\n"
        "All rights reserved. Pages of this site are dispatched to partners.\n\n"
        "3 hrs ago Read more: other news"
    )
    assert [s.text for s in segment(text).sentences] == [
        "Peru orders two frigates",
        "Peru signed a contract for two frigates on Monday.",
        # a caption after a sentence of the text leaves the sentence in place
        "The first ship will be delivered in 2027. | Image: Navy archive",
    ]


def _furniture_as_one_regex() -> re.Pattern[str]:
    """The furniture test as one regex, what is_furniture answers for without trying the
    words anywhere at each character."""
    layout = layout_lexicon()
    starts, anywhere = (
        alternatives(layout.furniture_starts),
        alternatives(layout.furniture_anywhere),
    )
    return re.compile(rf"\s*{starts}|.*?{anywhere}", re.I)


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("The deal was signed. All rights reserved.", True),
        ("The deal was signed.\nAll rights reserved.", False),  # not on the first line
        ("Copyright \u00a9 2024 The Daily", True),
        ("The copyright\n\u00a9 holder", True),  # \s may be a line break
        ("He reserved all rights to the design.", False),
    ],
)
def test_furniture_words_anywhere_count_on_the_first_line(text: str, furniture: bool) -> None:
    assert is_furniture(text, 0, len(text)) is furniture
    assert bool(_furniture_as_one_regex().match(text, 0, len(text))) is furniture


_FURNITURE_PARTS = st.sampled_from(
    [
        *["All rights reserved", "all  RIGHTS\nreserved", "copyright ©", "Copyright\t©", "©"],
        *["Advertisement", "Photo:", "\n", " ", ".", "|", "x", "reserved", "rights", "\u212a"],
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_FURNITURE_PARTS, max_size=12), st.integers(0, 30), st.integers(0, 200))
def test_is_furniture_answers_as_the_one_regex(parts: list[str], start: int, end: int) -> None:
    text = "".join(parts)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    expected = bool(_furniture_as_one_regex().match(text, start, end))
    assert is_furniture(text, start, end) is expected


@pytest.mark.parametrize(
    "heading", ["More In Europe", "Related Articles", "Latest News", "Opinion", "Editorial"]
)
def test_a_heading_of_links_to_other_stories_ends_the_article(heading: str) -> None:
    text = (
        "Peru signed a contract for two frigates on Monday.\n\n"
        "The first ship is due in 2027.\n\n"
        f"{heading}\n\n"
        "Chile to buy tanks from Germany\n\n"
        "Bolivia received six helicopters last week."
    )
    assert [s.text for s in segment(text).sentences] == [
        "Peru signed a contract for two frigates on Monday.",
        "The first ship is due in 2027.",
    ]
    # the same words inside a sentence end nothing
    text = "Peru bought frigates.\n\nMore in Europe are buying them."
    assert len(segment(text).sentences) == 2
