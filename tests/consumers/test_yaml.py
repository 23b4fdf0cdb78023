"""YAML as procex writes it: yamllint accepts it, PyYAML (1.1) and ruamel.yaml (1.2) read
back the same values, one document per record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from yamllint import linter
from yamllint.config import YamlLintConfig

from exporter.formats import read_records
from tests.consumers.conftest import SEED_EVENTS, lines_of, procex

# yamllint's default rules, line length (80) included: long strings are wrapped
CONFIG = YamlLintConfig("extends: default")


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


def test_long_strings_are_wrapped_within_80_columns(converted: str) -> None:
    lines = converted.splitlines()
    assert max(map(len, lines)) <= 80
    assert any(line.endswith("\\") for line in lines)  # the evidence sentences are wrapped


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


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400)
    | st.lists(st.sampled_from([" ", "  ", "a", "word", "\\", '"', "é", "\n", "x" * 90])).map(
        "".join
    ),
    depth=st.integers(0, 6),
    item=st.booleans(),
)
def test_a_wrapped_string_reads_back_the_same_in_pyyaml_and_ruamel(
    text: str, depth: int, item: bool
) -> None:
    from exporter.formats.yamldoc import encode

    record: dict = {"text": text}
    for _ in range(depth):
        record = {"nested": [record] if item else record}
    document = encode(record)
    assert yaml.safe_load(document) == record
    assert YAML(typ="safe", pure=True).load(document) == record
    if depth < 4:  # deeper, an indentation alone may pass 80 columns
        assert max(map(len, document.splitlines())) <= 80


def test_the_readme_yaml_example_is_what_normalize_writes(seed_ndjson: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    example = readme.split("```yaml\n---\n", 1)[1].split("```", 1)[0]
    written = as_yaml("convert", str(seed_ndjson), "--to", "yaml")
    assert example == written.split("---\n")[1]  # the first record, as written
    assert list(linter.run("---\n" + example, CONFIG)) == []
