"""format_of's extension of a path is pathlib's, without a path object."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from exporter.formats import suffix

NAMES = [
    "a.ndjson",
    "dir/b.YAML",
    "dir.d/c",
    "x.json/",
    "x.json/.",
    "./y.jsonld",
    ".json",
    "..json",
    "a.",
    "a..",
    "..",
    ".",
    "/",
    "",
    "//a.b//",
    "<stdin>",
    "archive.tar.gz",
]


@pytest.mark.parametrize("name", NAMES)
def test_suffix_is_pathlibs(name: str) -> None:
    assert suffix(name) == PurePosixPath(name).suffix
