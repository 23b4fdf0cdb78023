"""Segmentation: an article body into paragraphs and sentences with character offsets, and
the dateline ("ANTALYA, March 29. /TASS/. ") found and set apart."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from exporter.normalize.lexicon import alternatives, dates_lexicon, layout_lexicon
from exporter.normalize.wordscan import RareWords

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "brig",
        "rep",
        "sen",
        "gov",
        "st",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "dept",
        "est",
        "approx",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "mt",
        "ft",
    ]
)
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")
_INITIAL = re.compile(r"[a-z]")  # one letter before a stop: an initial
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    start: int  # offset into the article body
    end: int
    text: str
    paragraph: int  # 0-based paragraph index (counted from the first paragraph of the body)


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    text: str  # as written: "ANTALYA, March 29. /TASS/."
    place: str
    date_text: str | None  # "March 29"


@functools.cache
def _month_pattern() -> str:
    months = dates_lexicon().months
    forms = [m for name, short in months.items() for m in [name, *short]]
    return "|".join(sorted(forms, key=len, reverse=True))


@functools.cache
def _dateline_regex() -> re.Pattern[str]:
    month = _month_pattern()
    return re.compile(
        rf"""(?P<place>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*(?:,\ (?!(?:{month})\b)[A-Z][A-Za-z.]+)?)
        (?:,\s*(?P<date>(?:{month})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{month})\.?(?:\s+\d{{4}})?))?
        \.?\s*
        (?P<agency>/[^/\n]{{1,40}}/\.?|\([^)\n]{{1,40}}\)|\[[^\]\n]{{1,40}}\])?
        \s*(?P<dash>[-–—]{{1,2}}|:)?\s*""",
        re.VERBOSE,
    )


_PLACE_AND_DATE = re.compile(
    r"(?P<place>[A-Z][\w'.-]+(?:[ -][A-Z][\w'.-]+){0,2}),\s+"
    r"(?P<date>[\w .,]{6,25}?)[ \t]*(?:\n|$)"
)


def find_dateline(text: str, start: int) -> Dateline | None:
    """A dateline at `start` (a paragraph's beginning): a place in capitals with a date, an
    agency tag or a dash after it; or, as press releases put it, a line that holds only a
    place and a full date ("Athens, 24 March 2022")."""
    alone = _PLACE_AND_DATE.match(text, start)
    if alone:
        from exporter.normalize.dates import find_dates

        found = find_dates(alone["date"], 0, len(alone["date"]))
        if len(found) == 1 and found[0].kind == "full" and found[0].text == alone["date"].strip():
            end = alone.start() + len(alone.group().rstrip())
            return Dateline(
                alone.start(), end, text[alone.start() : end], alone["place"], alone["date"].strip()
            )
    match = _dateline_regex().match(text, start)
    if not match or not (match["date"] or match["agency"] or match["dash"]):
        return _capital_colon(text, start)
    if len(match["place"].replace(" ", "")) < 3:
        return None
    raw = text[match.start() : match.end()].rstrip(" -–—:")
    return Dateline(match.start(), match.end(), raw, match["place"], match["date"])


# "New Delhi: The government ...", as some national wires write a dateline
_PLACE_COLON = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):[ \t]+(?=[A-Z])")


def _capital_colon(text: str, start: int) -> Dateline | None:
    """A capital city and a colon at the start of the body: a dateline without a date."""
    match = _PLACE_COLON.match(text, start)
    if not match:
        return None
    from exporter.normalize.gazetteer import gazetteer

    if gazetteer().country_forms.get(match["place"], ("", ""))[1] != "capital":
        return None
    raw = text[match.start() : match.end()].rstrip()
    return Dateline(match.start(), match.end(), raw, match["place"], None)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end]."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        # the word before the stop, looked for in a bounded stretch: searching back to the
        # sentence's start made "Mr. Mr. Mr. ..." quadratic
        word = _WORD_BEFORE_STOP.search(text[max(begin, match.start() - 64) : match.start() + 1])
        if match.group()[0] == "." and word:
            token = word.group(1).lower()
            if token in _ABBREVIATIONS or _INITIAL.fullmatch(token):
                continue
        spans.append((begin, stop))
        begin = stop
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return spans


# The longest stretch of text the later stages take as one sentence. Their work grows with
# the square of a sentence's length; real sentences stay far below this (the longest in the
# fixtures and the real news: 1,216 characters), so only a run-on "sentence" (a list without
# stops, text without punctuation) is cut, into windows that end at a space.
MAX_SENTENCE = 2000


def bounded_spans(
    text: str, spans: Iterable[tuple[int, int]], limit: int = MAX_SENTENCE
) -> Iterator[tuple[int, int]]:
    """`spans`, each longer than `limit` characters cut into windows of at most `limit`,
    each window ending after a space where there is one in its second half."""
    for start, end in spans:
        while end - start > limit:
            cut = text.rfind(" ", start + limit // 2, start + limit) + 1 or start + limit
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            yield start, end


@functools.cache
def _wrap_joiners() -> frozenset[str]:
    return frozenset(layout_lexicon().wrap_joiners)


_LINE_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”’')\]]$")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–—•*·▪]|\d+[.)])\s")
_LAST_WORD = re.compile(r"([A-Za-z]+)[,]?$")


def unwrap(text: str) -> str:
    """`text` with the line breaks that wrap a sentence (hard-wrapped text: "signed a
    contract to buy\n40 jets") turned into spaces; same length, so every offset holds. A
    break stays where the line before ends a sentence or is short (a heading, a byline), or
    the next one is a list item, or nothing says the sentence runs on: the line before ends
    on a word no sentence ends on ("to", "the"), or on a lower-case word or a comma with the
    next line going on in lower case or with a number."""
    joins = []
    for match in _LINE_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()].rstrip()
        after = text[match.end() : match.end() + 40].lstrip(" \t")
        if _ENDS_SENTENCE.search(before) or _LIST_ITEM.match(text, match.end()):
            continue
        last = _LAST_WORD.search(before)
        if last is None or len(before.split()) < 4:
            continue  # a heading, a byline, a date: short lines are no wrapped prose
        word = last.group(1)
        prose_end = word[:1].islower() or before.endswith(",")
        next_runs_on = after[:1].islower() or (
            after[:1].isdigit() and not re.match(r"\d+[.)]\s", after)
        )
        if word.lower() in _wrap_joiners() or (prose_end and next_runs_on):
            joins.append(match.end() - 1)  # the newline itself
    if not joins:
        return text
    chars = list(text)
    for at in joins:
        chars[at] = " "
    return "".join(chars)


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


@dataclass(frozen=True)
class Segmented:
    sentences: list[Sentence]  # the body proper: from the dateline on, when there is one
    dateline: Dateline | None
    headline: str | None  # the first line before the dateline that reads like a headline


# A date stamp that page furniture puts before the text ("date 2024-11-01 Headline ..."): it
# is when the page was stored, not what the article says.
_DATE_STAMP = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}\b\s*")


@functools.cache
def _furniture() -> tuple[re.Pattern[str], RareWords]:
    """What a paragraph of furniture begins with, and what its first line holds anywhere."""
    layout = layout_lexicon()
    return (
        re.compile(rf"\s*{alternatives(layout.furniture_starts)}", re.I),
        RareWords(re.compile(alternatives(layout.furniture_anywhere), re.I)),
    )


def is_furniture(text: str, start: int, end: int) -> bool:
    """A paragraph the page puts around the article (an advertisement, a copyright or
    subscription notice, a photo caption, a link to other stories): no text of the article."""
    starts, anywhere = _furniture()
    if starts.match(text, start, end):
        return True
    # words anywhere on its first line (what `.*?` before them reaches), looked for only
    # where the paragraph holds them, not tried at each of its characters
    found = anywhere.search(text, start, end)
    line_end = text.find("\n", start, end)
    return found is not None and (line_end < 0 or found.start() <= line_end)


@functools.cache
def _tail_heading() -> re.Pattern[str]:
    return re.compile(rf"\s*{alternatives(layout_lexicon().furniture_tail_headings)}\s*$", re.I)


def _before_tail(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs before a heading of links to other stories ("More In Europe",
    "Related Articles"): the article ends there."""
    for index, (start, end) in enumerate(paras):
        if index > 0 and _tail_heading().match(text, start, end):
            return paras[:index]
    return paras


def segment(text: str) -> Segmented:
    paras = [
        (s, e) for s, e in _before_tail(text, paragraphs(text)) if not is_furniture(text, s, e)
    ]
    stamp = _DATE_STAMP.match(text)
    if stamp and paras and paras[0][0] <= stamp.end() < paras[0][1]:
        paras[0] = (stamp.end(), paras[0][1])
    dateline, first = None, 0
    for index, (start, _) in enumerate(paras[:8]):
        dateline = find_dateline(text, start)
        if dateline:
            first = index
            break
    headline = None
    for start, end in paras[:first]:
        if len(text[start:end].split()) >= 4:
            headline = text[start:end].strip()
            break
    sentences = []
    for number, (start, end) in enumerate(paras[first:]):
        if number == 0 and dateline:
            start = dateline.end
        for s, e in bounded_spans(text, split_sentences(text, start, end)):
            sentence_text = text[s:e].rstrip()
            sentences.append(Sentence(s, s + len(sentence_text), sentence_text, number))
    return Segmented(sentences, dateline, headline)


def headline_sentence(sentences: list[Sentence]) -> tuple[int, int] | None:
    """Where the first sentence is the article's headline (no dateline came before the body,
    so the headline was read as a sentence): a line alone in its paragraph, with no stop at
    its end."""
    if len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph:
        return None
    first = sentences[0]
    if first.text.rstrip().endswith((".", "!", "?", '"', "”")):
        return None
    return first.start, first.end
