"""The two things the article reader hands out: an Article, or an ArticleError saying why not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article body with what is known about where it was published.

    `text` is the body exactly as given (after front matter or HTML extraction), with
    `\\n` newlines and no BOM, so that character offsets into it are stable.
    """

    text: str
    name: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"


class ArticleError(Exception):
    """An input (or NDJSON line) that could not be read; str() is the full message.

    The message starts with `name` (a path, "<stdin>", or "path:LINE") so that it can be
    printed as is, the way compilers and linters report.
    """

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message
