"""Formats known, not guessed: convert validates by default, `--from`, es-bulk read back
(action lines skipped, `_id` held to `id`), `--index`, and an `-o` that contradicts `--to`."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from tests.acceptance.conftest import ROOT, SEED, procex

VALID = ROOT / "fixtures" / "records" / "valid"
SEED_EVENTS = VALID / "seed-events.ndjson"
RECORDS = [json.loads(line) for line in SEED_EVENTS.read_text("utf-8").splitlines()]


def bulk_of_the_seed() -> bytes:
    result = procex("normalize", str(SEED), "--quiet", "--to", "es-bulk")
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_es_bulk_from_stdin_converts_to_the_records_alone() -> None:
    bulk = bulk_of_the_seed()
    plain = procex("normalize", str(SEED), "--quiet").stdout
    result = procex("convert", "-", "--to", "ndjson", stdin=bulk)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == plain


def test_es_bulk_from_stdin_validates_as_records() -> None:
    result = procex("validate", "-", stdin=bulk_of_the_seed())
    assert result.returncode == 0, result.stdout.decode()
    assert result.stdout.decode() == "ok: 7 records in 1 file are valid\n"


def test_es_bulk_in_an_ndjson_named_file_is_known_by_its_action_line(tmp_path: Path) -> None:
    path = tmp_path / "bulk.ndjson"
    path.write_bytes(bulk_of_the_seed())
    assert procex("validate", str(path)).returncode == 0


def test_a_record_whose_id_is_not_the_action_id_is_refused(tmp_path: Path) -> None:
    lines = bulk_of_the_seed().splitlines(keepends=True)
    lines[0] = b'{"index":{"_id":"pe-00000000000000000000"}}\n'
    path = tmp_path / "events.esbulk"
    path.write_bytes(b"".join(lines))
    result = procex("convert", str(path), "--to", "ndjson")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 6  # the other records are written
    wrong = orjson.loads(lines[1])["id"]
    column = lines[1].index(b'"pe-') + 1
    assert result.stderr.decode() == (
        f"error: {path}:2:{column}: /id: id {wrong!r} is not the _id 'pe-00000000000000000000' of "
        "the action line before it [es-bulk]\n"
    )


def test_index_names_the_index_in_every_action_line() -> None:
    result = procex("convert", str(SEED_EVENTS), "--to", "es-bulk", "--index", "procex-events")
    assert result.returncode == 0, result.stderr.decode()
    actions = result.stdout.splitlines()[0::2]
    assert actions == [
        b'{"index":{"_index":"procex-events","_id":"' + r["id"].encode() + b'"}}' for r in RECORDS
    ]


def test_index_without_es_bulk_is_a_usage_error() -> None:
    result = procex("convert", str(SEED_EVENTS), "--to", "yaml", "--index", "x")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        "error: --index names an Elasticsearch index: it goes with es-bulk, not yaml\n"
    )


@pytest.mark.parametrize(
    ("command", "to", "out", "named"),
    [
        ("convert", "es-bulk", "x.ndjson", "ndjson"),
        ("convert", "yaml", "one.jsonl", "ndjson"),
        ("normalize", "ndjson", "events.yaml", "yaml"),
    ],
)
def test_an_output_named_for_another_format_is_refused(
    tmp_path: Path, command: str, to: str, out: str, named: str
) -> None:
    source = str(SEED_EVENTS if command == "convert" else SEED)
    result = procex(command, source, "--to", to, "-o", str(tmp_path / out))
    assert (result.returncode, result.stdout) == (2, b"")
    suffix = {"es-bulk": ".esbulk", "yaml": ".yaml", "ndjson": ".ndjson"}[to]
    stem, extension = out.split(".")
    assert result.stderr.decode() == (
        f"error: {tmp_path / out}: the extension .{extension} says {named}, but --to is {to}; "
        f"name the file {stem}{suffix}\n"
    )
    assert not (tmp_path / out).exists()


def test_jsonld_may_be_written_to_a_json_file(tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    assert procex("convert", str(SEED_EVENTS), "--to", "jsonld", "-o", str(out)).returncode == 0
    assert b"@context" in out.read_bytes()


def test_convert_validates_by_default_and_writes_only_valid_records(tmp_path: Path) -> None:
    broken = dict(RECORDS[1], status="rumoured")
    path = tmp_path / "mixed.ndjson"
    path.write_text("".join(json.dumps(r) + "\n" for r in [RECORDS[0], broken, RECORDS[2]]))
    result = procex("convert", str(path), "--to", "ndjson")
    assert result.returncode == 1
    assert [orjson.loads(line) for line in result.stdout.splitlines()] == [
        RECORDS[0],
        RECORDS[2],
    ]
    assert result.stderr.decode() == (
        f"error: {path}:2:{json.dumps(broken).index('rumoured')}: /status: 'rumoured' is not "
        "one of ['reported', 'ongoing', 'planned', 'negated'] [enum]\n"
    )
    skipped = procex("convert", str(path), "--to", "ndjson", "--no-validate")
    assert (skipped.returncode, skipped.stderr) == (0, b"")
    assert len(skipped.stdout.splitlines()) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no records in file"),
        (b"just some words\n", ":1:1: a record must be a JSON object, not a string [not-a-record]"),
    ],
)
def test_convert_never_exits_0_on_what_is_not_records(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.yaml"
    path.write_bytes(content)
    result = procex("convert", str(path), "--to", "ndjson")
    assert (result.returncode, result.stdout) == (1, b"")
    assert message in result.stderr.decode()


def test_from_reads_every_file_as_the_format_it_names(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    path.write_bytes((VALID / "seed-events.yaml").read_bytes())
    for command in (("validate",), ("convert", "--to", "ndjson"), ("upgrade", "--to", "1.1.0")):
        result = procex(*command, str(path), "--from", "yaml")
        assert result.returncode == 0, (command, result.stderr.decode())
    converted = procex("convert", str(path), "--from", "yaml", "--to", "ndjson")
    expected = [orjson.loads(line) for line in converted.stdout.splitlines()]
    assert expected and all(r["schema_version"] for r in expected)
    as_ndjson = procex("validate", str(path), "--from", "ndjson")
    assert as_ndjson.returncode == 1
    assert as_ndjson.stdout.decode().startswith(f"{path}:1:2: invalid JSON: no digit after sign")


def test_from_overrides_what_the_content_looks_like() -> None:
    """A JSON array read as YAML (JSON is YAML 1.2 flow): the same records."""
    result = procex("convert", "-", "--from", "yaml", "--to", "ndjson", stdin=b"[]\n")
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "error: <stdin>:1:1: a record must be a JSON object, not an array [not-a-record]\n"
    )


def test_normalize_names_the_index_in_es_bulk_too() -> None:
    result = procex("normalize", str(SEED), "--quiet", "--to", "es-bulk", "--index", "events")
    assert result.returncode == 0, result.stderr.decode()
    actions = [orjson.loads(line) for line in result.stdout.splitlines()[0::2]]
    assert len(actions) == 7
    assert all(list(a["index"]) == ["_index", "_id"] for a in actions)
    assert {a["index"]["_index"] for a in actions} == {"events"}


def test_an_output_that_cannot_be_written_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = procex("convert", str(SEED_EVENTS), "--to", "yaml", "-o", f"{tmp_path}/")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == f"error: {tmp_path}/: is a folder; name a file to write\n"
