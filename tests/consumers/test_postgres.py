"""A real PostgreSQL server loads procex NDJSON into a jsonb column, upserting on the id:
loading the same file twice changes nothing.

The test starts a throwaway cluster on loopback itself (initdb + pg_ctl from Debian's
postgresql package, which .ci/run installs) and stops it at the end; it skips only where
no server binary exists.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.consumers.conftest import lines_of

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (the test extra)")


def server_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else the newest Debian install."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(initdb).resolve().parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    for initdb in reversed(found):
        if Path(initdb).with_name("pg_ctl").exists():
            return Path(initdb).parent
    return None


def as_server_user(argv: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server as an unprivileged user then."""
    if os.geteuid() != 0:
        return argv
    user = "postgres" if _user_exists("postgres") else "nobody"
    return ["runuser", "-u", user, "--", *argv]


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A connection string to a fresh PostgreSQL cluster on 127.0.0.1, gone afterwards."""
    bindir = server_bin()
    if bindir is None:
        pytest.skip(
            "no PostgreSQL server binary (initdb/pg_ctl) on PATH or under "
            "/usr/lib/postgresql/*/bin; .ci/run installs Debian's postgresql"
        )
    home = Path(tempfile.mkdtemp(prefix="procex-pg-"))
    data, port = home / "data", free_port()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres" if _user_exists("postgres") else "nobody")
        os.chown(home, user.pw_uid, user.pw_gid)
    run = {"check": True, "capture_output": True, "timeout": 120, "cwd": home}
    subprocess.run(
        as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "procex",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        ),
        **run,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {home} -c fsync=off"
    try:
        subprocess.run(
            as_server_user(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(home / "log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            **run,
        )
        yield f"host=127.0.0.1 port={port} user=procex dbname=postgres"
    finally:
        subprocess.run(
            as_server_user(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            ),
            capture_output=True,
            timeout=60,
            cwd=home,
        )
        shutil.rmtree(home, ignore_errors=True)


UPSERT = """
    INSERT INTO events (id, record)
    SELECT r->>'id', r FROM (SELECT %s::jsonb AS r) AS line
    ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record
"""


def load(conn, path: Path) -> None:
    """Each NDJSON line as it is, parsed by the server's own JSON parser."""
    with conn.cursor() as cur:
        for line in path.read_text("utf-8").splitlines():
            cur.execute(UPSERT, (line,))
    conn.commit()


def table(conn) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute("SELECT id, record FROM events ORDER BY id")
        return cur.fetchall()


@pytest.fixture
def conn(server: str):
    with psycopg.connect(server) as connection:
        connection.execute("DROP TABLE IF EXISTS events")
        connection.execute("CREATE TABLE events (id text PRIMARY KEY, record jsonb NOT NULL)")
        connection.commit()
        yield connection


@pytest.mark.parametrize("source", ["fixture_ndjson", "seed_ndjson"])
def test_second_load_of_the_same_file_changes_nothing(
    conn, source: str, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(source)
    records = lines_of(path)
    load(conn, path)
    first = table(conn)
    load(conn, path)
    assert table(conn) == first
    assert len(first) == len({r["id"] for r in records}) == len(records)
    assert [record for _, record in first] == sorted(records, key=lambda r: r["id"])


def test_nested_fields_are_queryable_in_jsonb(conn, fixture_ndjson: Path) -> None:
    load(conn, fixture_ndjson)
    with conn.cursor() as cur:
        cur.execute(
            """SELECT DISTINCT record->'buyer'->>'country', record->'seller'->>'country',
                      record #>> '{system,designation}'
               FROM events WHERE record #>> '{date,value}' LIKE '2017%'"""
        )
        assert cur.fetchall() == [("TUR", "RUS", "S-400")]


def test_the_date_interval_casts_to_date_and_filters(conn, seed_ndjson: Path) -> None:
    """From 1.2.0 on, date.start and date.end are full dates: a cast, no string tricks."""
    load(conn, seed_ndjson)
    with conn.cursor() as cur:
        cur.execute(
            """SELECT record->>'id' FROM events
               WHERE (record #>> '{date,start}')::date >= DATE '2019-01-01'
               ORDER BY (record #>> '{date,start}')::date, record->>'id'"""
        )
        got = [row[0] for row in cur.fetchall()]
    dated = [r for r in lines_of(seed_ndjson) if r["date"] and r["date"]["start"] >= "2019-01-01"]
    assert got == [r["id"] for r in sorted(dated, key=lambda r: (r["date"]["start"], r["id"]))]
    assert got


def test_why_the_writer_refuses_nul(conn) -> None:
    """PostgreSQL cannot hold U+0000 in jsonb: a record with it would fail the whole load."""
    with pytest.raises(psycopg.errors.UntranslatableCharacter):
        conn.execute("SELECT %s::jsonb", ('{"text": "a\\u0000b"}',))
    conn.rollback()
