"""The rules of compiling: which reports are one event, its date, the stage, the figures and
the conflicts stated (exporter.deals)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from exporter.deals import DEAL_VERSION, compile_deals
from exporter.deals.observe import interval
from exporter.deals.spool import Spool
from exporter.validate.schema import is_valid

SEED = Path(__file__).parents[2] / "fixtures" / "records" / "valid" / "seed-events.ndjson"
AGREEMENT = json.loads(SEED.read_text("utf-8").splitlines()[0])  # TASS: signed 2017-09-12


def event(
    record_id: int,
    *,
    event_type: str = "agreement",
    status: str = "reported",
    date: tuple[str, str] | None = ("2017-09-12", "day"),
    source: str = "a",
    published: str = "2019-03-29",
    quantity: int | None = None,
) -> dict[str, Any]:
    """An event record of the S-400 deal, as if from source `source`."""
    record = copy.deepcopy(AGREEMENT)
    record["id"] = f"pe-{record_id:020x}"
    record.update(event_type=event_type, status=status)
    record["date"] = date and {"value": date[0], "precision": date[1], "text": date[0]}
    record["source"].update(id=source * 16, publisher=f"Publisher {source.upper()}")
    record["source"]["published"] = published
    record["quantity"] = quantity and {"value": quantity, "unit": "regiment set"}
    return record


def one_deal(*records: dict[str, Any]) -> dict[str, Any]:
    [deal] = compile_deals(records)
    assert deal["schema_version"] == DEAL_VERSION == "1.1.0"
    assert is_valid(deal, DEAL_VERSION, "procurement-deal")
    return deal


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ({"value": "2016-11", "precision": "month"}, ("2016-11-01", "2016-11-30")),
        ({"value": "2024-02", "precision": "month"}, ("2024-02-01", "2024-02-29")),
        ({"value": "2005", "precision": "year"}, ("2005-01-01", "2005-12-31")),
        ({"value": "2019-03-29", "precision": "day"}, ("2019-03-29", "2019-03-29")),
        (
            {"value": "2019-03", "precision": "month", "approximate": True},
            ("2019-02-01", "2019-04-30"),
        ),
        (
            {"value": "2019-12-31", "precision": "day", "approximate": True},
            ("2019-12-30", "2020-01-01"),
        ),
        # a 1.2.0 record's own interval is taken as it is
        (
            {"value": "2019", "precision": "year", "start": "2019-06-01", "end": "2019-06-30"},
            ("2019-06-01", "2019-06-30"),
        ),
    ],
)
def test_the_interval_a_date_can_mean(date: dict[str, Any], expected: tuple[str, str]) -> None:
    assert interval(date) == expected


def test_reports_of_one_event_merge_with_the_most_precise_date_and_every_source() -> None:
    deal = one_deal(
        event(1, date=("2017", "year"), source="b", published="2018-01-01"),
        event(2, date=("2017-09", "month"), source="c", published="2017-10-01"),
        event(3, source="a"),
    )
    [merged] = deal["timeline"]
    assert merged["date"]["value"] == "2017-09-12"
    assert [s["record"] for s in merged["sources"]] == [  # by publication date
        "pe-00000000000000000002",
        "pe-00000000000000000001",
        "pe-00000000000000000003",
    ]
    assert deal["first_reported"] == "2017-10-01"
    assert deal["last_reported"] == "2019-03-29"
    assert deal["conflicts"] == []


def test_reported_and_ongoing_merge_planned_and_negated_stand_apart() -> None:
    deal = one_deal(
        event(1, status="reported"),
        event(2, status="ongoing", source="b"),
        event(3, status="planned", date=None, source="c"),
        event(4, status="negated", date=None, source="d"),
    )
    assert [(e["status"], len(e["sources"])) for e in deal["timeline"]] == [
        ("reported", 2),
        ("planned", 1),
        ("negated", 1),
    ]
    [conflict] = deal["conflicts"]
    assert conflict["kind"] == "status"
    assert conflict["message"] == (
        "the agreement is reported by Publisher A (2019-03-29), Publisher B (2019-03-29) "
        "and denied by Publisher D (2019-03-29)"
    )


def test_two_dates_for_one_agreement_from_different_sources_is_a_stated_conflict() -> None:
    deal = one_deal(event(1), event(2, date=("2017-10-03", "day"), source="b"))
    assert len(deal["timeline"]) == 2
    [conflict] = deal["conflicts"]
    assert conflict["kind"] == "date"
    assert conflict["events"] == sorted(e["id"] for e in deal["timeline"])
    assert conflict["message"] == (
        "sources date the agreement differently: 2017-09-12 by Publisher A (2019-03-29); "
        "2017-10-03 by Publisher B (2019-03-29)"
    )


def test_one_source_telling_of_two_agreements_is_no_conflict() -> None:
    deal = one_deal(event(1), event(2, date=("2021-05", "month")))
    assert len(deal["timeline"]) == 2
    assert deal["conflicts"] == []


def test_quantities_reconciled_by_support_every_observation_kept_and_a_difference_stated() -> None:
    deal = one_deal(
        event(1, quantity=2),
        event(2, quantity=2, source="b"),
        event(3, quantity=4, source="c"),
    )
    quantity = deal["quantity"]
    assert (quantity["value"], quantity["unit"]) == (2, "regiment set")
    assert sorted(o["value"] for o in quantity["observations"]) == [2, 2, 4]
    [conflict] = deal["conflicts"]
    assert (conflict["kind"], conflict["message"]) == (
        "quantity",
        "sources give the agreement different quantities: 2 regiment set by Publisher A "
        "(2019-03-29), Publisher B (2019-03-29); 4 regiment set by Publisher C (2019-03-29)",
    )


def test_stage_is_the_furthest_step_that_happened_and_next_the_nearest_planned_one() -> None:
    deal = one_deal(
        event(1, event_type="negotiation", status="ongoing", date=("2019-03-29", "day")),
        event(2),
        event(3, event_type="payment", date=("2017-09", "month")),
        event(4, event_type="delivery", status="planned", date=None),
        event(5, event_type="deployment", status="planned", date=("2019-10", "month")),
    )
    assert deal["stage"]["event_type"] == "payment"
    assert deal["next_planned"]["event_type"] == "delivery"
    starts = [e["date"]["value"] for e in deal["timeline"] if e["date"]]
    assert starts == ["2017-09", "2017-09-12", "2019-03-29", "2019-10"]  # by first day
    assert deal["timeline"][-1]["date"] is None  # undated last


def test_an_event_keeps_its_id_when_later_sources_report_it() -> None:
    before = one_deal(event(5))
    after = one_deal(event(5), event(1, source="b", published="2020-01-01"))
    assert after["timeline"][0]["id"] == before["timeline"][0]["id"]
    assert len(after["timeline"][0]["sources"]) == 2


def test_a_record_read_twice_counts_once_and_newer_fields_are_tolerated() -> None:
    newer = event(1)
    newer["schema_version"] = "1.2.0"
    newer["date"].update(start="2017-09-12", end="2017-09-12")
    newer["linked"] = {"anything": "a later schema adds"}
    deal = one_deal(newer, event(1))
    [merged] = deal["timeline"]
    assert len(merged["sources"]) == 1


def test_the_disk_spool_gives_what_memory_gives() -> None:
    records = [
        event(i, source="abcdef"[i % 6], date=(f"2017-0{1 + i % 9}", "month")) for i in range(40)
    ]
    for i, record in enumerate(records):
        record["deal_id"] = f"TUR-RUS-S-{400 + i % 7}"
    in_memory = list(compile_deals(records))
    on_disk = list(compile_deals(records, spool=Spool(buckets=3, memory_limit=2000)))
    assert on_disk == in_memory
    assert [d["deal_id"] for d in on_disk] == sorted(d["deal_id"] for d in on_disk)


def unnamed_seller(record: dict[str, Any]) -> dict[str, Any]:
    """The record as schema 1.3.0 writes an event whose text names no supplier."""
    return record | {"schema_version": "1.3.0", "seller": None, "deal_id": "TUR-XXX-S-400"}


def test_events_without_a_seller_are_a_deal_of_their_own_with_seller_null() -> None:
    records = [
        unnamed_seller(event(1, event_type="negotiation", status="ongoing", source="a")),
        unnamed_seller(event(2, event_type="negotiation", status="ongoing", source="b")),
        event(3),
    ]
    named, unnamed = compile_deals(records)  # in deal-id order: TUR-RUS-... before TUR-XXX-...
    assert (named["deal_id"], named["seller"]["country"]) == ("TUR-RUS-S-400", "RUS")
    assert (unnamed["deal_id"], unnamed["seller"]) == ("TUR-XXX-S-400", None)
    assert [len(e["sources"]) for e in unnamed["timeline"]] == [2]
    assert [r["record"] for r in named["timeline"][0]["sources"]] == ["pe-" + "0" * 19 + "3"]
    for deal in (named, unnamed):
        assert is_valid(deal, DEAL_VERSION, "procurement-deal")
    assert not is_valid(unnamed | {"schema_version": "1.0.0"}, "1.0.0", "procurement-deal")


def test_a_deal_without_a_seller_compiles_again_with_new_events_to_the_same_deal() -> None:
    first = one_deal(unnamed_seller(event(1)))
    again = one_deal(first, unnamed_seller(event(2, source="b", published="2020-01-01")))
    assert again["seller"] is None
    assert again == one_deal(
        unnamed_seller(event(1)), unnamed_seller(event(2, source="b", published="2020-01-01"))
    )
