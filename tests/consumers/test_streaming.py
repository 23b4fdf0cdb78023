"""Readers stream: the first record comes out before the file has been read, so memory stays
flat; a JSON-LD file in another layout is still read whole, with the same records."""

from __future__ import annotations

import io
import json

from exporter.formats import read_records, write_records
from exporter.formats.loaded import Loaded
from exporter.problems import Problem
from tests.consumers.conftest import SEED_EVENTS, lines_of

RECORDS = lines_of(SEED_EVENTS)


class NoSeek(io.BytesIO):
    def seekable(self) -> bool:
        return False


def jsonld(records: list[dict]) -> bytes:
    out = io.BytesIO()
    write_records(records, out, "jsonld")
    return out.getvalue()


def many(n: int) -> list[dict]:
    return [{**RECORDS[i % len(RECORDS)], "id": f"pe-{i:020x}"} for i in range(n)]


def test_jsonld_reader_goes_line_by_line_in_our_layout() -> None:
    data = jsonld(many(3000))
    stream = io.BytesIO(data)
    items = read_records(stream, "big.jsonld", "jsonld")
    first = next(items)
    assert isinstance(first, Loaded) and first.line == 3 and first.data["id"] == f"pe-{0:020x}"
    assert stream.tell() < len(data) // 10
    assert [i.data for i in items] == many(3000)[1:]


def test_jsonld_in_another_layout_is_read_whole() -> None:
    pretty = json.dumps(json.loads(jsonld(RECORDS)), indent=2, ensure_ascii=False).encode()
    for stream in (io.BytesIO(pretty), NoSeek(pretty)):
        assert [i.data for i in read_records(stream, "pretty.jsonld", "jsonld")] == RECORDS


def test_jsonld_broken_part_way_keeps_the_records_before_and_locates_the_error() -> None:
    lines = jsonld(RECORDS).split(b"\n")
    lines[3] = lines[3][:-1]  # the second record loses its comma
    for stream in (io.BytesIO(b"\n".join(lines)), NoSeek(b"\n".join(lines))):
        items = list(read_records(stream, "broken.jsonld", "jsonld"))
        assert [i.data for i in items if isinstance(i, Loaded)] == RECORDS[:2]
        (problem,) = [i for i in items if isinstance(i, Problem)]
        assert (problem.line, problem.keyword) == (5, "parse")


def test_jsonld_reads_an_empty_graph() -> None:
    assert list(read_records(io.BytesIO(jsonld([])), "empty.jsonld", "jsonld")) == []
