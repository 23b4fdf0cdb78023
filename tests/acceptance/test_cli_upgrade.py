"""`procex upgrade` as a user runs it: records migrated, written in the format they came in."""

from __future__ import annotations

import io
import json
from pathlib import Path

import yaml

from exporter import registry
from exporter.formats import write_records
from exporter.upgrade import upgrade_record
from tests.acceptance.conftest import ROOT, procex

SEED = ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson"
ONE = ROOT / "fixtures" / "records" / "valid" / "one-record.json"
ARRAY = ROOT / "fixtures" / "records" / "valid" / "array.json"


def seed_records() -> list[dict]:
    return [json.loads(line) for line in SEED.read_text("utf-8").splitlines()]


def test_seed_upgraded_to_1_1_0_validates(tmp_path: Path) -> None:
    out = tmp_path / "upgraded.ndjson"
    result = procex("upgrade", str(SEED), "--to", "1.1.0", "-o", str(out))
    assert (result.returncode, result.stderr) == (0, b"")
    upgraded = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["schema_version"] for r in upgraded] == ["1.1.0"] * len(seed_records())
    for before, after in zip(seed_records(), upgraded, strict=True):
        assert after == before | {"schema_version": "1.1.0"}
    assert procex("validate", str(out)).returncode == 0


def test_1_1_0_file_upgraded_to_latest_is_what_the_normalizer_writes(tmp_path: Path) -> None:
    """The seed article's records as 1.1.0 wrote them (no date interval), upgraded, are byte
    for byte the records the normalizer writes today (1.3.0)."""
    seed_article = ROOT / "seeds" / "000_6bcff8eae5855749.txt"
    normalized = procex("normalize", "--quiet", str(seed_article))
    assert normalized.returncode == 0, normalized.stderr
    records = [json.loads(line) for line in normalized.stdout.splitlines()]
    assert {r["schema_version"] for r in records} == {"1.3.0"} == {registry.latest()}
    assert any(r["date"] and r["date"]["precision"] == "month" for r in records)
    as_1_1_0 = tmp_path / "as-1.1.0.ndjson"
    with as_1_1_0.open("wb") as stream:
        write_records([_as_1_1_0(r) for r in records], stream, "ndjson")
    upgraded = procex("upgrade", str(as_1_1_0), "--to", "latest")
    assert upgraded.returncode == 0, upgraded.stderr
    assert upgraded.stdout == normalized.stdout
    assert procex("validate", "-", stdin=upgraded.stdout).returncode == 0


def _as_1_1_0(record: dict) -> dict:
    date = record["date"] and {k: v for k, v in record["date"].items() if k not in ("start", "end")}
    return record | {"schema_version": "1.1.0", "date": date}


def test_yaml_in_yaml_out(tmp_path: Path) -> None:
    source = tmp_path / "events.yaml"
    with source.open("wb") as stream:
        write_records(seed_records(), stream, "yaml")
    result = procex("upgrade", str(source), "--to", "1.1.0")
    assert result.returncode == 0
    documents = list(yaml.safe_load_all(result.stdout))
    assert [d["schema_version"] for d in documents] == ["1.1.0"] * len(seed_records())
    assert result.stdout.startswith(b"---\n")
    assert procex("validate", "-", stdin=result.stdout).returncode == 0


def test_stdin_keeps_its_format() -> None:
    yaml_in, yaml_expected = io.BytesIO(), io.BytesIO()
    write_records(seed_records(), yaml_in, "yaml")
    write_records(
        [upgrade_record(r, registry.latest()) for r in seed_records()], yaml_expected, "yaml"
    )
    result = procex("upgrade", "-", "--to", "latest", stdin=yaml_in.getvalue())
    assert (result.returncode, result.stdout) == (0, yaml_expected.getvalue())


def test_json_object_stays_an_object_and_array_an_array() -> None:
    one = procex("upgrade", str(ONE), "--to", "1.1.0")
    assert json.loads(one.stdout) == json.loads(ONE.read_bytes())
    many = procex("upgrade", str(ARRAY), "--to", "1.1.0")
    assert json.loads(many.stdout) == json.loads(ARRAY.read_bytes())


def test_unknown_version_exits_2_with_a_message() -> None:
    result = procex("upgrade", str(SEED), "--to", "9.9.9")
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == (
        "error: unknown schema_version '9.9.9'; known versions: 1.0.0, 1.1.0, 1.2.0, 1.3.0\n"
    )


def test_downgrade_is_refused_per_record_and_the_rest_written() -> None:
    result = procex("upgrade", str(SEED), "--to", "1.0.0")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1  # the record already at 1.0.0
    messages = result.stderr.decode().splitlines()
    assert messages[0] == (
        f"error: {SEED}:1:19: record 1: cannot downgrade from 1.1.0 to 1.0.0: "
        "upgrade only goes to newer versions"
    )
    assert "Traceback" not in result.stderr.decode()


def test_a_deal_record_is_refused_with_the_command_that_rebuilds_it(tmp_path: Path) -> None:
    """Deals are compiled, not migrated: compile reads a deal record of any version and
    writes it at the deal version it knows."""
    deals = tmp_path / "deals.ndjson"
    assert procex("compile", str(SEED), "-o", str(deals)).returncode == 0
    old = json.loads(deals.read_text("utf-8")) | {"schema_version": "1.0.0"}
    deals.write_text(json.dumps(old) + "\n", "utf-8")
    result = procex("upgrade", str(deals), "--to", "latest")
    assert (result.returncode, result.stdout) == (1, b"")
    assert result.stderr.decode() == (
        f"error: {deals}:1:20: record 1: a procurement-deal record is not upgraded but compiled "
        "again: procex compile FILE writes it as procurement-deal 1.1.0\n"
    )
    recompiled = procex("compile", str(deals))
    assert json.loads(recompiled.stdout)["schema_version"] == "1.1.0"


def test_unreadable_line_is_located_and_the_good_records_kept() -> None:
    broken = "fixtures/records/invalid/broken-line.ndjson"
    result = procex("upgrade", broken, "--to", "1.1.0")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.decode() == (
        f"error: {broken}:3:36: invalid JSON: unexpected end of data\n"
    )


def test_missing_file_exits_2() -> None:
    result = procex("upgrade", "no-such-file.ndjson", "--to", "1.1.0")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("error: no-such-file.ndjson: cannot read")


def test_output_in_another_format_is_refused(tmp_path: Path) -> None:
    result = procex("upgrade", str(SEED), "--to", "1.1.0", "-o", str(tmp_path / "out.yaml"))
    assert result.returncode == 2
    assert b"upgrade writes the format it read (ndjson), not yaml" in result.stderr


def test_writing_over_an_input_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "events.ndjson"
    target.write_bytes(SEED.read_bytes())
    result = procex("upgrade", str(target), "--to", "1.1.0", "-o", str(target))
    assert result.returncode == 2
    assert target.read_bytes() == SEED.read_bytes()
