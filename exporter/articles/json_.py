"""JSON articles: one object per file, or one per line (NDJSON / JSON Lines)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .decode import EMPTY, Overlong, decode, normalize_newlines, too_big
from .meta import Meta, build, clean
from .model import Article, ArticleError

TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published", "date", "published_at")
_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false"}


def from_object(obj: object, name: str) -> tuple[str, Meta]:
    """(body, own metadata) of one decoded JSON article object."""
    if not isinstance(obj, dict):
        kind = "null" if obj is None else _TYPES.get(type(obj), type(obj).__name__)
        raise ArticleError(name, f"a JSON article must be an object, not {kind}")
    key = next((k for k in TEXT_KEYS if obj.get(k) is not None), None)
    if key is None:
        keys = ", ".join(TEXT_KEYS)
        raise ArticleError(name, f"JSON object has no article text (none of the keys {keys})")
    body = obj[key]
    if not isinstance(body, str):
        kind = _TYPES.get(type(body), "an object")
        raise ArticleError(name, f'"{key}" must be a string, not {kind}')
    raw = dict(obj)
    raw["published"] = next((obj[k] for k in DATE_KEYS if obj.get(k) is not None), None)
    return normalize_newlines(body), clean(raw, name)


def parse(text: str, name: str, *, one_line: bool = False) -> tuple[str, Meta]:
    """(body, own metadata) of a JSON document holding one article object."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        where = f"column {err.colno}" if one_line else f"line {err.lineno}, column {err.colno}"
        raise ArticleError(name, f"invalid JSON at {where}: {err.msg}") from None
    except RecursionError:  # the decoder recurses per level: 5,000 nested arrays end here
        raise ArticleError(name, "invalid JSON: nested too deeply to read") from None
    return from_object(obj, name)


def read_lines(
    lines: Iterable[bytes | Overlong], name: str, fill: Meta, max_bytes: int
) -> Iterator[Article | ArticleError]:
    """One Article (or ArticleError) per non-blank line, each named `name:LINE`."""
    seen = False
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if isinstance(raw, Overlong):
            seen = True
            yield ArticleError(where, too_big(raw.size, max_bytes))
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            text = decode(raw.rstrip(b"\r\n"), where, max_bytes, one_line=True)
            body, own = parse(text, where, one_line=True)
            yield build(body, where, own, fill)
        except ArticleError as err:
            yield err
    if not seen:
        yield ArticleError(name, EMPTY)
