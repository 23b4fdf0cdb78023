"""Article metadata: cleaning what an input gives, and filling gaps from the caller's metadata."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from .decode import EMPTY
from .model import Article, ArticleError

KEYS = ("title", "publisher", "url", "published", "language")
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[Tt ].*)?\Z", re.DOTALL)

Meta = dict[str, str]


def to_date(value: object, name: str) -> str:
    """`value` as "YYYY-MM-DD" (the date part of a timestamp); ArticleError if it is no date."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and (match := _DATE.match(value.strip())):
        try:
            return date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            pass
    raise ArticleError(name, f"published is not a date: {value!r} (expected YYYY-MM-DD)")


def _to_text(key: str, value: object, name: str) -> str | None:
    """A scalar as a stripped string, None when empty; ArticleError for lists and objects."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), "not text")
        raise ArticleError(name, f"{key} must be a string, not {kind}")
    return str(value).strip() or None


def clean(raw: Mapping[str, object], name: str) -> Meta:
    """The known keys of `raw` that have a value, as strings; unknown keys are ignored."""
    out: Meta = {}
    for key in KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if key == "published":
            out[key] = to_date(value, name)
        elif (text := _to_text(key, value, name)) is not None:
            out[key] = text
    return out


def fill_in(metadata: Mapping[str, str] | None) -> Meta:
    """The caller's metadata, checked up front: a bad key or date is a usage error (ValueError)."""
    if not metadata:
        return {}
    unknown = sorted(set(metadata) - set(KEYS))
    if unknown:
        raise ValueError(f"unknown metadata key(s) {', '.join(unknown)}; known: {', '.join(KEYS)}")
    try:
        return clean(metadata, "metadata")
    except ArticleError as err:
        raise ValueError(str(err)) from None


# a lone surrogate cannot be written as UTF-8; a NUL is refused by PostgreSQL and most tools
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def _check_characters(key: str, value: str, name: str) -> None:
    """ArticleError if `value` holds a character no output can carry (JSON articles can
    spell them as escapes: "\\ud800", "\\u0000")."""
    bad = _UNWRITABLE.search(value)
    if bad:
        what = "a NUL character" if bad.group() == "\x00" else "a lone surrogate"
        code = f"U+{ord(bad.group()):04X}"
        raise ArticleError(name, f"{key} holds {what} ({code}) at character {bad.start() + 1}")


def build(text: str, name: str, own: Meta, fill: Meta) -> Article:
    """The Article; the input's own metadata wins, `fill` only fills what it leaves out."""
    if not text.strip():
        raise ArticleError(name, EMPTY)
    merged = {**fill, **own}
    for key, value in (("text", text), *merged.items()):
        _check_characters(key, value, name)
    return Article(
        text=text,
        name=name,
        title=merged.get("title"),
        publisher=merged.get("publisher"),
        url=merged.get("url"),
        published=merged.get("published"),
        language=merged.get("language", "en"),
    )
