"""`procex normalize --jobs N` gives the bytes --jobs 1 gives, in input order; the progress
bar goes to a terminal's stderr only, and never changes stdout."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.parallel import ordered_map
from tests.consumers.conftest import ROOT, SEEDS

TEMPLATE = """---
title: "{buyer} and {seller} sign {system} deal"
publisher: Wire
published: {published}
---
{city}, {date}. {buyer_adj} Defence Ministry signed a contract with {seller} for the delivery of
{system} air defence systems, the ministry said on {weekday}. Deliveries are expected to begin
in {month} next year.
"""

VARIANTS = [
    (
        "India",
        "Russia",
        "S-400",
        "2018-10-05",
        "NEW DELHI",
        "October 5",
        "The Indian",
        "Friday",
        "March",
    ),
    (
        "Qatar",
        "France",
        "Rafale",
        "2017-12-07",
        "DOHA",
        "December 7",
        "Qatar's",
        "Thursday",
        "June",
    ),
    (
        "Egypt",
        "Germany",
        "IRIS-T",
        "2021-03-02",
        "CAIRO",
        "March 2",
        "The Egyptian",
        "Tuesday",
        "January",
    ),
    (
        "Poland",
        "United States",
        "Patriot",
        "2018-03-28",
        "WARSAW",
        "March 28",
        "The Polish",
        "Wednesday",
        "May",
    ),
]


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("articles")
    paths = [str(SEEDS)]
    for n, (buyer, seller, system, published, city, date, adj, weekday, month) in enumerate(
        VARIANTS * 3
    ):
        path = folder / f"{n:03d}.txt"
        path.write_text(
            TEMPLATE.format(
                buyer=buyer,
                seller=seller,
                system=system,
                published=published,
                city=city,
                date=date,
                buyer_adj=adj,
                weekday=weekday,
                month=month,
            )
        )
        paths.append(str(path))
    return [*paths, str(SEEDS)]


def normalize(*args: str, stderr=subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "exporter", "normalize", *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        cwd=ROOT,
        timeout=300,
    )


def square(n: int) -> int:
    return n * n


def test_ordered_map_keeps_input_order_on_many_processes() -> None:
    assert list(ordered_map(square, range(200), 4, batch=3, ahead=2)) == [n * n for n in range(200)]


@pytest.mark.parametrize("fmt", ["ndjson", "yaml", "jsonld"])
def test_jobs_output_is_byte_identical_to_one_process(articles: list[str], fmt: str) -> None:
    one = normalize(*articles, "--to", fmt, "--jobs", "1")
    many = normalize(*articles, "--to", fmt, "--jobs", "3")
    assert one.returncode == many.returncode == 0, many.stderr.decode()
    assert one.stdout and many.stdout == one.stdout
    assert many.stderr == one.stderr  # the per-article notes, in input order too


def test_jobs_into_a_folder_of_formats(articles: list[str], tmp_path: Path) -> None:
    one, many = tmp_path / "one", tmp_path / "many"
    formats = ["--to", "ndjson", "--to", "yaml", "--to", "jsonld", "--to", "es-bulk"]
    assert normalize(*articles, *formats, "-o", str(one), "-q").returncode == 0
    assert normalize(*articles, *formats, "-o", str(many), "-j", "4", "-q").returncode == 0
    names = sorted(p.name for p in one.iterdir())
    assert names == ["events.esbulk", "events.jsonld", "events.ndjson", "events.yaml"]
    for name in names:
        assert (many / name).read_bytes() == (one / name).read_bytes()


def on_a_terminal(*args: str) -> tuple[bytes, bytes]:
    """Run normalize with stderr on a pseudo-terminal, stdout on a pipe."""
    leader, follower = pty.openpty()
    try:
        result = normalize(*args, stderr=follower)
        os.close(follower)
        follower = -1
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal was closed and read empty
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    assert result.returncode == 0, seen.decode()
    return result.stdout, seen


def test_progress_on_a_terminal_leaves_stdout_unchanged(articles: list[str]) -> None:
    piped = normalize(*articles)
    stdout, terminal = on_a_terminal(*articles)
    assert stdout == piped.stdout
    assert b"normalize: " in terminal and b"articles/s" in terminal
    assert b"normalize: " not in piped.stderr  # no bar when stderr is not a terminal


def test_quiet_turns_the_bar_off(articles: list[str]) -> None:
    stdout, terminal = on_a_terminal(*articles, "--quiet")
    assert stdout == normalize(*articles).stdout
    assert b"normalize: " not in terminal
