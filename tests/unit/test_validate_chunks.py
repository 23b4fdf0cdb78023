"""The chunk path of validation (exporter.validate.fast: NDJSON lines or JSON array elements
read, parsed and judged some tens at a time) reports exactly what the record path reports: the same
Problems in the same order (messages, lines, columns, pointers), the same counts, the same
bytes written by convert and the same exit codes, wherever in a chunk or across chunks and
files a blank line, a bad line or an invalid, unloadable or duplicate record falls."""

from __future__ import annotations

import contextlib
import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import pipeline, registry
from exporter.formats import files as files_module
from exporter.formats import jsonfile, ndjson, read_records
from exporter.formats.ndjson import Chunk
from exporter.validate import fast, validate_paths, validate_records
from exporter.validate.checks import Seen
from exporter.validate.idset import FirstSeen

SEED = Path(__file__).parents[2] / "fixtures" / "records" / "valid" / "seed-events.ndjson"
SEED_RECORDS = [orjson.loads(line) for line in SEED.read_bytes().splitlines() if line.strip()]


@contextlib.contextmanager
def record_by_record() -> Iterator[None]:
    """Every chunk taken record by record, as if the chunk path were never sure."""
    with mock.patch.object(fast, "problems", lambda *args: None):
        yield


def record(n: int, **changes: object) -> dict:
    """A valid 1.1.0 event record (one of the seed's), with id number `n`, changed so."""
    base = dict(SEED_RECORDS[n % len(SEED_RECORDS)], id=f"pe-{n:020x}", schema_version="1.1.0")
    base.update(changes)
    return base


def evidence(text: str) -> dict:
    return {"text": text, "start": 0, "end": len(text)}


# each kind of line a file may hold: valid, and wrong in each way a report can say
KINDS: dict[str, object] = {
    "valid": lambda n: ndjson.encode(record(n)),
    "blank": lambda n: b"\n" if n % 2 else b"   \n",
    "not json": lambda n: b'{"schema_version": "1.1.0", "id": \n',
    "not an object": lambda n: b"[1, 2]\n",
    "schema": lambda n: ndjson.encode(record(n, status="finished")),
    "country": lambda n: ndjson.encode(
        record(n, buyer={"name": "X", "country": "ZZZ", "kind": "state"})
    ),
    "currency": lambda n: ndjson.encode(record(n, value={"amount": 5, "currency": "XYZ"})),
    "deal id": lambda n: ndjson.encode(record(n, deal_id="TUR-RUS-S-500")),
    "reported after": lambda n: ndjson.encode(
        record(0, id=f"pe-{n:020x}", date={"value": "2030-01-02", "precision": "day", "text": "x"})
    ),
    "at in text": lambda n: ndjson.encode(record(n, evidence=evidence("mail@example.org"))),
    "NUL": lambda n: ndjson.encode(record(n, evidence=evidence("a\x00b"))),
    "escaped": lambda n: ndjson.encode(record(n, evidence=evidence("a\u2028b"))),
    "quoted": lambda n: ndjson.encode(record(n, evidence=evidence('say "so"'))),
    # as Python's json writes by default: every non-ASCII character an escape
    "ascii escapes": lambda n: (
        json.dumps(record(n, evidence=evidence("Hürjet \u2028 ✓"))).encode() + b"\n"
    ),
    "escaped at in text": lambda n: ndjson.encode(record(n, evidence=evidence("a@b"))).replace(
        b"@", b"\\u0040"
    ),
    "big integer": lambda n: ndjson.encode(
        record(n, evidence={"text": "x", "start": 2**63, "end": 1})
    ),
    "big float": lambda n: b'{"evidence": {"start": 1e19}, ' + ndjson.encode(record(n))[1:],
    "at key": lambda n: ndjson.encode(record(n, **{"@id": "x"})),
    "older version": lambda n: ndjson.encode(record(n, schema_version="1.0.0")),
    "unknown version": lambda n: ndjson.encode(record(n, schema_version="9.9.9")),
    "deal record": lambda n: ndjson.encode(
        {"record_kind": "procurement-deal", "schema_version": "1.1.0", "id": f"pd-{n:020x}"}
    ),
    "too deep": lambda n: b'{"a": ' + b"[" * 70 + b"]" * 70 + b"}\n",
    "no final newline": lambda n: ndjson.encode(record(n)).rstrip(b"\n"),
}


# kinds a chunk can be judged whole with (schema-valid; loadable by their text), and the
# others, which send their chunk record by record
WHOLE = ["valid", "country", "currency", "deal id", "reported after", "quoted", "ascii escapes"]
APART = sorted(set(KINDS) - set(WHOLE) - {"no final newline"})


@st.composite
def files(draw: st.DrawFn) -> bytes:
    """NDJSON of 0 to 300 lines: records valid or with a semantic problem (ids drawn from a
    small range, so some repeat, within and across chunks), and in some files, at a rate
    drawn for the file, lines of the kinds a chunk cannot be judged whole with."""
    count = draw(st.integers(0, 300))
    apart = draw(st.sampled_from([0.0, 0.0, 0.01, 0.1]))
    whole = st.one_of(st.just("valid"), st.sampled_from(WHOLE))
    lines = []
    for _ in range(count):
        rare = apart and draw(st.floats(0, 1)) < apart
        kind = draw(st.sampled_from(APART) if rare else whole)
        lines.append(KINDS[kind](draw(st.integers(0, 400))))  # type: ignore[operator]
    if count and draw(st.booleans()):
        lines[-1] = lines[-1].rstrip(b"\n")
    return b"".join(lines)


def both(data: bytes, **options: object) -> tuple[list, list]:
    chunked = list(validate_records(ndjson.chunks(io.BytesIO(data), "f.ndjson"), **options))
    one_by_one = list(validate_records(ndjson.read(io.BytesIO(data), "f.ndjson"), **options))
    return chunked, one_by_one


@settings(max_examples=120, deadline=None)
@given(data=files(), forced=st.sampled_from([None, "1.1.0", "1.0.0"]))
def test_chunks_report_exactly_what_records_report(data: bytes, forced: str | None) -> None:
    chunked, one_by_one = both(data, schema_version=forced)
    assert chunked == one_by_one


@settings(max_examples=30, deadline=None)
@given(data=files(), skip=st.sets(st.sampled_from(["duplicate-id", "loadable", "deal-id"])))
def test_checks_switched_off_are_off_on_both_paths(data: bytes, skip: set[str]) -> None:
    chunked, one_by_one = both(data, skip=sorted(skip))
    assert chunked == one_by_one


def test_a_valid_chunk_is_judged_whole_and_each_wrong_line_alone() -> None:
    lines = [KINDS["valid"](n) for n in range(200)]  # type: ignore[operator]
    lines[70] = KINDS["country"](1000)  # type: ignore[operator]
    lines[150] = lines[3]  # a duplicate, two chunks later
    data = b"".join(lines)
    calls: list[bool] = []
    judged = fast.problems

    def counting(*args: object) -> object:
        found = judged(*args)  # type: ignore[arg-type]
        calls.append(found is not None)
        return found

    with mock.patch.object(fast, "problems", counting):
        chunked, one_by_one = both(data)
    assert calls == [True, True, True, True]  # 64 + 64 + 64 + 8 lines, none taken apart
    assert chunked == one_by_one
    assert [(p.line, p.keyword) for p in chunked] == [
        (71, "country-iso3166"),
        (71, "deal-id"),  # its buyer's code is not the deal id's either
        (151, "duplicate-id"),
    ]
    assert chunked[2].message == f"duplicate id 'pe-{3:020x}', first seen at f.ndjson:4"
    assert chunked[0].column == lines[70].index(b'"ZZZ"') + 1


def test_files_convert_and_report_the_same_on_both_paths(tmp_path: Path) -> None:
    first = b"".join(KINDS[k](n) for n, k in enumerate(["valid"] * 90 + ["NUL", "schema"]))  # type: ignore[operator]
    second = b"".join(KINDS["valid"](n) for n in range(80, 200))  # type: ignore[operator]
    for name, data in (("a.ndjson", first), ("b.ndjson", second), ("empty.ndjson", b"\n\n")):
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in ("a.ndjson", "b.ndjson", "empty.ndjson")]

    chunked = _validate_and_convert(paths)
    with record_by_record():
        one_by_one = _validate_and_convert(paths)
    assert chunked == one_by_one
    problems, records, written, said, code = chunked
    assert records == {paths[0]: 92, paths[1]: 120}
    assert [(p.file, p.line, p.keyword) for p in problems][:3] == [
        (paths[0], 91, "loadable"),
        (paths[0], 92, "enum"),
        (paths[1], 1, "duplicate-id"),
    ]
    assert len(problems) == 2 + 11 + 1  # ids 80-90 were seen in a.ndjson (90: NUL); empty
    assert written.count(b"\n") == 90 + 120  # convert leaves duplicate-id to validate
    assert code == 1 and len(said) == 3


def test_lines_longer_than_a_piece_are_read_whole() -> None:
    long_text = "a long evidence text " * 5000  # about 100 KB: two pieces
    lines = [KINDS["valid"](n) for n in range(300)]  # type: ignore[operator]
    lines[10] = ndjson.encode(record(10, evidence=evidence(long_text)))
    lines[64] = ndjson.encode(record(64, evidence=evidence(long_text), status="finished"))
    data = b"".join(lines)
    items = list(ndjson.chunks(io.BytesIO(data), "f.ndjson"))
    numbers: list[int] = []
    for item in items:
        numbers += (
            [item.line + n for n in range(len(item.values))] if type(item) is Chunk else [item.line]
        )  # type: ignore[union-attr]
    assert numbers == list(range(1, 301))  # every line once, in order
    # the two chunks of pieces that hold a long line are read line by line; then chunks
    assert [type(i) is Chunk for i in items].count(False) == 63 + 63
    assert type(items[-1]) is Chunk
    chunked, one_by_one = both(data)
    assert chunked == one_by_one
    assert [(p.line, p.pointer) for p in chunked] == [(65, "/status")]


@pytest.mark.parametrize("piece", [8, 100, 400])
def test_pieces_of_any_size_read_the_same_records_and_problems(piece: int, monkeypatch) -> None:
    kinds = ["valid", "blank", "not json", "valid", "too deep", "valid", "schema"] * 20
    data = b"".join(KINDS[k](n) for n, k in enumerate(kinds))  # type: ignore[operator]
    # the seed's records (about 1 KB) are too large now; a piece is at most the limit + 1
    monkeypatch.setattr(ndjson, "MAX_RECORD_BYTES", 500)
    monkeypatch.setattr(ndjson, "PIECE", 501)
    expected = [(type(i).__name__, i.line) for i in ndjson.read(io.BytesIO(data), "f")]
    monkeypatch.setattr(ndjson, "PIECE", piece)
    items = list(ndjson.read(io.BytesIO(data), "f"))
    assert [(type(i).__name__, i.line) for i in items] == expected
    too_large = [i for i in items if i.keyword == "too-large"]  # type: ignore[union-attr]
    assert len(too_large) == 80 and (too_large[0].line, too_large[0].record) == (1, 1)


def test_a_huge_file_is_read_a_chunk_at_a_time() -> None:
    data = b"".join(KINDS["valid"](n) for n in range(3000))  # type: ignore[operator]
    stream = io.BytesIO(data)
    first = next(iter(ndjson.chunks(stream, "big.ndjson")))
    assert type(first) is Chunk and len(first.values) == ndjson.CHUNK
    assert stream.tell() == len(b"".join(data.splitlines(keepends=True)[: ndjson.CHUNK]))


def test_memory_stays_flat_as_the_file_grows() -> None:
    def peak(count: int) -> int:
        data = b"".join(KINDS["valid"](n) for n in range(count))  # type: ignore[operator]
        tracemalloc.start()
        stream = io.BytesIO(data)
        base = tracemalloc.get_traced_memory()[0]
        problems = list(validate_records(ndjson.chunks(stream, "f"), skip=["duplicate-id"]))
        top = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        assert problems == []
        return top

    assert peak(4000) < 1.5 * peak(1000)


def test_closed_schemas_bound_depth_and_numbers() -> None:
    assert [fast.closed_depth(registry.schema(v)) for v in registry.versions()] == [3, 3, 3, 3]
    deals = registry.DEAL_FAMILY
    assert {fast.closed_depth(registry.schema(v, deals)) for v in registry.versions(deals)} == {6}
    assert fast.closed_depth({"type": "object"}) is None  # open: any key, any value
    assert fast.closed_depth({"type": "object", "additionalProperties": False}) == 1
    assert fast.closed_depth({"type": "array", "items": {"enum": ["a", 1]}}) is None
    closed = {"allOf": [{"type": "array", "items": {"type": "string"}}], "pattern": "x"}
    assert fast.closed_depth(closed) == 1
    either = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"$ref": "#/$defs/n"}}]}
    assert fast.closed_depth({**either, "$defs": {"n": {"type": "integer"}}}) == 1
    validator = fast.chunk_validator("1.1.0")
    line = record(1)
    assert validator.is_valid([line])
    for start in (2**63, 2**64 - 1, 9.3e18, -(2**63)):
        assert not validator.is_valid([dict(line, evidence=dict(line["evidence"], start=start))])
    assert fast.chunk_validator("9.9.9") is None


@settings(max_examples=60, deadline=None)
@given(
    ids=st.lists(
        st.one_of(
            st.integers(0, 50).map(lambda n: f"pe-{n:020x}"),
            st.integers(0, 50).map(lambda n: f"pd-{n:020x}"),
            st.sampled_from(["odd", 7, None, "pe-ABC"]),
        ),
        max_size=300,
    ),
    size=st.integers(1, 70),
    layout=st.sampled_from(["one file", "files in turn", "one-record files"]),
)
def test_ids_taken_many_at_a_time_are_found_as_one_at_a_time(
    ids: list, size: int, layout: str
) -> None:
    # each id's place: a line of one file, of three files in turn, or line 1 of its own file
    if layout == "one-record files":
        names, lines = [f"r{n}.json:" for n in range(len(ids))], [1] * len(ids)
    else:
        files = 1 if layout == "one file" else 3
        names, lines = [f"f{n % files}:" for n in range(len(ids))], list(range(1, len(ids) + 1))
    one, many = FirstSeen(), FirstSeen()
    expected = [
        n for n, rid in enumerate(ids) if one.first(rid, f"{names[n]}{lines[n]}") is not None
    ]
    found = []
    for start in range(0, len(ids), size):
        end = start + size
        found += [
            start + n for n in many.first_many(ids[start:end], names[start:end], lines[start:end])
        ]
    assert found == expected
    assert [many.first(rid, "g:1") for rid in ids] == [one.first(rid, "g:1") for rid in ids]


def test_seen_carries_ids_from_records_to_chunks() -> None:
    seen = Seen()
    first = list(validate_records([record(5)], seen=seen))
    again = list(
        validate_records(ndjson.chunks(io.BytesIO(ndjson.encode(record(5))), "f"), seen=seen)
    )
    assert first == [] and [p.message for p in again] == [
        f"duplicate id 'pe-{5:020x}', first seen at record 1"
    ]


# JSON arrays: elements read and judged a chunk at a time (exporter.formats.jsonfile._chunks)
# report exactly what reading them one by one reports


@contextlib.contextmanager
def elements_one_by_one() -> Iterator[None]:
    """Every array element read one by one, as if no run of them could be chunked."""
    with mock.patch.object(jsonfile, "_chunks", lambda reader, record: iter(())):
        yield


ELEMENT_KINDS = [
    *sorted(set(KINDS) - {"blank", "no final newline"}),
    *("accented", "number", "two actors"),
]


def element(kind: str, n: int) -> bytes:
    """An array element's text, of one of KINDS (less the line-only ones) or non-ASCII."""
    if kind == "accented":
        return ndjson.encode(record(n, evidence=evidence("Łódź – für ✓ 𝄞"))).rstrip(b"\n")
    if kind == "number":
        return b"12"
    if kind == "two actors":  # "}, {" inside: a one-line array's element end guessed wrong
        actor = {"name": "A. Person", "role": "minister", "country": "TUR"}
        return orjson.dumps(record(n, actors=[actor, dict(actor, name="B. Person")]))
    return KINDS[kind](n).rstrip(b"\n")  # type: ignore[operator, no-any-return]


def laid_out(text: bytes, layout: str) -> bytes:
    """An element as an array prints it: indented (as json.dumps(indent=2) does), or as is."""
    if layout != "indented":
        return text
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return text
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")


SEPARATORS = {
    "indented": b",\n  ",
    "lines": b",\n",
    "compact": b",",  # orjson.dumps(records): one line
    "spaced": b", ",  # json.dumps(records): one line
    "loose": b" ,\n\n\t ",
}


@st.composite
def arrays(draw: st.DrawFn) -> bytes:
    """A JSON array of 0 to 200 elements, valid or with a semantic problem (ids repeat), in
    a layout drawn for the file (or for each element), and in some files elements that no
    chunk can take (not JSON, not objects, too deep, unloadable), a bad UTF-8 byte or a
    cut end."""
    count = draw(st.integers(0, 200))
    layout = draw(st.sampled_from([*SEPARATORS, "mixed"]))
    apart = draw(st.sampled_from([0.0, 0.0, 0.01, 0.05]))
    whole = st.sampled_from([*WHOLE, "accented", "two actors", "valid", "valid"])
    parts = [b"[\n  " if layout in ("indented", "mixed") else b"["]
    for index in range(count):
        rare = apart and draw(st.floats(0, 1)) < apart
        kind = draw(st.sampled_from(ELEMENT_KINDS) if rare else whole)
        this = draw(st.sampled_from(list(SEPARATORS))) if layout == "mixed" else layout
        if index:
            parts.append(SEPARATORS[this])
        parts.append(laid_out(element(kind, draw(st.integers(0, 300))), this))
    parts.append(b"]" if layout in ("compact", "spaced") else b"\n]\n")
    data = b"".join(parts)
    spoil = draw(st.sampled_from(["", "", "", "", "byte", "cut", "after"]))
    where = draw(st.integers(0, max(len(data) - 1, 0)))
    if spoil == "byte":
        data = data[:where] + b"\xff" + data[where:]
    elif spoil == "cut":
        data = data[:where]
    elif spoil == "after":
        data += b"{}"
    return data


def array_both(data: bytes, **options: object) -> tuple[list, list]:
    def run() -> list:
        items = read_records(data, "f.json", "json", chunked=True)
        return list(validate_records(items, **options))

    chunked = run()
    with elements_one_by_one():
        one_by_one = run()
    return chunked, one_by_one


# the reader's window read so many characters at a time: chunks and windows end anywhere
WINDOWS = [jsonfile.CHUNK, 700, 4096]


@settings(max_examples=150, deadline=None)
@given(
    data=arrays(),
    forced=st.sampled_from([None, "1.1.0", "1.0.0"]),
    window=st.sampled_from(WINDOWS),
)
def test_array_chunks_report_exactly_what_elements_report(
    data: bytes, forced: str | None, window: int
) -> None:
    with mock.patch.object(jsonfile, "CHUNK", window):
        chunked, one_by_one = array_both(data, schema_version=forced)
    assert chunked == one_by_one


@settings(max_examples=30, deadline=None)
@given(data=arrays(), skip=st.sets(st.sampled_from(["duplicate-id", "loadable", "deal-id"])))
def test_array_checks_switched_off_are_off_on_both_paths(data: bytes, skip: set[str]) -> None:
    chunked, one_by_one = array_both(data, skip=sorted(skip))
    assert chunked == one_by_one


def test_array_elements_come_in_chunks_with_their_places() -> None:
    texts = [laid_out(element("valid", n), "indented") for n in range(150)]
    texts[3] = laid_out(element("accented", 3), "indented")
    texts[70] = laid_out(element("country", 1000), "indented")
    texts[100] = laid_out(element("valid", 3), "indented")  # a duplicate of element 4
    data = b"[\n  " + b",\n  ".join(texts) + b"\n]\n"
    items = list(read_records(data, "f.json", "json", chunked=True))
    # all in chunks of up to 64, the element each window ends in (read as one by one reads
    # it, the window growing) the first of the next
    assert {type(i) for i in items} == {Chunk}
    sizes = [len(i.values) for i in items]  # type: ignore[union-attr]
    assert sum(sizes) == 150 and len(sizes) == len(data) // 65536 + 1 and max(sizes) <= 64
    with elements_one_by_one():
        loaded = list(read_records(data, "f.json", "json"))
    places = [p for i in items for p in i.places]  # type: ignore[union-attr]
    assert places == [(i.line, i.column) for i in loaded]  # type: ignore[union-attr]
    assert places[:2] == [(2, 3), (2 + texts[0].count(b"\n") + 1, 3)]
    chunked, one_by_one = array_both(data)
    assert chunked == one_by_one
    assert [(p.keyword, p.record) for p in chunked] == [
        ("country-iso3166", 71),
        ("deal-id", 71),
        ("duplicate-id", 101),
    ]
    first = places[3][0]
    assert chunked[2].message == f"duplicate id 'pe-{3:020x}', first seen at f.json:{first}"
    at = texts[70].index(b'"ZZZ"')  # the country, located in the element's text
    where = (loaded[70].line + texts[70].count(b"\n", 0, at), at - texts[70].rfind(b"\n", 0, at))  # type: ignore[union-attr]
    assert (chunked[0].line, chunked[0].column) == where


def test_array_files_convert_and_report_the_same_on_both_paths(tmp_path: Path) -> None:
    first = [element(k, n) for n, k in enumerate(["valid"] * 90 + ["NUL", "schema", "accented"])]
    second = [element("valid", n) for n in range(80, 200)]
    (tmp_path / "a.json").write_bytes(b"[\n" + b",\n".join(first) + b"\n]\n")
    (tmp_path / "b.json").write_bytes(
        orjson.dumps([orjson.loads(t) for t in second], option=orjson.OPT_INDENT_2)
    )
    (tmp_path / "c.json").write_bytes(b"[" + b",".join(second[:10]) + b"]")
    paths = [str(tmp_path / name) for name in ("a.json", "b.json", "c.json")]

    chunked = _validate_and_convert(paths)
    with elements_one_by_one():
        one_by_one = _validate_and_convert(paths)
    assert chunked == one_by_one
    problems, records, written, said, code = chunked
    assert records == {paths[0]: 93, paths[1]: 120, paths[2]: 10}
    assert [(p.file, p.line, p.keyword) for p in problems][:3] == [
        (paths[0], 92, "loadable"),
        (paths[0], 93, "enum"),
        (paths[1], 4, "duplicate-id"),  # its "id" member, on the element's third line
    ]
    assert written.count(b"\n") == 91 + 120 + 10  # convert leaves duplicate-id to validate
    assert code == 1 and len(said) == 2


def test_a_huge_array_is_read_a_window_at_a_time_in_flat_memory() -> None:
    def peak(count: int) -> int:
        data = orjson.dumps([record(n) for n in range(count)], option=orjson.OPT_INDENT_2)
        tracemalloc.start()
        stream = io.BytesIO(data)
        base = tracemalloc.get_traced_memory()[0]
        problems = list(
            validate_records(read_records(stream, "f.json", chunked=True), skip=["duplicate-id"])
        )
        top = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        assert problems == []
        return top

    assert peak(4000) < 1.5 * peak(1000)


def _validate_and_convert(paths: list[str]) -> tuple[object, ...]:
    """What validate and convert report and write for these files: what the chunked and the
    one-by-one paths must agree on."""
    summary = validate_paths(paths)
    out, said = io.BytesIO(), []
    code = pipeline.convert(paths, out, "ndjson", report=said.append)
    return summary.problems, summary.records, out.getvalue(), said, code


# one-record JSON files: runs of them judged together (exporter.formats.files.runs_of_files)
# report exactly what reading each file alone reports


@contextlib.contextmanager
def each_file_alone() -> Iterator[None]:
    """Every file read alone by open_records, as if no file could join a run."""
    with mock.patch.object(files_module, "small_json_file", lambda path, fmt: None):
        yield


def one_record_text(kind: str, n: int, layout: str) -> bytes:
    """A file holding what an NDJSON line of `kind` holds, laid out so."""
    line = KINDS[kind](n)  # type: ignore[operator]
    if layout == "indented":
        with contextlib.suppress(orjson.JSONDecodeError):  # (not JSON: as it is)
            line = orjson.dumps(orjson.loads(line), option=orjson.OPT_INDENT_2)
    spaced = {"spaced": b" \n\t\r\n  " + line + b"\n\n", "bom": b"\xef\xbb\xbf" + line}
    return spaced.get(layout, line.replace(b"\n", b"\r\n") if layout == "crlf" else line)


# kinds of file besides one object: read alone whatever the run around them
OTHER_FILES: dict[str, bytes] = {
    "array.json": b"[" + ndjson.encode(record(1)) + b"]",
    "empty.json": b"",
    "space.json": b"  \n",
    "lines.ndjson": ndjson.encode(record(2)) + ndjson.encode(record(3)),
    "two objects.json": ndjson.encode(record(4)) + ndjson.encode(record(5)),
    "after.json": ndjson.encode(record(6)) + b"x",
    "big integer.json": b'{"evidence": {"start": 123456789012345678901234567890}, '
    + ndjson.encode(record(7))[1:],
    "bad UTF-8.json": b'{"a": "\xff"}',
    "number.json": b"42",
}
LAYOUTS = ["line", "bare", "indented", "spaced", "bom", "crlf"]


@st.composite
def folders(draw: st.DrawFn) -> dict[str, bytes]:
    """0 to 150 one-record files (ids from a small range: some repeat across files), a few
    of them wrong in each way a report can say, and among them files of other kinds."""
    count = draw(st.integers(0, 150))
    apart = draw(st.sampled_from([0.0, 0.0, 0.02, 0.2]))
    found: dict[str, bytes] = {}
    for i in range(count):
        if apart and draw(st.floats(0, 1)) < apart:
            kind = draw(st.sampled_from(APART))
        else:
            kind = draw(st.sampled_from(["valid", "valid", *WHOLE]))
        layout = draw(st.sampled_from(LAYOUTS))
        found[f"r{i:03d}.json"] = one_record_text(kind, draw(st.integers(0, 200)), layout)
        if draw(st.integers(0, 40)) == 0:
            name = draw(st.sampled_from(sorted(OTHER_FILES)))
            found[f"r{i:03d}x {name}"] = OTHER_FILES[name]
    return found


def summaries(folder: Path, content: dict[str, bytes], **options: object) -> tuple:
    for name, data in content.items():
        (folder / name).write_bytes(data)
    paths = [str(folder)] if content else [str(folder / "none.json")]
    runs = validate_paths(paths, **options)  # type: ignore[arg-type]
    with each_file_alone():
        alone = validate_paths(paths, **options)  # type: ignore[arg-type]
    return runs, alone


@settings(max_examples=60, deadline=None)
@given(content=folders(), forced=st.sampled_from([None, "1.1.0", "1.0.0"]))
def test_runs_of_files_report_exactly_what_each_file_reports(
    tmp_path_factory: pytest.TempPathFactory, content: dict[str, bytes], forced: str | None
) -> None:
    runs, alone = summaries(tmp_path_factory.mktemp("files"), content, schema_version=forced)
    assert runs == alone


@settings(max_examples=20, deadline=None)
@given(content=folders(), skip=st.sets(st.sampled_from(["duplicate-id", "loadable", "deal-id"])))
def test_runs_of_files_skip_the_same_checks(
    tmp_path_factory: pytest.TempPathFactory, content: dict[str, bytes], skip: set[str]
) -> None:
    runs, alone = summaries(tmp_path_factory.mktemp("files"), content, skip=sorted(skip))
    assert runs == alone


def test_one_record_files_are_judged_in_runs_and_a_wrong_file_alone(tmp_path: Path) -> None:
    texts = []
    for n in range(150):
        changed = record(3 if n == 120 else n)  # file 120 repeats the id of file 3
        if n == 70:
            changed["system"] = dict(changed["system"], origin="ZZZ")
        if n == 100:
            changed["status"] = "finished"  # not valid: its run is judged file by file
        text = orjson.dumps(changed, option=orjson.OPT_INDENT_2)
        texts.append(b"\n  " + text if n == 70 else text)
        (tmp_path / f"r{n:03d}.json").write_bytes(texts[-1])
    sizes: list[int] = []  # each judgement's records, less than 0 where it was not sure
    judged = fast.problems

    def counting(chunk: Chunk, *args: object) -> object:
        found = judged(chunk, *args)  # type: ignore[arg-type]
        sizes.append(len(chunk.values) * (1 if found is not None else -1))
        return found

    with mock.patch.object(fast, "problems", counting):
        summary = validate_paths([str(tmp_path)])
    # runs of 64, 64 and 22 files; the second holds file 100: its files are judged alone,
    # and file 100 is read again as any file is
    assert sizes == [64, -64, *[1] * (100 - 64), -1, *[1] * (127 - 100), 22]
    with each_file_alone():
        assert validate_paths([str(tmp_path)]) == summary
    assert summary.records == {str(tmp_path / f"r{n:03d}.json"): 1 for n in range(150)}
    name = [str(tmp_path / f"r{n:03d}.json") for n in range(150)]

    def at(text: bytes, value: bytes) -> tuple[int, int]:
        """The line and column of `value`'s first byte in `text`."""
        where = text.index(value)
        return 1 + text.count(b"\n", 0, where), where - text.rfind(b"\n", 0, where)

    assert [(p.file, (p.line, p.column), p.keyword, p.record) for p in summary.problems] == [
        (name[70], at(texts[70], b'"ZZZ"'), "country-iso3166", 1),
        (name[100], at(texts[100], b'"finished"'), "enum", 1),
        (name[120], at(texts[120], f'"pe-{3:020x}"'.encode()), "duplicate-id", 1),
    ]
    assert summary.problems[2].message == (f"duplicate id 'pe-{3:020x}', first seen at {name[3]}:1")


def test_a_file_with_an_integer_beyond_64_bits_reads_as_pythons_json_reads_it(
    tmp_path: Path,
) -> None:
    # orjson reads 2**70 as a float; the file is read again, as Python's json reads it
    big = tmp_path / "big.json"
    beyond = record(1, evidence={"text": "x", "start": 2**70, "end": 1})
    big.write_text(json.dumps(beyond, indent=1), "utf-8")  # (orjson writes no such integer)
    summary = validate_paths([str(big)])
    text = big.read_bytes()
    where = text.index(str(2**70).encode())
    assert [(p.line, p.column, p.pointer, p.keyword, p.message) for p in summary.problems] == [
        (
            1 + text.count(b"\n", 0, where),
            where - text.rfind(b"\n", 0, where),
            "/evidence/start",
            "loadable",
            f"is {2**70}: an integer beyond 64 bits",
        )
    ]
    with each_file_alone():
        assert validate_paths([str(big)]) == summary
