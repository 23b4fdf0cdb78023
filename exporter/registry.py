"""Every released version of the procurement-event schema and its JSON-LD context.

Versions live under schemas/procurement-event/<version>/ (schema.json, context.jsonld; from
1.2.0 on also vocab.ttl and shapes.ttl, the RDF vocabulary and the SHACL shapes of the
JSON-LD); a record names the version it follows in `schema_version`.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from exporter.resources import package_file

if TYPE_CHECKING:
    from exporter.resources import Traversable

FAMILY = "procurement-event"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@functools.cache
def versions() -> tuple[str, ...]:
    """All released versions, oldest first."""
    folder = package_file("schemas", FAMILY)
    found = [entry.name for entry in folder.iterdir() if (entry / "schema.json").is_file()]
    return tuple(sorted(found, key=_version_key))


def latest() -> str:
    return versions()[-1]


class UnknownVersion(KeyError):
    def __init__(self, version: object) -> None:
        super().__init__(version)
        self.version = version

    def __str__(self) -> str:
        return f"unknown schema_version {self.version!r}; known versions: {', '.join(versions())}"


def _read_json(version: str, filename: str) -> dict[str, Any]:
    if version not in versions():
        raise UnknownVersion(version)
    return json.loads(package_file("schemas", FAMILY, version, filename).read_text("utf-8"))


@functools.cache
def schema(version: str) -> dict[str, Any]:
    return _read_json(version, "schema.json")


@functools.cache
def context(version: str) -> dict[str, Any]:
    """The JSON-LD context document ({"@context": ...}) released with a schema version."""
    return _read_json(version, "context.jsonld")


def release_file(version: str, filename: str) -> Traversable:
    """A file released with a version (schema.json, context.jsonld, vocab.ttl, shapes.ttl)."""
    if version not in versions():
        raise UnknownVersion(version)
    return package_file("schemas", FAMILY, version, filename)


def schema_bytes(version: str) -> bytes:
    if version not in versions():
        raise UnknownVersion(version)
    return package_file("schemas", FAMILY, version, "schema.json").read_bytes()


def enum(*path: str, version: str | None = None) -> tuple[str, ...]:
    """The allowed values of a field, as the schema states them ("event_type"; "system",
    "category"): one source for code and tests alike."""
    node = schema(version or latest())
    for part in path:
        node = node["properties"][part]
    return tuple(node["enum"])
