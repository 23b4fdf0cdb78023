"""docs/loading.md's commands, run as written against the real systems: the DuckDB shell,
PostgreSQL through psql, sqlite-utils, pandas; the Elasticsearch mapping and bulk body are
checked for shape (no server here), with curl standing in to catch what would be sent."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from exporter.columns import elasticsearch_mapping, pandas_dtypes, record_shape
from exporter.formats import write_records
from tests.consumers.conftest import ROOT, lines_of
from tests.consumers.test_postgres import server  # noqa: F401 - the PostgreSQL fixture

DOC = (ROOT / "docs" / "loading.md").read_text("utf-8")
BIN = str(Path(sys.executable).parent)  # where procex, duckdb and sqlite-utils are installed


def recipe(name: str) -> str:
    found = re.search(rf"<!-- recipe: {name} -->\n```\w+\n(.*?)```", DOC, re.S)
    assert found, f"docs/loading.md has no recipe for {name}"
    return found.group(1)


def tricky(record: dict[str, Any]) -> dict[str, Any]:
    """A valid record whose text holds what text-mode COPY and shells trip on."""
    text = 'He said "C:\\new\\table" \\u0041 caf\u00e9 \u2014 a\tb\nline, 50% \' $HOME `x`'
    evidence = dict(record["evidence"], text=text)
    return dict(record, id="pe-" + "0123456789abcdef0123", evidence=evidence)


def unnamed_seller(record: dict[str, Any]) -> dict[str, Any]:
    """A valid record (1.3.0 on) whose text names no supplier: seller null, XXX in the deal."""
    deal = record["deal_id"].replace(f"-{record['seller']['country']}-", "-XXX-", 1)
    return dict(record, id="pe-" + "fedcba9876543210fedc", seller=None, deal_id=deal)


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory, seed_ndjson: Path) -> list[dict]:
    records = lines_of(seed_ndjson)
    return [*records, tricky(records[0]), unnamed_seller(records[1])]


def sellers(events: list[dict]) -> list[str | None]:
    """The seller country of each record, in id order (None where the seller is null)."""
    ordered = sorted(events, key=lambda r: r["id"])
    return [r["seller"] and r["seller"]["country"] for r in ordered]


@pytest.fixture
def folder(tmp_path: Path, events: list[dict]) -> Path:
    (tmp_path / "events.ndjson").write_bytes(ndjson(events))
    return tmp_path


def ndjson(records: list[dict]) -> bytes:
    out = io.BytesIO()
    write_records(records, out, "ndjson")
    return out.getvalue()


def shell(
    command: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env={**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"], **(env or {})},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return result


# --- DuckDB -----------------------------------------------------------------------------


def duckdb_rows(folder: Path, sql: str) -> list[dict]:
    return json.loads(shell(f'duckdb -json events.duckdb -c "{sql}"', folder).stdout or "[]")


def test_duckdb_recipe_loads_every_record_with_the_types_of_the_schema(
    folder: Path, events: list[dict]
) -> None:
    shell(recipe("duckdb"), folder)
    rows = duckdb_rows(
        folder,
        "SELECT id, buyer.name AS buyer, date.value AS day, evidence.text AS text, "
        "seller.country AS seller, typeof(date.value) AS t, typeof(source.published) AS p "
        "FROM procex_events ORDER BY id",
    )
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in events)
    assert [r["seller"] for r in rows] == sellers(events)
    assert None in sellers(events)
    assert {(r["t"], r["p"]) for r in rows} == {("VARCHAR", "DATE")}
    by_id = {r["id"]: r for r in rows}
    for record in events:
        row = by_id[record["id"]]
        assert row["text"] == record["evidence"]["text"]
        assert row["day"] == (record["date"] or {}).get("value")


def test_duckdb_types_date_value_the_same_in_a_file_of_day_dates(
    folder: Path, events: list[dict]
) -> None:
    days = [r for r in events if r["date"] and r["date"]["precision"] == "day"]
    assert days and len(days) < len(events)
    (folder / "events.ndjson").write_bytes(ndjson(days))
    shell(recipe("duckdb"), folder)
    rows = duckdb_rows(folder, "SELECT DISTINCT typeof(date.value) AS t FROM procex_events")
    assert rows == [{"t": "VARCHAR"}]


# --- PostgreSQL -------------------------------------------------------------------------


@pytest.fixture
def pg_env(server: str) -> dict[str, str]:  # noqa: F811 - the imported fixture
    if shutil.which("psql") is None:
        pytest.skip("no psql client (Debian's postgresql-client; .ci/run installs postgresql)")
    settings = dict(part.split("=", 1) for part in server.split())
    return {
        "PGHOST": settings["host"],
        "PGPORT": settings["port"],
        "PGUSER": settings["user"],
        "PGDATABASE": settings["dbname"],
    }


def test_postgres_recipe_loads_backslashes_and_quotes_intact_and_twice_is_once(
    folder: Path,
    events: list[dict],
    pg_env: dict[str, str],
    server: str,  # noqa: F811
) -> None:
    import psycopg

    with psycopg.connect(server) as conn:
        conn.execute("DROP TABLE IF EXISTS procex_events")
        conn.commit()
    shell(recipe("postgres"), folder, pg_env)
    shell(recipe("postgres"), folder, pg_env)
    with psycopg.connect(server) as conn:
        rows = conn.execute(
            "SELECT id, evidence->>'text', date->>'value', buyer->>'name', source "
            "FROM procex_events ORDER BY id"
        ).fetchall()
        # a null seller is SQL NULL (the column may be null from 1.3.0 on)
        seller_rows = conn.execute(
            "SELECT seller->>'country' FROM procex_events ORDER BY id"
        ).fetchall()
    assert [row[0] for row in seller_rows] == sellers(events)
    expected = sorted(events, key=lambda r: r["id"])
    assert [row[0] for row in rows] == [r["id"] for r in expected]
    for (_, text, day, buyer, source), record in zip(rows, expected, strict=True):
        assert text == record["evidence"]["text"]
        assert day == (record["date"] or {}).get("value")
        assert buyer == record["buyer"]["name"]
        assert source == record["source"]


# --- SQLite -----------------------------------------------------------------------------


def test_sqlite_recipe_loads_nested_fields_as_json_and_twice_is_once(
    folder: Path, events: list[dict]
) -> None:
    shell(recipe("sqlite"), folder)
    shell(recipe("sqlite"), folder)
    with sqlite3.connect(folder / "events.db") as conn:
        rows = conn.execute(
            "SELECT id, json_extract(buyer, '$.country'), json_extract(evidence, '$.text'), "
            "quantity, json_extract(seller, '$.country') FROM procex_events ORDER BY id"
        ).fetchall()
        declared = {row[1]: row[2] for row in conn.execute("PRAGMA table_info(procex_events)")}
    expected = sorted(events, key=lambda r: r["id"])
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (r["id"], r["buyer"]["country"], r["evidence"]["text"]) for r in expected
    ]
    for row, record in zip(rows, expected, strict=True):
        assert (json.loads(row[3]) if row[3] else None) == record["quantity"]
    assert [row[4] for row in rows] == sellers(events)
    assert declared["id"] == "TEXT" and declared["evidence"] == "TEXT"


# --- pandas -----------------------------------------------------------------------------


def test_pandas_recipe_gives_the_same_columns_and_dates_a_datetime(
    folder: Path, events: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    pd = pytest.importorskip("pandas")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("PATH", BIN + os.pathsep + os.environ["PATH"])
    scope: dict[str, Any] = {}
    exec(recipe("pandas"), scope)
    frame = scope["events"]
    assert list(frame.columns) == list(pandas_dtypes())
    assert {"date.start", "date.end"} <= set(frame.columns)
    assert frame["id"].tolist() == [r["id"] for r in events]
    assert str(frame["quantity.value"].dtype) == "Int64"
    months = frame[frame["date.precision"] == "month"]
    assert not months.empty
    for value, start in zip(months["date.value"], months["date.start"], strict=True):
        assert start == pd.Timestamp(f"{value}-01")
    for end, record in zip(frame["date.end"], events, strict=True):
        assert (None if pd.isna(end) else end) == (
            pd.Timestamp(record["date"]["end"]) if record["date"] else None
        )
    assert frame["date.start"].isna().tolist() == [r["date"] is None for r in events]
    # a null seller: every seller column is missing in its row, none added or dropped
    for column in ("seller.name", "seller.country", "seller.kind"):
        assert str(frame[column].dtype) == "string"
        assert frame[column].isna().tolist() == [r["seller"] is None for r in events]


# --- Elasticsearch ----------------------------------------------------------------------

CURL = """curl() { n=$(ls sent.*.args 2>/dev/null | wc -l); printf '%s\\n' "$@" > sent.$n.args;
cat > sent.$n.body; echo '{"acknowledged":true}'; }
export ES=http://es.invalid:9200
"""
ES_TYPES = {"keyword", "text", "long", "double", "boolean", "date"}


def leaves(mapping: dict[str, Any], prefix: str = "") -> dict[str, str]:
    found = {}
    for name, spec in mapping["properties"].items():
        if "properties" in spec:
            found.update(leaves(spec, f"{prefix}{name}."))
        else:
            found[prefix + name] = spec["type"]
    return found


def record_leaves(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    found = {}
    for name, value in record.items():
        if isinstance(value, dict):
            found.update(record_leaves(value, f"{prefix}{name}."))
        elif isinstance(value, list):
            for item in value:
                found.update(record_leaves(item, f"{prefix}{name}."))
        else:
            found[prefix + name] = value
    return found


def test_elasticsearch_recipe_sends_a_strict_mapping_then_the_bulk_body(
    folder: Path, events: list[dict]
) -> None:
    shell(CURL + recipe("elasticsearch"), folder)
    put = (folder / "sent.0.args").read_text().splitlines()
    post = (folder / "sent.1.args").read_text().splitlines()
    assert put[put.index("-X") + 1 :][:2] == ["PUT", "http://es.invalid:9200/procex-events"]
    assert post[post.index("-X") + 1 :][:2] == ["POST", "http://es.invalid:9200/_bulk"]
    mapping = json.loads((folder / "sent.0.body").read_text())
    assert mapping == elasticsearch_mapping()
    body = (folder / "sent.1.body").read_bytes().splitlines()
    assert [json.loads(line) for line in body[1::2]] == events
    assert [json.loads(line) for line in body[0::2]] == [
        {"index": {"_index": "procex-events", "_id": r["id"]}} for r in events
    ]


def test_the_elasticsearch_mapping_has_the_shape_of_the_records(events: list[dict]) -> None:
    mapping = elasticsearch_mapping()["mappings"]
    assert mapping["dynamic"] == "strict"
    types = leaves(mapping)
    assert set(types.values()) <= ES_TYPES
    actors = {"actors.name", "actors.role", "actors.country"}
    assert set(types) == set(pandas_dtypes()) - {"actors"} | actors  # two derivations agree
    python = {"keyword": str, "text": str, "long": int, "double": (int, float), "boolean": bool}
    for record in events:
        for path, value in record_leaves(record).items():
            if value is None:  # null (a null object too) is no value to map
                continue
            assert path in types, path  # strict: every field of a record is mapped
            if types[path] in python:
                assert isinstance(value, python[types[path]]), (path, value)
            if types[path] == "date":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (path, value)
    assert types["date.value"] == "keyword"  # "2016-11" is no strict_date
    assert types["evidence.text"] == "text" and types["id"] == "keyword"


def test_every_field_of_a_record_has_a_column(events: list[dict]) -> None:
    assert list(record_shape().fields) == list(events[0])
    assert set(record_shape("1.0.0").fields) == set(events[0])  # 1.0 adds no top-level field
