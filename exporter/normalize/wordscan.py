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

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

_parser: Any = getattr(re, "_parser", None)  # Python 3.11 on
if _parser is None:  # pragma: no cover - Python 3.10 names it sre_parse
    import sre_parse as _parser

_HEAD = 2  # characters of a match's beginning worked out per alternative
_MOST_HEADS = 4096  # an alternative with more possible beginnings counts as "anything"
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")

# (beginning, complete): `complete` when the pattern's whole match is that string (shorter
# than _HEAD characters), else the beginning is the first characters of a longer match
_Heads = set[tuple[str, bool]]


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.append(chr(av))
        elif name == "RANGE" and av[1] - av[0] < 128:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\w, \d), a wide range
            return None
    return chars


def _op_heads(op: Any, av: Any, budget: int) -> _Heads | None:
    """The beginnings (up to `budget` characters) of what one parsed opcode matches."""
    name = str(op)
    if name in _ZERO_WIDTH:
        return {("", True)}
    if name == "LITERAL":
        return {(chr(av), True)}
    if name == "IN":
        chars = _class_chars(av)
        return None if chars is None else {(c, True) for c in chars}
    if name == "SUBPATTERN":
        return None if av[1] or av[2] else _heads(av[-1], budget)  # inline flags: give up
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
    return None  # any character, a back reference, a negated literal: cannot tell


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
    return unfinished if len(unfinished) + len(found) <= _MOST_HEADS else None


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


class WordAlternation:
    """The regex `before(?:(?P<g1>a|b|...)|(?P<g2>...)|...)after`, where `before` is
    zero-width (a lookbehind, or nothing) and each group lists alternative fragments."""

    def __init__(
        self,
        groups: list[tuple[str | None, list[str]]],
        before: str = "",
        after: str = "",
        flags: int = 0,
    ) -> None:
        self.regex = re.compile(before + _alternation(groups) + after, flags)
        self._groups, self._before, self._after, self._flags = groups, before, after, flags
        self._fold = bool(flags & re.IGNORECASE)
        self._heads = [
            [self._fold_heads(_heads(_parser.parse(f, flags), _HEAD)) for f in fragments]
            for _, fragments in groups
        ]
        self._selections: dict[str, re.Pattern[str] | None] = {}
        self._starts: re.Pattern[str] | None = None
        if any(heads is None for group in self._heads for heads in group):
            return  # some alternative may begin anywhere: the full regex is the only scan
        firsts = {text[:1] for group in self._heads for heads in group for text, _ in heads or ()}
        if "" in firsts:
            return  # an alternative can match nothing
        first_class = "[" + _class_escape("".join(sorted(firsts))) + "]"
        self._starts = re.compile(before + first_class, flags)

    def _fold_heads(self, heads: _Heads | None) -> _Heads | None:
        """Beginnings as keys: lower case when the regex ignores case; None for one outside
        ASCII, whose case folding is not simply str.lower."""
        if heads is None or not all(text.isascii() for text, _ in heads):
            return None
        return {(text.lower(), c) for text, c in heads} if self._fold else heads

    def _selection(self, key: str) -> re.Pattern[str] | None:
        """The regex of the alternatives that can begin with `key` (a text's first two
        characters, folded), compiled once; None when no alternative can."""
        if key not in self._selections:
            kept: list[tuple[str | None, list[str]]] = []
            for (name, fragments), group in zip(self._groups, self._heads, strict=True):
                chosen = [
                    fragment
                    for fragment, heads in zip(fragments, group, strict=True)
                    if any(key.startswith(text) for text, _ in heads or ())
                ]
                if chosen:
                    kept.append((name, chosen))
            self._selections[key] = (
                re.compile(self._before + _alternation(kept) + self._after, self._flags)
                if kept
                else None
            )
        return self._selections[key]

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """What `self.regex.finditer(text, start, end)` gives, found faster."""
        if self._starts is None:
            yield from self.regex.finditer(text, start, end)
            return
        resume = start
        fold = self._fold
        selections = self._selections
        for candidate in self._starts.finditer(text, start, end):
            at = candidate.start()
            if at < resume:
                continue  # inside the last match
            key = text[at : min(at + _HEAD, end)]
            if not key.isascii():
                regex: re.Pattern[str] | None = self.regex
            else:
                if fold:
                    key = key.lower()
                regex = selections[key] if key in selections else self._selection(key)
            if regex is None:
                continue
            match = regex.match(text, at, end)
            if match is not None:
                yield match
                resume = match.end()


def _alternation(groups: list[tuple[str | None, list[str]]]) -> str:
    parts = [
        f"(?P<{name}>{'|'.join(fragments)})" if name else "|".join(fragments)
        for name, fragments in groups
    ]
    return "(?:" + "|".join(parts) + ")"


def _class_escape(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)
