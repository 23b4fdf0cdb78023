"""procex compile as a user runs it: articles normalized, then compiled into deal records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.acceptance.conftest import ROOT, procex

SIGNING = ROOT / "fixtures" / "compile"  # three articles about one signing, written for this
WIRE, WEEKLY, OTHER_DATE = sorted(SIGNING.glob("*.txt"))


def normalized(tmp_path: Path, *articles: Path | str, name: str = "events.ndjson") -> Path:
    path = tmp_path / name
    result = procex("normalize", "--quiet", *map(str, articles), "-o", str(path))
    assert result.returncode == 0, result.stderr.decode()
    return path


def compiled(*args: str) -> list[dict]:
    result = procex("compile", *args)
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return normalized(
        tmp_path_factory.mktemp("corpus"), ROOT / "seeds", ROOT / "fixtures" / "articles"
    )


def test_seed_and_corpus_compile_into_deals_that_validate(
    corpus_events: Path, tmp_path: Path
) -> None:
    deals = tmp_path / "deals.ndjson"
    result = procex("compile", str(corpus_events), "-o", str(deals))
    assert result.returncode == 0, result.stderr.decode()
    events = corpus_events.read_text("utf-8").splitlines()
    lines = deals.read_text("utf-8").splitlines()
    assert result.stderr.decode() == f"compiled {len(lines)} deals\n"
    assert len({json.loads(e)["deal_id"] for e in events}) == len(lines)
    check = procex("validate", str(deals), str(corpus_events))
    assert check.returncode == 0, check.stdout.decode()
    assert check.stdout.decode() == f"ok: {len(events) + len(lines)} records in 2 files are valid\n"
    # every event record is in exactly one merged event
    reported = [
        s["record"] for d in map(json.loads, lines) for e in d["timeline"] for s in e["sources"]
    ]
    assert sorted(reported) == sorted(json.loads(e)["id"] for e in events)


def test_the_seed_deal_has_its_seven_events_in_date_order(corpus_events: Path) -> None:
    [deal] = [d for d in compiled(str(corpus_events)) if d["deal_id"] == "TUR-RUS-S-400"]
    seed = "7b49c730320902e6"
    from_seed = [
        e for e in deal["timeline"] if any(s["source"]["id"] == seed for s in e["sources"])
    ]
    assert [
        (e["event_type"], e["status"], e["date"] and e["date"]["value"]) for e in from_seed
    ] == [
        ("negotiation", "reported", "2016-11"),
        ("agreement", "reported", "2017-09-12"),
        ("payment", "reported", "2017-09-12"),
        ("negotiation", "ongoing", "2019-03-29"),
        ("production", "planned", "2019-05"),
        ("deployment", "planned", "2019-10"),
        ("delivery", "planned", None),
    ]


def test_the_seed_alone_stands_at_payment_with_production_and_delivery_planned(
    tmp_path: Path,
) -> None:
    [deal] = compiled(str(normalized(tmp_path, ROOT / "seeds")))
    assert deal["stage"]["event_type"] == "payment"
    assert deal["next_planned"]["event_type"] == "production"
    done = [e["event_type"] for e in deal["timeline"] if e["status"] in ("reported", "ongoing")]
    planned = [e["event_type"] for e in deal["timeline"] if e["status"] == "planned"]
    assert "agreement" in done and "payment" in done
    assert "delivery" in planned


def test_two_articles_about_one_signing_make_one_agreement_with_both_sources(
    tmp_path: Path,
) -> None:
    [deal] = compiled(str(normalized(tmp_path, WIRE, WEEKLY)))
    assert deal["deal_id"] == "VNM-KOR-K9"
    [agreement] = deal["timeline"]
    assert (agreement["event_type"], agreement["status"]) == ("agreement", "reported")
    assert agreement["date"]["value"] == "2024-03-14"
    assert [(s["source"]["publisher"], s["source"]["url"]) for s in agreement["sources"]] == [
        ("Seoul Wire", "https://example.org/seoul-wire/vietnam-k9"),
        ("Land Systems Weekly", "https://example.org/land-systems-weekly/hanoi-artillery"),
    ]
    assert (deal["quantity"]["value"], len(deal["quantity"]["observations"])) == (20, 2)
    assert deal["stage"]["event"] == agreement["id"]
    assert deal["conflicts"] == []


def test_a_third_article_with_another_date_is_a_stated_conflict(tmp_path: Path) -> None:
    [deal] = compiled(str(normalized(tmp_path, WIRE, WEEKLY, OTHER_DATE)))
    assert [len(e["sources"]) for e in deal["timeline"]] == [1, 2]  # 2024-03-11, 2024-03-14
    assert deal["conflicts"] == [
        {
            "kind": "date",
            "event_type": "agreement",
            "events": sorted(e["id"] for e in deal["timeline"]),
            "message": "sources date the agreement differently: 2024-03-11 by Asia Defence "
            "Digest (2024-03-25); 2024-03-14 by Land Systems Weekly (2024-03-18), Seoul Wire "
            "(2024-03-15)",
        }
    ]


def test_into_merges_new_records_as_compiling_everything_at_once(tmp_path: Path) -> None:
    parts = [normalized(tmp_path, a, name=f"{a.stem}.ndjson") for a in (WIRE, WEEKLY, OTHER_DATE)]
    deals = tmp_path / "deals.ndjson"
    ids = []
    for part in parts:
        result = procex("compile", "--into", str(deals), str(part))
        assert result.returncode == 0, result.stderr.decode()
        ids.append({e["id"] for e in json.loads(deals.read_bytes())["timeline"]})
    assert ids[0] == ids[1] and ids[1] < ids[2]  # the first event keeps its id
    at_once = procex("compile", *map(str, parts)).stdout
    assert deals.read_bytes() == at_once
    again = procex("compile", "--into", str(deals), *map(str, parts))  # nothing new
    assert again.returncode == 0 and deals.read_bytes() == at_once


def test_yaml_and_jsonld_deals_validate_and_read_back_the_same(tmp_path: Path) -> None:
    events = normalized(tmp_path, WIRE, OTHER_DATE)
    ndjson = compiled(str(events))
    for suffix in ("yaml", "jsonld"):
        path = tmp_path / f"deals.{suffix}"
        assert procex("compile", str(events), "-o", str(path)).returncode == 0
        assert procex("validate", str(path)).returncode == 0
        assert compiled(str(path)) == ndjson  # deal records compile into themselves
    assert list(yaml.safe_load_all((tmp_path / "deals.yaml").read_text("utf-8"))) == ndjson


def test_bad_records_are_reported_by_place_and_the_good_ones_compiled(tmp_path: Path) -> None:
    events = normalized(tmp_path, WIRE).read_text("utf-8")
    broken = json.loads(events)
    broken["status"] = "rumoured"
    path = tmp_path / "mixed.ndjson"
    nul = json.loads(events)
    nul["evidence"]["text"] += "\x00"
    path.write_text(events + json.dumps(broken) + "\n{not json\n" + json.dumps(nul) + "\n", "utf-8")
    result = procex("compile", str(path))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"error: {path}:2:{json.dumps(broken).index('rumoured')}: /status 'rumoured' is not one "
        "of ['reported', 'ongoing', 'planned', 'negated']; not compiled",
        f"error: {path}:3:2: invalid JSON: unexpected character, expected a string key",
        f"error: {path}:4:1: record {nul['id']}: /evidence/text contains a NUL character "
        "(U+0000); not written",
        "compiled 1 deal",
    ]
    assert len(result.stdout.splitlines()) == 1


def test_usage_errors_exit_2() -> None:
    result = procex("compile", "missing.ndjson", "--to", "es-bulk")
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "error: deals are written as ndjson, yaml, jsonld, not 'es-bulk'\n",
    )
    result = procex("compile", "missing.ndjson")
    assert result.returncode == 2
    assert "missing.ndjson" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_validate_locates_problems_in_deal_records(tmp_path: Path) -> None:
    [deal] = compiled(str(normalized(tmp_path, WIRE)))
    deal["timeline"][0]["status"] = "rumoured"
    unknown = {**deal, "record_kind": "procurement-rumour"}
    path = tmp_path / "deals.ndjson"
    path.write_text(json.dumps(deal) + "\n" + json.dumps(unknown) + "\n", "utf-8")
    result = procex("validate", str(path))
    assert result.returncode == 1
    column = json.dumps(deal).index('"rumoured"') + 1
    kind = json.dumps(unknown).index('"procurement-rumour"') + 1
    assert result.stdout.decode().splitlines() == [
        f"{path}:1:{column}: /timeline/0/status: 'rumoured' is not one of ['reported', "
        "'ongoing', 'planned', 'negated'] [enum]",
        f"{path}:2:{kind}: /record_kind: unknown record_kind procurement-rumour; known kinds: "
        "procurement-event, procurement-deal [record_kind]",
        "invalid: 2 problems in 1 of 1 file (2 records read)",
    ]
