"""The validator on golden files: every valid file passes, every broken file gives exactly
the located problems recorded for it."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import registry
from exporter.formats import read_records, unloadable
from exporter.formats.loaded import Loaded
from exporter.problems import Problem, json_pointer
from exporter.validate import validate_paths, validate_records
from exporter.validate.schema import detailed_validator, fast_validator, is_valid
from tests.strategies import records

RECORDS = Path(__file__).parents[2] / "fixtures" / "records"
EXPECTED = yaml.safe_load((RECORDS / "expected-problems.yaml").read_text("utf-8"))


@pytest.mark.parametrize("path", sorted((RECORDS / "valid").iterdir()), ids=lambda p: p.name)
def test_valid_file_has_no_problem(path: Path) -> None:
    summary = validate_paths([str(path)])
    assert summary.problems == []
    assert summary.records[str(path)] >= 1


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_broken_file_gives_exactly_its_recorded_problems(name: str, monkeypatch) -> None:
    monkeypatch.chdir(RECORDS.parents[1])  # messages name files as the user gave them
    summary = validate_paths([f"fixtures/records/invalid/{name}"])
    got = [f"{p.line}:{p.column} {p.pointer} [{p.keyword}] {p.message}" for p in summary.problems]
    assert got == EXPECTED[name]


def test_every_broken_file_has_recorded_problems() -> None:
    assert sorted(p.name for p in (RECORDS / "invalid").iterdir()) == sorted(EXPECTED)


def test_a_bad_file_does_not_stop_the_others() -> None:
    summary = validate_paths(
        [
            str(RECORDS / "invalid" / "broken-line.ndjson"),
            str(RECORDS / "valid" / "seed-events.yaml"),
        ],
        skip=["duplicate-id"],
    )  # both files hold the seed's records
    assert [p.file for p in summary.problems] == [str(RECORDS / "invalid" / "broken-line.ndjson")]
    assert summary.records[str(RECORDS / "valid" / "seed-events.yaml")] == 2


def test_semantic_check_can_be_switched_off_by_name() -> None:
    path = str(RECORDS / "invalid" / "reported-in-future.ndjson")
    assert validate_paths([path], skip=["reported-before-published"]).problems == []


def test_unknown_check_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown check no-such-check"):
        list(validate_records([], skip=["no-such-check"]))


def one(record: dict) -> list:
    return list(validate_records([Loaded(record, "r", 1, 1)], skip=["duplicate-id"]))


@settings(max_examples=150, deadline=None)
@given(record=st.sampled_from(registry.versions()).flatmap(lambda v: records(version=v)))
def test_generated_valid_records_always_validate(record: dict) -> None:
    # schema-valid; only the `loadable` check may refuse one (a NUL among the generated text)
    found = unloadable(record)
    expected = (
        []
        if found is None
        else [Problem("r", 1, 1, json_pointer(found[0]), "loadable", found[1], 1)]
    )
    assert one(record) == expected


def mutations(record: dict) -> st.SearchStrategy[dict]:
    """Small breakages: a field dropped, a value of the wrong type, a code or date spoiled."""

    def drop(key: str) -> dict:
        out = copy.deepcopy(record)
        del out[key]
        return out

    def put(path: tuple, value: object) -> dict:
        out = copy.deepcopy(record)
        node = out
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
        return out

    return st.one_of(
        st.sampled_from(list(record)).map(drop),
        st.sampled_from(
            [
                ("buyer", "country"),
                ("event_type",),
                ("status",),
                ("id",),
                ("evidence", "start"),
                ("source", "published"),
                ("system", "category"),
                ("extra",),
                ("buyer", "kind"),
                ("actors",),
            ]
        ).flatmap(
            lambda path: st.sampled_from(
                # "TUR\n": a final newline, where Python's "$" and ECMA's part ways
                [None, 1, -1, "", "tur", "2019-02-30", False, [], {}, "NOPE", 1.5, "TUR\n"]
            ).map(lambda v: put(path, v))
        ),
    )


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_fast_and_detailed_validators_agree(data: st.DataObject) -> None:
    version = data.draw(st.sampled_from(registry.versions()))
    record = data.draw(records(version=version))
    candidate = data.draw(st.one_of(st.just(record), mutations(record)))
    fast = bool(fast_validator(version).is_valid(candidate))
    assert fast == detailed_validator(version).is_valid(candidate)
    assert is_valid(candidate, version) == fast


def test_records_read_from_stdin_like_streams_are_located() -> None:
    data = (RECORDS / "invalid" / "missing-buyer.ndjson").read_bytes()
    items = list(read_records(io.BytesIO(data), "<stdin>", "ndjson"))
    problems = list(validate_records(items))
    assert [(p.file, p.line, p.keyword) for p in problems] == [("<stdin>", 2, "required")]


def test_duplicate_ids_on_one_line_are_found_and_a_file_named_twice_is_read_once(
    tmp_path: Path,
) -> None:
    record = json.loads((RECORDS / "valid" / "one-record.json").read_text("utf-8"))
    path = tmp_path / "twice.json"
    path.write_text(json.dumps([record, record]), "utf-8")  # both records on line 1
    summary = validate_paths([str(path), str(path)])
    assert [(p.record, p.keyword) for p in summary.problems] == [(2, "duplicate-id")]
    assert summary.files == [str(path)]


def test_a_final_newline_fails_a_pattern_in_both_validators() -> None:
    # Python's "$" matches before a final newline, ECMA's (jsonschema-rs) does not
    lines = (RECORDS / "valid" / "seed-events.ndjson").read_text("utf-8").splitlines()
    for record in map(json.loads, lines):  # records of 1.1.0 and of 1.0.0
        version = record["schema_version"]
        record["buyer"]["country"] = "TUR\n"
        assert fast_validator(version).is_valid(record) is False
        assert detailed_validator(version).is_valid(record) is False
        assert [(p.pointer, p.keyword) for p in one(record)] == [("/buyer/country", "pattern")]


def test_a_record_only_the_compiled_validator_refuses_is_still_reported(monkeypatch) -> None:
    from exporter.validate import schema

    class AcceptsAll:
        def iter_errors(self, record: dict) -> list:
            return []

        def is_valid(self, record: dict) -> bool:
            return True

    record = json.loads((RECORDS / "valid" / "one-record.json").read_text("utf-8"))
    record["buyer"]["country"] = "TURKEY"
    monkeypatch.setattr(schema, "detailed_validator", lambda version, family=None: AcceptsAll())
    assert [(p.pointer, p.keyword) for p in one(record)] == [("/buyer/country", "pattern")]
