"""Writers and readers: whatever is written in a format reads back equal, in every format."""

from __future__ import annotations

import io

import orjson
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from ruamel.yaml import YAML

from exporter.formats import FORMATS, read_records, write_records
from exporter.formats.loaded import Loaded
from exporter.formats.yamldoc import encode as yaml_encode
from exporter.problems import Problem
from tests.strategies import records


def without_nul(value):
    """The value with every NUL character replaced: writers refuse NUL (PostgreSQL cannot
    store it), which tests/consumers/test_ndjson_rules.py pins."""
    if isinstance(value, str):
        return value.replace("\x00", " ")
    if isinstance(value, dict):
        return {k: without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    return value


writable = records().map(without_nul)


def write(recs: list[dict], fmt: str) -> bytes:
    out = io.BytesIO()
    write_records(recs, out, fmt)
    return out.getvalue()


def read_back(data: bytes, fmt: str) -> list:
    return [item.data for item in read_records(io.BytesIO(data), f"x.{fmt}", fmt)]


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recs=writable.flatmap(lambda r: writable.map(lambda s: [r, s])))
def test_any_valid_records_round_trip_in_every_format(fmt: str, recs: list[dict]) -> None:
    assert read_back(write(recs, fmt), fmt) == recs


UNNAMED_SELLER_RECORD = {
    "schema_version": "1.3.0",
    "id": "pe-0000000000000000c0de",
    "deal_id": "IND-XXX-K9",
    "event_type": "delivery",
    "status": "planned",
    "date": None,
    "buyer": {"name": "India", "country": "IND", "kind": "state"},
    "seller": None,
    "system": {"name": "K9 Thunder", "designation": "K9", "category": "artillery", "origin": None},
    "quantity": None,
    "value": None,
    "actors": [],
    "source": {
        "id": "0123456789abcdef",
        "publisher": None,
        "url": None,
        "title": None,
        "published": "2026-01-05",
        "dateline": None,
        "language": "en",
    },
    "evidence": {
        "text": "The ministry plans to buy a dozen self-propelled guns next year.",
        "start": 0,
        "end": 64,
    },
}


@pytest.mark.parametrize(
    ("fmt", "written"),
    [("ndjson", b'"seller":null,'), ("yaml", b"\nseller: null\n"), ("jsonld", b'"seller":null,')],
)
def test_a_record_without_seller_round_trips_with_seller_null(fmt: str, written: bytes) -> None:
    data = write([UNNAMED_SELLER_RECORD], fmt)
    assert written in data
    assert read_back(data, fmt) == [UNNAMED_SELLER_RECORD]


@settings(max_examples=60, deadline=None)
@given(record=records())
def test_yaml_reads_back_the_same_in_yaml_1_1_and_1_2(record: dict) -> None:
    text = yaml_encode(record)
    assert yaml.safe_load(text) == record
    assert YAML(typ="safe", pure=True).load(text) == record


@settings(max_examples=40, deadline=None)
@given(record=writable)
def test_ndjson_line_is_one_line_of_plain_json(record: dict) -> None:
    line = write([record], "ndjson")
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert b"\xe2\x80\xa8" not in line and b"\xe2\x80\xa9" not in line and b"\xc2\x85" not in line
    assert orjson.loads(line) == record


def test_yaml_keeps_trap_strings_strings() -> None:
    record = {"country": "NO", "flag": "yes", "date": "2019-03-29", "n": "012", "e": "1e3"}
    loaded = yaml.safe_load(yaml_encode(record))
    assert loaded == record


def test_yaml_writes_readable_non_ascii_and_keeps_key_order() -> None:
    text = yaml_encode({"b": "Türkiye", "a": 1})
    assert text == '---\nb: "Türkiye"\na: 1\n'


def test_ndjson_bad_line_is_located_and_the_others_still_read() -> None:
    data = b'{"a": 1}\n{"a": 2,,}\n{"a": 3}\n'
    items = list(read_records(io.BytesIO(data), "r.ndjson", "ndjson"))
    assert [i.data for i in items if isinstance(i, Loaded)] == [{"a": 1}, {"a": 3}]
    problem = next(i for i in items if isinstance(i, Problem))
    assert (problem.file, problem.line, problem.column, problem.keyword) == (
        "r.ndjson",
        2,
        9,
        "parse",
    )
    assert problem.message.startswith("invalid JSON")


def test_yaml_duplicate_key_is_an_error_at_the_key() -> None:
    data = b"---\na: 1\nb: 2\na: 3\n"
    items = list(read_records(io.BytesIO(data), "r.yaml", "yaml"))
    assert items == [
        Problem("r.yaml", 4, 1, "", "parse", "invalid YAML: duplicate key 'a' (first at line 2)", 1)
    ]


def test_json_array_records_know_their_lines() -> None:
    data = b'[\n  {"a": 1},\n  {"a": {"b": 2}}\n]\n'
    items = list(read_records(io.BytesIO(data), "r.json", "json"))
    assert [(i.record, i.line, i.column) for i in items] == [(1, 2, 3), (2, 3, 3)]
    assert items[1].position(("a", "b")) == (3, 15)
