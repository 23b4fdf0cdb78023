"""Records migrated to a newer schema version, one small step at a time.

Each step takes a record of one released version to the next one; `upgrade_record` walks the
chain. A minor version only adds, so its step says the new version and fills in what the
version derives from fields already there (1.2.0's date.start and date.end); a major version
changes shape, and its step is where the reshaping lives. A test holds MIGRATIONS to exactly
the consecutive pairs of `registry.versions()`, so a new version cannot ship without its step.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from exporter import registry
from exporter.interval import with_interval

Record = dict[str, Any]
Migration = Callable[[Record], Record]


class UpgradeError(ValueError):
    """A record that cannot be taken to the version asked for."""


def _says(record: Record, version: str) -> Record:
    """The record, unchanged but for the version it names (its key keeps its place)."""
    return {**record, "schema_version": version}


def v1_0_0_to_v1_1_0(record: Record) -> Record:
    """1.1.0 only adds optional fields (system.maker, source.published_inferred): a 1.0.0
    record is a 1.1.0 record once it says so."""
    return _says(record, "1.1.0")


def v1_1_0_to_v1_2_0(record: Record) -> Record:
    """1.2.0 requires date.start and date.end whenever there is a date: both follow from the
    value and its precision, so the step computes them ("2016-11" covers 2016-11-01 to
    2016-11-30). A date whose value does not fit its precision is left without them, for
    validation to report."""
    date = record.get("date")
    if isinstance(date, dict):
        record = {**record, "date": with_interval(date)}
    return _says(record, "1.2.0")


def v1_2_0_to_v1_3_0(record: Record) -> Record:
    """1.3.0 only widens: seller may be null (the text names no supplier). Every 1.2.0 record
    names its seller, so it is a 1.3.0 record once it says so."""
    return _says(record, "1.3.0")


# one entry per consecutive pair of released versions, oldest first
MIGRATIONS: dict[tuple[str, str], Migration] = {
    ("1.0.0", "1.1.0"): v1_0_0_to_v1_1_0,
    ("1.1.0", "1.2.0"): v1_1_0_to_v1_2_0,
    ("1.2.0", "1.3.0"): v1_2_0_to_v1_3_0,
}


def steps(source: str, target: str) -> list[Migration]:
    """The migrations that take a record from `source` to `target`, in order.

    Raises registry.UnknownVersion for a version never released and UpgradeError for a
    downgrade or a missing step.
    """
    known = registry.versions()
    for version in (target, source):
        if version not in known:
            raise registry.UnknownVersion(version)
    if known.index(source) > known.index(target):
        raise UpgradeError(
            f"cannot downgrade from {source} to {target}: upgrade only goes to newer versions"
        )
    chain = known[known.index(source) : known.index(target) + 1]
    missing = [pair for pair in pairwise(chain) if pair not in MIGRATIONS]
    if missing:
        raise UpgradeError(f"no migration from {missing[0][0]} to {missing[0][1]}")
    return [MIGRATIONS[pair] for pair in pairwise(chain)]


def upgrade_record(record: Any, to_version: str) -> Record:
    """A new record: `record` taken step by step to `to_version` (the record as it is when it
    already follows that version). The record given is not changed."""
    if not isinstance(record, dict):
        raise UpgradeError(f"a record must be an object, not {type(record).__name__}")
    if registry.family_of(record) == registry.DEAL_FAMILY:
        # a deal is rebuilt from the reports it holds, at the deal version compile writes
        deal = registry.DEAL_FAMILY
        raise UpgradeError(
            f"a {deal} record is not upgraded but compiled again: procex compile FILE "
            f"writes it as {deal} {registry.latest(deal)}"
        )
    source = record.get("schema_version")
    if source is None:
        raise UpgradeError("the record has no schema_version: nothing says what to upgrade from")
    if source not in registry.versions():
        raise UpgradeError(str(registry.UnknownVersion(source)))
    upgraded: Record = record
    for step in steps(source, to_version):
        upgraded = step(upgraded)
    return upgraded if upgraded is not record else dict(record)
