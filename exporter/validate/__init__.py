"""Validation: records (with their locations) in, Problems out.

The schema first (selected by each record's `schema_version`), then the named semantic checks
on the records the schema accepts.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from typing import Any, cast

from exporter.formats import loadable_as_read, loadable_text, refusal
from exporter.formats.loaded import Loaded
from exporter.formats.ndjson import Chunk
from exporter.problems import Problem, json_pointer
from exporter.validate import fast
from exporter.validate.checks import CHECKS, DEAL_KIND, KINDS, TESTS, Seen
from exporter.validate.report import Summary
from exporter.validate.schema import acceptor, schema_problems


def validate_records(
    items: Iterable[Loaded | Problem | Chunk | dict[str, Any]],
    *,
    schema_version: str | None = None,
    skip: Collection[str] = (),
    seen: Seen | None = None,
) -> Iterator[Problem]:
    """Problems of every record in `items`: records as read (Loaded, located in their file)
    or plain dicts (located by their position in `items`: file "<records>", record N, no
    line); a Problem among the items (unreadable input) is passed through; a Chunk of NDJSON
    lines (exporter.formats.ndjson.chunks) is checked as its records would be. `seen` carries
    cross-record state (duplicate ids) across several calls (files)."""
    found = _validate(_as_items(items), schema_version, skip, seen if seen is not None else Seen())
    return cast(Iterator[Problem], found)  # only Problems: `passing` is off


PLAIN = "<records>"  # the file name Problems of plain dict records carry


def _as_items(
    items: Iterable[Loaded | Problem | Chunk | dict[str, Any]],
) -> Iterator[Loaded | Problem | Chunk]:
    """Plain dicts wrapped as Loaded records numbered in order; the rest as they are."""
    for number, item in enumerate(items, start=1):
        if isinstance(item, Loaded | Problem | Chunk):
            yield item
        else:
            yield Loaded(item, PLAIN, number, 0, 0)


def unplaced(problem: Problem) -> Problem:
    """A Problem of a plain record: no file line or column to point at, only the pointer."""
    if problem.file != PLAIN:
        return problem
    return dataclasses.replace(problem, line=None, column=None)


LOADABLE = "loadable"  # the check a record's own text can settle (exporter.formats.loadable_text)


def _validate(
    items: Iterable[Loaded | Problem | Chunk],
    schema_version: str | None,
    skip: Collection[str],
    seen: Seen,
    counts: Counter[str] | None = None,
    name: str = "",
    passing: bool = False,
    writable: bool = False,
    path: _RecordPath | None = None,
) -> Iterator[Problem | Loaded | Chunk]:
    """validate_records, adding the number of records read to `counts[name]` at the end;
    with `passing`, each record without a problem is yielded too (convert writes those), a
    Chunk whose records have none as the Chunk; with `writable`, a record no consumer could
    load is a Problem "unwritable" instead (convert's refusal, made before the schema's).

    A Chunk is judged whole (exporter.validate.fast) and taken record by record only where
    that cannot be sure; a record goes through `path` (made here unless a run of many files
    made it once: a thousand small files should not set it up a thousand times).
    """
    check = (path or _RecordPath(schema_version, skip, seen, writable)).problems
    read = 0
    for item in items:
        if type(item) is Chunk:
            found = fast.problems(item, schema_version, skip, seen)
            if found is not None:
                read += len(item.values)
                yield from found
                if passing:
                    yield from _passing(item, found)
                continue
            parts: Iterable[Loaded | Problem] = item.items()
        elif type(item) is Loaded:  # (the loop below for one record, without its set-up)
            problems = check(item)
            read += 1
            if problems:
                yield from problems
            elif passing:
                yield item
            continue
        else:
            parts = (item,)  # type: ignore[assignment]
        for part in parts:
            if type(part) is not Loaded:
                yield part
                continue
            problems = check(part)
            read += 1
            if problems:
                yield from problems
            elif passing:
                yield part
    if counts is not None and read:
        counts[name] += read


def _passing(chunk: Chunk, problems: list[Problem]) -> Iterator[Loaded | Chunk]:
    """The records of a judged chunk that have no problem: the chunk itself if none has."""
    if not problems:
        yield chunk
        return
    wrong = {problem.record for problem in problems}
    yield from (item for item in chunk.items() if type(item) is Loaded and item.record not in wrong)


class _RecordPath:
    """The checks of one record, kept lean: a record that jsonschema-rs accepts goes
    straight to the semantic checks; only one it does not accept (or cannot judge) takes the
    detailed path of `schema_problems`, which gives the same verdict with located messages."""

    def __init__(
        self, schema_version: str | None, skip: Collection[str], seen: Seen, writable: bool
    ) -> None:
        unknown = set(skip) - set(CHECKS)
        if unknown:
            known = ", ".join(CHECKS)
            raise ValueError(f"unknown check {', '.join(sorted(unknown))}; known: {known}")
        self.schema_version, self.seen, self.writable = schema_version, seen, writable
        self.skip = skip
        # each check with its own first test, made here (a call less a record and check)
        self.checks = [
            (check, fn, TESTS.get(check)) for check, fn in CHECKS.items() if check not in skip
        ]
        # a deal record (it names its record_kind) gets the checks that apply to deals
        self.deal_checks = [c for c in self.checks if DEAL_KIND in KINDS[c[0]]]
        # the same, less `loadable`: for a record whose own text says it is loadable
        self.lean = {
            deal: [c for c in both if c[0] != LOADABLE]
            for deal, both in ((False, self.checks), (True, self.deal_checks))
        }
        self.by_text = any(c[0] == LOADABLE for c in self.checks)
        self.accepts = acceptor(schema_version)

    def problems(self, item: Loaded) -> list[Problem]:
        """The record's Problems; with `writable`, a record no consumer could load has one,
        "unwritable", and is not checked further."""
        data = item.data
        raw = item.raw
        if self.writable and (refused := refusal(item)) is not None:
            return [refused]
        if not self.accepts(data):
            problems = list(schema_problems(item, self.schema_version))
            if problems:
                return list(map(unplaced, problems))
        where = f"{item.file}:{item.line}" if item.file != PLAIN else f"record {item.record}"
        deal = "record_kind" in data
        if self.by_text and (
            loadable_text(data, raw)
            if type(raw) is bytes
            else raw is not None and loadable_as_read(item)
        ):
            chosen = self.lean[deal]
        else:
            chosen = self.deal_checks if deal else self.checks
        found = []
        seen = self.seen
        for check, function, test in chosen:
            if test is not None and not test(data):  # what the check would test first
                continue
            findings = function(data, seen, where)
            if not findings:  # (most records: no loop over nothing)
                continue
            for path, message in findings:
                line, column = item.position(path)
                found.append(
                    unplaced(
                        Problem(
                            item.file, line, column, json_pointer(path), check, message, item.record
                        )
                    )
                )
        return found


def validate_paths(
    paths: Iterable[str],
    *,
    schema_version: str | None = None,
    skip: Collection[str] = (),
    fmt: str | None = None,
) -> Summary:
    """Validate record files and folders ("-" is stdin) as `procex validate` does: every file
    checked whatever the others hold; duplicate ids are found across all of them. `fmt`
    reads every file as that format (`--from`), else each as its name or content says."""
    from exporter.formats.files import record_files, runs_of_files

    summary, seen = Summary(), Seen()
    checking = _RecordPath(schema_version, skip, seen, writable=False)
    for item in runs_of_files(record_files(paths), fmt):
        if isinstance(item, str):  # a file read on its own
            _validate_file(item, fmt, summary, checking)
            continue
        # one-record files: judged together where that is sure, else each alone
        found = fast.problems(Chunk.of_files(item), schema_version, skip, seen)
        if found is not None:
            _add_files(summary, item, found)
            continue
        for one in item:
            found = fast.problems(one, schema_version, skip, seen)
            if found is not None:
                _add_files(summary, [one], found)
            else:  # read again as any file is: what Python's json reads, record by record
                _validate_file(one.file, fmt, summary, checking)
    return summary


def _add_files(summary: Summary, ones: list[Chunk], problems: list[Problem]) -> None:
    """One-record files judged (the Chunks of one that hold their records), and the Problems
    found in them, in their order."""
    names = [one.file for one in ones]
    summary.files.extend(names)
    summary.records.update(names)
    summary.problems.extend(problems)


def _validate_file(path: str, fmt: str | None, summary: Summary, checking: _RecordPath) -> None:
    """One file read and validated record by record, or a Chunk at a time where it can."""
    from exporter.formats.files import STDIN, open_records

    name = STDIN if path == "-" else path
    summary.files.append(name)
    before = len(summary.problems)
    items = open_records(path, fmt, chunked=True)
    found = _validate(
        items,
        checking.schema_version,
        checking.skip,
        checking.seen,
        summary.records,
        name,
        path=checking,
    )
    summary.problems.extend(cast(Iterator[Problem], found))
    if summary.records[name] == 0 and len(summary.problems) == before:
        summary.problems.append(Problem(name, None, None, "", "empty", "no records in file"))
