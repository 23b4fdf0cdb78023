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
from exporter.upgrade import MIGRATIONS, UpgradeError, upgrade_record
from exporter.validate.schema import is_valid
from tests.strategies import dates

SEED = Path(__file__).parents[2] / "fixtures" / "records" / "valid" / "seed-events.ndjson"
CONSECUTIVE = list(pairwise(registry.versions()))
MINOR_STEPS = [(a, b) for a, b in CONSECUTIVE if a.split(".")[0] == b.split(".")[0]]
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
    comes from the hand strategy tests.strategies.dates. The tests check every record against
    the real schema before using it, so a strategy drifting from the schema fails loudly."""
    schema = copy.deepcopy(registry.schema(version))
    schema["properties"]["date"] = {"type": "null"}
    return st.builds(lambda record, date: {**record, "date": date}, from_schema(schema), dates())


# -- the table -------------------------------------------------------------------------------


def test_one_migration_per_consecutive_pair_of_versions() -> None:
    assert list(MIGRATIONS) == CONSECUTIVE, (
        "exporter.upgrade.MIGRATIONS must hold one step for each consecutive pair of released "
        "versions, oldest first: a new version needs its migration"
    )


@pytest.mark.parametrize(("old", "new"), MINOR_STEPS)
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


@pytest.mark.parametrize(("old", "new"), MINOR_STEPS)
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
