"""The fast path of the validator (jsonschema-rs verdicts, NDJSON records located only when
they fail) reports exactly what the detailed path (python-jsonschema verdicts, every record
located) reports, record for record, on valid and broken records alike."""

from __future__ import annotations

import contextlib
import copy
import io
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import orjson
import pycountry
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exporter import registry
from exporter.formats import ndjson
from exporter.formats.jsonpos import locator, value_offsets
from exporter.formats.loaded import Loaded
from exporter.problems import Problem
from exporter.validate import schema as schema_module
from exporter.validate import validate_paths, validate_records
from exporter.validate.checks import _COUNTRIES, _CURRENCIES
from tests.strategies import records

SEED = Path(__file__).parents[2] / "fixtures" / "records" / "valid" / "seed-events.ndjson"
SEED_RECORDS = [orjson.loads(line) for line in SEED.read_bytes().splitlines() if line.strip()]


@contextlib.contextmanager
def detailed_verdicts() -> Iterator[None]:
    """Every schema verdict from python-jsonschema instead of jsonschema-rs."""
    with mock.patch.object(schema_module, "fast_validator", schema_module.detailed_validator):
        yield


def eager(items: list[Loaded | Problem]) -> list[Loaded | Problem]:
    """The same items with each record's locator built up front, as readers did before the
    locator became lazy."""
    out: list[Loaded | Problem] = []
    for item in items:
        if isinstance(item, Loaded) and item.raw is not None:
            text = item.raw.decode("utf-8")
            item = Loaded(
                item.data, item.file, item.record, item.line, 1, locator(text, 0, item.line)
            )
        out.append(item)
    return out


def both_paths(data: bytes, name: str = "mixed.ndjson") -> tuple[list[Problem], list[Problem]]:
    fast = list(validate_records(ndjson.read(io.BytesIO(data), name)))
    with detailed_verdicts():
        detailed = list(validate_records(eager(list(ndjson.read(io.BytesIO(data), name)))))
    return fast, detailed


def valid_lines(count: int) -> list[bytes]:
    lines = []
    for i in range(count):
        record = dict(SEED_RECORDS[i % len(SEED_RECORDS)], id=f"pe-{i:020x}")
        lines.append(orjson.dumps(record) + b"\n")
    return lines


def spoiled(index: int, **changes: object) -> bytes:
    record = dict(SEED_RECORDS[0], id=f"pe-{10_000 + index:020x}")
    for key, value in changes.items():
        if value is KeyError:
            del record[key]
        else:
            record[key] = value
    return orjson.dumps(record) + b"\n"


def test_mixed_file_reports_exactly_its_broken_lines_located() -> None:
    lines = valid_lines(1000)
    broken = {
        101: b'{"schema_version": "1.1.0", "id": \n',  # not JSON
        250: spoiled(1, buyer=KeyError),  # schema: required
        400: spoiled(2, value={"amount": 5, "currency": "XYZ"}),  # semantic: currency
        555: lines[9],  # duplicate of line 10
        700: spoiled(3, schema_version="9.9.9"),  # unknown version
        800: spoiled(4, status="finished"),  # schema: enum
        # semantic (the deal id says the same code: only the country check speaks)
        900: spoiled(
            5,
            seller=dict(SEED_RECORDS[0]["seller"], country="ZZZ"),
            deal_id=SEED_RECORDS[0]["deal_id"].replace("-RUS-", "-ZZZ-"),
        ),
    }
    for line_no, line in sorted(broken.items()):
        lines.insert(line_no - 1, line)
    lines.insert(300, b"\n")  # a blank line is no record, but it is a line
    data = b"".join(lines)

    fast, detailed = both_paths(data)
    assert fast == detailed
    shifted = {n if n <= 300 else n + 1: line for n, line in broken.items()}
    assert sorted({p.line for p in fast}) == sorted(shifted)
    by_line = {p.line: p for p in fast}
    assert by_line[101].keyword == "parse"
    assert (by_line[250].keyword, by_line[250].pointer) == ("required", "")
    assert (by_line[401].keyword, by_line[401].pointer) == ("currency-iso4217", "/value/currency")
    assert by_line[556].message.endswith("first seen at mixed.ndjson:10")
    assert by_line[701].keyword == "schema_version"
    assert (by_line[801].keyword, by_line[801].pointer) == ("enum", "/status")
    assert (by_line[901].keyword, by_line[901].pointer) == ("country-iso3166", "/seller/country")
    # located inside the line, at the value that is wrong
    bad_line = shifted[901].decode("utf-8")
    assert by_line[901].column == bad_line.index('"ZZZ"') + 1


def test_mixed_file_counts_every_record_once(tmp_path: Path) -> None:
    path = tmp_path / "mixed.ndjson"
    path.write_bytes(b"".join(valid_lines(50)) + b"not json\n" + b"".join(valid_lines(0)))
    summary = validate_paths([str(path)])
    assert summary.records[str(path)] == 50
    assert [(p.line, p.keyword) for p in summary.problems] == [(51, "parse")]


def test_an_ndjson_record_is_located_only_when_asked() -> None:
    (item,) = ndjson.read(io.BytesIO(b"\n" + valid_lines(1)[0]), "one.ndjson")
    assert isinstance(item, Loaded)
    assert item.locate is None
    text = item.raw.decode("utf-8")  # type: ignore[union-attr]
    every_path = value_offsets(text)
    reference = locator(text, 0, 2)
    assert all(item.position(path) == reference(path) for path in every_path)
    assert item.position(("no", "such", "member")) == (2, 1)


def test_country_and_currency_codes_are_pycountry_s() -> None:
    assert {c.alpha_3 for c in pycountry.countries} == _COUNTRIES
    assert {c.alpha_3 for c in pycountry.currencies} == _CURRENCIES


@pytest.mark.parametrize("forced", [None, *registry.versions()])
def test_forced_version_gives_the_same_on_both_paths(forced: str | None) -> None:
    data = b"".join(valid_lines(20)) + spoiled(1, buyer=KeyError) + b"[1, 2]\n" + b"null\n"
    fast = list(validate_records(ndjson.read(io.BytesIO(data), "f"), schema_version=forced))
    with detailed_verdicts():
        items = eager(list(ndjson.read(io.BytesIO(data), "f")))
        detailed = list(validate_records(items, schema_version=forced))
    assert fast == detailed
    assert {p.line for p in fast} >= {21, 22, 23}


def mutated(record: dict) -> st.SearchStrategy[dict]:
    """A record with one value spoiled or one member dropped, anywhere in it."""
    paths: list[tuple] = []

    def walk(node: object, path: tuple) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                paths.append((*path, key))
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                paths.append((*path, index))
                walk(value, (*path, index))

    walk(record, ())

    def spoil(path: tuple, value: object) -> dict:
        out = copy.deepcopy(record)
        node = out
        for part in path[:-1]:
            node = node[part]
        if value is KeyError:
            if isinstance(node, dict):
                del node[path[-1]]
        else:
            node[path[-1]] = value
        return out

    values = st.sampled_from(
        [KeyError, None, 0, -1, 1.5, "", "XXX", "NOPE", "2019-02-30", "9.9.9", True, [], {}]
    )
    return st.tuples(st.sampled_from(paths), values).map(lambda pv: spoil(*pv))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_fast_and_detailed_paths_report_the_same(data: st.DataObject) -> None:
    version = data.draw(st.sampled_from(registry.versions()))
    base = data.draw(records(version=version))
    middle = data.draw(st.one_of(st.just(base), mutated(base)))
    around = valid_lines(3)
    # a drawn id may be one of the valid lines' (pe-0...0 to pe-0...2): a duplicate elsewhere
    # (a list, as a spoiled id may be: an unhashable id is in no set)
    assume(middle.get("id") not in [orjson.loads(line)["id"] for line in around])
    lines = [around[0], around[1], orjson.dumps(middle) + b"\n", around[2], around[1]]
    fast, detailed = both_paths(b"".join(lines))
    assert fast == detailed
    # the repeated valid line is always caught, and only ever located on its own line
    assert any(p.keyword == "duplicate-id" and p.line == 5 for p in fast)
    assert all(p.line in (3, 5) for p in fast)


# values that make a record unloadable, or look as if they might, put anywhere in a record
_TROUBLE = [
    2**63 - 1,
    2**63,
    2**64 - 1,
    -(2**63),
    -(2**63) - 1,
    9.3e18,
    -9.3e18,
    1e19,
    "a\x00b",
    "\ud800",
    "mail@example.org",
    'say "x"',
    12345678901234567890,
]


def _texts(record: dict) -> list[bytes]:
    """The record as JSON texts a reader may meet: orjson's, and Python's spaced out."""
    import json

    texts = [json.dumps(record, indent=1).encode("utf-8", "surrogatepass")]
    with contextlib.suppress(TypeError):
        texts.append(orjson.dumps(record))
    return texts


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_record_its_text_calls_loadable_is_loadable(data: st.DataObject) -> None:
    from exporter.formats import loadable_text, unloadable

    version = data.draw(st.sampled_from(registry.versions()))
    record = data.draw(records(version=version))
    trouble = data.draw(st.sampled_from(_TROUBLE))
    where = data.draw(
        st.sampled_from(
            [("evidence", "start"), ("quantity", "value"), ("value", "amount"), ("title",)]
        )
    )
    node = record
    for part in where[:-1]:
        node = node.setdefault(part, {}) if isinstance(node.get(part), dict) else node
    node[where[-1]] = trouble
    if data.draw(st.booleans()):
        record["@id"] = "x"
    for text in _texts(record):
        if loadable_text(record, text):
            assert unloadable(record) is None, text


def test_loadable_text_passes_plain_records_and_names_its_suspects() -> None:
    from exporter.formats import loadable_text

    line = valid_lines(1)[0]
    assert loadable_text(orjson.loads(line), line)
    for text in (
        b'{"a": -9223372036854775809}',
        b'{"a":[1, 9223372036854775808]}',
        b'{"@id":"x"}',
        b'{"a":"\\u0000"}',
        b'{"schema_version":"1.1.0","evidence":{"start":1e19}}',
    ):
        assert not loadable_text(orjson.loads(text), text), text
    # a long run of digits inside a string is no number
    text = b'{"id":"pe-12345678901234567890"}'
    assert loadable_text(orjson.loads(text), text)
