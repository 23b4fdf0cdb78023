"""normalize on a folder where some articles are hostile: each bad one is one located
problem on stderr, every good one's records are written, the same with --jobs 2 and with
several formats into a folder; exit 2 (an input could not be read). And input size bounded
for streams (/dev/zero, a stdin that never ends) as for files."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.articles.decode import Overlong, bounded_lines
from exporter.normalize.dates import DateMention, resolve
from tests.hostile.conftest import SEED, Cli, procex

SEED_TEXT = SEED.read_text("utf-8")
SENTENCE = "Turkey signed a contract with Russia for S-400 systems on Friday."

# file name -> (content, the problem reported for it, or None for a good article)
ARTICLES: dict[str, tuple[bytes, str | None]] = {
    "a-seed.txt": (f"---\npublished: 2019-03-29\n---\n{SEED_TEXT}".encode(), None),
    "b-surrogate.json": (
        json.dumps({"text": SENTENCE}).replace("Friday", "Friday \\ud800").encode(),
        "text holds a lone surrogate (U+D800) at character 66",
    ),
    "c-nul-escape.json": (
        json.dumps({"text": SENTENCE + "\0"}).encode(),
        "text holds a NUL character (U+0000) at character 66",
    ),
    "d-deep.json": (
        b'{"text": "x", "a": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        "invalid JSON: nested too deeply to read",
    ),
    "e-year-one.txt": (f"---\npublished: 0001-01-01\n---\n{SENTENCE}\n".encode(), None),
    "f-nul.txt": (b"Turkey \x00 signed", "binary data, not text (NUL byte at offset 7)"),
    "g-latin1.txt": (b"Turkey \xff signed", "not UTF-8 at line 1, column 8 (byte 0xFF)"),
    "h-empty.txt": (b"", "empty: no article text"),
    "i-binary.txt": (bytes(range(256)) * 8, "binary data, not text (NUL byte at offset 0)"),
    "j-year-9999.txt": (f"---\npublished: 9999-12-31\n---\n{SENTENCE}\n".encode(), None),
    "k-seed-again.json": (
        json.dumps({"text": SEED_TEXT, "published": "2019-03-29"}).encode(),
        None,
    ),
}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(every article, the good ones only)."""
    every = tmp_path_factory.mktemp("every")
    good = tmp_path_factory.mktemp("good")
    for name, (content, problem) in ARTICLES.items():
        (every / name).write_bytes(content)
        if problem is None:
            (good / name).write_bytes(content)
    return every, good


def expected_errors(folder: Path) -> list[str]:
    return [
        f"error: {folder / name}: {problem}"
        for name, (_, problem) in ARTICLES.items()
        if problem is not None
    ]


@pytest.fixture(scope="module")
def good_records(folders: tuple[Path, Path]) -> bytes:
    every, good = folders
    ran = procex("normalize", "-q", *(str(every / p.name) for p in sorted(good.iterdir())))
    assert (ran.returncode, ran.stderr) == (0, b"")
    assert len(ran.stdout.splitlines()) >= 15  # the seed twice, and the short articles
    return ran.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_hostile_articles_are_reported_and_the_rest_written(
    folders: tuple[Path, Path], good_records: bytes, jobs: str
) -> None:
    every, _ = folders
    ran = procex("normalize", "-q", "-j", jobs, str(every))
    assert ran.returncode == 2
    assert ran.stderr.decode().splitlines() == expected_errors(every)
    assert ran.stdout == good_records


def test_hostile_articles_in_process(
    folders: tuple[Path, Path], good_records: bytes, cli: Cli
) -> None:
    every, _ = folders
    ran = cli("normalize", "-q", str(every))
    assert (ran.code, ran.errors, ran.out) == (2, expected_errors(every), good_records)


def test_hostile_articles_into_several_formats(
    folders: tuple[Path, Path], good_records: bytes, tmp_path: Path
) -> None:
    every, _ = folders
    out = tmp_path / "out"
    ran = procex("normalize", "-q", "-j", "2", str(every), "-o", f"{out}/", *_formats())
    assert ran.returncode == 2
    assert ran.stderr.decode().splitlines() == expected_errors(every)
    assert sorted(p.name for p in out.iterdir()) == [
        "events.jsonld",
        "events.ndjson",
        "events.yaml",
    ]
    assert (out / "events.ndjson").read_bytes() == good_records
    for name in ("events.yaml", "events.jsonld"):
        back = procex("convert", str(out / name), "--to", "ndjson")
        assert (back.returncode, back.stdout) == (0, good_records)


def _formats() -> list[str]:
    return ["--to", "ndjson", "--to", "yaml", "--to", "jsonld"]


@pytest.mark.parametrize(
    ("published", "words", "kind", "day", "offset"),
    [
        (dt.date(1, 1, 1), "last Friday", "weekday", 4, -1),
        (dt.date(1, 1, 1), "two days ago", "relative", None, -2),
        (dt.date(9999, 12, 31), "next Friday", "weekday", 4, 1),
    ],
)
def test_a_date_beyond_the_calendar_is_left_unresolved(
    published: dt.date, words: str, kind: str, day: int | None, offset: int
) -> None:
    mention = DateMention(0, len(words), words, kind, day=day, offset=offset)
    if kind == "relative":
        mention = DateMention(0, len(words), words, kind, offset=offset, unit="day")
    assert resolve(mention, published, forward=offset > 0) is None


def test_a_date_inside_the_calendar_still_resolves() -> None:
    mention = DateMention(0, 11, "last Friday", "weekday", day=4, offset=-1)
    found = resolve(mention, dt.date(2019, 3, 29), forward=False)
    assert found is not None and found.value == "2019-03-22"


# --- streams are bounded like files ----------------------------------------------------------

LIMIT_MESSAGE = "more than the limit of 2000000 bytes for one article; the rest is not read"


def test_dev_zero_stops_at_the_article_limit() -> None:
    ran = procex("normalize", "-q", "/dev/zero", str(SEED))
    assert ran.returncode == 2
    assert ran.stderr.decode().splitlines() == [f"error: /dev/zero: {LIMIT_MESSAGE}"]
    assert len(ran.stdout.splitlines()) == 7  # the seed's records, after it


@pytest.mark.parametrize("forever", [["yes"], ["cat", "/dev/zero"]])
def test_a_stdin_that_never_ends_stops_at_the_limit(forever: list[str]) -> None:
    source = subprocess.Popen(forever, stdout=subprocess.PIPE)
    try:
        ran = procex("normalize", "-q", "-", str(SEED), stdin=source.stdout)
    finally:
        source.kill()
        source.wait()
    assert ran.returncode == 2
    assert ran.stderr.decode().splitlines() == [f"error: <stdin>: {LIMIT_MESSAGE}"]
    assert len(ran.stdout.splitlines()) == 7


def test_an_endless_ndjson_line_on_stdin_stops_after_the_good_lines() -> None:
    head = (json.dumps({"text": SENTENCE, "published": "2020-01-03"}) + "\n").encode() * 2
    source = subprocess.Popen(
        ["sh", "-c", "cat; exec cat /dev/zero"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert source.stdin is not None
    source.stdin.write(head + b'{"text": "')
    source.stdin.close()
    try:
        ran = procex("normalize", "-q", "-", stdin=source.stdout)
    finally:
        source.kill()
        source.wait()
    assert ran.returncode == 2
    assert ran.stderr.decode().splitlines() == [f"error: <stdin>:3: {LIMIT_MESSAGE}"]
    assert len(ran.stdout.splitlines()) == 2


def test_an_overlong_ndjson_line_is_skipped_in_a_file_and_on_stdin(tmp_path: Path) -> None:
    good = json.dumps({"text": SENTENCE, "published": "2020-01-03"}) + "\n"
    big = json.dumps({"text": "x" * 2_100_000}) + "\n"
    path = tmp_path / "bulk.ndjson"
    path.write_text(good + big + good)
    size = len(big) - 1
    for args, stdin, name in (
        ([str(path)], None, str(path)),
        (["-"], path.read_bytes(), "<stdin>"),
    ):
        ran = procex("normalize", "-q", *args, input=stdin)
        assert ran.returncode == 2
        assert ran.stderr.decode().splitlines() == [
            f"error: {name}:2: {size} bytes, more than the limit of 2000000 for one article"
        ]
        assert len(ran.stdout.splitlines()) == 2


def test_an_article_the_normalizer_cannot_hold_is_reported_and_the_others_written(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the module: exporter.normalize as an attribute is the library's function
    normalizer = importlib.import_module("exporter.normalize")

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"---\npublished: 2020-01-03\n---\n{SENTENCE}\n")
    normalize = normalizer.normalize

    def deep(article: Any, **how: Any) -> list[dict[str, Any]]:
        if article.name.endswith("b.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return normalize(article, **how)

    monkeypatch.setattr(normalizer, "normalize", deep)
    ran = cli("normalize", "-q", str(tmp_path))
    assert ran.code == 2
    assert ran.errors == [f"error: {tmp_path / 'b.txt'}: cannot be normalized (RecursionError)"]
    assert len(ran.out.splitlines()) == 2


@given(
    st.lists(st.integers(min_value=0, max_value=40), max_size=12),
    st.integers(min_value=5, max_value=20),
    st.booleans(),
)
def test_bounded_lines_hold_no_line_over_the_limit(
    lengths: list[int], limit: int, seekable: bool
) -> None:
    data = b"".join(b"x" * n + b"\n" for n in lengths)
    found = list(bounded_lines(io.BytesIO(data), limit, seekable))
    expected: list[bytes | Overlong] = [
        b"x" * n + b"\n" if n <= limit + 2 else Overlong(n) for n in lengths
    ]
    assert found == expected
