"""DuckDB reads procex NDJSON with the column types derived from the schema (exporter.columns)
and queries nested fields; from schema 1.2.0 on, read_json_auto alone types the date's
interval as DATE."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from exporter.columns import duckdb_columns
from tests.consumers.conftest import lines_of


def read_json(path: Path) -> str:
    """read_json with the columns `procex schema columns --for duckdb` prints."""
    return f"read_json('{path}', format='newline_delimited', columns={duckdb_columns()})"


@pytest.fixture(params=["fixture_ndjson", "seed_ndjson"])
def ndjson(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_every_record_loads_with_explicit_columns(ndjson: Path) -> None:
    rows = duckdb.sql(f"SELECT id FROM {read_json(ndjson)}").fetchall()
    assert [r[0] for r in rows] == [r["id"] for r in lines_of(ndjson)]


def test_nested_fields_answer_queries(ndjson: Path) -> None:
    rows = duckdb.sql(
        f"""SELECT buyer.country, seller.country, system.designation, count(*)
            FROM {read_json(ndjson)} GROUP BY ALL"""
    ).fetchall()
    assert rows == [("TUR", "RUS", "S-400", len(lines_of(ndjson)))]


def test_dates_by_value_and_precision(ndjson: Path) -> None:
    got = duckdb.sql(
        f"""SELECT id, date.value, date.precision FROM {read_json(ndjson)}
            WHERE date.value IS NOT NULL ORDER BY date.value"""
    ).fetchall()
    expected = sorted(
        (r["id"], r["date"]["value"], r["date"]["precision"]) for r in lines_of(ndjson) if r["date"]
    )
    assert sorted(got) == expected
    day = [g for g in got if g[2] == "day"]
    assert all(len(value) == 10 for _, value, _ in day)


def test_the_fixture_has_the_signing_on_its_day(fixture_ndjson: Path) -> None:
    rows = duckdb.sql(
        f"""SELECT DISTINCT event_type, status FROM {read_json(fixture_ndjson)}
            WHERE date.value = '2017-09-12' AND buyer.country = 'TUR'"""
    ).fetchall()
    assert rows == [("agreement", "reported")]


def test_date_interval_loads_as_dates_with_no_column_spec(seed_ndjson: Path) -> None:
    source = f"read_json_auto('{seed_ndjson}')"
    types = duckdb.sql(f'DESCRIBE SELECT date.start, date."end" FROM {source}').fetchall()
    assert [row[1] for row in types] == ["DATE", "DATE"]
    got = duckdb.sql(
        f"SELECT id FROM {source} WHERE date.start >= DATE '2019-01-01' ORDER BY date.start, id"
    ).fetchall()
    records = [r for r in lines_of(seed_ndjson) if r["date"] and r["date"]["start"] >= "2019-01-01"]
    assert [row[0] for row in got] == [
        r["id"] for r in sorted(records, key=lambda r: (r["date"]["start"], r["id"]))
    ]
    # a month is found by any day inside it, which its value alone could not answer
    inside = duckdb.sql(
        f"SELECT date.value FROM {source} WHERE DATE '2016-11-15' BETWEEN date.start AND date.\"end\""
    ).fetchall()
    assert inside == [("2016-11",)]
