"""Issue 8, part B: one reading discipline for validate, convert and upgrade. Each item of a
file (NDJSON line, array element, YAML document, JSON-LD graph node) is a record or a located
problem; the good records around a bad item still come out, in every format, and outputs
parse."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from exporter.formats import read_records
from exporter.formats.limits import MAX_DEPTH, MAX_RECORD_BYTES, nesting_depth
from exporter.formats.loaded import Loaded
from exporter.problems import Problem
from exporter.validate import validate_paths
from tests.hostile.helpers import (
    COMMANDS,
    INPUTS,
    SUFFIX,
    build,
    check_command,
    ids_out,
    record,
    rid,
    run,
    run_process,
)

GOOD = [rid(1), rid(2)]
DEEP = 1000  # about where Python's recursion limit used to end a run


def write(tmp_path: Path, fmt: str, items: list, name: str = "in") -> Path:
    path = tmp_path / f"{name}{SUFFIX[fmt]}"
    path.write_bytes(build(fmt, items))
    return path


def line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def only_problem(path: Path) -> Problem:
    (problem,) = validate_paths([str(path)]).problems
    return problem


# --- 4: an item that is not an object -------------------------------------------------

NOT_OBJECTS = {
    b"null": "null",
    b'"text"': "a string",
    b"3": "a number",
    b"[1, 2]": "an array",
    b"true": "a boolean",
}


@pytest.mark.parametrize("bad", NOT_OBJECTS, ids=lambda b: b.decode())
@pytest.mark.parametrize("command", COMMANDS)
def test_ndjson_line_not_an_object_is_located_and_the_records_around_it_go_on(
    tmp_path: Path, command: str, bad: bytes
) -> None:
    path = write(tmp_path, "ndjson", [record(1), bad, record(2)])
    outcome = check_command(command, path, "ndjson", GOOD, code=1)
    message = f"a record must be a JSON object, not {NOT_OBJECTS[bad]}"
    if command == "validate":
        (error,) = json.loads(outcome.out)["files"][0]["errors"]
        assert (error["line"], error["keyword"], error["message"]) == (2, "not-a-record", message)
    elif command == "upgrade":
        assert outcome.err == f"error: {path}:2:1: {message}\n"
    else:  # convert reports a problem as validate does, with its keyword
        assert outcome.err == f"error: {path}:2:1: {message} [not-a-record]\n"


@pytest.mark.parametrize("fmt", INPUTS)
@pytest.mark.parametrize("command", COMMANDS)
def test_null_item_in_every_input_format(tmp_path: Path, command: str, fmt: str) -> None:
    path = write(tmp_path, fmt, [record(1), b"null", record(2)])
    check_command(command, path, fmt, GOOD, code=1)
    problem = only_problem(path)
    assert (problem.line, problem.column, problem.keyword, problem.record) == (
        line_of(path.read_bytes(), b"\nnull") + 1,
        1,
        "not-a-record",
        2,
    )


# --- 5: linear reading of JSON documents ----------------------------------------------


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.taken = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk


@pytest.mark.parametrize("fmt", ["json", "jsonld"])
def test_a_json_document_is_read_as_a_stream_each_record_keeping_only_its_own_text(
    fmt: str,
) -> None:
    data = build(fmt, [record(n) for n in range(2000)])
    stream = CountingStream(data)
    items = read_records(stream, f"big.{fmt}", fmt)
    first = next(items)
    assert isinstance(first, Loaded) and first.data == record(0)
    assert stream.taken < len(data) // 10  # the first record came before the file was read
    rest = list(items)
    assert [i.data["id"] for i in rest] == [rid(n) for n in range(1, 2000)]
    # a position is found in the record's own text, not in the whole file
    last = rest[-1]
    assert json.loads(last.raw) == record(1999)
    country = data.index(b'"country"', data.index(rid(1999).encode()))
    assert last.position(("buyer", "country")) == (
        data[:country].count(b"\n") + 1,
        country - data.rindex(b"\n", 0, country) + len(b'"country": '),
    )


def test_a_problem_in_an_array_is_located_at_its_element(tmp_path: Path) -> None:
    path = write(tmp_path, "json", [record(1), {**record(2), "buyer": None}, record(3)])
    data = path.read_bytes()
    (problem,) = validate_paths([str(path)]).problems
    buyer = data.index(b'"buyer": null')
    assert (problem.line, problem.column, problem.pointer, problem.record) == (
        data[:buyer].count(b"\n") + 1,
        buyer - data.rindex(b"\n", 0, buyer) + len(b'"buyer": '),
        "/buyer",
        2,
    )


# --- 7: nesting -------------------------------------------------------------------------


def nested_object(levels: int) -> bytes:
    return b'{"a":' * (levels - 1) + b"{}" + b"}" * (levels - 1)


def nested_array(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels; a record may nest at most {MAX_DEPTH}"


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, DEEP, 10_000])
@pytest.mark.parametrize("fmt", ["ndjson", "json", "jsonld"])
def test_deep_nesting_is_a_located_problem_and_the_records_after_it_are_read(
    tmp_path: Path, fmt: str, levels: int
) -> None:
    path = write(tmp_path, fmt, [record(1), nested_object(levels), record(2)])
    problem = only_problem(path)
    assert (problem.line, problem.keyword, problem.message) == (
        line_of(path.read_bytes(), b'{"a":{"a"'),
        "too-deep",
        TOO_DEEP,
    )
    for command in ("convert-jsonld", "upgrade"):
        check_command(command, path, fmt, GOOD, code=1)


@pytest.mark.parametrize(
    "document",
    [
        nested_array(DEEP),
        nested_array(MAX_DEPTH + 1),
        b"a:\n" + b"".join(b"  " * i + b"a:\n" for i in range(1, 80)) + b"    " * 40 + b"x",
    ],
)
def test_deep_yaml_document_is_a_located_problem(tmp_path: Path, document: bytes) -> None:
    path = write(tmp_path, "yaml", [record(1), document, record(2)])
    problem = only_problem(path)
    assert problem.keyword == "too-deep" or "nesting" in problem.message, problem
    for command in COMMANDS:
        check_command(command, path, "yaml", GOOD, code=1)


def test_nesting_depth_counts_levels_and_stops_past_the_limit() -> None:
    assert nesting_depth({"a": [{"b": 1}]}) == 3
    assert nesting_depth(1) == 0
    assert nesting_depth(json.loads(nested_object(MAX_DEPTH))) == MAX_DEPTH
    # admitted at the limit (the schema then says what is wrong), refused past it
    limit = list(
        read_records(b'{"a":' * (MAX_DEPTH - 1) + b"{}" + b"}" * (MAX_DEPTH - 1), "x.ndjson")
    )
    assert isinstance(limit[0], Loaded)


# --- 8: one bad YAML document costs only itself --------------------------------------

BAD_DOCUMENTS = {
    "merge key": (
        b"base: &b {x: 1}\nother:\n  <<: *b\n",
        "yaml-type",
        "a YAML merge key (<<); YAML 1.2 has none, so loaders disagree on what it means: "
        "write the keys out",
    ),
    "duplicate key": (
        b"a: 1\nb: 2\na: 3\n",
        "parse",
        "invalid YAML: duplicate key 'a' (first at line {first})",
    ),
    "unknown tag": (
        b"a: !thing 1\n",
        "yaml-type",
        "an unknown YAML tag !thing; only plain values are read",
    ),
    "recursive alias": (
        b"a: &x [1, *x]\n",
        "yaml-alias",
        "a recursive YAML alias *x: a value that contains itself",
    ),
    "undefined alias": (
        b"a: *nowhere\n",
        "parse",
        "invalid YAML: an undefined YAML alias *nowhere",
    ),
    "syntax": (b"a: [1, 2\nb: c\n", "parse", None),
    "not UTF-8": (b"a: \xff\n", "parse", "invalid UTF-8 (byte 0xff)"),
    "python tag": (b"a: !!python/object/apply:os.system ['true']\n", "yaml-type", None),
}


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_a_bad_yaml_document_is_located_and_the_documents_after_it_are_read(
    tmp_path: Path, case: str
) -> None:
    document, keyword, message = BAD_DOCUMENTS[case]
    path = write(tmp_path, "yaml", [record(1), document, record(2)])
    first = line_of(path.read_bytes(), document[:4])
    problem = only_problem(path)
    assert (problem.keyword, problem.record) == (keyword, 2), problem
    assert first <= (problem.line or 0) <= first + 3
    if message:
        assert problem.message == message.format(first=first)
    for command in COMMANDS:
        check_command(command, path, "yaml", GOOD, code=1)


def test_yaml_alias_bomb_is_refused_by_every_command_without_expanding_it(tmp_path: Path) -> None:
    lines = [b'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [
        b"a%d: &a%d [" % (i, i) + b",".join([b"*a%d" % (i - 1)] * 10) + b"]" for i in range(1, 10)
    ]
    path = write(tmp_path, "yaml", [record(1), b"\n".join(lines), record(2)])
    problem = only_problem(path)
    assert (problem.keyword, problem.message) == (
        "yaml-alias",
        "more than 100,000 values once YAML aliases are expanded",
    )
    for command in COMMANDS:
        check_command(command, path, "yaml", GOOD, code=1)


def test_yaml_comments_and_directives_go_with_their_document() -> None:
    data = b"# records\n%YAML 1.1\n---\nid: a\n...\n# next\n---\nid: b\n---\n---\nid: c\n"
    items = list(read_records(data, "x.yaml"))
    assert [(type(i).__name__, i.line) for i in items] == [
        ("Loaded", 4),
        ("Loaded", 8),
        ("Problem", 9),  # an empty document: null, not a record
        ("Loaded", 11),
    ]


# --- 9: YAML values that are not plain JSON -------------------------------------------

YAML_TYPES = {
    "date": (
        "title: 2019-03-29",
        "/source/title",
        "a YAML date 2019-03-29; quote it to keep it a string",
    ),
    "no such day": (
        "title: 2019-02-30",
        "/source/title",
        "a YAML date 2019-02-30; quote it to keep it a string",
    ),
    "timestamp": (
        "title: 2001-12-14t21:59:43.10-05:00",
        "/source/title",
        "a YAML timestamp 2001-12-14t21:59:43.10-05:00; quote it to keep it a string",
    ),
    "binary": (
        "title: !!binary aGVsbG8=",
        "/source/title",
        "a YAML binary value (!!binary); JSON has no bytes: write a string",
    ),
    "set": (
        "title: !!set {a: null}",
        "/source/title",
        "a YAML set (!!set); JSON has no such type: write a plain mapping or list",
    ),
    "nan": ("title: .nan", "/source/title", "a YAML float .nan; JSON has no NaN or infinity"),
    "inf": ("title: -.inf", "/source/title", "a YAML float -.inf; JSON has no NaN or infinity"),
    "integer key": (
        "1: one",
        "/source",
        "a YAML integer 1 as a mapping key; JSON keys are strings: quote it",
    ),
    "boolean key": (
        "no: one",
        "/source",
        "a YAML boolean no as a mapping key; JSON keys are strings: quote it",
    ),
    "sequence key": (
        "? [a, b]\n: one",
        "/source",
        "a YAML sequence as a mapping key; JSON keys are strings",
    ),
}


def yaml_with(line: str) -> bytes:
    """The second record as YAML, with `line` in place of its source's title."""
    from exporter.formats.yamldoc import encode

    text = encode(record(2))
    title = next(t for t in text.splitlines() if t.startswith("  title:"))
    return text.replace(title, "  " + line.replace("\n", "\n  ")).encode()


@pytest.mark.parametrize("case", YAML_TYPES)
def test_yaml_value_that_is_not_json_is_refused_by_name_the_same_by_every_command(
    tmp_path: Path, case: str
) -> None:
    line, pointer, message = YAML_TYPES[case]
    path = tmp_path / "in.yaml"
    before = build("yaml", [record(1)])
    data = before + yaml_with(line) + build("yaml", [record(3)])
    path.write_bytes(data)
    problem = only_problem(path)
    key = b"? [" if line.startswith("?") else line.split(":")[0].encode() + b":"
    where = line_of(data[len(before) :], b"  " + key) + before.count(b"\n")
    assert (problem.line, problem.pointer, problem.keyword, problem.message) == (
        where,
        pointer,
        "yaml-type",
        message,
    )
    for command in COMMANDS:
        outcome = check_command(command, path, "yaml", [rid(1), rid(3)], code=1)
        at = f"error: {path}:{where}:{problem.column}:"
        if command == "upgrade":
            assert outcome.err == f"{at} {message}\n"
        elif command != "validate":  # convert: as validate says it, pointer and keyword
            shown = f" {pointer}:" if pointer else ""
            assert outcome.err == f"{at}{shown} {message} [yaml-type]\n"


# --- BOM --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", INPUTS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_byte_order_mark_is_skipped_by_every_reader(
    tmp_path: Path, fmt: str, command: str
) -> None:
    path = tmp_path / f"bom{SUFFIX[fmt]}"
    path.write_bytes(b"\xef\xbb\xbf" + build(fmt, [record(1), record(2)]))
    check_command(command, path, fmt, GOOD, code=0)


def test_a_byte_order_mark_on_stdin_is_skipped_too() -> None:
    data = b"\xef\xbb\xbf" + build("ndjson", [record(1), record(2)])
    outcome = run("convert", "-", "--to", "ndjson", stdin=data)
    assert (outcome.code, ids_out("ndjson", outcome.out)) == (0, GOOD)


# --- size -------------------------------------------------------------------------------


def test_a_line_past_the_size_limit_is_skipped_unread(tmp_path: Path) -> None:
    huge = b'{"a":"' + b"x" * MAX_RECORD_BYTES + b'"}'
    path = write(tmp_path, "ndjson", [record(1), huge, record(2)])
    problem = only_problem(path)
    assert (problem.line, problem.keyword, problem.message) == (
        2,
        "too-large",
        "a line larger than 8 MiB; not read",
    )
    check_command("convert-yaml", path, "ndjson", GOOD, code=1, process=True)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_an_element_or_document_past_the_size_limit_is_refused(tmp_path: Path, fmt: str) -> None:
    huge = {**record(9), "evidence": {"text": "x" * MAX_RECORD_BYTES, "start": 0, "end": 1}}
    path = write(tmp_path, fmt, [record(1), huge, record(2)])
    problems = validate_paths([str(path)]).problems
    assert [p.keyword for p in problems] == ["too-large"]
    # skipped to its end without being held: the records after it are read
    check_command("convert-ndjson", path, fmt, GOOD, code=1)


# --- loadable (issue 10) ------------------------------------------------------------------

UNLOADABLE = {
    "NUL": (b'"a\\u0000b"', "/source/title", "contains a NUL character (U+0000)"),
    "lone surrogate": (
        b'"a\\ud800b"',
        "/source/title",
        "contains a lone surrogate (U+D800): not UTF-8",
    ),
}


@pytest.mark.parametrize("fmt", ["ndjson", "json", "jsonld"])
@pytest.mark.parametrize("case", UNLOADABLE)
def test_unloadable_text_is_named_by_validate_and_refused_by_convert(
    tmp_path: Path, fmt: str, case: str
) -> None:
    value, pointer, message = UNLOADABLE[case]
    bad = (
        json.dumps(record(2))
        .encode()
        .replace(b'"title": "Ankara', b'"title": ' + value[:-1] + b" Ankara")
    )
    path = write(tmp_path, fmt, [record(1), bad, record(3)])
    problem = only_problem(path)
    assert (problem.keyword, problem.pointer, problem.message) == ("loadable", pointer, message)
    assert validate_paths([str(path)], skip=["loadable"]).problems == []
    for command in ("convert-ndjson", "convert-jsonld", "upgrade"):
        outcome = check_command(command, path, fmt, [rid(1), rid(3)], code=1, read=3)
        assert f"record {rid(2)}: {pointer} {message}; not written" in outcome.err


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (b"9223372036854775808", "is 9223372036854775808: an integer beyond 64 bits"),
        (b"123456789012345678901234567890", None),  # read as a double by orjson, exact by json
    ],
)
@pytest.mark.parametrize("fmt", ["ndjson", "json", "yaml"])
def test_an_integer_beyond_64_bits_is_not_loadable(
    tmp_path: Path, fmt: str, number: bytes, message: str | None
) -> None:
    bad = {**record(2), "quantity": {"value": 1, "unit": "launchers"}}
    if fmt == "yaml":
        from exporter.formats.yamldoc import encode

        item = encode(bad).replace("value: 1\n", f"value: {number.decode()}\n").encode()[4:]
    else:
        item = orjson_dumps(bad).replace(b'"value":1,', b'"value":' + number + b",")
    path = write(tmp_path, fmt, [record(1), item, record(3)])
    problem = only_problem(path)
    assert (problem.keyword, problem.pointer) == ("loadable", "/quantity/value")
    if message:
        assert problem.message == message
    check_command("convert-ndjson", path, fmt, [rid(1), rid(3)], code=1)


def orjson_dumps(value: dict) -> bytes:
    import orjson

    return orjson.dumps(value)


@pytest.mark.parametrize("fmt", ["ndjson", "json"])
def test_a_number_beyond_a_double_is_a_parse_problem_and_reading_goes_on(
    tmp_path: Path, fmt: str
) -> None:
    bad = orjson_dumps(record(2)).replace(b'"start":', b'"start":1e400,"x":')
    path = write(tmp_path, fmt, [record(1), bad, record(3)])
    problem = only_problem(path)
    assert (problem.keyword, problem.message) == (
        "parse",
        "invalid JSON: number is infinity when parsed as double",
    )
    check_command("convert-es-bulk", path, fmt, [rid(1), rid(3)], code=1)


# --- truncated and mixed ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonld"])
def test_a_truncated_document_keeps_the_records_before_the_cut(tmp_path: Path, fmt: str) -> None:
    data = build(fmt, [record(1), record(2), record(3)])
    path = tmp_path / f"cut{SUFFIX[fmt]}"
    path.write_bytes(data[: data.index(rid(3).encode()) + 10])
    problem = only_problem(path)
    assert problem.keyword == "parse" and problem.line == path.read_bytes().count(b"\n") + 1
    for command in COMMANDS:
        check_command(command, path, fmt, GOOD, code=1)


def test_subprocess_run_of_a_mixed_file_from_stdin() -> None:
    data = build("ndjson", [record(1), b"null", nested_object(DEEP), b'{"a":', record(2)])
    outcome = run_process("convert", "-", "--to", "jsonld", stdin=data)
    assert outcome.code == 1
    assert ids_out("jsonld", outcome.out) == GOOD
    assert outcome.err.splitlines() == [
        "error: <stdin>:2:1: a record must be a JSON object, not null [not-a-record]",
        f"error: <stdin>:3:1: {TOO_DEEP} [too-deep]",
        "error: <stdin>:4:7: invalid JSON: unexpected end of data [parse]",
    ]
