"""Migrations between schema versions: each step on its own, the chain, and properties over
records generated from each older schema."""

from __future__ import annotations

import copy
import functools
import json
import re
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from exporter import registry, upgrade
from exporter.interval import with_interval
from exporter.upgrade import MIGRATIONS, UpgradeError, upgrade_record
from exporter.validate.checks import Seen, date_interval
from exporter.validate.schema import is_valid
from tests.strategies import dates

SEED = Path(__file__).parents[2] / "fixtures" / "records" / "valid" / "seed-events.ndjson"
CONSECUTIVE = list(pairwise(registry.versions()))
# the steps to versions that only add optional fields or widen (1.3.0: seller may be null):
# the record needs only say the new version (1.2.0 also requires date.start and date.end,
# which its step derives: tested below)
ONLY_OPTIONAL_ADDED = [("1.0.0", "1.1.0"), ("1.2.0", "1.3.0")]
FORWARD = list(combinations(registry.versions(), 2))  # every (older, newer), in order
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def seed_record(version: str) -> dict[str, Any]:
    lines = SEED.read_text("utf-8").splitlines()
    return next(r for r in map(json.loads, lines) if r["schema_version"] == version)


@functools.cache
def generated(version: str) -> st.SearchStrategy[dict[str, Any]]:
    """Records of `version` generated from its own schema by hypothesis-jsonschema.

    All but `date`: the date's `allOf` of if/then by precision (with `format` and a second
    `pattern`) makes from_schema filter out nearly every draw (FailedHealthCheck), so the date
    comes from the hand strategy tests.strategies.dates, with the interval from 1.2.0 on. The
    tests check every record against the real schema before using it, so a strategy drifting
    from the schema fails loudly."""
    schema = copy.deepcopy(registry.schema(version))
    has_interval = "start" in schema["$defs"]["date"]["properties"]
    schema["properties"]["date"] = {"type": "null"}
    dated = dates().map(lambda date: with_interval(date) if date and has_interval else date)
    return st.builds(lambda record, date: {**record, "date": date}, from_schema(schema), dated)


# -- the table -------------------------------------------------------------------------------


def test_one_migration_per_consecutive_pair_of_versions() -> None:
    assert list(MIGRATIONS) == CONSECUTIVE, (
        "exporter.upgrade.MIGRATIONS must hold one step for each consecutive pair of released "
        "versions, oldest first: a new version needs its migration"
    )


@pytest.mark.parametrize(("old", "new"), ONLY_OPTIONAL_ADDED)
def test_minor_step_only_names_the_new_version(old: str, new: str) -> None:
    record = seed_record("1.0.0") | {"schema_version": old}
    assert MIGRATIONS[(old, new)](record) == record | {"schema_version": new}


# -- the 1.0.0 -> 1.1.0 step -----------------------------------------------------------------


def test_1_0_0_to_1_1_0_sets_the_version_and_keeps_the_rest() -> None:
    record = seed_record("1.0.0")
    before = copy.deepcopy(record)
    upgraded = upgrade.v1_0_0_to_v1_1_0(record)
    assert upgraded["schema_version"] == "1.1.0"
    assert {k: v for k, v in upgraded.items() if k != "schema_version"} == {
        k: v for k, v in record.items() if k != "schema_version"
    }
    assert list(upgraded) == list(record)  # key order kept: diffs of files stay small
    assert record == before  # the record given is not changed


def test_1_0_0_to_1_1_0_adds_no_optional_field() -> None:
    upgraded = upgrade.v1_0_0_to_v1_1_0(seed_record("1.0.0"))
    assert "maker" not in upgraded["system"]
    assert "published_inferred" not in upgraded["source"]
    assert is_valid(upgraded, "1.1.0")


# -- the 1.1.0 -> 1.2.0 step -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "precision", "start", "end"),
    [
        ("2016-11", "month", "2016-11-01", "2016-11-30"),
        ("2005", "year", "2005-01-01", "2005-12-31"),
        ("2019-03-29", "day", "2019-03-29", "2019-03-29"),
        ("2020-02", "month", "2020-02-01", "2020-02-29"),
        ("1900-02", "month", "1900-02-01", "1900-02-28"),
        ("2019-12", "month", "2019-12-01", "2019-12-31"),
    ],
)
def test_1_1_0_to_1_2_0_adds_the_interval_the_date_covers(
    value: str, precision: str, start: str, end: str
) -> None:
    record = seed_record("1.1.0")
    record["date"] = {"value": value, "precision": precision, "text": "x", "approximate": True}
    before = copy.deepcopy(record)
    upgraded = upgrade.v1_1_0_to_v1_2_0(record)
    assert upgraded["date"] == record["date"] | {"start": start, "end": end}
    assert list(upgraded["date"]) == ["value", "precision", "text", "approximate", "start", "end"]
    assert list(upgraded) == list(record)
    assert {k: v for k, v in upgraded.items() if k not in ("schema_version", "date")} == {
        k: v for k, v in record.items() if k not in ("schema_version", "date")
    }
    assert upgraded["schema_version"] == "1.2.0"
    assert record == before  # the record given is not changed
    assert is_valid(upgraded, "1.2.0")


def test_1_1_0_to_1_2_0_leaves_a_null_date_null() -> None:
    record = seed_record("1.1.0") | {"date": None}
    assert upgrade.v1_1_0_to_v1_2_0(record) == record | {"schema_version": "1.2.0"}


def test_1_1_0_to_1_2_0_leaves_a_date_that_misfits_its_precision_to_validation() -> None:
    record = seed_record("1.1.0")
    record["date"] = {"value": "2017-09", "precision": "day", "text": "September 2017"}
    upgraded = upgrade_record(record, "1.2.0")
    assert upgraded["date"] == record["date"]
    assert not is_valid(upgraded, "1.2.0")


# -- the 1.2.0 -> 1.3.0 step -----------------------------------------------------------------


def test_1_2_0_to_1_3_0_keeps_the_seller_and_says_the_version() -> None:
    record = upgrade_record(seed_record("1.1.0"), "1.2.0")
    before = copy.deepcopy(record)
    upgraded = upgrade.v1_2_0_to_v1_3_0(record)
    assert upgraded == record | {"schema_version": "1.3.0"}
    assert list(upgraded) == list(record)
    assert record == before
    assert is_valid(upgraded, "1.3.0")


def test_a_null_seller_is_valid_from_1_3_0_only() -> None:
    record = upgrade_record(seed_record("1.1.0"), "1.3.0")
    unnamed = record | {"seller": None, "deal_id": "TUR-XXX-S-400"}
    assert is_valid(unnamed, "1.3.0")
    assert not is_valid(unnamed | {"schema_version": "1.2.0"}, "1.2.0")
    without_key = {k: v for k, v in unnamed.items() if k != "seller"}
    assert not is_valid(without_key, "1.3.0")  # null, not absent


# -- the chain -------------------------------------------------------------------------------


def test_record_at_the_target_version_comes_back_equal_but_new() -> None:
    record = seed_record("1.1.0")
    upgraded = upgrade_record(record, "1.1.0")
    assert upgraded == record
    assert upgraded is not record


def test_downgrade_is_refused() -> None:
    with pytest.raises(UpgradeError, match=re.escape("cannot downgrade from 1.1.0 to 1.0.0")):
        upgrade_record(seed_record("1.1.0"), "1.0.0")


def test_unknown_target_version_is_a_registry_error() -> None:
    with pytest.raises(registry.UnknownVersion, match=re.escape("unknown schema_version '9.9.9'")):
        upgrade_record(seed_record("1.0.0"), "9.9.9")


def test_unknown_record_version_is_an_upgrade_error() -> None:
    message = "unknown schema_version '0.1.0'; known versions"
    with pytest.raises(UpgradeError, match=re.escape(message)):
        upgrade_record(seed_record("1.0.0") | {"schema_version": "0.1.0"}, "1.1.0")


@pytest.mark.parametrize(
    ("record", "message"),
    [({"id": "pe-1"}, "no schema_version"), (["1.0.0"], "must be an object, not list")],
)
def test_record_without_a_version_is_an_upgrade_error(record: Any, message: str) -> None:
    with pytest.raises(UpgradeError, match=message):
        upgrade_record(record, "1.1.0")


def test_missing_step_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upgrade, "MIGRATIONS", {})
    with pytest.raises(UpgradeError, match=re.escape("no migration from 1.0.0 to 1.1.0")):
        upgrade_record(seed_record("1.0.0"), "1.1.0")


# -- properties over generated records -------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), ONLY_OPTIONAL_ADDED)
@PROPERTY
@given(data=st.data())
def test_valid_record_of_a_minor_version_is_valid_in_the_next(
    old: str, new: str, data: st.DataObject
) -> None:
    record = data.draw(generated(old))
    assert is_valid(record, old), "the generator left the older schema"
    assert is_valid(record | {"schema_version": new}, new)


@pytest.mark.parametrize(("old", "target"), FORWARD)
@PROPERTY
@given(data=st.data())
def test_upgraded_record_is_valid_in_the_target(old: str, target: str, data: st.DataObject) -> None:
    record = data.draw(generated(old))
    assert is_valid(record, old), "the generator left the older schema"
    upgraded = upgrade_record(record, target)
    assert upgraded["schema_version"] == target
    assert is_valid(upgraded, target)
    if upgraded["date"] and "start" in upgraded["date"]:
        # the interval the migration wrote is the one the semantic check expects
        assert date_interval(upgraded, Seen(), "x") == ()
        assert upgraded["date"]["start"] <= upgraded["date"]["end"]


def test_property_tests_cover_every_older_version_to_1_3_0() -> None:
    assert {("1.0.0", "1.3.0"), ("1.1.0", "1.3.0"), ("1.2.0", "1.3.0")} <= set(FORWARD)
