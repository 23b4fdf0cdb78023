"""The record the normalizer writes for a candidate, a candidate without seller included
(schema 1.3.0: seller null, XXX for the seller in the deal id)."""

from __future__ import annotations

import hashlib
from typing import Any

from exporter.formats.loaded import Loaded
from exporter.normalize.amounts import Quantity
from exporter.normalize.assemble import Candidate, to_record
from exporter.normalize.dates import ResolvedDate
from exporter.normalize.gazetteer import System
from exporter.normalize.mentions import Mention
from exporter.validate import validate_records

TEXT = "The ministry plans to buy a dozen self-propelled guns next year."
SOURCE: dict[str, Any] = {
    "id": "0123456789abcdef",
    "publisher": None,
    "url": None,
    "title": None,
    "published": "2026-01-05",
    "dateline": None,
    "language": "en",
}


def candidate(seller: Mention | None) -> Candidate:
    return Candidate(
        event_type="delivery",
        status="planned",
        date=ResolvedDate("2027", "year", "next year"),
        buyer=Mention("country", 4, 12, "ministry", country="IND"),
        seller=seller,  # type: ignore[arg-type]  # None: what the lead's normalizer will make
        system=System("K9", "K9 Thunder", "artillery", "KOR", "Hanwha Aerospace"),
        quantity=Quantity(TEXT.index("a dozen"), TEXT.index(" self"), 12, "guns"),
        value=None,
        actors=[],
        evidence=(0, len(TEXT), TEXT),
    )


def test_a_candidate_without_seller_is_a_record_with_seller_null_and_xxx_in_its_deal() -> None:
    record = to_record(candidate(None), SOURCE)
    digest = hashlib.sha256(
        f"{SOURCE['id']}|IND-XXX-K9|delivery|planned|2027".encode()
    ).hexdigest()[:20]
    assert record == {
        "schema_version": "1.3.0",
        "id": f"pe-{digest}",
        "deal_id": "IND-XXX-K9",
        "event_type": "delivery",
        "status": "planned",
        "date": {
            "value": "2027",
            "precision": "year",
            "text": "next year",
            "start": "2027-01-01",
            "end": "2027-12-31",
        },
        "buyer": {"name": "India", "country": "IND", "kind": "state"},
        "seller": None,
        "system": {
            "name": "K9 Thunder",
            "designation": "K9",
            "category": "artillery",
            "origin": "KOR",
            "maker": "Hanwha Aerospace",
        },
        "quantity": {"value": 12, "unit": "guns"},
        "value": None,
        "actors": [],
        "source": SOURCE,
        "evidence": {"text": TEXT, "start": 0, "end": len(TEXT)},
    }
    assert list(validate_records([Loaded(record, "r", 1, 1)])) == []


def test_a_candidate_with_a_seller_is_written_as_before() -> None:
    korea = Mention("country", 0, 5, "Korea", country="KOR")
    record = to_record(candidate(korea), SOURCE)
    assert record["deal_id"] == "IND-KOR-K9"
    assert record["seller"] == {"name": "South Korea", "country": "KOR", "kind": "state"}
    assert list(validate_records([Loaded(record, "r", 1, 1)])) == []
