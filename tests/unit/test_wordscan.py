"""WordAlternation finds exactly what its full regex finds (same spans, same groups), only
trying fewer alternatives; RareWords finds what its regex finds, running it only where its
words stand; a literal_tree matches what its alternation matches; sentences and patterns
written here."""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.normalize.amounts import _money_words, _near_digits, _quantity_words
from exporter.normalize.dates import lexicon
from exporter.normalize.events import _trigger_regex, word_places
from exporter.normalize.gazetteer import alternation, literal_tree
from exporter.normalize.mentions import _kind_regex, _person_regex
from exporter.normalize.wordscan import (
    _FOLDS_TO_ASCII,
    RareWords,
    SharedPlaces,
    TextMemo,
    WordAlternation,
)

BEFORE, AFTER = r"(?<![\w-])", r"(?![\w-])"

SENTENCES = [
    "The navy ordered six frigates and two submarines; the army signed for 40 tanks.",
    "ORDERED: Fighter jets, HELICOPTERS and anti-ship missiles (ship-borne launchers).",
    "Talks on the sale of air defence systems are under way, the minister said.",
    "It is weighing a purchase of armored vehicles, and plans to buy K9 howitzers.",
    "The \u212aelvin-sign and long \u017fhip spellings fold to letters under re.I.",
    "signal signs sign; orderly orders; leased leases; the lease; sells out sold",
    "Defence Minister Ana Lopez met prime minister Omar bin Said and PRESIDENT Jo Van Dam.",
    "A $2.5 billion deal, USD 300 million, 1,200 million euros, 40m and 3 bln dollars; 5 m.",
    "It bought six Rafale aircraft, a dozen helicopters, 1,200 trucks and twenty-four 155mm guns.",
    "Two SIX-wheeled vehicles, 40 more tanks, 3 of the 12 jets; 2023 ships, 332 Squadron; a.5 km.",
]


def spans(matches: Iterator[re.Match[str]]) -> list[tuple[int, int, str | None, dict[str, str]]]:
    """Each match's span, last group and the groups it matched (a scan without every_group
    leaves the others out)."""
    return [
        (m.start(), m.end(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None})
        for m in matches
    ]


def assert_same(scan: WordAlternation, text: str) -> None:
    """Every clause [start, end) of the text gives what the full regex gives."""
    cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"[\s,;.]", text))})
    for start in cuts:
        for end in cuts:
            if start <= end:
                assert spans(scan.finditer(text, start, end)) == spans(
                    scan.regex.finditer(text, start, end)
                ), (text, start, end)


def test_the_normalizer_scans_find_what_their_full_regexes_find() -> None:
    scans = [_kind_regex()[0], _trigger_regex(), _person_regex(), _money_words().regex]
    for scan in [*scans, _quantity_words().regex]:
        for text in SENTENCES:
            assert_same(scan, text)


def test_order_of_alternatives_and_group_names_are_kept() -> None:
    scan = WordAlternation(
        [("short", ["air", "order"]), ("long", ["aircraft", "orders?"])], BEFORE, AFTER, re.I
    )
    text = "Aircraft orders, air order, AIRCRAFT"
    assert [(m.group(), m.lastgroup) for m in scan.finditer(text, 0, len(text))] == [
        ("Aircraft", "long"),  # "air" is tried first, and fails before "craft"
        ("orders", "long"),
        ("air", "short"),
        ("order", "short"),
        ("AIRCRAFT", "long"),
    ]
    assert_same(scan, text)


def test_one_character_and_optional_beginnings() -> None:
    scan = WordAlternation(
        [(None, ["a", "(?:re)?sign(?:ed)?", "[bc]x?", "(?:big )?deal"])], BEFORE, AFTER, re.I
    )
    for text in [*SENTENCES, "a b c bx cx resigned signed big deal deal A B"]:
        assert_same(scan, text)


def test_an_alternative_that_may_begin_anywhere_leaves_the_full_regex_to_scan() -> None:
    scan = WordAlternation([(None, ["ship", r"\w+ment"])], BEFORE, AFTER, re.I)
    text = "a shipment and a ship"
    assert [m.group() for m in scan.finditer(text, 0, len(text))] == ["shipment", "ship"]
    assert_same(scan, text)


def test_random_texts_of_the_patterns_words() -> None:
    words = "ship ships Ship sign signed order orders the a tank-borne anti-tank jets , ; -"
    pool = [*words.split(), "\u212a", "\u017f", "\u0130"]
    chooser = random.Random(13)
    scan = WordAlternation(
        [("one", ["ships?", "sign(?:ed)?"]), ("two", ["orders?", "tanks?|jets?"])],
        BEFORE,
        AFTER,
        re.I,
    )
    for _ in range(200):
        text = " ".join(chooser.choice(pool) for _ in range(8))
        assert_same(scan, text)


def test_scans_that_share_places_find_what_each_finds_alone() -> None:
    article = " ".join(SENTENCES)
    word_places().hold(article)
    for scan in [_trigger_regex(), _kind_regex()[0], _person_regex()]:
        assert scan.held_places[0] is article
        assert_same(scan, article)  # every window of the held text, from the places shared
        for text in SENTENCES:  # another text, not held: each scan finds its own places
            assert_same(scan, text)
    # the shared places are more than a scan's own: where only another's stands, a scan
    # finds what it finds alone (its own places say where it looks)
    words = ["ship", "jets?", "ca(?:t\u00e9|ro)", "cat"]

    def scans() -> list[WordAlternation]:  # "caté" is beyond what the analysis keeps
        return [WordAlternation([(None, [word])], BEFORE, AFTER, depth=4) for word in words]

    alone = scans()
    ship, jet, cafe, cat = scans()
    both = SharedPlaces(lambda: [ship, jet, cafe, cat])
    text = "a jet, two ships and a ship-jet; ship jets, cat\u00e9 caro"
    both.hold(text)
    assert ship.held_places == (text, [2, 11, 23, 33, 38, 44, 49])
    assert [m.span() for m in ship.finditer(text, 0, len(text))] == [(33, 37)]
    assert [m.span() for m in jet.finditer(text, 0, len(text))] == [(2, 5), (38, 42)]
    assert [m.span() for m in jet.finditer(text, 3, 40)] == []  # "jets" cut at 40: none
    # "caté": no place of its own ("cat" is another's), so not looked at, as when alone
    assert [m.span() for m in cafe.finditer(text, 0, len(text))] == [(49, 53)]
    cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"[\s,;.]", text))})
    for scan, twin in zip([ship, jet, cafe, cat], alone, strict=True):
        for start in cuts:
            for end in (e for e in cuts if e >= start):
                assert spans(scan.finditer(text, start, end)) == spans(
                    twin.finditer(text, start, end)
                ), (scan.regex.pattern, start, end)
    # the scans given anew (a cache rebuilt by another thread): one built from a pattern the
    # places were worked out from reads them, one of another pattern finds its own
    given = [ship, jet]
    again = SharedPlaces(lambda: given)  # worked out from these two
    given = [scans()[0], WordAlternation([(None, ["boat"])], BEFORE, AFTER, depth=4)]
    again.hold(text)
    assert given[0].held_places[0] is text and given[1].held_places[0] is None


DATED = [
    "Early 2024 the ministry said deliveries start in the second half of next year.",
    "On 12 March 2021 it signed; by March 15th, 2022, and from 2019-2023 talks ran.",
    "The deal, reported on Friday, follows an order last month and 3/4/2020 figures.",
    "In mid-October, about two weeks ago, the end of the year was the deadline; the 1990s.",
    "Within the next 18 months, or by the end of 2025, in January: the year before.",
]


def test_the_date_scans_find_what_the_date_regex_finds_with_every_group() -> None:
    words = lexicon()
    for text in DATED:
        cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"[\s,;.]", text))})
        for start in cuts:
            for end in (e for e in cuts if e >= start):
                expected = [
                    (m.span(), m.lastgroup, m.groupdict())
                    for m in words.regex.finditer(text, start, end)
                ]
                found = [
                    (m.span(), m.lastgroup, m.groupdict())
                    for m in words.scans.finditer(text, start, end)
                ]
                assert found == expected, (text, start, end)


def test_a_text_memo_holds_the_results_of_one_text_only() -> None:
    memo: TextMemo[int] = TextMemo()
    calls: list[int] = []

    def compute() -> int:
        calls.append(len(calls) + 1)
        return calls[-1]

    first, second = "The navy ordered six frigates.", "The army signed for 40 tanks."
    assert memo.get(first, (0, 9), compute) == 1
    assert memo.get(first, (0, 9), compute) == 1  # the same window of the same text: kept
    assert memo.get(first, (4, 9), compute) == 2
    assert memo.get(second, (0, 9), compute) == 3  # another text: the first's are dropped
    assert memo.get(first, (0, 9), compute) == 4


def test_the_characters_that_fold_to_ascii_are_all_known() -> None:
    ascii_word = re.compile(r"[a-z0-9_]", re.I)
    folding = [chr(c) for c in range(0x80, sys.maxunicode + 1) if ascii_word.fullmatch(chr(c))]
    assert folding == ["\u0130", "\u0131", "\u017f", "\u212a"]
    assert all(_FOLDS_TO_ASCII.fullmatch(c) for c in folding)


def test_rare_words_are_worked_out_from_the_pattern() -> None:
    cues = re.compile(
        r"\b(?:contenders?|in\sthe\s(?:running|race)|compet(?:e|es|ing)|lost\s\w+\sbids?)\b", re.I
    )
    # one word per alternative, the longest each must contain; "competes" holds "compete"
    assert RareWords(cues).words == (
        "compete",
        "competing",
        "contender",
        "lost",
        "race",
        "running",
    )
    assert RareWords(re.compile(r"(?<![\w-])(?:NATO|EU)(?![\w-])")).words == ("EU", "NATO")
    # an alternative of classes only contains no one word: the gate stays open
    assert RareWords(re.compile(r"\b(?:ship|\d+|[A-Z]\w+)\b", re.I)).words is None
    # letters whose case is ignored inside a case-sensitive pattern are no exact word
    assert RareWords(re.compile(r"(?i:navy) ships")).words == (" ships",)


def test_rare_words_find_what_their_regex_finds() -> None:
    regexes = [
        re.compile(r"\b(?:third countries|other states|anyone|kits?)\b", re.I),
        re.compile(r"(?<![\w-])(?:NATO|EU|African Union)(?![\w-])"),
        re.compile(r"\b(?:lost\s(?:\w+\s){0,2}(?:tenders?|bids?)|failed\sto\swin)\b", re.I),
    ]
    texts = [
        *SENTENCES,
        "It lost two big tenders, and failed to win; EU and NATO members, the African Union.",
        "Sales to third countries or OTHER STATES need consent; anyone may buy \u212aits.",
        "\u0130ts LO\u017fT bids, the nato summit, EUROPE and the eu.",
    ]
    for regex in regexes:
        gate = RareWords(regex)
        for text in texts:
            cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"[\s,;.]", text))})
            for start in cuts:
                for end in (e for e in cuts if e >= start):
                    assert [m.span() for m in gate.finditer(text, start, end)] == [
                        m.span() for m in regex.finditer(text, start, end)
                    ], (regex.pattern, text, start, end)
                    found = gate.search(text, start, end)
                    expected = regex.search(text, start, end)
                    assert (found and found.span()) == (expected and expected.span())
    # the Kelvin sign is a k to re.IGNORECASE: the gate lets the regex judge such text
    assert RareWords(regexes[0]).search("two \u212aits") is not None
    assert not RareWords(regexes[0]).may_match("two boxes", 0, 9)


def test_a_literal_tree_shares_the_forms_beginnings() -> None:
    assert literal_tree(["tank", "tanks", "tanker", "truck"]) == "t(?:ank(?:er|s|)|ruck)"
    assert literal_tree(["a.b", ""]) == r"(?:a\.b|)"
    # "T" and "t" may both match one character (re.IGNORECASE): the alternation is kept
    assert literal_tree(["Tank", "tank"]) == alternation(["Tank", "tank"])
    assert literal_tree(["\u212aa", "ka"]) == alternation(["\u212aa", "ka"])


_FORM_CHARS = st.sampled_from(["a", "b", "A", "k", "s", ".", "-", " ", "\u212a", "\u017f", "é"])


@pytest.mark.parametrize("rest", ["", r"\b", "(?=a)", "a", r"\w", "(?![a.])", r"\s\w"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@settings(max_examples=150, deadline=None)
@given(
    forms=st.lists(st.lists(_FORM_CHARS, max_size=4).map("".join), min_size=1, max_size=8),
    text=st.lists(_FORM_CHARS, max_size=24).map("".join),
)
def test_a_literal_tree_matches_what_its_alternation_matches(
    forms: list[str], text: str, rest: str, flags: int
) -> None:
    """Every match with what follows it (which may make the longest form fail and a shorter
    one match), at every place, groups included."""
    tree = re.compile(f"(?P<form>{literal_tree(forms)}){rest}", flags)
    listed = re.compile(f"(?P<form>{alternation(forms)}){rest}", flags)
    assert spans(tree.finditer(text)) == spans(listed.finditer(text))
    for at in range(len(text) + 1):
        found, expected = tree.match(text, at), listed.match(text, at)
        assert (found and found.span("form")) == (expected and expected.span("form"))


def test_a_scan_within_windows_finds_what_it_finds_where_its_matches_begin_in_them() -> None:
    scan = WordAlternation([(None, ["ab", "b", "abc"])], "", "", re.I)
    text = "xab ab abc b zab"
    assert spans(scan.finditer_within(text, 0, len(text), [(1, 2), (4, 8), (11, 15)])) == spans(
        scan.regex.finditer(text, 0, len(text))
    )
    # a place is judged by the text after its window ("ab" at the window's last character)
    assert [m.span() for m in scan.finditer_within(text, 0, len(text), [(4, 5)])] == [(4, 6)]
    # a match that begins outside every window is not found
    assert [m.span() for m in scan.finditer_within(text, 0, len(text), [(0, 3)])] == [(1, 3)]


_MONEY_PARTS = st.sampled_from(
    [
        *["$", "US$", "Rs.", "€", "USD", "usd", "eur", "cars", "NZ", "5", "12", "1,200", "3.5"],
        *[",", " ", "  ", "\n", "\xa0", "\u2009", "-", "million", "bn", "m", "dollars", "x"],
        "\u0663",  # an Arabic-Indic digit: \\d all the same
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_MONEY_PARTS, max_size=16), st.integers(0, 8))
def test_money_begins_near_digits_only(parts: list[str], start: int) -> None:
    """Every match of the money regex begins in a window _near_digits gives: the scan for
    places within them finds what the full regex finds, groups and all."""
    text = "".join(parts)
    start = min(start, len(text))
    scan = _money_words().regex
    windows = list(_near_digits(text, start, len(text)))
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(windows))  # in order, apart
    assert spans(scan.finditer_within(text, start, len(text), windows)) == spans(
        scan.regex.finditer(text, start, len(text))
    )
