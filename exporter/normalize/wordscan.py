"""A large regex alternation of word patterns, tried only where a word can begin one.

Python's `re` tries every alternative of `(?<![\\w-])(?:A|B|...)` at every position of the
text, and its own first-character shortcuts give up on a lookbehind or on case-insensitive
letters. Here the alternatives are sorted once by the characters they can begin with: a
quick scan finds the word starts whose character begins some alternative, and there only
those alternatives are tried, in their own order. The matches are exactly the full regex's
(`finditer` semantics, the same group names); the full regex still answers wherever the
sorting cannot be sure (an alternative that can begin with anything, an unusual character).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_parser: Any = getattr(re, "_parser", None)  # Python 3.11 on
if _parser is None:  # pragma: no cover - Python 3.10 names it sre_parse
    import sre_parse as _parser

_CHARACTER_RANGE_LIMIT = 256  # a class spanning more characters counts as "anything"


@dataclass(frozen=True)
class _First:
    chars: frozenset[str] | None  # the characters a match can begin with; None: any
    nullable: bool  # the pattern can match the empty string, so what follows counts too


def _class_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] < _CHARACTER_RANGE_LIMIT:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\w, \d), a wide range
            return None
    return frozenset(chars)


def _first(items: Any) -> _First:
    """What the parsed pattern `items` (a sequence of sre opcodes) can begin with."""
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the next item consumes the first character
        if name == "LITERAL":
            return _First(frozenset(chars | {chr(av)}), False)
        if name == "IN":
            found = _class_chars(av)
            return _First(None if found is None else frozenset(chars | found), False)
        if name == "SUBPATTERN" and not av[1] and not av[2]:  # a group without inline flags
            inner = _first(av[-1])
        elif name == "BRANCH":
            branches = [_first(branch) for branch in av[1]]
            if any(b.chars is None for b in branches):
                return _First(None, False)
            union = frozenset().union(*(b.chars or frozenset() for b in branches))
            inner = _First(union, any(b.nullable for b in branches))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            body = _first(av[2])
            inner = _First(body.chars, body.nullable or av[0] == 0)
        else:  # any character, a back reference, a negated literal: cannot tell
            return _First(None, False)
        if inner.chars is None:
            return inner
        chars |= inner.chars
        if not inner.nullable:
            return _First(frozenset(chars), False)
    return _First(frozenset(chars), True)


def first_chars(fragment: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of the regex fragment can begin with (as written, before any
    case folding); None when it can begin with any character or the empty string."""
    found = _first(_parser.parse(fragment, flags))
    return None if found.nullable else found.chars


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
        self._fold = bool(flags & re.IGNORECASE)
        firsts = [[first_chars(f, flags) for f in fragments] for _, fragments in groups]
        self._buckets: dict[str, re.Pattern[str]] = {}
        self._starts: re.Pattern[str] | None = None
        if any(chars is None for group in firsts for chars in group):
            return  # some alternative may begin anywhere: the full regex is the only scan
        keys = {self._key(c) for group in firsts for chars in group for c in chars or ()}
        for key in keys:
            kept: list[tuple[str | None, list[str]]] = []
            for (name, fragments), group in zip(groups, firsts):
                chosen = [f for f, chars in zip(fragments, group) if key in self._keys(chars)]
                if chosen:
                    kept.append((name, chosen))
            self._buckets[key] = re.compile(before + _alternation(kept) + after, flags)
        every = "".join(sorted({c for group in firsts for chars in group for c in chars or ()}))
        self._starts = re.compile(before + "[" + _class_escape(every) + "]", flags)

    def _key(self, char: str) -> str:
        return char.lower() if self._fold else char

    def _keys(self, chars: frozenset[str] | None) -> set[str]:
        return {self._key(c) for c in chars or ()}

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """What `self.regex.finditer(text, start, end)` gives, found faster."""
        if self._starts is None:
            yield from self.regex.finditer(text, start, end)
            return
        resume = start
        buckets = self._buckets
        for candidate in self._starts.finditer(text, start, end):
            at = candidate.start()
            if at < resume:
                continue  # inside the last match
            regex = buckets.get(self._key(text[at]), self.regex)
            match = regex.match(text, at, end)
            if match is not None:
                yield match
                resume = max(match.end(), at + 1)


def _alternation(groups: list[tuple[str | None, list[str]]]) -> str:
    parts = [
        f"(?P<{name}>{'|'.join(fragments)})" if name else "|".join(fragments)
        for name, fragments in groups
    ]
    return "(?:" + "|".join(parts) + ")"


def _class_escape(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)
