"""Every released version of the record schemas and their JSON-LD contexts.

Two record kinds, each a family of versions under schemas/<family>/<version>/ (schema.json,
context.jsonld; for events from 1.2.0 on also vocab.ttl and shapes.ttl, the RDF vocabulary and
the SHACL shapes of the JSON-LD): `procurement-event` (one event reported by one article) and
`procurement-deal` (the events of one deal compiled across articles). A record names its
version in `schema_version`; a deal record also says `record_kind: procurement-deal`, and a
record without `record_kind` is an event record (as every record was before deals).
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from exporter.resources import package_file

if TYPE_CHECKING:
    from exporter.resources import Traversable

FAMILY = "procurement-event"
DEAL_FAMILY = "procurement-deal"
FAMILIES = (FAMILY, DEAL_FAMILY)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def family_of(record: Any) -> str:
    """The schema family a record follows: its `record_kind`, else procurement-event.
    An unknown kind is returned as it is, for the validator to report."""
    if type(record) is dict:
        kind = record.get("record_kind")
        if kind is not None:
            return kind if type(kind) is str else repr(kind)
    return FAMILY


@functools.cache
def versions(family: str = FAMILY) -> tuple[str, ...]:
    """All released versions of a family, oldest first."""
    if family not in FAMILIES:
        return ()
    folder = package_file("schemas", family)
    found = [entry.name for entry in folder.iterdir() if (entry / "schema.json").is_file()]
    return tuple(sorted(found, key=_version_key))


def latest(family: str = FAMILY) -> str:
    return versions(family)[-1]


class UnknownVersion(KeyError):
    def __init__(self, version: object, family: str = FAMILY) -> None:
        super().__init__(version)
        self.version = version
        self.family = family

    def __str__(self) -> str:
        if self.family not in FAMILIES:
            return f"unknown record_kind {self.family}; known kinds: {', '.join(FAMILIES)}"
        known = ", ".join(versions(self.family))
        kind = "" if self.family == FAMILY else f" of {self.family}"
        return f"unknown schema_version {self.version!r}{kind}; known versions: {known}"


def _read_json(version: str, filename: str, family: str) -> dict[str, Any]:
    if version not in versions(family):
        raise UnknownVersion(version, family)
    return json.loads(package_file("schemas", family, version, filename).read_text("utf-8"))


@functools.cache
def schema(version: str, family: str = FAMILY) -> dict[str, Any]:
    return _read_json(version, "schema.json", family)


@functools.cache
def context(version: str, family: str = FAMILY) -> dict[str, Any]:
    """The JSON-LD context document ({"@context": ...}) released with a schema version."""
    return _read_json(version, "context.jsonld", family)


def release_file(version: str, filename: str, family: str = FAMILY) -> Traversable:
    """A file released with a version (schema.json, context.jsonld, vocab.ttl, shapes.ttl)."""
    if version not in versions(family):
        raise UnknownVersion(version, family)
    return package_file("schemas", family, version, filename)


def schema_bytes(version: str, family: str = FAMILY) -> bytes:
    if version not in versions(family):
        raise UnknownVersion(version, family)
    return package_file("schemas", family, version, "schema.json").read_bytes()


def enum(*path: str, version: str | None = None) -> tuple[str, ...]:
    """The allowed values of a field, as the schema states them ("event_type"; "system",
    "category"): one source for code and tests alike."""
    node = schema(version or latest())
    for part in path:
        node = node["properties"][part]
    return tuple(node["enum"])
