"""`procex normalize` on the seed, as the README runs it."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.acceptance.conftest import ROOT, SEED, procex

GOLD = yaml.safe_load((ROOT / "fixtures" / "seed" / "000_6bcff8eae5855749.gold.yaml").read_text())


def analyst_view(record: dict) -> dict:
    """The fields an analyst codes (fixtures/CORPUS.md), from a record."""
    date = record["date"]
    return {
        "deal": {
            "buyer": record["buyer"]["country"],
            "seller": record["seller"]["country"],
            "system": record["system"]["designation"],
        },
        "event_type": record["event_type"],
        "status": record["status"],
        "date": {"value": date["value"], "precision": date["precision"]} if date else None,
        "quantity": record["quantity"],
        "value": record["value"],
    }


def test_seed_gives_exactly_the_analysts_events() -> None:
    result = procex("normalize", str(SEED))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [{k: v for k, v in e.items() if k != "sentence"} for e in GOLD["events"]]
    assert [analyst_view(r) for r in records] == expected


def test_seed_records_carry_source_evidence_and_actors() -> None:
    records = [json.loads(line) for line in procex("normalize", str(SEED)).stdout.splitlines()]
    text = SEED.read_text("utf-8")
    for record, gold in zip(records, GOLD["events"], strict=True):
        evidence = record["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        assert evidence["text"].startswith(gold["sentence"])
        assert record["source"] == {
            "id": record["source"]["id"],
            "publisher": "TASS",
            "url": None,
            "title": "Ankara, Moscow negotiating timeframe for S-400 deliveries to Turkey",
            "published": "2019-03-29",
            "dateline": "ANTALYA, March 29. /TASS/.",
            "language": "en",
            "published_inferred": False,
        }
        assert record["deal_id"] == "TUR-RUS-S-400"
        assert record["buyer"] == {"name": "Turkey", "country": "TUR", "kind": "state"}
        assert record["seller"] == {"name": "Russia", "country": "RUS", "kind": "state"}
        assert record["system"] == {
            "name": "S-400 Triumf",
            "designation": "S-400",
            "category": "air-defence",
            "origin": "RUS",
            "maker": "Almaz-Antey",
        }
    assert records[0]["actors"] == [
        {"name": "Mevlut Cavusoglu", "role": "Foreign Minister", "country": "TUR"},
        {"name": "Sergey Lavrov", "role": "counterpart", "country": "RUS"},
    ]
    assert records[-1]["actors"] == [
        {"name": "Hulusi Akar", "role": "Defense Minister", "country": "TUR"}
    ]


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    first = procex("normalize", str(SEED), "--to", "jsonld").stdout
    assert first == procex("normalize", str(SEED), "--to", "jsonld").stdout
    assert (
        len({json.loads(line)["id"] for line in procex("normalize", str(SEED)).stdout.splitlines()})
        == 7
    )


def test_all_three_formats_into_a_folder_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = procex(
        "normalize", str(SEED), "--to", "ndjson", "--to", "yaml", "--to", "jsonld", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "events.jsonld",
        "events.ndjson",
        "events.yaml",
    ]
    assert result.stdout == b""
    for name in ("events.ndjson", "events.yaml", "events.jsonld"):
        check = procex("validate", str(out / name))
        assert check.returncode == 0, check.stdout
        assert check.stdout.decode().strip() == "ok: 7 records in 1 file are valid"


def test_published_option_fills_metadata_for_plain_text(tmp_path: Path) -> None:
    article = tmp_path / "plain.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")  # no sidecar next to this copy
    records = [
        json.loads(line)
        for line in procex(
            "normalize",
            str(article),
            "--published",
            "2019-03-29",
            "--publisher",
            "TASS",
            "--url",
            "https://example.org/s400",
        ).stdout.splitlines()
    ]
    assert {r["source"]["url"] for r in records} == {"https://example.org/s400"}
    assert {r["source"]["published"] for r in records} == {"2019-03-29"}


def test_year_missing_everywhere_is_inferred_and_said_so(tmp_path: Path) -> None:
    article = tmp_path / "plain.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")
    records = [json.loads(line) for line in procex("normalize", str(article)).stdout.splitlines()]
    # "ANTALYA, March 29" and "on Friday": 29 March was a Friday in 2019
    assert {r["source"]["published"] for r in records} == {"2019-03-29"}
    assert {r["source"]["published_inferred"] for r in records} == {True}


def test_unreadable_input_is_reported_and_the_rest_still_written(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = procex("normalize", str(empty), str(SEED), str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 7
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {empty}: empty: no article text",
        f"error: {tmp_path / 'missing.txt'}: No such file or directory",
    ]
    assert b"Traceback" not in result.stderr


def test_bad_published_option_is_a_usage_error() -> None:
    result = procex("normalize", str(SEED), "--published", "29/03/2019")
    assert result.returncode == 2
    assert (
        result.stderr.decode().strip() == "error: --published '29/03/2019' is not a date YYYY-MM-DD"
    )
