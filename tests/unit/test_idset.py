"""duplicate-id's memory of ids (exporter/validate/idset.py): exact, each id with the place it
was first seen, in a few tens of bytes an id."""

from __future__ import annotations

import pytest

from exporter.validate.idset import FirstSeen


def event_id(n: int) -> str:
    return f"pe-{n:020x}"


def test_an_id_seen_again_gives_the_place_it_was_first_seen() -> None:
    seen = FirstSeen()
    assert seen.first(event_id(1), "a.ndjson:1") is None
    assert seen.first(event_id(2), "a.ndjson:2") is None
    assert seen.first(event_id(1), "b.ndjson:7") == "a.ndjson:1"
    assert seen.first(event_id(1), "b.ndjson:9") == "a.ndjson:1"
    assert len(seen) == 2


def test_ids_that_differ_only_in_kind_or_case_or_spacing_are_not_duplicates() -> None:
    seen = FirstSeen()
    digits = "0123456789abcdef0123"
    forms = [
        f"pe-{digits}",
        f"pd-{digits}",  # a deal id with the same digits
        f"pe-{digits.upper()}",  # upper case: not the schemas' form, kept whole
        f"pe-{digits[:18]} 1",  # fromhex would skip the space
        f"pe-{digits}0",  # one digit more
        f"px-{digits}",
        42,
    ]
    assert [seen.first(rid, f"f:{n}") for n, rid in enumerate(forms, start=1)] == [None] * 7
    assert [seen.first(rid, "g:1") for rid in forms] == [f"f:{n}" for n in range(1, 8)]


@pytest.mark.parametrize(
    "place",
    ["a.ndjson:12", "record 3", "dir/x.yaml:1", "odd place", "name:007", "n:0", "3", ""],
)
def test_places_come_back_as_given(place: str) -> None:
    seen = FirstSeen()
    seen.first(event_id(5), place)
    assert seen.first(event_id(5), "elsewhere:1") == place


def test_every_id_is_found_after_the_table_grows() -> None:
    seen = FirstSeen()
    count = 20_000  # the table starts with 1,024 slots: it doubles five times
    assert all(seen.first(event_id(n * 7919), f"f.ndjson:{n + 1}") is None for n in range(count))
    assert [seen.first(event_id(n * 7919), "g:1") for n in range(0, count, 997)] == [
        f"f.ndjson:{n + 1}" for n in range(0, count, 997)
    ]
    assert seen.first(event_id(7), "g:2") is None  # never seen (7 is not a multiple of 7919)
    assert len(seen) == count + 1
