"""YAML as procex writes it: yamllint accepts it, PyYAML (1.1) and ruamel.yaml (1.2) read
back the same values, one document per record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML
from yamllint import linter
from yamllint.config import YamlLintConfig

from exporter.formats import read_records
from tests.consumers.conftest import SEED_EVENTS, lines_of, procex

# the default rules, with long lines allowed: evidence sentences are long, and folding them
# would add a YAML feature (block scalars) the two loaders must then agree on
CONFIG = YamlLintConfig("extends: default\nrules:\n  line-length: disable\n")


def as_yaml(*args: str) -> str:
    result = procex(*args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def converted() -> str:
    return as_yaml("convert", str(SEED_EVENTS), "--to", "yaml")


def test_yamllint_default_rules_accept_convert_output(converted: str) -> None:
    problems = list(linter.run(converted, CONFIG))
    assert problems == []


def test_yamllint_with_no_relaxation_only_minds_line_length(converted: str) -> None:
    problems = list(linter.run(converted, YamlLintConfig("extends: default")))
    assert {p.rule for p in problems} <= {"line-length"}


def test_pyyaml_and_ruamel_read_the_same_documents(converted: str) -> None:
    expected = lines_of(SEED_EVENTS)
    assert list(yaml.safe_load_all(converted)) == expected
    assert list(YAML(typ="safe", pure=True).load_all(converted)) == expected
    assert list(YAML(typ="rt").load_all(converted)) == expected
    assert converted.count("\n---\n") + 1 == len(expected)


def test_non_ascii_stays_readable_and_key_order_is_kept(converted: str) -> None:
    first = lines_of(SEED_EVENTS)[0]
    assert "\\u" not in converted and "’" in converted  # the apostrophe of "contract’s"
    keys = [
        line.split(":")[0]
        for line in converted.split("---\n")[1].splitlines()
        if line and not line.startswith(" ")
    ]
    assert keys == list(first)


def test_seed_normalized_to_yaml_lints_clean(seed_ndjson: Path) -> None:
    text = as_yaml("convert", str(seed_ndjson), "--to", "yaml")
    assert list(linter.run(text, CONFIG)) == []
    assert list(yaml.safe_load_all(text)) == lines_of(seed_ndjson)


def test_yaml_reader_streams_documents() -> None:
    """The reader hands out the first record before it has read the whole stream."""
    data = as_yaml("convert", str(SEED_EVENTS), "--to", "yaml").encode() * 2000
    stream = io.BytesIO(data)
    items = read_records(stream, "big.yaml", "yaml")
    next(items)
    assert stream.tell() < len(data) // 10
