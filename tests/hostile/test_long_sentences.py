"""normalize stays linear in the length of a run-on "sentence" (issue 8, reproduction 6).

Proved by counting work, never by the clock: the stretch the sentence splitter searches for
the word before each stop is bounded, the windows the later stages see are bounded, and the
text the event stage scans grows with the input, not with its square. Timing figures are in
bench/hostile_normalize.py and bench/RESULTS.md."""

from __future__ import annotations

import importlib
import re
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.articles import Article
from exporter.normalize.segment import MAX_SENTENCE, bounded_spans, segment

# the modules, not the functions of those names their packages export (the library API
# makes exporter.normalize a function too)
normalizer = importlib.import_module("exporter.normalize")
segment_module = importlib.import_module("exporter.normalize.segment")

RUN_ONS = {
    "titles": "Mr. ",
    "abbreviations": "U.S. ",
    "list": "Turkey, Russia, S-400 systems, ",
    "negations": "Turkey did not sign a contract with Russia for S-400 systems and ",
}


def run_on(unit: str, size: int) -> str:
    return unit * (size // len(unit))


@given(
    st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
    st.integers(min_value=8, max_value=60),
)
def test_windows_are_bounded_in_order_and_lose_no_text(text: str, limit: int) -> None:
    spans = [(0, len(text))] if text.strip() else []
    windows = list(bounded_spans(text, spans, limit))
    assert all(0 < end - start <= limit for start, end in windows)
    assert all(a[1] <= b[0] for a, b in pairwise(windows))
    kept = "".join(text[start:end] for start, end in windows)
    assert re.sub(r"\s", "", kept) == re.sub(r"\s", "", text)


def test_a_real_sentence_is_never_cut() -> None:
    sentence = "Turkey signed a contract with Russia for S-400 systems. " * 30  # 1,680 chars
    assert [(0, len(sentence))] == list(bounded_spans(sentence, [(0, len(sentence))]))


@pytest.mark.parametrize("unit", RUN_ONS.values(), ids=RUN_ONS.keys())
def test_every_sentence_the_later_stages_see_is_bounded(unit: str) -> None:
    sentences = segment(run_on(unit, 50_000)).sentences
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert sum(len(s.text) for s in sentences) >= 49_000 - len(sentences)


class _Counting:
    """Stands in for a compiled pattern and adds up the characters it is asked to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searched = pattern, 0

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        self.searched += len(text)
        return self.pattern.search(text, *args)


@pytest.mark.parametrize("unit", ["Mr. ", "U.S. "])
def test_the_splitter_searches_a_bounded_stretch_per_stop(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched = []
    for size in (20_000, 80_000):
        counting = _Counting(segment_module._WORD_BEFORE_STOP)
        monkeypatch.setattr(segment_module, "_WORD_BEFORE_STOP", counting)
        segment(run_on(unit, size))
        searched.append(counting.searched)
    assert searched[1] <= 4.1 * searched[0]  # it was 16 times: quadratic
    assert searched[1] <= 66 * 80_000 / len(unit)  # at most 65 characters for each stop


def test_the_event_stage_scans_text_in_proportion_to_the_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The negation run-on was the slowest: every trigger's clause was the whole text."""
    scanned = [0]
    weapon_kinds = normalizer.weapon_kinds

    def counting(text: str, start: int, end: int) -> frozenset[str]:
        scanned[0] += end - start
        return weapon_kinds(text, start, end)

    monkeypatch.setattr(normalizer, "weapon_kinds", counting)
    totals = []
    for size in (6_000, 24_000):
        scanned[0] = 0
        article = Article(text=run_on(RUN_ONS["negations"], size), name="x", published="2020-01-01")
        normalizer.normalize(article)
        totals.append(scanned[0])
    assert totals[0] > 0
    assert totals[1] <= 4.5 * totals[0]  # quadratic was 16 times
