"""The NDJSON rules every consumer relies on, checked on the bytes procex writes; and the
Elasticsearch bulk variant."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import orjson
import pytest

from exporter.formats import UnwritableRecord, read_records, write_records
from tests.consumers.conftest import SEED_EVENTS, lines_of, procex

RECORD = json.loads(SEED_EVENTS.read_text("utf-8").splitlines()[0])


def assert_ndjson_rules(data: bytes) -> None:
    text = data.decode("utf-8")  # UTF-8, or this raises
    assert text.endswith("\n"), "no final newline"
    for line in text[:-1].split("\n"):
        assert line, "a blank line"
        assert not any(c in line for c in "\u2028\u2029\u0085\r"), "a raw line breaker"
        assert "\\u0000" not in line
        # strict JSON: Python's parser would take NaN/Infinity, refuse them here
        value = json.loads(line, parse_constant=refuse_constant)
        assert isinstance(value, dict)
        assert_no_at_keys(value)


def refuse_constant(name: str) -> None:
    raise AssertionError(f"{name} in the output: not JSON")


def assert_no_at_keys(value) -> None:
    if isinstance(value, dict):
        assert not [k for k in value if k.startswith("@")]
        for item in value.values():
            assert_no_at_keys(item)
    elif isinstance(value, list):
        for item in value:
            assert_no_at_keys(item)


@pytest.mark.parametrize("source", ["seed-events.ndjson", "seed-events.yaml", "seed-events.jsonld"])
def test_convert_output_follows_the_rules(source: str) -> None:
    result = procex("convert", str(SEED_EVENTS.with_name(source)), "--to", "ndjson")
    assert result.returncode == 0, result.stderr
    assert_ndjson_rules(result.stdout)
    with SEED_EVENTS.with_name(source).open("rb") as stream:
        expected = [item.data for item in read_records(stream, source)]
    assert [orjson.loads(line) for line in result.stdout.splitlines()] == expected


def test_normalize_output_follows_the_rules(seed_ndjson: Path) -> None:
    assert_ndjson_rules(seed_ndjson.read_bytes())


def test_line_breakers_inside_strings_are_escaped() -> None:
    record = {**RECORD, "evidence": {**RECORD["evidence"], "text": "a\u2028b\u2029c\u0085d\re"}}
    out = io.BytesIO()
    write_records([record], out, "ndjson")
    assert_ndjson_rules(out.getvalue())
    assert orjson.loads(out.getvalue()) == record


def with_value(path: tuple, value) -> dict:
    record = copy.deepcopy(RECORD)
    target = record
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return record


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        (("value",), {"amount": float("nan"), "currency": "USD"}, "/value/amount is nan"),
        (("value",), {"amount": float("inf"), "currency": "USD"}, "/value/amount is inf"),
        (("evidence", "text"), "a\x00b", "/evidence/text contains a NUL character"),
        (("@type",), "Event", "/@type is a key"),
    ],
)
@pytest.mark.parametrize("fmt", ["ndjson", "es-bulk", "jsonld", "yaml"])
def test_a_record_no_consumer_can_load_is_refused_naming_its_id(
    fmt: str, path: tuple, value, said: str
) -> None:
    out = io.BytesIO()
    with pytest.raises(UnwritableRecord) as refused:
        write_records([with_value(path, value)], out, fmt)
    assert f"record {RECORD['id']}: {said}" in str(refused.value)
    assert RECORD["evidence"]["text"].encode() not in out.getvalue()


def test_convert_skips_the_refused_record_keeps_the_others_and_exits_1(tmp_path: Path) -> None:
    bad = with_value(("evidence", "text"), "a\x00b")
    bad["id"] = "pe-0000000000000000000b"
    source = tmp_path / "in.yaml"
    write_records([RECORD], (buffer := io.BytesIO()), "yaml")
    source.write_bytes(buffer.getvalue() + b"---\n" + json.dumps(bad).encode() + b"\n")
    result = procex("convert", str(source), "--to", "ndjson")
    assert result.returncode == 1
    assert orjson.loads(result.stdout) == RECORD
    line = buffer.getvalue().count(b"\n") + 2
    assert result.stderr.decode().strip() == (
        f"error: {source}:{line}:1: record pe-0000000000000000000b: /evidence/text contains a NUL "
        "character (U+0000); not written [unwritable]"
    )


def test_yaml_nan_is_refused_not_written_as_null(tmp_path: Path) -> None:
    source = tmp_path / "nan.yaml"
    source.write_text(
        (SEED_EVENTS.with_name("seed-events.yaml").read_text("utf-8").split("---\n")[1]).replace(
            "quantity: null", "quantity: .nan"
        )
    )
    result = procex("convert", str(source), "--to", "ndjson")
    assert result.returncode == 1 and result.stdout == b""
    # refused as it is read, where it stands, by the YAML type it was read as
    assert (
        result.stderr.decode()
        == f"error: {source}:24:11: /quantity: a YAML float .nan; JSON has no NaN or infinity"
        " [yaml-type]\n"
    )


def test_es_bulk_action_line_carries_the_id() -> None:
    result = procex("convert", str(SEED_EVENTS), "--to", "es-bulk")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split(b"\n")
    assert lines[-1] == b"" and len(lines[:-1]) == 2 * len(lines_of(SEED_EVENTS))
    for action, source, record in zip(
        lines[0:-1:2], lines[1:-1:2], lines_of(SEED_EVENTS), strict=True
    ):
        assert action == b'{"index":{"_id":"' + record["id"].encode() + b'"}}'
        assert orjson.loads(source) == record
    assert_ndjson_rules(result.stdout)


def test_es_bulk_reads_back_through_convert(tmp_path: Path) -> None:
    bulk = tmp_path / "events.esbulk"
    bulk.write_bytes(procex("convert", str(SEED_EVENTS), "--to", "es-bulk").stdout)
    result = procex("convert", str(bulk), "--to", "ndjson")
    assert result.returncode == 0, result.stderr
    assert result.stdout == SEED_EVENTS.read_bytes()
