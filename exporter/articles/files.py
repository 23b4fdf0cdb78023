"""From command-line arguments to article files: folders are walked, unmatched globs expanded."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from exporter.walk import Unreadable, walk

from .model import ArticleError
from .text import is_sidecar

EXTENSIONS = {
    ".txt": "text",
    ".md": "text",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".html": "html",
    ".htm": "html",
}


def kind_of(path: str) -> str | None:
    """The input format an extension names; None when it names none (the content decides)."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def is_article_file(name: str) -> bool:
    """Whether a file of this name, met in a folder, is read as an article."""
    return not name.startswith(".") and bool(kind_of(name)) and not is_sidecar(name)


def _walk(folder: str) -> list[str | ArticleError]:
    """Article files under `folder`, recursively, in a stable order; hidden entries skipped;
    a subfolder or file met there that cannot be read is an ArticleError naming it."""
    return [
        ArticleError(path, path.reason) if isinstance(path, Unreadable) else path
        for path in walk(folder, is_article_file, hidden=False)
    ]


def _folder(folder: str) -> Iterator[str | ArticleError]:
    """The articles in one folder, or an error saying there are none."""
    found = _walk(folder)
    if not found:
        kinds = " ".join(EXTENSIONS)
        yield ArticleError(folder, f"folder with no articles (no {kinds} files in it)")
    yield from found


def expand(arg: str) -> Iterator[str | ArticleError]:
    """Files to read for one argument; sidecars are skipped silently, never read as articles."""
    if os.path.isdir(arg):
        yield from _folder(arg)
    elif os.path.lexists(arg):
        if not is_sidecar(arg):
            yield arg
    elif any(c in arg for c in "*?["):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield ArticleError(arg, "No such file (nothing matches this pattern)")
        for match in matches:
            if os.path.isdir(match):
                yield from _folder(match)
            elif not is_sidecar(match):
                yield match
    else:
        yield ArticleError(arg, "No such file or directory")
