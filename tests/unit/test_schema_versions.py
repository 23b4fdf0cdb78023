"""The released schema versions: found by the registry, named by their `$id`, and never
changed once released (each file's digest is recorded in SHA256SUMS)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from exporter import registry
from exporter.problems import Problem
from exporter.validate.schema import record_version
from tests.acceptance.conftest import procex

FAMILY = Path(__file__).parents[2] / "schemas" / "procurement-event"
SUMS = FAMILY / "SHA256SUMS"
RELEASED_FILES = ("schema.json", "context.jsonld")  # in every version; 1.2.0 on, more


def recorded_digests() -> dict[str, str]:
    """SHA256SUMS as `sha256sum` writes it: digest, two spaces, path relative to FAMILY."""
    digests = {}
    for line in SUMS.read_text("utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        digests[name.lstrip("*")] = digest
    return digests


def released_files() -> list[str]:
    """Every file of every version folder (1.2.0 adds vocab.ttl and shapes.ttl)."""
    return [
        f"{version}/{path.name}"
        for version in registry.versions()
        for path in sorted((FAMILY / version).iterdir())
        if path.is_file()
    ]


def test_every_version_has_its_schema_and_context() -> None:
    for version in registry.versions():
        assert all((FAMILY / version / name).is_file() for name in RELEASED_FILES)


@pytest.mark.parametrize("name", released_files())
def test_released_file_is_unchanged(name: str) -> None:
    recorded = recorded_digests().get(name)
    assert recorded is not None, (
        f"schemas/procurement-event/{name} has no digest in {SUMS.name}. When a version is "
        f"released, record its files: cd schemas/procurement-event && sha256sum "
        f"{name.split('/')[0]}/* >> SHA256SUMS"
    )
    actual = hashlib.sha256((FAMILY / name).read_bytes()).hexdigest()
    assert actual == recorded, (
        f"schemas/procurement-event/{name} was changed after its release: records and "
        f"databases out there rely on it as it was. Restore it (git checkout -- "
        f"schemas/procurement-event/{name}) and put the change in a new version folder "
        f"instead (a minor version if it only adds, a major one with a migration in "
        f"exporter/upgrade.py if it changes shape)."
    )


def test_every_digest_names_a_released_file() -> None:
    assert sorted(recorded_digests()) == sorted(released_files())


def test_registry_finds_every_version_folder() -> None:
    folders = [p.parent.name for p in FAMILY.glob("*/schema.json")]
    assert sorted(registry.versions()) == sorted(folders)
    assert registry.versions()[0] == "1.0.0"
    assert registry.latest() == registry.versions()[-1]
    for version in registry.versions():
        assert "@context" in registry.context(version)


def test_versions_are_ordered_as_numbers_not_text() -> None:
    assert list(registry.versions()) == sorted(
        registry.versions(), key=lambda v: tuple(map(int, v.split(".")))
    )


@pytest.mark.parametrize("version", registry.versions())
def test_id_and_schema_version_carry_the_version(version: str) -> None:
    schema = registry.schema(version)
    assert schema["$id"].endswith(f"/procurement-event/{version}/schema.json")
    assert schema["properties"]["schema_version"]["const"] == version
    assert version in schema["title"]


def test_unknown_schema_version_in_a_record_is_a_clear_error() -> None:
    problem = record_version({"schema_version": "9.9.9"}, None)
    assert isinstance(problem, Problem)
    assert (problem.pointer, problem.keyword) == ("/schema_version", "schema_version")
    assert problem.message == (
        f"unknown schema_version '9.9.9'; known versions: {', '.join(registry.versions())}"
    )


def test_unknown_version_asked_of_the_registry_is_a_clear_error() -> None:
    with pytest.raises(registry.UnknownVersion, match=re.escape("unknown schema_version '0.9.0'")):
        registry.schema("0.9.0")


def test_schema_show_prints_the_released_file() -> None:
    result = procex("schema", "show", "1.0.0")
    assert result.returncode == 0
    assert result.stdout == (FAMILY / "1.0.0" / "schema.json").read_bytes()
