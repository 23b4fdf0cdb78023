"""Elasticsearch bulk: for each record an action line `{"index":{"_id":"<id>"}}`, then the
record as one NDJSON line; every line ends in a newline, the last one too.

Posted as is to `POST /<index>/_bulk` (Content-Type: application/x-ndjson), a second load of
the same file replaces each document by id instead of adding a copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from exporter.formats.loaded import Loaded
from exporter.formats.ndjson import decode_problem, lines, loads
from exporter.formats.ndjson import encode as ndjson_line
from exporter.problems import Problem


def action(record: dict[str, Any], index: str | None = None) -> bytes:
    """The action line that indexes `record` under its id (in `index`, where named; else
    the index of the URL the file is posted to)."""
    target = b'"_index":' + orjson.dumps(index) + b"," if index else b""
    return b'{"index":{' + target + b'"_id":' + orjson.dumps(str(record.get("id", ""))) + b"}}\n"


def write(records: Iterable[dict[str, Any]], out: IO[bytes], index: str | None = None) -> int:
    count = 0
    for record in records:
        out.write(action(record, index) + ndjson_line(record))
        count += 1
    return count


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    """The records of a bulk file: every second non-blank line, after its action line (an
    `index` or `create`); a record whose `id` is not its action's `_id` is a Problem, since
    Elasticsearch would file it under the other."""
    record_no = 0
    expect_action = True
    act: Any = None
    for numbered in lines(stream, name):
        if isinstance(numbered, Problem):  # a line too long still stands for its line
            if not expect_action:
                record_no += 1
            expect_action = not expect_action
            yield numbered
            continue
        line_no, raw = numbered
        if not raw.strip():
            continue
        if expect_action:
            expect_action = False
            try:
                act = orjson.loads(raw)
            except orjson.JSONDecodeError as error:
                yield decode_problem(name, line_no, record_no + 1, raw, error)
                continue
            if not (
                isinstance(act, dict)
                and len(act) == 1
                and next(iter(act)) in ("index", "create")
                and isinstance(next(iter(act.values())), dict)
            ):
                act = None
                yield Problem(
                    name,
                    line_no,
                    1,
                    "",
                    "parse",
                    'expected an action line {"index":{"_id":...}}',
                    record_no + 1,
                )
            continue
        expect_action = True
        record_no += 1
        try:
            data = loads(raw)
        except orjson.JSONDecodeError as error:
            yield decode_problem(name, line_no, record_no, raw, error)
            continue
        loaded = Loaded(data, name, record_no, line_no, 1, None, None, raw)
        wanted = next(iter(act.values())).get("_id") if act else None
        if wanted is not None and isinstance(data, dict) and data.get("id") != wanted:
            line, column = loaded.position(("id",))
            yield Problem(
                name,
                line,
                column,
                "/id",
                "es-bulk",
                f"id {data.get('id')!r} is not the _id {wanted!r} of the action line before it",
                record_no,
            )
            continue
        yield loaded
    if not expect_action:
        yield Problem(name, None, None, "", "parse", "action line without a record", record_no + 1)
