"""`procex validate` and `procex convert` as CI would run them."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from exporter.upgrade import upgrade_record
from tests.acceptance.conftest import ROOT, procex

VALID = ROOT / "fixtures" / "records" / "valid"
INVALID = "fixtures/records/invalid"


def test_valid_file_exits_0() -> None:
    result = procex("validate", str(VALID / "seed-events.ndjson"))
    assert (result.returncode, result.stdout.decode()) == (
        0,
        "ok: 3 records in 1 file are valid\n",
    )


def test_invalid_file_exits_1_with_located_messages() -> None:
    result = procex("validate", f"{INVALID}/missing-buyer.ndjson", f"{INVALID}/unquoted-no.yaml")
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [
        f"{INVALID}/missing-buyer.ndjson:2:1: 'buyer' is a required property [required]",
        f"{INVALID}/unquoted-no.yaml:13:12: /buyer/country: False is not of type 'string' "
        "(the unquoted YAML value 'NO' was read as a boolean; quote it to keep it a string) [type]",
        "invalid: 2 problems in 2 of 2 files (3 records read)",
    ]


def test_github_format_annotates_file_and_line() -> None:
    result = procex("validate", "--format", "github", f"{INVALID}/february-30.ndjson")
    assert result.stdout.decode() == (
        f"::error file={INVALID}/february-30.ndjson,line=1,col=145,title=procex format::"
        "/date/value: '2019-02-30' is not a day of the calendar\n"
    )


def test_json_report_has_totals_and_errors_per_file() -> None:
    result = procex("validate", "--format", "json", f"{INVALID}/broken-line.ndjson")
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["stats"] == {"files": 1, "records": 2, "errors": 1, "invalid_files": 1}
    assert report["files"][0]["errors"] == [
        {
            "line": 3,
            "column": 36,
            "pointer": "",
            "keyword": "parse",
            "record": 3,
            "message": "invalid JSON: unexpected end of data",
        }
    ]


def test_missing_file_exits_2_without_traceback() -> None:
    result = procex("validate", "no-such-file.ndjson")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr + result.stdout


def test_stdin_is_read_with_dash() -> None:
    data = (VALID / "seed-events.ndjson").read_bytes()
    assert procex("validate", "-", stdin=data).returncode == 0


def test_unknown_schema_version_option_is_usage_error() -> None:
    result = procex("validate", "--schema-version", "7.0.0", str(VALID / "seed-events.yaml"))
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "error: unknown schema_version '7.0.0'; known versions: 1.0.0, 1.1.0, 1.2.0, 1.3.0\n"
    )


def test_convert_ndjson_to_yaml_reads_back_equal() -> None:
    result = procex("convert", str(VALID / "seed-events.ndjson"), "--to", "yaml")
    assert result.returncode == 0
    original = [
        json.loads(line) for line in (VALID / "seed-events.ndjson").read_text().splitlines()
    ]
    assert list(yaml.safe_load_all(result.stdout)) == original


def test_schema_list_names_every_version() -> None:
    lines = procex("schema", "list").stdout.decode().splitlines()
    versions = [line.split("\t")[0] for line in lines]
    assert versions == ["1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.0.0", "1.1.0"]
    assert lines[3].endswith("/procurement-event/1.3.0/schema.json")
    assert lines[-1].endswith("/procurement-deal/1.1.0/schema.json")


def test_schema_diff_shows_what_1_1_adds() -> None:
    result = procex("schema", "diff", "1.0.0", "1.1.0")
    assert result.stdout.decode().splitlines() == [
        "+ /source/published_inferred",
        "+ /system/maker",
    ]


def test_schema_diff_shows_what_1_2_adds() -> None:
    result = procex("schema", "diff", "1.1.0", "1.2.0")
    assert result.stdout.decode().splitlines() == ["+ /date/end", "+ /date/start"]


def test_schema_diff_shows_that_1_3_changes_only_the_seller() -> None:
    result = procex("schema", "diff", "1.2.0", "1.3.0")
    assert result.stdout.decode().splitlines() == ["~ /seller"]


def test_a_record_without_seller_validates_and_its_deal_id_is_checked(tmp_path: Path) -> None:
    record = upgrade_record(
        json.loads((VALID / "seed-events.ndjson").read_text().splitlines()[0]), "1.3.0"
    )
    unnamed = record | {"seller": None, "deal_id": "TUR-XXX-S-400"}
    good, bad = tmp_path / "good.ndjson", tmp_path / "bad.ndjson"
    good.write_text(json.dumps(unnamed) + "\n", "utf-8")
    bad.write_text(json.dumps(unnamed | {"deal_id": "TUR-RUS-S-400"}) + "\n", "utf-8")
    assert (procex("validate", str(good)).returncode, procex("validate", str(bad)).returncode) == (
        0,
        1,
    )
    as_1_2_0 = procex("validate", "--schema-version", "1.2.0", str(good))
    assert as_1_2_0.returncode == 1
    assert as_1_2_0.stdout.decode().splitlines()[1] == (
        f"{good}:1:340: /seller: None is not of type 'object' [type]"
    )


def test_usage_errors_exit_2_with_a_message_and_no_traceback() -> None:
    for args in (
        ("normalize", "--to", "xml", "seeds/000_6bcff8eae5855749.txt"),
        ("validate",),
        ("no-such-command",),
    ):
        result = procex(*args)
        assert result.returncode == 2, args
        assert b"Error:" in result.stderr and b"Traceback" not in result.stderr, args
        assert result.stdout == b"", args
