"""A large regex alternation of word patterns, tried only where a word can begin one.

Python's `re` tries every alternative of `(?<![\\w-])(?:A|B|...)` at every word start, and
its own first-character shortcuts give up on a lookbehind or on case-insensitive letters.
Here each alternative's first two characters are worked out once from its parsed pattern:
a quick scan finds the word starts whose first character begins some alternative, and at
each only the alternatives that can begin with its first two characters are tried, in their
own order (each such selection compiled once, when first needed). The matches are exactly
the full regex's (`finditer` semantics, the same group names); the full regex still answers
wherever the analysis cannot be sure (an alternative that can begin with anything, a
character outside ASCII).
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Generic, TypeVar

_parser: Any = getattr(re, "_parser", None)  # Python 3.11 on
if _parser is None:  # pragma: no cover - Python 3.10 names it sre_parse
    import sre_parse as _parser

_HEAD = 2  # characters of a place that choose the alternatives tried there
_PLACE = 3  # characters of a match's beginning worked out per alternative, to find places
# for lists of words: the fourth letter sets apart the common words that share a listed
# word's first three ("deliver", "delegation"), for a little more analysis when built
WORD_DEPTH = 4
_MOST_HEADS = 4096  # an alternative with more possible beginnings counts as "anything"
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")

_Result = TypeVar("_Result")

# (beginning, complete): `complete` when the pattern's whole match is that string (shorter
# than the characters asked for), else the beginning is the first characters of a longer one
_Heads = set[tuple[str, bool]]


_ASCII = [chr(c) for c in range(128)]
_CATEGORIES = {  # sre's category names -> the escape that writes them
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


@functools.cache
def _category_chars(category: str) -> frozenset[str]:
    escape = re.compile(_CATEGORIES[category])
    return frozenset(c for c in _ASCII if escape.match(c))


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The ASCII characters a class matches (the scan sends every other character to the
    full regex), at least: a class whose case is ignored (?i:) adds its other cases later."""
    chars: set[str] = set()
    negated = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE":
            chars.update(c for c in _ASCII if av[0] <= ord(c) <= av[1])
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            chars.update(_category_chars(str(av)))
        else:
            return None
    return set(_ASCII) - chars if negated else chars


def _any_case(heads: _Heads | None) -> _Heads | None:
    """Beginnings matched whatever their capitals: every ASCII casing of each."""
    if heads is None or not all(text.isascii() for text, _ in heads):
        return None
    found: _Heads = set()
    for text, complete in heads:
        casings = [""]
        for char in text:
            casings = [c + x for c in casings for x in {char.lower(), char.upper()}]
        found |= {(casing, complete) for casing in casings}
    return found


def _op_heads(op: Any, av: Any, budget: int) -> _Heads | None:
    """The beginnings (up to `budget` characters) of what one parsed opcode matches."""
    name = str(op)
    if name in _ZERO_WIDTH:
        return {("", True)}
    if name == "LITERAL":
        return {(chr(av), True)}
    if name in ("IN", "NOT_LITERAL", "ANY"):
        chars = (
            _class_chars(av)
            if name == "IN"
            else {c for c in _ASCII if name == "ANY" or ord(c) != av}
        )
        return None if chars is None else {(c, True) for c in chars}
    if name == "SUBPATTERN":
        heads = _heads(av[-1], budget)
        return _any_case(heads) if av[1] & re.IGNORECASE else heads  # av[1]: flags it adds
    if name == "BRANCH":
        found: _Heads = set()
        for branch in av[1]:
            heads = _heads(branch, budget)
            if heads is None:
                return None
            found |= heads
        return found
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat_heads(av[0], av[1], av[2], budget)
    return None  # a back reference, an atomic group: cannot tell


def _extend(
    partial: set[str], budget: int, step: Callable[[int], _Heads | None], found: _Heads
) -> set[str] | None:
    """Each unfinished beginning in `partial` followed by what `step(room)` matches: those
    reaching `budget` characters go to `found`, the rest come back unfinished."""
    unfinished: set[str] = set()
    for before in partial:
        heads = step(budget - len(before))
        if heads is None:
            return None
        for text, complete in heads:
            if len(before + text) >= budget:
                found.add(((before + text)[:budget], False))
            elif complete:
                unfinished.add(before + text)
        if len(unfinished) + len(found) > _MOST_HEADS:
            return None  # too many already: the rest would only add
    return unfinished


def _heads(items: Any, budget: int) -> _Heads | None:
    """The beginnings (up to `budget` characters) of what a parsed sequence matches."""
    found: _Heads = set()
    partial = {""}
    for op, av in items:
        extended = _extend(partial, budget, functools.partial(_op_heads, op, av), found)
        if extended is None:
            return None
        if not extended:
            return found
        partial = extended
    return found | {(text, True) for text in partial}


def _repeat_heads(least: int, most: int, body: Any, budget: int) -> _Heads | None:
    found: _Heads = {("", True)} if least == 0 else set()
    partial = {""}
    count = 0
    while partial and count < most:
        count += 1
        extended = _extend(partial, budget, functools.partial(_heads, body), found)
        if extended is None or "" in extended or extended == partial:
            return None  # a body that can match nothing: cannot tell how far it goes
        partial = extended
        if count >= least:
            found |= {(text, True) for text in partial}
    return found


def _beginnings(fragment: str, flags: int, depth: int = _PLACE) -> _Heads | None:
    """A fragment's beginnings, `depth` characters long where they are few enough to list,
    else shorter."""
    parsed = _parser.parse(fragment, flags)
    for size in range(depth, 0, -1):
        found = _heads(parsed, size)
        if found is not None:
            return found
    return None


class WordAlternation:
    """The regex `before(?:(?P<g1>a|b|...)|(?P<g2>...)|...)after`, where `before` is
    zero-width (a lookbehind, or nothing) and each group lists alternative fragments.
    `every_group`: the regexes tried keep every group of the full one (the alternatives
    left out made to fail at once), for callers that read groups of other alternatives.
    `narrow=False`: the full regex is tried wherever some alternative can begin, for a
    regex too costly to compile in parts. `depth`: how many characters of each alternative's
    beginning the scan for places looks at; deeper finds fewer places where words share
    their first three letters, for a longer analysis where alternatives begin with digits
    or classes."""

    def __init__(
        self,
        groups: list[tuple[str | None, list[str]]],
        before: str = "",
        after: str = "",
        flags: int = 0,
        every_group: bool = False,
        narrow: bool = True,
        depth: int = _PLACE,
    ) -> None:
        self.regex = re.compile(before + _alternation(groups) + after, flags)
        self._groups, self._before, self._after, self._flags = groups, before, after, flags
        self._fold = bool(flags & re.IGNORECASE)
        self._every_group, self._narrow = every_group, narrow
        beginnings = [
            [self._fold_heads(_beginnings(f, flags, depth)) for f in fragments]
            for _, fragments in groups
        ]
        self._heads = [  # the same, as far as the keys reach
            [
                None if b is None else {(t[:_HEAD], len(t) < _HEAD and c) for t, c in b}
                for b in group
            ]
            for group in beginnings
        ]
        self._selections: dict[str, re.Pattern[str] | None] = {}  # a key -> its regex
        self._compiled: dict[tuple[tuple[int, int], ...], re.Pattern[str] | None] = {}
        self._by_head: dict[str, list[tuple[int, int]]] = {}  # a beginning -> alternatives
        for g, group in enumerate(self._heads):
            for f, heads in enumerate(group):
                for text, _ in heads or ():
                    self._by_head.setdefault(text, []).append((g, f))
        self.places: re.Pattern[str] | None = None  # where a match may begin
        self.beginnings: set[str] = set()
        self._place_reach = 0
        self.before = before
        # the places of the text a SharedPlaces holds, found for this scan among others'
        self.held_places: tuple[str | None, list[int]] = (None, [])
        if any(heads is None for group in self._heads for heads in group):
            return  # some alternative may begin anywhere: the full regex is the only scan
        every = {text for group in beginnings for heads in group for text, _ in heads or ()}
        if "" in every:
            return  # an alternative can match nothing
        if self._fold and any(c.isalpha() for c in re.sub(r"\\[A-Za-z]|\(\?P<\w+>", "", before)):
            before = f"(?i:{before})"  # letters outside escapes and group names: keep their case
        self.beginnings, self.before = every, before
        self._place_reach = max(map(len, every))  # how far a place's test reads from it
        self.places = re.compile(before + _places(every, self._fold), flags & ~re.IGNORECASE)

    def _fold_heads(self, heads: _Heads | None) -> _Heads | None:
        """Beginnings as keys, lower case when the regex ignores case. Text whose first
        characters are not all ASCII is left to the full regex, so a beginning outside ASCII
        needs no key; but a letter outside ASCII whose case is ignored could fold to ASCII
        ("\u212a" is "k"): with one, None."""
        if heads is None:
            return None
        outside = {c for text, _ in heads for c in text if not c.isascii()}
        if self._fold and any(c.lower() != c.upper() for c in outside):
            return None
        return {(text.lower() if self._fold else text, c) for text, c in heads if text.isascii()}

    def _selection(self, key: str) -> re.Pattern[str] | None:
        """The regex of the alternatives that can begin with `key` (a text's first two
        characters, folded); None when no alternative can. Keys that choose the same
        alternatives share one regex, compiled once."""
        if key not in self._selections:
            chosen = tuple(sorted({*self._by_head.get(key, ()), *self._by_head.get(key[:1], ())}))
            if not self._narrow and chosen:
                self._compiled[chosen] = self.regex  # only the places are narrowed
            elif chosen not in self._compiled:
                self._compiled[chosen] = self._compile(set(chosen)) if chosen else None
            self._selections[key] = self._compiled[chosen]
        return self._selections[key]

    def _compile(self, chosen: set[tuple[int, int]]) -> re.Pattern[str]:
        kept: list[tuple[str | None, list[str]]] = []
        for g, (name, fragments) in enumerate(self._groups):
            alternatives = []
            for f, fragment in enumerate(fragments):
                if (g, f) in chosen:
                    alternatives.append(fragment)
                elif self._every_group:  # its groups, empty, after something that fails
                    names = re.compile(fragment, self._flags).groupindex
                    alternatives.append("(?!)" + "".join(f"(?P<{n}>)" for n in names))
            if alternatives:
                kept.append((name, alternatives))
        return re.compile(self._before + _alternation(kept) + self._after, self._flags)

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """What `self.regex.finditer(text, start, end)` gives, found faster."""
        if self.places is None:
            return self.regex.finditer(text, start, end)
        held, found = self.held_places  # read once: a call from another thread replaces it
        if held is not text:
            return self._scan(map(_START, self.places.finditer(text, start, end)), text, end)
        # a place found in the whole text stands in any window of it (what follows a
        # window's end only lets more places be found)
        shared = found[bisect.bisect_left(found, start) : bisect.bisect_left(found, end)]
        return self._scan(shared, text, end, self.places)

    def finditer_within(
        self, text: str, start: int, end: int, windows: Iterable[tuple[int, int]]
    ) -> Iterator[re.Match[str]]:
        """What `finditer(text, start, end)` gives, for a caller that knows no match can begin
        outside the windows (in text order, apart, inside [start, end)): places are looked for
        in the windows only. A place's own test still reads the text after its window."""
        if self.places is None:
            return self.regex.finditer(text, start, end)
        places = _places_within(self.places, text, end, windows, self._place_reach)
        return self._scan(places, text, end)

    def _scan(
        self, places: Iterable[int], text: str, end: int, check: re.Pattern[str] | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches at the places, in order, none inside the one before. `check`: the
        places are more than this scan's own (another's too): a match counts only where
        `check`, this scan's places regex, says a place stands, as only there would this
        scan have looked."""
        resume = 0
        fold, full, selections = self._fold, self.regex, self._selections
        for at in places:
            if at < resume:
                continue  # inside the last match
            key = text[at : at + _HEAD] if at + _HEAD <= end else text[at:end]
            regex = full  # for text outside ASCII: only the full regex can tell
            if key.isascii():
                if fold:
                    key = key.lower()
                chosen = selections[key] if key in selections else self._selection(key)
                if chosen is None:
                    continue
                regex = chosen
            match = regex.match(text, at, end)
            if match is not None and (check is None or check.match(text, at, end) is not None):
                yield match
                resume = match.end()


_START = re.Match.start


def _places_within(
    places: re.Pattern[str],
    text: str,
    end: int,
    windows: Iterable[tuple[int, int]],
    reach: int,
) -> Iterator[int]:
    """The places found in each window, each window's text read on as far as the test of a
    place inside it reads (`reach` characters from the place on, up to `end`)."""
    for low, high in windows:
        # a place takes one character: those from `low` on are found as from the start
        for place in places.finditer(text, low, min(end, high - 1 + reach)):
            if place.start() >= high:
                break
            yield place.start()


class SharedPlaces:
    """Word scans that look for their places after the same zero-width test (`(?<![\\w-])`,
    a word's start): the places of all of them in a text found in one pass, which each then
    reads instead of passing over the text itself. A pass costs about the same whatever its
    list (sre tries the test and the first letters at every character), so scans that read
    the same text share most of theirs. `hold(text)` finds them for a text the scans will
    read next (the article being read); a scan of any other text finds its own places.
    `scans` gives the scans each time (their builders' caches may hold new ones, built by
    another thread at the same moment): one whose pattern the places were not worked out
    from is left to find its own."""

    def __init__(self, scans: Callable[[], list[WordAlternation]]) -> None:
        found = scans()
        first = found[0].places
        if first is None or any(
            scan.places is None
            or scan.before != found[0].before
            or scan.places.flags != first.flags
            for scan in found
        ):
            raise ValueError("scans share places only where each has them, after the same test")
        # every beginning whatever its capitals: each scan's own places are among these
        every = {text.lower() for scan in found for text in scan.beginnings}
        self.places = re.compile(found[0].before + _places(every, True), first.flags)
        self._scans = scans
        self._patterns = frozenset(scan.regex.pattern for scan in found)

    def hold(self, text: str) -> None:
        """Find the places in `text`, which the scans read in their calls about it until
        another text is held."""
        held = (text, list(map(_START, self.places.finditer(text))))
        for scan in self._scans():
            if scan.regex.pattern in self._patterns:
                scan.held_places = held


class FirstOf:
    """The regex `(?:A|B|...)`, A, B, ... the full regexes of word scans: at each place the
    first scan's match, else the second's, and so on. None of them may match nothing."""

    def __init__(self, scans: list[WordAlternation]) -> None:
        self.scans = tuple(scans)
        self.places: re.Pattern[str] | None = None
        first = scans[0]
        if all(
            scan.places is not None
            and (scan.before, scan._fold, scan.places.flags)
            == (first.before, first._fold, first.places.flags)  # type: ignore[union-attr]
            for scan in scans
        ):  # the same text before each: one tree of all their beginnings
            every = set().union(*(scan.beginnings for scan in scans))
            self.places = re.compile(
                first.before + _places(every, first._fold),
                first.places.flags,  # type: ignore[union-attr]
            )
        elif all(scan.places is not None for scan in scans):  # else each one's places
            self.places = re.compile(
                "|".join(f"(?:{scan.places.pattern})" for scan in scans),  # type: ignore[union-attr]
                first.places.flags,  # type: ignore[union-attr]
            )

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        if self.places is None:  # every place, each scan's full regex
            return _scan(self.scans, re.compile(r"(?s:.)"), text, start, end, every=True)
        return _scan(self.scans, self.places, text, start, end)


def _scan(
    scans: tuple[WordAlternation, ...],
    places: re.Pattern[str],
    text: str,
    start: int,
    end: int,
    every: bool = False,
) -> Iterator[re.Match[str]]:
    """The matches of the scans at the places found, as `finditer` finds them. `every`: use
    each scan's full regex (places that may not suit its selections)."""
    resume = start
    for place in places.finditer(text, start, end):
        at = place.start()
        if at < resume:
            continue  # inside the last match
        key = text[at : at + _HEAD] if at + _HEAD <= end else text[at:end]
        plain = key.isascii() and not every
        lower = key.lower()
        for scan in scans:
            if plain:
                folded = lower if scan._fold else key
                selections = scan._selections
                regex = selections[folded] if folded in selections else scan._selection(folded)
                if regex is None:
                    continue
            else:
                regex = scan.regex  # the text outside ASCII: only the full regex can tell
            match = regex.match(text, at, end)
            if match is not None:
                yield match
                resume = match.end()
                break


# a place for the full regexes to judge; written as a negated class, as sre's compiler walks
# every character of a range, which for \x80-\U0010ffff takes a good part of a second
_OUTSIDE_ASCII = "[^\\x00-\\x7f]"


def _places(beginnings: set[str], fold: bool) -> str:
    """A regex consuming the first character of each place where one of the beginnings
    (ASCII characters) stands, the rest only looked at; both cases written out when `fold`.
    A character outside ASCII anywhere in a beginning's reach makes a place."""
    tree: dict[str, Any] = {}
    for text in beginnings:
        node = tree
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}  # a beginning ends here: what follows does not matter
    parts = []
    for rest, chars in _branches(tree, fold):
        parts.append(f"{_class(chars)}(?={rest})" if rest else _class(chars))
    return "(?:" + "|".join([*parts, _OUTSIDE_ASCII]) + ")"


def _branches(node: dict[str, Any], fold: bool) -> list[tuple[str, set[str]]]:
    """The node's characters, grouped by the pattern of what must follow each."""
    grouped: dict[str, set[str]] = {}
    for char, child in node.items():
        if char:
            cases = {char.lower(), char.upper()} if fold else {char}
            grouped.setdefault(_following(child, fold), set()).update(cases)
    return sorted(grouped.items(), key=lambda pair: sorted(pair[1]))


def _following(node: dict[str, Any], fold: bool) -> str:
    """The pattern of what must follow to reach a beginning's end ("": anything)."""
    if "" in node:
        return ""
    parts, last = [], set()  # last: characters after which anything may follow
    for rest, chars in _branches(node, fold):
        if rest:
            parts.append(_class(chars) + rest)
        else:
            last |= chars
    if last:
        parts.append(_class(last))
    return "(?:" + "|".join([*parts, _OUTSIDE_ASCII]) + ")"


def _class(chars: set[str]) -> str:
    return "[" + _class_escape("".join(sorted(chars))) + "]"


def _alternation(groups: list[tuple[str | None, list[str]]]) -> str:
    parts = [
        f"(?P<{name}>{'|'.join(fragments)})" if name else "|".join(fragments)
        for name, fragments in groups
    ]
    return "(?:" + "|".join(parts) + ")"


def _class_escape(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


_DIGIT = re.compile(r"\d")


def has_digit(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has a digit (as `\\d` reads one): a scan whose every match
    has one can skip text without."""
    return _DIGIT.search(text, start, end) is not None


class TextMemo(Generic[_Result]):
    """What a scan found in windows of one text, kept while the calls name that text (the
    article being read: a sentence's clauses and candidates ask for the same windows) and
    dropped when another text comes, so it holds one article's results, never more.
    The text is held with its results, so its identity cannot be taken by another."""

    def __init__(self) -> None:
        self._held: tuple[str | None, dict[Hashable, _Result]] = (None, {})

    def get(self, text: str, key: Hashable, compute: Callable[[], _Result]) -> _Result:
        held = self._held  # read once: a call from another thread replaces it whole
        if held[0] is not text:
            held = self._held = (text, {})
        found = held[1].get(key)
        if found is None:
            found = held[1][key] = compute()
        return found


# The characters outside ASCII that re.IGNORECASE matches with an ASCII letter (İ ı ſ K;
# test_wordscan checks the list against every code point): where one stands, lower-cased
# text may not hold what the regex matches, so a RareWords gate does not judge it.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


class WordGate:
    """Words one of which every match of some pattern holds, looked for with `str`'s own
    search: text holding none of them holds no match. `fold`: the pattern's letters match
    whatever their case (wholly or in part), so the words are looked for in the lower-cased
    text, and where it holds a character that re.IGNORECASE folds to ASCII (which lower
    case may not show) the gate stays open."""

    def __init__(self, words: Iterable[str], fold: bool) -> None:
        found = {w.lower() if fold else w for w in words}
        # a word holding another of them is found with it: "covers" with "cover"
        self.words = tuple(sorted(w for w in found if not any(o != w and o in w for o in found)))
        self._fold = fold

    def may_match(self, text: str, start: int, end: int) -> bool:
        """False only where no match can stand in text[start:end]."""
        window = text[start:end]
        if self._fold:
            if not window.isascii() and _FOLDS_TO_ASCII.search(window):
                return True
            window = window.lower()
        for word in self.words:  # noqa: SIM110 (a loop: cheaper than any() over a generator)
            if word in window:
                return True
        return False


def _open(text: str, start: int, end: int) -> bool:
    return True


class RareWords:
    """A regex most texts give no match, behind a cheap gate: the words one of which every
    match holds (worked out from the parsed pattern: a run of ASCII letters its match must
    contain, one per alternative), looked for with `str`'s own search in the text, lower
    case where the regex ignores case. Text holding none of them cannot match, and the regex
    is not run; elsewhere it answers as it would alone. A pattern with no such words (an
    alternative of classes only) leaves the gate open."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        fold = bool(regex.flags & re.IGNORECASE)
        found = _required(list(_parser.parse(regex.pattern, regex.flags)), not fold)
        gate = None if found is None else WordGate(found, fold)
        self.words = None if gate is None else gate.words
        # False only where the regex cannot match text[start:end]: the gate's own method
        self.may_match: Callable[[str, int, int], bool] = _open if gate is None else gate.may_match

    def search(self, text: str, start: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(text, start, end):
            return None
        return self.regex.search(text, start, end)

    def finditer(
        self, text: str, start: int = 0, end: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if not self.may_match(text, start, end):
            return iter(())
        return self.regex.finditer(text, start, end)


def _required(items: list[tuple[Any, Any]], exact_case: bool) -> set[str] | None:
    """Strings one of which every match of a parsed sequence contains, the most telling of
    the choices (the longest shortest string); None where none can be told."""
    choices: list[set[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:  # (None, None): the end of the last run
        name = str(op)
        if name == "LITERAL" and chr(av).isascii():
            run += chr(av)
            continue
        if run:
            choices.append({run})
            if name == "BRANCH":  # a common beginning re's parser took out: "r(?:ace|unning)"
                leads = [_leading_run(list(branch)) for branch in av[1]]
                if all(leads):
                    choices.append({run + lead for lead in leads})
            run = ""
        found = _required_of(name, av, exact_case)
        if found:
            choices.append(found)
    if not choices:
        return None
    return max(choices, key=lambda words: (min(len(w) for w in words), -len(words)))


def _required_of(name: str, av: Any, exact_case: bool) -> set[str] | None:
    """What one parsed opcode's every match contains (see _required)."""
    if name == "SUBPATTERN":
        adds_case_folding = exact_case and av[1] & re.IGNORECASE  # av[1]: flags it adds
        return None if adds_case_folding else _required(list(av[-1]), exact_case)
    if name == "BRANCH":
        found: set[str] = set()
        for branch in av[1]:
            words = _required(list(branch), exact_case)
            if words is None:
                return None
            found |= words
        return found
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _required(list(av[2]), exact_case)
    return None  # assertions look, classes and the rest match no one string


def _leading_run(items: list[tuple[Any, Any]]) -> str:
    """The ASCII letters a parsed sequence begins with, as long as they run."""
    run = ""
    for op, av in items:
        if str(op) != "LITERAL" or not chr(av).isascii():
            break
        run += chr(av)
    return run
